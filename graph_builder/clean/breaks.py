"""Soft line breaks -> spaces (same length).

Text from PDFs and from some converters breaks lines inside sentences, often with blank lines
and page numbers between the pieces ("của Chính \\n\\nphủ về", "giải \\n\\n\\n\\n2 \\n\\nquyết").
A break is joined (its newline characters, blank lines and a page-number line in it become
spaces) when the grammar says the sentence goes on:

- the line before does not end a sentence or introduce a list (. ; : ! ? …), is not a
  table row (``|``) and is not an all-capitals heading;
- the next line does not start a list item or a heading: ``-``/``+``/bullets, ``1.``,
  ``1)``, ``2.1.``, ``a)``, ``(1)``, ``I.``, ``Điều 2.``, ``Chương II``, a line in capitals;
- and the next line continues the sentence: it starts with a lower-case letter or a number
  that is not a list label, or the line before ends with a word-joined hyphen (``04-`` /
  ``NQ/TU``), or — in a document wrapped at a fixed width (most lines end near the same
  column, as in a PDF) — the line before reaches that width, so the break was the page
  margin's, not the author's; in a text not wrapped so, the line before is a long prose
  paragraph (with sentence stops inside) whose last word is lower-case.

Headings, list items, table rows and signature blocks therefore stay on their own lines.
"""
from __future__ import annotations

import re

LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"

_PAGE_NUMBER = r"[ \t]*(?:-[ \t]*)?(?:[Tt]rang[ \t]+)?\d{1,4}(?:[ \t]*/[ \t]*\d{1,4})?(?:[ \t]*-)?[ \t]*\n"
# a line end, then blank lines, an optional page-number line (with blank lines after it),
# and the next line's indentation; the lookahead needs a next line that is not blank
# The blank-line runs are bounded and possessive: on long stretches of blank lines every line
# end would otherwise rescan the rest of the stretch (quadratic); no soft break spans more than
# a few dozen blank lines.
_GAP_RE = re.compile(  # (the lookbehind skips lines that end with a stop right away)
    r"\n(?<![.;:!?…|\n]\n)(?:[ \t]*+\n){0,30}+(?P<page>" + _PAGE_NUMBER + r"(?:[ \t]*+\n){0,30}+)?[ \t]*+(?=[^\s])"
)
_TERMINAL = frozenset(".;:!?…")

# a list item or heading label at the start of a line
_LABEL_RE = re.compile(
    r"""(?:
        [-+•●○■□▪◦▫➢➤►→✓*](?:\s|$)
      | \d{1,3}(?:\.\d{1,3})*[.)](?:\s|$)
      | \d{1,3}(?:\.\d{1,3})+\s
      | [a-zđ]{1,2}[.)]\s
      | \(\s*(?:\d{1,3}|[a-zđ]|[ivxlc]{1,5}|[IVXLC]{1,5})\s*\)
      | [IVXLC]{1,6}[.)](?:\s|$)
      | (?:Điều|Chương|Mục|Phần|Khoản|Phụ\ lục|Biểu|Bảng|ĐIỀU|CHƯƠNG|MỤC|PHẦN|PHỤ\ LỤC)\s+[\dIVXLC]+\b
      | \#
    )""",
    re.X,
)
_DASH_LOWER_RE = re.compile(r"-\s+[" + LOWER + r"]")
_PROSE_RE = re.compile(r"[.;] \S")
_LONE_NUMBER_RE = re.compile(r"[\d\s./-]*$")
_DIGIT_THEN_CAPITAL_RE = re.compile(r"\d+\s+[" + UPPER + r"]")


def wrap_width(text: str) -> int:
    """The column at which the document's lines were wrapped, or 0 when they were not.

    Wrapped text (a PDF's text layer) has many substantial lines ending in a narrow band
    just below the longest usual line, and most of those lines end inside a sentence (no
    stop): the margin broke them.  A text with one paragraph per line has long lines of
    every length, and they end with a stop."""
    lines = [line for line in map(str.rstrip, text.split("\n")) if len(line) >= 25]
    if len(lines) < 8:
        return 0
    lens = sorted(map(len, lines))
    w = lens[int(0.9 * len(lens))]
    if w > 200:
        return 0
    near = [line for line in lines if 0.8 * w <= len(line) <= 1.1 * w]
    if len(near) < max(5, 0.25 * len(lines)):
        return 0
    open_ended = sum(1 for line in near if line[-1] not in _TERMINAL)
    return w if open_ended >= 0.6 * len(near) else 0


def _all_caps(line: str) -> bool:
    return line.upper() == line and line.lower() != line


def join_soft_breaks(text: str) -> str:
    if "\n" not in text:
        return text
    width = wrap_width(text)
    long_line = 0.75 * width if width else None
    find = text.find
    rfind = text.rfind

    def decide(m: re.Match) -> str:
        gap = m.group()
        s = m.start()
        ls = rfind("\n", 0, s) + 1
        prev = text[ls:s].rstrip()
        if not prev or prev[-1] in _TERMINAL:
            return gap
        ns = m.end()
        ne = find("\n", ns)
        if ne < 0:
            ne = len(text)
        nxt = text[ns:ne].rstrip()
        page = m.start("page")
        if page >= 0 and text.count("\n", s, page) < 2:
            return gap  # a number line right after the line: content, not a page footer
        if "|" in prev or "|" in nxt:
            return gap
        if _all_caps(prev) or _all_caps(nxt):
            return gap
        full = long_line is not None and len(prev) >= long_line
        if _LABEL_RE.match(nxt):
            # "kinh tế" / "- xã hội" at the page margin: a dash before a lower-case word
            if full and _DASH_LOWER_RE.match(nxt):
                return " " * len(gap)
            return gap
        first = nxt[0]
        if len(prev) >= 2 and prev[-1] == "-" and prev[-2].isalnum() and first.isalnum():
            return " " * len(gap)  # "04-" / "NQ/TU"
        if first.islower():
            return " " * len(gap)
        if first.isdigit():
            if _LONE_NUMBER_RE.match(nxt):
                return gap
            if _DIGIT_THEN_CAPITAL_RE.match(nxt) and not full:
                return gap  # "1 Về ...": a footnote, not a continuation
            return " " * len(gap)
        if first in "(\"“‘'":
            if len(nxt) > 1 and (nxt[1].islower() or nxt[1].isdigit()):
                return " " * len(gap)
            return " " * len(gap) if full else gap
        if not first.isupper() or not (prev[-1].isalnum() or prev[-1] in ",)”\"'-"):
            return gap
        if full:
            return " " * len(gap)
        if (not width and len(prev) >= 120 and _PROSE_RE.search(prev)
                and not _LABEL_RE.match(prev.lstrip()) and prev[prev.rfind(" ") + 1].islower()):
            # a long prose paragraph (it has sentences inside) without a final stop, in a text
            # not wrapped at a fixed width: its line was broken before a capitalised word
            return " " * len(gap)
        return gap

    return _GAP_RE.sub(decide, text)
