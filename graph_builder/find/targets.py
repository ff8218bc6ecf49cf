"""Target finder: quantified targets (chỉ tiêu) with indicator, value, unit, comparator and year.

Three sources, as in the gold schema: the items of numbered target lists (every figure of an
item, one entry per figure sharing ``list_item``), "phấn đấu …" statements (every figure after
the trigger in its sentence) and figures right after a target verb ("đạt", "tăng thêm", "có
thêm" …) in sentences that do not report past or estimated results.  The grammar lives in
``patterns.targets``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import CleanText, DocumentMeta, Section, Target
from .patterns.common import parse_vn_number
from .patterns.targets import (
    ALLOCATION_BEFORE_RE,
    BARE_VERB_BEFORE_RE,
    BASE_YEAR_BEFORE_RE,
    BASE_YEAR_RE,
    CITED_TITLE_BEFORE_RE,
    CLAUSE_BOUNDARY_RE,
    COMP_FROM_RE,
    COMP_SPLIT_RE,
    COMP_TAIL_RE,
    COMPARATORS,
    INDICATOR_LEAD_RE,
    INDICATOR_TRAIL_RE,
    INDICATOR_VERB_ONLY_RE,
    ITEM_REPORT_RE,
    LIST_ITEM_RE,
    NOT_QUANTITY_BEFORE_RE,
    FIGURE_RE,
    PERCENT_RANGE_TAIL_RE,
    PERIOD_RE,
    RATIO_TAIL_RE,
    REPORT_RE,
    RESTATEMENT_BEFORE_RE,
    STRONG_TRIGGER_RE,
    STRONG_VETO_RE,
    TARGET_HEADING_RE,
    TRAIL_WORDS_RE,
    WEAK_NEGATED_RE,
    WEAK_TRIGGER_RE,
    YEAR_BEFORE_RE,
    YEAR_RE,
    bounded_sentence_span,
)

_COUNT_UNIT_RE = re.compile(r"^(?:(?:nghìn|ngàn|triệu|vạn|trăm)\s+)?(?P<noun>[^\d%/]+?)(?:\s*/.*)?$")
_MONEY_RE = re.compile(r"đồng|USD|VN[DĐ]|đô\s+la|tỷ$", re.IGNORECASE)
_WS = re.compile(r"\s+")
_MAX_INDICATOR = 240  # characters before a figure that may hold its indicator
_CONTEXT = 500  # characters around a figure searched for its year and for report markers


@dataclass(slots=True)
class _Figure:
    start: int  # span of comparator words + number + unit (+ "trở lên")
    end: int
    num_start: int
    value: str
    value_num: float | None
    rng: tuple[float, float] | None
    unit: str
    comparator: str
    bare: bool = False  # no unit: accepted only in a target list or a "phấn đấu" statement


@dataclass(slots=True)
class _Item:
    label: str
    start: int  # start of the item text (after the label)
    line_start: int
    end: int  # end of the item's line
    heading_year: int | None = None  # a year stated in the list's heading(s)


# ------------------------------------------------------------------------------- figures

def _comparator(comp_words: str, after: str | None, is_range: bool) -> str:
    if is_range:
        return "range"
    if after:
        return ">="
    words = comp_words.strip()
    if not words:
        return "="
    for rx, sym in COMPARATORS:
        if rx.search(words):
            return sym
    if COMP_FROM_RE.search(words):
        return ">="
    return "="


def _figures(text: str) -> list[_Figure]:
    """Every number with a unit (and every unitless number right after "đạt"/"còn"), with the
    comparator words before it: one pass of ``FIGURE_RE``, then checks on the few matches."""
    out: list[_Figure] = []
    last_end = 0
    for m in FIGURE_RE.finditer(text):
        ns = m.start()
        if ns < last_end:
            continue  # inside the tail of the previous figure ("5% đến 7%", "137 xã/193 xã")
        lo, hi = m.group("lo"), m.group("hi") or m.group("hi2")
        unit_m = m.group("unit")
        if NOT_QUANTITY_BEFORE_RE.search(text, max(0, ns - 14), ns):
            continue
        comp = COMP_TAIL_RE.search(text, max(0, ns - 40), ns)
        cs = comp.start() if comp else ns
        if unit_m is None:
            if not BARE_VERB_BEFORE_RE.search(text, max(0, cs - 14), cs) or _YEAR_FULL_RE.fullmatch(lo):
                continue
            unit, end, after = "", m.end(), None
        else:
            unit = _WS.sub(" ", unit_m).strip()
            if unit.lower() == "phần trăm":
                unit = "%"
            end, after = m.end(), m.group("after")
            if unit == "%" and not hi:
                pr = PERCENT_RANGE_TAIL_RE.match(text, m.end("unit"))
                if pr:  # "từ 5% đến 7%"
                    hi = pr.group("hi")
                    end = pr.end()
        # a bare 4-digit year is never a quantity ("2025 người dân", "năm 2024 xã …")
        if not hi and unit != "%" and _YEAR_FULL_RE.fullmatch(lo):
            continue
        lo_num = parse_vn_number(lo)
        if lo_num is None:
            continue
        rng = None
        value_num: float | None = lo_num
        if hi:
            hi_num = parse_vn_number(hi)
            if hi_num is None or hi_num < lo_num:
                continue
            rng = (lo_num, hi_num)
            value_num = None
        if unit and unit != "%":
            tail = RATIO_TAIL_RE.match(text, end)
            if tail:
                end = tail.end()
        comp_words = comp.group(0) if comp else ""
        if not comp_words:
            split = COMP_SPLIT_RE.search(text, max(0, ns - 40), ns)
            if split:
                w = split.group(0).split()
                comp_words = w[0] + " " + w[1]
        num_end = m.end("hi") if m.group("hi") else m.end("hi2") if m.group("hi2") else m.end("lo")
        value = text[ns:num_end] if num_end > m.end("lo") or not hi else f"{lo}-{hi}"
        out.append(_Figure(cs, end, ns, value, value_num, rng, unit,
                           _comparator(comp_words, after, bool(hi)), bare=not unit))
        last_end = end
    return out


_YEAR_FULL_RE = re.compile(r"(?:19|20)\d{2}")


# ---------------------------------------------------------------------------- target lists

def _list_items(text: str, figures_at: list[int]) -> dict[int, _Item]:
    """Items of target lists, keyed by line start.

    A run of consecutive "(n)" items is a target list when most of its short items carry a
    figure; a run of any item style is one when the heading above it speaks of "chỉ tiêu" /
    "mục tiêu" and at least half its items carry a figure.
    """
    runs: list[list[tuple[str, str, int, int, int]]] = []  # (kind, label, item_start, line_start, line_end)
    cur: list[tuple[str, str, int, int, int]] = []
    last_no = 0
    last_end = 0
    for m in LIST_ITEM_RE.finditer(text):
        if m.end() == m.start() or not (m.group("paren") or m.group("bullet") or m.group("num") or m.group("letter")):
            continue
        ls = m.start()
        if ls and text[ls - 1] != "\n":
            continue
        le = text.find("\n", m.end())
        if le == -1:
            le = len(text)
        if m.group("paren"):
            kind, label = "paren", m.group("paren")
            no = int(label[1:-1])
        elif m.group("num"):
            kind, label, no = "num", m.group("num") + ".", int(m.group("num"))
        elif m.group("letter"):
            kind, label, no = "letter", m.group("letter") + ")", 0
        else:
            kind, label, no = "dash", m.group("bullet"), 0
        if m.end() >= le:  # an empty bullet
            continue
        gap = text[last_end:ls]
        same = bool(cur) and cur[-1][0] == kind and len(gap.strip()) <= 160 and (kind not in ("paren", "num") or no == last_no + 1)
        if kind in ("letter",):  # group headings ("a) Nhóm chỉ tiêu về kinh tế:") do not break a run
            if cur and len(text[m.end():le].strip()) <= 120 and text[m.end():le].rstrip().endswith(":"):
                last_end = le
                continue
        if not same:
            if cur:
                runs.append(cur)
            cur = []
        cur.append((kind, label, m.end(), ls, le))
        last_no, last_end = no, le
    if cur:
        runs.append(cur)

    items: dict[int, _Item] = {}
    for run in runs:
        n = len(run)
        with_fig = 0
        total_len = 0
        for _, _, s, _, e in run:
            i = bisect.bisect_left(figures_at, s)
            if i < len(figures_at) and figures_at[i] < e:
                with_fig += 1
            total_len += e - s
        heading = _heading_before(text, run[0][3])
        between = [text[run[k][4]:run[k + 1][3]] for k in range(n - 1)]
        cue = _is_target_heading(heading) or any(_is_target_heading(b.strip()) for b in between)
        dense = run[0][0] == "paren" and n >= 3 and with_fig >= 0.6 * n and total_len / n <= 260
        if not (dense or (cue and with_fig >= max(1, 0.5 * n))):
            continue
        hy = _heading_year(text, run[0][3])
        for kind, label, s, ls, e in run:
            items[ls] = _Item(label, s, ls, e, hy)
    return items


def _heading_year(text: str, pos: int) -> int | None:
    """A target year stated in the headings just above a list (up to four short lines)."""
    end = pos
    seen = 0
    while end > 0 and seen < 4:
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end]
        if line.strip():
            if len(line.strip()) > 220:
                break
            seen += 1
            ys = _years_in(text, start, end)
            if ys:
                return ys[-1][1]
        end = start
    return None


def _is_target_heading(line: str) -> bool:
    """A heading ("3. Chỉ tiêu chủ yếu:", "II. MỤC TIÊU NĂM 2025", "Phấn đấu đến năm 2026:") that
    introduces targets: short, and either ending with a colon or without a final full stop."""
    if not line or len(line) > 200:
        return False
    m = TARGET_HEADING_RE.search(line)
    if not m:
        return False
    if line.endswith(":"):
        return True
    return not line.endswith((".", ";")) and m.group(0).lower().startswith(("chỉ", "mục"))


def _heading_before(text: str, pos: int) -> str:
    """The nearest non-empty line before ``pos``."""
    end = pos
    while end > 0:
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end].strip()
        if line:
            return line[:300]
        end = start
    return ""


# ------------------------------------------------------------------------------------ years

def _years_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(position, year) of target-year mentions in text[start:end] (not bases, not dates)."""
    out = []
    for m in YEAR_RE.finditer(text, start, end):
        b = m.start()
        before = text[max(0, b - 30):b]
        if not YEAR_BEFORE_RE.search(before) or BASE_YEAR_BEFORE_RE.search(before):
            continue
        out.append((b, int(m.group(1))))
    return out


class _Index:
    """Matches of a regex, found lazily left to right as figures ask about windows of the text:
    every character is scanned about once however long its line (no rescans per figure)."""

    _OVERLAP = 60  # longer than any match: a match cut at the window end is found again
    _AHEAD = 1024  # scanned beyond a window, for the next figures (fewer, longer scans)

    def __init__(self, text: str, regex: re.Pattern, value=None):
        self.text, self.rx, self.value = text, regex, value
        self.final = 0  # matches starting before this are all known
        self.pos: list[int] = []
        self.vals: list = []

    def _extend(self, lo: int, hi: int) -> None:
        """Make the matches starting in [lo, hi) known (queries come with non-decreasing lo)."""
        n = len(self.text)
        if hi <= self.final or self.final >= n:
            return
        if lo > self.final:
            self.final = lo  # the gap before lo is never asked about
            start = max(0, lo - self._OVERLAP)
        else:
            start = max(0, self.final - self._OVERLAP)
        dense = lo < self.final  # windows overlap: figures are close together, read ahead for the next ones
        hi = min(n, hi + self._OVERLAP + (self._AHEAD if dense else 0))
        limit = hi if hi == n else hi - self._OVERLAP
        last = self.pos[-1] if self.pos else -1
        for m in self.rx.finditer(self.text, start, hi):
            if m.start() <= last:
                continue
            if m.end() > limit and hi != n:
                break
            v = self.value(m) if self.value else True
            if v is not None:
                self.pos.append(m.start())
                self.vals.append(v)
                last = m.start()
        self.final = max(self.final, limit)

    def within(self, lo: int, hi: int) -> list[tuple[int, object]]:
        self._extend(lo, hi)
        i = bisect.bisect_left(self.pos, lo)
        j = bisect.bisect_left(self.pos, hi)
        return list(zip(self.pos[i:j], self.vals[i:j]))


def _year_value(m: re.Match):
    text = m.string
    b = m.start()
    before = text[max(0, b - 30):b]
    if not YEAR_BEFORE_RE.search(before) or BASE_YEAR_BEFORE_RE.search(before):
        return None
    return int(m.group(1))


@dataclass(slots=True)
class _Scan:
    reports: _Index
    years: _Index
    periods: _Index

    @classmethod
    def of(cls, text: str) -> "_Scan":
        return cls(_Index(text, REPORT_RE), _Index(text, YEAR_RE, _year_value),
                   _Index(text, PERIOD_RE, lambda m: int(m.group(1))))


def _year(text: str, s: int, e: int, pos: int, meta: DocumentMeta, item: _Item | None, scan: "_Scan") -> int | None:
    """The year stated in the sentence, else the plan year, else the year fixed by the immediate
    context: a comparison base ("so với năm 2023" → 2024), the list's heading, or the sub-items
    that a sentence ending in ":" introduces."""
    years = scan.years.within(s, e)
    if years:
        return min(years, key=lambda py: abs(py[0] - pos))[1]
    if meta.plan_year:
        return meta.plan_year
    base = BASE_YEAR_RE.search(text, s, e)
    if base:
        return int(base.group(1)) + 1
    if item is not None and item.heading_year:
        return item.heading_year
    line_end = text.find("\n", pos, pos + 3000)
    if line_end != -1 and text[max(0, line_end - 3):line_end].rstrip().endswith(":"):
        p = line_end + 1
        for _ in range(6):
            m = _SUB_ITEM_RE.match(text, p)
            if not m:
                break
            le = text.find("\n", p)
            le = len(text) if le == -1 else le
            ys = _years_in(text, p, le)
            if ys:
                return ys[0][1]
            p = le + 1
    return None


_SUB_ITEM_RE = re.compile(r"[ \t]*(?:\n[ \t]*)*[-+•–]")


# -------------------------------------------------------------------------------- indicator

def _clean_words(s: str) -> str:
    return _WS.sub(" ", s).strip(" ,;:-–")


def _strip_indicator(pre: str) -> str:
    pre = _clean_words(pre)
    for _ in range(3):
        new = INDICATOR_LEAD_RE.sub("", pre)
        new = INDICATOR_TRAIL_RE.sub("", new)
        new = _clean_words(new)
        if new == pre:
            break
        pre = new
    if pre.count("(") > pre.count(")"):
        pre = pre[pre.rfind("(") + 1:].strip()
    elif pre.count(")") > pre.count("("):
        pre = pre[pre.find(")") + 1:].strip(" ,;:")
    return pre


def _trailing(text: str, end: int) -> str:
    """Words after a figure that describe it, up to the clause end ("xã, phường, thị trấn an toàn
    về an ninh"): short comma-separated parts (a list of units) are kept together."""
    m = TRAIL_WORDS_RE.match(text, end)
    raw = m.group(0) if m else ""
    d = re.search(r"\d", raw)
    if d:
        raw = raw[:d.start()]
    parts = raw.split(",")
    kept = []
    for part in parts:
        kept.append(part)
        if len(part.split()) > 2:
            break
    words = _clean_words(",".join(kept))
    words = re.split(r"\s(?:và|để|nhằm|theo|so với|với|gắn với|trong|ước|đến|cho)\s", " " + words + " ")[0].strip()
    return words


def _capitalise(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


_HEAD_WORDS_RE = re.compile(r"^(?:tỷ\s+lệ|tỉ\s+lệ|số|tổng|thu|chi|giá\s+trị|tốc\s+độ|mức|kim\s+ngạch|vốn|sản\s+lượng|diện\s+tích)\b", re.I)


def _rate_of(prev: str) -> str:
    return "Tỷ lệ " + re.sub(r"^(?:nâng\s+)?(?:tổng\s+)?số\s+", "", prev, flags=re.I)


def _indicator(text: str, seg_start: int, fig: _Figure, prev: str | None) -> tuple[str, bool]:
    """(indicator, whether it uses the words after the figure)."""
    pre = _strip_indicator(text[max(seg_start, fig.start - _MAX_INDICATOR):fig.start])
    is_verb = bool(INDICATOR_VERB_ONLY_RE.fullmatch(pre))
    if pre.lower() in ("tỷ lệ", "tỉ lệ") or (not pre and fig.unit == "%" and prev and not _trailing(text, fig.end)):
        if prev:
            return _capitalise(_rate_of(prev)), False
    if pre and not is_verb and len(pre.split()) >= 2:
        # "khu vực nông thôn" after "… khu vực đô thị …": a qualifier inherits the shared head
        if prev and len(pre.split()) <= 4 and not _HEAD_WORDS_RE.match(pre):
            head = " ".join(pre.split()[:2]).lower()
            k = prev.lower().find(head)
            if k > 0:
                pre = prev[:k] + pre
        return _capitalise(pre[:200]), False
    verb = pre.lower()
    trail = _trailing(text, fig.end)
    if fig.unit == "%":
        ind = "Tỷ lệ " + " ".join(w for w in (verb, trail) if w)
    elif _MONEY_RE.search(fig.unit):
        ind = " ".join(w for w in (verb, trail) if w) or (prev or "")
    else:
        noun = _COUNT_UNIT_RE.match(fig.unit)
        noun_s = noun.group("noun") if noun else fig.unit
        ind = "Số " + " ".join(w for w in (noun_s, verb, trail) if w)
    return _capitalise(_clean_words(ind)[:200]), bool(trail)


# ------------------------------------------------------------------------------------ finder

def _in_quotes(text: str, line_start: int, pos: int) -> bool:
    seg = text[line_start:pos]
    opens = sum(seg.count(c) for c in "“«")
    closes = sum(seg.count(c) for c in "”»")
    if opens > closes:
        return True
    return seg.count('"') % 2 == 1


def _one_line(src: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """Shrink [start, end) to the source line holding ``anchor``."""
    nl = src.rfind("\n", start, anchor)
    if nl != -1:
        start = nl + 1
    nl = src.find("\n", anchor, end)
    if nl != -1:
        end = nl
    while start < end and src[start].isspace():
        start += 1
    while end > start and src[end - 1].isspace():
        end -= 1
    return start, end


def find_targets(clean: CleanText, meta: DocumentMeta, outline: list[Section]) -> list[Target]:
    text = clean.text
    src = clean.source.text
    figures = _figures(text)
    if not figures:
        return []
    fig_starts = [f.num_start for f in figures]
    items = _list_items(text, fig_starts)
    low = text.lower()
    if len(low) != len(text):
        low = text  # (never for Vietnamese; the trigger then only matches in lower case)
    strong_ms = [m for m in STRONG_TRIGGER_RE.finditer(low)
                 if m.start() == 0 or not (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_")]
    strong = [m.start() for m in strong_ms]
    strong_ends = {m.start(): m.end() for m in strong_ms}
    weak_only_strong = (meta.doc_type or "").lower().startswith("báo cáo")
    ref_year = meta.plan_year or meta.year

    targets: list[Target] = []
    seen: set[tuple[str, int]] = set()
    scan = _Scan.of(text)
    prev_sentence: tuple[int, int] | None = None
    prev_in_sentence: _Figure | None = None
    prev_indicator: str | None = None

    for fig in figures:
        pos = fig.num_start
        if clean.repeated and clean.is_repeated(pos):
            continue
        nl = text.rfind("\n", max(0, pos - 4000), pos)
        ls = nl + 1 if nl != -1 or pos <= 4000 else -1  # -1: inside a very long line (no list item)
        if _in_quotes(text, max(ls, pos - 600), pos):
            continue
        if RESTATEMENT_BEFORE_RE.search(text, max(0, fig.start - 10), fig.start):
            continue
        item = items.get(ls)
        s, e = bounded_sentence_span(text, pos, fig.end)
        sentence = text[s:e]
        if (s, e) != prev_sentence:
            prev_sentence, prev_in_sentence, prev_indicator = (s, e), None, None
        trigger_end = None
        i = bisect.bisect_right(strong, pos) - 1
        strong_at = strong[i] if i >= 0 and strong[i] >= s else None  # a "phấn đấu" earlier in the sentence
        if fig.bare and item is None and strong_at is None:
            continue
        if item is not None:
            clause = _clause_around(text, max(item.start, s), min(item.end, e), pos)
            if ITEM_REPORT_RE.search(clause):
                continue
            scope_start = max(item.start, s)
        else:
            if strong_at is not None:
                trigger_end = strong_ends[strong_at]
                if STRONG_VETO_RE.search(text, trigger_end, fig.start):
                    continue
                scope_start = trigger_end
            else:
                if weak_only_strong or _reports(scan, max(s, pos - _CONTEXT), min(e, pos + _CONTEXT), pos, ref_year):
                    continue
                if not (_weak_trigger(text, fig, s) or _coordinated(text, prev_in_sentence, fig)):
                    continue
                scope_start = _last_boundary(text, s, fig.start)
            if _MONEY_RE.search(fig.unit) and ALLOCATION_BEFORE_RE.search(text, max(s, fig.start - 40), fig.start):
                continue  # an allocation or an investment size, not a target
            if CITED_TITLE_BEFORE_RE.search(text, max(s, scope_start, fig.start - 260), fig.start):
                continue  # a figure in the title of a cited document
        # the indicator starts after the previous figure's clause, or at the scope start
        if prev_in_sentence is not None and prev_in_sentence.end > scope_start:
            seg_start = _boundary_after(text, prev_in_sentence.end, fig.start)
        else:
            seg_start = scope_start if trigger_end is None else _indicator_start(text, s, trigger_end, fig.start)
        indicator, used_trail = _indicator(text, seg_start, fig, prev_indicator)
        year = _year(text, max(s, pos - _CONTEXT), min(e, pos + _CONTEXT), pos, meta, item, scan)
        list_item = item.label if item is not None and (item.label[:1].isalnum() or item.label.startswith("(")) else None

        q_end = fig.end
        if used_trail:  # the quote runs on over the words the indicator was made of
            t = _trailing(text, fig.end)
            k = text.find(t, fig.end, fig.end + 120) if t else -1
            if k != -1:
                q_end = k + len(t)
        q_start = seg_start
        if trigger_end is not None and seg_start == trigger_end:
            q_start = strong_at  # the quote opens with its "phấn đấu"
        if item is not None and _single_figure(fig_starts, item):
            q_start, q_end = item.line_start, item.end
        qs, qe = _one_line(src, q_start, q_end, pos)
        quote = src[qs:qe]
        key = (sentence, pos - s)
        if key in seen:
            continue
        seen.add(key)
        targets.append(Target(indicator=indicator, value=fig.value, value_num=fig.value_num, unit=fig.unit,
                              comparator=fig.comparator, year=year, quote=quote, start=qs, end=qe,
                              range=fig.rng, list_item=list_item, sentence=src[s:e]))
        prev_in_sentence, prev_indicator = fig, indicator

    targets.sort(key=lambda t: t.start)
    return targets


def _clause_around(text: str, s: int, e: int, pos: int) -> str:
    a = max(text.rfind(";", s, pos), s)
    b = text.find(";", pos, e)
    return text[a:b if b != -1 else e]


def _boundary_after(text: str, a: int, b: int) -> int:
    """Start of the clause of a figure that follows another figure: after the last strong
    boundary (; : parenthesis) between them, else after the first weak one (, và với)."""
    strong = None
    first = None
    for m in CLAUSE_BOUNDARY_RE.finditer(text, a, b):
        if m.group(0) in ";:(":
            strong = m.end()
        elif first is None:
            first = m.end()
    if strong is not None:
        return strong
    return first if first is not None else a


def _last_boundary(text: str, s: int, pos: int) -> int:
    lo = max(s, pos - _MAX_INDICATOR)
    b = lo
    for m in CLAUSE_BOUNDARY_RE.finditer(text, lo, pos):
        b = m.end()
    return b


def _indicator_start(text: str, s: int, trigger_end: int, pos: int) -> int:
    """After a "phấn đấu", the indicator starts at the trigger unless a clause boundary follows."""
    b = trigger_end
    for m in re.finditer(r"[;:]", text[trigger_end:pos]):
        b = trigger_end + m.end()
    return b


def _weak_trigger(text: str, fig: _Figure, s: int) -> bool:
    before = text[max(s, fig.start - 60):fig.start]
    m = WEAK_TRIGGER_RE.search(before)
    if m:
        if m.group("pct") and fig.unit != "%":
            return False
        if WEAK_NEGATED_RE.search(before, 0, m.start()):
            return False
        return True
    # "từ 4 - 8 khu công nghiệp mới": a stated range is a planned figure
    return fig.rng is not None and bool(re.search(r"(?<![\w])từ\s*$", text[max(s, fig.num_start - 6):fig.num_start]))


def _reports(scan: _Scan, s: int, e: int, pos: int, ref_year: int | None) -> bool:
    """Whether a sentence reports results: a report marker, or a date before the plan year
    ("Năm 2023, GRDP tăng 7,5%", "Giai đoạn 2015 - 2020, … tăng 6,2%")."""
    if scan.reports.within(s, e):
        return True
    if not ref_year:
        return False
    years = scan.years.within(s, e)
    if years:
        return min(years, key=lambda py: abs(py[0] - pos))[1] < ref_year
    periods = scan.periods.within(s, e)
    return bool(periods) and periods[0][1] < ref_year


def _coordinated(text: str, prev: _Figure | None, fig: _Figure) -> bool:
    """"có thêm 10 xã đạt chuẩn …, 3 xã đạt chuẩn … nâng cao": a figure of the same unit
    coordinated with an accepted one in the same clause."""
    if prev is None or prev.unit != fig.unit:
        return False
    between = text[prev.end:fig.start]
    return len(between) <= 80 and not re.search(r"[\d;:.]", between) and bool(re.search(r",|(?<![\w])và(?![\w])", between))


def _single_figure(fig_starts: list[int], item: _Item) -> bool:
    i = bisect.bisect_left(fig_starts, item.start)
    j = bisect.bisect_left(fig_starts, item.end)
    return j - i == 1
