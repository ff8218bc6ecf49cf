"""HTML -> the visible text of the page body.

Block elements start new lines, table rows are lines with their cells separated by " | ",
and page furniture is dropped: scripts, styles, forms, navigation, asides, hidden elements,
and page-level <header>/<footer> (those inside <article>/<main> are part of the document).
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

_SKIP = frozenset("""script style noscript template svg math canvas iframe frame frameset object
embed head title meta link button select option input textarea nav aside map audio video
source track picture dialog""".split())
_BLOCK = frozenset("""p div section article main h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table
thead tbody tfoot caption blockquote pre address figure figcaption fieldset legend center hr
header footer form details summary body html""".split())
_CELL = frozenset(("td", "th"))
_NOISE_ROLES = frozenset(("navigation", "search", "menu", "menubar", "toolbar", "dialog", "alert"))
_PAGE_ROLES = frozenset(("banner", "contentinfo"))
_NOISE_CLASS = frozenset("""menu navbar nav-menu breadcrumb breadcrumbs sidebar share social
social-share cookie cookies cookie-banner advert advertisement ads hidden d-none sr-only
visually-hidden""".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_OTHER = (Comment, CData, Declaration, Doctype, ProcessingInstruction)


def _parser() -> str:
    try:
        import lxml  # noqa: F401

        return "lxml"
    except ImportError:  # pragma: no cover - lxml comes with python-docx
        return "html.parser"


_PARSER = _parser()


def _is_noise(tag: Tag, in_content: bool) -> bool:
    name = tag.name
    if name in _SKIP:
        return True
    attrs = tag.attrs
    if not attrs and name not in ("header", "footer"):
        return False
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    role = attrs.get("role")
    if role in _NOISE_ROLES or (role in _PAGE_ROLES and not in_content):
        return True
    if name in ("header", "footer") and not in_content:
        return True
    classes = attrs.get("class") or ()
    if isinstance(classes, str):
        classes = classes.split()
    ident = attrs.get("id")
    tokens = {c.lower() for c in classes}
    if ident:
        tokens.add(str(ident).lower())
    return bool(tokens & _NOISE_CLASS)


def _inline_text(node: Tag, in_content: bool) -> str:
    """All visible text under ``node`` on one line (for table cells)."""
    parts: list[str] = []
    stack: list = [(node, in_content)]
    while stack:
        cur, content = stack.pop()
        if isinstance(cur, NavigableString):
            if not isinstance(cur, _OTHER):
                parts.append(str(cur))
            continue
        if _is_noise(cur, content):
            continue
        if cur.name in _BLOCK or cur.name in ("br", "tr") or cur.name in _CELL:
            parts.append(" ")
        content = content or cur.name in ("article", "main")
        stack.extend((child, content) for child in reversed(cur.contents))
    return " ".join("".join(parts).split())


def html_to_text(markup: str) -> str:
    soup = BeautifulSoup(markup, _PARSER)
    root = soup.body or soup
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            line = " ".join("".join(current).split())
            current.clear()
            if line:
                lines.append(line)

    # iterative walk: (node, inside article/main, is_end_marker)
    stack: list = [(root, False, False)]
    while stack:
        node, content, end = stack.pop()
        if end:
            flush()
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, _OTHER):
                current.append(str(node))
            continue
        name = node.name
        if _is_noise(node, content):
            continue
        if name == "br":
            flush()
            continue
        if name == "pre":
            flush()
            pre = node.get_text()
            lines.extend(line.rstrip() for line in pre.strip("\n").split("\n"))
            continue
        if name == "tr":
            flush()
            cells = [_inline_text(c, content) for c in node.find_all(_CELL, recursive=False)]
            if any(cells):
                lines.append(" | ".join(cells))
            continue
        if name in _BLOCK:
            flush()
            stack.append((node, content, True))
        content = content or name in ("article", "main")
        stack.extend((child, content, False) for child in reversed(node.contents))
    flush()
    return "\n".join(lines)
