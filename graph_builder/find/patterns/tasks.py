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
#
# Every deadline date and every period ends in a year, so both are read *backwards* from a year
# (``YEAR_RE``): the two patterns below run on the folded text (``fold_text``: lower case, no
# tone marks) of the words just before the year, and are anchored at its end.

# "(hoàn thành|gửi|trình|…) trước ngày 10 tháng 10 năm " / "chậm nhất (là|vào) (ngày) 05/02/"
DEADLINE_BEFORE_YEAR_RE = re.compile(
    r"(?:(?:hoan thanh|hoan thien|gui|trinh|ban hanh|bao cao|xong|nop|thuc hien xong)\s+)?"
    r"(?:truoc|cham nhat|khong muon hon|khong cham hon|han chot|han cuoi|trong ngay|xong truoc)"
    r"(?:\s+(?:la|vao|truoc))?\s+(?:ngay\s+)?"
    r"(?:(?P<vd>\d{1,2})\s+thang\s+(?P<vm>\d{1,2})\s+nam\s+|(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?)$"
)
# Periods: "trong năm ", "(trong) Quý III/", "ngay đầu quý I năm ", "trước tháng 6/", "6 tháng đầu năm "
PERIOD_BEFORE_YEAR_RE = re.compile(
    r"(?:(?:hoan thanh|ban hanh|xong)\s+)?"
    r"(?:(?:ngay trong|ngay tu đau|ngay đau|trong thoi gian|trong|truoc|cham nhat|đen het|đen cuoi|đau|cuoi|tu đau|het)\s+"
    r"(?:(?:6|9|sau|chin)\s+thang\s+(?:đau|cuoi)\s+nam\s+|quy\s+(?:[ivx]{1,3}|[1-4])\s*(?:/\s*|\s+nam\s+)"
    r"|thang\s+\d{1,2}\s*(?:/\s*|\s+nam\s+)|nam\s+)"
    r"|quy\s+(?:[ivx]{1,3}|[1-4])\s*(?:/\s*|\s+nam\s+))$"
)
# Years (a character class first, so that the engine skips ahead fast).
YEAR_RE = re.compile(r"[12][09]\d\d(?<!\d[12][09]\d\d)(?!\d)")

# ------------------------------------------------------------------------------ task tables
#
# Plans often list their tasks in a table (rows are lines with cells separated by "|"):
#   | TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
# The header cells are recognised on folded text.
TABLE_LEAD_RE = re.compile(r"chu\s*tri")
TABLE_SUPPORT_RE = re.compile(r"phoi\s*hop")
TABLE_TASK_RE = re.compile(r"nhiem\s*vu|noi\s*dung|cong\s*viec|đe\s*an|giai\s*phap|hoat\s*đong|chuong\s*trinh")
TABLE_TIME_RE = re.compile(r"thoi\s*gian|thoi\s*han|tien\s*đo|hoan\s*thanh|thoi\s*điem")
# A date in a table cell, read backwards from its year (folded text).
CELL_DATE_BEFORE_YEAR_RE = re.compile(
    r"(?:(?P<vd>\d{1,2})\s+thang\s+(?P<vm>\d{1,2})\s+nam\s+|(?P<d>\d{1,2})\s?[/.\-]\s?(?P<m>\d{1,2})\s?[/.\-]\s?)$"
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
# A verb inside the description of another document ("Kết luận số 91-KL/TW … về tiếp tục thực
# hiện Nghị quyết số 29-NQ/TW") is not the task's own.
DESCRIPTION_BEFORE_VERB_RE = re.compile(vi_alt(["về", "về việc", "việc"]) + r"(?:\s+" + vi_alt(["tiếp tục", "đẩy mạnh", "tăng cường"]) + r")?\s+$")
# Sections that report results: their sentences are not tasks ("I. KẾT QUẢ THỰC HIỆN NĂM 2023").
RESULTS_HEADING_RE = re.compile(r"^(?:" + vi_alt(["kết quả", "tình hình", "đánh giá", "thực trạng"]) + r")")
# A list separator before the next cited document of the same list.
CHAIN_SEP_RE = re.compile(r"(?:[,;]|\s" + vi("và") + r"|\s" + vi("cùng") + r")\s*$")
# Words that end the reach of an implementing verb (the next citation is read in another role).
CHAIN_BREAK_RE = re.compile(vi_alt(["theo", "tại", "căn cứ", "phê duyệt", "ban hành kèm theo", "quy định tại",
                                    "hướng dẫn tại", "được", "đã"]) + r"\s*$")

# A sentence that is only a note ("(Chi tiết tại Phụ lục I)", "(có phụ lục kèm theo)").
NOTE_ONLY_RE = re.compile(r"[\s*_]*\([^()]*\)[\s.*_]*$")


# Sentences that name agencies without giving them a task: the attendance of a meeting ("Tham dự cuộc
# họp có lãnh đạo các Sở: …", "Thành phần: …"), and accountability ("Chủ tịch UBND các địa phương chịu
# trách nhiệm trước Chủ tịch UBND tỉnh nếu …").
ATTENDANCE_RE = re.compile(
    vi_alt(["Tham dự", "Dự họp", "Thành phần tham dự", "Thành phần dự họp", "Thành phần"])
    + r"(?:\s+(?:" + vi_alt(["cuộc họp", "hội nghị", "buổi làm việc", "buổi họp"]) + r"))?\s*(?:"
    + vi_alt(["có", "gồm", "gồm có"]) + r"|:)"
)
ACCOUNTABLE_RE = re.compile(r"\s*(?:" + vi_alt(["phải", "sẽ"]) + r"\s+)?" + vi_alt(["chịu trách nhiệm trước"]))

# The addressee block of a letter or telegram ("Kính gửi: …", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:")
# and its dash items: whom the text is sent to, not who is given a task.
ADDRESSEE_BLOCK_RE = re.compile(vi("Kính gửi") + r"\s*:?|[^\n]{0,80}?\s" + vi("điện") + r"\s*:\s*$")
