"""Outline parser: the tree of a document's sections, each with the span it governs.

A document is read as *paragraphs*: runs of lines joined where a hard line break only wraps a
sentence (PDF text: the next line starts in lower case), so the parser works on the raw text
and on the cleaned text alike.  A paragraph that starts with an item label (``patterns.
structure.LABEL_RE``) opens a section; the section governs everything up to the next label
of the same kind or of a higher level.

Nesting.  Strong labels have a fixed rank (Phần/Chương < Điều < A. < I. < 1. < 1.1. <
1.1.1.); lettered, parenthesised and bullet items are *flexible*: they nest under whatever is
open and become siblings of an open item of the same kind.  Markdown heading marks ("##") are
ignored when the heading carries a label (converters assign them at random), and rank just
below chapters when it does not.

Nothing in the closing block ("Nơi nhận:", the signature) belongs to the outline; a document
attached after it (a decision's "KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)", a "PHỤ LỤC")
starts a body of its own.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..model import CleanText, Section
from .patterns.structure import (
    ABBREVIATION_BEFORE_DOT_RE,
    ATTACHMENT_START_RE,
    AFTER_LABEL_RE,
    CLOSING_RE,
    DASH_PAREN_RE,
    LABEL_RE,
    LEAD_MARKUP_RE,
    PAGE_NUMBER_RE,
    SENTENCE_END_RE,
    TERMINAL_PUNCT,
    roman_value,
)


_GROUPS = ("article", "chapter", "roman", "upper", "number", "paren", "paren_roman", "paren_letter", "letter", "dash",
           "plus", "star")


@dataclass(slots=True)
class Paragraph:
    """A run of lines read as one paragraph."""

    start: int  # start of its first line (markup included)
    end: int  # end of its text (trailing spaces and markup excluded)
    content: int  # start of its text after markup and label
    label: str | None = None
    kind: str | None = None  # Section.kind of its label
    key: tuple | None = None  # nesting key: labels with equal keys are siblings
    rank: float | None = None  # fixed rank of strong labels (None: flexible)
    md_level: int = 0  # markdown heading level ("##" = 2), 0 when none
    bold: bool = False  # the line is wrapped in emphasis marks ("**…**")
    closing: bool = False  # "Nơi nhận:" — the closing block starts here


def _label(text: str, pos: int, line_end: int):
    """(label, kind, key, rank, content start) of an item label at ``pos``, or None."""
    m = LABEL_RE.match(text, pos, line_end)
    if not m:
        return None
    g = m.lastgroup
    if g == "numend":
        g = "number"
    lab = m.group(0).strip()
    if g == "article":
        kind, key, rank = "article", ("article",), 1.0
    elif g == "chapter":
        word = m.group("chapter").split()[0].lower()
        kind, key, rank = "chapter", ("chapter", word), 0.0 if word in ("phần", "chương") else 0.3
    elif g == "roman":
        if roman_value(m.group("roman")) is None:
            return None
        kind, key, rank = "roman", ("roman",), 2.0
    elif g == "upper":
        kind, key, rank = "letter", ("letter", "upper"), 1.5
    elif g == "number":
        num = m.group("number")
        end = m.group("numend")
        depth = num.count(".") + 1
        if not end and depth == 1:
            return None  # "18 tháng 01 …": a number, not a label
        if end == ")":
            kind, key, rank = "number", ("number", ")"), None
        else:
            kind, key, rank = "number", ("number", depth), 3.0 + depth / 10
        lab = num + (end or "")
    elif g == "paren":
        kind, key, rank = "paren_number", ("paren_number",), None
    elif g == "paren_roman":
        kind, key, rank = "paren_number", ("paren_number", "roman"), None
    elif g == "paren_letter":
        kind, key, rank = "letter", ("letter", "paren"), None
    elif g == "letter":
        kind, key, rank = "letter", ("letter",), None
        lab = m.group("letter") + m.group(0).strip()[-1]
    elif g == "dash":
        d = DASH_PAREN_RE.match(text, m.end(), line_end)
        if d:  # "- (1) …": the number is the label
            ae = AFTER_LABEL_RE.match(text, d.end(), line_end).end()
            return "(" + d.group("paren") + ")", "paren_number", ("paren_number",), None, ae
        ch = m.group("dash")
        kind, key, rank = "dash", ("dash", "-" if ch in "-–—" else ch), None
    elif g == "plus":
        kind, key, rank = "plus", ("plus",), None
    else:  # star
        kind, key, rank = "dash", ("dash", "*"), None
    ae = AFTER_LABEL_RE.match(text, m.end(), line_end).end()
    return lab, kind, key, rank, ae


_MARKUP_START = frozenset("#*_ \t\u00a0")
_MARKUP_CHARS = "#*_ \t\u00a0"
_LABEL_LOWER = frozenset("abcdefghiklmnopqrstuvxyđ")
_LABEL_WORDS = ("Điều", "ĐIỀU", "Chương", "CHƯƠNG", "Phần", "PHẦN", "Mục", "MỤC", "Tiểu mục", "TIỂU MỤC")
_TRAIL = " \t\u00a0\r*_#|"
_cache: tuple[str, list[Paragraph]] | None = None


def _may_label(line: str, i: int) -> bool:
    """Cheap test before LABEL_RE: can a label start at line[i]?"""
    c = line[i]
    if c.isdigit() or c in "(-–—•·▪◦➢✓+*":
        return True
    nxt = line[i + 1:i + 3]
    if c in _LABEL_LOWER:
        return nxt[:1] in (")", ".") or nxt == " )"
    if c.isupper():
        return nxt[:1] in (".", ")", " ") or c in "IVXL" or line.startswith(_LABEL_WORDS, i)
    return False


def paragraphs(source: CleanText | str) -> list[Paragraph]:
    """The paragraphs of a text, in order, with their labels (the last result is cached: the
    outline and the task finder read the same text)."""
    global _cache
    text = source.text if isinstance(source, CleanText) else source
    if _cache is not None and _cache[0] is text:
        return _cache[1]
    src = source.source.text if isinstance(source, CleanText) and source.source.text is not text else None
    out: list[Paragraph] = []
    pos = 0
    closed = False  # inside a closing block: skip lines up to an attached document
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        stripped = line.rstrip(_TRAIL)
        if not stripped or stripped.isspace():
            continue
        if closed:
            i = len(line) - len(line.lstrip(_MARKUP_CHARS))
            if not ATTACHMENT_START_RE.match(line, i):
                continue
            closed = False
        i = 0
        hashes = 0
        bold = False
        if line[0] in _MARKUP_START:
            mk = LEAD_MARKUP_RE.match(line)
            i = mk.end()
            if i >= len(stripped):
                continue
            hashes = len(mk.group("hashes") or "")
            bold = "*" in line[:i] or "__" in line[:i]
        content = line_start + i
        e = line_start + len(stripped)
        c = line[i]
        if (c.isdigit() or c in "-–") and PAGE_NUMBER_RE.match(stripped, i):
            continue  # a page number
        lab = _label(text, content, line_start + len(line)) if _may_label(line, i) else None
        if lab is None and not hashes and out:
            prev = out[-1]
            if _continues(text, prev, content, e):
                prev.end = e
                continue
        p = Paragraph(line_start, e, content, md_level=hashes, bold=bold)
        if lab is not None:
            p.label, p.kind, p.key, p.rank, p.content = lab
            if p.content >= e:
                p.content = e
            if src is not None and lab[1] in _HEADING_KINDS:
                body = _joined_heading_end(src, p.content, e)
                if body != -1:
                    # a heading line that cleaning joined to the paragraph below it
                    out.append(Paragraph(line_start, body, p.content, label=p.label, kind=p.kind, key=p.key,
                                         rank=p.rank, md_level=hashes, bold=bold))
                    while body < e and text[body].isspace():
                        body += 1
                    p = Paragraph(body, e, body)
        elif c in "Nn" and CLOSING_RE.match(text, content, e):
            p.closing = True
            out.append(p)
            closed = True
            continue
        out.append(p)
    _cache = (text, out)
    return out


_HEADING_KINDS = frozenset({"roman", "number", "letter", "chapter", "article"})
_HEADING_LAST_WORDS = frozenset("của và với các cho về tại theo trong trên từ đến những để là được có như".split())


def _joined_heading_end(src: str, content: int, e: int) -> int:
    """Where a heading ends when cleaning joined it to the next line ("3. Đẩy nhanh tiến độ các dự
    án\nSở Giao thông vận tải chủ trì, …"): the source line is short, ends without punctuation or a
    function word, and the next line starts in capitals.  -1 when the heading is not joined."""
    nl = src.find("\n", content, e)
    if nl == -1 or nl - content > 120:
        return -1
    head = src[content:nl].rstrip(" \t\r*_")
    if not head or head[-1] in ",;:-–(/&" or head[-1] in TERMINAL_PUNCT:
        return -1
    words = head.split()
    if len(words) > 16 or words[-1].lower() in _HEADING_LAST_WORDS:
        return -1
    q = nl
    while q < e and src[q].isspace():
        q += 1
    if q >= e or not src[q].isupper():
        return -1  # the next line goes on in lower case
    nxt = src[q:min(e, q + 24)].split("\n")[0]
    if nxt.upper() == nxt:
        return -1  # a title wrapped over lines in capitals
    return nl


def _continues(text: str, prev: Paragraph, content: int, e: int) -> bool:
    """Whether a line without a label wraps the previous paragraph's last sentence."""
    if prev.md_level:
        return False
    if text.find("|", content, e) != -1 or text.find("|", max(prev.content, prev.end - 3), prev.end) != -1:
        return False  # rows of a table are lines of their own
    c = text[content]
    if c.islower():
        return True
    last = text[prev.end - 1] if prev.end > prev.start else "."
    if last in TERMINAL_PUNCT:
        return False
    # an upper-case or digit start continues a long wrapped line of running text, never a heading
    body = text[prev.content:prev.end]
    if prev.bold or len(body) < 60 or body.upper() == body:
        return False
    if c.isdigit():  # "… giai đoạn \n2026 - 2030; …": a number does not open a heading
        return True
    if prev.label is not None and len(body) < 160:
        return False
    line = text[content:e]
    return line.upper() != line


def closing_start(paras: list[Paragraph], default: int) -> int:
    """Where the body ends: the last closing block, unless an attached document follows it."""
    if paras and paras[-1].closing:
        return paras[-1].start
    return default


def parse_outline(clean: CleanText) -> list[Section]:
    """The section tree of a document (top-level sections, each with its children)."""
    return outline_from_paragraphs(clean.text, paragraphs(clean))


def outline_from_paragraphs(text: str, paras: list[Paragraph]) -> list[Section]:
    end_of_text = closing_start(paras, len(text))
    roots: list[Section] = []
    stack: list[tuple[Section, tuple, float | None]] = []

    def close(sec: Section, at: int) -> None:
        while at > sec.start and text[at - 1].isspace():
            at -= 1
        sec.end = max(at, sec.heading_end)

    for p in paras:
        if p.closing:  # the closing block ends every open section; an attachment starts afresh
            while stack:
                sec, _, _ = stack.pop()
                close(sec, p.start)
            continue
        if p.label is None and not p.md_level:
            continue
        if p.label is None:  # an unlabelled markdown heading
            label, kind, key, rank = "#" * p.md_level, "markdown", ("markdown", p.md_level), 0.5 + p.md_level / 20
        else:
            label, kind, key, rank = p.label, p.kind, p.key, p.rank
        keys = [k for _, k, _ in stack]
        while stack:
            top, tkey, trank = stack[-1]
            if tkey == key:
                stack.pop()
                close(top, p.start)
                break
            if rank is not None and (trank is None or trank >= rank):
                stack.pop()
                close(top, p.start)
                continue
            if key in keys[: len(stack)]:
                stack.pop()
                close(top, p.start)
                continue
            break
        heading = text[p.content:p.end]
        if "\n" in heading or "  " in heading or "\t" in heading or "\u00a0" in heading or "\r" in heading or (
                heading and (heading[0].isspace() or heading[-1].isspace())):
            heading = " ".join(heading.split())
        sec = Section(label=label, kind=kind, heading=heading, start=p.start, end=p.end, heading_end=p.end,
                      depth=len(stack))
        (stack[-1][0].children if stack else roots).append(sec)
        stack.append((sec, key, rank))
    while stack:
        sec, _, _ = stack.pop()
        close(sec, end_of_text)
    return roots


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end] (a paragraph): (start, end) without surrounding spaces."""
    out = []
    s = start
    for m in SENTENCE_END_RE.finditer(text, start, end):
        cut = m.start() + 1
        if text[m.start()] == "." and ABBREVIATION_BEFORE_DOT_RE.search(text, max(start, cut - 6), cut):
            continue
        out.append((s, cut if text[m.start()] not in ":;" else cut))
        s = m.end()
    out.append((s, end))
    res = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            res.append((a, b))
    return res


def paragraph_sentences(text: str, paras: list[Paragraph], limit: int) -> list[list[tuple[int, int]]]:
    """The sentence spans of every paragraph that starts before ``limit`` (one pass over the text)."""
    starts, ends, where, _ = sentence_table(text, paras, limit)
    count = 0
    for p in paras:
        if p.start >= limit:
            break
        count += 1
    out: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    for a, b, i in zip(starts, ends, where):
        out[i].append((a, b))
    return out


_INLINE_BULLET_RE = re.compile(r"[-–+•*][ \t\u00a0]+")


def _abbreviation_last_chars() -> frozenset[str] | None:
    """The characters a dotted abbreviation ends with ("TP.", "Đ/c.", "v.v."), read from its
    pattern: a dot after any other character ends a sentence without running the pattern.  None
    when the pattern is not a plain list of words (then it runs for every dot)."""
    m = re.fullmatch(r"\(\?<!\\w\)\(\?:(.*)\)\\\.\$", ABBREVIATION_BEFORE_DOT_RE.pattern)
    if m is None:
        return None
    alts = m.group(1).split("|")
    if not all(re.fullmatch(r"(?:[^\W\d_]|/|\\\.)+", a) for a in alts):
        return None
    return frozenset(a.replace("\\.", ".")[-1] for a in alts)


_ABBREVIATION_LAST = _abbreviation_last_chars()


def sentence_table(text: str, paras: list[Paragraph], limit: int, skip: set[int] | frozenset[int] = frozenset(),
                   inline_bullets: bool = False) -> tuple[list[int], list[int], list[int], list[bool]]:
    """The sentences of every paragraph that starts before ``limit`` (its index not in ``skip``), as
    four parallel lists: start, end, paragraph index, first of its paragraph.  With
    ``inline_bullets`` a later sentence starts after its bullet ("…: - Xây dựng …").  One pass of
    the sentence-end pattern over the text; no object per sentence."""
    s_start: list[int] = []
    s_end: list[int] = []
    s_para: list[int] = []
    s_first: list[bool] = []
    if not paras:
        return s_start, s_end, s_para, s_first
    # the sentence ends as two sorted lists: the ends inside labels and markup ("1. ", "a) ") are
    # skipped with one bisect per paragraph instead of match by match
    spans = [m.span() for m in SENTENCE_END_RE.finditer(text, paras[0].content, limit)]
    starts = [x for x, _ in spans]
    n = len(starts)
    k = 0
    abbreviation = ABBREVIATION_BEFORE_DOT_RE.search
    last_chars = _ABBREVIATION_LAST
    bullet = _INLINE_BULLET_RE.match
    for i, p in enumerate(paras):
        if p.start >= limit:
            break
        content = p.content
        pend = p.end
        if k < n and starts[k] < content:
            k = bisect_left(starts, content, k)
        if i in skip:
            continue
        s = content
        first = True
        while True:
            if k < n and spans[k][1] <= pend:
                ms, me = spans[k]
                k += 1
                cut = ms + 1
                if text[ms] == "." and (last_chars is None or text[ms - 1] in last_chars) and abbreviation(
                        text, max(content, cut - 6), cut):
                    continue
                b = cut
            else:
                b = pend
                me = -1
            if b > s:
                a = s
                if inline_bullets and not first and text[a] in "-–+•*":
                    m = bullet(text, a, b)
                    if m:
                        a = m.end()
                s_start.append(a)
                s_end.append(b)
                s_para.append(i)
                s_first.append(first)
                first = False
            if me == -1:
                break
            s = me
    return s_start, s_end, s_para, s_first


def flatten(outline: list[Section]) -> list[tuple[Section, tuple[Section, ...]]]:
    """Every section with its ancestors (outermost first), in document order."""
    out: list[tuple[Section, tuple[Section, ...]]] = []

    def walk(secs: list[Section], path: tuple[Section, ...]) -> None:
        for s in secs:
            out.append((s, path))
            walk(s.children, path + (s,))

    walk(outline, ())
    return out


def heading_part(s: Section, width: int = 80) -> str:
    """One section of a heading path: "2. Sở Kế hoạch và Đầu tư" (a long heading cut with "…")."""
    h = s.heading if len(s.heading) <= width else s.heading[: width - 1].rstrip() + "…"
    return f"{s.label} {h}".strip()


def heading_path(chain: tuple[Section, ...], width: int = 80) -> str:
    """"I. THỰC HIỆN … > 2. Sở Kế hoạch và Đầu tư" for a chain of sections."""
    return " > ".join([heading_part(s, width) for s in chain])
