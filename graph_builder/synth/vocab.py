"""Vocabulary of the synthetic corpus: provinces, agencies, issuers, subjects, filler sentences,
indicators, project and named-reference parts.

Written from the grammar of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP on
document form, the normative numbering of the Law on legal documents, Party numbering), not
from any one document.  Everything is NFC.
"""
from __future__ import annotations

import unicodedata


def _nfc(x):
    if isinstance(x, str):
        return unicodedata.normalize("NFC", x)
    if isinstance(x, tuple):
        return tuple(_nfc(v) for v in x)
    if isinstance(x, list):
        return [_nfc(v) for v in x]
    if isinstance(x, dict):
        return {_nfc(k): _nfc(v) for k, v in x.items()}
    return x


# ------------------------------------------------------------------------------ provinces
# The 63 provincial units before the 2025 merger.  Centrally governed cities say "thành phố"
# (UBND thành phố, HĐND thành phố, Thành ủy) where provinces say "tỉnh".
CITIES = _nfc(["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"])
PROVINCES = _nfc(CITIES + [
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
    "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk",
    "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh",
    "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
])
assert len(PROVINCES) == 63

# The unit in which a province is written in running text.
def unit(province: str) -> str:
    return "thành phố" if province in CITIES else "tỉnh"


# How the province's own districts are addressed collectively (canonical, as in the gold).
DISTRICTS_COLLECTIVE = _nfc([
    "UBND các huyện, thị xã, thành phố",
    "UBND các huyện, thành phố",
    "UBND các huyện, thị xã",
])
CITY_DISTRICTS_COLLECTIVE = _nfc("UBND các quận, huyện, thị xã")

YEARS = tuple(range(2019, 2026))

# ------------------------------------------------------------------------------ agencies
# canonical name -> surface spellings met in text (the canonical one first).  "{u}" is the
# province's unit word ("tỉnh" / "thành phố").
DEPARTMENTS = _nfc({
    "Sở Kế hoạch và Đầu tư": ["Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"],
    "Sở Tài chính": ["Sở Tài chính"],
    "Sở Nội vụ": ["Sở Nội vụ"],
    "Sở Tư pháp": ["Sở Tư pháp"],
    "Sở Công Thương": ["Sở Công Thương", "Sở Công Thương", "Sở Công thương"],
    "Sở Xây dựng": ["Sở Xây dựng"],
    "Sở Giao thông vận tải": ["Sở Giao thông vận tải", "Sở Giao thông vận tải", "Sở Giao thông Vận tải", "Sở GTVT"],
    "Sở Nông nghiệp và Phát triển nông thôn": ["Sở Nông nghiệp và Phát triển nông thôn",
                                               "Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"],
    "Sở Tài nguyên và Môi trường": ["Sở Tài nguyên và Môi trường", "Sở Tài nguyên và Môi trường", "Sở TN&MT"],
    "Sở Lao động - Thương binh và Xã hội": ["Sở Lao động - Thương binh và Xã hội",
                                            "Sở Lao động - Thương binh và Xã hội",
                                            "Sở Lao động Thương binh và Xã hội", "Sở LĐ-TB&XH"],
    "Sở Giáo dục và Đào tạo": ["Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT"],
    "Sở Y tế": ["Sở Y tế"],
    "Sở Văn hóa, Thể thao và Du lịch": ["Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch",
                                        "Sở Văn hóa Thể thao và Du lịch", "Sở VHTT&DL"],
    "Sở Thông tin và Truyền thông": ["Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông",
                                     "Sở Thông tin Truyền thông", "Sở TT&TT"],
    "Sở Khoa học và Công nghệ": ["Sở Khoa học và Công nghệ", "Sở KH&CN"],
    "Thanh tra tỉnh": ["Thanh tra {u}"],
    "Văn phòng UBND tỉnh": ["Văn phòng UBND {u}", "Văn phòng Ủy ban nhân dân {u}"],
    "Công an tỉnh": ["Công an {u}"],
    "Bộ Chỉ huy Quân sự tỉnh": ["Bộ Chỉ huy Quân sự {u}", "Bộ Chỉ huy Quân sự {u}", "Bộ chỉ huy Quân sự {u}"],
    "Cục Thuế tỉnh": ["Cục Thuế {u}", "Cục Thuế"],
    "Kho bạc Nhà nước tỉnh": ["Kho bạc Nhà nước {u}"],
    "Ngân hàng Nhà nước Chi nhánh tỉnh": ["Ngân hàng Nhà nước Chi nhánh {u}"],
    "Chi cục Hải quan tỉnh": ["Chi cục Hải quan {u}"],
    "Cục Thống kê tỉnh": ["Cục Thống kê {u}"],
    "Ban Quản lý các khu công nghiệp tỉnh": ["Ban Quản lý các khu công nghiệp {u}"],
    "Bảo hiểm xã hội tỉnh": ["Bảo hiểm xã hội {u}"],
    "Đài Phát thanh và Truyền hình tỉnh": ["Đài Phát thanh và Truyền hình {u}"],
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh": ["Ủy ban Mặt trận Tổ quốc Việt Nam {u}", "MTTQ Việt Nam {u}"],
    "Ban Dân tộc tỉnh": ["Ban Dân tộc {u}"],
})
# Agencies that sit in the province but whose canonical name keeps no province word.
AGENCY_DOMAIN = _nfc({
    "Sở Kế hoạch và Đầu tư": "plan", "Sở Tài chính": "finance", "Sở Nội vụ": "admin", "Sở Tư pháp": "admin",
    "Sở Công Thương": "industry", "Sở Xây dựng": "urban", "Sở Giao thông vận tải": "transport",
    "Sở Nông nghiệp và Phát triển nông thôn": "agri", "Sở Tài nguyên và Môi trường": "env",
    "Sở Lao động - Thương binh và Xã hội": "social", "Sở Giáo dục và Đào tạo": "edu", "Sở Y tế": "health",
    "Sở Văn hóa, Thể thao và Du lịch": "culture", "Sở Thông tin và Truyền thông": "digital",
    "Sở Khoa học và Công nghệ": "digital", "Thanh tra tỉnh": "admin", "Văn phòng UBND tỉnh": "admin",
    "Công an tỉnh": "security", "Bộ Chỉ huy Quân sự tỉnh": "security", "Cục Thuế tỉnh": "finance",
    "Kho bạc Nhà nước tỉnh": "finance", "Ngân hàng Nhà nước Chi nhánh tỉnh": "finance",
    "Chi cục Hải quan tỉnh": "industry", "Cục Thống kê tỉnh": "plan",
    "Ban Quản lý các khu công nghiệp tỉnh": "industry", "Bảo hiểm xã hội tỉnh": "social",
    "Đài Phát thanh và Truyền hình tỉnh": "culture", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh": "social",
    "Ban Dân tộc tỉnh": "social",
})

# Collective addressees: canonical -> surface spellings (head-of-body forms included).
COLLECTIVES = _nfc({
    "Các sở, ban, ngành tỉnh": ["Các sở, ban, ngành {u}", "Thủ trưởng các sở, ban, ngành {u}",
                                "Thủ trưởng các sở, ban ngành {u}", "Các Sở, Ban, ngành {u}"],
    "Các chủ đầu tư": ["Các chủ đầu tư"],
    "Các cơ quan thanh tra, kiểm tra": ["Các cơ quan thanh tra, kiểm tra"],
    "Các đơn vị lực lượng vũ trang tỉnh": ["Các đơn vị lực lượng vũ trang {u}"],
    "Các doanh nghiệp nhà nước thuộc tỉnh": ["Các doanh nghiệp nhà nước thuộc {u}"],
})

# Head of a department, for "Giám đốc Sở …" style execution clauses.
HEAD_OF = {"Sở": "Giám đốc", "Văn phòng UBND tỉnh": "Chánh Văn phòng", "Thanh tra tỉnh": "Chánh Thanh tra",
           "Cục": "Cục trưởng", "Ban": "Trưởng ban", "Công an tỉnh": "Giám đốc", "Kho bạc": "Giám đốc"}

# Ministries: (name, letter code, circular code)
MINISTRIES = _nfc([
    ("Bộ Kế hoạch và Đầu tư", "BKHĐT", "BKHĐT"),
    ("Bộ Tài chính", "BTC", "BTC"),
    ("Bộ Nội vụ", "BNV", "BNV"),
    ("Bộ Công Thương", "BCT", "BCT"),
    ("Bộ Xây dựng", "BXD", "BXD"),
    ("Bộ Giao thông vận tải", "BGTVT", "BGTVT"),
    ("Bộ Nông nghiệp và Phát triển nông thôn", "BNN", "BNNPTNT"),
    ("Bộ Tài nguyên và Môi trường", "BTNMT", "BTNMT"),
    ("Bộ Lao động - Thương binh và Xã hội", "LĐTBXH", "BLĐTBXH"),
    ("Bộ Giáo dục và Đào tạo", "BGDĐT", "BGDĐT"),
    ("Bộ Y tế", "BYT", "BYT"),
    ("Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL", "BVHTTDL"),
    ("Bộ Thông tin và Truyền thông", "BTTTT", "BTTTT"),
    ("Bộ Khoa học và Công nghệ", "BKHCN", "BKHCN"),
    ("Bộ Tư pháp", "BTP", "BTP"),
    ("Ngân hàng Nhà nước Việt Nam", "NHNN", "NHNN"),
])
# Office codes used after a ministry or department letter code: 5678/BKHĐT-TH.
LETTER_UNITS = _nfc(["TH", "KTĐN", "QLQH", "KTĐP&LT", "NSNN", "ĐT", "KH", "TCCB", "PC", "VP", "KHTC", "QLCL"])
UBND_LETTER_UNITS = _nfc(["KT", "TH", "VX", "NC", "KTN", "KTTH", "KGVX", "XD", "NN", "TCD"])
# Provincial departments' letter codes: 2970/SKHĐT-TH.
DEPT_LETTER_CODES = _nfc({
    "Sở Kế hoạch và Đầu tư": "SKHĐT", "Sở Tài chính": "STC", "Sở Nội vụ": "SNV", "Sở Xây dựng": "SXD",
    "Sở Nông nghiệp và Phát triển nông thôn": "SNN", "Sở Tài nguyên và Môi trường": "STNMT",
    "Sở Y tế": "SYT", "Sở Giáo dục và Đào tạo": "SGDĐT", "Sở Công Thương": "SCT",
    "Sở Giao thông vận tải": "SGTVT", "Sở Thông tin và Truyền thông": "STTTT",
    "Sở Lao động - Thương binh và Xã hội": "SLĐTBXH", "Sở Văn hóa, Thể thao và Du lịch": "SVHTTDL",
})

# ------------------------------------------------------------------------------ people
SURNAMES = _nfc(["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
                 "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Trương", "Mai", "Tạ", "Hà", "Cao", "Lương"])
MIDDLE = _nfc(["Văn", "Thị", "Minh", "Quốc", "Thanh", "Hữu", "Đức", "Ngọc", "Xuân", "Công", "Hoài", "Tấn",
               "Thành", "Quang", "Hồng", "Anh", "Trọng", "Duy", "Kim", "Bá"])
GIVEN = _nfc(["Hùng", "Dũng", "Tuấn", "Thắng", "Long", "Hải", "Sơn", "Bình", "Hòa", "Lan", "Hương", "Phong",
              "Khánh", "Trung", "Nam", "Việt", "Hiếu", "Thảo", "Tâm", "Vinh", "Quân", "Phúc", "Lực", "Cường",
              "Tùng", "Hạnh", "Thủy", "Hà", "Định", "Toàn", "Nghĩa", "Thịnh"])

# ------------------------------------------------------------------------------ places
PLACE_SYLLABLES = _nfc(["Tân", "Phú", "Hòa", "An", "Bình", "Long", "Thạnh", "Đông", "Tây", "Nam", "Bắc", "Hưng",
                        "Phước", "Mỹ", "Thuận", "Lộc", "Xuân", "Sơn", "Hải", "Quang", "Trung", "Vĩnh", "Cẩm",
                        "Hiệp", "Đức", "Thành", "Lạc", "Yên", "Phong", "Khánh", "Hội", "Tiên", "Kim", "Lợi",
                        "Điền", "Thới", "Châu", "Gia", "Định", "Lương", "Minh", "Thái", "Hà", "Quế", "Tường"])
STREET_NAMES = _nfc(["Hùng Vương", "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Quang Trung", "Lý Thường Kiệt",
                     "Võ Nguyên Giáp", "Phạm Văn Đồng", "Tôn Đức Thắng", "Nguyễn Văn Linh", "Trường Chinh",
                     "Lê Duẩn", "Điện Biên Phủ", "Hai Bà Trưng", "Nguyễn Trãi", "Lý Thái Tổ", "Lạc Long Quân",
                     "Nguyễn Tất Thành", "Mai Chí Thọ", "Đồng Khởi", "Nguyễn Sinh Cung", "Ngô Quyền"])
RIVERS = _nfc(["sông Cái", "sông Đà", "sông Lam", "sông Mã", "sông Chu", "sông Thu Bồn", "sông Vệ", "sông Hậu",
               "sông Tiền", "sông Luộc", "sông Cầu", "sông Thương", "sông Kôn", "sông Ba", "sông Lô"])

# ------------------------------------------------------------------------------ subjects
# "về …" phrases attached to cited documents.  {Y} is a year, {P} the issuer's province, {m} a month.
SUBJECTS_GOV_RESOLUTION = _nfc([
    "về phiên họp Chính phủ thường kỳ tháng {m} năm {Y}",
    "về các nhiệm vụ, giải pháp trọng tâm thúc đẩy tăng trưởng, bảo đảm ổn định kinh tế vĩ mô",
    "về một số nhiệm vụ, giải pháp đẩy mạnh giải ngân vốn đầu tư công",
    "về nhiệm vụ, giải pháp cải thiện môi trường kinh doanh, nâng cao năng lực cạnh tranh quốc gia",
    "về Chương trình hành động thực hiện Nghị quyết của Bộ Chính trị về chuyển đổi số quốc gia",
    "về các giải pháp tháo gỡ khó khăn cho sản xuất kinh doanh, hỗ trợ doanh nghiệp, người dân",
    "về chương trình phục hồi và phát triển kinh tế - xã hội",
    "về đẩy mạnh phân cấp, phân quyền trong quản lý nhà nước",
    "về các nhiệm vụ, giải pháp khắc phục hậu quả thiên tai, ổn định đời sống nhân dân",
    "về phát triển thị trường bất động sản an toàn, lành mạnh, bền vững",
    "về một số giải pháp thúc đẩy tiêu dùng, phát triển thị trường trong nước",
    "về nhiệm vụ, giải pháp đẩy mạnh phát triển nguồn nhân lực chất lượng cao",
])
SUBJECT_GOV_ANNUAL = _nfc("về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm {Y}")
SUBJECTS_PM = _nfc([
    "về tăng cường công tác phòng, chống thiên tai",
    "về đẩy mạnh giải ngân vốn đầu tư công những tháng cuối năm {Y}",
    "về việc tập trung khắc phục hậu quả mưa lũ, ổn định đời sống nhân dân",
    "về tăng cường quản lý, kiểm soát giá cả thị trường dịp cuối năm",
    "về phê duyệt Chương trình tổng thể về thực hành tiết kiệm, chống lãng phí",
    "về tăng cường các giải pháp bảo đảm trật tự, an toàn giao thông",
    "về việc đẩy mạnh thực hiện các nhiệm vụ, giải pháp phát triển kinh tế số",
    "về phê duyệt Đề án phát triển các khu công nghiệp sinh thái",
    "về tập trung thực hiện các giải pháp bảo đảm cung ứng điện",
    "về phê duyệt Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050",
    "về tiếp tục đẩy mạnh cải cách thủ tục hành chính, cắt giảm quy định kinh doanh",
])
SUBJECTS_DECREE = _nfc([
    "quy định chi tiết một số điều của Luật Đầu tư công",
    "về quản lý dự án đầu tư xây dựng",
    "quy định về tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh",
    "về chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội",
    "quy định về chuẩn nghèo đa chiều giai đoạn 2022 - 2025",
    "về quản lý cụm công nghiệp",
    "quy định về khuyến nông",
    "về xử phạt vi phạm hành chính trong lĩnh vực đất đai",
    "về thực hiện thủ tục hành chính trên môi trường điện tử",
])
SUBJECTS_PARTY = _nfc([
    "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    "về phát triển kinh tế - xã hội và bảo đảm quốc phòng, an ninh vùng đồng bằng sông Cửu Long",
    "về đổi mới căn bản, toàn diện giáo dục và đào tạo",
    "về tiếp tục thực hiện Nghị quyết Hội nghị Trung ương 4 khóa XII về tăng cường xây dựng, chỉnh đốn Đảng",
    "về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tham nhũng, lãng phí",
    "về xây dựng và phát huy vai trò của đội ngũ trí thức trong giai đoạn mới",
    "về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
    "về chiến lược phát triển bền vững kinh tế biển Việt Nam",
    "về tiếp tục xây dựng và phát triển văn hóa, con người Việt Nam",
    "về phát triển nông nghiệp, nông dân, nông thôn",
    "về thu hút đầu tư, phát triển công nghiệp và thương mại",
])
SUBJECTS_LOCAL = _nfc([
    "về kế hoạch phát triển kinh tế - xã hội năm {Y}",
    "về kế hoạch đầu tư công năm {Y}",
    "về dự toán ngân sách địa phương và phân bổ dự toán ngân sách năm {Y}",
    "về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm {Y}",
    "về một số giải pháp chủ yếu chỉ đạo, điều hành kế hoạch phát triển kinh tế - xã hội năm {Y}",
    "về thực hiện chuyển đổi số {u} {P} đến năm 2025, định hướng đến năm 2030",
    "về phát triển nông nghiệp ứng dụng công nghệ cao giai đoạn 2021 - 2025",
    "về cải thiện môi trường đầu tư, kinh doanh, nâng cao năng lực cạnh tranh cấp tỉnh",
    "về phát triển du lịch trở thành ngành kinh tế mũi nhọn",
    "về xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
    "về tăng cường công tác phòng cháy, chữa cháy trên địa bàn {u}",
    "về đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {Y}",
    "về phát triển nguồn nhân lực giai đoạn 2021 - 2030",
    "về việc thực hiện chương trình mục tiêu quốc gia giảm nghèo bền vững",
    "về tăng cường kỷ luật, kỷ cương hành chính trong các cơ quan nhà nước",
    "về công tác bảo vệ môi trường, quản lý chất thải rắn sinh hoạt",
    "ban hành quy định chính sách hỗ trợ phát triển kinh tế tập thể, hợp tác xã",
    "về phát triển hạ tầng giao thông kết nối vùng",
])

# ------------------------------------------------------------------------------ topics / filler
# Sentences of the genre without any document number.  Digits only where a reader would not
# take them for a document (years, periods, ordinal storms, quarters, percentages).
FILLER = _nfc({
    "plan": [
        "Tập trung rà soát, đánh giá kết quả thực hiện các chỉ tiêu kinh tế - xã hội, kịp thời đề xuất giải pháp đối với những chỉ tiêu có nguy cơ không đạt",
        "Nâng cao chất lượng công tác dự báo, xây dựng kịch bản tăng trưởng theo từng quý, bảo đảm sát với tình hình thực tế của địa phương",
        "Đẩy mạnh công tác xúc tiến đầu tư, tập trung thu hút các dự án có công nghệ hiện đại, thân thiện với môi trường, có giá trị gia tăng cao",
        "Rà soát danh mục dự án kêu gọi đầu tư giai đoạn 2021 - 2025, cập nhật thông tin về quỹ đất sạch, hạ tầng và chính sách ưu đãi",
        "Tổ chức đối thoại định kỳ với cộng đồng doanh nghiệp, kịp thời tháo gỡ khó khăn, vướng mắc về thủ tục đầu tư, đất đai, xây dựng",
        "Theo dõi chặt chẽ tiến độ thực hiện các dự án đã được cấp chủ trương đầu tư, kiên quyết thu hồi các dự án chậm triển khai theo quy định",
        "Tổng hợp tình hình thực hiện kế hoạch hằng tháng, quý, báo cáo Ủy ban nhân dân tỉnh để chỉ đạo, điều hành kịp thời",
        "Nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI), chỉ số cải cách hành chính (PAR INDEX) và chỉ số hài lòng của người dân (SIPAS)",
    ],
    "finance": [
        "Tăng cường quản lý thu ngân sách nhà nước, mở rộng cơ sở thu, chống thất thu, xử lý nợ đọng thuế; bảo đảm thu đúng, thu đủ, thu kịp thời",
        "Điều hành chi ngân sách chặt chẽ, tiết kiệm, hiệu quả; cắt giảm các khoản chi thường xuyên chưa thực sự cần thiết để ưu tiên chi đầu tư phát triển",
        "Kiểm soát chặt chẽ việc thanh toán vốn đầu tư công, bảo đảm đúng quy định, kịp thời giải ngân ngay khi có khối lượng nghiệm thu",
        "Thực hiện hiệu quả các chính sách miễn, giảm, gia hạn thuế, phí, lệ phí và tiền thuê đất nhằm hỗ trợ người dân, doanh nghiệp",
        "Tăng cường quản lý thu từ hoạt động thương mại điện tử, kinh doanh trên nền tảng số và giao dịch xuyên biên giới",
        "Đôn đốc các tổ chức tín dụng trên địa bàn triển khai các chương trình tín dụng ưu đãi, tạo điều kiện cho người dân, doanh nghiệp tiếp cận vốn",
        "Quản lý chặt chẽ giá cả thị trường, nhất là các mặt hàng thiết yếu dịp cuối năm và Tết Nguyên đán",
    ],
    "industry": [
        "Tập trung tháo gỡ khó khăn cho các dự án đầu tư hạ tầng khu công nghiệp, cụm công nghiệp; tạo quỹ đất sạch để thu hút các nhà đầu tư thứ cấp",
        "Đẩy mạnh phát triển công nghiệp hỗ trợ, công nghiệp chế biến, chế tạo; nâng cao tỷ lệ nội địa hóa trong các sản phẩm công nghiệp chủ lực",
        "Tổ chức các hoạt động xúc tiến thương mại, kết nối cung cầu, hỗ trợ doanh nghiệp mở rộng thị trường tiêu thụ trong nước và xuất khẩu",
        "Bảo đảm cung ứng đủ điện, xăng dầu cho sản xuất và tiêu dùng; kiểm tra, xử lý nghiêm các hành vi gian lận thương mại, hàng giả",
        "Phát triển hệ thống phân phối hiện đại kết hợp với các kênh phân phối truyền thống, đẩy mạnh cuộc vận động người Việt Nam ưu tiên dùng hàng Việt Nam",
        "Hỗ trợ các hợp tác xã, hộ kinh doanh chuyển đổi số, đưa sản phẩm lên các sàn thương mại điện tử",
    ],
    "agri": [
        "Tiếp tục cơ cấu lại ngành nông nghiệp theo hướng nâng cao giá trị gia tăng và phát triển bền vững, gắn với xây dựng nông thôn mới",
        "Chỉ đạo sản xuất vụ Đông Xuân, vụ Hè Thu đúng lịch thời vụ; khuyến cáo sử dụng giống chất lượng, thích ứng với biến đổi khí hậu",
        "Chủ động phòng, chống dịch bệnh trên cây trồng, vật nuôi, nhất là bệnh dịch tả lợn châu Phi, cúm gia cầm, lở mồm long móng",
        "Phát triển các vùng nguyên liệu tập trung gắn với chế biến và tiêu thụ, cấp mã số vùng trồng, truy xuất nguồn gốc sản phẩm",
        "Kiểm tra, rà soát các hồ chứa, đê điều xung yếu trước mùa mưa bão; chủ động phương án ứng phó với hạn hán, xâm nhập mặn",
        "Nâng cao chất lượng các tiêu chí nông thôn mới, đặc biệt là tiêu chí về thu nhập, môi trường và an ninh trật tự",
        "Quản lý, bảo vệ và phát triển rừng bền vững; ngăn chặn kịp thời các hành vi phá rừng, khai thác lâm sản trái phép",
        "Khắc phục hậu quả Bão số 3 và mưa lũ sau bão, khôi phục sản xuất nông nghiệp, hỗ trợ giống cho người dân bị thiệt hại",
    ],
    "env": [
        "Tăng cường quản lý nhà nước về đất đai, tài nguyên khoáng sản; xử lý dứt điểm các trường hợp lấn chiếm, sử dụng đất sai mục đích",
        "Đẩy nhanh tiến độ xây dựng cơ sở dữ liệu đất đai, cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân",
        "Kiểm soát chặt chẽ các nguồn thải, xử lý nghiêm các cơ sở gây ô nhiễm môi trường nghiêm trọng; thu gom, xử lý chất thải rắn sinh hoạt",
        "Xác định giá đất cụ thể kịp thời để phục vụ công tác bồi thường, hỗ trợ, tái định cư các dự án trọng điểm",
        "Triển khai các văn bản quy định chi tiết thi hành pháp luật về đất đai, bảo đảm thống nhất, đồng bộ trên địa bàn",
    ],
    "urban": [
        "Rà soát, điều chỉnh quy hoạch chung, quy hoạch phân khu và quy hoạch chi tiết tỷ lệ 1/500 phù hợp với quy hoạch tỉnh được phê duyệt",
        "Tăng cường quản lý trật tự xây dựng, chất lượng công trình; kiểm soát chặt chẽ giá vật liệu xây dựng trên địa bàn",
        "Phát triển nhà ở xã hội, nhà ở cho công nhân khu công nghiệp; tháo gỡ vướng mắc pháp lý cho các dự án bất động sản",
        "Đầu tư chỉnh trang đô thị, phát triển hạ tầng kỹ thuật đồng bộ, từng bước xây dựng đô thị xanh, đô thị thông minh",
    ],
    "transport": [
        "Đẩy nhanh tiến độ các dự án giao thông trọng điểm, kết nối với các tuyến cao tốc, quốc lộ và các tỉnh trong vùng",
        "Tăng cường kiểm tra, xử lý vi phạm về trật tự, an toàn giao thông; kiểm soát tải trọng phương tiện trên các tuyến đường",
        "Bảo trì, sửa chữa kịp thời các tuyến đường bị hư hỏng sau mùa mưa lũ, bảo đảm giao thông thông suốt",
        "Xử lý dứt điểm các điểm đen, điểm tiềm ẩn nguy cơ tai nạn giao thông, nhất là tại các đoạn Km 12+500 đến Km 15+200",
    ],
    "social": [
        "Thực hiện đầy đủ, kịp thời các chính sách đối với người có công, bảo trợ xã hội; chăm lo đời sống các đối tượng chính sách",
        "Đẩy mạnh công tác giải quyết việc làm, đào tạo nghề gắn với nhu cầu thị trường lao động và doanh nghiệp",
        "Triển khai có hiệu quả phong trào thi đua xóa nhà tạm, nhà dột nát; huy động các nguồn lực xã hội hỗ trợ hộ nghèo",
        "Mở rộng diện bao phủ bảo hiểm xã hội, bảo hiểm thất nghiệp; giảm tình trạng nợ đóng, trốn đóng bảo hiểm",
        "Thực hiện tốt công tác bảo vệ, chăm sóc trẻ em, bình đẳng giới; phòng, chống tệ nạn xã hội",
    ],
    "edu": [
        "Chuẩn bị tốt các điều kiện về trường lớp, đội ngũ giáo viên, trang thiết bị cho năm học mới; khắc phục tình trạng thừa, thiếu giáo viên cục bộ",
        "Nâng cao chất lượng giáo dục toàn diện, đẩy mạnh phân luồng học sinh sau trung học cơ sở, phát triển giáo dục nghề nghiệp",
        "Đầu tư cơ sở vật chất, xây dựng trường học đạt chuẩn quốc gia, ưu tiên vùng đồng bào dân tộc thiểu số và vùng khó khăn",
        "Tổ chức tốt các kỳ thi, bảo đảm an toàn, nghiêm túc, đúng quy chế",
    ],
    "health": [
        "Nâng cao chất lượng khám, chữa bệnh; bảo đảm đủ thuốc, vật tư, trang thiết bị y tế; củng cố mạng lưới y tế cơ sở",
        "Chủ động giám sát, phòng, chống dịch bệnh, nhất là sốt xuất huyết, tay chân miệng, COVID-19 và các bệnh truyền nhiễm mới nổi",
        "Tăng cường kiểm tra an toàn thực phẩm, nhất là trong các dịp lễ, Tết và mùa lễ hội",
        "Thực hiện lộ trình tự chủ tài chính của các đơn vị sự nghiệp y tế công lập; đẩy mạnh ứng dụng hồ sơ sức khỏe điện tử",
    ],
    "culture": [
        "Tổ chức tốt các hoạt động văn hóa, văn nghệ, thể dục thể thao chào mừng các ngày lễ lớn và sự kiện quan trọng của đất nước, của tỉnh",
        "Bảo tồn, tôn tạo và phát huy giá trị các di tích lịch sử - văn hóa, di sản văn hóa phi vật thể trên địa bàn",
        "Phát triển các sản phẩm du lịch đặc thù, liên kết phát triển du lịch với các địa phương trong vùng; đẩy mạnh quảng bá, xúc tiến du lịch",
        "Thực hiện tốt công tác thông tin, tuyên truyền, định hướng dư luận; đấu tranh phản bác các luận điệu sai trái, thù địch",
    ],
    "digital": [
        "Đẩy mạnh chuyển đổi số, phát triển chính quyền số, kinh tế số và xã hội số; nâng cao tỷ lệ hồ sơ trực tuyến toàn trình",
        "Bảo đảm an toàn thông tin mạng cho các hệ thống thông tin của cơ quan nhà nước; triển khai mô hình bảo vệ 4 lớp",
        "Phát triển hạ tầng viễn thông băng rộng, phủ sóng 4G, 5G đến các thôn, bản vùng sâu, vùng xa",
        "Khai thác hiệu quả Trung tâm điều hành thông minh (IOC), cơ sở dữ liệu dân cư phục vụ chỉ đạo, điều hành",
        "Triển khai dịch vụ công trực tuyến mức độ 3, mức độ 4; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    ],
    "admin": [
        "Đẩy mạnh cải cách hành chính, trọng tâm là cải cách thủ tục hành chính; thực hiện có hiệu quả cơ chế một cửa, một cửa liên thông",
        "Tiếp tục sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả; tinh giản biên chế gắn với cơ cấu lại đội ngũ công chức, viên chức",
        "Tăng cường kỷ luật, kỷ cương hành chính; khắc phục tình trạng né tránh, đùn đẩy, sợ trách nhiệm trong thực thi công vụ",
        "Thực hiện tốt công tác tiếp công dân, giải quyết khiếu nại, tố cáo ngay từ cơ sở, không để hình thành điểm nóng",
        "Thực hiện nghiêm công tác phòng, chống tham nhũng, tiêu cực, lãng phí; công khai, minh bạch trong hoạt động công vụ",
        "Rà soát, kiểm tra văn bản quy phạm pháp luật do địa phương ban hành, kịp thời sửa đổi, bổ sung, thay thế những nội dung không còn phù hợp",
    ],
    "security": [
        "Giữ vững an ninh chính trị, trật tự an toàn xã hội; tấn công trấn áp các loại tội phạm, nhất là tội phạm ma túy, tội phạm công nghệ cao",
        "Thực hiện tốt công tác tuyển chọn và gọi công dân nhập ngũ; xây dựng khu vực phòng thủ vững chắc",
        "Tăng cường công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ, nhất là tại các khu dân cư, chợ, trung tâm thương mại",
        "Triển khai làm căn cước, định danh điện tử, hoàn thiện cơ sở dữ liệu quốc gia về dân cư trên địa bàn",
    ],
})
DOMAINS = tuple(FILLER)

HEADINGS = _nfc({
    "plan": "Về phát triển kinh tế, thu hút đầu tư",
    "finance": "Về tài chính, ngân sách",
    "industry": "Về phát triển công nghiệp, thương mại, dịch vụ",
    "agri": "Về nông nghiệp, nông thôn",
    "env": "Về quản lý tài nguyên và bảo vệ môi trường",
    "urban": "Về quy hoạch, xây dựng và phát triển đô thị",
    "transport": "Về giao thông, kết cấu hạ tầng",
    "social": "Về lao động, việc làm và an sinh xã hội",
    "edu": "Về giáo dục và đào tạo",
    "health": "Về y tế, chăm sóc sức khỏe nhân dân",
    "culture": "Về văn hóa, thể thao, du lịch và thông tin",
    "digital": "Về chuyển đổi số, khoa học và công nghệ",
    "admin": "Về cải cách hành chính, tổ chức bộ máy",
    "security": "Về quốc phòng, an ninh",
})

# Verbs that open a task.
TASK_VERBS = _nfc(["Tham mưu Ủy ban nhân dân {u}", "Chủ động triển khai", "Tập trung chỉ đạo", "Tổ chức triển khai",
                   "Khẩn trương hoàn thiện", "Hướng dẫn, đôn đốc", "Tiếp tục thực hiện", "Rà soát, đề xuất",
                   "Xây dựng kế hoạch", "Theo dõi, kiểm tra"])
TASK_OBJECTS = _nfc([
    "kế hoạch thực hiện các nhiệm vụ, giải pháp thuộc lĩnh vực được giao",
    "các cơ chế, chính sách đặc thù nhằm tháo gỡ khó khăn cho sản xuất, kinh doanh",
    "phương án phân bổ chi tiết kế hoạch vốn đầu tư công",
    "báo cáo đánh giá tình hình thực hiện các chỉ tiêu được giao",
    "việc sắp xếp, xử lý nhà, đất thuộc sở hữu nhà nước",
    "danh mục các dự án ưu tiên đầu tư trong giai đoạn tới",
    "các giải pháp nâng cao hiệu quả quản lý nhà nước trong lĩnh vực phụ trách",
    "hồ sơ trình cấp có thẩm quyền phê duyệt theo quy định",
    "công tác kiểm tra, giám sát việc thực hiện tại các địa phương",
    "việc cập nhật, số hóa dữ liệu chuyên ngành, kết nối với cơ sở dữ liệu dùng chung của tỉnh",
])
GROUP_PARTNERS = _nfc(["các sở, ngành, địa phương liên quan", "các cơ quan, đơn vị liên quan",
                       "các đơn vị, địa phương", "các sở, ban, ngành và địa phương có liên quan"])

# ------------------------------------------------------------------------------ targets
# (indicator, unit, kind of figure) ; kind: pct_growth | pct | money_big | count | ratio | money_small
INDICATORS = _nfc([
    ("Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "%", "growth"),
    ("Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "money_big"),
    ("Tổng thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "money_big"),
    ("Kim ngạch xuất khẩu", "triệu USD", "money_mid"),
    ("GRDP bình quân đầu người", "triệu đồng", "money_small"),
    ("Thu nhập bình quân đầu người khu vực nông thôn", "triệu đồng/người/năm", "money_small"),
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm", "%", "small_pct"),
    ("Số lao động được tạo việc làm mới", "lao động", "count_big"),
    ("Tỷ lệ lao động qua đào tạo", "%", "pct"),
    ("Số giường bệnh trên một vạn dân", "giường", "ratio"),
    ("Số bác sỹ trên một vạn dân", "bác sỹ", "ratio"),
    ("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "high_pct"),
    ("Tỷ lệ dân số nông thôn được sử dụng nước sạch đạt quy chuẩn", "%", "pct"),
    ("Tỷ lệ che phủ rừng", "%", "pct"),
    ("Số xã đạt chuẩn nông thôn mới tăng thêm", "xã", "count_small"),
    ("Tỷ lệ trường học đạt chuẩn quốc gia", "%", "pct"),
    ("Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", "high_pct"),
    ("Số doanh nghiệp thành lập mới", "doanh nghiệp", "count_mid"),
    ("Tổng lượt khách du lịch", "triệu lượt", "small_dec"),
    ("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "%", "pct"),
    ("Tỷ lệ đô thị hóa", "%", "pct"),
    ("Số hộ thoát nghèo", "hộ", "count_mid"),
    ("Diện tích trồng rừng tập trung", "ha", "count_mid"),
])

# ------------------------------------------------------------------------------ named references
LAWS = _nfc([
    ("Luật Tổ chức chính quyền địa phương", "2015-06-19"),
    ("Luật Ngân sách nhà nước", "2015-06-25"),
    ("Luật Đầu tư công", "2019-06-13"),
    ("Luật Đầu tư", "2020-06-17"),
    ("Luật Quy hoạch", "2017-11-24"),
    ("Luật Đất đai", "2024-01-18"),
    ("Luật Hợp tác xã", "2023-06-20"),
    ("Luật Phòng, chống tham nhũng", "2018-11-20"),
    ("Luật Ban hành văn bản quy phạm pháp luật", "2015-06-22"),
    ("Luật Bảo vệ môi trường", "2020-11-17"),
    ("Luật Thực hành tiết kiệm, chống lãng phí", "2013-11-26"),
])
NAMED_PROGRAMMES = _nfc([
    ("Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025", "programme"),
    ("Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025", "programme"),
    ("Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi", "programme"),
    ("Chương trình mỗi xã một sản phẩm (OCOP)", "programme"),
    ("Chiến lược phát triển kinh tế - xã hội 10 năm 2021 - 2030", "strategy"),
    ("Chiến lược quốc gia phòng, chống tham nhũng, tiêu cực đến năm 2030", "strategy"),
    ("Kế hoạch đầu tư công trung hạn giai đoạn 2021 - 2025", "plan"),
    ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", "other"),
])


# ------------------------------------------------------------------------------ dates
def verbal_date(d: int, m: int, y: int, pad_day: bool, pad_month: bool) -> str:
    return f"ngày {d:02d} tháng {m:02d} năm {y}" if pad_day and pad_month else \
        f"ngày {d:02d} tháng {m} năm {y}" if pad_day else f"ngày {d} tháng {m} năm {y}"


# ------------------------------------------------------------------------------ sentence grammar
# Filler sentences are also composed as ACTION + OBJECT (of a domain) [+ PURPOSE], so that long
# documents do not repeat themselves.
ACTIONS = _nfc(["Tăng cường", "Đẩy mạnh", "Nâng cao hiệu quả", "Tiếp tục thực hiện tốt", "Chủ động triển khai",
                "Rà soát, hoàn thiện", "Tập trung chỉ đạo", "Đổi mới", "Kiểm tra, giám sát chặt chẽ",
                "Huy động các nguồn lực cho", "Quan tâm đầu tư cho", "Thực hiện đồng bộ các giải pháp về",
                "Tổ chức đánh giá, sơ kết", "Nghiên cứu, đề xuất cơ chế thúc đẩy", "Khẩn trương triển khai",
                "Ưu tiên bố trí nguồn lực cho", "Phát huy hiệu quả", "Chấn chỉnh, nâng cao chất lượng"])
OBJECTS = _nfc({
    "plan": ["công tác xúc tiến đầu tư, kêu gọi các nhà đầu tư chiến lược", "hoạt động hỗ trợ doanh nghiệp khởi nghiệp",
             "công tác thẩm định, cấp chủ trương đầu tư", "việc theo dõi, đánh giá thực hiện kế hoạch",
             "các hoạt động đối thoại với doanh nghiệp, nhà đầu tư", "việc phát triển kinh tế tập thể, hợp tác xã"],
    "finance": ["công tác quản lý thu ngân sách", "kỷ luật tài chính, ngân sách", "việc quản lý, sử dụng tài sản công",
                "công tác quyết toán vốn đầu tư công", "các chương trình tín dụng chính sách"],
    "industry": ["phát triển công nghiệp chế biến, chế tạo", "hoạt động thương mại điện tử", "phát triển thị trường nội địa",
                 "công tác quản lý thị trường, chống buôn lậu", "phát triển hạ tầng thương mại ở nông thôn"],
    "agri": ["sản xuất nông nghiệp theo hướng hữu cơ, tuần hoàn", "công tác phòng, chống thiên tai",
             "phát triển kinh tế lâm nghiệp bền vững", "liên kết sản xuất theo chuỗi giá trị",
             "công tác thủy lợi phục vụ sản xuất", "chương trình mỗi xã một sản phẩm"],
    "env": ["công tác quản lý đất đai", "việc bảo vệ môi trường tại các khu, cụm công nghiệp",
            "hoạt động khai thác khoáng sản", "công tác ứng phó với biến đổi khí hậu", "việc xử lý chất thải rắn"],
    "urban": ["công tác quản lý quy hoạch, kiến trúc", "việc phát triển nhà ở xã hội", "chất lượng các công trình xây dựng",
              "phát triển đô thị theo hướng xanh, thông minh"],
    "transport": ["công tác bảo đảm trật tự, an toàn giao thông", "việc bảo trì hệ thống đường giao thông",
                  "phát triển hạ tầng giao thông nông thôn", "hoạt động vận tải hành khách công cộng"],
    "social": ["công tác giải quyết việc làm", "việc thực hiện chính sách an sinh xã hội", "công tác giảm nghèo bền vững",
               "công tác chăm lo cho người có công", "phát triển thị trường lao động"],
    "edu": ["chất lượng giáo dục toàn diện", "công tác xây dựng trường chuẩn quốc gia", "đào tạo, bồi dưỡng đội ngũ nhà giáo",
            "chuyển đổi số trong giáo dục"],
    "health": ["công tác y tế dự phòng", "chất lượng khám, chữa bệnh tại tuyến cơ sở", "công tác bảo đảm an toàn thực phẩm",
               "việc cung ứng thuốc, vật tư y tế"],
    "culture": ["công tác bảo tồn di sản văn hóa", "phong trào thể dục thể thao quần chúng", "hoạt động quảng bá du lịch",
                "công tác thông tin cơ sở"],
    "digital": ["hạ tầng số và nền tảng số dùng chung", "việc cung cấp dịch vụ công trực tuyến", "công tác bảo đảm an toàn thông tin",
                "ứng dụng khoa học, công nghệ và đổi mới sáng tạo"],
    "admin": ["công tác cải cách thủ tục hành chính", "kỷ luật, kỷ cương hành chính", "công tác tiếp công dân",
              "công tác thanh tra, kiểm tra", "công tác phòng, chống tham nhũng, tiêu cực", "chất lượng đội ngũ cán bộ, công chức"],
    "security": ["công tác bảo đảm an ninh, trật tự", "công tác phòng cháy, chữa cháy", "công tác quốc phòng địa phương",
                 "việc phòng, chống tội phạm và tệ nạn xã hội"],
})
PURPOSES = _nfc(["bảo đảm đúng quy định của pháp luật", "góp phần thúc đẩy tăng trưởng kinh tế của địa phương",
                 "đáp ứng yêu cầu phát triển trong tình hình mới", "tạo chuyển biến rõ nét trong năm",
                 "nâng cao mức độ hài lòng của người dân, doanh nghiệp", "bảo đảm công khai, minh bạch",
                 "phù hợp với điều kiện thực tế của từng địa phương", "không để phát sinh điểm nóng",
                 "gắn với trách nhiệm của người đứng đầu", "bảo đảm tiến độ, chất lượng, hiệu quả"])
