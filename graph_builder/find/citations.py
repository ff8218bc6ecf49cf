"""Citation finder: every mention of a document by its number and symbol.

``find_citation_mentions`` is the character-level finder (regexes of
``patterns.citations`` over ``CleanText.text``).  ``find_citations`` — what the pipeline
calls — runs it through the registered spaCy component ``vn_citations`` (see
``find.components``), so that ``legalkg`` and a researcher's spaCy pipeline share one code path.

Per number found:

    left      [các] TYPE-WORD [số[:]]   or  [số]  (a list item: type taken from the list)
    right     [, ngày DATE] [của|do ISSUER] [ngày DATE] [về|về việc SUBJECT]
    lists     "Nghị quyết số 93/NQ-CP ngày …, Nghị quyết số 108/NQ-CP ngày … của Chính phủ":
              a trailing "của <issuer>" also belongs to the earlier items whose issuer code fits
    aliases   "(sau đây gọi tắt là Nghị quyết 01)": later "Nghị quyết 01" count as mentions
    excluded  the document's own number (header "Số:", metadata "Số hiệu", the page title),
              numbers inside file paths and URLs
"""
from __future__ import annotations

import re

from ..model import CitationMention, CleanText, DocumentMeta
from .patterns.citations import (ALIAS_RE, ISSUER_BEFORE_RE, symbol_matches, LEFT_LAW_RE, LIST_GAP_RE, left_of_number,
                                 LOOSE_SYMBOL_RE, OWN_NUMBER_RE, SYMBOL_RE, TYPE_CODES, Symbol, code_scope, code_scope_strength,
                                 is_path_context, issuer_fits_code, match_issuer, parse_date_after, parse_issuer_after,
                                 ffold, parse_subject, parse_symbol, trailing_issuer, type_from_word)

LEFT_WINDOW = 140
LEFT_NEAR = 48
OWN_ZONE = 3000  # the header block: a bare "Số 12/…" line there is the document's own number


class _Cand:
    __slots__ = ("sym", "start", "end", "qs", "qe", "doc_type", "typed", "has_so", "date", "issuer", "subject",
                 "subj_end", "prev_link", "own")

    def __init__(self, sym: Symbol, start: int, end: int):
        self.sym, self.start, self.end = sym, start, end
        self.qs, self.qe = start, end
        self.doc_type = None
        self.typed = False
        self.has_so = False
        self.date = None
        self.issuer = None
        self.subject = None
        self.subj_end = end
        self.prev_link = False
        self.own = False


def _symbols(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    for m in symbol_matches(text):
        s = m.start()
        if m.group("loose") is not None:
            # lower-case / odd-case numbers right after "số" (with more structure than N/x)
            j = s - 1
            while j > 0 and text[j] in " \t:":
                j -= 1
            if j >= 2 and text[j - 2].isalnum():  # "số" is a word of its own
                continue
            m = LOOSE_SYMBOL_RE.match(text, s)
            if not m or not (m.group("pnum") or m.group("year") or "-" in (m.group("codes") or "")):
                continue
        else:
            e = m.end()
            if e < len(text) and text[e] in "/\\":
                continue
        if is_path_context(text, s, m.end()):
            continue
        sym = parse_symbol(m)
        if sym is None:
            continue
        out.append(_Cand(sym, s, m.end() - sym.trim))
    return out


def _left(text: str, c: _Cand) -> None:
    a = max(0, c.start - LEFT_NEAR)  # a type word and "số" take at most ~35 characters
    window = text[a:c.start]
    left = left_of_number(window)
    tw_s = None
    if left is not None and left[0] is not None:
        tw_s, tw_e, has_so = left
    else:
        wa = max(0, c.start - LEFT_WINDOW)
        wide = text[wa:c.start]
        if "uật" in wide or "UẬT" in wide or "háp lệnh" in wide:
            m = LEFT_LAW_RE.search(wide)
            if m:
                a, window = wa, wide
                tw_s, tw_e, has_so = m.start("tw"), m.end("tw"), bool(m.group("so"))
    if tw_s is not None:
        w = window[tw_s:tw_e]
        c.doc_type = type_from_word(w)
        c.typed = c.doc_type is not None
        c.has_so = has_so
        c.qs = a + tw_s
        # a doubled type word ("Thông tư Thông tư số 55/2011/TT-BGDĐT") stays in the quote
        prev = window[:tw_s].rstrip()
        if len(prev) >= len(w) and ffold(prev[-len(w):]) == ffold(w) and (len(prev) == len(w) or not prev[-len(w) - 1].isalnum()):
            c.qs = a + len(prev) - len(w)
        return
    if left is not None:  # a bare "số"
        c.has_so = True
        c.qs = a + left[1]


def _right(text: str, c: _Cand, province: str | None) -> None:
    pos = c.end
    date, p2 = parse_date_after(text, pos)
    if date:
        c.date, pos = date, p2
    iss, p3 = parse_issuer_after(text, pos, province)
    if iss:
        c.issuer, pos = iss, p3
        if c.date is None:
            date, p4 = parse_date_after(text, pos)
            if date:
                c.date, pos = date, p4
    c.qe = pos
    subj, s, e = parse_subject(text, pos)
    if subj:
        iss2, cut = trailing_issuer(text, s, e, province)
        if iss2 is not None:
            subj = re.sub(r"\s+", " ", text[s:cut]).strip(" ,") or None
            if c.issuer is None:
                c.issuer = iss2
        c.subject = subj
        c.subj_end = e
    else:
        c.subj_end = pos


def _issuer_before(text: str, c: _Cand, province: str | None) -> None:
    """"Xét đề nghị của Sở Kế hoạch và Đầu tư tại Công văn số 2970/SKHĐT-TH"."""
    if c.qs == 0 or not text[c.qs - 1].isspace():
        return
    w = ffold(text[max(0, c.qs - 12):c.qs])
    if not w.endswith(("tai", "theo")):
        return  # (cheap test of what ISSUER_BEFORE_RE ends with: "… tại|theo ")
    a = max(0, c.qs - 120)
    m = ISSUER_BEFORE_RE.search(text, a, c.qs)
    while m is not None:  # the nearest "của" ("… của Thủ tướng Chính phủ và hướng dẫn của Bộ X tại …")
        nxt = ISSUER_BEFORE_RE.search(text, m.start() + 1, c.qs)
        if nxt is None:
            break
        m = nxt
    if m and m.end() == c.qs:
        iss = match_issuer(text, m.start("iss"), province)
        # the issuer is the whole phrase between "của" and "tại" (not "của Chính phủ. Thực hiện … tại")
        if iss is not None and not text[iss.end:m.end("iss")].strip(" \t,") and iss_fits(iss, c.sym):
            c.issuer = iss


def iss_fits(iss, sym: Symbol) -> bool:
    """An issuer named before "tại <Type> số N" is the number's unless the code is itself a body
    of another kind (UBND, HĐND, TU, CP, TTg …)."""
    return issuer_fits_code(iss, sym) or not code_scope_strength(sym)[1]


def _is_own(text: str, c: _Cand, meta: DocumentMeta | None) -> bool:
    ls = text.rfind("\n", 0, c.start) + 1
    if c.start - ls <= 40:
        m = OWN_NUMBER_RE.match(text, ls, c.start)
        if m and (c.start < OWN_ZONE or re.search(r"[:|]", m.group(0))):
            return True  # "Số: 01/CTr-UBND", "Số hiệu | 01/CTr-UBND |"
    if meta is not None and meta.symbol and c.sym.symbol == meta.symbol:
        return c.date is None or c.date == meta.date
    return False


def find_citation_mentions(clean: CleanText, meta: DocumentMeta | None = None) -> list[CitationMention]:
    """Every mention of a numbered document in ``clean`` (the document's own number excluded)."""
    text = clean.text
    province = meta.province if meta is not None else None
    cands = _symbols(text)
    keep: list[_Cand] = []
    for c in cands:
        _left(text, c)
        _right(text, c, province)
        if c.issuer is None:
            _issuer_before(text, c, province)
        if _is_own(text, c, meta):
            continue
        # letters without any context are too weak (a bare "12/ABC-XY" can be anything)
        if not (c.typed or c.has_so or c.date or c.issuer or c.sym.type_code or c.sym.form != "state"
                or code_scope(c.sym)):
            continue
        keep.append(c)
    # lists: link each item to the previous one when only connectors (or its subject) lie between
    for prev, c in zip(keep, keep[1:]):
        gap_from = prev.qe
        if LIST_GAP_RE.match(text[gap_from:c.qs]) or (prev.subject and LIST_GAP_RE.match(text[prev.subj_end:c.qs])):
            c.prev_link = True
    for i, c in enumerate(keep):
        if not c.typed and c.prev_link and i > 0 and keep[i - 1].doc_type:
            c.doc_type = keep[i - 1].doc_type  # ", số 125/TB-UBND", ", 104/CĐ-TTg": typed from the list
    # a trailing issuer belongs to the earlier items of its list whose issuer code fits
    for i in range(len(keep) - 1, 0, -1):
        c = keep[i]
        if c.issuer is None or not c.prev_link:
            continue
        j = i
        while j > 0 and keep[j].prev_link:
            p = keep[j - 1]
            if p.issuer is None and issuer_fits_code(c.issuer, p.sym):
                p.issuer = c.issuer
            elif p.issuer is not None:
                break
            j -= 1
    out: list[CitationMention] = []
    for c in keep:
        dt = c.doc_type
        if dt is None:
            if c.sym.type_code and c.sym.type_code in TYPE_CODES:
                dt = TYPE_CODES[c.sym.type_code]
            elif c.sym.form == "state" and c.sym.type_code is None:
                dt = "Công văn"  # a letter: its number carries no type code (2970/SKHĐT-TH)
        out.append(CitationMention(
            start=c.start, end=c.end, raw=clean.original(c.start, c.end), symbol=c.sym.symbol, doc_type=dt,
            date=c.date, issuer=c.issuer.name if c.issuer else None, quote_start=c.qs, quote_end=c.qe,
            in_repeated=clean.is_repeated(c.start) if clean.repeated else False, subject=c.subject,
        ))
    out.extend(_alias_mentions(clean, out))
    out.sort(key=lambda m: m.start)
    _LAST[0], _LAST[1] = clean, out
    return out


def _alias_mentions(clean: CleanText, mentions: list[CitationMention]) -> list[CitationMention]:
    """Short names defined for a cited document ("(sau đây gọi tắt là Nghị quyết 01)") and their
    later uses.  Only names that keep a number count: descriptive back-references do not."""
    text = clean.text
    extra: list[CitationMention] = []
    if not mentions or ALIAS_RE.search(text) is None:
        return extra  # (one scan of the text: a definition near a mention is also one in the whole text)
    spans = [(m.start, m.end) for m in mentions]
    taken: set[int] = set()
    for m in mentions:
        am = ALIAS_RE.match(text, m.quote_end) or ALIAS_RE.search(text, m.quote_end, min(len(text), m.quote_end + 400))
        if not am or (am.start() > m.quote_end and _next_mention_before(mentions, m, am.start())):
            continue
        alias = am.group("alias").strip(" .,:;")
        if not re.search(r"\d", alias) or SYMBOL_RE.search(alias):
            continue  # the alias repeats the full number (already counted) or keeps none
        rx = re.compile(r"(?<![\w/])" + re.escape(alias).replace(r"\ ", r"\s+") + r"(?![\w/])")
        for um in rx.finditer(text, am.start()):  # the definition itself is a mention, like "(… là Nghị quyết số 01/NQ-CP)"
            if um.start() in taken or any(a <= um.start() < b for a, b in spans):
                continue
            taken.add(um.start())
            extra.append(CitationMention(
                start=um.start(), end=um.end(), raw=clean.original(um.start(), um.end()), symbol=m.symbol,
                doc_type=m.doc_type, date=m.date, issuer=m.issuer, quote_start=um.start(), quote_end=um.end(),
                in_repeated=clean.is_repeated(um.start()) if clean.repeated else False,
            ))
    return extra


def _next_mention_before(mentions: list[CitationMention], m: CitationMention, pos: int) -> bool:
    return any(m.quote_end <= o.start < pos for o in mentions if o is not m)


_LAST: list = [None, None]  # (CleanText, mentions) of the last text: later finders reuse them


def mentions_for(clean: CleanText, meta: DocumentMeta | None = None) -> list[CitationMention]:
    """The citation mentions of ``clean`` (cached for the text last processed)."""
    if _LAST[0] is clean and _LAST[1] is not None:
        return _LAST[1]
    return find_citation_mentions(clean, meta)


def find_citations(clean: CleanText) -> list[CitationMention]:
    """The pipeline's entry: the ``vn_citations`` spaCy component over ``clean``."""
    from .components import run_citation_component

    return run_citation_component(clean)
