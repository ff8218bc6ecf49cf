"""Grammar of quantified targets (chỉ tiêu) in Vietnamese administrative documents.

A target is a figure with a unit ("23.600 tỷ đồng", "10-11%", "05 xã", "48,3 giường/vạn dân")
that the document sets for a coming period.  What makes a figure a target is its context:

* an item of a numbered target list ("(3) Thu ngân sách … đạt 23.600 tỷ đồng");
* a "phấn đấu …" statement (also with the typos "phân đầu", "phần đầu"): every figure after it
  in the sentence;
* a figure right after a target verb ("đạt", "tăng thêm", "có thêm", "giảm", "còn", "chiếm" …)
  in a sentence that does not report a past or estimated result;
* a figure of an objectives section (HEADING_TARGET_RE), of a sentence opened by a time still to
  come (FRONTED_TIME_RE), or of a target table (TABLE_*).

Everything here is matched on characters of the cleaned text; the finder in ``find.targets``
decides.  The vocabulary (units, verbs, comparators, report markers) is the general grammar of
the genre, not the wording of any particular document.
"""
from __future__ import annotations

import re

from .common import UPPER, sentence_span

LOWER = UPPER.lower()

# ---------------------------------------------------------------------------------- numbers

# Vietnamese notation first (dot thousands, comma decimals), then an English-style decimal
# slip ("7.5"), then plain digits.  Never part of a longer token (symbols, dates, codes).
_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+\.\d{1,2}(?![\d.])|\d+(?:,\d+)?"
_DASH = r"[-–—]"

# -------------------------------------------------------------------------------- units

_MAG = r"(?:nghìn|ngàn|triệu|tỷ|tỉ|vạn|trăm)"
_CURRENCY = r"(?:đồng|USD|VNĐ|VND|đô\s+la(?:\s+Mỹ)?)"
# Count nouns a plan counts in (the measure words of the genre), longest first where one is
# the prefix of another.
_COUNT_NOUNS = (
    "lượt khách", "lượt người", "lượt", "khách du lịch", "khách",
    "người", "lao động", "hộ gia đình", "hộ", "doanh nghiệp", "hợp tác xã", "HTX", "tổ hợp tác",
    "xã", "phường", "thị trấn", "huyện", "thôn", "ấp", "bản", "khu phố", "tổ dân phố", "làng",
    "đô thị", "đơn vị",
    "dự án", "công trình", "khu công nghiệp", "cụm công nghiệp", "KCN", "CCN",
    "trường", "lớp", "phòng học", "giường bệnh", "giường", "bác sỹ", "bác sĩ", "dược sỹ", "dược sĩ",
    "trạm y tế", "cơ sở", "căn hộ", "căn nhà", "căn", "ngôi nhà", "nhà",
    "sản phẩm", "tấn", "kg", "ha", "cây xanh", "cây ăn quả", "héc-ta", "hecta", "km", "m2", "m²", "m3", "m³", "MW", "kW", "kWh", "lít",
    "học sinh", "sinh viên", "học viên", "thuê bao", "chuyến", "cây", "chợ", "siêu thị", "điểm", "tiêu chí",
    "thương hiệu", "nhãn hiệu", "cán bộ", "hội viên", "đoàn viên", "đảng viên", "trẻ",
)
_COUNT = "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _COUNT_NOUNS) + ")"
_COUNT_LOW = "(?:" + "|".join(re.escape(n.lower()).replace(r"\ ", r"\s+") for n in _COUNT_NOUNS) + ")"
# Per-capita and per-period denominators: "giường/vạn dân", "con/phụ nữ", "triệu đồng/người/năm".
_DENOM = (r"(?:\s*/\s*(?:(?:01|1)\s+)?(?:vạn|nghìn|ngàn|\d{1,3}(?:\.\d{3})+)?\s*"
          r"(?:dân|người|phụ\s+nữ|năm|tháng|ha|hộ|lao\s+động|học\s+sinh|km2|công\s+trình|dự\s+án)"
          r"(?:\s*/\s*(?:năm|tháng))?)")


def _unit(currency: str, count: str) -> str:
    return (
        r"(?:%(?:[0-9]{1,2}(?=[\s.;:,)]|$))?|phần\s+trăm"
        rf"|{_MAG}(?:\s+{_MAG})?\s+{currency}{_DENOM}?"
        rf"|(?:nghìn\s+|ngàn\s+)?tỷ(?![\w])"
        rf"|{currency}{_DENOM}?"
        rf"|(?:{_MAG}\s+)?{count}(?:\s*/\s*{count})?(?:,\s*{count}(?=\s))*{_DENOM}?"
        r"|con\s*/\s*phụ\s+nữ"
        r")(?![\w²³])"
    )


UNIT = _unit(_CURRENCY, _COUNT)
UNIT_LOW = _unit(_CURRENCY.lower(), _COUNT_LOW)  # for the lower-cased text

# Comparator words written before the figure (the closest ones win).
_COMP_BEFORE = (r"(?:(?:không\s+(?:dưới|thấp\s+hơn|ít\s+hơn|quá|vượt\s+quá))|tối\s+thiểu|ít\s+nhất|tối\s+đa"
                r"|cao\s+hơn|thấp\s+hơn|trên|hơn|vượt|dưới|khoảng|gần|xấp\s+xỉ|chừng|từ|[≥≤><])")

# A figure is found in three steps, each anchored (fast on long texts): a number or a range,
# then its unit right after it, then the comparator words right before it.
DIGITS_RE = re.compile(r"\d")
NUMBER_RE = re.compile(rf"(?P<lo>{_NUM})(?:\s*{_DASH}\s*(?P<hi>{_NUM})|\s+đến\s+(?P<hi2>{_NUM}))?")
NUMBER_PREV_CHARS = frozenset("/.,-–")  # "01/NQ-CP", "12/12/2023", "2.5.1" (and letters: "QL2A", "IC2")
UNIT_AFTER_RE = re.compile(rf"\s*(?P<unit>{UNIT})(?P<after>\s+trở\s+lên)?", re.IGNORECASE)
COMP_TAIL_RE = re.compile(rf"(?:(?<![\w]){_COMP_BEFORE}\s*){{1,2}}$", re.IGNORECASE)
# "tối thiểu khởi công 04 dự án": a bound word before the verb of the figure.
COMP_SPLIT_RE = re.compile(r"(?<![\w])(?:tối\s+thiểu|ít\s+nhất|tối\s+đa|không\s+dưới|không\s+quá)\s+(?:[^\W\d_]+\s+){1,2}$",
                           re.IGNORECASE)
BARE_END_RE = re.compile(r"\s*(?:[.;,)]|$)")
# The same on the lower-cased text (case-sensitive: faster), and the last syllables of the
# comparator words (a set look-up before the pattern).
COMP_TAIL_LOW_RE = re.compile(COMP_TAIL_RE.pattern)
COMP_SPLIT_LOW_RE = re.compile(COMP_SPLIT_RE.pattern)
COMP_LAST_WORDS = frozenset("dưới hơn quá thiểu nhất đa trên vượt khoảng gần xỉ chừng từ ≥ ≤ > <".split())

# The same three steps as one pattern, for one pass of the regex engine over the lower-cased text
# (which also collects the years and periods the target years are read from)
# (case-sensitive matching is faster than case-insensitive): a number
# (not inside a longer token: the look-behind sits after the first digit so that the engine's
# fast scan for a digit is kept), an optional range, then either a unit or, for a bare figure
# (after its verb or comparator: never a list label "(1)", "1."), the end of a clause right after it.  A bare
# 4-digit year never starts a figure.
_NUM_AFTER_FIRST = r"\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*\.\d{1,2}(?![\d.])|\d*(?:,\d+)?"
# The words a bare figure may follow (its verb, or the comparator after the verb).
_BARE_BEFORE = ("đạt", "còn", "xuống", "mức", "trên", "dưới", "khoảng", "hơn", "từ", "thiểu", "nhất", "quá", "gần", "xỉ",
                "chừng", "đa")
FIGURE_RE = re.compile(
    r"[0-9](?:"
    # a time: a year ("năm 2025") or a period ("giai đoạn 2021 - 2025"), for the years index
    r"(?<=[12])(?<![\d/.\-][12])(?:(?<=1)9|(?<=2)0)\d\d"
    r"(?:\s*[-–]\s*(?P<pend>(?:19|20)\d{2})(?!\d)|(?![\d/]|\s*[-–]\s*\d)(?!\s*%))(?P<time>)"
    # a figure: the rest of its number (not inside a longer token), a range, a unit or a clause end
    r"|(?<![\w/.,\-–][0-9])(?:(?:" + "|".join(rf"(?<={w} [0-9])" for w in _BARE_BEFORE) + r")(?P<sp>))?"
    r"(?!(?<=1)9\d\d(?!\d|[.,]\d)(?!\s*(?:%|[-–—]|đến\s+\d)))(?!(?<=2)0\d\d(?!\d|[.,]\d)(?!\s*(?:%|[-–—]|đến\s+\d)))"
    rf"(?P<lorest>{_NUM_AFTER_FIRST})"
    rf"(?:\s*{_DASH}\s*(?P<hi>{_NUM})|\s+đến\s+(?P<hi2>{_NUM}))?"
    r"(?![^\W_]|/\d)"
    rf"(?:\s*(?P<unit>{UNIT_LOW})(?P<after>\s+trở\s+lên)?|(?(sp)(?P<bare>(?=\s*(?:[.;,)](?!\d)|$)))|(?!)))"
    r")"
)

# "từ 5% đến 7%", "5% - 7%": the upper bound of a percentage range written after the unit.
PERCENT_RANGE_TAIL_RE = re.compile(rf"\s*(?:{_DASH}|đến)\s*(?P<hi>{_NUM})\s*%")
# "137 xã/193 xã": the total after a slash is part of the figure, not a second target.
RATIO_TAIL_RE = re.compile(rf"\s*/\s*(?:{_NUM})\s*(?:{_COUNT})?(?![\w])", re.IGNORECASE)

# A figure without a unit counts only right after "đạt"/"còn"/"giảm xuống" in a target context
# ("tổng tỷ suất sinh đạt 2,1.").
BARE_VERB_BEFORE_RE = re.compile(r"(?<![\w])(?:đạt|còn|giảm\s+xuống|ở\s+mức)\s*$", re.IGNORECASE)
BARE_VERB_LOW_RE = re.compile(BARE_VERB_BEFORE_RE.pattern)

COMPARATORS = (
    (re.compile(r"không\s+(?:dưới|thấp\s+hơn|ít\s+hơn)|tối\s+thiểu|ít\s+nhất|≥", re.I), ">="),
    (re.compile(r"không\s+(?:vượt\s+)?quá|tối\s+đa|≤", re.I), "<="),
    (re.compile(r"cao\s+hơn|trên|hơn|vượt|>", re.I), ">"),
    (re.compile(r"thấp\s+hơn|dưới|<", re.I), "<"),
    (re.compile(r"khoảng|gần|xấp\s+xỉ|chừng", re.I), "≈"),
)
COMP_FROM_RE = re.compile(r"\btừ\s*$", re.IGNORECASE)

# Numbers that are years, periods or document numbers, not quantities ("năm 2025 người dân").
NOT_QUANTITY_LOW_RE = re.compile(
    r"(?:năm|kỳ|đoạn|số|khóa|khoá|lần\s+thứ|thứ|điều|khoản|mục|phụ\s+lục|loại|hạng|mức\s+độ|cấp\s+độ)\s*$"
)

# ------------------------------------------------------------------------------- triggers

# "phấn đấu" and its usual typos ("Phân đầu", "phần đầu", "phấn đầu").
STRIVE = r"ph[aâấầẩẫậ]n\s+[đd][aâấầẩẫậ]u"
# Matched on the lower-cased text (the literal "ph" start makes the scan fast).
STRONG_TRIGGER_RE = re.compile(rf"{STRIVE}(?![\w])")

# A target verb right before the comparator and figure.  Those marked "percent" only count for a
# percentage ("hoàn thành 100% chỉ tiêu", "bảo đảm 100% xã …").
WEAK_TRIGGER_RE = re.compile(
    r"(?<![\w])(?P<verb>đạt(?:\s+(?:tỷ\s+lệ|tỉ\s+lệ|mức|quy\s+chuẩn|chuẩn))?|tăng(?:\s+thêm)?|có\s+thêm|thêm|giảm(?:\s+(?:xuống|còn|thêm))?"
    r"|còn|chiếm|lên|lên\s+mức|ổn\s+định|ở\s+mức|thu\s+hút|đón|khởi\s+công|tạo(?:\s+thêm)?\s+việc\s+làm(?:\s+mới)?(?:\s+cho)?"
    r"|xuống|(?P<pct>hoàn\s+thành|bảo\s+đảm|đảm\s+bảo|duy\s+trì))"
    r"(?:\s+(?:bình\s+quân|trung\s+bình|mỗi\s+năm|hằng\s+năm|hàng\s+năm|tương\s+ứng|lần\s+lượt))?\s*$",
    re.IGNORECASE,
)
# A verb in the past or an estimate right before the trigger verb: "ước đạt", "đã đạt".
WEAK_NEGATED_RE = re.compile(r"(?<![\w])(?:ước(?:\s+tính)?|đã|chưa|không|mới|vừa|chỉ|cắt|tiết\s+kiệm)\s*$", re.IGNORECASE)

# Markers of a report on a past or current period: a sentence carrying one of them states
# results, not targets (unless it is a "phấn đấu" statement).
REPORT_RE = re.compile(
    r"(?<![\w])(?:ước(?:\s+tính)?\s+(?:đạt|tăng|giảm|thực\s+hiện|thu)|ước\s+(?:cả\s+năm|năm)|đã\s+đạt|đạt\s+được|đã\s+thu\s+hút"
    r"|đã\s+giải\s+ngân|đã\s+hoàn\s+thành|đã\s+thực\s+hiện|so\s+với\s+cùng\s+kỳ|so\s+cùng\s+kỳ|cùng\s+kỳ\s+năm"
    r"|tháng\s+đầu\s+năm|năm\s+ngoái|tháng\s+trước|so\s+với\s+đầu\s+năm|\d+\s+tháng\s+(?:năm\s+\d{4}\s+)?(?:ước\s+)?đạt|lũy\s+kế|luỹ\s+kế|năm\s+qua|thời\s+gian\s+qua|vừa\s+qua|gần\s+đây"
    r"|bằng\s+\d[\d.,]*\s*%|tính\s+đến|đến\s+(?:ngày\s+)?\d{1,2}/\d{1,2}|đến\s+nay|(?<!thực\s)(?<!thể\s)hiện\s+(?:nay|có|tại))(?![\w])",
    re.IGNORECASE,
)
# The same, matched on the lower-cased text (twice as fast as a case-insensitive match).
REPORT_LOW_RE = re.compile(REPORT_RE.pattern)
# The markers that make a target-list item a reported result (narrower: "lũy kế", "hiện có" may
# qualify a target there).
ITEM_REPORT_RE = re.compile(
    r"(?<![\w])(?:ước(?:\s+tính)?\s+(?:đạt|tăng|giảm|thực\s+hiện|thu)|đã\s+đạt|đạt\s+được|so\s+với\s+cùng\s+kỳ|so\s+cùng\s+kỳ"
    r"|tháng\s+đầu\s+năm|\d+\s+tháng\s+(?:năm\s+\d{4}\s+)?(?:ước\s+)?đạt|tính\s+đến|đến\s+(?:ngày\s+)?\d{1,2}/\d{1,2})(?![\w])",
    re.IGNORECASE,
)
# Between a "phấn đấu" and its figure, these mark an achieved figure after all.
STRONG_VETO_RE = re.compile(r"(?<![\w])(?:đã\s+đạt|đạt\s+được|so\s+với\s+cùng\s+kỳ|so\s+cùng\s+kỳ)(?![\w])", re.IGNORECASE)
# An amount of money allocated, supported or invested is a means, not a target
# ("với tổng mức đầu tư 1.200 tỷ đồng", "bố trí 500 tỷ đồng", "hỗ trợ 2 triệu đồng/hộ").
ALLOCATION_BEFORE_RE = re.compile(
    r"(?<![\w])(?:tổng\s+mức\s+đầu\s+tư|tổng\s+vốn(?:\s+đầu\s+tư)?|mức\s+đầu\s+tư|vốn\s+đầu\s+tư|kinh\s+phí|bố\s+trí|phân\s+bổ"
    r"|hỗ\s+trợ|quy\s+mô|cho\s+vay|vay|tạm\s+ứng|dự\s+toán|trị\s+giá|giá\s+trị|với\s+số\s+vốn|nguồn\s+vốn|là"
    r"|(?:bổ\s+sung|cấp|giao|trích|chi)(?:\s+thêm)?)"
    r"(?:\s+(?:khoảng|trên|dưới|hơn|gần|là|từ))?\s*$",
    re.IGNORECASE,
)
# A figure inside the title of a cited document ("Quyết định số 12/QĐ-TTg phê duyệt Đề án giảm 30%
# chi phí …") belongs to that document.
CITED_TITLE_BEFORE_RE = re.compile(
    r"\d+(?:/\d{4})?[/-][A-ZĐ][A-ZĐa-z\-/]*\s*(?:ngày\s+[\d/]+\s*)?(?:của\s+[^;.]{0,60}?)?\s*"
    r"(?:về|phê\s+duyệt|ban\s+hành|quy\s+định)\b[^;.()]{0,200}$"
)
# "bằng 105% dự toán": a restatement of another figure.
RESTATEMENT_BEFORE_RE = re.compile(r"(?<![\w])bằng\s*$", re.IGNORECASE)

# ---------------------------------------------------------------------------- target lists

# A list item at the start of a line: "(3) …", "- (3) …", "3. …", "3) …", "a) …", "- …", "+ …".
LIST_ITEM_RE = re.compile(
    r"^(?=[ \t]*[-–+•*(\da-zđ])[ \t]*(?:(?P<bullet>[-–+•*])[ \t]*)?"
    r"(?:(?P<paren>\(\d{1,2}\))|(?P<num>\d{1,2})[.)](?!\d)|(?P<letter>[a-zđ])\))?[ \t]*",
    re.MULTILINE,
)
# The line breaks before labelled lines (a literal first character: a fast scan).
LIST_LINE_RE = re.compile(r"\n(?=[ \t]*(?:[-–+•*]|\(\d{1,2}\)|\d{1,2}[.)](?!\d)|[a-zđ]\)))")
TARGET_HEADING_RE = re.compile(rf"chỉ\s+tiêu|mục\s+tiêu|{STRIVE}", re.IGNORECASE)

# ----------------------------------------------------------------------------------- years

# A period qualifies a figure of its clause when it stands right before the figure's verb ("bình
# quân giai đoạn 2022 - 2023 đạt khoảng 7%/năm") or after it as a time adverbial ("… trong hai năm
# 2022 - 2023"), not when a coordinated phrase lies between ("sắp xếp … giai đoạn 2023-2025 và
# thành lập 02 thị trấn").
PERIOD_COORDINATION_RE = re.compile(r"[,;:]|(?<![\w])(?:và|cùng|đồng\s+thời)(?![\w])", re.IGNORECASE)
PERIOD_AFTER_LEAD_RE = re.compile(r"(?:trong|cho|của)\s+(?:cả\s+)?$", re.IGNORECASE)
YEAR_RE = re.compile(r"(?<![\d/.\-])((?:19|20)\d{2})(?![\d/]|\s*[-–]\s*\d)")
PERIOD_WORDS_BEFORE_RE = re.compile(
    r"(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|(?:(?:hai|ba|bốn|năm|\d)\s+)?năm|các\s+năm)\s+$", re.IGNORECASE)
# What may precede a target year: "năm 2025", "đến năm 2025", "cuối năm 2025", "năm 2025,".
YEAR_BEFORE_RE = re.compile(r"năm\s*$", re.IGNORECASE)
# … and what makes a year a comparison base, a price base or part of a date.
# ("tầm nhìn đến năm 2050" is the horizon of a plan's name, not a target year).
BASE_YEAR_BEFORE_RE = re.compile(r"(?:so\s+với(?:\s+cùng\s+kỳ)?|so\s+cùng\s+kỳ|giá\s+so\s+sánh|tháng\s+\d{1,2}|tầm\s+nhìn(?:\s+đến)?)\s+(?:năm\s+)?$",
                                 re.IGNORECASE)
BASE_YEAR_RE = re.compile(r"so\s+với(?:\s+cùng\s+kỳ)?\s+năm\s+((?:19|20)\d{2})", re.IGNORECASE)

# ------------------------------------------------------------------------------- indicator

# Clause boundaries inside a sentence (for the start of an indicator).
CLAUSE_BOUNDARY_RE = re.compile(r"[;:(|]|,(?!\d)|(?<![\w])(?:trong\s+đó|và|với)(?![\w])", re.IGNORECASE)
INDICATOR_LEAD_RE = re.compile(
    rf"^(?:[\s\-–+•*:,;(]|\(\d{{1,2}}\)|\d{{1,2}}[.)]\s|trong\s+đó\b|{STRIVE}\b|đạt\s+mục\s+tiêu\b|mục\s+tiêu\b|toàn\s+tỉnh\b"
    r"|(?:đến\s+)?(?:hết\s+|cuối\s+)?năm\s+\d{4}\b|trong\s+năm\s+\d{4}\b|cả\s+năm\b|và\b|với\b|nâng\b|huy\s+động\b)+",
    re.IGNORECASE,
)
# The same words as phrases, stripped word by word from the end (faster than the pattern).
INDICATOR_TRAIL_PHRASES = frozenset("""
phấn đấu|đạt|đạt tỷ lệ|đạt mức|tăng|tăng thêm|có thêm|giảm|giảm xuống|xuống|còn|chiếm|lên|ổn định|ở mức|tối thiểu
|ít nhất|trên|dưới|khoảng|từ|hơn|là|đạt từ|ước đạt|ước|bình quân|trung bình|mỗi năm|hằng năm|hàng năm
""".replace("\n", "").split("|"))
INDICATOR_TRAIL_RE = re.compile(
    r"(?:\s|,|:|(?<![\w])(?:phấn\s+đấu|đạt(?:\s+(?:tỷ\s+lệ|mức))?|tăng(?:\s+thêm)?|có\s+thêm|giảm(?:\s+xuống)?|xuống|còn|chiếm|lên|ổn\s+định"
    r"|ở\s+mức|tối\s+thiểu|ít\s+nhất|trên|dưới|khoảng|từ|hơn|là|đạt\s+từ|ước\s+đạt|ước|bình\s+quân|trung\s+bình"
    r"|mỗi\s+năm|hằng\s+năm|hàng\s+năm)(?![\w]))+$",
    re.IGNORECASE,
)
INDICATOR_VERB_ONLY_RE = re.compile(
    r"^(?:(?:tối\s+thiểu|ít\s+nhất|phấn\s+đấu)\s+)?(?:hoàn\s+thành|bảo\s+đảm|đảm\s+bảo|duy\s+trì|thu\s+hút|đón|khởi\s+công|tạo(?:\s+thêm)?\s+việc\s+làm(?:\s+mới)?|thêm|thành\s+lập"
    r"|trồng(?:\s+(?:mới|được))?|xây\s+dựng|đào\s+tạo|hình\s+thành|phát\s+triển)?"
    r"(?:\s+(?:mới|thêm|tối\s+thiểu|ít\s+nhất))?$",
    re.IGNORECASE,
)
# Words after the figure that describe it ("05 xã đạt chuẩn NTM", "100% chỉ tiêu tuyển quân").
TRAIL_WORDS_RE = re.compile(r"[^\n;.()]{0,90}")
QUOTE_CHARS = "“”\"«»"


def bounded_sentence_span(text: str, start: int, end: int | None = None, limit: int = 600) -> tuple[int, int]:
    """``common.sentence_span`` looking at most ``limit`` characters either side."""
    return sentence_span(text, start, end, limit)


# ------------------------------------------------------------------------ target contexts

# Headings of the outline: which sections state targets ("2. Mục tiêu cụ thể", "II. CÁC CHỈ TIÊU
# CHỦ YẾU NĂM 2025", "Phấn đấu đến năm 2026:"), which report results ("I. KẾT QUẢ THỰC HIỆN NĂM
# 2023", "Đánh giá tình hình"), and which are about something else (tasks, solutions, purposes).
# Matched on the lower-cased start of the heading.  A heading naming both targets and tasks
# ("I. NHIỆM VỤ, CHỈ TIÊU CHỦ YẾU") decides nothing: its subsections do.
HEADING_TARGET_RE = re.compile(rf"(?<![\w])(?:mục\s+tiêu|chỉ\s+tiêu|{STRIVE}|định\s+hướng\s+đến)(?![\w])")
HEADING_REPORT_RE = re.compile(r"(?<![\w])(?:kết\s+quả|tình\s+hình|đánh\s+giá|thực\s+trạng|bối\s+cảnh|khó\s+khăn)(?![\w])")
HEADING_OTHER_RE = re.compile(
    r"(?<![\w])(?:nhiệm\s+vụ|giải\s+pháp|quan\s+điểm|yêu\s+cầu|mục\s+đích|tổ\s+chức\s+thực\s+hiện|phân\s+công"
    r"|trách\s+nhiệm|kinh\s+phí|nguồn\s+vốn|chế\s+độ\s+báo\s+cáo|điều\s+khoản)(?![\w])"
)
# Years stated in a heading: "năm 2025", "đến năm 2025", "giai đoạn 2021 - 2025" (its end).
HEADING_YEAR_RE = re.compile(r"(?:năm|giai\s+đoạn\s+(?:19|20)\d{2}\s*[-–]|[-–])\s*((?:19|20)\d{2})(?!\d)", re.IGNORECASE)

# A sentence opened by the time it is aimed at ("Đến năm 2025, …", "- Đến hết năm 2030: …",
# "Giai đoạn 2021 - 2025, toàn tỉnh trồng …"): its figures are targets when that time is still
# to come.  Plain "Năm 2025, …" is not enough (it opens results as often as plans).
FRONTED_TIME_RE = re.compile(
    rf"[\s\-–+•*]*(?:\(\d{{1,2}}\)\s*|\d{{1,2}}(?:\.\d{{1,2}})*[.)]\s+|[a-zđ]\)\s*)?(?:{STRIVE}\s+)?(?:mục\s+tiêu\s+)?"
    r"(?:(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+(?P<y>(?:19|20)\d{2})"
    r"|giai\s+đoạn\s+(?:19|20)\d{2}\s*[-–]\s*(?P<p>(?:19|20)\d{2}))(?!\d)\s*[,:]?",
    re.IGNORECASE,
)
# "… đến năm 2025 … là 50%": a target year anywhere in the sentence lets "là" / ":" introduce a figure.
TARGET_YEAR_IN_SENTENCE_RE = re.compile(r"(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
CONTEXT_VERB_RE = re.compile(r"(?:(?<![\w])là|:)\s*$", re.IGNORECASE)

# Eligibility criteria are not targets: "hỗ trợ các hộ có thu nhập đạt dưới 2 triệu đồng", "doanh
# nghiệp đạt doanh thu từ 100 tỷ đồng trở lên được xét khen thưởng", "nếu … đạt trên 80%".
CONDITION_BEFORE_RE = re.compile(
    r"(?<![\w])(?<!hiện\s)có\s+(?:mức\s+)?(?:thu\s+nhập|doanh\s+thu|điểm|tổng\s+điểm|kết\s+quả|diện\s+tích|quy\s+mô"
    r"|vốn\s+điều\s+lệ|số\s+vốn|thời\s+gian|tuổi|độ\s+tuổi)(?![\w])",
    re.IGNORECASE,
)
# "nếu …", "đối với …", "trường hợp …" before the figure make a condition only with a consequence
# after it ("… thì được …", "… sẽ được xem xét"): "Đối với khu vực nông thôn, tỷ lệ … đạt 95%" is a
# target.
CONDITION_IF_RE = re.compile(
    r"(?<![\w])(?:đối\s+với|nếu|trường\s+hợp|điều\s+kiện|đối\s+tượng|đủ\s+điều\s+kiện)(?![\w])", re.IGNORECASE)
CONSEQUENCE_AFTER_RE = re.compile(r"(?<![\w])(?:thì|được|sẽ|xem\s+xét|khen\s+thưởng)(?![\w])", re.IGNORECASE)
CONDITION_AFTER_RE = re.compile(
    r"\s*(?:trở\s+lên|trở\s+xuống)?\s*,?\s*(?:thì\s+|sẽ\s+)?được\s+(?:hỗ\s+trợ|xét|khen|thưởng|công\s+nhận|ưu\s+tiên|miễn"
    r"|giảm|cấp|vay|hưởng|xem\s+xét|tặng|bình\s+xét|cộng\s+điểm)",
    re.IGNORECASE,
)
# A sum allocated somewhere in the clause before a money figure ("Tổng số vốn dự kiến được phân
# bổ cho tỉnh … khoảng 1.350 tỷ đồng").
ALLOCATION_CLAUSE_RE = re.compile(
    r"(?<![\w])(?:(?:được|dự\s+kiến)\s+(?:phân\s+bổ|bố\s+trí|cấp|giao\s+vốn)|phân\s+bổ|bố\s+trí|tổng\s+mức\s+đầu\s+tư"
    r"|kinh\s+phí|dự\s+toán\s+chi|nguồn\s+vốn\s+(?:hỗ\s+trợ|ngân\s+sách))(?![\w])",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------- tables

# A table row: cells separated by "|" (markdown, or HTML/DOCX rows as the reader writes them).
TABLE_SEPARATOR_ROW_RE = re.compile(r"^[\s|:\-–—+]*$")
TABLE_INDICATOR_HEAD_RE = re.compile(r"chỉ\s*tiêu|nội\s*dung|danh\s*mục|tiêu\s*chí", re.IGNORECASE)
TABLE_UNIT_HEAD_RE = re.compile(r"^(?:đơn\s*vị(?:\s*tính)?|đvt|đv)\.?$", re.IGNORECASE)
TABLE_TARGET_HEAD_RE = re.compile(
    r"kế\s*hoạch|mục\s*tiêu|chỉ\s*tiêu|dự\s*kiến|phấn\s*đấu|\bKH\b|(?:đến\s+)?năm\s+(?:19|20)\d{2}|^(?:19|20)\d{2}$|giai\s+đoạn",
    re.IGNORECASE,
)
TABLE_RESULT_HEAD_RE = re.compile(
    r"thực\s*hiện|ước|\bƯTH\b|\bTH\b|\bUTH\b|kết\s*quả|so\s*sánh|ghi\s*chú|tăng|giảm|cùng\s*kỳ|lũy\s*kế|luỹ\s*kế|tỷ\s*lệ|%"
    r"|\bSTT\b|\bTT\b",
    re.IGNORECASE,
)
TABLE_VALUE_RE = re.compile(
    rf"\s*(?P<comp>(?:{_COMP_BEFORE}\s*){{0,2}})(?P<lo>{_NUM})(?:\s*{_DASH}\s*(?P<hi>{_NUM}))?\s*(?P<pct>%)?(?:\s+trở\s+lên)?\s*$",
    re.IGNORECASE,
)
TABLE_UNIT_IN_INDICATOR_RE = re.compile(r"\s*\((?P<unit>%|[^()\d]{1,25})\)\s*$")
TABLE_ROW_LABEL_RE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]+\.?|[a-zđ]\)|-|\+)\s+")


_LOWERED: list = [None, None]


def lowered(text: str) -> str:
    """``text.lower()`` (the same length for Vietnamese), computed once for the finders that scan
    the lower-cased text of the same document (named references, targets, projects)."""
    if _LOWERED[0] is not text:
        low = text.lower()
        _LOWERED[0], _LOWERED[1] = text, (low if len(low) == len(text) else text)
    return _LOWERED[1]


# Case-sensitive twins of the patterns above, matched on the lower-cased text (faster), and the
# last clause boundary of a window in one match (greedy, backing off from the end).
ITEM_REPORT_LOW_RE = re.compile(ITEM_REPORT_RE.pattern)
ALLOCATION_CLAUSE_LOW_RE = re.compile(ALLOCATION_CLAUSE_RE.pattern)
CONDITION_BEFORE_LOW_RE = re.compile(CONDITION_BEFORE_RE.pattern)
CONDITION_IF_LOW_RE = re.compile(CONDITION_IF_RE.pattern)
CONSEQUENCE_AFTER_LOW_RE = re.compile(CONSEQUENCE_AFTER_RE.pattern)
LAST_BOUNDARY_LOW_RE = re.compile(r"(?s).*(?:" + CLAUSE_BOUNDARY_RE.pattern + ")")
# "đã" within the three words before a figure: an achieved figure ("toàn tỉnh đã trồng được 30 triệu
# cây"), not one in a relative clause further back ("tỷ lệ xã đã đạt chuẩn nâng lên 80%").
PAST_BEFORE_LOW_RE = re.compile(r"(?<![\w])đã\s+(?:[^\W\d_]+\s+){0,2}$")
