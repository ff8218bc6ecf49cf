"""Facts about the document itself: type, own number, issuer and province, date, signer, title.

Sources, most reliable first:

    header block      "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", "Số: 01/CTr-UBND",
                      "Vĩnh Phúc, ngày 17 tháng 01 năm 2025", the type line ("CHỈ THỊ") and the
                      title lines under it
    metadata table    "Số hiệu | 01/CTr-UBND |", "Ngày ban hành | …", "Người ký | …" (web copies)
    web page title    "<Type> <number> <subject> do tỉnh X ban hành" (first line of a scrape)
    signature block   "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / <name>"
    body              "<Type> này", "ban hành <Type> như sau", "tỉnh <Province>" (when the header
                      is missing), the letter form ("có ý kiến như sau", "Kính gửi")

Web "Cập nhật" stamps, meeting dates and deadlines are never the issue date: only the
place-and-date line of the header and a metadata table's "Ngày ban hành" are.
"""
from __future__ import annotations

import functools
import re
from collections import Counter

from ..model import CleanText, DocumentMeta
from .patterns.citations import (SYMBOL_RE, TYPE_CODES, TYPE_WORD_RX, TYPE_WORD_RX_REV, ffold, match_issuer, parse_symbol, type_from_word,
                                 vi_words)
from .patterns.common import DATED_RE, UPPER, date_from_match, iso_date, province_names

HEADER_LINES = 60
HEADER_CHARS = 6000
SIGNATURE_CHARS = 4000

_MARKUP = " \t|*_#>"
_CITY_UNITS = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"}

# --------------------------------------------------------------------------- patterns

_LINE_TYPE_RE = re.compile(rf"^(?P<tw>{TYPE_WORD_RX})(?:\s+{vi_words('số')}\b.*)?$")
_OWN_NUMBER_RE = re.compile(rf"^(?:{vi_words('số hiệu')}|{vi_words('số ký hiệu')}|{vi_words('số')})\s*[:|]?\s*(?P<rest>.*)$")
_PLACE_DATE_RE = re.compile(
    rf"^(?:(?P<place>[{UPPER}][^\n,|:]{{1,40}}?)\s*,\s*)?{vi_words('ngày')}\s+(?P<d>\d{{1,2}})\s*"
    rf"(?:{vi_words('tháng')}\s+(?P<m>\d{{1,2}})\s+{vi_words('năm')}\s+(?P<y>(?:19|20)\d\d)|[/.\-]\s*(?P<m2>\d{{1,2}})\s*[/.\-]\s*(?P<y2>(?:19|20)\d\d))"
)
_STAMP_RE = re.compile(r"cap nhat|đang (?:luc|ngay|tai)|ngay đang|xem|luot|thoi gian|hieu luc|hop|hoi nghi")  # folded: đ kept
_WEB_TITLE_RE = re.compile(rf"(?P<tw>{TYPE_WORD_RX})\s+(?:{vi_words('số')}\s*)?(?=\d)")  # "<Type> <number> …"
_VV_RE = re.compile(r"V/v\.?:?\s+(?P<t>.{5,250})$")
_TABLE_ROW_RE = re.compile(r"^(?P<key>[^|\n]{2,40}?)\s*\|\s*(?P<val>[^|\n]*?)\s*\|?\s*$")
_NUMERIC_DATE_RE = re.compile(r"^(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d\d)")
_WEB_SUFFIX_RE = re.compile(rf"\s+{vi_words('do')}\s+(?P<who>[^\n]{{2,80}}?)\s+{vi_words('ban hành')}\s*$")
_SIGN_TITLE_RE = re.compile(
    rf"^(?:(?:KT|TM|TL|TUQ|Q|T/M|K/T|T/L)\.?\s*)?(?:{vi_words('Phó')}\s+)?"
    rf"(?:{vi_words('Chủ tịch')}|{vi_words('Giám đốc')}|{vi_words('Bộ trưởng')}|{vi_words('Thủ tướng')}|{vi_words('Bí thư')}"
    rf"|{vi_words('Chánh văn phòng')}|{vi_words('Trưởng ban')}|{vi_words('Tổng giám đốc')}|{vi_words('Thủ trưởng')})"
    rf"(?:\s+{vi_words('thường trực')})?\s*$"
)
# a name: capitalised syllables; single capitals and apostrophes occur in the names of the
# Central Highlands peoples ("Y Khoa Niê", "H' Hen Niê")
_NAME_WORD = rf"[{UPPER}](?:[a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]+|')?"
_NAME_RE = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}$")
_CAPS_NAME_RE = re.compile(rf"^[{UPPER}]+(?:\s+[{UPPER}]+){{1,4}}$")
_TW_BEFORE_REV_RE = re.compile(rf"\s+(?P<tw>{TYPE_WORD_RX_REV})(?![\w])")  # "<Type> " read backwards
_DECLARE_RE = re.compile(rf"(?<![\w])(?i:ban hành|xây dựng)\s+(?=[A-ZĐ])")
# "ban hành Kế hoạch (triển khai|thực hiện …) như sau": the document announcing itself
_TW_AFTER_RE = re.compile(
    rf"(?P<tw>{TYPE_WORD_RX})(?:\s+[^.;:\n]{{0,250}}?)?\s+(?:{vi_words('như sau')}|{vi_words('với')}\s+(?:{vi_words('các')}|"
    rf"{vi_words('những')})\s+{vi_words('nội dung')})|(?P<tw2>{TYPE_WORD_RX})\s+{vi_words('với')}(?![\w])")
# the directive form: "(Chủ tịch) UBND tỉnh (X) yêu cầu <addressees> … các nhiệm vụ sau:" / "… thực hiện nghiêm"
_DIRECTIVE_RE = re.compile(
    rf"(?<![\w])(?:{vi_words('Chủ tịch')}\s+)?(?:UBND|{vi_words('Ủy ban nhân dân')}|{vi_words('Thủ tướng Chính phủ')})"
    rf"(?:\s+(?:{vi_words('tỉnh')}|{vi_words('thành phố')}|{vi_words('huyện')}|{vi_words('thị xã')}|{vi_words('quận')}))?"
    rf"(?:\s+[{UPPER}][^\W\d_]*){{0,4}}\s+{vi_words('yêu cầu')}\s"
    rf"(?:[^.\n]{{0,400}}?(?P<list>{vi_words('sau')}\s*:)|[^.\n]{{0,400}}?(?P<strict>{vi_words('thực hiện nghiêm')}|"
    rf"{vi_words('nghiêm túc')}\s+{vi_words('thực hiện')}))")
_LETTER_RE = re.compile(rf"{vi_words('có ý kiến như sau')}|{vi_words('Kính gửi')}\s*:|(?m:^[ \t]*V/v\b)|{vi_words('báo để')}")
_PROV_CONTEXT_RE = re.compile(rf"(?=[tTT])(?<![\w])(?:[tT]ỉnh(?:\s+ủy)?|TỈNH(?:\s+ỦY)?|[tT]hành phố|THÀNH PHỐ|Thành ủy)\s+(?=[{UPPER}])")
_TITLE_STOP_RE = re.compile(
    rf"^(?:{vi_words('Căn cứ')}|{vi_words('Kính gửi')}|{vi_words('Xét')}\s|{vi_words('Số')}\s*:|"
    rf"{vi_words('Ủy ban')}|UBND|HĐND|{vi_words('Hội đồng')}|{vi_words('Cộng hòa')}|{vi_words('Độc lập')}|{vi_words('Chủ tịch')}|"
    rf"{vi_words('Quyết định')}\s*:|{vi_words('Điều')}\s+\d|[IVX]+\.|\d+\.|[-_=]{{3,}})"
)
_YEAR_IN_TITLE_RE = re.compile(rf"(?<![\w])(?P<pre>\w+\s+)?{vi_words('năm')}\s+(?P<y>(?:19|20)\d\d)(?!\d)")
_NOT_PLAN_PRE = {ffold(w) for w in ("đến", "từ", "sau", "trước", "nhìn", "đoạn", "kỳ")}


def _strip(line: str) -> str:
    return line.strip(_MARKUP)


def _lines(text: str, start: int, end: int, limit: int | None = None):
    """(line_start, stripped_text, stripped_start) for each line in text[start:end] (the first
    ``limit`` lines when given)."""
    region = text[start:end]
    if not region:
        return
    pieces = region.split("\n", limit) if limit is not None else region.split("\n")
    if limit is not None and len(pieces) > limit:
        pieces.pop()  # the rest of the text, not a line
    elif region.endswith("\n"):
        pieces.pop()
    pos = start
    for raw in pieces:
        s = raw.strip(_MARKUP)
        if s and raw[:1] in _MARKUP:
            yield pos, s, pos + len(raw) - len(raw.lstrip(_MARKUP))
        else:
            yield pos, s, pos
        pos += len(raw) + 1


@functools.lru_cache(maxsize=4096)
def _province_of(name: str) -> str | None:
    """Canonical province for a name in any case ('QUẢNG NAM', 'Tỉnh Vĩnh Phúc')."""
    key = re.sub(r"\s+", " ", ffold(name)).strip(" .,;|")
    key = re.sub(r"^(?:tinh|thanh pho|tp\.?)\s+", "", key)
    return _folded_provinces().get(key)


_FOLDED: dict[str, str] = {}


def _folded_provinces() -> dict[str, str]:
    if not _FOLDED:
        for k, v in province_names().items():
            _FOLDED[re.sub(r"\s+", " ", ffold(k))] = v
    return _FOLDED


def _body_start(text: str, limit: int) -> int:
    """Offset of the first long (body) line: the header block lies before it."""
    for ls, s, _ in _lines(text, 0, limit):
        if len(s) > 220 and not (len(s) <= 600 and s.upper() == s):  # a long title in capitals is still header
            return ls
    return limit


_COLUMN_GAP_RE = re.compile(r"\S[ \t]{3,}\S")
_GAP_RUN_RE = re.compile(r"[ \t]{3,}")


def _header_text(clean: CleanText, end: int) -> str:
    """The cleaned text of the header block, with the source's line breaks put back around lines
    laid out in columns ("THÀNH PHỐ X      Độc lập - Tự do - Hạnh phúc"): a header cell is not a
    sentence running on, even where the text was wrapped at a fixed width.  (Only offsets below
    ``end`` are meant to be read.)"""
    text = clean.text
    src = clean.source.text
    if src.find("   ", 0, end) == -1 and src.find("\t", 0, end) == -1:
        return text  # no run of three blanks: nothing laid out in columns
    last = None
    for m in _GAP_RUN_RE.finditer(src, 0, end):
        a, b = m.start(), m.end()
        if a > 0 and not src[a - 1].isspace() and b < len(src) and not src[b].isspace():
            last = m
    if last is None:
        return text
    # the region ends where the first non-blank line after the last line in columns starts
    nl = src.find("\n", last.end(), end)
    region = end
    while nl != -1:
        nxt = src.find("\n", nl + 1, end)
        line_end = end if nxt == -1 else nxt
        if src[nl + 1:line_end].strip():
            region = nl + 1
            break
        nl = nxt
    if src.count("\n", 0, region) == text.count("\n", 0, region):
        return text
    keep: list[int] = []  # offsets of the source line breaks to restore
    prev_cols = False
    pending: list[int] = []
    pos = 0
    while pos < region:
        nl = src.find("\n", pos, region)
        le = region if nl == -1 else nl
        line = src[pos:le]
        if not line.strip():
            if nl != -1:
                pending.append(le)
        else:
            cols = bool(_COLUMN_GAP_RE.search(line))
            if prev_cols or cols:
                keep.extend(pending)
            pending = [le] if nl != -1 else []
            prev_cols = cols
        pos = le + 1
    if prev_cols:
        keep.extend(pending)
    keep = sorted(k for k in set(keep) if text[k] != "\n")
    if not keep:
        return text
    parts = []
    prev = 0
    for k in keep:
        parts.append(text[prev:k])
        prev = k + 1
    parts.append(text[prev:end])
    return "\n".join(parts)


# --------------------------------------------------------------------------- finder

def find_metadata(clean: CleanText) -> DocumentMeta:
    text = clean.text
    n = len(text)
    meta = DocumentMeta()
    head_end = min(n, HEADER_CHARS)
    htext = _header_text(clean, head_end)
    lines = list(_lines(htext, 0, head_end, HEADER_LINES))
    body_start = _body_start(htext, head_end)
    header = [ln for ln in lines if ln[0] < body_start]
    cells = _cells(header)

    table = _metadata_table(lines)
    _find_type_and_title(text, header, lines, table, meta)
    _find_symbol(text, cells, lines, table, meta)
    _find_date(cells, table, meta)
    _find_province_and_issuer(text, cells, lines, table, meta)
    _find_signer(text, table, meta)
    if meta.doc_type is None:
        _type_from_body(text, meta)
    if meta.year is None:
        if meta.date:
            meta.year = int(meta.date[:4])
        elif meta.symbol:
            m = re.match(r"\d+/((?:19|20)\d\d)/", meta.symbol)
            meta.year = int(m.group(1)) if m else None
    meta.plan_year = _plan_year(meta.title)
    _LAST[0], _LAST[1] = clean, meta
    return meta


_LAST: list = [None, None]  # (CleanText, DocumentMeta) of the text last processed


def metadata_for(clean: CleanText) -> DocumentMeta:
    """``find_metadata`` of ``clean``, reusing the result when it is the text last processed."""
    if _LAST[0] is clean and _LAST[1] is not None:
        return _LAST[1]
    return find_metadata(clean)


_CELL_SPLIT_RE = re.compile(r"\s*\|\s*|\s{3,}")


def _cells(header) -> list[tuple[int, str, int]]:
    """The header's lines cut into cells: table columns ("|") and side-by-side blocks (3+ spaces),
    as in "ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"."""
    out = []
    for ls, s, ss in header:
        if not s:
            continue
        if len(s) > 160:  # a paragraph, not a header line (joined soft breaks leave runs of spaces)
            out.append((ls, s, ss))
            continue
        pos = 0
        for m in _CELL_SPLIT_RE.finditer(s):
            if m.start() > pos:
                out.append((ls, s[pos:m.start()], ss + pos))
            pos = m.end()
        if pos < len(s):
            out.append((ls, s[pos:], ss + pos))
    return out


_TABLE_KEYS = {"so hieu", "so ky hieu", "loai van ban", "noi ban hanh", "co quan ban hanh", "nguoi ky", "ngay ban hanh"}
_KEY_LINE_RE = re.compile(r"^(?P<key>[^:|\n]{4,24}?)\s*:\s*(?P<val>[^|\n]*)$")


def _metadata_table(lines) -> dict[str, tuple[str, int]]:
    """Rows 'Key | value |' of a web page's metadata table, and its known keys written
    'Key:' / 'value' on two lines or 'Key: value' on one: folded key -> (value, offset)."""
    out: dict[str, tuple[str, int]] = {}
    for i, (ls, s, ss) in enumerate(lines):
        if ":" in s and "|" not in s and s[:1] in "SsLlNnCc":  # (the keys: Số hiệu, Loại, Nơi, Người, Ngày, Cơ quan)
            km = _KEY_LINE_RE.match(s)
            key = re.sub(r"\s+", " ", ffold(km.group("key"))) if km else ""
            if key in _TABLE_KEYS:
                val = km.group("val").strip(_MARKUP)
                if val:
                    out.setdefault(key, (val, ss + km.start("val")))
                else:
                    nxt = next((c for c in lines[i + 1:i + 3] if c[1]), None)
                    if nxt is not None and ":" not in nxt[1] and len(nxt[1]) <= 80:
                        out.setdefault(key, (nxt[1], nxt[2]))
                continue
        if "|" not in s and not s.endswith("|"):
            raw_has_bar = False
        else:
            raw_has_bar = True
        m = _TABLE_ROW_RE.match(s) if raw_has_bar else None
        if not m:
            continue
        key = re.sub(r"\s+", " ", ffold(m.group("key")))
        val = m.group("val").strip(_MARKUP)
        if val:
            out.setdefault(key, (val, ss + m.start("val")))
    return out


def _find_type_and_title(text, header, lines, table, meta: DocumentMeta) -> None:
    # 1. the type line of the header ("CHỈ THỊ", "QUYẾT ĐỊNH"), in capitals
    for idx, (ls, s, ss) in enumerate(header):
        if not s or len(s) > 60 or s != s.upper() or s.endswith(":"):
            continue
        m = _LINE_TYPE_RE.match(s)
        if not m:
            continue
        vi = type_from_word(m.group("tw"))
        if not vi:
            continue
        meta.doc_type = vi
        meta.spans["doc_type"] = (ss, ss + len(m.group("tw")))
        title, span = _title_after(text, header[idx + 1:])
        if title:
            meta.title = title
            meta.spans["title"] = span
        break
    # 2. the page title of a web copy: "<Type> <number> <subject> do tỉnh X ban hành"
    if lines:
        ls, s, ss = lines[0]
        m = _WEB_TITLE_RE.match(s)
        if m and len(s) < 600:
            sm = SYMBOL_RE.match(s, m.end())
            if sm and parse_symbol(sm):
                if meta.doc_type is None:
                    meta.doc_type = type_from_word(m.group("tw"))
                    meta.spans["doc_type"] = (ss, ss + len(m.group("tw")))
                if meta.title is None:
                    t = _WEB_SUFFIX_RE.sub("", s)
                    meta.title = re.sub(r"\s+", " ", t).strip()
                    meta.spans["title"] = (ss, ss + len(t))
    # 3. metadata table "Loại văn bản | Quyết định"
    if meta.doc_type is None:
        v = table.get("loai van ban")
        if v:
            vi = type_from_word(v[0])
            if vi and ffold(v[0]) != "van ban":
                meta.doc_type = vi
                meta.spans["doc_type"] = (v[1], v[1] + len(v[0]))
    # 4. a "V/v …" line under the number of an official letter
    if meta.title is None:
        for ls, s, ss in header:
            m = _VV_RE.match(s)
            if m:
                meta.title = re.sub(r"\s+", " ", s).strip()
                meta.spans["title"] = (ss, ss + len(s))
                if meta.doc_type is None:
                    meta.doc_type = "Công văn"
                break


def _title_after(text, following) -> tuple[str | None, tuple[int, int]]:
    parts, start, end = [], -1, -1
    blank = False
    for ls, s, ss in following:
        if not s:
            blank = True
            continue
        if (len(s) > 220 and not (len(s) <= 600 and s.upper() == s)) or _TITLE_STOP_RE.match(s) or s.endswith((";", ":")):
            break  # the opening clauses ("Thực hiện …;", "… như sau:") are not the title
        if parts and blank and not re.match(r"[a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ(]", s):
            break  # a new block after a blank line: the title has ended
        if start < 0:
            start = ss
        parts.append(s)
        end = ss + len(s)
        blank = False
        if sum(len(p) for p in parts) > 600:
            break
    if not parts:
        return None, (-1, -1)
    return re.sub(r"\s+", " ", " ".join(parts)).strip(), (start, end)


def _find_symbol(text, header, lines, table, meta: DocumentMeta) -> None:
    candidates = []
    v = table.get("so hieu") or table.get("so ky hieu")
    if v:
        m = SYMBOL_RE.search(v[0])
        if m and parse_symbol(m):
            candidates.append((parse_symbol(m), v[1] + m.start(), v[1] + m.end()))
    for i, (ls, s, ss) in enumerate(header):
        if len(s) > 120:
            continue
        m = _OWN_NUMBER_RE.match(s)
        if not m:
            continue
        rest = m.group("rest")
        if not rest.strip():
            # "Số:" alone in its cell or line, the number in the next one ("Số:" / "258/KH-UBND")
            nxt = next((c for c in header[i + 1:i + 3] if c[1].strip()), None)
            if nxt is not None:
                sm = SYMBOL_RE.match(nxt[1])
                p = parse_symbol(sm) if sm and not nxt[1][sm.end():].strip(_MARKUP + ".,") else None
                if p:
                    candidates.append((p, nxt[2] + sm.start(), nxt[2] + sm.end()))
            continue
        sm = SYMBOL_RE.match(rest)
        if sm:
            p = parse_symbol(sm)
            if p:
                off = ss + m.start("rest")
                candidates.append((p, off + sm.start(), off + sm.end()))
    if not candidates and lines:  # web page title "<Type> <number> …"
        ls, s, ss = lines[0]
        m = _WEB_TITLE_RE.match(s)
        if m:
            sm = SYMBOL_RE.match(s, m.end())
            p = parse_symbol(sm) if sm else None
            if p:
                candidates.append((p, ss + sm.start(), ss + sm.end()))
    if not candidates:
        note = _source_note(text)
        if note is not None:
            p, a, b, tw, date, date_span = note
            candidates.append((p, a, b))
            if meta.doc_type is None and tw:
                meta.doc_type = tw
                meta.spans["doc_type"] = (a, b)
            if date and meta.date is None:
                meta.date = date
                meta.spans["date"] = date_span
    if candidates:
        p, a, b = candidates[0]
        meta.symbol = p.symbol
        meta.spans["symbol"] = (a, b)
        if meta.doc_type is None:
            if p.type_code and p.type_code in TYPE_CODES:
                meta.doc_type = TYPE_CODES[p.type_code]
            elif p.form == "state" and p.type_code is None:
                meta.doc_type = "Công văn"  # a letter's number carries no type code (123/UBND-KT)


# "(Theo Công văn số 4965/UBND-KT, ngày 28/9/2023)": a web page reproducing a document names
# its source in a closing line
_SOURCE_NOTE_RE = re.compile(
    rf"[ \t|*_#>]*\(?[ \t]*(?:{vi_words('Theo')}|{vi_words('Nguồn')}[ \t]*:?)[ \t]+(?P<tw>{TYPE_WORD_RX})[ \t]+"
    rf"(?:{vi_words('số')}[ \t]*:?[ \t]*)?(?=\d)"
)
_SOURCE_TAIL_RE = re.compile(rf"[ \t]*,?[ \t]*(?:{DATED_RE.pattern})?[ \t]*\)?[ \t.]*$", re.IGNORECASE)
SOURCE_NOTE_CHARS = 400


def _source_note(text: str):
    """(symbol, start, end, type, date, date span) of a closing "(Theo <Type> số N, ngày D)" line."""
    end = len(text.rstrip())
    ls = text.rfind("\n", max(0, end - SOURCE_NOTE_CHARS), end) + 1
    if ls == 0 and end > SOURCE_NOTE_CHARS:
        return None
    m = _SOURCE_NOTE_RE.match(text, ls, end)
    if not m:
        return None
    sm = SYMBOL_RE.match(text, m.end(), end)
    p = parse_symbol(sm) if sm else None
    if p is None:
        return None
    tail = _SOURCE_TAIL_RE.match(text, sm.end(), end)
    if not tail or tail.end() != end:
        return None
    date = date_from_match(tail) if tail.lastindex else None
    return p, sm.start(), sm.end(), type_from_word(m.group("tw")), date, (tail.start(), tail.end())


def _find_date(header, table, meta: DocumentMeta) -> None:
    for ls, s, ss in header:
        if len(s) > 120:
            continue
        m = _PLACE_DATE_RE.match(s)
        if not m or len(s.rstrip(" .|")) - m.end() > 2:
            continue  # the place-and-date cell holds nothing else
        iso = iso_date(m.group("d"), m.group("m") or m.group("m2"), m.group("y") or m.group("y2"))
        place = m.group("place")
        if place and _STAMP_RE.search(ffold(place)):
            continue  # "Cập nhật, ngày …": a web stamp, not the place and date of issue
        if iso:
            meta.date = iso
            meta.spans["date"] = (ss, ss + m.end())
            if place:
                prov = _province_of(place)
                if prov:
                    meta.spans.setdefault("place", (ss, ss + len(place)))
                    meta.province = meta.province or prov
            return
    v = table.get("ngay ban hanh")
    if v:
        m = _NUMERIC_DATE_RE.match(v[0])
        if m:
            iso = iso_date(m.group("d"), m.group("m"), m.group("y"))
            if iso:
                meta.date = iso
                meta.spans["date"] = (v[1], v[1] + m.end())


_UNITS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường")
_UNIT_RX = "|".join(vi_words(u) for u in sorted(_UNITS, key=len, reverse=True))
_ISSUER_LINE_RE = re.compile(
    rf"^(?:{vi_words('TM.')}\s*)?(?P<body>{vi_words('Ủy ban nhân dân')}|UBND|{vi_words('Hội đồng nhân dân')}|HĐND|"
    rf"{vi_words('Tỉnh ủy')}|{vi_words('Thành ủy')}|{vi_words('Huyện ủy')}|{vi_words('Ban chấp hành đảng bộ')})"
    rf"(?:\s+(?P<unit>{_UNIT_RX})\s+(?P<name>[^\n|]{{2,40}})|"
    rf"(?<=[ỦủUu][Yy])\s+(?P<pname>[^\n|]{{2,40}}))?\s*$"
)
_UNIT_LINE_RE = re.compile(rf"^(?P<unit>{_UNIT_RX})\s+(?P<name>[^\n|]{{2,40}})$")
_DEPT_LINE_RE = re.compile(rf"^{vi_words('Sở')}\s+\S")
_SUB_UNITS = {"huyện", "quận", "thị xã", "thị trấn", "xã", "phường"}


def _unit_of(written: str) -> str:
    f = re.sub(r"\s+", " ", ffold(written))
    for u in _UNITS:
        if ffold(u) == f:
            return u
    return "tỉnh"


def _place_name(name: str) -> str:
    """'SA THẦY' -> 'Sa Thầy' (a name written in capitals in the header)."""
    name = re.sub(r"\s+", " ", name).strip(" .,;:-")
    if name.upper() == name:
        name = " ".join(w[:1] + w[1:].lower() for w in name.split())
    return name


def _find_province_and_issuer(text, cells, lines, table, meta: DocumentMeta) -> None:
    body = None
    unit = None
    prov = None
    span = None
    national = None
    local = None  # (unit, name) of a district/commune-level issuer ("ỦY BAN NHÂN DÂN HUYỆN SA THẦY")
    label = None  # a cell holding only a province name (a web page's label "Quảng Trị")

    def place(unit_word: str, name: str, cell_span) -> None:
        nonlocal prov, unit, span, local
        u = _unit_of(unit_word)
        p = _province_of(name) if u in ("tỉnh", "thành phố") else None
        if p is not None:
            if prov is None:
                prov, unit, span = p, u, cell_span
        elif u != "tỉnh" and local is None and len(name.split()) <= 5:
            local = (u, _place_name(name))
            span = span or cell_span

    for ls, s, ss in cells:
        if len(s) > 90:
            continue
        if s != s.upper():
            if label is None and len(s) <= 30 and _province_of(s) and not _PLACE_DATE_RE.match(s):
                label = (_province_of(s), (ss, ss + len(s)))
            continue
        m = _ISSUER_LINE_RE.match(s)
        if m:
            b = ffold(m.group("body"))
            body = ("HĐND" if "hoi đong" in b or "hđnd" in b else "Thành ủy" if "thanh uy" in b else "Tỉnh ủy"
                    if "tinh uy" in b or "đang bo" in b else "Huyện ủy" if "huyen uy" in b else "UBND")
            if m.group("name"):
                place(m.group("unit"), m.group("name"), (ss, ss + len(s)))
            elif m.group("pname") and prov is None:  # "TỈNH ỦY HẢI DƯƠNG"
                p = _province_of(m.group("pname"))
                if p:
                    prov, span = p, (ss, ss + len(s))
                elif body == "Huyện ủy" and local is None:
                    local = ("huyện", _place_name(m.group("pname")))
            continue
        um = _UNIT_LINE_RE.match(s)
        if um:
            place(um.group("unit"), um.group("name"), (ss, ss + len(s)))
            continue
        if label is None and len(s) <= 30 and _province_of(s):
            label = (_province_of(s), (ss, ss + len(s)))
            continue
        iss = match_issuer(s, 0, None)
        if iss is not None and iss.end >= len(s.rstrip(" .:")):
            if iss.national and body is None and prov is None and national is None:
                # "CHÍNH PHỦ", "BỘ TÀI CHÍNH": a national document.  The first (the header's) wins:
                # the signature's "THỦ TƯỚNG" under "TM. CHÍNH PHỦ" signs for the Government.
                national = iss.name
            elif iss.kind == "SO":
                body = iss.name.split(" tỉnh ")[0].split(" thành phố ")[0]
                span = span or (ss, ss + len(s))
    if national and prov is None and local is None:
        meta.issuer = national
        meta.province = None
        return
    if prov is None:
        v = table.get("co quan ban hanh") or table.get("noi ban hanh")
        if v:
            prov = _province_of(v[0])
            if prov:
                span = (v[1], v[1] + len(v[0]))
    if prov is None and lines:
        m = _WEB_SUFFIX_RE.search(lines[0][1])
        if m:
            prov = _province_of(m.group("who"))
            if prov:
                span = (lines[0][2] + m.start("who"), lines[0][2] + m.end("who"))
    if prov is None and meta.province and local is None:
        prov = meta.province  # the place of the place-and-date line (a district's is its own name)
        span = meta.spans.get("place")
    if prov is None and label is not None:
        prov, span = label
    if prov is None:
        p, pspan = _province_from_body(text, lenient=local is not None)
        if p is not None:
            prov = p
            span = span or pspan
    meta.province = prov
    if body is None:
        body = _body_from_text(text)
    if local is not None:
        if body is None:
            return
        head = body if body in ("UBND", "HĐND") else ("Huyện ủy" if body in ("Tỉnh ủy", "Huyện ủy") else body)
        meta.issuer = f"{head} {local[1]}" if head == "Huyện ủy" else f"{head} {local[0]} {local[1]}"
        if span:
            meta.spans["issuer"] = span
        return
    if prov is None or body is None:
        return
    unit = unit or ("thành phố" if prov in _CITY_UNITS else "tỉnh")
    if body in ("UBND", "HĐND") or body.startswith("Sở "):
        meta.issuer = f"{body} {unit} {prov}"
    else:
        meta.issuer = f"{body} {prov}"
    if span:
        meta.spans["issuer"] = span


# Weights of a province named in the body (when the header names none): the issuer acting
# ("UBND tỉnh X ban hành / yêu cầu …") and the territory ("trên địa bàn tỉnh X") say whose
# document it is; a body cited ("của UBND tỉnh Y") or a place named in passing says little.
_ISSUER_BEFORE_RE = re.compile(
    rf"(?:{vi_words('Ủy ban nhân dân')}|UBND|{vi_words('Hội đồng nhân dân')}|HĐND|{vi_words('Ban Thường vụ')}|"
    rf"{vi_words('Ban Chấp hành Đảng bộ')})\s+$")
_ACTS_AFTER_RE = re.compile(
    rf"\s*,?\s+(?:{vi_words('ban hành')}|{vi_words('yêu cầu')}|{vi_words('có ý kiến')}|{vi_words('chỉ thị')}|"
    rf"{vi_words('quyết định')}|{vi_words('quyết nghị')}|{vi_words('giao')}|{vi_words('xây dựng')}|{vi_words('đề nghị')}|"
    rf"{vi_words('thống nhất')}|{vi_words('chỉ đạo')}|{vi_words('triển khai')}|{vi_words('báo cáo')}|{vi_words('thông báo')})(?![\w])")
_TERRITORY_BEFORE_RE = re.compile(rf"{vi_words('địa bàn')}\s+(?:{vi_words('toàn')}\s+)?$")
_PLAN_BEFORE_RE = re.compile(rf"{vi_words('Quy hoạch')}\s+$")
_CITED_BEFORE_RE = re.compile(rf"(?:{vi_words('của')}|{vi_words('do')})\s+(?:\S+\s+){{0,3}}$")


_PROV_WORDS = ("tỉnh", "Tỉnh", "TỈNH", "thành phố", "Thành phố", "THÀNH PHỐ", "Thành ủy")


def _prov_contexts(text: str) -> list[re.Match]:
    """_PROV_CONTEXT_RE.finditer(text), its words found with str.find (several times faster)."""
    starts = []
    for w in _PROV_WORDS:
        k = text.find(w)
        while k != -1:
            starts.append(k)
            k = text.find(w, k + len(w))
    out = []
    last = -1
    match = _PROV_CONTEXT_RE.match
    for k in sorted(starts):
        if k < last:
            continue
        m = match(text, k)
        if m:
            out.append(m)
            last = m.end()
    return out


@functools.cache
def _prov_name_re() -> re.Pattern:
    """A province's name as written after "tỉnh"/"thành phố": as listed, in capitals, or with
    only its first letter capitalised."""
    forms = set()
    for n in province_names():
        forms.update({n, n.upper(), n[:1] + n[1:].lower()})
    alt = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:{alt})(?![\w])")


def _province_from_body(text: str, lenient: bool = False) -> tuple[str | None, tuple[int, int] | None]:
    counts: Counter = Counter()
    strong: Counter = Counter()
    first: dict[str, tuple[int, int]] = {}
    names = _folded_provinces()
    sig_from = len(text) - SIGNATURE_CHARS
    prov_name = _prov_name_re().match
    for m in _prov_contexts(text):
        pm = prov_name(text, m.end())
        if pm is not None:
            p = names.get(re.sub(r"\s+", " ", ffold(pm.group(0))))
            if p:
                end = pm.end()
                before = text[max(0, m.start() - 30):m.start()]
                if _ISSUER_BEFORE_RE.search(before) and _ACTS_AFTER_RE.match(text, end) and not _CITED_BEFORE_RE.search(before):
                    w = 4  # the issuer acting: "Ủy ban nhân dân tỉnh X ban hành …"
                elif _TERRITORY_BEFORE_RE.search(before) or (m.start() >= sig_from and m.group(0).isupper()):
                    w = 3  # its territory, or the signature block "TM. ỦY BAN NHÂN DÂN TỈNH X"
                elif _OWN_AFTER_RE.match(text, end) or _PLAN_BEFORE_RE.search(before) or (
                        _ISSUER_BEFORE_RE.search(before) and not _CITED_BEFORE_RE.search(before)):
                    w = 2  # "Quy hoạch tỉnh X", "UBND tỉnh X" named as a body (not as a cited issuer)
                else:
                    w = 1
                counts[p] += w
                if w >= 3:
                    strong[p] += 1
                first.setdefault(p, (m.end(), end))
    if not counts:
        return None, None
    (best, c), *rest = counts.most_common()
    if rest and rest[0][1] == c:
        return None, None
    if c < 2 and rest and not lenient:
        return None, None
    if rest and not strong[best] and c < 2 * rest[0][1] and not lenient:
        return None, None  # weak mentions of several provinces: none is clearly the issuer's
    return best, first[best]


_OWN_AFTER_RE = re.compile(rf"\s+(?:{vi_words('ban hành')}|{vi_words('yêu cầu')}|{vi_words('có ý kiến')}|{vi_words('chỉ thị')})")
_UBND_SIGNAL_RE = re.compile(rf"{vi_words('Ủy ban nhân dân')}|UBND")
_HDND_SIGNAL_RE = re.compile(rf"{vi_words('TM. Hội đồng nhân dân')}|{vi_words('Hội đồng nhân dân tỉnh')}\s+{vi_words('quyết nghị')}")


def _body_from_text(text: str) -> str | None:
    """The issuing body named in the opening or the signature block ("TM. Hội đồng nhân dân",
    "Ủy ban nhân dân tỉnh có ý kiến")."""
    n = len(text)
    windows = [(0, min(n, HEADER_CHARS))] + ([(max(HEADER_CHARS, n - SIGNATURE_CHARS), n)] if n > HEADER_CHARS else [])
    lowered = [text[a:b].lower() for a, b in windows]
    if any("nhân dân" in w for w in lowered) or any("hđnd" in w for w in lowered):  # (cheap test before the patterns)
        for a, b in windows:
            if _HDND_SIGNAL_RE.search(text, a, b):
                return "HĐND"
    for (a, b), w in zip(windows, lowered):
        if ("nhân dân" in w or "ubnd" in w) and _UBND_SIGNAL_RE.search(text, a, b):
            return "UBND"
    if n > HEADER_CHARS + SIGNATURE_CHARS and _UBND_SIGNAL_RE.search(text, HEADER_CHARS, n - SIGNATURE_CHARS):
        return "UBND"  # named only in the body
    return None


def _find_signer(text: str, table, meta: DocumentMeta) -> None:
    v = table.get("nguoi ky")
    if v and _NAME_RE.match(v[0]):
        meta.signer = v[0]
        meta.spans["signer"] = (v[1], v[1] + len(v[0]))
        return
    start = max(0, len(text) - SIGNATURE_CHARS)
    items = list(_lines(text, start, len(text)))
    for i in range(len(items) - 1, -1, -1):
        ls, s, ss = items[i]
        if not s or len(s) > 60 or s != s.upper():
            continue
        if not _SIGN_TITLE_RE.match(s):
            continue
        for ls2, s2, ss2 in items[i + 1:i + 14]:
            if not s2:
                continue
            if _NAME_RE.match(s2):
                meta.signer = re.sub(r"\s+", " ", s2)
                meta.spans["signer"] = (ss2, ss2 + len(s2))
                return
            if _CAPS_NAME_RE.match(s2) and not _SIGN_TITLE_RE.match(s2) and len(s2.split()) <= 5:
                meta.signer = " ".join(w.capitalize() for w in s2.split())
                meta.spans["signer"] = (ss2, ss2 + len(s2))
                return
            if len(s2) > 60:
                break
        return


OPENING_CHARS = 8000  # the opening, where a document declares itself ("ban hành Kế hoạch … như sau")


def _nay_positions(text: str):
    """Offsets of the word "này" (after a space), in order: where "<Type> này" may end."""
    out = []
    for w in ("này", "NÀY"):
        k = text.find(w)
        while k != -1:
            e = k + 3
            if k > 0 and text[k - 1].isspace() and (e >= len(text) or not (text[e].isalnum() or text[e] == "_")):
                out.append(k)
            k = text.find(w, e)
    return sorted(out)


def _type_from_body(text: str, meta: DocumentMeta) -> None:
    """"ban hành <Type> … như sau" (2 votes) and "<Type> này" (1 vote) in the body; else the form of a
    letter (Công văn) or of a directive (Chỉ thị: "Chủ tịch UBND tỉnh yêu cầu … các nhiệm vụ sau:")."""
    votes: Counter = Counter()
    first: dict[str, tuple[int, int]] = {}

    def vote(m, base, weight):
        g = "tw" if m.group("tw") else "tw2"
        vi = type_from_word(m.group(g))
        if vi and vi != "Công văn":
            votes[vi] += weight
            first.setdefault(vi, (base + m.start(g), base + m.end(g)))

    opening = min(len(text), OPENING_CHARS)
    for bm in _DECLARE_RE.finditer(text, 0, opening):
        m = _TW_AFTER_RE.match(text, bm.end())
        if m:
            vote(m, 0, 2)
    for k in _nay_positions(text):
        a = max(0, k - 40)
        window = text[a:k]
        m = _TW_BEFORE_REV_RE.match(window[::-1])
        if m:
            tw = window[len(window) - m.end("tw"):len(window) - m.start("tw")]
            vi = type_from_word(tw)
            if vi and vi != "Công văn":
                votes[vi] += 1
                first.setdefault(vi, (k - m.end("tw"), k - m.start("tw")))
    if votes:
        best = max(votes, key=lambda k: (votes[k], -first[k][0]))
        meta.doc_type = best
        meta.spans["doc_type"] = first[best]
        return
    m = _LETTER_RE.search(text, 0, opening)
    if m:
        meta.doc_type = "Công văn"
        meta.spans["doc_type"] = (m.start(), m.end())
        return
    m = _DIRECTIVE_RE.search(text, 0, opening) or _DIRECTIVE_RE.search(text, max(opening, len(text) - SIGNATURE_CHARS))
    if m:  # the form of a directive: its issuer requires the addressees to carry out what follows
        meta.doc_type = "Chỉ thị"
        meta.spans["doc_type"] = (m.start(), m.end())


def _plan_year(title: str | None) -> int | None:
    if not title:
        return None
    years = set()
    for m in _YEAR_IN_TITLE_RE.finditer(title):
        pre = ffold(m.group("pre") or "").strip()
        if pre in _NOT_PLAN_PRE:
            continue
        years.add(int(m.group("y")))
    return years.pop() if len(years) == 1 else None
