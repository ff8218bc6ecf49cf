"""read: formats, encodings and bad input, on documents written here (and the seeds)."""
from __future__ import annotations

import io
import os
import unicodedata
import zipfile
from pathlib import Path

import pytest

import graph_builder.read as read_mod
from graph_builder.read import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, ReadError, read_bytes, read_path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

SENTENCE = (
    "Căn cứ Nghị quyết số 01/NQ-CP ngày 05 tháng 01 năm 2024 của Chính phủ về nhiệm vụ, "
    "giải pháp chủ yếu thực hiện kế hoạch phát triển kinh tế - xã hội; UBND tỉnh yêu cầu "
    "các sở, ban, ngành triển khai thực hiện đúng tiến độ, bảo đảm hiệu quả."
)
DOC = (
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\nSố: 15/KH-UBND\n\nKẾ HOẠCH\n"
    "Thực hiện Chỉ thị số 05/CT-TTg ngày 12 tháng 3 năm 2024 của Thủ tướng Chính phủ\n\n"
    + SENTENCE + "\n1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính tham mưu.\n"
)

# TCVN3 (ABC) code table, lower-case letters, as published (TCVN 5712:1993 VN3), typed here
# independently of the reader's own table.
_TCVN3_LETTERS = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ"
_TCVN3_BYTES = bytes([
    0xB5, 0xB8, 0xB6, 0xB7, 0xB9, 0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6, 0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB,
    0xAE, 0xCC, 0xD0, 0xCE, 0xCF, 0xD1, 0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6, 0xD7, 0xDD, 0xD8, 0xDC, 0xDE,
    0xDF, 0xE3, 0xE1, 0xE2, 0xE4, 0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9, 0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE,
    0xEF, 0xF3, 0xF1, 0xF2, 0xF4, 0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9, 0xFA, 0xFD, 0xFB, 0xFC, 0xFE, 0xA7,
])
assert len(_TCVN3_LETTERS) == len(_TCVN3_BYTES)
_TCVN3 = dict(zip(_TCVN3_LETTERS, _TCVN3_BYTES))


def to_tcvn3(text: str) -> bytes:
    return bytes(ord(c) if ord(c) < 128 else _TCVN3[c] for c in text)


# SENTENCE typed in VNI-Windows (base letter + diacritic byte: aê=ă, öù=ứ, ò=ị, eá=ế, ñ=đ ...)
VNI_SENTENCE = (
    "Caên cöù Nghò quyeát soá 01/NQ-CP ngaøy 05 thaùng 01 naêm 2024 cuûa Chính phuû veà nhieäm vuï, "
    "giaûi phaùp chuû yeáu thöïc hieän keá hoaïch phaùt trieån kinh teá - xaõ hoäi; UBND tænh yeâu caàu "
    "caùc sôû, ban, ngaønh trieån khai thöïc hieän ñuùng tieán ñoä, baûo ñaûm hieäu quaû."
)

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: base letters (with their hats and horns) precomposed
    where the code page has them, tone marks as separate combining characters."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
        out += base.encode("cp1258") + "".join(c for c in d if c in _TONES).encode("cp1258")
    return bytes(out)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def assert_read_error(path: Path, *fragments: str, **kw) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_path(path, **kw)
    err = info.value
    msg = str(err)
    assert msg.startswith(str(path)), msg
    assert "\n" not in msg
    for frag in fragments:
        assert frag.lower() in msg.lower(), msg
    return err


# --------------------------------------------------------------------------- plain text

def test_utf8_text_is_nfc_with_hash_and_format(tmp_path):
    nfd = unicodedata.normalize("NFD", DOC)
    data = nfd.encode("utf-8")
    src = read_path(write(tmp_path, "kh.txt", data))
    assert src.text == DOC  # composed
    assert src.encoding == "utf-8" and src.format == "txt"
    import hashlib

    assert src.content_hash == hashlib.sha256(data).hexdigest()


def test_escaped_line_breaks_in_decomposed_text_come_out_nfc(tmp_path):
    # the decoded text is normalised once, before the escapes are replaced: a mark after an
    # escaped "\\n" must still end up composed the same way as NFC of the whole result
    lines = ["Kế hoạch số 12/KH-UBND", "ngày 5 tháng 3 năm 2024", "n\u0301 thử", "Ủy ban nhân dân tỉnh"]
    raw = unicodedata.normalize("NFD", "\\n".join(lines) + "\\n")
    src = read_path(write(tmp_path, "esc.txt", raw.encode("utf-8")))
    assert "\n" in src.text and "\\n" not in src.text
    assert src.text == unicodedata.normalize("NFC", unicodedata.normalize("NFC", raw).replace("\\n", "\n"))
    assert unicodedata.is_normalized("NFC", src.text)


def test_file_longer_than_its_stat_is_read_to_the_end(tmp_path, monkeypatch):
    # the read is sized from the stat; a file that grew since is still read in full
    p = write(tmp_path, "grew.txt", DOC.encode("utf-8"))
    real_stat = Path.stat

    class Shorter:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, st.st_size // 2

    monkeypatch.setattr(Path, "stat", lambda self, *a, **k: Shorter(real_stat(self, *a, **k)))
    assert read_path(p).text == DOC


def test_utf8_bom(tmp_path):
    src = read_path(write(tmp_path, "bom.md", b"\xef\xbb\xbf" + DOC.encode("utf-8")))
    assert src.text == DOC and src.format == "md"
    assert src.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(tmp_path, codec):
    src = read_path(write(tmp_path, f"{codec}.txt", DOC.encode(codec)))
    assert src.text == DOC
    assert src.encoding == codec


def test_windows_1258_with_combining_tones(tmp_path):
    data = to_cp1258(DOC)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\xec" in data or b"\xf2" in data  # tone marks as separate bytes
    src = read_path(write(tmp_path, "cp1258.txt", data))
    assert src.encoding == "windows-1258"
    assert src.text == DOC  # combining marks composed by NFC


def test_tcvn3_reported_by_name(tmp_path):
    data = to_tcvn3((DOC.replace("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "UBND tỉnh Quảng Ngãi")
                     .replace("KẾ HOẠCH", "Kế hoạch")).lower())
    assert b"\xae" in data  # đ
    err = assert_read_error(write(tmp_path, "abc.txt", data), "TCVN3 (ABC)", "legacy", "convert")
    assert "mojibake" not in err.reason


def test_vni_reported_by_name(tmp_path):
    data = (VNI_SENTENCE + "\n" + VNI_SENTENCE).encode("cp1252")
    assert_read_error(write(tmp_path, "vni.txt", data), "VNI", "legacy")


def test_legacy_code_tables_round_trip():
    """The reader's TCVN3 and VNI tables agree with the published ones typed in this test."""
    from graph_builder.read.vietnamese import decode_tcvn3, decode_vni

    lower = SENTENCE.lower()
    assert decode_tcvn3(to_tcvn3(lower)) == lower
    assert decode_tcvn3(to_tcvn3(_TCVN3_LETTERS)) == _TCVN3_LETTERS
    assert decode_vni(VNI_SENTENCE.encode("cp1252")) == SENTENCE


def test_legacy_text_stored_as_utf8_latin1_characters(tmp_path):
    # a converter read TCVN3/VNI bytes as Latin-1 and saved them as UTF-8
    tcvn = to_tcvn3(SENTENCE.replace("UBND", "ubnd").lower()).decode("latin-1").encode("utf-8")
    assert_read_error(write(tmp_path, "tcvn_u8.txt", tcvn), "TCVN3")
    vni = VNI_SENTENCE.encode("utf-8")
    assert_read_error(write(tmp_path, "vni_u8.txt", vni), "VNI")


def test_unicode_text_with_latin1_symbols_is_not_taken_for_legacy(tmp_path):
    text = SENTENCE + " Nhiệt độ 25°C, tỷ lệ ½, © 2024, điều § 3, «trích dẫn», mục ¶ 2."
    src = read_path(write(tmp_path, "sym.txt", (text * 3).encode("utf-8")))
    assert "25°C" in src.text


def test_unknown_suffix_that_is_text(tmp_path):
    src = read_path(write(tmp_path, "van_ban.dat", DOC.encode("utf-8")))
    assert src.format == "txt" and src.text == DOC


def test_crlf_kept_in_source(tmp_path):
    src = read_path(write(tmp_path, "crlf.txt", DOC.replace("\n", "\r\n").encode("utf-8")))
    assert "\r\n" in src.text


def test_seeds_read_as_utf8():
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) == 5
    for p in seeds:
        src = read_path(p)
        assert src.encoding == "utf-8" and src.format == "txt"
        assert unicodedata.is_normalized("NFC", src.text)
        assert "Nghị quyết" in src.text


# --------------------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html>
<html><head><meta charset="windows-1258"><title>Cổng thông tin</title>
<style>.x { color: red }</style><script>var a = "Nghị quyết số 99/NQ-CP";</script></head>
<body>
<header><nav><a href="/">Trang chủ</a> | <a href="/vb">Văn bản</a></nav></header>
<div class="breadcrumb">Trang chủ &gt; Văn bản</div>
<article>
  <header><h1>Kế hoạch số 15/KH-UBND</h1></header>
  <p>Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024 của <b>Chính phủ</b>;</p>
  <p>UBND tỉnh ban hành<br>Kế hoạch như sau:</p>
  <ul><li>a) Sở Tài chính chủ trì;</li><li>b) Sở Nội vụ phối hợp.</li></ul>
  <table><tr><th>Số hiệu</th><th>15/KH-UBND</th></tr>
         <tr><td>Ngày ban hành</td><td><p>12/03/2024</p></td></tr></table>
  <div style="display:none">Nội dung ẩn</div>
  <!-- ghi chú không hiển thị -->
</article>
<aside>Văn bản liên quan: Quyết định 77/QĐ-UBND</aside>
<footer>Bản quyền thuộc UBND tỉnh</footer>
</body></html>
"""


def test_html_visible_body_text(tmp_path):
    data = to_cp1258(HTML)
    src = read_path(write(tmp_path, "page.html", data))
    assert src.format == "html" and src.encoding == "windows-1258"
    lines = src.text.split("\n")
    assert lines[0] == "Kế hoạch số 15/KH-UBND"  # article header kept, page header/nav dropped
    assert "Căn cứ Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ;" in lines
    assert "UBND tỉnh ban hành" in lines and "Kế hoạch như sau:" in lines  # <br>
    assert "a) Sở Tài chính chủ trì;" in lines and "b) Sở Nội vụ phối hợp." in lines
    assert "Số hiệu | 15/KH-UBND" in lines
    assert "Ngày ban hành | 12/03/2024" in lines
    for noise in ("99/NQ-CP", "color", "Trang chủ", "Nội dung ẩn", "ghi chú", "77/QĐ-UBND", "Bản quyền", "Cổng thông tin"):
        assert noise not in src.text, noise


def test_html_sniffed_without_suffix(tmp_path):
    src = read_path(write(tmp_path, "download", "<html><body><p>Điều 1. Ban hành</p></body></html>".encode("utf-8")))
    assert src.format == "html" and src.text == "Điều 1. Ban hành"


# --------------------------------------------------------------------------- docx

def make_docx(paragraphs_before, table_rows, paragraphs_after) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs_before:
        d.add_paragraph(p)
    table = d.add_table(rows=len(table_rows), cols=len(table_rows[0]))
    for r, row in enumerate(table_rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for p in paragraphs_after:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    data = make_docx(
        ["QUYẾT ĐỊNH", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;"],
        [["TT", "Nhiệm vụ", "Cơ quan chủ trì"], ["1", "Xây dựng kế hoạch", "Sở Kế hoạch và Đầu tư"]],
        ["Điều 2. Tổ chức thực hiện."],
    )
    src = read_path(write(tmp_path, "qd.docx", data))
    assert src.format == "docx" and src.encoding == "docx"
    assert src.text.split("\n") == [
        "QUYẾT ĐỊNH",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
        "TT | Nhiệm vụ | Cơ quan chủ trì",
        "1 | Xây dựng kế hoạch | Sở Kế hoạch và Đầu tư",
        "Điều 2. Tổ chức thực hiện.",
    ]


def test_docx_merged_cell_written_once(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    a = t.cell(0, 0).merge(t.cell(0, 1))
    a.text = "Chỉ tiêu"
    t.cell(0, 2).text = "2024"
    t.cell(1, 0).text = "GRDP"
    t.cell(1, 1).text = "%"
    t.cell(1, 2).text = "7,5"
    buf = io.BytesIO()
    d.save(buf)
    src = read_path(write(tmp_path, "m.docx", buf.getvalue()))
    assert src.text.split("\n") == ["Chỉ tiêu | 2024", "GRDP | % | 7,5"]


def test_docx_typed_in_tcvn3_font_reported(tmp_path):
    legacy = to_tcvn3(SENTENCE.replace("UBND", "ubnd").lower()).decode("latin-1")
    data = make_docx([legacy, legacy], [["a", "b"]], [])
    assert_read_error(write(tmp_path, "vntime.docx", data), "TCVN3")


def test_truncated_docx(tmp_path):
    data = make_docx(["Điều 1. Ban hành kế hoạch."], [["a", "b"]], [])
    assert_read_error(write(tmp_path, "cut.docx", data[: len(data) // 2]), "corrupt or truncated")


def test_docx_without_document_part(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "không phải văn bản")
    assert_read_error(write(tmp_path, "fake.docx", buf.getvalue()), "ZIP archive", "not a .docx")


# --------------------------------------------------------------------------- pdf

def _unicode_font() -> str:
    for candidate in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                      "/usr/share/fonts/dejavu/DejaVuSans.ttf"):
        if os.path.exists(candidate):
            return candidate
    import matplotlib  # ships DejaVu Sans (test extra)

    return os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf", "DejaVuSans.ttf")


def make_pdf(pages: list[list[str]]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("VNSans", _unicode_font()))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for lines in pages:
        c.setFont("VNSans", 11)
        y = 800
        for line in lines:
            c.drawString(50, y, line)
            y -= 16
        c.showPage()
    c.save()
    return buf.getvalue()


PDF_PAGES = [
    ["Thực hiện Nghị quyết số 128/NQ-CP ngày 08 tháng 9 năm 2024 của Chính",
     "phủ về Phiên họp Chính phủ thường kỳ tháng 8 năm 2024, Ủy ban nhân dân tỉnh",
     "yêu cầu các sở, ngành tập trung triển khai một số nhiệm vụ sau:"],
    ["a) Đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2024."],
]


def test_pdf_text_layer(tmp_path):
    src = read_path(write(tmp_path, "cv.pdf", make_pdf(PDF_PAGES)))
    assert src.format == "pdf" and src.encoding == "pdf"
    assert "Nghị quyết số 128/NQ-CP ngày 08 tháng 9 năm 2024 của Chính\nphủ về" in src.text
    assert "a) Đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2024." in src.text
    assert src.text.index("yêu cầu") < src.text.index("a) Đẩy")
    assert unicodedata.is_normalized("NFC", src.text)


def test_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(50, 50, 400, 600, fill=1)  # a "scanned page": graphics, no text
    c.showPage()
    c.save()
    assert_read_error(write(tmp_path, "scan.pdf", buf.getvalue()), "no text layer (scanned image?)")


def test_truncated_and_corrupt_pdf(tmp_path):
    data = make_pdf(PDF_PAGES)
    assert_read_error(write(tmp_path, "cut.pdf", data[: len(data) // 3]), "corrupt or truncated PDF")
    assert_read_error(write(tmp_path, "junk.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50), "PDF")
    assert_read_error(write(tmp_path, "notpdf.pdf", "Chỉ là văn bản thường".encode("utf-8")), "not a PDF")


# --------------------------------------------------------------------------- bad input

def test_missing_path(tmp_path):
    assert_read_error(tmp_path / "khong_co.txt", "no such file")


def test_directory(tmp_path):
    assert_read_error(tmp_path, "directory")


def test_empty_and_whitespace_only(tmp_path):
    assert_read_error(write(tmp_path, "empty.txt", b""), "empty file")
    assert_read_error(write(tmp_path, "blank.txt", b"  \n\t\r\n  "), "empty file")
    assert_read_error(write(tmp_path, "blank16.txt", "   \n  ".encode("utf-16")), "empty")
    assert_read_error(write(tmp_path, "blank.html", b"<html><body><script>x()</script></body></html>"), "no text")


@pytest.mark.parametrize("name,data,what", [
    ("anh.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG"),
    ("anh.jpg", b"\xff\xd8\xff\xe0" + b"\x10JFIF" + b"\x00" * 64, "JPEG"),
    ("prog", b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "ELF"),
    ("vb.txt.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 64, "gzip"),
    ("vb.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".doc"),
    ("data.bin", b"Nghi quyet\x00\x01\x02\x03 so 01\x00\x00\xff\xfe\x00\x07" * 20, "binary"),
])
def test_binary_files(tmp_path, name, data, what):
    assert_read_error(write(tmp_path, name, data), what)


def test_zip_that_is_not_docx(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "x")
    assert_read_error(write(tmp_path, "files.zip", buf.getvalue()), "ZIP archive")


def test_huge_file_limit_argument_and_env(tmp_path, monkeypatch):
    p = write(tmp_path, "lon.txt", (SENTENCE + "\n").encode("utf-8") * 20)
    assert_read_error(p, "too large", "limit", max_bytes=1000)
    monkeypatch.setenv(MAX_BYTES_ENV, "1000")
    assert_read_error(p, "too large")
    monkeypatch.setenv(MAX_BYTES_ENV, "10000000")
    assert read_path(p).text.startswith("Căn cứ")
    monkeypatch.delenv(MAX_BYTES_ENV)
    assert read_mod.max_bytes_limit() == DEFAULT_MAX_BYTES == 50 * 1024 * 1024


def test_unreadable_file(tmp_path, monkeypatch):
    p = write(tmp_path, "khoa.txt", DOC.encode("utf-8"))
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        p.chmod(0)
        try:
            assert_read_error(p, "permission denied")
        finally:
            p.chmod(0o644)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(read_mod, "open", denied, raising=False)
    assert_read_error(p, "permission denied")


def test_undecodable_text(tmp_path):
    # neither UTF-8 nor a plausible Vietnamese 8-bit text: random high bytes
    import random

    rng = random.Random(7)
    data = bytes(rng.choice(range(0x80, 0x100)) if i % 3 else 0x20 for i in range(3000))
    assert_read_error(write(tmp_path, "rac.txt", data), "undecodable")


def test_utf8_with_one_broken_byte_is_read(tmp_path):
    data = (DOC * 5).encode("utf-8") + "ệ".encode("utf-8")[:2]  # cut inside the last character
    src = read_path(write(tmp_path, "cut.txt", data))
    assert src.text.startswith(DOC) and src.text.endswith("\ufffd")


def test_read_error_carries_path_and_reason(tmp_path):
    p = write(tmp_path, "e.txt", b"")
    with pytest.raises(ReadError) as info:
        read_path(p)
    assert info.value.path == str(p) and info.value.reason == "empty file"


def test_read_error_pickles_for_worker_processes():
    import pickle

    err = pickle.loads(pickle.dumps(ReadError("/x/a.pdf", "no text layer (scanned image?)")))
    assert (err.path, err.reason, str(err)) == ("/x/a.pdf", "no text layer (scanned image?)",
                                                 "/x/a.pdf: no text layer (scanned image?)")


def test_read_bytes_equivalent(tmp_path):
    data = DOC.encode("utf-16")
    assert read_bytes(data, "x.txt").text == read_path(write(tmp_path, "x.txt", data)).text
