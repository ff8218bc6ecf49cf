"""Patterns shared by every finder: dates, Vietnamese numbers, provinces, sentence spans.

All matching is on characters over the cleaned text (NFC, soft line breaks turned into
spaces by ``clean``), never on word-segmented tokens.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from importlib import resources
from pathlib import Path

# Upper-case Vietnamese letters (for "starts a sentence" tests).
UPPER = "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"

# ---------------------------------------------------------------------------------- dates

# "12/12/2023", "8/9/2024", "12-12-2023", "12.12.2023"; "ngày 08 tháng 9 năm 2024".
# \s* between parts tolerates PDF debris ("12/ 12/2023") and split lines.
NUMERIC_DATE = r"(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?(?P<y>(?:19|20)\d{2})(?!\d)"
VERBAL_DATE = r"(?:ngày\s+)?(?P<vd>\d{1,2})\s+tháng\s+(?P<vm>\d{1,2})\s+năm\s+(?P<vy>(?:19|20)\d{2})(?!\d)"
DATE_RE = re.compile(rf"(?:{VERBAL_DATE}|{NUMERIC_DATE})", re.IGNORECASE)
# A date introduced by "ngày" (with an optional stray page number between: "ngày 53 24/01/2022").
DATED_RE = re.compile(rf"ngày\s+(?:\d{{1,3}}\s+(?=\d{{1,2}}\s?/))?(?:{VERBAL_DATE}|{NUMERIC_DATE})", re.IGNORECASE)


def iso_date(day: str | int, month: str | int, year: str | int) -> str | None:
    """ISO date, or None when the parts do not make a real date."""
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def date_from_match(m: re.Match) -> str | None:
    g = m.groupdict()
    if g.get("vy"):
        return iso_date(g["vd"], g["vm"], g["vy"])
    if g.get("y"):
        return iso_date(g["d"], g["m"], g["y"])
    return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, iso) of every valid date in text[start:end]."""
    out = []
    for m in DATE_RE.finditer(text, start, len(text) if end is None else end):
        iso = date_from_match(m)
        if iso:
            out.append((m.start(), m.end(), iso))
    return out


# -------------------------------------------------------------------------------- numbers

# A Vietnamese number: dot thousands, comma decimals ("27.026", "1,87", "1.000,5", "05").
VN_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


def parse_vn_number(text: str) -> float | None:
    """'27.026' -> 27026.0, '87,5' -> 87.5, '05' -> 5.0; None when not a number.

    A lone dot followed by exactly three digits is a thousands separator in Vietnamese; a
    dot followed by other digit counts is read as a decimal point (English-style slips).
    """
    s = text.strip().replace(" ", "")
    if not s:
        return None
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", s):
        s = s.replace(",", ".")
    elif not re.fullmatch(r"\d+(\.\d+)?", s):
        return None
    try:
        return float(s)
    except ValueError:
        return None


# ------------------------------------------------------------------------------ provinces

def _data_path(name: str) -> Path:
    return Path(str(resources.files("graph_builder") / "data" / name))


@functools.cache
def province_names() -> dict[str, str]:
    """Every accepted spelling -> the canonical province name."""
    out: dict[str, str] = {}
    for line in _data_path("provinces.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        names = [n.strip() for n in line.split("|")]
        for n in names:
            out[n] = names[0]
    return out


@functools.cache
def province_regex() -> re.Pattern:
    """Matches a province name (longest spelling first, whole syllables only)."""
    names = sorted(province_names(), key=len, reverse=True)
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<![\w])(?:{alt})(?![\w])")


def canonical_province(name: str | None) -> str | None:
    if not name:
        return None
    return province_names().get(re.sub(r"\s+", " ", name.strip()))


# ------------------------------------------------------------------------------ sentences

_SENTENCE_END = re.compile(rf"[.!?…](?:\s*[”\"»)])?\s+(?=[{UPPER}0-9“\"(\-+•])|;\s*\n|\n")


def sentence_span(text: str, start: int, end: int | None = None, limit: int = 1000) -> tuple[int, int]:
    """The sentence around text[start:end]: from the previous sentence end to the next.

    Hard line breaks end a sentence (``clean`` has already joined soft breaks).  The search
    looks at most ``limit`` characters either side of the span, so that a table or a paragraph
    without breaks does not make every caller rescan its whole line (linear, not quadratic).
    """
    end = start if end is None else end
    lo = max(0, start - limit)
    hi = min(len(text), end + limit)
    line_start = text.rfind("\n", lo, start) + 1 or lo
    line_end = text.find("\n", end, hi)
    if line_end == -1:
        line_end = hi
    s = line_start
    for m in _SENTENCE_END.finditer(text, line_start, start):
        s = m.end()
    m = _SENTENCE_END.search(text, max(end, s), line_end)
    e = m.start() + 1 if m else line_end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def one_line_span(src: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """Shrink [start, end) to the source line holding ``anchor``, without its edge whitespace (a
    quote must be an exact one-line substring of the text)."""
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


def by_first_letter(alternatives) -> str:
    """``a|b|c`` for literal-led alternatives, grouped by their first letter ("c(?:hương…|ông…)|k(?:ế…)").

    Same matches as the plain alternation (at a position only the alternatives starting with its
    letter can match, and they are tried in the given order), but the engine tests each letter
    once instead of once per alternative: a scan of a whole text with it is about a third faster."""
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        if not alt or alt[0] in "\\([.^$|?*+{":
            raise ValueError(f"alternative not led by a literal letter: {alt!r}")
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(re.escape(c) + ("(?:" + "|".join(rest) + ")" if rest != [""] else "") for c, rest in groups.items())
