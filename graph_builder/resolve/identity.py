"""Document identity: mentions -> distinct cited documents (canonical symbol, year, jurisdiction).

    symbol        canonical số ký hiệu (``find.patterns.citations``)
    year          from the citation's date, else from a year inside the symbol (normative form);
                  a date stated once applies to the other mentions of the same number in the text;
                  otherwise unknown ("year?" in the key) — never guessed
    jurisdiction  "national" for Chính phủ, Thủ tướng, Quốc hội, ministries, Party central bodies;
                  otherwise the province of the issuer: the one named ("của HĐND tỉnh Bình Định"),
                  else the citing document's own province (None when that is unknown)

Mentions of one number with two different dates are two documents (01/NQ-CP of 2024 and of
2025); an undated mention is then not merged with either and keeps an unknown year.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections import Counter

from ..find.patterns.citations import (SYMBOL_RE, classify_issuer, code_scope, code_scope_strength, issuer_from_code,
                                       parse_date_after, parse_issuer_after, parse_symbol)
from ..find.patterns.common import _SENTENCE_END, sentence_span
from ..model import CitationMention, CitedDocument, CleanText, DocumentIdentity, DocumentMeta

_SYMBOL_CACHE: dict[str, object] = {}


def _parsed(symbol: str):
    p = _SYMBOL_CACHE.get(symbol)
    if p is None:
        m = SYMBOL_RE.fullmatch(symbol)
        p = parse_symbol(m) if m else False
        _SYMBOL_CACHE[symbol] = p
    return p or None


def _symbol_year(symbol: str) -> int | None:
    m = re.match(r"\d+/((?:19|20)\d\d)/", symbol)
    return int(m.group(1)) if m else None


@functools.lru_cache(maxsize=8192)
def jurisdiction_of(symbol: str, issuer: str | None, province: str | None) -> str | None:
    """'national', a province, or None (a local issuer in a document whose province is unknown).

    A code that is the body itself (UBND, HĐND, TU; CP, TTg, QH, TW, a listed ministry) decides;
    otherwise the issuer named in the text does ("hướng dẫn của Bộ Kế hoạch và Đầu tư tại Công văn
    số 5743/SKHĐT-TH" is national although the code has a department's shape), and without one the
    shape of the code (S… a department, B… a ministry)."""
    sym = _parsed(symbol)
    by_code, definite = code_scope_strength(sym) if sym else (None, False)
    kind, named_prov = classify_issuer(issuer)
    if definite:
        return "national" if by_code == "national" else (named_prov or province)
    if kind == "national":
        return "national"
    if kind == "local":
        return named_prov or province
    if by_code == "national":
        return "national"
    return province


def _quote(clean: CleanText, m: CitationMention) -> str:
    """The source text of a mention's phrase, on one line (the line holding the number)."""
    src = clean.source.text
    qs, qe = m.quote_start, max(m.quote_end, m.end)
    ls = src.rfind("\n", 0, m.start) + 1
    le = src.find("\n", m.start)
    le = len(src) if le == -1 else le
    a, b = max(qs, ls), min(qe, le)
    if b < qe:  # the phrase runs on past the line: end at the last part complete on this line
        text = clean.text
        ends = [m.end]
        d, de = parse_date_after(text, m.end)
        if d and de <= le:
            ends.append(de)
            _iss, ie = parse_issuer_after(text, de, None)
            if _iss and ie <= le:
                ends.append(ie)
        b = min(max(ends), le)
    if a > qs:  # the phrase began on an earlier line: start at "số" or the number itself
        k = src[a:m.start].lower().rfind("số")
        a = a + k if k != -1 else m.start
    return src[a:b].strip()


def resolve_citations(mentions: list[CitationMention], meta: DocumentMeta, clean: CleanText) -> list[CitedDocument]:
    """Group mentions into distinct cited documents with their identities."""
    province = meta.province
    groups: dict[tuple[str, str | None], list[CitationMention]] = {}
    # an issuer named once applies to the other mentions of the same number (like a date)
    named: dict[str, set[str | None]] = {}
    for m in mentions:
        if m.issuer:
            named.setdefault(m.symbol, set()).add(jurisdiction_of(m.symbol, m.issuer, province))
    for m in mentions:
        js = named.get(m.symbol) if not m.issuer else None
        if js and len(js) == 1:
            j = next(iter(js))
        else:
            j = jurisdiction_of(m.symbol, m.issuer, province)
        groups.setdefault((m.symbol, j), []).append(m)
    docs: list[CitedDocument] = []
    for (symbol, jurisdiction), ms in groups.items():
        sym_year = _symbol_year(symbol)
        by_year: dict[int | None, list[CitationMention]] = {}
        dates_by_year: dict[int, set[str]] = {}
        for m in ms:
            if m.date:
                y = int(m.date[:4])
                dates_by_year.setdefault(y, set()).add(m.date)
        years = set(dates_by_year)
        if sym_year is not None:
            years.add(sym_year)
        for m in ms:
            if m.date:
                y = int(m.date[:4])
            elif len(years) == 1:
                y = next(iter(years))  # the date stated once (or the symbol's year) applies to all
            elif sym_year is not None:
                y = sym_year
            else:
                y = None  # several dated documents share this number: not merged silently
            by_year.setdefault(y, []).append(m)
        for year, yms in by_year.items():
            docs.append(_cited(symbol, year, jurisdiction, yms, dates_by_year.get(year, set()), meta, clean))
    docs.sort(key=lambda d: d.mentions[0].start)
    return docs


class _LineSentences:
    """``sentence_span`` for many mentions of one text: the sentence ends of a line are found once
    (a long paragraph with many numbers was scanned again from its start for each of them).
    Same result as ``sentence_span``; lines longer than its window fall back to it."""

    __slots__ = ("clean", "ends")

    def __init__(self, clean: CleanText):
        self.clean = clean
        self.ends: dict[int, tuple[list[int], list[int]]] = {}  # line start -> (match starts, match ends)

    def span(self, start: int, end: int) -> tuple[int, int]:
        clean = self.clean
        text = clean.text
        ls, le = clean.line_span(start)
        if end > le or start - ls > SENTENCE_LIMIT or le - end > SENTENCE_LIMIT:
            return sentence_span(text, start, end)
        got = self.ends.get(ls)
        if got is None:
            found = list(_SENTENCE_END.finditer(text, ls, le))
            got = ([m.start() for m in found], [m.end() for m in found])
            self.ends[ls] = got
        starts, ends = got
        # the last sentence end before the mention (one ending right at it is not seen by a scan
        # that stops there), then the first one from the mention's end on
        i = bisect.bisect_left(ends, start)
        s = ends[i - 1] if i else ls
        j = bisect.bisect_left(starts, max(end, s))
        e = starts[j] + 1 if j < len(starts) else le
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e


SENTENCE_LIMIT = 1000  # sentence_span's window either side
_LS_CACHE: list = [None, None]


def line_sentences(clean: CleanText) -> _LineSentences:
    if _LS_CACHE[0] is not clean:
        _LS_CACHE[0], _LS_CACHE[1] = clean, _LineSentences(clean)
    return _LS_CACHE[1]


def _START(m: CitationMention) -> int:
    return m.start


def _cited(symbol: str, year: int | None, jurisdiction: str | None, ms: list[CitationMention], dates: set[str],
           meta: DocumentMeta, clean: CleanText) -> CitedDocument:
    if len(ms) == 1:
        date = ms[0].date if dates else None
        doc_type = ms[0].doc_type
    else:
        ms = sorted(ms, key=_START)
        date = None
        if dates:
            date = Counter(m.date for m in ms if m.date).most_common(1)[0][0]
        types = Counter(m.doc_type for m in ms if m.doc_type)
        doc_type = types.most_common(1)[0][0] if types else None
    issuer = next((m.issuer for m in ms if m.issuer), None)
    if issuer is None:
        issuer = _issuer_by_code(symbol, jurisdiction if jurisdiction not in (None, "national") else None)
    subject = next((m.subject for m in ms if m.subject), None)
    src = clean.source.text
    sentences = []
    for m in ms:
        if m.in_repeated:
            continue
        s, e = line_sentences(clean).span(m.start, m.end)
        sentences.append(src[s:e])
    ident = DocumentIdentity(symbol=symbol, year=year, jurisdiction=jurisdiction)
    return CitedDocument(
        identity=ident, doc_type=doc_type, date=date, issuer=issuer, issuer_scope=jurisdiction,
        mentions=ms, first_quote=_quote(clean, ms[0]), sentences=sentences, subject=subject,
    )


@functools.lru_cache(maxsize=8192)
def _issuer_by_code(symbol: str, province: str | None) -> str | None:
    sym = _parsed(symbol)
    return issuer_from_code(sym, province) if sym is not None else None


def own_jurisdiction(meta: DocumentMeta) -> str | None:
    if meta.symbol:
        m = SYMBOL_RE.fullmatch(meta.symbol)
        sym = parse_symbol(m) if m else None
        if sym is not None and code_scope(sym) == "national":
            return "national"
    return meta.province


def document_id(meta: DocumentMeta, clean: CleanText) -> str:
    """The ingested document's id.  A numbered document with a known year gets the key a citing
    document would give it (so the two meet in the graph); otherwise the content hash makes it
    unique."""
    jurisdiction = own_jurisdiction(meta)
    if meta.symbol and meta.year is not None and jurisdiction:
        return DocumentIdentity(meta.symbol, meta.year, jurisdiction).key
    h = clean.source.content_hash or hashlib.sha256(clean.source.text.encode("utf-8")).hexdigest()
    head = meta.symbol or "unnumbered"
    return f"{head}@{meta.year or 'year?'}@{jurisdiction or 'jurisdiction?'}#{h[:12]}"

