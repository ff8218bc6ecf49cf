"""Project finder: named works, facilities and zones (industrial parks and clusters, roads,
bridges, ports, airports, channels, hospitals and health centres, schools, named investment
projects, economic corridors).

A mention is a head noun followed by a proper name (see ``patterns.projects``); shared heads are
expanded into one project per name, and the items of an enumeration of projects ("các dự án …
như: X; Y; Z") are projects as a whole.  Names are normalised (abbreviated heads expanded,
first letter capitalised); quotes are exact one-line substrings of the original text.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from ..model import CleanText, DocumentMeta, Project
from .patterns.targets import bounded_sentence_span, lowered
from .patterns.common import UPPER, one_line_span, province_regex
from .patterns.projects import (
    ABBREVIATIONS,
    CODE_SIBLING_RE,
    COLON_LIST_RE,
    CONNECT_RE,
    COUNT_BEFORE_RE,
    DOCUMENT_NOUN_RE,
    DOCUMENT_START_RE,
    PAPER_START_RE,
    CONSTRUCTION_BEFORE_RE,
    CONSTRUCTION_ONLY,
    COMPOUND_BEFORE_RE,
    ENDPOINT_BEFORE_RE,
    GENERIC_ITEM_RE,
    GUARD_RE,
    HEAD_RE,
    HEAD_LOW_RE,
    HEAD_SCAN_RE,
    LEVEL_RE,
    LIST_END_RE,
    LIST_INTRO_RE,
    LIST_ITEM_STRIP_RE,
    LIST_ITEM_TAIL_RE,
    MANAGEMENT_BEFORE_RE,
    MAX_DESCRIPTORS,
    MODIFIER_RE,
    ALIAS_PAREN_RE,
    ASSIGNEE_AFTER_RE,
    ASSIGNEE_BEFORE_RE,
    CLAUSE_OPEN_RE,
    CONNECTION_RE,
    ROUTE_KINDS,
    SEGMENT_RE,
    NAME_BREAK_WORDS,
    PAREN_LIST_CLOSE_RE,
    PAREN_LIST_OPEN_RE,
    PAREN_LIST_SEP_RE,
    PLACE_BEFORE_RE,
    PLURAL_BEFORE_RE,
    PROJECT_DESC_OK,
    WORK_WORD_RE,
    PROJECT_NOUN_RE,
    PROPERLESS_KINDS,
    QUOTED_NAME_RE,
    ROAD_CODE_HEADS,
    ROAD_CODE_RE,
    ROUTE_PAREN_RE,
    SCHOOL_TYPE_RE,
    AGENCY_GUARD_RE,
    SIBLING_SEP_RE,
    STOP_WORDS,
    TOKEN_RE,
)

_WS = re.compile(r"\s+")
_PROPER = ("cap", "acr", "code", "roman")
_ABBR_LOWER = frozenset(a.lower() for a in ABBREVIATIONS)
# Something a name can start with, ahead in the clause (a cheap test before parsing a name).
_NAME_AHEAD_RE = re.compile(rf"[^\n.;!?]{{0,100}}?[{UPPER}0-9“\"(:]")
_INNER_CAP_RE = re.compile(rf"(?<=\s)[{UPPER}]")
_INTRO_TAILS = frozenset({"như", "gồm", "sau", "đây"})
_PLACE_ONLY_RE = re.compile(r"[ \t]*(?:tỉnh|thành\s+phố)[ \t]*")
_LABEL_RE = re.compile(r"[ \t]*(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•])[ \t]")
_CAP_NEXT_RE = re.compile(rf"[ \t]+[{UPPER}]")
_ROAD_CODE_HEADS_RE = re.compile(r"^(?:quốc\s+lộ|tỉnh\s+lộ|đường\s+tỉnh|đường\s+huyện)$", re.IGNORECASE)


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    kind: str  # cap | acr | code | roman | lower | stop | other


@dataclass(slots=True)
class _Name:
    desc_end: int  # end of the descriptors (== start when none)
    proper: tuple[int, int] | None  # span of the proper-name run
    end: int  # end of the whole name (modifiers and route included)


@dataclass(slots=True)
class _Cand:
    name: str
    kind: str
    start: int  # the mention (head to end of name): used for containment
    end: int
    quote_start: int
    quote_end: int
    anchor: int  # a position inside the name, for one-line quotes
    group: int
    group_size: int = 1
    outer: bool = False  # an enumeration item
    endpoint: bool = False


# ------------------------------------------------------------------------------- tokens

_ROMANS = frozenset("I II III IV V VI VII VIII IX X XI XII".split())


def _kind(tok: str) -> str:
    """cap ("Đông") | acr ("THPT", "IC2") | code ("14E", "2") | roman ("II") | year ("2025")
    | lower | stop (a function word) | other."""
    c = tok[0]
    if "." in tok:  # "ĐT.639", "QL.1A"
        head = tok.split(".", 1)[0]
        return "acr" if head.isupper() and len(head) <= 4 else "other"
    if c.isdigit():
        if "," in tok:
            return "code"  # "Vành đai 2,5"
        if tok.isdigit():
            return "year" if len(tok) == 4 and tok[:2] in ("19", "20") else "code"
        digits = len(tok) - len(tok.lstrip("0123456789"))
        return "code" if len(tok) - digits <= 3 and tok[digits:].isalpha() else "other"  # "14E", "220kV"
    if c.isupper():
        if tok in _ROMANS:
            return "roman"
        rest = tok[1:]
        if not rest or rest.islower() and rest.isalpha():
            return "cap"
        if all(ch.isdigit() or "A" <= ch <= "Z" or ch == "Đ" for ch in rest) and (c.isascii() or c == "Đ"):
            return "acr"  # THPT, IC2, VSIP, ĐT (not a word in capitals: "CỤM", "VÀ")
        return "other"
    if tok.islower():
        return "stop" if tok in STOP_WORDS else "lower"
    return "other"


def _tokens(text: str, pos: int, limit: int = 16, desc_ok: frozenset = frozenset()) -> list[_Tok]:
    """Tokens from ``pos`` up to punctuation, a line end or a function word (kept, last)."""
    out: list[_Tok] = []
    p = pos
    while len(out) < limit:
        m = TOKEN_RE.match(text, p)
        if not m:
            break
        tok = m.group("tok")
        kind = _kind(tok)
        if m.group("dash") and not (out and out[-1].kind in _PROPER and kind in _PROPER):
            if not (out and out[-1].kind in _PROPER and kind == "lower" and _CAP_NEXT_RE.match(text, m.end())):
                break  # (an end point may open with a common noun: "Nhổn - ga Hà Nội")
        out.append(_Tok(m.start("tok"), m.end("tok"), tok, kind))
        if kind == "stop" and tok not in desc_ok:
            break
        p = m.end()
    return out


def _inner_lower(toks: list[_Tok], j: int) -> int:
    """How many lowercase syllables from ``toks[j]`` belong inside a proper name, between
    capitalised words ("Vành đai phía Tây 2", "Vùng Thủ đô Hà Nội", "Nhi đồng Thành phố"): at most
    two, after a capitalised word and before a capitalised word or a number, never a place word."""
    if j == 0 or toks[j - 1].kind not in ("cap", "acr") or toks[j].text in NAME_BREAK_WORDS:
        return 0
    n = len(toks)
    if j + 1 < n and toks[j + 1].kind in ("cap", "code", "roman"):
        return 1
    if (j + 2 < n and toks[j + 1].kind == "lower" and toks[j + 1].text not in NAME_BREAK_WORDS
            and toks[j + 2].kind in ("cap", "code", "roman")):
        return 2
    return 0


def _ends_phrase(text: str, pos: int) -> bool:
    """Whether punctuation or a line end follows ``pos`` (after spaces)."""
    n = len(text)
    while pos < n and text[pos] in " \t":
        pos += 1
    return pos >= n or text[pos] in ";,.…:()\n"


def _parse_name(text: str, pos: int, max_desc: int, *, cap_phrase: bool = False,
                desc_ok: frozenset = frozenset(), route: bool = False, segment: bool = False) -> _Name | None:
    """Descriptors (≤ max_desc lowercase syllables) then a proper-name run, from ``pos``."""
    toks = _tokens(text, pos, desc_ok=desc_ok)
    if not toks:
        return None
    i = 0
    if len(toks) > 1 and toks[0].kind == "cap" and toks[1].kind == "lower" and not _inner_lower(toks, 1):
        if not cap_phrase:
            # "Bệnh viện Đa khoa tỉnh", "Bệnh viện Sản nhi": a capitalised common noun opens the
            # name; it needs a proper name after it, or it is the whole name
            sub = _parse_name(text, toks[0].end, max_desc, desc_ok=desc_ok, route=route, cap_phrase=True, segment=segment)
            if sub is not None and sub.proper is not None:
                return _Name(sub.desc_end, sub.proper, sub.end)
            return _Name(sub.desc_end if sub else toks[0].end, None, sub.desc_end if sub else toks[0].end)
        i = 1
    n_desc = 0
    while i < len(toks) and (toks[i].kind == "lower" or (toks[i].kind == "stop" and toks[i].text in desc_ok)):
        i += 1
        n_desc += 1
    desc_end = toks[i - 1].end if i else pos
    if n_desc > max_desc:
        return _Name(desc_end, None, desc_end) if max_desc == 0 else None
    j = i
    while j < len(toks):
        k = toks[j].kind
        if k in _PROPER:
            j += 1
            continue
        if k == "lower" and j > i and j + 1 < len(toks) and toks[j + 1].kind in ("code", "roman"):
            j += 1
            continue
        if k == "lower" and j > i:
            n_in = _inner_lower(toks, j)
            if n_in:
                j += n_in
                continue
        break
    if j == i:
        return _Name(desc_end, None, desc_end)
    # one lowercase syllable closing the name before punctuation, a function word or a modifier
    # ("Vành đai 5 - Thủ đô;", "Bệnh viện Nhi Trung ương và …", "… Trung ương cơ sở 2")
    if (j < len(toks) and toks[j].kind == "lower" and toks[j - 1].kind == "cap" and toks[j].text not in NAME_BREAK_WORDS
            and ((j + 1 == len(toks) and _ends_phrase(text, toks[j].end))
                 or (j + 1 < len(toks) and toks[j + 1].kind == "stop") or MODIFIER_RE.match(text, toks[j].end))):
        j += 1
    proper = (toks[i].start, toks[j - 1].end)
    return _Name(desc_end, proper, _name_tail(text, proper[1], route, segment))


def _name_tail(text: str, end: int, route: bool, segment: bool) -> int:
    """The end of a name after its proper part: "mở rộng", "giai đoạn 2", a road's alias
    "(ĐT.639)" and segment "đoạn từ Km0 đến Km36", a route in parentheses "(đoạn … )"."""
    m = MODIFIER_RE.match(text, end)
    if m:
        end = m.end()
    if segment:
        m = ALIAS_PAREN_RE.match(text, end)
        if m:
            end = m.end()
        m = SEGMENT_RE.match(text, end)
        if m:
            end = m.end()
            m = MODIFIER_RE.match(text, end)
            if m:
                end = m.end()
    if route:
        m = ROUTE_PAREN_RE.match(text, end)
        if m:
            end = m.end()
    return end


def _valid_proper(text: str, span: tuple[int, int] | None, code_ok: bool = False, require_cap: bool = False) -> bool:
    if span is None:
        return False
    seg = text[span[0]:span[1]]
    if GUARD_RE.match(text, span[0]):  # (on the text: "Chương trình" may run past the name's end)
        return False
    for tok in re.findall(r"[^\W_]+", seg):
        k = _kind(tok)
        if (k == "cap" and len(tok) >= 2) or (k == "acr" and not require_cap) or (code_ok and k == "code"):
            return True
    return False


def _mid_sentence(text: str, pos: int) -> bool:
    p = pos - 1
    while p >= 0 and text[p] in " \t":
        p -= 1
    return p >= 0 and (text[p].isalnum() or text[p] == ",")


def _norm(s: str) -> str:
    s = _WS.sub(" ", s).strip(" ,;:.…")
    s = LEVEL_RE.sub(lambda m: m.group(1), s)
    return s[:1].upper() + s[1:]


def _head_text(raw: str) -> str:
    raw = _WS.sub(" ", raw)
    return ABBREVIATIONS.get(raw, raw)


# ------------------------------------------------------------------------------- finder

class _Finder:
    def __init__(self, clean: CleanText):
        self.clean = clean
        self.text = clean.text
        self.src = clean.source.text
        self.cands: list[_Cand] = []
        self.group = 0
        self.project_prefix: dict[int, int] = {}  # head start -> start of a "dự án" before it
        low = lowered(self.text)
        self.low = low if low is not self.text else None  # str.lower keeps Vietnamese lengths
        self._hits: list[int] | None = None

    def _scan_hits(self) -> list[int]:
        """Word starts where a head or a numbered road may begin (one pass over the text)."""
        if self._hits is None:
            low = self.low
            self._hits = [h.start() for h in HEAD_SCAN_RE.finditer(low)
                          if h.start() == 0 or not (low[h.start() - 1].isalnum() or low[h.start() - 1] == "_")]
        return self._hits

    def head_matches(self):
        """HEAD_RE matches, found through the fast scan of the lower-cased text."""
        text = self.text
        if self.low is None:
            yield from HEAD_RE.finditer(text)
            return
        last = -1
        low = self.low
        for pos in self._scan_hits():
            if pos < last:
                continue
            m = HEAD_LOW_RE.match(low, pos)
            if m:
                last = m.end()
                yield m

    def road_matches(self):
        text = self.text
        if self.low is None:
            yield from ROAD_CODE_RE.finditer(text)
            return
        last = -1
        for pos in self._scan_hits():
            if pos < last:
                continue
            m = ROAD_CODE_RE.match(text, pos)
            if m:
                last = m.end()
                yield m

    def new_group(self) -> int:
        self.group += 1
        return self.group

    def add(self, name: str, kind: str, start: int, end: int, qs: int, qe: int, group: int, **kw) -> None:
        self.cands.append(_Cand(_norm(name), kind, start, end, qs, qe, start, group, **kw))

    # -- heads ----------------------------------------------------------------------------
    def heads(self) -> None:
        text = self.text
        for m in self.head_matches():
            kind = m.lastgroup or "project"
            raw = text[m.start():m.end()]
            hs, he = m.start(), m.end()
            if raw.lower() in _ABBR_LOWER:
                if raw not in ABBREVIATIONS:
                    continue  # abbreviations count only in capitals
            elif raw.isupper():
                continue  # a heading in capitals ("PHÁT TRIỂN KHU CÔNG NGHIỆP") names no work
            if kind == "road" and _ROAD_CODE_HEADS_RE.match(_WS.sub(" ", raw)):
                continue  # numbered roads: see road_codes()
            if not (raw[0].isupper() and kind in PROPERLESS_KINDS) and not _NAME_AHEAD_RE.match(text, he):
                continue  # no capital, number, list or quote ahead in the clause: no name
            before = text[max(0, hs - 24):hs]
            if kind == "project":
                self.project(m, before)
                continue
            if raw.lower() in CONSTRUCTION_ONLY and raw[0].islower() and not CONSTRUCTION_BEFORE_RE.search(before):
                continue
            if kind == "bridge" and COMPOUND_BEFORE_RE.search(before):
                continue
            if MANAGEMENT_BEFORE_RE.search(before) or PLACE_BEFORE_RE.search(before):
                continue  # "Ban Quản lý Khu kinh tế …": an agency; "quận Cầu Giấy": a place
            plural = bool(PLURAL_BEFORE_RE.search(before))
            if kind in ROUTE_KINDS:
                cap = _INNER_CAP_RE.search(raw)
                if cap:  # "tuyến đường Vành đai phía Tây 2": "Vành đai" opens the name
                    he = hs + cap.start() - 1  # (the space before the name stays with it)
                    raw = raw[:cap.start()].rstrip()
            head = _head_text(raw)
            qs = self.project_prefix.get(hs, hs)
            if kind == "school":
                st = SCHOOL_TYPE_RE.match(text, he)
                if not st:
                    continue
                head, he = head + text[he:st.end()], st.end()
            route = kind in ROUTE_KINDS and not plural
            if route:
                conn = CONNECTION_RE.match(text, he)
                if conn:  # "đường giao thông nối Quốc lộ 7C đi Quốc lộ 48E"
                    end = _name_tail(text, conn.end(), True, False)
                    self.add(head + text[he:end], kind, hs, end, qs, end, self.new_group())
                    continue
            name = _parse_name(text, he, MAX_DESCRIPTORS.get(kind, 2), route=True, segment=route)
            if route and (name is None or name.proper is None):
                p = name.desc_end if name is not None else he
                end = _name_tail(text, p, True, True)
                if end > p and SEGMENT_RE.match(text, ALIAS_PAREN_RE.match(text, p).end() if ALIAS_PAREN_RE.match(text, p) else p):
                    # "đường ven biển (ĐT.639) đoạn Cát Tiến - Đề Gi": a segment names the road
                    self.add(head + text[he:end], kind, hs, end, qs, end, self.new_group(),
                             endpoint=self.is_endpoint(kind, hs))
                    continue
            if name is None:
                self.colon_list(head, kind, hs, he, qs)
                continue
            if kind == "hospital" and self.is_assignee(hs, name):
                continue
            # a number may be the whole name of a road ("đường Vành đai 4") or a park ("KCN số 1")
            code_ok = kind in ("road", "railway") or (kind in ("industrial_park", "industrial_cluster") and not plural)
            if name.proper and _valid_proper(text, name.proper, code_ok=code_ok):
                if kind == "road" and raw.lower().endswith("đường") and not _valid_proper(text, name.proper):
                    continue  # "đường 5": a bare number after "đường" is not a name
                if plural and (name.desc_end > he or province_regex().fullmatch(text[name.proper[0]:name.proper[1]])):
                    continue  # "các KCN Quảng Ngãi": the parks of a province, not one park
                if (raw[0].islower() and _PLACE_ONLY_RE.fullmatch(text, he, name.desc_end)
                        and province_regex().fullmatch(text[name.proper[0]:name.proper[1]])):
                    continue  # "cụm công nghiệp tỉnh Tây Ninh": the clusters of a province
                g = self.new_group()
                members = [(head + text[he:name.end], hs, name.end)]
                members += self.siblings(head, kind, name.end, name.proper)
                endpoint = self.is_endpoint(kind, hs)
                for nm, a, b in members:
                    self.add(nm, kind, a, b, qs, members[-1][2], g, group_size=len(members), endpoint=endpoint)
                continue
            # head + descriptors + "(A, B, C)"; head + ":" + "A, B, C"
            if self.paren_list(head, kind, hs, he, name, qs) or self.colon_list(head, kind, hs, he, qs):
                continue
            if (kind in PROPERLESS_KINDS and raw[0].isupper() and _mid_sentence(text, hs) and not plural
                    and name.desc_end > he):
                self.add(head + text[he:name.desc_end], kind, hs, name.desc_end, qs, name.desc_end, self.new_group())

    def is_assignee(self, hs: int, name: _Name) -> bool:
        """A hospital or health centre addressed as an agency: opening a clause or a heading line
        and followed by a task ("- Trung tâm Y tế huyện chủ động …", "6. Phòng …, Trung tâm Y tế
        huyện"), or named after "giao", "đề nghị", "phối hợp với" …"""
        text = self.text
        end = name.end if name.proper else name.desc_end
        if ASSIGNEE_BEFORE_RE.search(text, max(0, hs - 20), hs):
            return True
        ls = text.rfind("\n", 0, hs) + 1
        le = text.find("\n", end)
        le = len(text) if le == -1 else le
        if ASSIGNEE_AFTER_RE.match(text, end) and CLAUSE_OPEN_RE.search(text, ls, hs):
            return True
        # the end of a short heading line addressing agencies ("6. Phòng …, Trung tâm Y tế huyện")
        line = text[ls:le]
        label = _LABEL_RE.match(line)
        return (label is not None and not text[end:le].strip(" \t:") and len(line) < 160
                and not any(c in line[label.end():] for c in ".;"))

    def siblings(self, head: str, kind: str, pos: int, first: tuple[int, int] | None = None) -> list[tuple[str, int, int]]:
        """", Bình Tân", "và Bình Tân" after a named head: the same head, another name."""
        text = self.text
        out = []
        provinces = province_regex()
        prev = text[first[0]:first[1]] if first else ""
        stem = re.match(r"^(.*\S)\s+(?:[IVX]+|\d+[A-Z]?)$", prev)
        prev_stem = stem.group(1) if stem else None
        while len(out) < 12:
            sep = SIBLING_SEP_RE.match(text, pos)
            if not sep:
                break
            q = sep.end()
            if HEAD_RE.match(text, q) or ROAD_CODE_RE.match(text, q) or GUARD_RE.match(text, q):
                break
            nm = _parse_name(text, q, 0)
            if nm is None or nm.proper is None or nm.proper[0] != q:
                break
            p_text = text[nm.proper[0]:nm.proper[1]]
            if re.fullmatch(r"[IVX]+|\d+[A-Z]?", p_text) and prev_stem is not None:
                # "Khu công nghiệp Đồng Văn I, II": the same name with another number
                out.append((head + " " + prev_stem + " " + p_text, q, nm.end))
                pos = nm.end
                continue
            if not _valid_proper(text, nm.proper):
                break
            pm = provinces.fullmatch(p_text)
            if pm:
                break
            out.append((head + " " + text[q:nm.end], q, nm.end))
            pos = nm.end
        return out

    def paren_list(self, head: str, kind: str, hs: int, he: int, name: _Name, qs: int) -> bool:
        text = self.text
        m = PAREN_LIST_OPEN_RE.match(text, name.desc_end)
        if not m or name.desc_end == he:
            return False
        items = []
        p = m.end()
        while True:
            nm = _parse_name(text, p, 0)
            if nm is None or nm.proper is None or nm.proper[0] != p or not _valid_proper(text, nm.proper):
                return False
            items.append((p, nm.end))
            sep = PAREN_LIST_SEP_RE.match(text, nm.end)
            if sep:
                p = sep.end()
                continue
            close = PAREN_LIST_CLOSE_RE.match(text, nm.end)
            if not close:
                return False
            end = close.end()
            break
        if len(items) < 2:
            return False
        g = self.new_group()
        base = head + text[he:name.desc_end]
        for a, b in items:
            self.add(base + " " + text[a:b], kind, a, b, qs, end, g, group_size=len(items))
        return True

    def colon_list(self, head: str, kind: str, hs: int, he: int, qs: int) -> bool:
        text = self.text
        m = COLON_LIST_RE.match(text, he)
        if not m:
            return False
        items = []
        p = m.end()
        while len(items) < 30:
            if HEAD_RE.match(text, p) or GUARD_RE.match(text, p):
                break
            nm = _parse_name(text, p, 0)
            if nm is None or nm.proper is None or nm.proper[0] != p or not _valid_proper(text, nm.proper, code_ok=True):
                break
            items.append((p, nm.end))
            sep = SIBLING_SEP_RE.match(text, nm.end)
            if not sep:
                break
            p = sep.end()
        if not items:
            return False
        g = self.new_group()
        end = items[-1][1]
        for a, b in items:
            self.add(head + " " + text[a:b], kind, a, b, qs, end, g, group_size=len(items))
        return True

    def is_endpoint(self, kind: str, hs: int) -> bool:
        """A road or bridge named as the end point of a connection ("tuyến đường kết nối Quốc lộ
        1A với đường Võ Chí Công", "từ Quốc lộ 1A đến …") is a reference point."""
        if kind not in ("road", "bridge", "port", "channel"):
            return False
        text = self.text
        if ENDPOINT_BEFORE_RE.search(text, max(0, hs - 8), hs):
            return True
        lo = max(0, hs - 200)
        cs = max(lo, max(text.rfind(c, lo, hs) + 1 for c in ";.:\n"))
        return bool(CONNECT_RE.search(text, cs, hs))

    # -- "dự án …" ------------------------------------------------------------------------
    def project(self, m: re.Match, before: str) -> None:
        text = self.text
        hs, he = m.start(), m.end()
        if PLURAL_BEFORE_RE.search(before) or MANAGEMENT_BEFORE_RE.search(before) or COUNT_BEFORE_RE.search(before):
            return
        # "dự án (đầu tư xây dựng | nâng cấp | mở rộng …) Quốc lộ 91": the project is the work named
        # inside; its quote starts at "dự án"
        for tok in _tokens(text, he, 8):
            hm = HEAD_RE.match(text, tok.start) or ROAD_CODE_RE.match(text, tok.start)
            if hm and hm.re is HEAD_RE and hm.lastgroup == "school" and not SCHOOL_TYPE_RE.match(text, hm.end()):
                hm = None  # "sông Trường Giang": no school
            if hm and (hm.re is not HEAD_RE or hm.lastgroup != "project"):
                self.project_prefix[tok.start] = hs
                return
            if tok.kind != "lower":
                break
        q = QUOTED_NAME_RE.match(text, he)
        if q:
            self.add("Dự án " + q.group(1), "project", hs, q.end(), hs, q.end(), self.new_group())
            return
        name = _parse_name(text, he, MAX_DESCRIPTORS["project"], cap_phrase=True, desc_ok=PROJECT_DESC_OK)
        if name is None or name.proper is None or not _valid_proper(text, name.proper, require_cap=True):
            return
        toks = _tokens(text, he, 1)
        if toks and toks[0].text in PROJECT_DESC_OK:
            return  # "dự án tại huyện X": no name
        loc = re.search(r"(?<![\w])(?:tại|ở)(?![\w])", text[he:name.proper[0]])
        if loc and not WORK_WORD_RE.search(text, he, he + loc.start()):
            return  # "dự án chậm tiến độ tại huyện X": a state of affairs, not a named work
        self.add("Dự án " + text[he:name.end].strip(), "project", hs, name.end, hs, name.end, self.new_group())

    # -- numbered roads ------------------------------------------------------------------------
    def road_codes(self) -> None:
        text = self.text
        for m in self.road_matches():
            head = ROAD_CODE_HEADS.get(_WS.sub(" ", m.group("head")).lower(), m.group("head"))
            hs = m.start()
            g = self.new_group()
            members = [(f"{head} {m.group('code')}", hs, m.end())]
            p = m.end()
            while True:
                s = CODE_SIBLING_RE.match(text, p)
                if not s:
                    break
                members.append((f"{head} {s.group('code')}", s.start("code"), s.end()))
                p = s.end()
            if len(members) == 1:  # "Quốc lộ 19 đoạn từ cảng Quy Nhơn đến giao Quốc lộ 1A"
                tail = _name_tail(text, m.end(), True, True)
                if SEGMENT_RE.match(text, m.end()) or ROUTE_PAREN_RE.match(text, m.end()):
                    members = [(members[0][0] + text[m.end():tail], hs, tail)]
            end = members[-1][2]
            ep = self.is_endpoint("road", hs)
            qs = self.project_prefix.get(hs, hs)
            for nm, a, b in members:
                self.add(nm, "road", a, b, qs, end, g, group_size=len(members), endpoint=ep)

    # -- enumerations ------------------------------------------------------------------------
    def enumerations(self) -> None:
        text = self.text
        low = self.low if self.low is not None else text.lower()
        colon = text.find(":")
        while colon != -1:
            j = colon
            while j > 0 and low[j - 1] in " \t":
                j -= 1
            tail = low[max(0, j - 3):j]  # (a fast test before the pattern: "như", "gồm", "sau", "đây")
            m = LIST_INTRO_RE.search(low, max(0, colon - 12), colon) if tail in _INTRO_TAILS else None
            colon_end = colon + 1
            colon = text.find(":", colon_end)
            if m is None:
                continue
            s, _ = bounded_sentence_span(text, m.start())
            if not PROJECT_NOUN_RE.search(text, max(s, m.start() - 300), m.start()):
                continue
            body_start = colon_end
            end_m = LIST_END_RE.search(text, body_start)
            body_end = end_m.start() if end_m else len(text)
            body = text[body_start:body_end]
            sep = ";" if ";" in body else ","
            items: list[tuple[int, int]] = []
            pos = body_start
            for part in body.split(sep):
                items.append((pos, pos + len(part)))
                pos += len(part) + 1
            if sep == ",":
                # "…, KCN Tam Anh 2 và KCN Tam Thăng mở rộng"
                a, b = items[-1]
                k = re.search(r"\s+và\s+", text[a:b])
                if k and HEAD_RE.match(text, a + k.end()):
                    items[-1:] = [(a, a + k.start()), (a + k.end(), b)]
            docs_ok = not DOCUMENT_NOUN_RE.search(text, max(s, m.start() - 300), m.start())
            g = self.new_group()
            for a, b in items:
                self.item(a, b, g, docs_ok)

    def item(self, a: int, b: int, g: int, docs_ok: bool = True) -> None:
        text = self.text
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        a += lead
        seg = seg.strip()
        seg = LIST_ITEM_TAIL_RE.sub("", seg)
        m = LIST_ITEM_STRIP_RE.search(seg)
        while m and m.group(0):
            if m.start() == 0:
                a += m.end()
                seg = seg[m.end():]
            else:
                seg = seg[:m.start()]
            m = LIST_ITEM_STRIP_RE.search(seg)
        if seg[:1].islower():
            # "như: đầu tư xây dựng Khu công nghiệp An Phước; nâng cấp Quốc lộ 14E": the work, not the verb
            for tok in _tokens(text, a, 8):
                if tok.start == a:
                    continue
                hm = HEAD_RE.match(text, tok.start) or ROAD_CODE_RE.match(text, tok.start)
                if hm and (hm.re is not HEAD_RE or hm.lastgroup != "project") and not (
                        hm.re is HEAD_RE and hm.lastgroup == "school" and not SCHOOL_TYPE_RE.match(text, hm.end())):
                    seg = seg[tok.start - a:]
                    a = tok.start
                    break
                if tok.kind != "lower":
                    break
        if not seg or GENERIC_ITEM_RE.match(seg) or AGENCY_GUARD_RE.match(seg):
            return
        if PAPER_START_RE.match(seg) or (not docs_ok and DOCUMENT_START_RE.match(seg)):
            return
        words = seg.split()
        if not 2 <= len(words) <= 30:
            return
        head = HEAD_RE.match(text, a)
        rest = re.findall(r"[^\W_]+", " ".join(words[1:]))
        has_proper = any(_kind(t) in ("acr", "code", "roman") or (_kind(t) == "cap" and len(t) >= 2) for t in rest)
        if not has_proper and not head:
            return
        kind = "project"
        lead_m = re.match(r"(?:các|những)\s+", seg, re.IGNORECASE)
        hm = HEAD_RE.match(text, a + (lead_m.end() if lead_m else 0))
        if hm and hm.lastgroup:
            kind = hm.lastgroup
        name = seg
        if head and head.group(0) in ABBREVIATIONS:
            name = ABBREVIATIONS[head.group(0)] + seg[len(head.group(0)):]
        self.add(name, kind, a, a + len(seg), a, a + len(seg), g, outer=True)

    # -- resolve ---------------------------------------------------------------------------
    def resolve(self) -> list[_Cand]:
        outer = [c for c in self.cands if c.outer]
        inner = sorted((c for c in self.cands if not c.outer), key=lambda c: c.start)
        inner_starts = [c.start for c in inner]
        keep_outer = []
        dropped_groups: set[int] = set()
        for o in outer:
            i = bisect.bisect_left(inner_starts, o.start)
            j = bisect.bisect_left(inner_starts, o.end)
            inside = inner[i:j]  # (a bisection: linear however many items and heads)
            multi = [c for c in inside if c.group_size >= 2 and not c.endpoint
                     and (max(c.quote_end, c.end) - c.quote_start) >= 0.7 * (o.end - o.start)]
            if multi:
                continue  # "các Trung tâm y tế tuyến huyện (A, B, C)": the group, not the item
            keep_outer.append(o)
            dropped_groups.update(c.group for c in inside)
        result = keep_outer + [c for c in inner if c.group not in dropped_groups and not c.endpoint]
        result.sort(key=lambda c: (c.start, -c.end))
        accepted: list[_Cand] = []
        for c in result:
            if any(a.group != c.group and a.start <= c.start < a.end and (a.end > c.end or a.start < c.start)
                   for a in accepted[-8:]):
                continue
            accepted.append(c)
        return accepted


def find_projects(clean: CleanText, meta: DocumentMeta) -> list[Project]:
    f = _Finder(clean)
    f.heads()
    f.road_codes()
    f.enumerations()
    out: list[Project] = []
    keys: list[str] = []
    seen: set[str] = set()
    src = clean.source.text
    for c in f.resolve():
        if clean.repeated and clean.is_repeated(c.start):
            continue
        key = _dedup_key(c.name)
        if key in seen or len(c.name) < 4:
            continue
        seen.add(key)
        qs, qe = one_line_span(src, c.quote_start, max(c.quote_end, c.end), c.anchor)
        s, e = bounded_sentence_span(clean.text, c.start, c.end)
        out.append(Project(name=c.name, quote=src[qs:qe], start=qs, end=qe, kind=c.kind, sentence=src[s:e]))
        keys.append(key)
    return _drop_short_forms(out, keys)


_TUYEN_RE = re.compile(r"^tuyen\s+(?=đuong)")


_DROP_MARKS = dict.fromkeys(range(0x300, 0x370))  # combining marks (tones, vowel marks)


def _dedup_key(name: str) -> str:
    """``ontology.fold`` (case and marks dropped, đ kept; done with a translation table here, for
    speed); "Tuyến đường Lê Duẩn" and "Đường Lê Duẩn" are one road."""
    key = unicodedata.normalize("NFD", name.replace("Đ", "đ").lower()).translate(_DROP_MARKS)
    return _TUYEN_RE.sub("", unicodedata.normalize("NFC", key).strip())


def _drop_short_forms(out: list[Project], keys: list[str]) -> list[Project]:
    """A name that another name of the same document continues with its route, segment or
    qualifier ("Đường Vành đai 4" / "Đường Vành đai 4 - Vùng Thủ đô Hà Nội", "Bến cảng Liên Chiểu"
    / "Bến cảng Liên Chiểu (hạng mục …)") is a short mention of that project, not another one.
    Another number or phase ("Khu công nghiệp Đồng Văn II", "… giai đoạn 2") is another project."""
    if len(out) < 2:
        return out
    order = sorted(range(len(keys)), key=keys.__getitem__)
    drop = set()
    for n, i in enumerate(order[:-1]):
        k = keys[i]
        for j in order[n + 1:n + 4]:
            other = keys[j]
            if not other.startswith(k + " "):
                break
            rest = other[len(k) + 1:]
            if out[j].kind == out[i].kind and _CONTINUATION_RE.match(rest):
                drop.add(i)
                break
    return [p for i, p in enumerate(out) if i not in drop]


# (on folded text: lower case, no tone marks)
_CONTINUATION_RE = re.compile(r"(?:[-–(]|đoan\s|(?!(?:[ivx]+|\d+\w*|giai|mo|moi|co)(?:\s|$))[^\W\d_]\w*(?:\s|$))")


