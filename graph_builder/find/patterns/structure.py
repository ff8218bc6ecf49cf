"""Grammar of a document's outline: item labels, markdown markup, the closing block.

Labels follow the numbering of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP,
Appendix I): Phần / Chương / Mục, Điều N., roman sections (I., II.), numbered items (1., 2.1.,
1.2.3.), lettered items (a), b), đ)), parenthesised numbers ((1), (i)), and dash / plus / bullet
list items.  Converted documents add markdown headings ("## **2. Sở Tài chính**").
"""
from __future__ import annotations

import re

from .agencies import vi, vi_alt
from .common import UPPER

# Markup in front of a line's text: markdown heading marks, bold/italic marks, spaces.
LEAD_MARKUP_RE = re.compile(r"[ \t\u00a0]*(?P<hashes>#{1,6}(?=[ \t*_]))?[ \t\u00a0]*(?:(?:\*\*\*?|__|\*(?=\S)|_(?=\S))[ \t\u00a0]*)*")
# Markup at the end of a line ("…**", "…*  ").
TRAIL_MARKUP_RE = re.compile(r"[\s*_#|]*$")

# Item labels at the start of a line's text.  ``number`` needs a closing "." / ")" or an inner dot
# ("2.1 Sở Tài chính"); a bare number starts a sentence ("18 tháng 01 năm 2024 …").
LABEL_RE = re.compile(
    r"(?P<article>" + vi("Điều") + r"\s+\d{1,3}[a-zđ]?)\s*[.:]"
    r"|(?P<chapter>(?:" + vi_alt(["Chương", "Phần", "Mục", "Tiểu mục"]) + r")\s+(?:[IVXLC]{1,6}|\d{1,2})(?![\w/]))\s*[.:]?"
    r"|(?P<roman>[IVXL]{1,6})\s*[.)](?=\s)"
    r"|(?P<upper>[A-HJ-UW-ZĐ])[.)](?=\s)"
    r"|(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})(?P<numend>\.|\))?(?=[ \t\u00a0]+\S)"
    r"|\((?P<paren>\d{1,2})\)"
    r"|\((?P<paren_roman>i{1,3}|iv|vi{0,3}|ix|x)\)"
    r"|\((?P<paren_letter>[a-zđ])\)"
    r"|(?P<letter>[a-zđ])\s?[.)](?=\s)"
    r"|(?P<dash>[-–—•·▪◦➢✓])(?=[ \t\u00a0]+\S|[^\s\d\-–])"
    r"|(?P<plus>\+)(?=\s)"
    r"|(?P<star>\*)(?=[ \t])"
)
# A parenthesised number right after a dash: "- (1) Tổng sản phẩm …".
DASH_PAREN_RE = re.compile(r"[ \t\u00a0]*\((?P<paren>\d{1,2})\)")
# Text that follows a label.
AFTER_LABEL_RE = re.compile(r"[ \t\u00a0*_]*")

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(s: str) -> int | None:
    """Value of a roman numeral, or None when it is not a well-formed one."""
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    canonical = _to_roman(total)
    return total if canonical == s else None


def _to_roman(n: int) -> str:
    out = []
    for v, sym in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


# The closing block ("Nơi nhận:"): no task, target or section after it.
CLOSING_RE = re.compile(r"(?:" + vi("Nơi nhận") + r")\s*:?", re.IGNORECASE)
# After the closing block, an attached document starts its own body: its type line ("KẾ HOẠCH", "QUY
# CHẾ", "PHỤ LỤC …"), or "(Ban hành kèm theo Quyết định số …)".
ATTACHMENT_START_RE = re.compile(
    r"(?:(?:KẾ HOẠCH|CHƯƠNG TRÌNH(?: HÀNH ĐỘNG)?|QUY CHẾ|QUY ĐỊNH|ĐỀ ÁN|ĐIỀU LỆ|HƯỚNG DẪN)[\s*_#]*$"
    r"|(?:PHỤ LỤC|Phụ lục|DANH MỤC)(?:\s+[\dIVX]+)?(?:\s*[:.\-–]|\s*$)"
    r"|\(?\s*(?:" + vi("Ban hành kèm theo") + r"|" + vi("Kèm theo") + r")\s)"
)
# A line that is only a page number ("2", "- 3 -").
PAGE_NUMBER_RE = re.compile(r"[ \t\u00a0\-–]*\d{1,3}[ \t\u00a0\-–]*$")

# Sentence ends inside a paragraph: . ! ? … (and closing quotes) before an upper-case letter, a
# digit, a quote or a bullet; an inline bullet after a colon (": - Xây dựng …").
# (One character class first: the engine then skips ahead fast.)
SENTENCE_END_RE = re.compile(
    rf"[.!?…:;](?:(?<=[.!?…])[\"”’)\]*]*[ \t\u00a0]+(?=[{UPPER}0-9\"“(\-–+•])"
    r"|(?<=[:;])[ \t\u00a0]+(?=[-–+•][ \t\u00a0]))"
)
# Abbreviations whose dot does not end a sentence ("TP. Hồ Chí Minh").
ABBREVIATION_BEFORE_DOT_RE = re.compile(r"(?<!\w)(?:TP|Tp|TX|TT|Q|P|TS|ThS|PGS|GS|BS|St|Th|Ths|ĐT|Đ/c|đ/c|v\.v|Mr|Ms|No)\.$")
# Continuation of a sentence split by a hard line break (PDF text): the next line starts in
# lower case.
LOWER_START_RE = re.compile(r"[a-zàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]")
TERMINAL_PUNCT = ".:;!?…"
