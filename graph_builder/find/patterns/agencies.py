"""Grammar of agency names and addressee lists in Vietnamese directives.

The agency *vocabulary* is data (``graph_builder/data/agencies.yaml``), matched with spaCy's
PhraseMatcher (``find.agencies``); this module holds the grammar around the names:

    heads          "Thủ trưởng", "Giám đốc", "Chủ tịch", "Chánh" … before a body
    lead-ins       "Nhiệm vụ chung của", "Đối với", "Giao", "Đề nghị", "Yêu cầu" … before an addressee
    openers        "Trên cơ sở …,", "Căn cứ …,", "Đồng thời," … before a subject
    shared heads   "Các Sở:", "Các Sở, ngành:", "các Bộ:" before bare department names
    separators     ",", ";", "và", "cùng" between the items of a list
    triggers       "giao", "đề nghị", "yêu cầu" before addressees; "phối hợp (với)" before partners
    execution      "… chịu trách nhiệm thi hành Quyết định này"

All patterns are case- and tone-mark-insensitive where Vietnamese words are spelt with
varying tone placement ("Uỷ"/"Ủy") or capitals, through :func:`vi` which turns a phrase into
a regex whose letters match every tone/case variant (``ontology.fold`` equivalence).
"""
from __future__ import annotations

import functools
import re

from ...ontology import fold

# ------------------------------------------------------------------------------ folding


@functools.cache
def _letter_classes() -> tuple[dict[int, str], dict[str, str]]:
    """(translate table char -> folded char, folded letter -> regex class of its variants)."""
    table: dict[int, str] = {}
    variants: dict[str, set[str]] = {}
    ranges = list(range(0x41, 0x5B)) + list(range(0x61, 0x7B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00))
    for cp in ranges:
        c = chr(cp)
        f = fold(c)
        if len(f) != 1 or not c.isalpha():
            continue
        if f != c:
            table[cp] = f
        variants.setdefault(f, set()).add(c)
    classes = {f: "[" + "".join(sorted(vs | {f})) + "]" for f, vs in variants.items()}
    return table, classes


def fold_letter(c: str) -> str:
    """The folded form of one character (the definition ``fold_text`` applies)."""
    return _letter_classes()[0].get(ord(c), c)


@functools.cache
def _fold_table() -> dict[int, int]:
    """``fold_letter`` as a translation table naming every character of the Latin, Vietnamese and
    general-punctuation ranges, unchanged ones included: ``str.translate`` pays a failed lookup for
    each character its table does not name, so the complete table folds Vietnamese text several
    times faster (a 28 KB document: 4.0 ms -> 0.8 ms)."""
    return {cp: ord(fold_letter(chr(cp))) for lo, hi in ((0x00, 0x250), (0x1E00, 0x1F00), (0x2000, 0x2070))
            for cp in range(lo, hi)}


def fold_text(s: str) -> str:
    """Lower-case, tone-mark-free text of the SAME length (offsets stay valid); đ is kept."""
    return s.translate(_fold_table())


def vi(phrase: str) -> str:
    """A regex fragment matching ``phrase`` in any case and tone-mark spelling; spaces match
    any whitespace run (soft line breaks included)."""
    classes = _letter_classes()[1]
    out = []
    for ch in phrase:
        if ch == " ":
            out.append(r"\s+")
        elif ch.isalpha():
            f = fold(ch)
            out.append(classes.get(f, re.escape(ch)) if len(f) == 1 else re.escape(ch))
        else:
            out.append(re.escape(ch))
    return "".join(out)


def vi_alt(phrases) -> str:
    """Alternation of phrases (longest first), whole words only."""
    alts = sorted(set(phrases), key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(vi(p) for p in alts) + r")(?!\w)"


# Tokens of the cheap tokenizer that feeds the PhraseMatcher: syllables, "&" (read as "và"), and
# the marks no agency name contains (so that no match runs across them).  Other punctuation
# (commas, dashes) is dropped: names are matched with or without it.
TOKEN_RE = re.compile(r"\w+|[&.:;()!?]")
WORD_RE = re.compile(r"\w+")
# The first two words at a position (prefilter before running the matcher there).
TWO_WORDS_RE = re.compile(r"[\s*_#]*(\w+)(?:[\s,&\-–]+(\w+))?")

# ------------------------------------------------------------------------------ heads

DEFAULT_HEADS = ("Thủ trưởng", "Giám đốc", "Chủ tịch", "Chánh")


@functools.cache
def heads_re(heads: tuple[str, ...] = DEFAULT_HEADS) -> re.Pattern:
    """One or more heads ("Giám đốc, Thủ trưởng") before the body they head."""
    head = vi_alt(heads)
    return re.compile(rf"(?:{head})(?:\s*,\s*(?:{head}))*\s+")


# ------------------------------------------------------------------------------ lists

# Between two items: ", " / "; " / " và " / ", và " / " cùng (với) ".
SEP_RE = re.compile(rf"\s*(?:[,;]\s*(?:{vi('và')}\s+|{vi('cùng')}\s+)?|\s+(?:{vi('và')}|{vi('cùng với')}|{vi('cùng')})\s+)")
# ",..." / "…" closing an open list ("Y tế, Công an tỉnh,... chịu trách nhiệm").
LIST_TAIL_RE = re.compile(r"\s*,?\s*(?:\.{2,}|…)(?:\s*[,;])?")
# A plural head over bare department names: "Các Sở:", "Các Sở, ngành:", "các Bộ:", "Sở:".
SHARED_HEAD_RE = re.compile(
    rf"(?:{vi('các')}\s+)?(?P<head>{vi('Sở')}|{vi('Bộ')})(?!\w)(?:\s*,\s*(?:{vi('ban')}|{vi('ngành')}))*\s*:\s*"
)
# A plural head directly before a department name: "các Sở Xây dựng, Tài chính".
PLURAL_HEAD_RE = re.compile(rf"{vi('các')}\s+(?P<head>{vi('Sở')}|{vi('Bộ')})\s+")
# After a list, a colon introduces its tasks (or a shared-head list).
COLON_RE = re.compile(r"\s*:\s*")
# A parenthesis right after an agency ("Sở Tài chính (cơ quan thường trực)").
PAREN_AFTER_RE = re.compile(r"\s*\([^()\n]{0,80}\)")

# Suffixes an agency name takes in the text: "tỉnh", the province, "(có) liên quan", the
# district word of a district office, a place name after "UBND huyện".
TINH_RE = re.compile(rf"\s+(?:{vi('tỉnh')}|{vi('thành phố')})(?!\w)")
RELATED_RE = re.compile(rf"\s+(?:{vi('có')}\s+)?{vi('liên quan')}(?!\w)|\s+{vi('trên địa bàn')}(?:\s+{vi('tỉnh')})?(?!\w)")
# What a provincial collective takes after its name: further kinds of body and the level
# ("các sở, ban, ngành, đơn vị trực thuộc UBND tỉnh", "các ban, ngành, đơn vị cấp tỉnh").
_UBND = rf"(?:{vi('UBND')}|{vi('Ủy ban nhân dân')})"
COLLECTIVE_TAIL_RE = re.compile(
    rf"(?:\s*,\s*(?:{vi('đơn vị')}|{vi('đoàn thể')})(?!\w)(?!\s*(?:,|{vi('và')})\s*{vi('địa phương')}))*"
    rf"(?:\s+(?:{vi('cấp tỉnh')}|{vi('trực thuộc')}\s+{_UBND}\s+{vi('tỉnh')}|{vi('thuộc')}\s+{_UBND}\s+{vi('tỉnh')}"
    rf"|{vi('thuộc tỉnh')}|{vi('trực thuộc tỉnh')}|{vi('tỉnh')})(?!\w))?"
)
# Qualifiers of project management boards: "các Ban Quản lý dự án chuyên ngành, khu vực", "Ban Quản lý
# dự án đầu tư xây dựng các công trình giao thông tỉnh".
PMB_QUALIFIERS = ("chuyên ngành", "khu vực", "đầu tư xây dựng", "đầu tư và xây dựng", "các công trình", "công trình",
                  "dân dụng và công nghiệp", "dân dụng", "công nghiệp", "giao thông", "nông nghiệp",
                  "và phát triển nông thôn", "phát triển nông thôn", "hạ tầng", "cấp tỉnh", "cấp huyện", "tỉnh",
                  "thành phố", "huyện", "thị xã", "quận")
PMB_TAIL_RE = re.compile(r"(?:[ \t]+\d{1,2}(?![\d/.,]\d))?(?:\s*,?\s*(?:" + vi_alt(PMB_QUALIFIERS) + r"))*")
# Commune units continuing a district collective: "UBND các huyện, thị xã, thành phố và các xã, phường,
# thị trấn", "Ủy ban nhân dân quận-huyện, xã, phường, thị trấn", "UBND cấp huyện, cấp xã" (a unit
# followed by a name is a place: "huyện A, xã B").
_COMMUNE_UNIT = rf"(?:{vi('thị trấn')}|{vi('phường')}|{vi('xã')})(?!\w)"
COMMUNE_CONT_RE = re.compile(
    rf"(?:\s*[,;]\s*(?:{vi('và')}\s+)?|\s+{vi('và')}\s+|\s*-\s*)(?:{vi('các')}\s+)?"
    rf"(?P<units>{vi('cấp xã')}(?!\w)|{_COMMUNE_UNIT}(?:(?:\s*[,\-]\s*|\s+{vi('và')}\s+){_COMMUNE_UNIT})*)"
    rf"(?![ \t]+[{{upper}}])".replace("{upper}", "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ")
)
COMMUNE_UNIT_RE = re.compile(_COMMUNE_UNIT)
# Named committees after a one-unit collective: "UBND các huyện: Diễn Châu, Nghi Lộc và Yên Thành",
# "UBND các huyện Đông Anh, Gia Lâm, Thanh Trì"; after a several-unit one, its named members: "UBND
# các huyện, thị xã Kiến Tường, thành phố Tân An".
_UP = "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
_PLACE = rf"[{_UP}][\w']*(?:[ \t]+[{_UP}][\w']*){{0,3}}"
_DISTRICT_UNIT = rf"(?:{vi('thị xã')}|{vi('thành phố')}|{vi('huyện')}|{vi('quận')})"
NAMED_PLACES_RE = re.compile(
    rf"[ \t]*:?[ \t]+(?P<places>{_PLACE}(?:\s*,\s*{_PLACE})*(?:\s*,?\s+{vi('và')}\s+{_PLACE})?)(?!\w)"
)
PLACE_SPLIT_RE = re.compile(rf"\s*,\s*|\s*,?\s+{vi('và')}\s+")
NAMED_MEMBERS_RE = re.compile(rf"[ \t]+{_PLACE}(?:\s*,\s*{_DISTRICT_UNIT}[ \t]+{_PLACE})*(?!\w)")
# "UBND thành phố Thủ Đức và các quận, huyện": a named committee joined to a collective of units
AND_UNITS_RE = re.compile(
    rf"\s+{vi('và')}\s+{vi('các')}\s+{_DISTRICT_UNIT}(?:\s*,\s*{_DISTRICT_UNIT})*(?!\w)"
)
DISTRICT_WORD_RE = re.compile(rf"\s+(?P<unit>{vi('huyện')}|{vi('thị xã')}|{vi('thành phố')}|{vi('quận')})(?!\w)")
UPPER_CHARS = "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
PLACE_NAME_RE = re.compile(rf"(?:[ \t]+[{UPPER_CHARS}][\w']*){{1,4}}")

# ------------------------------------------------------------------------------ addressees

# Words that open a heading or sentence before its addressee.
LEAD_IN_RE = re.compile(
    r"(?:"
    + vi_alt(["Nhiệm vụ", "Trách nhiệm", "Nhiệm vụ, giải pháp"])
    + r"(?:\s+" + vi_alt(["chung", "cụ thể", "chủ yếu", "trọng tâm", "riêng"]) + r")?"
    + r"(?:\s+" + vi_alt(["của", "đối với", "cho"]) + r")?\s+"
    + r"|" + vi_alt(["Đối với", "Phân công", "Phân công cho", "Giao cho", "Giao", "Đề nghị", "Yêu cầu"]) + r"\s*:?\s+"
    + r")"
)
# Adverbial openers after which the subject follows a comma.
OPENER_RE = re.compile(vi_alt([
    "Trên cơ sở", "Căn cứ", "Đồng thời", "Ngoài ra", "Bên cạnh đó", "Trong đó", "Theo đó", "Do đó",
    "Vì vậy", "Do vậy", "Mặt khác", "Riêng", "Theo chức năng", "Tùy theo", "Trong quá trình", "Quá trình",
    "Trường hợp", "Nếu", "Khi", "Sau khi", "Hằng năm", "Hàng năm", "Định kỳ", "Từ nay",
]))
COMMA_RE = re.compile(r",\s*")
# What cannot follow a subject: a genitive, a past or passive report, a date …
def exact_alt(phrases) -> str:
    """Alternation of whole words spelt with their tone marks (case-insensitive only, compile with
    re.IGNORECASE): short function words must not match their tone-less look-alikes ("để" is not
    "đề xuất", "vẫn" is not "vận động", "năm" is not "nắm")."""
    alts = sorted(set(phrases), key=len, reverse=True)
    return r"(?<!\w)(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts) + r")(?!\w)"


NOT_PREDICATE_RE = re.compile(
    r"\s*(?:" + exact_alt(["của", "thuộc", "trực thuộc", "đã", "đang", "vừa", "tại", "về", "ngày", "số", "năm",
                            "như", "nhằm", "để", "với", "gồm", "bao gồm", "chưa", "vẫn", "còn", "cơ bản",
                            "bước đầu", "đều đã", "từng bước"]) + r")"
    r"|\s*[)\]”\"»]",
    re.IGNORECASE,
)
# Triggers before addressees ("Giao Sở …", "đề nghị Ủy ban MTTQ …", "yêu cầu Thủ trưởng …").
TRIGGER_RE = re.compile(vi_alt(["giao cho", "giao", "đề nghị", "yêu cầu"]) + r"\s*:?\s+")
# The issuer right before a trigger ("…, Chủ tịch UBND tỉnh yêu cầu …", "Ban Thường vụ Tỉnh ủy đề nghị …"):
# its objects are addressees wherever the sentence stands.
ISSUER_BEFORE_TRIGGER_RE = re.compile(
    r"(?:(?<!\w)(?:" + vi_alt(["UBND", "Ủy ban nhân dân", "HĐND", "Hội đồng nhân dân"]) + r")\s+(?:"
    + vi_alt(["tỉnh", "thành phố"]) + r")|" + vi_alt(["Tỉnh ủy", "Thành ủy"]) + r")(?:\s+[A-ZĐ]\w*(?:\s+[A-ZĐ]\w*){0,3})?\s*$"
)
# The closing formula after the addressees of a final request: "(UBND tỉnh) yêu cầu các sở, ngành
# nghiêm túc triển khai, thực hiện./.", "Nhận được Công văn này, đề nghị … triển khai thực hiện./." —
# an execution clause in other words.
CLOSING_FORMULA_RE = re.compile(
    r"\s*,?\s*(?:(?:" + vi_alt(["nghiêm túc", "khẩn trương", "tổ chức", "chủ động", "có trách nhiệm"]) + r")\s*,?\s*)*"
    r"(?:" + vi_alt(["triển khai", "quán triệt"]) + r"\s*,?\s*)?(?:" + vi_alt(["tổ chức"]) + r"\s+)?"
    + vi_alt(["thực hiện", "thi hành"])
    + r"(?:\s+(?:" + vi_alt(["nghiêm túc", "có hiệu quả", "hiệu quả", "đúng quy định"]) + r"))?"
    r"(?:\s+(?:" + vi_alt(["Công văn này", "Chỉ thị này", "văn bản này", "Kế hoạch này", "Công điện này"]) + r"))?"
    r"\s*(?:\./\.|\.)?[\s*_]*$"
)
# A trigger word that is part of another phrase ("được giao", "bàn giao", "theo đề nghị").
TRIGGER_BLOCK_BEFORE_RE = re.compile(
    exact_alt(["được", "bàn", "chuyển", "theo", "xét", "đã", "việc", "nhận", "ứng", "các", "những", "có", "như", "khi",
               "bị", "mới", "giao"]) + r"\s+$",
    re.IGNORECASE,
)
# Partners: "phối hợp (chặt chẽ) (với) …"
PARTNER_RE = re.compile(
    vi_alt(["phối hợp"])
    + r"(?:\s+" + vi_alt(["chặt chẽ", "thường xuyên", "tốt", "cùng", "đồng bộ"]) + r")?"
    + r"(?:\s+" + vi_alt(["với"]) + r")*\s+"
)
# "<agency> chủ trì" after a clause boundary.
CHU_TRI_RE = re.compile(r"\s*(?:,\s*)?(?:" + vi_alt(["là cơ quan", "là đơn vị"]) + r"\s+)?" + vi_alt(["chủ trì"]))
# The predicate is only a coordinating task ("(có trách nhiệm) phối hợp (chặt chẽ) với …").
COORDINATING_RE = re.compile(
    r"\s*[,:]?\s*(?:" + vi_alt(["căn cứ", "theo"]) + r"[^.;]*?\s)?"
    r"(?:(?:" + vi_alt(["có trách nhiệm", "chịu trách nhiệm", "chủ động", "tích cực", "tiếp tục", "tăng cường",
                        "thường xuyên", "khẩn trương", "cần"]) + r")\s+)*"
    + vi_alt(["phối hợp"])
)
# A whole task that only helps others: "phối hợp (chặt chẽ) với Y …" ("phối hợp tuyên truyền …" is a
# task of one's own).
COORDINATING_WITH_RE = re.compile(
    COORDINATING_RE.pattern
    + r"(?:\s+" + vi_alt(["chặt chẽ", "thường xuyên", "tốt", "đồng bộ", "cùng"]) + r")?\s+" + vi_alt(["với"])
)
CHU_TRI_ANY_RE = re.compile(vi_alt(["chủ trì", "chủ chì"]))

# The closing execution clause: "… chịu trách nhiệm thi hành Chỉ thị này" (read from "trách nhiệm").
EXECUTION_RE = re.compile(
    vi_alt(["trách nhiệm"]) + r"\s+(?:" + vi_alt(["tổ chức", "triển khai"]) + r"\s+)?(?:" + vi_alt(["thi hành"])
    + r"|" + vi_alt(["thực hiện"]) + r"(?:\s+" + vi_alt(["nghiêm", "nghiêm túc", "có hiệu quả", "hiệu quả"]) + r")?\s+(?:"
    + vi_alt(["Quyết định", "Chỉ thị", "Kế hoạch", "Chương trình", "Chương trình hành động", "Công văn", "Thông báo",
              "Nghị quyết", "văn bản", "Công điện"]) + r")\s+" + vi_alt(["này"]) + r")"
)

# The words the task grammar reacts to.  They are found by literal search (much faster than a
# case-insensitive pattern), in lower case and capitalised.
TASK_KEYWORDS = {
    "giao": "trigger", "đề nghị": "trigger", "yêu cầu": "trigger",
    "phối hợp": "partner",
    "chủ trì": "chu_tri", "chủ chì": "chu_tri",
    "trách nhiệm": "execution",
}
# (the word without its first letter, its first letter in both cases, kind): one str.find pass per
# word finds both spellings ("giao" / "Giao")
TASK_KEYWORD_LITERALS = tuple((w[1:], w[0] + w[0].upper(), kind) for w, kind in TASK_KEYWORDS.items())
