"""Document-level IMPLEMENTS / BASED_ON, from the title and the opening paragraphs only.

The opening is the text before the first body heading ("I.", "1.", "a)", "Điều 1",
"QUYẾT ĐỊNH:").  It is cut into clauses (lines and sentences; ";" does not end a clause, so
"Căn cứ Luật A; Luật B;" gives both laws the clause's relation).  A clause counts when it is
one of the document's own framing clauses:

    "Căn cứ …", "Xét đề nghị …", "Xét Tờ trình …", "Theo đề nghị …"        -> basis
    "Thực hiện …", "Triển khai (thực hiện) …", "Quán triệt …"               -> implements
    "Để / Nhằm … thực hiện …" and "… ban hành <Type> … thực hiện …"           -> implements
                                                             (what follows the verb)

Background sentences ("Năm 2025 là năm … hướng tới thực hiện …") and citations in the body
(tasks carrying a document out) are not document-level relations.  A title saying
"… thực hiện <document>" adds implements.  The two lists do not overlap: basis wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import CitedDocument, CleanText, DocumentMeta, NamedReference
from .patterns.citations import vi_words
from .patterns.common import UPPER
from .patterns.named_refs import IMPL_GAP_RE

OPENING_LIMIT = 8000


@dataclass(slots=True)
class DocumentRelations:
    implements: list[str] = field(default_factory=list)  # symbols
    implements_named: list[str] = field(default_factory=list)  # named_references[].name
    basis: list[str] = field(default_factory=list)
    basis_named: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_BODY_HEADING_RE = re.compile(
    rf"(?m)^[ \t|*_#>]*(?:[IVXLC]+\.[ \t]|\d+(?:\.\d+)*\.?[ \t]+(?=[{UPPER}])|[a-zđ]\)[ \t]|\(\d+\)[ \t]|"
    rf"{vi_words('Điều')}[ \t]+1\b|{vi_words('QUYẾT ĐỊNH')}[ \t]*:|{vi_words('QUYẾT NGHỊ')}[ \t]*:|{vi_words('CHỈ THỊ')}[ \t]*:)"
)
_CLAUSE_END_RE = re.compile(rf"\n|[.!?](?=\s+[{UPPER}])")
_LEAD = r"[\s\-–+•*]*"
_BASIS_START_RE = re.compile(
    rf"{_LEAD}(?:{vi_words('Căn cứ')}|{vi_words('Xét đề nghị')}|{vi_words('Xét Tờ trình')}|{vi_words('Xét')}\s+|"
    rf"{vi_words('Theo đề nghị')}|{vi_words('Theo Tờ trình')})"
)
_IMPL_START_RE = re.compile(
    rf"{_LEAD}(?:{vi_words('Thực hiện')}|{vi_words('Triển khai')}|{vi_words('Quán triệt')}|{vi_words('Tiếp tục thực hiện')}|"
    rf"{vi_words('Cụ thể hóa')})(?![\w])"
)
_PURPOSE_START_RE = re.compile(rf"{_LEAD}(?:{vi_words('Để')}|{vi_words('Nhằm')})(?![\w])")
_IMPL_VERB_RE = re.compile(
    rf"(?<![\w])(?:{vi_words('thực hiện')}|{vi_words('triển khai')}|{vi_words('quán triệt')}|{vi_words('cụ thể hóa')})(?![\w])"
)
_ISSUES_RE = re.compile(rf"(?<![\w]){vi_words('ban hành')}(?![\w])")


def opening_end(text: str) -> int:
    """Offset where the body begins (the first body heading), capped."""
    limit = min(len(text), OPENING_LIMIT)
    m = _BODY_HEADING_RE.search(text, 0, limit)
    return m.start() if m else limit


def _clauses(text: str, start: int, end: int):
    pos = start
    for m in _CLAUSE_END_RE.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < end:
        yield pos, end


def _regions(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(relation, from, to): the parts of the opening that state a document-level relation."""
    out = []
    for a, b in _clauses(text, start, end):
        m = _BASIS_START_RE.match(text, a, b)
        if m:
            out.append(("basis", a, b))
            continue
        m = _IMPL_START_RE.match(text, a, b)
        if m:
            out.append(("implements", a, b))
            continue
        if _PURPOSE_START_RE.match(text, a, b) or _ISSUES_RE.search(text, a, b):
            v = _IMPL_VERB_RE.search(text, a, b)
            if v:
                out.append(("implements", v.start(), b))
    return out


def find_document_relations(clean: CleanText, meta: DocumentMeta, citations: list[CitedDocument],
                            named: list[NamedReference]) -> DocumentRelations:
    text = clean.text
    rel = DocumentRelations()
    regions = _regions(text, 0, opening_end(text))
    title = meta.spans.get("title")
    if title and title[0] >= 0:
        v = _IMPL_VERB_RE.search(text, title[0], title[1])
        if v:
            regions.append(("implements", v.start(), title[1]))
            rel.notes.append("implements: from the title")
    if not regions:
        return rel

    def relation_at(pos: int) -> str | None:
        found = None
        for kind, a, b in regions:
            if a <= pos < b:
                if kind == "basis":
                    return "basis"
                found = kind
        return found

    seen: set[str] = set()
    for c in citations:
        kinds = {relation_at(m.start) for m in c.mentions}
        kinds.discard(None)
        if not kinds or c.symbol in seen:
            continue
        seen.add(c.symbol)
        (rel.basis if "basis" in kinds else rel.implements).append(c.symbol)
    # documents without a number are fuzzier: in an implementing clause they count only when they
    # are the verb's object, directly or as items of the list after it ("thực hiện A, B và C")
    cited_ends = sorted(m.quote_end for c in citations for m in c.mentions)
    accepted_ends: list[int] = []
    seen_named: set[str] = set()
    for n in sorted(named, key=lambda x: x.start):
        k = relation_at(n.start)
        if k is None:
            continue
        if k == "implements" and not _object_of_verb(text, n.start, cited_ends + accepted_ends, regions):
            continue
        accepted_ends.append(n.end)
        if n.name in seen_named:
            continue
        seen_named.add(n.name)
        (rel.basis_named if k == "basis" else rel.implements_named).append(n.name)
    return rel


def _object_of_verb(text: str, pos: int, ends: list[int], regions) -> bool:
    """Whether only connectors lie between an implementing verb (or a preceding list item) and ``pos``."""
    start = max((a for kind, a, b in regions if kind == "implements" and a <= pos < b), default=None)
    if start is None:
        return False
    verbs = [m.end() for m in _IMPL_VERB_RE.finditer(text, start, pos)]
    anchors = verbs + [e for e in ends if start <= e <= pos]
    if not anchors:
        return False
    return bool(IMPL_GAP_RE.match(text[max(anchors):pos]))
