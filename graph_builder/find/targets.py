"""Target finder: quantified targets (chỉ tiêu) with indicator, value, unit, comparator and year.

Sources, as in the gold schema:

* the items of numbered target lists (every figure of an item, one entry per figure sharing
  ``list_item``);
* "phấn đấu …" statements (every figure after the trigger in its sentence);
* figures right after a target verb ("đạt", "tăng thêm", "giảm … xuống còn", "đạt bình quân" …)
  in sentences that do not report past or estimated results;
* figures of an objectives section ("2. Mục tiêu cụ thể", "II. CHỈ TIÊU CHỦ YẾU NĂM 2025"), read
  from the outline, and of sentences opened by a time still to come ("Đến năm 2030: …", "Giai đoạn
  2021 - 2025, toàn tỉnh trồng …"), with or without a verb ("… là 50%");
* target tables (an indicator column, a unit column, target columns such as "Kế hoạch năm 2025" or
  year-by-year "2026 | 2027"; result columns are not read).

Not targets: results and estimates (report markers, dates before the plan year, sections on
results), allocations and programme sizes, eligibility criteria ("hộ có thu nhập đạt dưới …",
"… trở lên được khen thưởng"), figures in the titles of cited documents, in quotes, definitions in
parentheses.

Comparators: ``=``, ``>``, ``>=``, ``<``, ``≈``, ``range`` as in the gold schema, and ``<=`` for a
ceiling ("tối đa", "không quá", "không vượt quá"), which the gold schema does not list.

The target year is the year stated in the figure's clause, else a period qualifying the figure,
else the time opening the sentence or its introduction, else the heading's year, else the plan
year, else the immediate context, else the document's year.  The grammar lives in
``patterns.targets``.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import CleanText, DocumentMeta, Section, Target
from .patterns.common import one_line_span, parse_vn_number
from .patterns.targets import (
    CONDITION_AFTER_RE,
    CONTEXT_VERB_RE,
    FRONTED_TIME_RE,
    HEADING_OTHER_RE,
    HEADING_REPORT_RE,
    HEADING_TARGET_RE,
    HEADING_YEAR_RE,
    TABLE_INDICATOR_HEAD_RE,
    TABLE_RESULT_HEAD_RE,
    TABLE_ROW_LABEL_RE,
    TABLE_SEPARATOR_ROW_RE,
    TABLE_TARGET_HEAD_RE,
    TABLE_UNIT_HEAD_RE,
    TABLE_UNIT_IN_INDICATOR_RE,
    TABLE_VALUE_RE,
    TARGET_YEAR_IN_SENTENCE_RE,
    ALLOCATION_BEFORE_RE,
    BASE_YEAR_BEFORE_RE,
    BASE_YEAR_RE,
    CITED_TITLE_BEFORE_RE,
    CLAUSE_BOUNDARY_RE,
    COMP_FROM_RE,
    COMP_LAST_WORDS,
    COMP_SPLIT_LOW_RE,
    COMP_TAIL_LOW_RE,
    BARE_VERB_LOW_RE,
    NOT_QUANTITY_LOW_RE,
    COMPARATORS,
    INDICATOR_LEAD_RE,
    INDICATOR_TRAIL_PHRASES,
    INDICATOR_VERB_ONLY_RE,
    ITEM_REPORT_LOW_RE,
    ALLOCATION_CLAUSE_LOW_RE,
    CONDITION_BEFORE_LOW_RE,
    PAST_BEFORE_LOW_RE,
    CONDITION_IF_LOW_RE,
    CONSEQUENCE_AFTER_LOW_RE,
    LAST_BOUNDARY_LOW_RE,
    LIST_ITEM_RE,
    LIST_LINE_RE,
    FIGURE_RE,
    PERCENT_RANGE_TAIL_RE,
    PERIOD_AFTER_LEAD_RE,
    PERIOD_COORDINATION_RE,
    RATIO_TAIL_RE,
    REPORT_LOW_RE,
    PERIOD_WORDS_BEFORE_RE,
    lowered,
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


def _figures(text: str, low: str | None = None, times: "_Times | None" = None) -> list[_Figure]:
    """Every number with a unit (and every unitless number right after "đạt"/"còn"), with the
    comparator words before it: one pass of ``FIGURE_RE`` over the lower-cased text, then checks
    on the few matches (the unit is quoted from the text as written)."""
    out: list[_Figure] = []
    last_end = 0
    if low is None:
        low = lowered(text)
    for m in FIGURE_RE.finditer(low):
        ns = m.start()
        if m.start("time") != -1:
            if times is not None and (m.start("pend") != -1 or low.startswith("năm", ns - 4) or low.startswith("năm", ns - 3)
                                      or "năm" in low[max(0, ns - 12):ns]):
                times.add(m)  # (a year counts after "năm"; periods are checked there)
            continue
        if ns < last_end:
            continue  # inside the tail of the previous figure ("5% đến 7%", "137 xã/193 xã")
        lo_end = m.end("lorest")
        lo, hi = low[ns:lo_end], m.group("hi") or m.group("hi2")
        w = _last_word(low, ns)
        if w in _NOT_QUANTITY_WORDS and NOT_QUANTITY_LOW_RE.search(low, max(0, ns - 14), ns):
            continue  # "năm 2025", "Điều 3", "khoản 2", "lần thứ 5" …
        comp = None
        if w in COMP_LAST_WORDS:
            comp = COMP_TAIL_LOW_RE.search(low, max(0, ns - 40), ns)
        cs = comp.start() if comp else ns
        us = m.start("unit")
        if us == -1:
            if not BARE_VERB_LOW_RE.search(low, max(0, cs - 14), cs) or _YEAR_FULL_RE.fullmatch(lo):
                continue
            unit, end, after = "", m.end(), None
        else:
            ue = m.end("unit")
            unit = text[us:ue]
            if unit[0] == "%" or unit.startswith("phần"):
                unit = "%"  # (digits glued to "%" are a footnote marker: "dưới 24%1;")
            elif " " in unit or "\n" in unit or "\t" in unit:
                unit = _WS.sub(" ", unit)
            end, after = m.end(), m.group("after")
            if unit == "%" and not hi:
                pr = PERCENT_RANGE_TAIL_RE.match(text, ue)
                if pr:  # "từ 5% đến 7%"
                    hi = pr.group("hi")
                    end = pr.end()
        # a bare 4-digit year is never a quantity ("2025 người dân", "năm 2024 xã …")
        if not hi and unit != "%" and len(lo) == 4 and _YEAR_FULL_RE.fullmatch(lo):
            continue
        lo_num = float(lo) if lo.isdigit() else parse_vn_number(lo)
        if lo_num is None:
            continue
        rng = None
        value_num: float | None = lo_num
        if hi:
            hi_num = float(hi) if hi.isdigit() else parse_vn_number(hi)
            if hi_num is None or hi_num < lo_num:
                continue
            rng = (lo_num, hi_num)
            value_num = None
        if unit and unit != "%" and end < len(text) and text[end] in " \t/":
            tail = RATIO_TAIL_RE.match(text, end)
            if tail:
                end = tail.end()
        comp_words = comp.group(0) if comp else ""
        if not comp_words and (low.find("tối", max(0, ns - 40), ns) != -1 or low.find("ít nhất", max(0, ns - 40), ns) != -1
                               or low.find("không", max(0, ns - 40), ns) != -1):
            split = COMP_SPLIT_LOW_RE.search(low, max(0, ns - 40), ns)
            if split:
                w2 = split.group(0).split()
                comp_words = w2[0] + " " + w2[1]
        num_end = m.end("hi") if m.group("hi") else m.end("hi2") if m.group("hi2") else lo_end
        value = text[ns:num_end] if num_end > lo_end or not hi else f"{lo}-{hi}"
        out.append(_Figure(cs, end, ns, value, value_num, rng, unit,
                           _comparator(comp_words, after, bool(hi)), bare=not unit))
        last_end = end
    return out


# The last syllables of NOT_QUANTITY_LOW_RE's words (a set look-up before the pattern).
_NOT_QUANTITY_WORDS = frozenset("năm kỳ đoạn số khóa khoá thứ điều khoản mục lục loại hạng độ".split())


def _last_word(low: str, pos: int) -> str:
    """The word right before ``pos`` (spaces skipped), or a comparator sign glued to the number."""
    p = pos - 1
    while p >= 0 and low[p] in " \t":
        p -= 1
    if p < 0:
        return ""
    if low[p] in "≥≤><":
        return low[p]
    q = low.rfind(" ", max(0, p - 12), p)
    return low[q + 1:p + 1]


_LABEL_START_RE = re.compile(r"[ \t]*(?:[-–+•*]|\(\d{1,2}\)|\d{1,2}[.)](?!\d)|[a-zđ]\))")
_YEAR_FULL_RE = re.compile(r"(?:19|20)\d{2}")


# ---------------------------------------------------------------------------- target lists

def _list_items(text: str, figures_at: list[int]) -> dict[int, _Item]:
    """Items of target lists, keyed by line start.

    A run of consecutive "(n)" items is a target list when most of its short items carry a
    figure; a run of any item style is one when the heading above it speaks of "chỉ tiêu" /
    "mục tiêu" and at least half its items carry a figure.
    """
    runs: list[list[tuple[str, str, int, int, int]]] = []  # (kind, label, item_start, line_start, line_end)
    # only the stretches of labelled lines around a line holding a figure can be target lists
    done = 0
    prev_ls = -1
    for pos in figures_at:
        if pos < done:
            continue
        ls = text.rfind("\n", 0, pos) + 1
        if ls == prev_ls:
            continue
        prev_ls = ls
        if not _LABEL_START_RE.match(text, ls):
            continue
        a, b = _labelled_stretch(text, ls, done)
        runs += _runs(text, a, b)
        done = b
    return _target_runs(text, runs, figures_at)


def _labelled_stretch(text: str, ls: int, floor: int) -> tuple[int, int]:
    """The stretch of labelled lines around the labelled line at ``ls``: it ends where more than
    160 characters of unlabelled text separate two labelled lines (runs never cross that)."""
    n = len(text)
    a, p, gap = ls, ls, 0
    while p - 1 > floor:
        q = text.rfind("\n", floor, p - 1) + 1
        if q <= floor and floor:
            q = floor
        line_len = len(text[q:p - 1].strip())
        if line_len and _LABEL_START_RE.match(text, q):
            a, gap = q, 0
        else:
            gap += line_len
            if gap > 160:
                break
        p = q
    b = text.find("\n", ls)
    b = n if b == -1 else b
    p, gap = b, 0
    while p < n:
        q = text.find("\n", p + 1)
        q = n if q == -1 else q
        line_len = len(text[p + 1:q].strip())
        if line_len and _LABEL_START_RE.match(text, p + 1):
            b, gap = q, 0
        else:
            gap += line_len
            if gap > 160:
                break
        p = q
    return a, b


def _runs(text: str, a: int, b: int) -> list[list[tuple[str, str, int, int, int]]]:
    """Runs of consecutive items of one style among the labelled lines of text[a:b]."""
    runs: list[list[tuple[str, str, int, int, int]]] = []
    cur: list[tuple[str, str, int, int, int]] = []
    last_no = 0
    last_end = a
    for m in _labelled_lines(text, a, b):
        if m.end() == m.start() or not (m.group("paren") or m.group("bullet") or m.group("num") or m.group("letter")):
            continue
        ls = m.start()
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
    return runs


def _target_runs(text: str, runs: list, figures_at: list[int]) -> dict[int, _Item]:
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
        if with_fig < max(1, 0.5 * n):
            continue  # (neither a dense list nor a cued one)
        dense = run[0][0] == "paren" and n >= 3 and with_fig >= 0.6 * n and total_len / n <= 260
        if not dense:
            heading = _heading_before(text, run[0][3])
            if not (_is_target_heading(heading)
                    or any(_is_target_heading(text[run[k][4]:run[k + 1][3]].strip()) for k in range(n - 1))):
                continue
        hy = _heading_year(text, run[0][3])
        for kind, label, s, ls, e in run:
            items[ls] = _Item(label, s, ls, e, hy)
    return items


def _labelled_lines(text: str, a: int = 0, b: int | None = None):
    """LIST_ITEM_RE matches at the starts of lines of text[a:b] that open with a label or a bullet."""
    if a == 0 or text[a - 1] == "\n":
        m = LIST_ITEM_RE.match(text, a)
        if m:
            yield m
    for nl in LIST_LINE_RE.finditer(text, a, len(text) if b is None else b):
        m = LIST_ITEM_RE.match(text, nl.end())
        if m:
            yield m


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


class _Times:
    """The target-year mentions ("năm 2025", not "so với năm 2023") and the periods ("giai đoạn
    2021 - 2025": where their words start, their end year) of a text, collected by the figure scan."""

    def __init__(self) -> None:
        self.years = _Static()
        self.periods = _Static()

    def add(self, m: re.Match) -> None:
        if m.group("pend"):
            v = _period_value(m)
            if v is not None:
                self.periods.pos.append(v[0])
                self.periods.vals.append(v[1])
        else:
            v = _year_value(m)
            if v is not None:
                self.years.pos.append(m.start())
                self.years.vals.append(v)


class _Static:
    def __init__(self) -> None:
        self.pos: list[int] = []
        self.vals: list = []

    def within(self, lo: int, hi: int) -> list[tuple[int, object]]:
        i = bisect.bisect_left(self.pos, lo)
        j = bisect.bisect_left(self.pos, hi)
        return list(zip(self.pos[i:j], self.vals[i:j])) if j > i else []


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
                p = m.start()
                if type(v) is tuple:  # (the position the value belongs to, the value)
                    p, v = v
                self.pos.append(p)
                self.vals.append(v)
                last = m.start()
        self.final = max(self.final, limit)

    def within(self, lo: int, hi: int) -> list[tuple[int, object]]:
        self._extend(lo, hi)
        i = bisect.bisect_left(self.pos, lo)
        j = bisect.bisect_left(self.pos, hi)
        return list(zip(self.pos[i:j], self.vals[i:j]))


_BASE_LEADS = ("so với", "so với cùng kỳ", "so cùng kỳ", "giá so sánh", "tầm nhìn", "tầm nhìn đến")
_MONTH_END_RE = re.compile(r"tháng \d{1,2}$")


def _year_value(m: re.Match):
    text = m.string  # (the lower-cased text)
    b = m.start()
    before = text[max(0, b - 30):b]
    before = before.rstrip()
    if before[-3:] != "năm":
        return None  # (a year is "năm 2025" …
    lead = " ".join(before[:-3].split()[-4:])
    if lead.endswith(_BASE_LEADS) or _MONTH_END_RE.search(lead):
        return None  # … not a comparison base "so với năm 2023", a price base, a month, a plan horizon)
    return int(text[b:b + 4])


@dataclass(slots=True)
class _Scan:
    reports: _Index
    years: "_Static"
    periods: "_Static"

    @classmethod
    def of(cls, text: str, low: str, times: _Times) -> "_Scan":
        return cls(_Index(low, REPORT_LOW_RE), times.years, times.periods)


def _period_value(m: re.Match):
    """(where its words start, the end year) of a period ("giai đoạn 2021 - 2025"), unless it is
    a comparison base."""
    text = m.string
    w = PERIOD_WORDS_BEFORE_RE.search(text, max(0, m.start() - 24), m.start())
    if w is None:
        return None
    b = w.start()
    if BASE_YEAR_BEFORE_RE.search(text, max(0, b - 30), b) or _PERIOD_BASE_BEFORE_RE.search(text, max(0, b - 30), b):
        return None
    return b, int(m.group("pend"))


_PERIOD_BASE_BEFORE_RE = re.compile(r"(?:so\s+với|bằng)\s*$", re.IGNORECASE)


def _year(text: str, s: int, e: int, pos: int, meta: DocumentMeta, item: _Item | None, scan: "_Scan",
          region_year: int | None = None, cache: dict | None = None) -> int | None:
    """The target year of a figure at ``pos`` in the sentence text[s:e]:

    1. a year stated in the figure's clause (the nearest), else a period qualifying the figure
       in its clause (its end year: "bình quân giai đoạn 2021 - 2025 đạt …"), else the time that
       opens the sentence ("Giai đoạn 2021 - 2025, …"), else a year elsewhere in the sentence;
    2. the year of the section's heading ("2. Mục tiêu đến năm 2025");
    3. the plan year of the document;
    4. the immediate context: a comparison base ("so với năm 2023" → 2024), the list's heading, or
       the sub-items that a sentence ending in ":" introduces;
    5. the year of the document."""
    cs = max(s, text.rfind(";", s, pos) + 1)
    ce = text.find(";", pos, e)
    ce = e if ce == -1 else ce
    key = (s, e)
    got = cache.get(key) if cache is not None else None
    if got is None:
        # per sentence: its years, its periods, and the time that opens its context
        years = scan.years.within(s, e)
        periods = scan.periods.within(s, e)
        ctx = _context_start(text, s)
        fronted = FRONTED_TIME_RE.match(text, ctx)
        fronted_year = int(fronted.group("y") or fronted.group("p")) if fronted else None
        ctx_years = scan.years.within(ctx, e) if ctx < s else years
        got = (years, periods, fronted_year, ctx_years)
        if cache is not None:
            cache[key] = got
    years, periods, fronted_year, ctx_years = got
    if years:
        near = [py for py in years if cs <= py[0] < ce]
        if near:
            return min(near, key=lambda py: abs(py[0] - pos))[1]
    for ppos, pyear in periods:
        if ppos < cs or ppos >= ce:
            continue
        if ppos < pos:
            if not PERIOD_COORDINATION_RE.search(text, ppos, pos):
                return pyear
        elif PERIOD_AFTER_LEAD_RE.search(text, max(cs, ppos - 12), ppos):
            return pyear
    if fronted_year:
        return fronted_year
    if ctx_years:
        return min(ctx_years, key=lambda py: abs(py[0] - pos))[1]
    if region_year:
        return region_year
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
    return meta.year  # a figure without any time: the year the document is issued for


_SUB_ITEM_RE = re.compile(r"[ \t]*(?:\n[ \t]*)*[-+•–]")


# -------------------------------------------------------------------------------- indicator

def _clean_words(s: str) -> str:
    return " ".join(s.split()).strip(" ,;:-–")


def _strip_indicator(pre: str) -> str:
    pre = _clean_words(pre)
    for _ in range(3):
        words = INDICATOR_LEAD_RE.sub("", pre).split()
        _strip_trail(words)
        new = " ".join(words).strip(" ,;:-–")
        if new == pre:
            break
        pre = new
    if pre.count("(") > pre.count(")"):
        pre = pre[pre.rfind("(") + 1:].strip()
    elif pre.count(")") > pre.count("("):
        pre = pre[pre.find(")") + 1:].strip(" ,;:")
    return pre


def _strip_trail(words: list[str]) -> None:
    """Drop the verbs, comparator words and separators that end an indicator ("… đạt tỷ lệ",
    "… bình quân", "…,") — ``INDICATOR_TRAIL_PHRASES``, whole words, any case."""
    while words:
        last = words[-1].rstrip(",:")
        if not last:
            words.pop()
            continue
        words[-1] = last
        for k in (3, 2, 1):
            if len(words) >= k and " ".join(words[-k:]).lower() in INDICATOR_TRAIL_PHRASES:
                del words[-k:]
                break
        else:
            return


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
    if re.match(r"t[ỷỉ]\s+lệ\b", prev, re.I):
        return prev
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
    opens = text.count("“", line_start, pos) + text.count("«", line_start, pos)
    if opens > text.count("”", line_start, pos) + text.count("»", line_start, pos):
        return True
    return text.count('"', line_start, pos) % 2 == 1


def find_targets(clean: CleanText, meta: DocumentMeta, outline: list[Section]) -> list[Target]:
    """The targets of one document (see the module docstring for the sources and the vetoes).

    Comparators: ``=``, ``>`` (trên, hơn, vượt), ``>=`` (từ … trở lên, tối thiểu, ít nhất, không
    dưới), ``<`` (dưới), ``<=`` (tối đa, không quá, không vượt quá: a ceiling, an extension of the
    gold schema's list), ``≈`` (khoảng, gần, xấp xỉ) and ``range``.
    """
    text = clean.text
    src = clean.source.text
    low = lowered(text)  # (the text itself in the odd case where lower-casing changes lengths)
    times = _Times()
    figures = _figures(text, low, times)
    tables = _tables(text, meta) if "|" in text else []
    if not figures and not tables:
        return []
    if not outline:
        outline = _outline_of(clean)
    regions = _Regions(outline)
    table_rows = _TableRows(tables)
    fig_starts = [f.num_start for f in figures]
    items = _list_items(text, fig_starts)
    strong_ms = [m for m in STRONG_TRIGGER_RE.finditer(low)
                 if m.start() == 0 or not (low[m.start() - 1].isalnum() or low[m.start() - 1] == "_")]
    strong = [m.start() for m in strong_ms]
    strong_ends = {m.start(): m.end() for m in strong_ms}
    weak_only_strong = (meta.doc_type or "").lower().startswith("báo cáo")
    ref_year = meta.plan_year or meta.year

    targets: list[Target] = [t for row in table_rows.rows for t in _table_targets(text, src, meta, regions, row)]
    seen: set[tuple[str, int]] = set()
    scan = _Scan.of(text, low, times)
    prev_sentence: tuple[int, int] | None = None
    prev_in_sentence: _Figure | None = None
    prev_indicator: str | None = None
    fronted_cache: dict[int, bool] = {}
    year_cache: dict = {}

    for fig in figures:
        pos = fig.num_start
        if clean.repeated and clean.is_repeated(pos):
            continue
        if table_rows.covers(pos):
            continue  # read as a cell of a target table
        nl = text.rfind("\n", max(0, pos - 4000), pos)
        ls = nl + 1 if nl != -1 or pos <= 4000 else -1  # -1: inside a very long line (no list item)
        status, region_year = regions.at(pos, ls)
        item = items.get(ls) if items else None
        if item is not None and status == "report":
            item = None  # a numbered list of results
        if item is None and not _may_be_target(text, fig, pos, ls, status, strong, prev_in_sentence, times):
            continue  # (cheap rejection, before the sentence is looked for)
        if prev_sentence is not None and prev_sentence[0] <= pos and fig.end <= prev_sentence[1]:
            s, e = prev_sentence  # the same sentence as the previous figure
        else:
            s, e = bounded_sentence_span(text, pos, fig.end)
            if (s, e) != prev_sentence:
                prev_sentence, prev_in_sentence, prev_indicator = (s, e), None, None
        trigger_end = None
        i = bisect.bisect_right(strong, pos) - 1
        strong_at = strong[i] if i >= 0 and strong[i] >= s else None  # a "phấn đấu" earlier in the sentence
        if fig.bare and item is None and strong_at is None:
            continue
        if item is not None:
            ca, cb = _clause_bounds(text, max(item.start, s), min(item.end, e), pos)
            if ITEM_REPORT_LOW_RE.search(low, ca, cb):
                continue
            scope_start = max(item.start, s)
            if _MONEY_RE.search(fig.unit) and ALLOCATION_CLAUSE_LOW_RE.search(low, _clause_start(text, scope_start, fig.start), fig.start):
                continue  # "Tổng số vốn dự kiến được phân bổ … khoảng 1.350 tỷ đồng": an allocation
        else:
            if strong_at is not None:
                trigger_end = strong_ends[strong_at]
                if STRONG_VETO_RE.search(text, trigger_end, fig.start):
                    continue
                scope_start = trigger_end
            else:
                if status == "report":
                    continue
                in_context = status == "target"
                triggered = _weak_trigger(text, fig, s) or _coordinated(text, prev_in_sentence, fig)
                if not in_context and not triggered and not CONTEXT_VERB_RE.search(text, max(s, fig.start - 8), fig.start):
                    # no verb: only in a sentence opened by a future time
                    if weak_only_strong:
                        continue
                    if s not in fronted_cache:
                        fronted_cache[s] = _fronted(text, _context_start(text, s), meta)
                    if not fronted_cache[s]:
                        continue
                    in_context = True
                if _reports(scan, max(s, pos - _CONTEXT), min(e, pos + _CONTEXT), pos, ref_year):
                    continue
                if not in_context and not weak_only_strong:
                    if s not in fronted_cache:
                        fronted_cache[s] = _fronted(text, _context_start(text, s), meta)
                    in_context = fronted_cache[s]
                if weak_only_strong and not in_context:
                    continue
                if triggered:
                    pass
                elif not in_context and not (CONTEXT_VERB_RE.search(text, max(s, fig.start - 8), fig.start)
                                             and _target_year_in(text, s, e, meta)):
                    continue
                elif in_context and _in_parentheses(text, s, fig.start):
                    continue  # "(dưới 2.500 gram)": a definition inside an indicator
                if _condition(low, s, fig, e):
                    continue
                if PAST_BEFORE_LOW_RE.search(low, max(s, fig.start - 40), fig.start):
                    continue  # "đã trồng được 30 triệu cây": achieved
                scope_start = _last_boundary(low, s, fig.start)
            if _MONEY_RE.search(fig.unit) and (ALLOCATION_BEFORE_RE.search(text, max(s, fig.start - 40), fig.start)
                                               or ALLOCATION_CLAUSE_LOW_RE.search(low, _clause_start(text, s, fig.start), fig.start)):
                continue  # an allocation or an investment size, not a target
            cited_from = scope_start if trigger_end is not None else _clause_start(text, s, fig.start)
            if CITED_TITLE_BEFORE_RE.search(text, max(cited_from, fig.start - 320), fig.start):
                continue  # a figure in the title of a cited document
        if _in_quotes(text, max(ls, pos - 600), pos):
            continue
        if RESTATEMENT_BEFORE_RE.search(text, max(0, fig.start - 10), fig.start):
            continue
        sentence = text[s:e]
        # the indicator starts after the previous figure's clause, or at the scope start
        if prev_in_sentence is not None and prev_in_sentence.end > scope_start:
            seg_start = _boundary_after(text, prev_in_sentence.end, fig.start)
        else:
            seg_start = scope_start if trigger_end is None else _indicator_start(text, s, trigger_end, fig.start)
        indicator, used_trail = _indicator(text, seg_start, fig, prev_indicator)
        year_s = max(s, pos - _CONTEXT)
        if strong_at is not None:  # a "phấn đấu" after a ";" starts a statement of its own
            year_s = max(year_s, text.rfind(";", year_s, strong_at) + 1)
        year = _year(text, year_s, min(e, pos + _CONTEXT), pos, meta, item, scan, region_year, year_cache)
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
        qs, qe = one_line_span(src, q_start, q_end, pos)
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


# --------------------------------------------------------------------------- target contexts

def _outline_of(clean: CleanText) -> list[Section]:
    """The outline, parsed here when the caller has none."""
    from .structure import parse_outline  # same stage; imported late (structure is optional here)

    try:
        return parse_outline(clean)
    except Exception:  # the outline only refines the finder: never fail on it
        return []


_HEADING_KINDS = frozenset({"roman", "number", "letter", "article", "chapter", "upper", "markdown", "paren_letter",
                            "paren_roman"})


def _heading_status(sec: Section) -> str | None:
    """target | report | other (a section about something else) | None (decides nothing)."""
    if sec.kind not in _HEADING_KINDS:
        return None
    h = sec.heading.strip()
    if not h:
        return None
    head = h[:90].lower() if len(h) <= 200 else h[:24].lower()
    if not _HEADING_MARK_RE.search(head):
        return None
    if HEADING_REPORT_RE.search(head):
        return "report"
    target = HEADING_TARGET_RE.search(head)
    other = HEADING_OTHER_RE.search(head)
    if target and other:
        return None
    return "target" if target else "other" if other else None


# Syllables one of which every deciding heading holds (a fast test before the patterns).
_HEADING_MARKS = ("tiêu", "đấu", "đầu", "đâu", "đẩu", "đậu", "dấu", "dầu", "hướng", "quả", "hình", "giá", "trạng", "cảnh", "khăn", "vụ", "pháp", "điểm",
                  "cầu", "đích", "thực", "công", "nhiệm", "phí", "vốn", "báo", "khoản")


_HEADING_MARK_RE = re.compile("|".join(_HEADING_MARKS))


def _section_year(sec: Section) -> int | None:
    if sec.kind not in _HEADING_KINDS:
        return None
    h = sec.heading[:200]
    if "19" not in h and "20" not in h:
        return None
    m = HEADING_YEAR_RE.search(h)
    return int(m.group(1)) if m else None


class _Regions:
    """What the sections around a position are about: the status of the nearest heading that
    decides one (``_heading_status``), and the nearest year stated in a heading.  Looked up by
    walking down the outline (a bisection per level); each heading is read once, when a figure
    lies under it."""

    def __init__(self, outline: list[Section]):
        self.roots = outline
        self._starts: dict[int, list[int]] = {}
        self._heads: dict[int, tuple[str | None, int | None]] = {}
        self._lines: dict[int, tuple[str | None, int | None]] = {}

    def at(self, pos: int, line_start: int = -1) -> tuple[str | None, int | None]:
        """(status, year) at ``pos``; sections start at line starts, so a line's answer is kept."""
        if line_start >= 0:
            got = self._lines.get(line_start)
            if got is None:
                got = self._lines[line_start] = self.at(pos)
            return got
        status: str | None = None
        year: int | None = None
        secs = self.roots
        while secs:
            starts = self._starts.get(id(secs))
            if starts is None:
                starts = self._starts[id(secs)] = [sec.start for sec in secs]
            i = bisect.bisect_right(starts, pos) - 1
            if i < 0:
                break
            sec = secs[i]
            if pos >= sec.end:
                break
            if sec.kind in _HEADING_KINDS:
                head = self._heads.get(id(sec))
                if head is None:
                    head = self._heads[id(sec)] = (_heading_status(sec), _section_year(sec))
                status = head[0] or status
                year = head[1] or year
            secs = sec.children
        return status, year


def _context_start(text: str, s: int, hops: int = 4, reach: int = 400) -> int:
    """Where the context of the sentence starting at ``s`` starts: sentences introduced by a line
    ending in ":" ("- Đến năm 2030:" / "tỷ lệ … dưới 22%"), continuing one that ends in ";", or
    continuing a line broken without punctuation, are read together with what comes before."""
    lo = max(0, s - reach)
    for _ in range(hops):
        p = s - 1
        while p >= lo and text[p].isspace():
            p -= 1
        if p < lo or text[p] in ".!?…":
            break
        if text[p] not in ":;" and not (text[p].isalnum() or text[p] == ","):
            break
        prev, _ = bounded_sentence_span(text, p, p + 1, limit=reach)
        if prev >= s or prev < lo:
            break
        s = prev
    return s


def _fronted(text: str, s: int, meta: DocumentMeta) -> bool:
    """Whether the sentence opens with the time it aims at ("Đến năm 2025, …", "- Đến năm 2030:",
    "Giai đoạn 2021 - 2025, …") and that time is still to come for the document."""
    m = FRONTED_TIME_RE.match(text, s)
    if not m:
        return False
    if m.group("y"):
        y = int(m.group("y"))
        return _future(y, meta, inclusive=True)
    return _future(int(m.group("p")), meta, inclusive=False)


def _future(y: int, meta: DocumentMeta, inclusive: bool) -> bool:
    if meta.plan_year and y >= meta.plan_year:
        return True
    if meta.year:
        return y >= meta.year if inclusive else y > meta.year
    return not meta.plan_year


def _target_year_in(text: str, s: int, e: int, meta: DocumentMeta) -> bool:
    m = TARGET_YEAR_IN_SENTENCE_RE.search(text, s, e)
    return bool(m) and _future(int(m.group(1)), meta, inclusive=True)


def _in_parentheses(text: str, s: int, pos: int) -> bool:
    seg = text[max(s, pos - 200):pos]
    return seg.rfind("(") > seg.rfind(")")


def _clause_start(text: str, s: int, pos: int) -> int:
    return max(s, text.rfind(";", max(s, pos - 300), pos) + 1)


def _condition(text: str, s: int, fig: _Figure, e: int | None = None) -> bool:
    """An eligibility criterion (``text`` lower-cased): a relative clause before the figure ("các
    hộ có thu nhập …"), a condition before it with a consequence after it ("nếu … đạt trên 50 tỷ
    đồng thì được …", "đối với xã đạt … , huyện xem xét khen thưởng"), or a reward after a threshold
    ("từ 100 tỷ đồng trở lên được xét khen thưởng")."""
    cs = _clause_start(text, s, fig.start)
    if CONDITION_BEFORE_LOW_RE.search(text, cs, fig.start):
        return True
    if CONDITION_IF_LOW_RE.search(text, cs, fig.start) and CONSEQUENCE_AFTER_LOW_RE.search(
            text, fig.end, len(text) if e is None else e):
        return True
    return fig.comparator not in ("=", "range") and bool(CONDITION_AFTER_RE.match(text, fig.end))


# ----------------------------------------------------------------------------------- tables

@dataclass(slots=True)
class _Row:
    start: int  # line span
    end: int
    cells: list[tuple[int, int]]  # cell spans (stripped)
    indicator: tuple[int, int]
    unit: str
    values: list[tuple[tuple[int, int], int | None]]  # (value cell span, the column's year)


class _TableRows:
    def __init__(self, tables: list[list[_Row]]):
        self.rows = [r for t in tables for r in t]
        self._starts = [r.start for r in self.rows]

    def covers(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self.rows[i].end


def _cells(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    out = []
    a = ls
    line = text[ls:le]
    lead = len(line) - len(line.lstrip())
    if line.lstrip().startswith("|"):
        a = ls + lead + 1
    while a <= le:
        b = text.find("|", a, le)
        if b == -1:
            b = le
        x, y = a, b
        while x < y and text[x].isspace():
            x += 1
        while y > x and text[y - 1].isspace():
            y -= 1
        out.append((x, y))
        a = b + 1
    if out and out[-1][0] == out[-1][1] and text[ls:le].rstrip().endswith("|"):
        out.pop()
    return out


def _tables(text: str, meta: DocumentMeta) -> list[list[_Row]]:
    """Target tables: a header row with an indicator column ("Chỉ tiêu", "Nội dung"), a unit
    column ("Đơn vị tính", "ĐVT") and target columns ("Kế hoạch năm 2025", "Mục tiêu đến năm 2030",
    "2026" …; not "Thực hiện", "Ước thực hiện", "So sánh"); every later row of the table gives one
    target per target column holding a figure."""
    tables: list[list[_Row]] = []
    n = len(text)
    pos = text.find("|")
    while pos != -1:
        ls = text.rfind("\n", 0, pos) + 1
        le = text.find("\n", pos)
        le = n if le == -1 else le
        header = _header(text, ls, le, meta)
        if header is None:
            pos = text.find("|", le)
            continue
        ind_col, unit_col, value_cols, width = header
        rows: list[_Row] = []
        p = le + 1
        blank = 0
        while p < n:
            q = text.find("\n", p)
            q = n if q == -1 else q
            line = text[p:q]
            if not line.strip():
                blank += 1
                if blank > 1:
                    break
                p = q + 1
                continue
            blank = 0
            if "|" not in line:
                break
            if TABLE_SEPARATOR_ROW_RE.match(line):
                p = q + 1
                continue
            cells = _cells(text, p, q)
            if len(cells) == width:
                unit = text[cells[unit_col][0]:cells[unit_col][1]] if unit_col is not None else ""
                rows.append(_Row(p, q, cells, cells[ind_col], unit,
                                 [(cells[c], y) for c, y in value_cols]))
            p = q + 1
        if rows:
            tables.append(rows)
        pos = text.find("|", p) if p < n else -1
    return tables


def _header(text: str, ls: int, le: int, meta: DocumentMeta):
    if le - ls > 600 or TABLE_SEPARATOR_ROW_RE.match(text, ls, le):
        return None
    cells = _cells(text, ls, le)
    if len(cells) < 3:
        return None
    words = [_WS.sub(" ", text[a:b]) for a, b in cells]
    ind_col = next((i for i, w in enumerate(words) if TABLE_INDICATOR_HEAD_RE.search(w) and not TABLE_UNIT_HEAD_RE.match(w)), None)
    if ind_col is None:
        return None
    unit_col = next((i for i, w in enumerate(words) if TABLE_UNIT_HEAD_RE.match(w)), None)
    value_cols = []
    for i, w in enumerate(words):
        if i in (ind_col, unit_col) or not w or len(w) > 80:
            continue
        if not TABLE_TARGET_HEAD_RE.search(w) or TABLE_RESULT_HEAD_RE.search(w):
            continue
        ym = HEADING_YEAR_RE.search(w) or _BARE_YEAR_RE.search(w)
        y = int(ym.group(1)) if ym else None
        if y and re.fullmatch(r"(?:19|20)\d{2}", w) and meta.year and y < meta.year:
            continue  # a bare past year: a column of results
        value_cols.append((i, y))
    if not value_cols:
        return None
    return ind_col, unit_col, value_cols, len(cells)


_BARE_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _table_targets(text: str, src: str, meta: DocumentMeta, regions: "_Regions", row: _Row) -> list[Target]:
    a, b = row.indicator
    indicator = TABLE_ROW_LABEL_RE.sub("", _WS.sub(" ", text[a:b]).strip())
    unit = _WS.sub(" ", row.unit).strip()
    if not unit:
        um = TABLE_UNIT_IN_INDICATOR_RE.search(indicator)
        if um:
            unit = um.group("unit").strip()
    indicator = TABLE_UNIT_IN_INDICATOR_RE.sub("", indicator).strip(" :")
    if not indicator or not re.search(r"[^\W\d_]", indicator):
        return []
    status, region_year = regions.at(row.start)
    if status == "report":
        return []
    out = []
    for (x, y), col_year in row.values:
        m = TABLE_VALUE_RE.match(text, x, y)
        if not m or x == y:
            continue
        lo, hi = m.group("lo"), m.group("hi")
        lo_num = parse_vn_number(lo)
        if lo_num is None:
            continue
        rng = None
        num: float | None = lo_num
        if hi:
            hi_num = parse_vn_number(hi)
            if hi_num is None or hi_num < lo_num:
                continue
            rng, num = (lo_num, hi_num), None
        u = "%" if m.group("pct") else unit
        comp = _comparator(m.group("comp") or "", "trở lên" if "trở lên" in text[x:y] else None, bool(hi))
        value = text[m.start("lo"):m.end("hi") if hi else m.end("lo")]
        year = col_year or region_year or meta.plan_year
        a0 = row.indicator[0] if row.indicator[0] < x else row.start
        qs, qe = one_line_span(src, a0, y, x)
        out.append(Target(indicator=_capitalise(indicator[:200]), value=value, value_num=num, unit=u, comparator=comp,
                          year=year, quote=src[qs:qe], start=qs, end=qe, range=rng, sentence=src[qs:qe]))
    return out


def _clause_bounds(text: str, s: int, e: int, pos: int) -> tuple[int, int]:
    a = max(text.rfind(";", s, pos), s)
    b = text.find(";", pos, e)
    return a, (b if b != -1 else e)


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


def _last_boundary(low: str, s: int, pos: int) -> int:
    """After the last clause boundary before ``pos`` (on the lower-cased text) (boundaries inside a closed parenthesis, as in
    "tỷ lệ trẻ sơ sinh nhẹ cân (dưới 2.500 gram) dưới 4%", do not count)."""
    lo = max(s, pos - _MAX_INDICATOR)
    seg = low[lo:pos]
    if ")" in seg:
        seg = _mask_parens(seg)
    m = LAST_BOUNDARY_LOW_RE.match(seg)
    return lo + (m.end() if m else 0)


_PAREN_GROUP_RE = re.compile(r"\([^()\n]*\)")


def _mask_parens(seg: str) -> str:
    for _ in range(3):
        new = _PAREN_GROUP_RE.sub(lambda m: " " * len(m.group(0)), seg)
        if new == seg:
            break
        seg = new
    return seg


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


def _may_be_target(text: str, fig: _Figure, pos: int, ls: int, status: str | None, strong: list[int],
                   prev: _Figure | None, times: _Times) -> bool:
    """A quick necessary condition for a figure outside target lists: a "phấn đấu" before it on
    its line, or (not in a section of results) a target verb or "là"/":" right before it, a figure
    it may be coordinated with, an objectives section, or a year or period before it (the time a
    sentence may open with)."""
    i = bisect.bisect_right(strong, pos) - 1
    if i >= 0 and strong[i] >= max(ls, pos - 600):
        return True
    if fig.bare or status == "report":
        return False
    if status == "target":
        return True
    lo = max(ls, 0)
    if _weak_trigger(text, fig, lo) or CONTEXT_VERB_RE.search(text, max(lo, fig.start - 8), fig.start):
        return True
    if prev is not None and prev.unit == fig.unit and fig.start - prev.end <= 80:
        return True
    return bool(times.years.within(max(0, pos - 1100), pos) or times.periods.within(max(0, pos - 1100), pos))


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
