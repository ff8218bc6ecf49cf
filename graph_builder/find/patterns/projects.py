"""Grammar of named projects, works, facilities and zones.

A project mention is a head noun that names a kind of work ("Khu công nghiệp", "Quốc lộ",
"Bệnh viện", "dự án" …) followed by its proper name: a run of capitalised syllables, codes and
roman numerals ("Đông Bình", "14E", "Lập Thạch II", "Nội Bài - Lào Cai"), possibly after a few
lowercase descriptor syllables ("Trung tâm y tế huyện Bình Xuyên", "Khu liên hợp xử lý chất thải
rắn Hòa Phú").  The name stops at function words and punctuation.  Shared heads are expanded
("Khu công nghiệp Đông Bình, Bình Tân", "khu công nghiệp: A, B, C", "các Trung tâm y tế tuyến
huyện (A, B, C)"), and the items of an enumeration of projects ("các dự án … như: X; Y; Z") are
projects as a whole.

Not projects: lakes, rivers and other natural features (no head noun here names them), tourism
sites, information systems, generic plurals ("các khu công nghiệp") and unnamed works.
"""
from __future__ import annotations

import re

from .common import UPPER

LOWER = UPPER.lower()

# ------------------------------------------------------------------------------------ heads

# One named group per kind; within a group, longer heads first.  Matched case-insensitively;
# abbreviations are matched as written (upper case) by the finder's check.
_HEADS = {
    "industrial_park": r"khu\s+công\s+nghiệp|KCN",
    "industrial_cluster": r"cụm\s+công\s+nghiệp|CCN",
    "economic_zone": (r"khu\s+kinh\s+tế(?:\s+cửa\s+khẩu|\s+ven\s+biển|\s+mở)?|KKT|khu\s+phi\s+thuế\s+quan|khu\s+chế\s+xuất"
                      r"|khu\s+công\s+nghệ\s+cao|khu\s+công\s+nghệ\s+thông\s+tin(?:\s+tập\s+trung)?"),
    "urban_area": r"khu\s+đô\s+thị(?:\s+mới)?|khu\s+dân\s+cư|khu\s+tái\s+định\s+cư",
    "airport": r"cảng\s+hàng\s+không(?:\s+quốc\s+tế)?|sân\s+bay",
    "port": r"cảng\s+biển|cảng\s+cạn|cảng\s+cá|bến\s+cảng|cảng",
    "facility": (r"khu\s+liên\s+hợp|khu\s+xử\s+lý|nhà\s+máy|trạm\s+biến\s+áp|sân\s+vận\s+động|nhà\s+thi\s+đấu"
                 r"|bến\s+xe|trung\s+tâm\s+điện\s+lực"),
    "railway": r"(?:tuyến\s+)?đường\s+sắt(?:\s+đô\s+thị|\s+tốc\s+độ\s+cao|\s+cao\s+tốc)?",
    "road": (r"quốc\s+lộ|tỉnh\s+lộ|đường\s+tỉnh|đường\s+cao\s+tốc|cao\s+tốc|tuyến\s+tránh"
             r"|(?:tuyến\s+)?đường\s+(?:trục|vành\s+đai|ven\s+biển|ven\s+sông|tránh|liên\s+xã|liên\s+huyện)"
             r"|(?:tuyến\s+)?đường|nút\s+giao|tuyến\s+giao\s+thông"),
    "bridge": r"cầu",
    "channel": r"luồng|kênh",
    "hospital": (r"bệnh\s+viện|trung\s+tâm\s+y\s+tế|trạm\s+y\s+tế|phòng\s+khám\s+đa\s+khoa(?:\s+khu\s+vực)?"
                 r"|trung\s+tâm\s+(?:điều\s+dưỡng|bảo\s+trợ\s+xã\s+hội|chăm\s+sóc|phục\s+hồi\s+chức\s+năng|kiểm\s+soát\s+bệnh\s+tật)"),
    "school": r"trường",
    "economic_corridor": r"hành\s+lang\s+kinh\s+tế",
    "irrigation": (r"hồ\s+chứa(?:\s+nước)?(?:\s+thủy\s+lợi)?|hồ\s+thủy\s+lợi|công\s+trình\s+thủy\s+lợi|trạm\s+bơm"
                   r"|đập|kè"),
    "project": r"dự\s+án",
}
HEAD_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _HEADS.items()) + r")(?![\w])",
    re.IGNORECASE,
)
# The same on the lower-cased text (case-sensitive: faster); abbreviations are checked on the text.
HEAD_LOW_RE = re.compile(r"(?<![\w])(?:" + "|".join(f"(?P<{k}>{v.lower()})" for k, v in _HEADS.items()) + r")(?![\w])")
# A fast first pass over the lower-cased text: where a head (or a numbered road) may start (not
# "yêu cầu", "môi trường": "cầu" closing a compound, "trường" without a school type),
# written as a trie of first syllables (the word start is checked by the finder).  Every hit is
# then matched exactly with HEAD_RE / ROAD_CODE_RE on the text itself.  Keep it in step with
# _HEADS and ROAD_CODE_RE (tests/test_projects.py checks that every head is found).
HEAD_SCAN_RE = re.compile(
    r"(?:k(?:hu(?=\s+(?:công|kinh|phi|chế|đô|dân|tái|liên|xử))|cn|kt|ênh|è)"
    r"|c(?:ụm(?=\s+công)|cn|ảng|ao(?=\s+tốc)|ông(?=\s+trình\s+thủy\s+lợi)"
    r"|ầu(?<!yêu\scầu)(?<!nhu\scầu)(?<!cung\scầu)(?<!kích\scầu)(?<!mong\scầu)(?<!khẩn\scầu)(?<!thỉnh\scầu)(?<!toàn\scầu)"
    r"(?<!địa\scầu)(?<!quả\scầu))"
    r"|s(?:ân(?=\s+(?:bay|vận)))|b(?:ến(?=\s+(?:cảng|xe))|ệnh(?=\s+viện))|n(?:hà(?=\s+(?:máy|thi))|út(?=\s+giao))|q(?:uốc(?=\s+lộ)|l)"
    r"|t(?:ỉnh(?=\s+lộ)|uyến(?=\s+(?:đường|tránh|giao))|rung(?=\s+tâm\s+(?:y|điều|bảo|chăm|phục|kiểm|điện))|rạm(?=\s+(?:y|bơm|biến))"
    r"|rường(?=[ \t]+(?:th|mn|mg|pt|tcn|cđ|đh|tiểu|trung|mầm|mẫu|đại|cao|phổ|dân|chính|năng|chuyên))|l)"
    r"|đ(?:ường|ập|t|h)|l(?:uồng)|h(?:ành(?=\s+lang\s+kinh)|ồ(?=\s+(?:chứa|thủy\s+lợi)))|p(?:hòng(?=\s+khám))|d(?:ự(?=\s+án)))"
)
# Abbreviated heads must be written in capitals ("KCN", not "kcn").
ABBREVIATIONS = {"KCN": "Khu công nghiệp", "CCN": "Cụm công nghiệp", "KKT": "Khu kinh tế"}

# Road numbers: "Quốc lộ 14E", "QL2A", "QL.1A", "ĐT 603", "tỉnh lộ 8" (+ ", 14D" siblings).
ROAD_CODE_RE = re.compile(
    r"(?<![\w])(?P<head>Quốc\s+lộ|quốc\s+lộ|QL|Tỉnh\s+lộ|tỉnh\s+lộ|TL|ĐT|Đường\s+tỉnh|đường\s+tỉnh|ĐH|Đường\s+huyện|đường\s+huyện)"
    r"[ \t]*\.?[ \t]*(?P<code>\d{1,3}[A-Z]?(?:\.\d+)?)(?![\w])"
)
ROAD_CODE_HEADS = {"ql": "Quốc lộ", "quốc lộ": "Quốc lộ", "tl": "Tỉnh lộ", "tỉnh lộ": "Tỉnh lộ", "đt": "Đường tỉnh",
                   "đường tỉnh": "Đường tỉnh", "đh": "Đường huyện", "đường huyện": "Đường huyện"}
CODE_SIBLING_RE = re.compile(r"[ \t]*(?:,|và)[ \t]*(?:(?:QL|ĐT|TL)[ \t]*\.?[ \t]*)?(?P<code>\d{1,3}[A-Z]?)(?![\w])")

# Kinds whose head, capitalised inside a sentence, names one facility even without a proper
# name ("Trung tâm điều dưỡng người tâm thần", "Bệnh viện đa khoa tỉnh").
PROPERLESS_KINDS = frozenset({"hospital", "facility"})
# Heads that are common words when lowercase ("nhu cầu", "kênh thông tin"): accepted lowercase
# only after a construction word.
CONSTRUCTION_ONLY = frozenset({"kênh"})
# "yêu cầu", "nhu cầu", "cung cầu", "kích cầu": "cầu" closing a compound word is not a bridge.
COMPOUND_BEFORE_RE = re.compile(r"(?<![\w])(?:yêu|nhu|cung|kích|mong|khẩn|thỉnh|toàn|địa|quả|đáp\s+ứng\s+nhu)\s*$", re.IGNORECASE)
CONSTRUCTION_BEFORE_RE = re.compile(
    r"(?:xây\s+dựng|đầu\s+tư|công\s+trình|dự\s+án|thi\s+công|hoàn\s+thành|khởi\s+công|nâng\s+cấp|cải\s+tạo|sửa\s+chữa|tuyến|các|nạo\s+vét"
    r"|mở\s+rộng|hoàn\s+thiện|thông\s+xe|đưa\s+vào\s+sử\s+dụng)\s*$",
    re.IGNORECASE,
)
# How many lowercase descriptor syllables may stand between a head and its proper name.
MAX_DESCRIPTORS = {
    "industrial_park": 2, "industrial_cluster": 2, "economic_zone": 3, "urban_area": 3, "airport": 1,
    "port": 0, "facility": 8, "road": 0, "bridge": 2, "channel": 0, "hospital": 5, "school": 3,
    "economic_corridor": 0, "irrigation": 1, "project": 12, "railway": 2,
}


# ------------------------------------------------------------------------------- name tokens

# A token after a head: letters and digits ("Đông", "14E", "IC2", "II"), optionally joined to
# the previous one by a dash ("Nội Bài - Lào Cai", "Vĩnh Yên – Bình Xuyên").
TOKEN_RE = re.compile(r"[ \t]*(?:(?P<dash>[-–—])[ \t]*)?(?P<tok>\d+,\d+(?![\w])|[^\W_]+(?:\.\d+[A-Z]?)?)")

# Lowercase syllables that never continue a proper name: places ("Khu công nghiệp Phú Hội tỉnh Lâm
# Đồng"), "giai đoạn", "đoạn" (see MODIFIER_RE and SEGMENT_RE), verbs joining two names ("hành lang
# kinh tế Đông Tây kết nối Quảng Nam").
NAME_BREAK_WORDS = frozenset("""
tỉnh huyện xã quận phường thành thị thôn ấp bản giai đoạn khu tuyến dự công hạ cụm nhà
kết nối đi thuộc gắn sang nằm giáp hướng liên thông chạy
""".split())
# Function words end a name (lowercase only: a capitalised one is part of a proper name).
STOP_WORDS = frozenset("""
của và với để cho theo tại ở trên trong thuộc do đã được đang sẽ có là các những nhằm gắn từ đến đi
qua về khi nếu thì mà như này đó bằng vào ra lên sau trước giữa cùng hoặc hay nhưng không chưa cần
phải đảm trở nhằm
""".split())
# Function words a "dự án" description may contain ("dự án xây dựng … tại thành phố Tam Kỳ").
PROJECT_DESC_OK = frozenset({"tại", "ở"})
# … where the description before "tại/ở" names a work ("xây dựng …", "nhà máy …"), not a state
# of affairs ("dự án chậm tiến độ tại huyện X").
WORK_WORD_RE = re.compile(
    r"(?<![\w])(?:xây\s+dựng|nâng\s+cấp|cải\s+tạo|mở\s+rộng|nạo\s+vét|chỉnh\s+trang|khu|nhà\s+máy|trung\s+tâm|thành\s+phố|đường"
    r"|cầu|hồ|kè|đập|trường|bệnh\s+viện|điện|cấp\s+nước|thoát\s+nước|xử\s+lý|hạ\s+tầng|cảng|chợ)(?![\w])",
    re.IGNORECASE,
)

# Capitalised words that start the name of an agency or a firm, not of a work …
AGENCY_GUARD = (r"Sở|Bộ|Ban|Ủy|Uỷ|UBND|HĐND|Đảng|Cục|Phòng|Viện|Trung\s+ương|Nhà\s+nước|Chính\s+phủ|Thủ\s+tướng"
                r"|Thủ\s+trưởng|Quốc\s+hội|Công\s+an|Chi\s+cục|Kho\s+bạc|Ngân\s+hàng|Văn\s+phòng|Hội\s+đồng|Mặt\s+trận"
                r"|Tỉnh\s+[uủ]y|Thành\s+[uủ]y|Huyện\s+[uủ]y|Tổng\s+cục|Tập\s+đoàn|Công\s+ty|Tổng\s+công\s+ty|Chủ\s+tịch"
                r"|Giám\s+đốc|Lãnh\s+đạo|Nhân\s+dân|Thường\s+trực|Thường\s+vụ")
AGENCY_GUARD_RE = re.compile(rf"(?:{AGENCY_GUARD})(?![\w])")
# … or of a document (a name after a head; an enumeration item may be a programme).
GUARD_RE = re.compile(
    rf"(?:{AGENCY_GUARD}|Luật|Nghị\s+quyết|Nghị\s+định|Quyết\s+định|Chỉ\s+thị|Thông\s+tư|Đề\s+án|Chương\s+trình"
    r"|Kế\s+hoạch|Quy\s+hoạch|Công\s+văn|Thông\s+báo|Kết\s+luận)(?![\w])"
)
# School types after "Trường" ("Trường THPT Trần Phú", "Trường Tiểu học Kim Đồng").
SCHOOL_TYPE_RE = re.compile(
    r"[ \t]+(?:THPT|THCS|TH|MN|MG|PTDTNT|PTDTBT|PTCS|TCN|CĐN|CĐ|ĐH|Tiểu\s+học|Trung\s+học(?:\s+cơ\s+sở|\s+phổ\s+thông)?"
    r"|Mầm\s+non|Mẫu\s+giáo|Đại\s+học|Cao\s+đẳng|Trung\s+cấp|Phổ\s+thông(?:\s+[Dd]ân\s+tộc\s+(?:nội|bán)\s+trú)?"
    r"|Dân\s+tộc\s+(?:nội|bán)\s+trú|Chính\s+trị|Năng\s+khiếu|Chuyên)(?![\w])"
)

# After a name: "mở rộng", "giai đoạn 2", and a route in parentheses "(đoạn … )", "(từ … đến …)".
MODIFIER_RE = re.compile(r"(?:[ \t]+(?:mở\s+rộng|giai\s+đoạn\s+(?:\d{1,2}|[IVX]+)|(?:phân\s+)?khu\s+[A-Z\d]+|cơ\s+sở\s+\d{1,2})(?![\w]))+")
# Route names: proper names of places, codes and kilometre posts ("Km0", "Quốc lộ 1A"), a lowercase
# syllable inside only before a capital or a number ("Quốc lộ 7C", "Thủ đô Hà Nội").
_NAME = (rf"(?:Km[ \t]*\d+(?:\+\d+)?|[{UPPER}][^\W\d_]*|\d+[A-Z]?)"
         rf"(?:[ \t]+(?:Km[ \t]*\d+(?:\+\d+)?|[{UPPER}][^\W\d_]*|\d+[A-Za-z]?|[{LOWER}]+(?=[ \t]+(?:[{UPPER}]|\d))))*")
# An end point: a few lowercase words then a name ("giao Quốc lộ 1A", "thị xã Đông Triều", "đường
# cao tốc Hạ Long - Hải Phòng", "cảng Quy Nhơn").
_ENDPOINT = rf"(?:[{LOWER}]+[ \t]+){{0,3}}?{_NAME}(?:[ \t]*[-–][ \t]*{_NAME})?"
_PLACE = r"(?:tỉnh|huyện|xã|thị[ \t]+trấn|thành[ \t]+phố|quận|thị[ \t]+xã|phường)"
# A segment of a road named with it: "đoạn từ Km0 đến Km36", "đoạn qua thị trấn Liên Nghĩa",
# "đoạn Diễn Châu - Bãi Vọt", "đoạn từ cảng Quy Nhơn đến giao Quốc lộ 1A".  Its end points are part
# of the name, not projects of their own.
SEGMENT_RE = re.compile(
    rf"[ \t]+đoạn[ \t]+(?:từ[ \t]+{_ENDPOINT}[ \t]+(?:đến|tới)[ \t]+{_ENDPOINT}"
    rf"|qua[ \t]+(?:địa[ \t]+bàn[ \t]+)?{_PLACE}[ \t]+{_NAME}|{_NAME}[ \t]*[-–][ \t]*{_NAME})"
)
# A road or a junction named by what it connects: "đường giao thông nối Quốc lộ 7C đi Quốc lộ 48E",
# "đường ven sông kết nối từ đường cao tốc Hạ Long - Hải Phòng đến thị xã Đông Triều", "nút giao kết
# nối cao tốc Vân Đồn - Móng Cái với Quốc lộ 18".
CONNECTION_RE = re.compile(
    rf"(?:[ \t]+[{LOWER}]+){{0,3}}?[ \t]+(?:kết[ \t]+)?nối[ \t]+(?:từ[ \t]+)?{_ENDPOINT}[ \t]+(?:đến|với|đi|tới)[ \t]+{_ENDPOINT}"
)
# Another name of the road in parentheses: "đường ven biển (ĐT.639)".
ALIAS_PAREN_RE = re.compile(r"[ \t]*\((?:QL|ĐT|TL|ĐH|Quốc\s+lộ|Tỉnh\s+lộ|Đường\s+tỉnh)[ \t]*\.?[ \t]*\d{1,3}[A-Z]?\)")
ROUTE_PAREN_RE = re.compile(
    rf"[ \t]*\((?:(?:đoạn|từ|giai\s+đoạn|tuyến|phân\s+kỳ|cơ\s+sở|hạng\s+mục|mở\s+rộng)\b[^()\n]{{1,120}}"
    rf"|{_NAME}[ \t]*[-–][ \t]*{_NAME})\)"
)
# Kinds whose names may carry a segment, a connection, an alias.
ROUTE_KINDS = frozenset({"road", "railway", "bridge"})
# A hospital or health centre addressed as an agency ("- Trung tâm Y tế huyện chủ động phòng, chống
# dịch"; "6. Phòng Giáo dục và Đào tạo, Trung tâm Y tế huyện"; "giao Bệnh viện Đa khoa tỉnh …") is
# an assignee, not a project.
ASSIGNEE_AFTER_RE = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:chủ\s+trì|chủ\s+động|phối\s+hợp|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|tham\s+mưu|báo\s+cáo"
    r"|tổ\s+chức\s+thực\s+hiện|thực\s+hiện\s+nghiêm|triển\s+khai\s+thực\s+hiện|khẩn\s+trương|tăng\s+cường|theo\s+dõi|:)"
)
ASSIGNEE_BEFORE_RE = re.compile(r"(?<![\w])(?:giao|đề\s+nghị|yêu\s+cầu|phối\s+hợp\s+với|chỉ\s+đạo)\s*$", re.IGNORECASE)
CLAUSE_OPEN_RE = re.compile(r"(?:^|[;.:]|^[ \t]*(?:[-+•]|\d+(?:\.\d+)*\.|[a-zđ]\)))[ \t]*(?:[-+•][ \t]*)?$", re.MULTILINE)

# Shared-head continuation: ", Bình Tân", " và Bình Tân".
SIBLING_SEP_RE = re.compile(r"[ \t]*(?:,|và)[ \t]*")
COLON_LIST_RE = re.compile(r"[ \t]*:[ \t]*")
PAREN_LIST_OPEN_RE = re.compile(r"[ \t]*\([ \t]*")
PAREN_LIST_SEP_RE = re.compile(r"[ \t]*,[ \t]*")
PAREN_LIST_CLOSE_RE = re.compile(r"[ \t]*\)")
LEVEL_RE = re.compile(r"\btuyến\s+(huyện|tỉnh|xã|trung\s+ương)\b", re.IGNORECASE)

# "quận Cầu Giấy", "phường Bến Cảng": a place named after a work.
PLACE_BEFORE_RE = re.compile(r"(?<![\w])(?:quận|huyện|xã|phường|thị\s+trấn|thị\s+xã|thành\s+phố|tỉnh|thôn|ấp|bản|khu\s+phố)\s*$",
                             re.IGNORECASE)
PLURAL_BEFORE_RE = re.compile(r"(?<![\w])(?:các|những|một\s+số|nhiều|mọi|từng)\s*$", re.IGNORECASE)
MANAGEMENT_BEFORE_RE = re.compile(r"(?<![\w])(?:Ban\s+)?[Qq]uản\s+lý\s*(?:các\s+)?$")
# A work named as the end point of a connection is a reference point, not a project.
ENDPOINT_BEFORE_RE = re.compile(r"(?<![\w])(?:từ|đến|đi|tới|nối)\s*$", re.IGNORECASE)
CONNECT_RE = re.compile(r"(?<![\w])kết\s+nối(?![\w])", re.IGNORECASE)

QUOTED_NAME_RE = re.compile(r"[ \t]*[“\"]([^”\"\n]{5,200})[”\"]")

# --------------------------------------------------------------------------- enumerations

# "… các dự án … như: X; Y; Z." — an enumeration introduced by a project noun.
LIST_INTRO_RE = re.compile(r"(?<![\w])(?:như|gồm|bao\s+gồm|sau|sau\s+đây)\s*$")  # before each colon (lower-cased text)
PROJECT_NOUN_RE = re.compile(
    r"(?<![\w])(?:dự\s+án|công\s+trình|khu\s+công\s+nghiệp|KCN|cụm\s+công\s+nghiệp|CCN|tuyến\s+đường|tuyến\s+giao\s+thông)(?![\w])",
    re.IGNORECASE,
)
# The end of an enumeration: a line break, or a sentence end before a capital.
LIST_END_RE = re.compile(rf"\n|(?:…|\.\.\.|\.)+(?=\s+[{UPPER}]|\s*$)|(?:…|\.\.\.)")
LIST_ITEM_STRIP_RE = re.compile(r"^(?:và|hoặc)\s+|(?:[\s.…]|v\.v)+$", re.IGNORECASE)
LIST_ITEM_TAIL_RE = re.compile(r"\s+(?:và|cùng)\s+(?:một\s+số|các|nhiều|những)\b.*$", re.IGNORECASE)
# Nouns of documents and policies: an enumeration mentioning them may list programmes, not works.
DOCUMENT_NOUN_RE = re.compile(r"(?<![\w])(?:đề\s+án|chương\s+trình|kế\s+hoạch|nghị\s+quyết|chính\s+sách|quy\s+hoạch|chiến\s+lược)(?![\w])",
                              re.IGNORECASE)
DOCUMENT_START_RE = re.compile(r"(?:Đề\s+án|Chương\s+trình|Kế\s+hoạch|Chiến\s+lược|Quy\s+hoạch)(?![\w])")
# Items that are always documents or papers, never works.
PAPER_START_RE = re.compile(r"(?:Nghị\s+quyết|Nghị\s+định|Quyết\s+định|Chỉ\s+thị|Thông\s+tư|Luật|Công\s+văn|Tờ\s+trình|Báo\s+cáo"
                            r"|Thông\s+báo|Kết\s+luận|Văn\s+bản|Hồ\s+sơ)(?![\w])", re.IGNORECASE)
COUNT_BEFORE_RE = re.compile(r"\d\s*$")
GENERIC_ITEM_RE = re.compile(r"^(?:các|những|một\s+số)\s+\S+(?:\s+\S+)?\s+(?:khác|còn\s+lại)$", re.IGNORECASE)
