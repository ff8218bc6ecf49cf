"""Grammar of Vietnamese document numbers (số ký hiệu) and of the phrases around them.

Numbering forms (Nghị định 30/2020/NĐ-CP, Phụ lục I-III; Luật Ban hành văn bản quy phạm pháp
luật; Hướng dẫn 36-HD/VPTW for Party documents):

    state       N/TYPE-ISSUER[-UNIT]      01/NQ-CP, 92/CĐ-TTg, 2616/KH-BNN-TCLN
                N/ISSUER-UNIT             2970/SKHĐT-TH, 1234/UBND-KT (letters: no type code)
    normative   N/YYYY/TYPE-ISSUER        45/2022/NQ-HĐND, 150/2020/NĐ-CP, 12/2015/TTLT-BTC-BKHĐT
                N/YYYY/QHnn               111/2024/QH15 (laws and resolutions of the National Assembly)
    party       N-TYPE/ISSUER[-UNIT]      57-NQ/TW, 12-NQ/TU, 862-CV/BCSD, 36-HD/VPTW

A code is an abbreviation: capitals (and Đ, Ư, &), with single lower-case letters only as in
TTg, CTr, QyĐ; an optional congress number (QH15).  The phrase around a number:

    [các] TYPE-WORD [số[:]] SYMBOL [, ngày DATE] [của|do ISSUER] [về|về việc SUBJECT]

Everything here is compiled once at import.  Matching runs on ``CleanText.text`` (dashes are
already '-', soft line breaks already spaces), but the patterns tolerate raw text as well.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from ...ontology import fold, load_ontology
from .common import DATED_RE, date_from_match, province_names

# ------------------------------------------------------------------------------ tone folding


@functools.cache
def _variants() -> dict[str, str]:
    """folded letter -> regex class of every case/tone spelling of it (đ kept apart from d)."""
    groups: dict[str, set[str]] = {}
    for cp in list(range(0x41, 0x5B)) + list(range(0x61, 0x7B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        c = chr(cp)
        if not c.isalpha():
            continue
        f = fold(c)
        if len(f) == 1:
            groups.setdefault(f, set()).update({c, c.upper(), c.lower()})
    return {f: "[" + "".join(sorted(g | {f})) + "]" for f, g in groups.items()}


@functools.cache
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        c = chr(cp)
        if c.isalpha():
            f = fold(c)
            if f != c and len(f) == 1:
                table[cp] = f
    return table


def ffold(text: str) -> str:
    """``ontology.fold`` (case- and tone-mark-free, đ kept) through one ``str.translate``: fast."""
    return text.translate(_fold_table()).strip()


def vi_words(phrase: str) -> str:
    """Regex for a phrase in any case and any tone-mark spelling ("Chi thị" = "Chỉ thị");
    spaces match any whitespace run."""
    return _vi_chars(unicodedata.normalize("NFC", phrase.replace(" - ", "-")))


def vi_words_rev(phrase: str) -> str:
    """``vi_words`` of the phrase read backwards: matches the reversed text (for phrases that must
    end where a number begins, matched from there with one ``match`` instead of a ``search``)."""
    return _vi_chars(reversed(unicodedata.normalize("NFC", phrase.replace(" - ", "-"))))


def _vi_chars(chars) -> str:
    classes = _variants()
    out = []
    for ch in chars:
        if ch == "-":
            out.append(r"\s*-\s*")
        elif ch == ",":
            out.append(r",?")
        elif ch == " ":
            out.append(r"\s+")
        elif ch.isalpha():
            out.append(classes.get(fold(ch), re.escape(ch)))
        else:
            out.append(re.escape(ch))
    return "".join(out)


# ------------------------------------------------------------------------------ codes

_ONTO = load_ontology()
TYPE_CODES: dict[str, str] = {t.code: t.vi for t in _ONTO.doc_types if "named" not in t.forms}
TYPE_CODES.pop("L", None)  # laws carry no type code in their number (31/2024/QH15)
# Party codes of Hướng dẫn 36-HD/VPTW not in the state list: QĐi (quy định), QC, CT …
TYPE_CODES.setdefault("QĐi", "Quy định")

# Issuing bodies whose documents use the state forms (a Party-form number with one of these
# issuers is a slip: 14-NQ/CP is 14/NQ-CP).
STATE_ISSUERS = {"CP", "TTg", "QH", "UBTVQH", "VPCP", "UBND", "HĐND", "NHNN", "CTN", "KTNN", "TANDTC", "VKSNDTC"}
PARTY_ISSUERS = {"TW", "TU", "HU", "ĐU", "TƯ", "BCSĐ", "BCSD", "BTV", "VPTW", "ĐH"}
# Party bodies that never issue in the state form ("ĐH", a university, and "BTV" do)
_PARTY_ONLY_ISSUERS = {"TW", "TU", "HU", "ĐU", "BCSĐ", "BCSD", "VPTW"}

# Known spellings (case-insensitive) -> canonical code; "D" written for "Đ" is repaired only
# where the reading is unambiguous (QD, ND, HDND, CD; KHDT/GDDT inside issuer codes).
_CANON_CODE: dict[str, str] = {}
for _c in list(TYPE_CODES) + ["TTg", "CTr", "QyĐ"] + sorted(_ONTO.national_issuers | _ONTO.local_issuers):
    _CANON_CODE.setdefault(_c.upper(), _c)
for _k, _v in {"QD": "QĐ", "ND": "NĐ", "HDND": "HĐND", "CD": "CĐ", "TƯ": "TW", "BCSĐ": "BCSĐ", "BCD": "BCĐ"}.items():
    _CANON_CODE[_k] = _v
_INNER_D = (("KHDT", "KHĐT"), ("GDDT", "GDĐT"), ("HDND", "HĐND"), ("LDTBXH", "LĐTBXH"), ("HDTDKT", "HĐTĐKT"))

U = "A-ZĐƯ"
# A code: >= 2 characters, capitals/Đ/Ư/&, single lower-case letters (TTg, CTr, QyĐ), digits at the end.
CODE = rf"[{U}](?:[{U}&]|[a-zđ](?![a-zđ]))+\d*|[{U}]\d+"
LOOSE_CODE = rf"[{U}a-zđư](?:[{U}a-zđư&])+\d*"
SEP = r"[ \t]*[-\u2010-\u2015\u2212]\s*"
NUM = r"\d{1,5}"
_ISSUER_WORD = r"(?:HĐND|HDND|UBND|CP|TTg|QH\d*|VPCP|NHNN|TW|TU)"

SYMBOL_RE = re.compile(
    rf"(?=\d)(?<![\w/\\.\-])(?:"
    # party: 57-NQ/TW, 04- NQ/TU, 04-<line break>NQ/TU
    rf"(?P<pnum>{NUM})[ \t]*[-\u2010-\u2015\u2212]\s*(?P<ptype>{CODE})[ \t]?/[ \t]?(?P<pcodes>(?:{CODE})(?:{SEP}(?:{CODE})){{0,2}})"
    rf"|"
    # state / normative: 01/NQ-CP, 45/2022/NQ-HĐND, 38/2019/NQ HĐND, 2970/SKHĐT-TH
    rf"(?P<num>{NUM})[ \t]?/[ \t]?(?:(?P<year>(?:19|20)\d\d)[ \t]?/[ \t]?)?"
    rf"(?P<codes>(?:{CODE})(?:(?:{SEP}|[ \t]+(?={_ISSUER_WORD}(?![\w]))|[ \t]+(?=[SB][{U}&]{{2,}}(?![\w])))(?:{CODE}))?"
    rf"(?:{SEP}(?:{CODE})){{0,3}})"
    rf")"
)

# Lower-case or odd-case numbers, accepted only right after "số" (with more structure than N/x).
LOOSE_SYMBOL_RE = re.compile(
    rf"(?=\d)(?<![\w/\\.\-])(?:"
    rf"(?P<pnum>{NUM})[ \t]*-[ \t]*(?P<ptype>{LOOSE_CODE})[ \t]?/[ \t]?(?P<pcodes>(?:{LOOSE_CODE})(?:{SEP}(?:{LOOSE_CODE})){{0,2}})"
    rf"|"
    rf"(?P<num>{NUM})[ \t]?/[ \t]?(?:(?P<year>(?:19|20)\d\d)[ \t]?/[ \t]?)?"
    rf"(?P<codes>(?:{LOOSE_CODE})(?:{SEP}(?:{LOOSE_CODE})){{0,3}})"
    rf")"
)

# One scan for both: a number of SYMBOL_RE, or (where none starts) a LOOSE_SYMBOL_RE number right
# after "số" (group "loose"; LOOSE_SYMBOL_RE.match at its start gives the parts).
_PRE = r"(?=\d)(?<![\w/\\.\-])"
assert SYMBOL_RE.pattern.startswith(_PRE) and LOOSE_SYMBOL_RE.pattern.startswith(_PRE)
_AFTER_SO = "|".join(f"(?<=[sS][ốo]{sep})" for sep in ("", " ", "  ", "   ", ":", ": ", ":  ", " :", " : "))
ANY_SYMBOL_RE = re.compile(
    _PRE + "(?:" + SYMBOL_RE.pattern[len(_PRE):] + "|(?P<loose>(?:" + _AFTER_SO + ")"
    + re.sub(r"\(\?P<\w+>", "(?:", LOOSE_SYMBOL_RE.pattern[len(_PRE):]) + "))"
)

_DASH_CHARS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")


def symbol_matches(text: str) -> list[re.Match]:
    """ANY_SYMBOL_RE.finditer(text), found from the slashes: every number has one ("01/NQ-CP",
    "57-NQ/TW"), so the scan tries ANY_SYMBOL_RE.match only where a number can begin before a
    slash (the digits right before it, or "N-TYPE" before it) — several times faster than letting
    the engine try every position of the text."""
    match = ANY_SYMBOL_RE.match
    find = text.find
    out: list[re.Match] = []
    last = 0
    k = find("/")
    n = len(text)
    while k != -1:
        # after the slash comes a code (a letter) or, in the normative form, a year and a slash
        a = k + 1
        if a < n and text[a] in " \t":
            a += 1
        if a >= n or not (text[a].isalpha() or (text[a] in "12" and text[a:a + 2] in ("19", "20") and text[a:a + 4].isdigit()
                                                and "/" in text[a + 4:a + 6])):
            k = find("/", max(k + 1, last))
            continue
        j = k - 1
        if j >= 0 and text[j] in " \t":
            j -= 1
        cands = []
        if j >= 0 and text[j].isdigit():  # state and normative forms: N/…, N/YYYY/…
            i = j
            while i > 0 and text[i - 1].isdigit() and j - i < 5:
                i -= 1
            cands.append(i)
        i = j  # party form: N-TYPE/…
        while i >= 0 and j - i < 3 and text[i].isdigit():
            i -= 1
        t = i
        while i >= 0 and t - i < 16 and (text[i].isalpha() or text[i] == "&"):
            i -= 1
        if i < t:
            w = i
            while i >= 0 and w - i < 400 and text[i].isspace():
                i -= 1
            if i >= 0 and text[i] in _DASH_CHARS:
                i -= 1
                while i >= 0 and text[i] in " \t":
                    i -= 1
                e = i
                while i >= 0 and text[i].isdigit() and e - i < 5:
                    i -= 1
                if i < e:
                    cands.append(i + 1)
        for c in sorted(cands):
            if c >= last:
                m = match(text, c)
                if m:
                    out.append(m)
                    last = m.end()
                    break
        k = find("/", max(k + 1, last))
    return out


_DRIVE_RE = re.compile(r"(?<![\w])[A-Za-z]:[\\/]")
_PATH_TOKEN_RE = re.compile(r"\\|://|www\.|\.(?:docx?|pdf|xlsx?|txt|html?|rtf|odt|zip|rar)\b", re.IGNORECASE)


def canon_code(code: str) -> str:
    c = re.sub(r"\s+", "", code)
    known = _CANON_CODE.get(c.upper())
    if known:
        return known
    if c.upper() != c and not re.fullmatch(rf"(?:[{U}&]|[a-zđ](?![a-zđ]))+\d*", c):
        c = c.upper()  # "nq" -> "NQ"; "TTg"-like mixed spellings are kept as written
    if "D" in c:
        for bad, good in _INNER_D:
            c = c.replace(bad, good)
    return c


def _split_glued(code: str) -> list[str]:
    """'QĐTTg' -> ['QĐ', 'TTg'] when a type code is glued to a known issuer code."""
    if code in TYPE_CODES or code in _CANON_CODE.values():
        return [code]
    for t in sorted(TYPE_CODES, key=len, reverse=True):
        for cand in (t, t.replace("Đ", "D")):
            if code.upper().startswith(cand.upper()) and len(code) > len(cand):
                rest = canon_code(code[len(cand):])
                if (rest in STATE_ISSUERS or rest in _ONTO.national_issuers or rest in _ONTO.local_issuers
                        or rest in MINISTRY_LETTER_CODES or _MINISTRY_CODE_RE.fullmatch(rest)):
                    return [t, rest]
    return [code]


# a ministry's code glued to the type code of a normative document: "TTBNNPTNT" = TT + BNNPTNT
_MINISTRY_CODE_RE = re.compile(r"B(?:KHĐT|TC|NN|NNPTNT|XD|GTVT|TNMT|YT|GDĐT|LĐTBXH|VHTTDL|TTTT|NV|TP|CA|QP|NG|KHCN|CT)")


def _codes(text: str) -> list[str]:
    parts = [p for p in re.split(r"[\s\-\u2010-\u2015\u2212]+", text.strip()) if p]
    return [canon_code(p) for p in parts]


def _issuer_head(code: str) -> str:
    return re.sub(r"\d+$", "", re.split(r"[&.]", code)[0])


class Symbol:
    """A parsed, canonical số ký hiệu."""

    __slots__ = ("symbol", "form", "number", "year", "type_code", "issuer_codes", "trim")

    def __init__(self, symbol, form, number, year, type_code, issuer_codes, trim=0):
        self.trim = trim  # characters of a footnote marker glued to the end ("TT-BTC1") left outside
        self.symbol = symbol
        self.form = form  # state | normative | party
        self.number = number
        self.year = year
        self.type_code = type_code
        self.issuer_codes = issuer_codes

    @property
    def issuer_code(self) -> str:
        return self.issuer_codes[0] if self.issuer_codes else ""

    def __repr__(self) -> str:
        return f"Symbol({self.symbol!r})"


_KNOWN_CODES = None


def _footnote_trim(codes: list[str]) -> tuple[list[str], int]:
    """A footnote marker glued to the last code ("76/2023/TT-BTC1"): digits after a known code
    that carries no number of its own (QH15, UBTVQH15 do)."""
    global _KNOWN_CODES
    if _KNOWN_CODES is None:
        _KNOWN_CODES = set(_ONTO.national_issuers | _ONTO.local_issuers | STATE_ISSUERS | PARTY_ISSUERS) | set(TYPE_CODES)
    last = codes[-1]
    m = re.fullmatch(r"(.*?[^\d])(\d{1,2})", last)
    if m and m.group(1) in _KNOWN_CODES and not m.group(1).endswith("QH"):
        return codes[:-1] + [m.group(1)], len(m.group(2))
    return codes, 0


_PARSED: dict[tuple[int, str], Symbol | None] = {}


def parse_symbol(m: re.Match) -> Symbol | None:
    """Canonical symbol of a SYMBOL_RE / LOOSE_SYMBOL_RE match, or None when it is not one.
    (Memoised on the matched text: a Symbol is not changed after it is made.)"""
    key = (id(m.re), m.group(0))
    try:
        return _PARSED[key]
    except KeyError:
        pass
    sym = _parse_symbol(m)
    if sym is not None and sym.issuer_codes:
        codes, trim = _footnote_trim(sym.issuer_codes)
        if trim:
            sym.symbol = sym.symbol[:-trim]
            sym.issuer_codes = codes
            sym.trim = trim
    if len(_PARSED) > 50_000:
        _PARSED.clear()
    _PARSED[key] = sym
    return sym


def _parse_symbol(m: re.Match) -> Symbol | None:
    if m.group("pnum"):
        ptype = canon_code(m.group("ptype"))
        codes = _codes(m.group("pcodes"))
        if ptype not in TYPE_CODES:
            return None
        issuer = _issuer_head(codes[0])
        if issuer in STATE_ISSUERS and issuer not in PARTY_ISSUERS:
            # form slip (14-NQ/CP): a Government resolution in the state form
            return Symbol(f"{m.group('pnum')}/{ptype}-{'-'.join(codes)}", "state", m.group("pnum"), None, ptype, codes)
        return Symbol(f"{m.group('pnum')}-{ptype}/{'-'.join(codes)}", "party", m.group("pnum"), None, ptype, codes)
    codes = _codes(m.group("codes"))
    if len(codes) == 1:
        codes = _split_glued(codes[0])
    letters = sum(ch.isalpha() for ch in "".join(codes))
    if letters < 2:
        return None
    type_code = codes[0] if codes[0] in TYPE_CODES and len(codes) > 1 else None
    issuers = codes[1:] if type_code else codes
    year = int(m.group("year")) if m.group("year") else None
    num = m.group("num")
    if year:
        return Symbol(f"{num}/{year}/{'-'.join(codes)}", "normative", num, year, type_code, issuers)
    if type_code and issuers and issuers[0] in _PARTY_ONLY_ISSUERS:
        # the mirror slip (35/CTr-TU): a Party committee numbers its documents N-TYPE/ISSUER
        return Symbol(f"{num}-{type_code}/{'-'.join(issuers)}", "party", num, None, type_code, issuers)
    return Symbol(f"{num}/{'-'.join(codes)}", "state", num, None, type_code, issuers)


def canonical_symbol(text: str) -> str | None:
    """'45/NQ - HĐND' -> '45/NQ-HĐND'; 'số 14-NQ/CP' -> '14/NQ-CP'; None when not a number."""
    t = re.sub(r"^\s*(?:số|so|Số|SỐ)\s*:?\s*", "", text.strip())
    m = SYMBOL_RE.fullmatch(t) or LOOSE_SYMBOL_RE.fullmatch(t)
    if not m:
        m = SYMBOL_RE.match(t)
    p = parse_symbol(m) if m else None
    return p.symbol if p else None


def is_path_context(text: str, start: int, end: int) -> bool:
    """True when the match sits inside a file path or URL token (D:\\VB\\2024\\12-QĐ.doc)."""
    # the token around the match (within 200 characters either side: linear on any input)
    lo = max(0, start - 200)
    a = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start), text.rfind("\t", lo, start))
    a = a + 1 if a >= 0 else lo
    hi = min(len(text), end + 200)
    b = hi
    for ch in " \n\t":
        k = text.find(ch, end, b)
        if k >= 0:
            b = k
    tok = text[a:b]
    if ("\\" in tok or ":" in tok or "." in tok) and _PATH_TOKEN_RE.search(tok):
        return True
    # a drive letter earlier on the same line: "D:\VIEN TH\Năm 2024\..."
    line_start = max(text.rfind("\n", lo, start) + 1, lo)
    return ":" in text[line_start:start] and bool(_DRIVE_RE.search(text, line_start, start))


# -------------------------------------------------------------------------- issuer codes

# Ministries and national agencies whose letters carry a code without the "B" of "Bộ"
# (Bộ Lao động - Thương binh và Xã hội signs "…/LĐTBXH-KH"; the General Departments of the
# Ministry of Finance and the State Treasury sign with their own codes).
MINISTRY_LETTER_CODES = {"LĐTBXH", "TCT", "TCHQ", "TCTK", "KBNN", "TCTL", "TCLN", "TCMT", "TCĐBVN", "BHXH"}
# Codes whose scope is certain (the code is the body); other scopes are read from the shape of
# the code (S… a provincial department, B… a ministry) and yield to an issuer named in the text.
_DEFINITE_LOCAL = {"UBND", "HĐND", "TU", "HU", "ĐU", "BCSĐ", "BCSD", "TƯ"}


def code_scope(sym: Symbol) -> str | None:
    """'national' or 'local' from the issuer code of a symbol; None when the code says nothing."""
    return code_scope_strength(sym)[0]


@functools.lru_cache(maxsize=4096)
def _code_scope_of(form: str, head: str) -> tuple[str | None, bool]:
    nat, loc = _ONTO.national_issuers, _ONTO.local_issuers
    if form == "party":
        if head in ("TW", "TƯ") or head.endswith("TW"):
            return "national", True
        return "local", head in _DEFINITE_LOCAL or head.endswith(("TU", "HU"))
    if head in nat or head == "TTg" or head.endswith("TW"):
        return "national", head in nat or head == "TTg"
    if head in loc or head in ("UBND", "HĐND") or head.endswith(("TU", "HU")):
        return "local", head in _DEFINITE_LOCAL
    if re.fullmatch(r"QH\d*|UBTVQH\d*", head):
        return "national", True
    if head in MINISTRY_LETTER_CODES:
        return "national", False
    if head.startswith("S") and len(head) >= 2:
        return "local", False  # provincial departments: SKHĐT, STC, SNN&PTNT …
    if head.startswith("B") and len(head) >= 3 and head not in loc:
        return "national", False  # ministries: BKHĐT, BNN, BTNMT …
    if head.startswith(("UB", "HĐ", "BQL", "CA", "BCH")):
        return "local", False
    return None, False


def code_scope_strength(sym: Symbol) -> tuple[str | None, bool]:
    """(scope, definite): the scope the issuer code gives and whether the code alone settles it
    (UBND, HĐND, TU, CP, TTg, QH …) or only suggests it by its shape (SKHĐT, BNN, HĐTĐKT …)."""
    head = _issuer_head(sym.issuer_codes[0]) if sym.issuer_codes else ""
    return _code_scope_of(sym.form, head)


# Issuer named by the code alone (when the text names none).
_CODE_ISSUER = {
    "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "VPCP": "Văn phòng Chính phủ", "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội", "QH": "Quốc hội", "CTN": "Chủ tịch nước", "KTNN": "Kiểm toán Nhà nước",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư", "BTC": "Bộ Tài chính", "BNN": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BXD": "Bộ Xây dựng", "BGTVT": "Bộ Giao thông vận tải", "BTNMT": "Bộ Tài nguyên và Môi trường", "BYT": "Bộ Y tế",
    "BGDĐT": "Bộ Giáo dục và Đào tạo", "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch", "BTTTT": "Bộ Thông tin và Truyền thông", "BNV": "Bộ Nội vụ",
    "BTP": "Bộ Tư pháp", "BCA": "Bộ Công an", "BQP": "Bộ Quốc phòng", "BNG": "Bộ Ngoại giao",
    "BKHCN": "Bộ Khoa học và Công nghệ", "BCT": "Bộ Công Thương", "UBDT": "Ủy ban Dân tộc", "TTCP": "Thanh tra Chính phủ",
    "LĐTBXH": "Bộ Lao động - Thương binh và Xã hội", "TCT": "Tổng cục Thuế", "TCHQ": "Tổng cục Hải quan",
    "TCTK": "Tổng cục Thống kê", "KBNN": "Kho bạc Nhà nước",
}


def issuer_from_code(sym: Symbol, province: str | None) -> str | None:
    head = _issuer_head(sym.issuer_code)
    if sym.form == "party":
        if head == "TU":
            return f"Tỉnh ủy {province}" if province else "Tỉnh ủy"
        if head in ("TW",):
            return None  # Bộ Chính trị, Ban Bí thư or Ban Chấp hành Trung ương: the code does not say
        return None
    if re.fullmatch(r"QH\d*", head):
        return "Quốc hội"
    if head in _CODE_ISSUER:
        return _CODE_ISSUER[head]
    if head == "HĐND":
        return f"HĐND tỉnh {province}" if province else "HĐND tỉnh"
    if head == "UBND":
        return f"UBND tỉnh {province}" if province else "UBND tỉnh"
    return None


# ------------------------------------------------------------------------------ type words

def _type_words() -> list[tuple[str, str]]:
    out = []
    for t in _ONTO.doc_types:
        for w in (t.vi, *t.words):
            if len(w) >= 2:
                out.append((w, t.vi))
    out += [("Thông báo kết luận", "Thông báo"), ("Chương trình hành động", "Chương trình hành động")]
    seen, uniq = set(), []
    for w, v in sorted(out, key=lambda x: -len(x[0])):
        if ffold(w) not in seen:
            seen.add(ffold(w))
            uniq.append((w, v))
    return uniq


TYPE_WORDS = _type_words()
_TYPE_BY_FOLD = {re.sub(r"\s+", " ", ffold(w)): v for w, v in TYPE_WORDS}
# Type words written as a code ("QĐ số …") must be in capitals; words are case/tone-insensitive.
TYPE_WORD_RX = "|".join(re.escape(w) if w.isupper() or w in ("CTr",) else vi_words(w) for w, _ in TYPE_WORDS)
SO_RX = vi_words("số")
_LAW_WORDS = "|".join(vi_words(w) for w in ("Bộ luật", "Luật", "Pháp lệnh"))


@functools.lru_cache(maxsize=1024)
def type_from_word(word: str) -> str | None:
    return _TYPE_BY_FOLD.get(re.sub(r"\s+", " ", ffold(word)))


# "[các] Nghị quyết [số[:]] " right before a number
TYPE_WORD_RX_REV = "|".join(re.escape(w[::-1]) if w.isupper() or w in ("CTr",) else vi_words_rev(w) for w, _ in TYPE_WORDS)
# The same two, on the reversed text before a number (``left_of_number``)
_LEFT_TYPED_REV_RE = re.compile(
    rf"(?P<so>\s*:?\s*{vi_words_rev('số')})?\s*(?P<tw>{TYPE_WORD_RX_REV})(?:\s+{vi_words_rev('các')})?(?![\w])")
_LEFT_SO_REV_RE = re.compile(rf"\s*:?\s*(?P<so>{vi_words_rev('số')})(?![\w])")


def left_of_number(window: str) -> tuple[int, int, bool] | tuple[None, int, bool] | None:
    """What ends ``window`` (the text right before a number): (type word start, end, "số" written)
    for "[các] <Type> [số[:]]", (None, start of "số", True) for a bare "số", else None."""
    r = window[::-1]
    n = len(window)
    m = _LEFT_TYPED_REV_RE.match(r)
    if m:
        return n - m.end("tw"), n - m.start("tw"), bool(m.group("so"))
    m = _LEFT_SO_REV_RE.match(r)
    if m:
        return None, n - m.end("so"), True
    return None


LEFT_TYPED_RE = re.compile(rf"(?<![\w])(?P<cac>{vi_words('các')}\s+)?(?P<tw>{TYPE_WORD_RX})\s*(?P<so>{SO_RX}\s*:?\s*)?$")
# "Luật Đất đai số " — a law's name between its type word and the number
LEFT_LAW_RE = re.compile(rf"(?<![\w])(?P<tw>{_LAW_WORDS})\s+[^\n;:()\d]{{2,60}}?\s+(?P<so>{SO_RX})\s*:?\s*$")
LEFT_SO_RE = re.compile(rf"(?<![\w])(?P<so>{SO_RX})\s*:?\s*$")
# own-number markers: "Số: 01/CTr-UBND" at the start of a line, "Số hiệu | 01/CTr-UBND"
OWN_NUMBER_RE = re.compile(rf"[ \t|*_#]*(?:{vi_words('số hiệu')}|{vi_words('số ký hiệu')}|{SO_RX})[ \t]*[:|]?[ \t|]*$")

# ------------------------------------------------------------------------------ issuers

MINISTRY_NAMES = [
    "Kế hoạch và Đầu tư", "Tài chính", "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường",
    "Xây dựng", "Giao thông vận tải", "Tài nguyên và Môi trường", "Y tế", "Giáo dục và Đào tạo",
    "Lao động - Thương binh và Xã hội", "Lao động Thương binh và Xã hội", "Văn hóa, Thể thao và Du lịch",
    "Văn hóa Thể thao và Du lịch", "Thông tin và Truyền thông", "Thông tin Truyền thông", "Nội vụ", "Tư pháp",
    "Công an", "Quốc phòng", "Ngoại giao", "Khoa học và Công nghệ", "Công Thương", "Dân tộc và Tôn giáo",
    "Ngoại vụ", "Du lịch", "Dân tộc",
]
_MIN_RX = "|".join(vi_words(n) for n in sorted(MINISTRY_NAMES, key=len, reverse=True))


@functools.cache
def _province_rx() -> str:
    names = sorted(province_names(), key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)


_KHOA = rf"(?:\s+{vi_words('khóa')}\s+(?P<khoa>[IVXLC]+\b))"
_SUB_UNITS = ("huyện", "quận", "thị xã", "thị trấn", "xã", "phường")
_PLACE = (rf"(?:\s+(?P<unit>{vi_words('tỉnh')}|{vi_words('thành phố')}|" + "|".join(vi_words(u) for u in _SUB_UNITS) + r"))?"
          rf"(?:\s+(?P<prov>{{PROV}})(?![\w])|(?<=[^\W\d_])\s+(?P<lname>[{U}ÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÉÈẺẼẸÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\W\d_]*"
          rf"(?:\s+[{U}ÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÉÈẺẼẸÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^\W\d_]*){{0,3}}))?")


_NATB_STOP = "|".join(vi_words(w) for w in ("về", "của", "và", "tỉnh", "huyện", "thành phố", "Đảng bộ", "nhân dân"))


def _issuer_patterns() -> list[tuple[re.Pattern, str]]:
    prov = _province_rx()
    place = _PLACE.replace("{PROV}", prov)
    pats = [
        (rf"{vi_words('Thủ tướng')}(?:\s+{vi_words('Chính phủ')})?", "TTG"),
        (rf"{vi_words('Văn phòng Chính phủ')}", "VPCP"),
        (rf"{vi_words('Thanh tra Chính phủ')}", "MIN"),
        (rf"{vi_words('Chính phủ')}", "CP"),
        (rf"(?:{vi_words('Ủy ban Thường vụ Quốc hội')}|UBTVQH\d*)", "UBTVQH"),
        (rf"{vi_words('Quốc hội')}{_KHOA}?", "QH"),
        (rf"{vi_words('Bộ Chính trị')}{_KHOA}?", "TW"),
        (rf"{vi_words('Ban Bí thư')}(?:\s+{vi_words('Trung ương')}(?:\s+{vi_words('Đảng')})?)?{_KHOA}?", "TW"),
        (rf"(?:{vi_words('Hội nghị')}\s+(?:{vi_words('lần thứ')}\s+\S+\s+)?)?(?:{vi_words('Ban Chấp hành')}|BCH)\s+{vi_words('Trung ương')}"
         rf"(?:\s+{vi_words('Đảng')})?{_KHOA}?", "TW"),
        (rf"(?:{vi_words('Văn phòng')}|{vi_words('Ủy ban Kiểm tra')}|{vi_words('Ban')}\s+(?:{vi_words('Tuyên giáo')}|{vi_words('Tổ chức')}|"
         rf"{vi_words('Dân vận')}|{vi_words('Nội chính')}|{vi_words('Kinh tế')}|{vi_words('Đối ngoại')}|{vi_words('Tuyên giáo và Dân vận')}|"
         rf"{vi_words('Chính sách, chiến lược')}))\s+{vi_words('Trung ương')}(?:\s+{vi_words('Đảng')})?", "TWB"),
        # other national bodies: "Ban Chỉ đạo quốc gia về …", "Hội đồng Thi đua - Khen thưởng Trung ương",
        # "Ủy ban Quốc gia …", "Ban Chỉ đạo Trung ương …"
        (rf"(?:{vi_words('Ban Chỉ đạo')}|{vi_words('Hội đồng')}|{vi_words('Ủy ban')})\s+(?:{vi_words('Trung ương')}|"
         rf"{vi_words('quốc gia')})(?![\w])"
         rf"|(?:{vi_words('Ban Chỉ đạo')}|{vi_words('Hội đồng')}|{vi_words('Ủy ban')}|{vi_words('Ban')})"
         rf"(?:\s+(?:-\s+)?(?!(?:{_NATB_STOP})(?![\w]))[^\W\d_]+){{1,6}}\s+{vi_words('Trung ương')}(?![\w])", "NATB"),
        (rf"{vi_words('Ngân hàng Nhà nước')}(?:\s+{vi_words('Việt Nam')})?", "NHNN"),
        (rf"{vi_words('Kiểm toán Nhà nước')}", "KTNN"),
        (rf"{vi_words('Chủ tịch nước')}", "CTN"),
        (rf"{vi_words('Ủy ban Dân tộc')}", "MIN"),
        (rf"{vi_words('Bộ')}\s+(?P<min>{_MIN_RX})", "MIN"),
        (rf"(?:{vi_words('Ban Thường vụ')}|BTV|{vi_words('Thường trực')}|{vi_words('Thường vụ')})\s+(?:{vi_words('Tỉnh ủy')}|{vi_words('Thành ủy')})"
         rf"(?:\s+(?P<prov>{prov}))?", "TU"),
        (rf"(?:{vi_words('Tỉnh ủy')}|{vi_words('Thành ủy')})(?:\s+(?P<prov>{prov}))?", "TU"),
        (rf"(?:{vi_words('Ban Chấp hành')}|BCH)\s+{vi_words('Đảng bộ')}{place}{_KHOA}?", "TU"),
        (rf"(?:{vi_words('Ban cán sự đảng')}|BCS\s+{vi_words('đảng')}|BCSĐ)\s+(?:UBND|{vi_words('Ủy ban nhân dân')}){place}", "BCS"),
        (rf"(?:{vi_words('Thường trực')}\s+)?(?:HĐND|{vi_words('Hội đồng nhân dân')}){place}", "HĐND"),
        (rf"(?:{vi_words('Chủ tịch')}\s+)?(?:UBND|{vi_words('Ủy ban nhân dân')}){place}", "UBND"),
        (rf"{vi_words('Sở')}\s+(?P<min>{_MIN_RX})(?:\s+(?P<unit>{vi_words('tỉnh')}|{vi_words('thành phố')})(?:\s+(?P<prov>{prov}))?)?", "SO"),
    ]
    return [(re.compile(p), k) for p, k in pats]


ISSUER_PATTERNS = _issuer_patterns()
# the folded first letters each pattern can start with (match_issuer tries only those)
_FIRST_LETTERS = ["t", "v", "t", "c", "u", "q", "b", "b", "hb", "vub", "bhu", "n", "k", "c", "u", "b", "bt", "t", "b",
                  "b", "th", "cu", "s"]
assert len(_FIRST_LETTERS) == len(ISSUER_PATTERNS)
_ISSUER_BY_FIRST: dict[str, list[tuple[re.Pattern, str]]] = {}
for _pat, _letters in zip(ISSUER_PATTERNS, _FIRST_LETTERS):
    for _l in _letters:
        _ISSUER_BY_FIRST.setdefault(_l, []).append(_pat)
_KIND_CODES = {
    "CP": {"CP"}, "TTG": {"TTg"}, "VPCP": {"VPCP"}, "QH": {"QH"}, "UBTVQH": {"UBTVQH"}, "TW": {"TW", "TƯ"},
    "NHNN": {"NHNN"}, "KTNN": {"KTNN"}, "TWB": {"VPTW", "BTGTW", "BTCTW", "BDVTW", "UBKTTW", "BNCTW", "BKTTW", "BĐNTW", "TW"}, "CTN": {"CTN"}, "HĐND": {"HĐND"}, "UBND": {"UBND"},
    "TU": {"TU", "BTV", "HU"}, "BCS": {"BCSĐ", "BCSD", "BCS"},
}
NATIONAL_KINDS = {"CP", "TTG", "VPCP", "QH", "UBTVQH", "TW", "TWB", "NATB", "NHNN", "KTNN", "CTN", "MIN"}


class Issuer:
    __slots__ = ("name", "kind", "province", "end")

    def __init__(self, name, kind, province, end):
        self.name, self.kind, self.province, self.end = name, kind, province, end

    @property
    def national(self) -> bool:
        return self.kind in NATIONAL_KINDS


def _clean_name(s: str) -> str:
    return " ".join(s.split())


@functools.lru_cache(maxsize=1024)
def _canon_ministry(name: str) -> str:
    k = ffold(name).replace(",", "").replace(" - ", " ").replace("-", " ")
    k = re.sub(r"\s+", " ", k)
    for n in MINISTRY_NAMES:
        kn = re.sub(r"\s+", " ", ffold(n).replace(",", "").replace(" - ", " ").replace("-", " "))
        if kn == k:
            return {"Lao động Thương binh và Xã hội": "Lao động - Thương binh và Xã hội",
                    "Văn hóa Thể thao và Du lịch": "Văn hóa, Thể thao và Du lịch",
                    "Thông tin Truyền thông": "Thông tin và Truyền thông"}.get(n, n)
    return _clean_name(name)


# national bodies whose name does not depend on how they are written (no place, no khóa)
_PLAIN_KINDS = {"TTG": "Thủ tướng Chính phủ", "CP": "Chính phủ", "VPCP": "Văn phòng Chính phủ",
                "UBTVQH": "Ủy ban Thường vụ Quốc hội", "NHNN": "Ngân hàng Nhà nước Việt Nam", "KTNN": "Kiểm toán Nhà nước",
                "CTN": "Chủ tịch nước"}


@functools.lru_cache(maxsize=512)
def _first_folded(ch: str) -> str:
    return ffold(ch)


def match_issuer(text: str, pos: int, province: str | None) -> Issuer | None:
    """The issuing body named at ``pos`` (after "của"/"do"), lightly normalised."""
    for rx, kind in _ISSUER_BY_FIRST.get(_first_folded(text[pos:pos + 1]), ()):
        m = rx.match(text, pos)
        if not m:
            continue
        if kind in _PLAIN_KINDS:  # the name does not depend on what was written
            return Issuer(_PLAIN_KINDS[kind], kind, None, m.end())
        gd = m.groupdict()
        prov_written = gd.get("prov")
        prov = province_names().get(_clean_name(prov_written)) if prov_written else None
        unit = _clean_name(gd.get("unit") or "").lower() or "tỉnh"
        lname = _clean_name(gd.get("lname") or "")
        sub_unit = bool(lname) and (unit in _SUB_UNITS or (unit == "thành phố" and not prov))
        p = prov or province
        khoa = f" khóa {gd['khoa']}" if gd.get("khoa") else ""
        raw = _clean_name(m.group(0))
        f = ffold(raw)
        if kind == "TTG":
            name = "Thủ tướng Chính phủ"
        elif kind == "CP":
            name = "Chính phủ"
        elif kind == "VPCP":
            name = "Văn phòng Chính phủ"
        elif kind == "QH":
            name = "Quốc hội"
        elif kind == "UBTVQH":
            name = "Ủy ban Thường vụ Quốc hội"
        elif kind == "NHNN":
            name = "Ngân hàng Nhà nước Việt Nam"
        elif kind == "KTNN":
            name = "Kiểm toán Nhà nước"
        elif kind == "CTN":
            name = "Chủ tịch nước"
        elif kind == "TW":
            if f.startswith("bo chinh tri"):
                name = "Bộ Chính trị"
            elif f.startswith("ban bi thu"):
                name = "Ban Bí thư"
            else:
                name = "Ban Chấp hành Trung ương Đảng" + khoa
        elif kind in ("TWB", "NATB"):
            name = raw[:1].upper() + raw[1:]
        elif kind == "MIN":
            if gd.get("min"):
                name = "Bộ " + _canon_ministry(gd["min"])
            else:
                name = raw
        elif kind == "TU":
            body = "Thành ủy" if "thanh uy" in f else "Tỉnh ủy"
            if f.startswith(("ban thuong vu", "btv", "thuong vu")):
                name = f"Ban Thường vụ {body}"
            elif f.startswith("thuong truc"):
                name = f"Thường trực {body}"
            elif f.startswith(("ban chap hanh", "bch")):
                name = f"Ban Chấp hành Đảng bộ {unit}"
            else:
                name = body
            name = f"{name} {p}{khoa}" if p else name + khoa
        elif kind == "BCS":
            name = f"Ban cán sự đảng UBND {unit}" + (f" {p}" if p else "")
        elif kind == "HĐND":
            head = "Thường trực HĐND" if f.startswith("thuong truc") else "HĐND"
            name = f"{head} {unit} {lname}" if sub_unit else f"{head} {unit}" + (f" {p}" if p else "")
        elif kind == "UBND":
            head = "Chủ tịch UBND" if f.startswith("chu tich") else "UBND"
            name = f"{head} {unit} {lname}" if sub_unit else f"{head} {unit}" + (f" {p}" if p else "")
        elif kind == "SO":
            name = "Sở " + _canon_ministry(gd["min"]) + (f" {unit} {p}" if p else "")
        else:  # pragma: no cover
            name = raw
        end = m.end()
        if lname and not sub_unit:  # "của UBND tỉnh Về việc …": the capitalised word is not a place
            end = m.end("unit") if gd.get("unit") else m.start("lname")
            while end > pos and text[end - 1].isspace():
                end -= 1
        return Issuer(name, kind, prov if kind not in NATIONAL_KINDS else None, end)
    return None


def issuer_fits_code(issuer: Issuer, sym: Symbol) -> bool:
    """Whether a trailing "của <issuer>" of a list can belong to this number (by its issuer code)."""
    head = _issuer_head(sym.issuer_code)
    if issuer.kind == "MIN":
        return head.startswith("B") and head not in ("BCSĐ", "BCSD", "BTV", "BCĐ")
    if issuer.kind == "SO":
        return head.startswith("S")
    if issuer.kind == "QH":
        return bool(re.fullmatch(r"QH\d*", head))
    codes = _KIND_CODES.get(issuer.kind, set())
    return head in codes


@functools.lru_cache(maxsize=4096)
def classify_issuer(name: str | None) -> tuple[str | None, str | None]:
    """('national', None) | ('local', province|None) | (None, None) for a normalised issuer name."""
    if not name:
        return None, None
    iss = match_issuer(name, 0, None)
    if iss is None:
        return None, None
    if iss.national:
        return "national", None
    return "local", iss.province


# ------------------------------------------------------------------------------ around a number

DATE_AFTER_RE = re.compile(rf"[ \t]*,?\s*(?:{vi_words('ban hành')}\s+)?(?:{DATED_RE.pattern})", re.IGNORECASE)
OF_RE = re.compile(rf"[ \t]*,?\s*(?:{vi_words('của')}|{vi_words('do')})\s+")
ISSUER_BEFORE_RE = re.compile(rf"(?:{vi_words('của')}|{vi_words('do')})\s+(?P<iss>[^\n;:()]{{3,90}}?)\s+(?:{vi_words('tại')}|{vi_words('theo')})\s+$")
SUBJECT_START_RE = re.compile(rf"[ \t]*,?\s*(?:{vi_words('về việc')}|{vi_words('về')}|V/v:?)\s+")
SUBJECT_STOP_RE = re.compile(
    rf"[;\n(]|\.(?:\s|$)|:"
    rf"|,?\s+(?:{vi_words('và')}\s+)?(?:{vi_words('các')}\s+)?(?:{TYPE_WORD_RX})\s+(?:{SO_RX}\s*)?\d"
    rf"|,\s*(?:{vi_words('và')}\s+)?(?:{vi_words('các')}\s+)?(?:{TYPE_WORD_RX})\s"
    rf"|,?\s+(?:{SO_RX}\s*)?\d{{1,5}}\s*[/-]\s*[{U}]"
    rf"|\s\(?{vi_words('sau đây')}"
)
# SUBJECT_STOP_RE in parts (parse_subject): the same stops, far cheaper to search
_SUBJ_PLAIN_STOP_RE = re.compile(r"[;\n(]|\.(?:\s|$)|:")
_SUBJ_NUMBER_STOP_RE = re.compile(rf",?\s+(?:{SO_RX}\s*)?\d{{1,5}}\s*[/-]\s*[{U}]|\s\(?{vi_words('sau đây')}")


def _folded_rx(word: str) -> str:
    out = []
    for ch in ffold(word).lower():
        out.append(r"\s+" if ch == " " else r"\s*-\s*" if ch == "-" else ",?" if ch == "," else re.escape(ch))
    return "".join(out)


_TW_FOLDED_RX = "|".join(_folded_rx(w) for w, _ in TYPE_WORDS)
_SUBJ_TYPED_STOP_RE = re.compile(
    rf",?\s+(?:va\s+)?(?:cac\s+)?(?:{_TW_FOLDED_RX})\s+(?:so\s*)?\d|,\s*(?:va\s+)?(?:cac\s+)?(?:{_TW_FOLDED_RX})\s")
LIST_GAP_RE = re.compile(rf"^[\s,;]*(?:(?:{vi_words('và')}|{vi_words('hoặc')}|{vi_words('cùng')})\s+)?(?:{vi_words('các')}\s+)?$")
ALIAS_RE = re.compile(
    rf"\(\s*{vi_words('sau đây')}\s+(?:{vi_words('gọi tắt')}|{vi_words('viết tắt')}|{vi_words('gọi')})\s+(?:{vi_words('là')}\s*)?:?\s*"
    r"[“\"']?(?P<alias>[^)“”\"'\n]{2,80}?)[”\"']?\s*\)"
)


def parse_date_after(text: str, pos: int) -> tuple[str | None, int]:
    m = DATE_AFTER_RE.match(text, pos)
    if not m:
        return None, pos
    iso = date_from_match(m)
    return (iso, m.end()) if iso else (None, pos)


def parse_issuer_after(text: str, pos: int, province: str | None) -> tuple[Issuer | None, int]:
    m = OF_RE.match(text, pos)
    if not m:
        return None, pos
    iss = match_issuer(text, m.end(), province)
    if iss is None:
        return None, pos
    return iss, iss.end  # a footnote marker glued after it ("Bộ Chính trị1") stays outside


def _subject_stop(text: str, s: int, limit: int) -> int | None:
    """Start of SUBJECT_STOP_RE.search(text, s, limit), found in three cheaper scans: the plain
    stops, the stops by a number, and the stops by a type word (on the folded text, where the
    type words are plain literals)."""
    best = None
    m = _SUBJ_PLAIN_STOP_RE.search(text, s, limit)
    if m:
        best = m.start()
    m = _SUBJ_NUMBER_STOP_RE.search(text, s, best if best is not None else limit)
    if m:
        best = m.start()
    hi = limit if best is None else min(limit, best + 40)
    folded = text[s:hi].translate(_fold_table())
    m = _SUBJ_TYPED_STOP_RE.search(folded)
    if m and (best is None or s + m.start() < best):
        best = s + m.start()
    return best


def parse_subject(text: str, pos: int) -> tuple[str | None, int, int]:
    """(subject, start, end) of a "về …" phrase at ``pos``."""
    m = SUBJECT_START_RE.match(text, pos)
    if not m:
        return None, pos, pos
    s = m.end()
    limit = min(len(text), s + 320)
    stop = _subject_stop(text, s, limit)
    e = stop if stop is not None else limit
    if stop is None:  # cut at the last space so no word is split
        sp = text.rfind(" ", s, e)
        e = sp if sp > s else e
    subj = text[s:e].strip(" \t,“”\"'*")
    if len(subj) < 3:
        return None, pos, pos
    return _clean_name(subj), s, s + len(text[s:e].rstrip(" \t,“”\"'*"))


_OF_SPLIT_RE = re.compile(rf"\s(?:{vi_words('của')}|{vi_words('do')})\s+")


def trailing_issuer(text: str, s: int, e: int, province: str | None) -> tuple[Issuer | None, int]:
    """An issuer ending a subject phrase ("… năm 2024 của Hội đồng nhân dân tỉnh"): (issuer, its 'của' start)."""
    last = None
    for m in _OF_SPLIT_RE.finditer(text, s, e):
        last = m
    if last is None:
        return None, e
    iss = match_issuer(text, last.end(), province)
    if iss is None:
        return None, e
    rest = text[iss.end:e]
    if rest.strip(" \t,.\"”'0123456789"):
        return None, e
    return iss, last.start()
