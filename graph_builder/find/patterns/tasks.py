"""Grammar of tasks: deadlines, vague periods, and the verbs by which a task carries out a
cited document.

Deadlines.  Only a stated calendar date is a deadline date ("hoàn thành trước ngày 10 tháng 10
năm 2024", "trước ngày 05/02/2025", "chậm nhất ngày 30/6/2025"); quarters, months and years
("trong năm 2024", "Quý III/2024", "ngay đầu quý I năm 2024", "trước ngày 20 hàng tháng") are
periods and are kept as text only.

Implementation.  "Triển khai thực hiện Nghị quyết số 57-NQ/TW …", "Thực hiện nghiêm Kết luận
số 84-KL/TW …", "Quán triệt, cụ thể hóa … các nhiệm vụ, giải pháp tại Nghị quyết số …": a verb
of carrying out, then (optionally) manner adverbs and "the tasks / solutions of", then the
cited document.  "theo Kế hoạch số …" (according to), "phê duyệt tại Quyết định số …" (approved
by) are references, not implementation.
"""
from __future__ import annotations

import re

from .agencies import vi, vi_alt

# ------------------------------------------------------------------------------ deadlines

_NUM_DATE = r"(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?(?P<y>(?:19|20)\d{2})(?!\d)"
_VERB_DATE = r"(?P<vd>\d{1,2})\s+" + vi("tháng") + r"\s+(?P<vm>\d{1,2})\s+" + vi("năm") + r"\s+(?P<vy>(?:19|20)\d{2})(?!\d)"

# "(hoàn thành|gửi|trình|…) trước ngày <date>", "chậm nhất (là|vào) (ngày) <date>", "hạn chót …"
DEADLINE_RE = re.compile(
    r"(?:" + vi_alt(["hoàn thành", "hoàn thiện", "gửi", "trình", "ban hành", "báo cáo", "xong", "nộp", "thực hiện xong"])
    + r"\s+)?"
    r"(?:" + vi_alt(["trước", "chậm nhất", "không muộn hơn", "không chậm hơn", "hạn chót", "hạn cuối", "trong ngày",
                     "xong trước", "trước hoặc trong ngày"]) + r")"
    r"(?:\s+" + vi_alt(["là", "vào", "trước"]) + r")?"
    r"\s+(?:" + vi("ngày") + r"\s+)?(?:" + _VERB_DATE + r"|" + _NUM_DATE + r")"
)

# Periods: "trong năm 2024", "(trong) Quý III/2024", "ngay đầu quý I năm 2024", "trước tháng 6/2025",
# "trong tháng 10 năm 2024", "6 tháng đầu năm 2025", "trước ngày 20 hàng tháng".
_QUARTER = vi("quý") + r"\s+(?:[IV]{1,3}|[1-4])(?:\s*/\s*(?:19|20)\d{2}|\s+" + vi("năm") + r"\s+(?:19|20)\d{2})?"
_MONTH = vi("tháng") + r"\s+\d{1,2}(?:\s*/\s*(?:19|20)\d{2}|\s+" + vi("năm") + r"\s+(?:19|20)\d{2})"
_YEAR = vi("năm") + r"\s+(?:19|20)\d{2}"
_HALF = r"(?:6|sáu|9|chín)\s+" + vi("tháng") + r"\s+(?:" + vi("đầu") + r"|" + vi("cuối") + r")\s+" + vi("năm") + r"(?:\s+(?:19|20)\d{2})?"
PERIOD_RE = re.compile(
    r"(?:" + vi_alt(["hoàn thành", "ban hành", "xong", "triển khai"]) + r"\s+)?"
    r"(?:" + vi_alt(["ngay trong", "ngay từ đầu", "ngay đầu", "trong", "trước", "chậm nhất", "đến hết", "đầu", "cuối",
                     "từ đầu", "trong thời gian", "hết"]) + r"\s+)"
    r"(?:" + _HALF + r"|" + _QUARTER + r"|" + _MONTH + r"|" + _YEAR + r"|"
    + vi("ngày") + r"\s+\d{1,2}\s+" + vi_alt(["hàng tháng", "hằng tháng", "hàng quý", "hằng quý"]) + r")"
    r"|(?<!\w)" + _QUARTER + r"(?=\s*[(.;,]|\s*$)"
)

# ------------------------------------------------------------------------------ implementation

# Verbs of carrying out a document.
IMPLEMENT_VERB_RE = re.compile(vi_alt([
    "thực hiện", "triển khai", "triển khai thực hiện", "tổ chức thực hiện", "tổ chức triển khai", "quán triệt",
    "cụ thể hóa", "cụ thể hoá", "thi hành", "chấp hành", "hoàn thành", "bám sát",
]))
# Between the verb and the cited document: manner words, then optionally "the tasks / solutions
# (stated) in / of".
IMPLEMENT_GAP_RE = re.compile(
    r"(?:\s*(?:,|" + vi_alt([
        "có hiệu quả", "hiệu quả", "nghiêm túc", "nghiêm", "quyết liệt", "đồng bộ", "kịp thời", "tốt", "đầy đủ",
        "toàn diện", "thắng lợi", "nhanh", "thực chất", "sâu rộng", "thống nhất", "triệt để", "và", "tiếp tục",
        "thực hiện", "triển khai", "cụ thể hóa", "cụ thể hoá", "tổ chức", "quán triệt", "hiệu lực",
    ]) + r"))*\s*"
    r"(?:(?:" + vi_alt(["các", "những", "toàn bộ"]) + r"\s+)?"
    r"(?:" + vi_alt(["nhiệm vụ", "giải pháp", "nội dung", "mục tiêu", "chỉ tiêu", "chủ trương", "yêu cầu", "kết luận",
                     "chỉ đạo", "quy định", "nhiệm vụ, giải pháp", "mục tiêu, nhiệm vụ", "chính sách"]) + r")"
    r"(?:\s*,\s*(?:" + vi_alt(["nhiệm vụ", "giải pháp", "mục tiêu", "chỉ tiêu", "nội dung"]) + r"))*"
    r"(?:\s+" + vi_alt(["chủ yếu", "trọng tâm", "trọng điểm", "cụ thể", "đột phá"]) + r")?"
    r"(?:\s+" + vi_alt(["đã nêu", "được giao", "đã được giao", "đề ra", "đã đề ra", "nêu", "được nêu", "đã được nêu",
                        "được xác định"]) + r")?"
    r"\s+" + vi_alt(["tại", "trong", "của", "theo"]) + r"\s*)?$"
)
# A list separator before the next cited document of the same list.
CHAIN_SEP_RE = re.compile(r"(?:[,;]|\s" + vi("và") + r"|\s" + vi("cùng") + r")\s*$")
# Words that end the reach of an implementing verb (the next citation is read in another role).
CHAIN_BREAK_RE = re.compile(vi_alt(["theo", "tại", "căn cứ", "phê duyệt", "ban hành kèm theo", "quy định tại",
                                    "hướng dẫn tại", "được", "đã"]) + r"\s*$")

# A sentence that is only a note ("(Chi tiết tại Phụ lục I)", "(có phụ lục kèm theo)").
NOTE_ONLY_RE = re.compile(r"[\s*_]*\([^()]*\)[\s.*_]*$")
