"""Grammar of documents referred to by name only (no number).

    HEAD [NAME WORDS …] [(ACRONYM)] [năm YYYY | giai đoạn YYYY - YYYY | thời kỳ …, tầm nhìn đến năm YYYY]

Heads and the kind they give (gold schema ``named_references[].kind``):

    law        Luật, Bộ luật, Hiến pháp, Pháp lệnh
    plan       Quy hoạch, Kế hoạch, Phương án
    programme  Chương trình
    scheme     Đề án
    strategy   Chiến lược
    other      Nghị quyết Đại hội … (Party congresses), Nghị quyết của <body> về …,
               Nghị quyết quy định …, Hiệp định, Công ước, Quy chế

A name runs on over nouns, proper names, years and periods; it stops at a function word
(theo, để, được, đã …), at a clause verb once the name has begun (triển khai, tăng cường …), at
punctuation ending a phrase, after a year or period (unless "tầm nhìn …" follows) and at another
head.  Heads are matched case-insensitively but with their tone marks (a tone-blind "Hiến pháp"
would match "thực hiện pháp luật").
"""
from __future__ import annotations

import re

from .citations import TYPE_WORD_RX, TYPE_WORD_RX_REV, vi_words
from .common import UPPER, by_first_letter


def _ci(phrase: str) -> str:
    """Case-insensitive (tone-sensitive) regex for a phrase; spaces match whitespace runs."""
    return r"\s+".join(f"(?i:{re.escape(w)})" for w in phrase.split())


HEADS = {
    "Bộ luật": "law", "Luật": "law", "Hiến pháp": "law", "Pháp lệnh": "law",
    "Quy hoạch": "plan", "Kế hoạch": "plan", "Phương án": "plan",
    "Chương trình": "programme", "Đề án": "scheme", "Chiến lược": "strategy",
    "Hiệp định": "other", "Công ước": "other", "Quy chế": "other", "Nghị quyết": "other",
}
_HEAD_ORDER = sorted(HEADS, key=len, reverse=True)
HEAD_WORDS_RX = "|".join(_ci(h) for h in _HEAD_ORDER)
_HEAD_FIRST = "".join(sorted({c for h in HEADS for c in (h[0].lower(), h[0].upper())}))
HEAD_RE = re.compile(r"(?=[" + _HEAD_FIRST + r"])(?<![\w])(?P<head>" + HEAD_WORDS_RX + r")(?![\w])")
HEAD_FIRST_WORDS = {h.split()[0].lower() for h in HEADS}
# The heads in lower case, for a first scan of the lower-cased text (plain literals: several times
# faster than HEAD_RE's case-insensitive groups); HEAD_RE.match confirms each hit on the text.
HEAD_LOWER_RE = re.compile(by_first_letter(re.escape(h.lower()).replace(r"\ ", r"\s+") for h in _HEAD_ORDER))

# function words that always end a name
STOP_WORDS = {
    "theo", "để", "nhằm", "được", "đã", "đang", "sẽ", "phải", "là", "có", "khi", "thì", "mà", "nếu", "vì", "nên",
    "hoặc", "hay", "bằng", "tại", "ngày", "như", "này", "đó", "những", "cho", "với", "trong", "từ", "trên", "dưới",
    "sau", "trước", "thuộc", "gồm", "đạt", "tạo", "giúp", "của", "và", "các", "đối", "cùng",
    "sớm", "cần", "hơn", "chưa", "không", "rất", "đều", "vẫn", "còn", "chịu", "gửi", "nộp",
}
# clause verbs that end a name once it has begun
STOP_PHRASES = [
    "triển khai", "thực hiện", "hoàn thành", "hoàn thiện", "rà soát", "tham mưu", "chủ động", "chủ trì", "đẩy mạnh",
    "đẩy nhanh", "tăng cường", "kiểm tra", "đôn đốc", "phê duyệt", "ban hành", "trình", "điều chỉnh", "đề xuất",
    "nghiên cứu", "khẩn trương", "quyết liệt", "tập trung", "tiếp tục", "phù hợp", "đảm bảo", "bảo đảm",
    "góp phần", "đáp ứng", "làm cơ sở", "làm căn cứ", "làm tiền đề", "làm rõ", "tổ chức", "cụ thể", "chi tiết", "kèm theo", "đề ra", "sửa đổi", "lập", "giao",
    "phân công", "bố trí", "xử lý", "giải quyết", "thúc đẩy", "phấn đấu", "huy động", "ưu tiên",
    "đồng thời", "nhất là", "kể từ", "căn cứ", "kịp thời",
]
STOP_FIRST_WORDS = {p.split()[0].rstrip(",").lower() for p in STOP_PHRASES}
STOP_PHRASE_RE = re.compile(r"(?:" + "|".join(_ci(p) for p in sorted(STOP_PHRASES, key=len, reverse=True)) + r")(?![\w])")
# after a stop word the name may still go on in these fixed phrases
CONTINUE_PHRASES = [
    "trên địa bàn", "cho vay", "cho đối tượng", "ứng phó với", "gắn với", "trong vùng", "trong trung học",
    "trong nước", "trong giáo dục", "đến năm", "theo hướng", "sửa đổi, bổ sung", "phòng, chống", "làm việc",
    "với các", "các tháng", "các huyện", "các xã", "các khu", "các cụm", "các đô thị", "các nhà", "các doanh nghiệp",
    "giữa các", "tại nguồn", "tại tỉnh", "tại chỗ", "đồng bào", "từng bước", "việc làm",
]
CONTINUE_FIRST_WORDS = {p.split()[0].rstrip(",").lower() for p in CONTINUE_PHRASES}
CONTINUE_RE = re.compile(r"(?:" + "|".join(_ci(p) for p in sorted(CONTINUE_PHRASES, key=len, reverse=True)) + r")(?![\w])")
# after a year or a period a name goes on only with these
AFTER_YEAR_RE = re.compile(r"[ \t]*,?[ \t]*(?:" + "|".join(_ci(p) for p in (
    "tầm nhìn", "định hướng", "đến năm", "và định hướng", "và tầm nhìn", "trên địa bàn", "nhiệm kỳ")) + r")(?![\w])")
YEAR_TOKEN_RE = re.compile(r"^\(?(?:19|20)\d\d\)?(?:\s*-\s*(?:19|20)\d\d\)?)?$|^(?:19|20)\d\d-(?:19|20)\d\d\)?$")
UNIT_WORDS = {"nghìn", "ngàn", "triệu", "tỷ", "tấn", "ha", "km", "căn", "người", "hộ", "xã"}
CAMPAIGN_RE = re.compile(r"\s*(?:" + "|".join(_ci(p) for p in (
    "thực hiện phong trào", "phong trào", "cuộc vận động", "thực hiện cuộc vận động")) + r")(?![\w])")

PLURAL_BEFORE = re.compile(r"(?:(?<![\w])(?:" + "|".join(_ci(w) for w in ("các", "những", "mọi", "từng", "một số", "nhiều"))
                           + r")|(?:" + HEAD_WORDS_RX + "|" + TYPE_WORD_RX + r")\s*,)\s+$")

def _ci_rev(phrase: str) -> str:
    """``_ci`` of the phrase read backwards (for matching the reversed text)."""
    return r"\s+".join(f"(?i:{re.escape(w[::-1])})" for w in reversed(phrase.split()))


# PLURAL_BEFORE's list case ("Kế hoạch, Chương trình …": a head or type word, then a comma, ending
# the text before a head), on the reversed text: one match instead of a search
PLURAL_COMMA_REV = re.compile(r"\s+,\s*(?:" + "|".join(_ci_rev(h) for h in _HEAD_ORDER) + "|" + TYPE_WORD_RX_REV + ")")
PRE_WORD_NOT_LAW = re.compile(r"(?:(?<![\w])(?i:pháp|kỷ|vi|luật))\s+$")
# a number with a symbol soon after the head: a numbered document ("Chương trình hành động số 02/CTr-UBND")
NUMBER_SOON_RE = re.compile(r"[^\n,;.()]{0,24}?(?<![\w])(?:[sS][ốo][ \t]*:?[ \t]*)?\d{1,5}[ \t]*[/-][ \t]*\d{0,4}/?[ \t]*[A-ZĐ]")
PLURAL_WORDS = {"các", "những", "mọi", "từng", "nhiều"}
YEAR_OR_PERIOD = re.compile(r"(?:19|20)\d\d|" + "|".join(_ci(w) for w in ("giai đoạn", "thời kỳ", "nhiệm kỳ", "đến năm")))
PLACE_IN_NAME = re.compile(r"(?<![\w])(?:" + "|".join(_ci(w) for w in ("tỉnh", "thành phố", "huyện", "thị xã", "quốc gia",
                                                                     "toàn quốc", "địa bàn")) + r")(?![\w])")
PROPER_PLACE = re.compile(rf"(?<![\w])(?:{_ci('tỉnh')}|{_ci('thành phố')}|{_ci('huyện')}|{_ci('thị xã')}|{_ci('đô thị')})\s+[{UPPER}]")
PARTY_CONGRESS_RE = re.compile(
    rf"{vi_words('Nghị quyết')}\s+(?:(?:{_ci('Đại hội')}|{_ci('hội')}|{_ci('đại biểu')}|{_ci('Đảng')}|{_ci('bộ')}|"
    rf"{_ci('toàn quốc')}|{_ci('tỉnh')}|{_ci('thành phố')}|{_ci('lần thứ')})\s+){{1,8}}"
    rf"(?P<num>[IVXLC]+)\b(?:\s+{_ci('của')}\s+(?:{_ci('Đảng')}|{_ci('tỉnh')}))?"
    rf"(?:,\s*{_ci('nhiệm kỳ')}\s+\d{{4}}\s*-\s*\d{{4}})?"
)
RESOLUTION_OF_RE = re.compile(
    rf"{_ci('Nghị quyết')}\s+(?:{_ci('của')}\s+(?P<who>[^\s,;.]+(?:\s+[^\s,;.]+){{0,5}}?)\s+{_ci('về')}|{_ci('quy định')})\s"
)
ACRONYM_PAREN = re.compile(r"\s*\((?:[A-ZĐ][A-Za-zĐ0-9&\-]{1,15}|\d{4}\s*-\s*\d{4}|" + _ci("sửa đổi, bổ sung") + r")\)")
QUOTED_RE = re.compile(r"\s*[“\"]\s*(?P<q>[^”\"\n]{3,250}?)\s*[”\"]")
LAW_SHARED_RE = re.compile(r",\s*(?P<w>[a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){0,2}?)(?=\s+(?:" + _ci("và") + r"|" + _ci("các") + r")\s|[.;,])")
DISTRICT_TAIL_RE = re.compile(rf"{_ci('các')}\s+(?:{_ci('huyện')}|{_ci('thị xã')}|{_ci('thành phố')}|{_ci('xã')}|{_ci('tỉnh')}|{_ci('đô thị')})\s+"
                              rf"[{UPPER}][^,;.()\n]*(?:,\s*[{UPPER}][^,;.()\n]*)*$")
PARTY_LEVEL_RE = re.compile(rf"{_ci('tỉnh')}|{_ci('thành phố')}|{_ci('bộ')}")
DISTRICT_LIST_RE = re.compile(
    rf"{_ci('các')}\s+(?P<unit>{_ci('huyện')}|{_ci('thị xã')}|{_ci('thành phố')}|{_ci('xã')}|{_ci('tỉnh')})\s+"
    rf"(?P<items>[{UPPER}]\w*(?:\s+[{UPPER}]\w*)*(?:\s*(?:,|{_ci('và')})\s*[{UPPER}]\w*(?:\s+[{UPPER}]\w*)*)+)"
)
ISSUER_WORDS = re.compile(
    rf"(?:UBND|HĐND|{_ci('Ủy ban nhân dân')}|{_ci('Hội đồng nhân dân')}|{_ci('Tỉnh ủy')}|{_ci('Thành ủy')}|"
    rf"{_ci('Ban')}\s+[{UPPER}]|BCH|{_ci('Chính phủ')}|{_ci('Quốc hội')}|{_ci('Đảng')}|{_ci('Thủ tướng')}|"
    rf"{_ci('Bộ')}\s+[{UPPER}]|{_ci('Trung ương')})"
)
ALIAS_DEF_RE = re.compile(
    rf"\s*\(\s*{vi_words('sau đây')}\s+(?:{vi_words('gọi tắt')}|{vi_words('viết tắt')}|{vi_words('gọi')})\s+(?:{vi_words('là')}\s*)?:?\s*"
    r"[“\"']?(?P<alias>[^)“”\"'\n]{2,80}?)[”\"']?\s*\)"
)
def _alt(*phrases: str) -> str:
    return "(?:" + "|".join(_ci(w) for w in phrases) + ")"


# what stands between an implementing verb and the documents it carries out
IMPL_GAP_RE = re.compile(
    r"^[\s,;]*(?:" + _alt("và", "cùng") + r"\s+)?"
    r"(?:" + _alt("có hiệu quả", "hiệu quả", "thắng lợi", "nghiêm túc", "nghiêm", "tốt", "đồng bộ", "quyết liệt") + r"[\s,]+)*"
    r"(?:" + _ci("các") + r"\s+)?"
    r"(?:" + _alt("mục tiêu, nhiệm vụ", "nhiệm vụ, giải pháp", "mục tiêu", "nhiệm vụ", "chỉ tiêu") + r"\s+"
    r"(?:" + _alt("đã đề ra", "đề ra", "đã nêu") + r"\s+)?" + _alt("tại", "trong", "của") + r"\s+)?$"
)
