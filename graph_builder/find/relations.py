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
import unicodedata
from dataclasses import dataclass, field

from ..model import CitedDocument, CleanText, DocumentMeta, NamedReference
from .patterns.citations import vi_words
from .patterns.common import DATED_RE, UPPER
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
_LEAD = r"[\s\-–+•*]*"
_FRAMING = [vi_words(w) for w in ("Căn cứ", "Xét đề nghị", "Xét Tờ trình", "Theo đề nghị", "Theo Tờ trình", "Thực hiện",
                                  "Triển khai", "Quán triệt", "Tiếp tục thực hiện", "Cụ thể hóa", "Sau khi nghe",
                                  "Tiếp theo")]  # "tiếp theo Công điện số …": a follow-up, no relation
_BASIS_START_RE = re.compile(
    rf"{_LEAD}(?:{vi_words('Căn cứ')}|{vi_words('Xét đề nghị')}|{vi_words('Xét Tờ trình')}|{vi_words('Xét')}\s+|"
    rf"{vi_words('Theo đề nghị')}|{vi_words('Theo Tờ trình')}|{vi_words('Sau khi nghe')}|{vi_words('Sau khi xem xét')})"
)
_IMPL_START_RE = re.compile(
    rf"{_LEAD}(?:{vi_words('Thực hiện')}|{vi_words('Triển khai')}|{vi_words('Quán triệt')}|{vi_words('Tiếp tục thực hiện')}|"
    rf"{vi_words('Cụ thể hóa')})(?![\w])"
)
_PURPOSE_START_RE = re.compile(rf"{_LEAD}(?:{vi_words('Để')}|{vi_words('Nhằm')})(?![\w])")
_IMPL_VERB_RE = re.compile(
    rf"(?<![\w])(?:{vi_words('thực hiện')}|{vi_words('triển khai')}|{vi_words('quán triệt')}|{vi_words('cụ thể hóa')})(?![\w])"
)
# "UBND tỉnh ban hành <Type> … thực hiện …" (not a past act: "đã ban hành Chỉ thị số … để thực hiện")
_ISSUES_RE = re.compile(rf"(?=[bB])(?<![\w])(?<!{vi_words('đã')} )(?<!{vi_words('đã')}  ){vi_words('ban hành')}(?![\w])")
# Inside a paragraph a clause ends at a sentence stop, and at ";" or a joined paragraph break
# (a run of spaces) before another framing phrase: "Thực hiện A; Xét đề nghị … tại B;"
_FRAMING_RX = "|".join(_FRAMING) + "|" + vi_words("Để") + r"(?![\w])|" + vi_words("Nhằm") + r"(?![\w])"
_FRAMING_FIRST = "".join(sorted({c for w in ("Căn", "Xét", "Theo", "Thực", "Triển", "Quán", "Tiếp", "Cụ", "Sau", "Để", "Nhằm")
                                 for c in (w[0], w[0].lower())}))
_CLAUSE_END_RE = re.compile(  # (the first-letter lookaheads keep the framing alternations off most positions)
    rf"[.!?](?=\s+[{UPPER}])|;(?=\s*[{_FRAMING_FIRST}])(?=\s*(?:{_FRAMING_RX}))"
    rf"|[ \t]{{2,}}(?=[{_FRAMING_FIRST}])(?=(?:{'|'.join(_FRAMING)})(?![\w]))"
)
_TERMINAL = ".:!?…"  # not ";": "Căn cứ Luật A;" / "Luật B;" is one clause over two lines
_LINE_LABEL_RE = re.compile(rf"[ \t]*(?:[-+•*]|\d+(?:\.\d+)*[.)]|[a-zđ]\)|\([\da-z]+\)|[IVXLC]+\.)[ \t]")
_LINE_FRAMING_RE = re.compile(rf"{_LEAD}(?:{_FRAMING_RX})")


def opening_end(text: str) -> int:
    """Offset where the body begins (the first body heading), capped."""
    limit = min(len(text), OPENING_LIMIT)
    m = _BODY_HEADING_RE.search(text, 0, limit)
    return m.start() if m else limit


def _caps(line: str) -> bool:
    return line.upper() == line and line.lower() != line


def _paragraphs(text: str, start: int, end: int):
    """Lines joined where a sentence runs on over a hard line break (the line does not end with a
    stop, the next is no list item, heading or new framing phrase, neither is in capitals)."""
    pos = start
    para_start = start
    prev = ""
    while pos < end:
        nl = text.find("\n", pos, end)
        le = end if nl == -1 else nl
        line = text[pos:le].strip()
        if line and prev and not (prev[-1] in _TERMINAL or _caps(prev) or _caps(line) or _LINE_LABEL_RE.match(text, pos, le)
                                  or _LINE_FRAMING_RE.match(text, pos, le)):
            pass  # the sentence goes on
        elif not line:
            if para_start < pos:
                yield para_start, pos
            para_start = le + 1
        else:
            if para_start < pos:
                yield para_start, pos
            para_start = pos
        if line:
            prev = line
        else:
            prev = ""
        pos = le + 1
    if para_start < end:
        yield para_start, end


def _clauses(text: str, start: int, end: int):
    for a0, b0 in _paragraphs(text, start, end):
        pos = a0
        for m in _CLAUSE_END_RE.finditer(text, a0, b0):
            if m.start() > pos:
                yield pos, m.start()
            pos = m.end()
        if pos < b0:
            yield pos, b0


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
        if _PURPOSE_START_RE.match(text, a, b):
            v = _IMPL_VERB_RE.search(text, a, b)
            if v:
                out.append(("implements", v.start(), b))
            continue
        im = _ISSUES_RE.search(text, a, b)
        if im:  # what follows "ban hành <Type> …": the documents the issued one carries out
            v = _IMPL_VERB_RE.search(text, im.end(), b)
            if v:
                out.append(("implements", v.start(), b))
    return out


# a first section that lists the grounds: "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", "1. Cơ sở pháp lý"
_BASIS_SECTION_RE = re.compile(
    rf"(?m)^[ \t|*_#>]*(?:[IVX]+|1)\.?[ \t]+(?:{vi_words('Căn cứ')}|{vi_words('Cơ sở pháp lý')}|{vi_words('Cơ sở xây dựng')}|"
    rf"{vi_words('Cơ sở ban hành')})(?![\w])[^\n]*")
_NEXT_ROMAN_RE = re.compile(r"(?m)^[ \t|*_#>]*[IVX]+\.[ \t]")
_NEXT_NUMBER_RE = re.compile(r"(?m)^[ \t|*_#>]*(?:[IVX]+|2)\.[ \t]")


def _basis_section(text: str, at: int) -> tuple[int, int] | None:
    m = _BASIS_SECTION_RE.match(text, at)
    if not m:
        return None
    nxt = _NEXT_NUMBER_RE if m.group(0).lstrip(" \t|*_#>").startswith("1") else _NEXT_ROMAN_RE
    n = nxt.search(text, m.end(), min(len(text), m.end() + OPENING_LIMIT))
    return m.end(), (n.start() if n else min(len(text), m.end() + OPENING_LIMIT))


def find_document_relations(clean: CleanText, meta: DocumentMeta, citations: list[CitedDocument],
                            named: list[NamedReference]) -> DocumentRelations:
    text = clean.text
    rel = DocumentRelations()
    body = opening_end(text)
    regions = _regions(text, 0, body)
    section = _basis_section(text, body) if body < len(text) else None
    if section is not None:
        regions.append(("basis", section[0], section[1]))
    title = meta.spans.get("title")
    title_region = None
    if title and title[0] >= 0:
        v = _IMPL_VERB_RE.search(text, title[0], title[1])
        if v:
            title_region = ("title", v.start(), title[1])
            regions.append(title_region)
            rel.notes.append("implements: from the title")
    if not regions:
        return rel

    def relation_at(pos: int, qs: int | None = None) -> str | None:
        found = None
        for kind, a, b in regions:
            if a <= pos < b:
                if qs is not None and _in_subject(text, a, qs):
                    continue
                if kind == "basis":
                    return "basis"
                found = "implements"
        return found

    seen: set[str] = set()
    for c in citations:
        if title_region is not None and any(title_region[1] <= m.start < title_region[2]
                                            and not _in_subject(text, title_region[1], m.quote_start) for m in c.mentions):
            kinds = {"title"}  # the title says the document carries it out: that wins over a "Căn cứ"
        else:
            kinds = {relation_at(m.start, m.quote_start) for m in c.mentions}
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
        if not _object_of_verb(text, n.start, cited_ends + accepted_ends, regions, k):
            continue
        accepted_ends.append(n.end)
        if n.name in seen_named:
            continue
        seen_named.add(n.name)
        (rel.basis_named if k == "basis" else rel.implements_named).append(n.name)
    return rel


# what stands right before a document that is the subject of another one: "… về (việc) (thực hiện) <X>"
_SUBJECT_LEFT_RE = re.compile(
    rf"(?<![\w])(?:{vi_words('về')}(?:\s+{vi_words('việc')})?(?:\s+{vi_words('tiếp tục')})?"
    rf"(?:\s+(?:{vi_words('thực hiện')}|{vi_words('triển khai')}(?:\s+{vi_words('thực hiện')})?))?"
    # the act approving a programme named before: "Chương trình … được phê duyệt tại Quyết định số …"
    rf"|(?:{vi_words('phê duyệt')}|{vi_words('ban hành')}(?:\s+{vi_words('kèm theo')})?|{vi_words('quy định')})\s+"
    rf"(?:{vi_words('tại')}|{vi_words('theo')}))\s*$")
_VERB_LEFT_RE = re.compile(rf"(?P<pre>[\w,;]*)\s+(?:{vi_words('thực hiện')}|{vi_words('triển khai')}|{vi_words('quán triệt')})\s*$")
# compared in lower case with tone marks: folded, "động" ("Chương trình hành động thực hiện B")
# would read as the "đồng" of "đồng thời"
_COORD = {"và", "va", ",", ";", "đồng", "dong", "thời", "thoi"}


def _in_subject(text: str, region_start: int, qs: int) -> bool:
    """Whether the document quoted at ``qs`` is named inside the subject of an earlier one: after
    "về (thực hiện)" ("Căn cứ Chương trình số A về thực hiện Nghị quyết số B"), or after a verb deep
    in the clause ("Nghị quyết số A về … Chương trình hành động của Chính phủ thực hiện Nghị quyết
    số B") rather than the clause's own verb or one coordinated with it ("…, triển khai B")."""
    a = max(region_start, qs - 60)
    left = text[a:qs]
    if _SUBJECT_LEFT_RE.search(left):
        return True
    m = _VERB_LEFT_RE.search(left)
    if not m:
        return False
    verb_at = a + m.end("pre")
    if verb_at - region_start <= 12:  # the clause's own verb ("Thực hiện", "- Triển khai")
        return False
    pre = m.group("pre")
    last = pre[-1:] if pre and pre[-1] in ",;" else unicodedata.normalize("NFC", pre.lower())
    return last not in _COORD and not text[region_start:verb_at].strip(" \t-–+•*") == ""


_DATE_AFTER_RE = re.compile(rf"[ \t]*,?[ \t]*(?:{DATED_RE.pattern})", re.IGNORECASE)
_BASIS_LEAD_RE = re.compile(rf"{_LEAD}(?:{vi_words('Căn cứ')}|{vi_words('Xét')}|{vi_words('Theo')}|{vi_words('Sau khi nghe')})?")


def _object_of_verb(text: str, pos: int, ends: list[int], regions, kind: str = "implements") -> bool:
    """Whether only connectors lie between the clause's verb (an implementing verb, or the "Căn cứ"
    of a basis clause) or a preceding list item and ``pos``, and ``pos`` is not inside the subject
    of another document ("… về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch …")."""
    if kind == "basis":
        start = max((a for k, a, b in regions if k == "basis" and a <= pos < b), default=None)
        if start is None:
            return False
        lead = _BASIS_LEAD_RE.match(text, start, pos)
        verbs = [lead.end()] if lead and lead.end() > start else [start]
    else:
        start = max((a for k, a, b in regions if k != "basis" and a <= pos < b), default=None)
        if start is None:
            return False
        verbs = [m.end() for m in _IMPL_VERB_RE.finditer(text, start, pos)]
    if _in_subject(text, start, pos):
        return False
    anchors = verbs + [e for e in ends if start <= e <= pos]
    semi = text.rfind(";", start, pos)  # a ";" starts a new item of the clause's list
    if semi != -1:
        anchors.append(semi + 1)
    if not anchors:
        return False
    a = max(anchors)
    d = _DATE_AFTER_RE.match(text, a, pos)  # "Luật A ngày 19/6/2015; Luật B"
    return bool(IMPL_GAP_RE.match(text[d.end() if d else a:pos]))
