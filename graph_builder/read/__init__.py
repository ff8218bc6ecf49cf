"""read: file -> SourceText.

Formats: plain text (.txt, .md and unknown suffixes that turn out to be text), HTML
(.html/.htm: the visible text of the page body), .docx (paragraphs and tables in document
order) and .pdf (the text layer).  The format is decided by the file's magic bytes first and
its suffix second, so a PDF saved as ``.txt`` is still read as a PDF.

Text encodings: UTF-8 with or without BOM, UTF-16 with BOM or without (recognised by its NUL
bytes), UTF-32 with BOM, Windows-1258 (whose combining tone marks are composed by NFC).  The
legacy Vietnamese font encodings TCVN3 (ABC) and VNI are recognised and refused by name.

``SourceText.text`` is the decoded text normalised to NFC: every character offset in the
pipeline (spans, quotes, ``CleanText``) refers to this string, not to the bytes of the file.
Line ends are kept as they were (``\\r\\n`` stays two characters).

Escaped line breaks: a scraped page saved with its line breaks written as escape sequences
(the four characters backslash, r, backslash, n — a JSON or database dump) is a text whose
lines are encoded.  When a plain-text file holds at least three such escapes (backslash-r
backslash-n, backslash-n or backslash-r) and they outnumber its real line breaks, each is
decoded to one line break, so that the header's cells and the sentences are seen as written.
A stray backslash sequence in an ordinary text (a Windows path such as D:\\new) is left
alone: it does not outnumber the real line breaks.

Every failure is a ``ReadError`` whose message is one line naming the file and the reason:
missing path, directory, permission denied, empty, too large (``max_bytes``, default 50 MiB,
or the environment variable ``LEGALKG_MAX_BYTES``), binary (NUL bytes, known magic numbers),
corrupt or truncated .docx/.pdf, a PDF without a text layer, undecodable text.
"""
from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from pathlib import Path

from ..model import SourceText
from .decode import DecodeProblem, check_legacy, decode_bytes

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_BYTES_ENV = "LEGALKG_MAX_BYTES"

__all__ = ["ReadError", "read_path", "read_bytes", "max_bytes_limit", "DEFAULT_MAX_BYTES", "MAX_BYTES_ENV"]


class ReadError(Exception):
    """A file that cannot be read; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        reason = " ".join(str(reason).split())  # always one line
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self):  # picklable across worker processes
        return (type(self), (self.path, self.reason))


_TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}

# (magic prefix, what it is); checked before anything else
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"RIFF", "RIFF media file"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"(\xb5/\xfd", "zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy OLE document (.doc/.xls); convert it to .docx"),
    (b"{\\rtf", "RTF document (not supported; convert it to .docx)"),
    (b"\xca\xfe\xba\xbe", "Java class / Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\x00asm", "WebAssembly binary"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\x00\x00\x01\x00", "icon image"),
)
_HTML_SNIFF = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def max_bytes_limit(max_bytes: int | None = None) -> int:
    """The size limit in force: the argument, else ``$LEGALKG_MAX_BYTES``, else 50 MiB."""
    if max_bytes is not None:
        return int(max_bytes)
    env = os.environ.get(MAX_BYTES_ENV)
    if env:
        try:
            value = int(env.strip())
        except ValueError:
            raise ValueError(f"{MAX_BYTES_ENV}={env!r} is not a whole number of bytes") from None
        if value > 0:
            return value
    return DEFAULT_MAX_BYTES


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB" if n >= 1024 * 1024 else f"{n} bytes"


def read_path(path: str | Path, max_bytes: int | None = None) -> SourceText:
    """Read one file into a ``SourceText`` (NFC text), or raise ``ReadError``."""
    p = Path(path)
    limit = max_bytes_limit(max_bytes)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ReadError(p, "no such file or directory") from None
    except PermissionError:
        raise ReadError(p, "permission denied") from None
    except OSError as e:
        raise ReadError(p, e.strerror or str(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(p, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(p, "not a regular file")
    if st.st_size > limit:
        raise ReadError(p, f"file too large ({_mb(st.st_size)} > limit {_mb(limit)}; raise it with {MAX_BYTES_ENV})")
    try:
        with open(p, "rb") as fh:
            # read(n) allocates n bytes before reading: ask for the size the stat gave, and read
            # on up to the limit only if the file grew since (the same bytes as read(limit + 1))
            want = st.st_size + 1
            data = fh.read(want)
            if len(data) == want and want <= limit:
                data += fh.read(limit + 1 - want)
    except PermissionError:
        raise ReadError(p, "permission denied") from None
    except IsADirectoryError:
        raise ReadError(p, "is a directory, not a file") from None
    except OSError as e:
        raise ReadError(p, f"unreadable ({e.strerror or e})") from None
    if len(data) > limit:  # grew while we looked
        raise ReadError(p, f"file too large (> limit {_mb(limit)}; raise it with {MAX_BYTES_ENV})")
    return read_bytes(data, p)


def read_bytes(data: bytes, path: str | Path = "<bytes>") -> SourceText:
    """The same as ``read_path`` for bytes already in memory (``path`` names them)."""
    p = Path(path)
    if not data or not data.strip():
        raise ReadError(p, "empty file" if not data else "empty file (whitespace only)")
    digest = hashlib.sha256(data).hexdigest()
    suffix = p.suffix.lower()
    try:
        fmt, text, encoding = _dispatch(data, suffix)
    except DecodeProblem as e:
        raise ReadError(p, str(e)) from None
    if not text.strip():
        raise ReadError(p, f"no text in the {fmt} file" if fmt in ("docx", "pdf", "html") else "empty file (whitespace only)")
    return SourceText(str(p), text, encoding, fmt, digest)


def _dispatch(data: bytes, suffix: str) -> tuple[str, str, str]:
    """(format, text in NFC, encoding)."""
    fmt, text, encoding = _dispatch_format(data, suffix)
    if fmt in ("pdf", "docx", "html"):
        text = unicodedata.normalize("NFC", text)
    # (decode_bytes returns NFC, and unescape_line_breaks keeps it so: it only puts a line break,
    # which composes with nothing, where an escaped one was)
    return fmt, text, encoding


def _dispatch_format(data: bytes, suffix: str) -> tuple[str, str, str]:
    from .office import FormatProblem, docx_to_text, pdf_to_text

    head = data[:1024]
    try:
        if b"%PDF-" in head:
            text = pdf_to_text(data)
            check_legacy(text)
            return "pdf", text, "pdf"
        if suffix == ".pdf":
            raise DecodeProblem("not a PDF (no %PDF header)")
        if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
            kind = _zip_kind(data)
            if kind != "docx":
                raise DecodeProblem(kind)
            text = docx_to_text(data)
            check_legacy(text)
            return "docx", text, "docx"
        if suffix == ".docx":
            raise DecodeProblem("not a valid .docx (not a ZIP package)")
        if suffix == ".doc":
            raise DecodeProblem("legacy Word .doc is not supported; convert it to .docx")
    except FormatProblem as e:
        raise DecodeProblem(str(e)) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeProblem(f"binary file ({what})" if "convert" not in what and "not supported" not in what else what)
    if suffix in _HTML_SUFFIXES or (suffix not in _TEXT_SUFFIXES and _HTML_SNIFF.match(data[:4096])):
        from .html import html_to_text

        declared = _META_CHARSET.search(data[:4096])
        markup, encoding = decode_bytes(data, declared.group(1).decode("ascii", "replace") if declared else None)
        text = html_to_text(markup)
        check_legacy(text)
        return "html", text, encoding
    text, encoding = decode_bytes(data)
    return _TEXT_SUFFIXES.get(suffix, "txt"), unescape_line_breaks(text), encoding


_ESCAPED_BREAK_RE = re.compile(r"\\r\\n|\\n|\\r")


def unescape_line_breaks(text: str) -> str:
    """Escaped line breaks (backslash-r backslash-n, backslash-n, backslash-r) -> line breaks, when
    they are how the file writes its lines (at least three, and more than the real line breaks);
    otherwise ``text`` as is."""
    if "\\" not in text:
        return text
    escapes = len(_ESCAPED_BREAK_RE.findall(text))
    if escapes < 3 or escapes <= text.count("\n"):
        return text
    return _ESCAPED_BREAK_RE.sub("\n", text)


def _zip_kind(data: bytes) -> str:
    """'docx' for a Word package, else the reason the ZIP file is not one."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as e:
        return f"corrupt or truncated ZIP/.docx package ({type(e).__name__}: {e})"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "binary file (Excel .xlsx workbook, not a document)"
    if "ppt/presentation.xml" in names:
        return "binary file (PowerPoint .pptx, not a document)"
    if "content.xml" in names and "mimetype" in names:
        return "OpenDocument file (not supported; convert it to .docx)"
    return "binary file (ZIP archive, not a .docx)"
