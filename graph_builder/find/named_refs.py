"""Named-reference finder: documents referred to by name only (laws, named plans, programmes,
schemes, strategies, Party congress resolutions, treaties, regulations).

For each head word (``patterns.named_refs.HEADS``) the name is grown word by word (see
``_extent``) and kept when it is specific: a capitalised head inside a sentence, or a name that
carries a year or period, a place, quotation marks, an issuer ("của UBND tỉnh") or enough
words.  Generic mentions ("các đề án", "kế hoạch vốn", "Kế hoạch này"), numbered documents
(citations), campaigns and the document itself are left out.  Spellings of one name are merged
(``aliases``): "Luật đất đai mới", "Luật Đất đai 2024" and "Luật Đất đai năm 2024" are one law.
"""
from __future__ import annotations

import bisect
import functools
import re

from ..model import CleanText, DocumentMeta, NamedReference
from .patterns.citations import TYPE_WORD_RX, ffold, is_path_context, parse_date_after
from .patterns.targets import lowered
from .patterns.named_refs import (PLURAL_COMMA_REV, CONTINUE_FIRST_WORDS, HEAD_FIRST_WORDS, HEAD_LOWER_RE, NUMBER_SOON_RE, PLURAL_WORDS, STOP_FIRST_WORDS,
                                  ACRONYM_PAREN, AFTER_YEAR_RE, ALIAS_DEF_RE, CAMPAIGN_RE, CONTINUE_RE,
                                  DISTRICT_LIST_RE, DISTRICT_TAIL_RE, HEAD_RE, PARTY_LEVEL_RE, HEADS, ISSUER_WORDS, LAW_SHARED_RE,
                                  PARTY_CONGRESS_RE, PLACE_IN_NAME, PRE_WORD_NOT_LAW, PROPER_PLACE,
                                  QUOTED_RE, RESOLUTION_OF_RE, STOP_PHRASE_RE, STOP_WORDS, UNIT_WORDS, YEAR_OR_PERIOD,
                                  YEAR_TOKEN_RE)

_WORDS_RE = re.compile(r"[^\W_]+")
_TOKEN_RE = re.compile(r"\s*(?P<tok>[^\s]+)")
_HEAD_FOLD = {ffold(h): k for h, k in HEADS.items()}
_TRAIL_CHARS = " ,;:.-–…"  # what a name does not end with (its whitespace already single spaces)
_ITEMS_SPLIT_RE = re.compile(r"\s*(?:,|\svà\s)\s*")
_DIGIT_SLASH_RE = re.compile(r"\d\s*[/-]")
_TYPED_NUMBER_RE = re.compile(rf"(?:{TYPE_WORD_RX})\s+(?:s[ốo]\s*)?\d{{1,5}}\s*[/-]")
# rests (what follows the head) that make a mention generic, whatever its case
_GENERIC_START = ("vốn", "này", "đó", "nêu trên", "trên", "của đơn vị", "của cơ quan", "của mình", "của các", "chi tiết",
                  "cụ thể", "số", "đã", "được", "đề ra", "liên quan", "có liên quan", "như sau", "hàng năm", "hằng năm",
                  "của ngành", "của địa phương", "đơn vị", "kèm theo", "ban hành", "năm", "công tác năm", "công tác của",
                  "thực hiện và")
# ... and these when the head is not a capitalised name inside a sentence
_LOWER_GENERIC_START = ("sử dụng đất", "đầu tư công năm", "phát triển kinh tế xã hội năm",
                        "phát triển kinh tế xã hội và dự toán", "kinh tế xã hội năm", "giải ngân", "lựa chọn nhà thầu",
                        "thí điểm")
_GENERIC_EXACT = ("hành động", "công tác", "công tác năm", "hành động của UBND tỉnh", "hành động của Ủy ban nhân dân tỉnh",
                  "mục tiêu quốc gia", "sản xuất", "đầu tư công", "phát triển", "chuyên ngành", "tỉnh", "sử dụng đất",
                  "giải ngân", "đào tạo", "tuyển sinh", "thực hiện", "triển khai", "quảng bá", "tín dụng", "xúc tiến",
                  "kinh tế xã hội", "phát triển kinh tế xã hội", "hoạt động", "tổng thể", "chung", "riêng", "mới",
                  "hiện hành", "cấp huyện", "cấp xã", "cấp tỉnh", "sản xuất kinh doanh", "phòng chống", "hợp tác",
                  "đầu tư", "phát triển đô thị", "hành động thực hiện", "phát triển kinh tế xã hội của tỉnh",
                  "hành động của tỉnh", "công tác của UBND tỉnh")


def _fold_words(s: str) -> str:
    return " ".join(_WORDS_RE.findall(ffold(s)))


GENERIC_START = tuple(_fold_words(g) for g in _GENERIC_START)
LOWER_GENERIC_START = tuple(_fold_words(g) for g in _LOWER_GENERIC_START)
GENERIC_EXACT = {_fold_words(g) for g in _GENERIC_EXACT}
_GENERIC_START_SP = tuple(g + " " for g in GENERIC_START)
# first words after a lower-case head that make it generic at once
_GENERIC_FIRST = {"vốn", "này", "đó", "chi", "cụ", "số", "đã", "được", "đề", "liên", "có", "như", "hàng", "hằng", "của",
                  "đơn", "kèm", "năm", "và", "hoặc", ",", "để", "theo", "trên", "đến", "giải", "sử"}
_LOWER_GENERIC_START_SP = tuple(g + " " for g in LOWER_GENERIC_START)
_SYLLABLE_RE = re.compile(r"[^\W\d_]+")
_NUM_NAME_RE = re.compile(r"[ \t]+(\d{1,3})(?![\d/.,-])(?:[ \t]+(\S+))?")
_RANGE_END_RE = re.compile(r"[ \t]*-[ \t]*(?:19|20)\d\d(?!\d)")
_TRAIL_PUNCT_RE = re.compile(r"[,.;:!?…]*")
_LAW_YEAR_RE = re.compile(r"\s+(?:nam\s+)?(?:19|20)\d\d$|\s+moi$")
_HEAD_KIND = {" ".join(h.lower().split()): k for h, k in HEADS.items()}
MAX_NAME_CHARS = 260
_YEAR_START = set("12(")
_AMENDING_RE = re.compile(r"\s*(?i:sửa đổi)")
_ACRONYM_RE = re.compile(r"\([A-ZĐ]{2,}\)")
_ROMAN_RE = re.compile(r"(?<![\w])([IVXLC]+)(?![\w])")
_YEAR_END_RE = re.compile(r"năm\s+(?:19|20)\d\d$")


def _words_fold(s: str) -> str:
    return " ".join(ffold(s).split())


_TOK_STRIP = ",.;:!?…\"“”'()*"


def _tok_word(tok: str) -> str:
    return tok.strip(_TOK_STRIP)


def _is_head_at(text: str, pos: int, word: str | None = None) -> bool:
    if word is None:
        m = _TOKEN_RE.match(text, pos)
        word = _tok_word(m.group("tok")) if m else ""
    if word.lower() not in HEAD_FIRST_WORDS:
        return False
    return bool(HEAD_RE.match(text, pos))


def _continue_at(text: str, pos: int, lw: str):
    return CONTINUE_RE.match(text, pos) if lw in CONTINUE_FIRST_WORDS else None


def _stop_phrase_at(text: str, pos: int, lw: str) -> bool:
    return lw in STOP_FIRST_WORDS and bool(STOP_PHRASE_RE.match(text, pos))


def _plural_before(before: str) -> bool:
    words = before.split()
    if not words:
        return False
    last = words[-1].lower()
    if last in PLURAL_WORDS or (last == "số" and len(words) >= 2 and words[-2].lower() == "một"):
        return True
    return last.endswith(",") and bool(PLURAL_COMMA_REV.match(before[::-1]))  # = PLURAL_BEFORE.search(before)


_OBJECT_DOC_RE = re.compile(rf"\s*(?:(?i:thực hiện)|(?i:triển khai))\s+(?=(?:{TYPE_WORD_RX})\s+(?:s[ốo]\s*)?\d|[A-ZĐ])")


def _extent(text: str, start: int, kind: str) -> int:
    """End of the name whose head ends at ``start``."""
    limit = min(len(text), start + MAX_NAME_CHARS)
    q = QUOTED_RE.match(text, start)
    if q and q.end() <= limit:
        end = q.end()
        a = ACRONYM_PAREN.match(text, end)
        return a.end() if a else end
    # a short name with a number: "Đề án 06", "Chương trình 135" (not "Chương trình 120 nghìn tỷ …")
    nm = _NUM_NAME_RE.match(text[start:start + 30])
    if nm and (nm.group(2) or "").lower() not in UNIT_WORDS:
        return start + nm.end(1)
    end = pos = start
    n_words = 0
    amending = False
    after_comma = False
    token = _TOKEN_RE.match  # (bound once: the loop runs for every word of every name)
    continue_words, stop_words, stop_first, head_first = CONTINUE_FIRST_WORDS, STOP_WORDS, STOP_FIRST_WORDS, HEAD_FIRST_WORDS
    while pos < limit:
        m = token(text, pos)
        if not m:
            break
        ts = m.start(1)
        tok = m.group(1)
        if ts - pos > 1 and "\n" in text[pos:ts]:
            break
        if tok[0] == "(":
            a = ACRONYM_PAREN.match(text, end)
            if a:
                end = pos = a.end()
                continue
            break
        if tok[0] in "“\"":
            qq = QUOTED_RE.match(text, pos)
            if qq and n_words:
                end = pos = qq.end()
                continue
            break
        word = tok.strip(_TOK_STRIP)
        if not word:
            break
        lw = word.lower()
        hm = HEAD_RE.match(text, ts) if n_words and lw in head_first else None
        if hm:
            if word[0].isupper() and not _after_verb(text, ts) and not amending:
                break  # another named document begins
            end = pos = hm.end()  # a head inside the name is one word ("… thực hiện Chương trình …")
            n_words += 1
            continue
        cm = CONTINUE_RE.match(text, ts) if lw in continue_words else None
        if cm:
            end = pos = cm.end()
            n_words += 1
            continue
        if lw in stop_words:
            nxt_m = _TOKEN_RE.match(text, m.end())
            nxt = _tok_word(nxt_m.group("tok")) if nxt_m else ""
            nxt_head = bool(nxt_m) and _is_head_at(text, nxt_m.start("tok"), nxt)
            if lw == "và" and n_words and kind != "law" and nxt and not nxt_head and (
                    (nxt.lower() not in STOP_WORDS and not _stop_phrase_at(text, nxt_m.start("tok"), nxt.lower()))
                    or _continue_at(text, nxt_m.start("tok"), nxt.lower())):
                pos = m.end()
                continue
            if lw == "và" and amending and nxt_head:
                pos = m.end()
                continue
            if lw == "của" and n_words:
                if nxt_m and ISSUER_WORDS.match(text, nxt_m.start("tok")):
                    pos = m.end()
                    n_words += 1
                    continue
                if kind == "law" and nxt_head and _AMENDING_RE.match(text[start:start + 12]):
                    amending = True  # "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B"
                    pos = m.end()
                    continue
            break
        if n_words and not after_comma:
            ob = _OBJECT_DOC_RE.match(text, pos) if lw in ("thực", "triển") else None
            if ob and ob.start() <= ts:
                end = pos = ob.end()
                n_words += 1
                continue
            if lw in stop_first and word[0].islower() and STOP_PHRASE_RE.match(text, ts) and (kind != "law" or n_words >= 3):
                break
        after_comma = False
        n_words += 1
        core = tok.rstrip(",.;:!?…*”\"")
        end = ts + len(core)
        pos = m.end()
        if core[:1] in _YEAR_START and YEAR_TOKEN_RE.match(core.rstrip(")")) and not text[ts - 6:ts].strip().lower().endswith(("số", "so")):
            rg = _RANGE_END_RE.match(text[end:end + 12]) if not trail_of(tok, core) else None
            if rg:  # a period "2022 - 2025"
                end = pos = end + rg.end()
                tok = text[ts:end] + _trail_after(text, end)
                pos = end + len(_trail_after(text, end))
                core = text[ts:end]
            ay = AFTER_YEAR_RE.match(text, end)
            if not ay:
                break
        trail = tok[len(core):]
        if not trail:
            continue
        if trail.startswith(",") and kind != "law" and (_comma_continues(text, pos, n_words)
                                                         or _district_list_continues(text, start, end, pos)):
            after_comma = True
            continue
        if trail.startswith(".") and text[pos:pos + 1].isdigit():
            continue
        break
    return end


def trail_of(tok: str, core: str) -> str:
    return tok[len(core):]


def _trail_after(text: str, pos: int) -> str:
    m = _TRAIL_PUNCT_RE.match(text[pos:pos + 4])
    return m.group(0) if m else ""


def _after_verb(text: str, pos: int) -> bool:
    """A head right after "thực hiện"/"triển khai" is part of the name ("Kế hoạch thực hiện Chương trình …")."""
    before = text[max(0, pos - 14):pos].rstrip().lower()
    return before.endswith(("thực hiện", "triển khai"))


def _district_list_continues(text: str, start: int, end: int, pos: int) -> bool:
    """"vùng các huyện Lập Thạch, Tam Dương, Sông Lô": a list of place names after "các huyện"."""
    if not DISTRICT_TAIL_RE.search(text, max(start, end - 80), end):
        return False
    m = _TOKEN_RE.match(text, pos)
    return bool(m) and m.group("tok")[0].isupper() and not _is_head_at(text, m.start("tok"), _tok_word(m.group("tok")))


def _comma_continues(text: str, pos: int, n_words: int = 9) -> bool:
    """After a comma: "tầm nhìn …", or a short run of lower-case nouns ("thu gom, xử lý rác thải")."""
    if AFTER_YEAR_RE.match(text, pos):
        return True
    m = _TOKEN_RE.match(text, pos)
    if not m:
        return False
    w = _tok_word(m.group("tok"))
    if not w or not w[0].islower() or w.lower() in STOP_WORDS or _is_head_at(text, m.start("tok"), w):
        return False
    if _stop_phrase_at(text, m.start("tok"), w.lower()) and n_words > 2:
        return False
    n = 0
    p = m.start(1)
    closed = False
    token = _TOKEN_RE.match
    while n < 13:
        t = token(text, p)
        if not t:
            break
        tok = t.group(1)
        tw = tok.strip(_TOK_STRIP)
        if not tw:
            break
        lw = tw.lower()
        if (lw in STOP_WORDS and not (lw in CONTINUE_FIRST_WORDS and CONTINUE_RE.match(text, t.start(1)))) or (
                n and lw in STOP_FIRST_WORDS and tw[0].islower() and STOP_PHRASE_RE.match(text, t.start(1))):
            break
        n += 1
        p = t.end()
        if tok[-1] in ",.;:":
            closed = True
            break
    if n > 6 and not closed:
        return False
    return 1 <= n <= 12


def _specific(text: str, hs: int, he: int, end: int, kind: str, capital_mid: bool, plural: bool) -> bool:
    rest = text[he:end].strip()
    if not rest:
        return False
    syllables = _SYLLABLE_RE.findall(rest)
    if kind == "law":  # law names are capitalised nouns: "Luật Ban hành văn bản quy phạm pháp luật"
        lrest = " ".join(rest.lower().split())
        return bool(syllables) and not lrest.startswith(("sư ", "lệ ", "pháp", "định ", "chơi", "này", "số "))
    frest = " ".join(_WORDS_RE.findall(ffold(rest[:120])))
    f_ = frest + " "
    if frest in GENERIC_EXACT or f_.startswith(_GENERIC_START_SP):
        return False
    if not capital_mid and f_.startswith(_LOWER_GENERIC_START_SP):
        return False
    if plural and not PROPER_PLACE.search(rest):
        return False
    if len(rest) <= 3 and rest.isdigit():
        return capital_mid  # "Đề án 06"
    if not capital_mid and ((_DIGIT_SLASH_RE.search(rest) and _TYPED_NUMBER_RE.search(rest)) or CAMPAIGN_RE.match(text, he)):
        return False
    if capital_mid and len(syllables) >= 2:
        return True
    name = text[hs:end]
    marked = bool(QUOTED_RE.search(name) or YEAR_OR_PERIOD.search(rest) or PLACE_IN_NAME.search(rest)
                  or _ACRONYM_RE.search(rest) or ((" của " in name) and ISSUER_WORDS.search(rest)))
    if marked:
        return len(syllables) >= 2
    if ffold(text[hs:he]) == "phuong an":
        return False
    return len(syllables) >= 6 and "hơn" not in rest.lower().split()


def _normal_name(raw: str, kind: str) -> str:
    s = " ".join(raw.split())
    if "“ " in s:
        s = s.replace("“ ", "“")
    if " ”" in s:
        s = s.replace(" ”", "”")
    s = s.rstrip(_TRAIL_CHARS)
    s = s[:1].upper() + s[1:]
    if kind == "law":
        parts = s.split(" ", 1)
        if len(parts) == 2 and parts[0] == "Luật" and parts[1][:1].islower() and not parts[1].startswith("sửa đổi"):
            s = "Luật " + parts[1][:1].upper() + parts[1][1:]
        if s.startswith("Bộ luật ") and s[8:9].islower():
            s = "Bộ luật " + s[8:9].upper() + s[9:]
    return s


@functools.lru_cache(maxsize=8192)
def _key(name: str, kind: str) -> str:
    words = _WORDS_RE.findall(ffold(name))
    k = " ".join(w for i, w in enumerate(words) if not i or w != words[i - 1])  # a doubled word ("Đại hội hội")
    if kind == "law":
        k = _LAW_YEAR_RE.sub("", k)
    return k


def find_named_references(clean: CleanText, meta: DocumentMeta) -> list[NamedReference]:
    text = clean.text
    src = clean.source.text
    found: list[tuple[str, str, int, int, str | None]] = []  # name, kind, start, end, date
    self_keys = _self_keys(meta)
    subjects = _subject_spans(clean, meta)
    consumed = -1
    repeated = clean.repeated
    lower = lowered(text)  # (shared with the target and project finders: lower-cased once per text)
    if lower is text:  # (a letter whose lower case is longer: never in Vietnamese text)
        lower = None
    for m in _heads(text, lower, 0, len(text)):
        hs = m.start()
        if hs < consumed or (repeated and clean.is_repeated(hs)):
            continue  # a repeated block (a page scraped twice) names nothing new
        item = _named_at(text, m, subjects, self_keys)
        if item is None:
            continue
        found.append(item)
        name, kind, _s, end, _d = item
        consumed = end
        # a named document inside the name: "Kế hoạch thực hiện Chương trình mỗi xã một sản phẩm (OCOP) …"
        for im in (_heads(text, lower, m.end(), end) if _VERB_IN_NAME_RE.search(text, m.end(), end) else ()):
            if im.group("head")[0].isupper() and _after_verb(text, im.start()):
                inner = _named_at(text, im, subjects, self_keys, nested=True)
                if inner is not None:
                    found.append(inner)
        if kind == "law":
            sm = LAW_SHARED_RE.match(text, end)
            if sm:
                found.append(("Luật " + sm.group("w")[:1].upper() + sm.group("w")[1:], "law", hs, end, None))
    expanded = []
    for name, kind, s_, e, date in found:
        if is_path_context(text, s_, e):
            continue
        dm = DISTRICT_LIST_RE.search(name)
        if dm and kind != "law":
            unit = " ".join(dm.group("unit").split())
            items = _ITEMS_SPLIT_RE.split(dm.group("items"))
            for it in items:
                nm = name[:dm.start()] + f"{unit} {it.strip()}" + name[dm.end():]
                expanded.append((" ".join(nm.split()), kind, s_, e, date))
        else:
            expanded.append((name, kind, s_, e, date))
    return _merge(expanded, src, clean)


_VERB_IN_NAME_RE = re.compile(r"(?i:thực hiện|triển khai)")  # (what _after_verb looks for)


def _heads(text: str, lower: str | None, pos: int, endpos: int):
    """HEAD_RE.finditer(text, pos, endpos), found through the literal scan of the lower-cased text."""
    if lower is None:
        yield from HEAD_RE.finditer(text, pos, endpos)
        return
    search = HEAD_LOWER_RE.search
    match = HEAD_RE.match
    while True:
        h = search(lower, pos, endpos)
        if h is None:
            return
        m = match(text, h.start(), endpos)
        if m is None:
            pos = h.start() + 1
            continue
        yield m
        pos = m.end() if m.end() > m.start() else m.start() + 1


@functools.lru_cache(maxsize=1024)
def _kind_of(head: str) -> str | None:
    return _HEAD_KIND.get(" ".join(head.lower().split()))


def _named_at(text: str, m: re.Match, subjects, self_keys, nested: bool = False):
    hs, he = m.start(), m.end()
    head = m.group("head")
    kind = _kind_of(head)
    if kind is None:
        return None
    before = text[max(0, hs - 14):hs]
    plural = kind != "law" and _plural_before(before)
    if "/" in text[he:he + 48] and NUMBER_SOON_RE.match(text, he):
        return None
    lower_head = head[0].islower()
    if plural and not PROPER_PLACE.search(text, he, he + 120):
        return None  # "các kế hoạch …": generic, unless a named place follows
    if lower_head and kind != "law":
        nm_ = _TOKEN_RE.match(text, he)
        if nm_ and _tok_word(nm_.group("tok")).lower() in _GENERIC_FIRST:
            return None
    if head.isupper() and len(head) > 3:
        return None  # a heading in capitals
    capital_mid = head[0].isupper() and (nested or not _sentence_start(text, hs))
    if not capital_mid and subjects and _in_spans(subjects, hs):
        return None  # the subject of a cited document ("… về kế hoạch phát triển kinh tế - xã hội năm 2024")
    if kind == "other" and head[0] in "Nn":
        pc = PARTY_CONGRESS_RE.match(text, hs)
        if pc:
            return _normal_name(text[hs:pc.end()], "other"), "other", hs, pc.end(), None
        ro = RESOLUTION_OF_RE.match(text, hs)
        if not ro:
            return None
        end = _extent(text, ro.end() - 1, "other")
    else:
        if kind == "law" and PRE_WORD_NOT_LAW.search(before):
            return None  # "pháp luật", "kỷ luật"
        end = _extent(text, he, kind)
    if end <= he:
        return None
    if not _specific(text, hs, he, end, kind, capital_mid, plural):
        return None
    name = _normal_name(text[hs:end], kind)
    key = _key(name, kind)
    if any(key == k or key.startswith(k + " ") for k in self_keys):
        return None  # the document itself
    date = parse_date_after(text, end)[0] if kind == "law" else None
    return name, kind, hs, end, date


def _in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted by start)."""
    i = bisect.bisect_right(spans, (pos, float("inf")))
    for k in range(i - 1, -1, -1):
        a, b = spans[k]
        if b > pos:
            return True
        if a < pos - _MAX_SUBJECT_SPAN:
            break
    return False


_MAX_SUBJECT_SPAN = 400  # a subject phrase is cut at 320 characters (patterns.citations.parse_subject)


def _subject_spans(clean: CleanText, meta: DocumentMeta) -> list[tuple[int, int]]:
    from .citations import mentions_for

    out = []
    for mt in mentions_for(clean, meta):
        if mt.subject:
            out.append((mt.quote_end, mt.quote_end + min(len(mt.subject) + 16, _MAX_SUBJECT_SPAN)))
    out.sort()
    return out


def _sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t*_#|-+•>":
        k -= 1
    return k < 0 or text[k] in "\n.!?:(“\"" or (text[k] == ")" and k > 0 and text[k - 1].isalpha() and k - 2 >= 0 and text[k - 2] in "\n ")


def _self_keys(meta: DocumentMeta) -> set[str]:
    keys = set()
    if meta.title:
        t = re.sub(r"^(?:ban hành|về việc|về|v/v)\s+", "", meta.title.strip(), flags=re.IGNORECASE)
        keys.add(_key(t, "other"))
        if meta.doc_type:  # "KẾ HOẠCH / Triển khai …" is named "Kế hoạch triển khai …" in its own text
            keys.add(_key(meta.doc_type + " " + t, "other"))
    return keys


def _party_key(name: str) -> str | None:
    low = name.lower()
    if not low.startswith("nghị quyết") or not ("đại hội" in low or "đảng" in low):
        return None
    m = _ROMAN_RE.search(name)
    if not m:
        return None
    level = "local" if PARTY_LEVEL_RE.search(name) else "national"
    return f"party-congress:{level}:{m.group(1)}"


def _merge(found, src: str, clean: CleanText) -> list[NamedReference]:
    out: dict[str, NamedReference] = {}
    for name, kind, s, e, date in found:
        key = _party_key(name) if kind == "other" else None
        key = key or _key(name, kind)
        quote = src[s:e]
        nl = quote.find("\n")
        if nl != -1:
            quote = quote[:nl].rstrip()
        ref = out.get(key)
        if ref is None:
            out[key] = NamedReference(name=name, kind=kind, first_quote=quote, start=s, end=e, date=date)
            continue
        if name != ref.name and name not in ref.aliases:
            if kind == "law" and _YEAR_END_RE.search(name) and not _YEAR_END_RE.search(ref.name):
                ref.aliases.append(ref.name)
                ref.name = name
            else:
                ref.aliases.append(name)
        if date and not ref.date:
            ref.date = date
    refs = list(out.values())
    # a shorter spelling that is the start of a longer name of the same kind is an alias of it
    keys = [_key(r.name, r.kind) for r in refs]
    ordered = sorted((k, i) for i, k in enumerate(keys))  # the names starting with a key are together
    sorted_keys = [k for k, _i in ordered]
    drop = set()
    for ri, r in enumerate(refs):
        kr = keys[ri]
        if len(kr.split()) < 4:
            continue
        prefix = kr + " "
        lo = bisect.bisect_left(sorted_keys, prefix)
        best = None
        for k in range(lo, len(ordered)):
            ko, oi = ordered[k]
            if not ko.startswith(prefix):
                break
            if oi != ri and refs[oi].kind == r.kind and id(refs[oi]) not in drop and (best is None or oi < best):
                best = oi
        if best is not None:  # the first such longer name, in the order the names were found
            o = refs[best]
            if r.name not in o.aliases:
                o.aliases.append(r.name)
            if r.start < o.start:
                o.first_quote, o.start, o.end = r.first_quote, r.start, r.end
            drop.add(id(r))
    refs = [r for r in refs if id(r) not in drop]
    # "(sau đây gọi tắt là Đề án 06)": the short name is an alias, not a document of its own
    text = clean.text
    by_alias = {}
    for r in refs:
        am = ALIAS_DEF_RE.match(text, r.end)
        if am:
            alias = re.sub(r"\s+", " ", am.group("alias")).strip()
            if alias not in r.aliases:
                r.aliases.append(alias)
            by_alias[_key(alias, r.kind)] = r
    refs = [r for r in refs if not (_key(r.name, r.kind) in by_alias and by_alias[_key(r.name, r.kind)] is not r)]
    refs.sort(key=lambda r: r.start)
    return refs
