"""Binary document formats: .docx (python-docx) and .pdf (pypdf text layer)."""
from __future__ import annotations

import io
import logging
import zipfile


class FormatProblem(Exception):
    pass


# --------------------------------------------------------------------------- docx

def docx_to_text(data: bytes) -> str:
    """Paragraphs and tables of the document body in document order; a table row is one
    line with its cells separated by " | " (a merged cell is written once)."""
    try:
        import docx
        from docx.oxml.ns import qn
        from docx.text.paragraph import Paragraph
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise FormatProblem(f"python-docx is not installed ({e})") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError) as e:
        raise FormatProblem(f"corrupt or truncated .docx ({type(e).__name__}: {e})") from None
    except Exception as e:  # lxml XMLSyntaxError, docx's PackageNotFoundError, ...
        raise FormatProblem(f"corrupt or truncated .docx ({type(e).__name__}: {e})") from None

    P, TBL, SDT, SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
    TR, TC = qn("w:tr"), qn("w:tc")
    lines: list[str] = []

    def para_text(p) -> str:
        return Paragraph(p, document).text

    def cell_text(tc) -> str:
        parts: list[str] = []
        for el in tc.iter(P):
            t = para_text(el).strip()
            if t:
                parts.append(t)
        return " ".join(" ".join(parts).split())

    def walk(parent) -> None:
        for el in parent.iterchildren():
            tag = el.tag
            if tag == P:
                lines.append(para_text(el))
            elif tag == TBL:
                for tr in el.iter(TR):
                    if tr.getparent() is not el:
                        continue  # a nested table's rows are inside their cell's text
                    cells = [cell_text(tc) for tc in tr.iterchildren(TC)]
                    if any(cells):
                        lines.append(" | ".join(cells))
            elif tag == SDT:
                for content in el.iterchildren(SDT_CONTENT):
                    walk(content)

    try:
        walk(document.element.body)
    except Exception as e:  # malformed XML inside a valid package
        raise FormatProblem(f"corrupt .docx content ({type(e).__name__}: {e})") from None
    return "\n".join(lines)


# --------------------------------------------------------------------------- pdf

def pdf_to_text(data: bytes) -> str:
    """The text layer of every page, pages separated by a blank line."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError as e:  # pragma: no cover
        raise FormatProblem(f"pypdf is not installed ({e})") from None
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                try:
                    ok = reader.decrypt("")
                except Exception:
                    ok = 0
                if not ok:
                    raise FormatProblem("encrypted PDF (password required)")
            pages = []
            for page in reader.pages:
                pages.append(page.extract_text() or "")
        except FormatProblem:
            raise
        except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
                EOFError, OSError, RecursionError, zipfile.BadZipFile) as e:
            raise FormatProblem(f"corrupt or truncated PDF ({type(e).__name__}: {e})") from None
        except Exception as e:
            raise FormatProblem(f"corrupt or truncated PDF ({type(e).__name__}: {e})") from None
    finally:
        log.setLevel(level)
    if not pages:
        raise FormatProblem("corrupt or truncated PDF (no pages)")
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise FormatProblem("no text layer (scanned image?)")
    return text
