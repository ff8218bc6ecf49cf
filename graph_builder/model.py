"""Plain data passed between the pipeline stages.

    read      path            -> SourceText
    clean     SourceText      -> CleanText          (same length: offsets stay valid)
    find      CleanText       -> mentions           (each with a character span)
    resolve   mentions        -> ExtractionRecord   (stable identities)
    build     ExtractionRecord(s) -> GraphFragment  (nodes and edges with provenance)
    write     GraphFragment   -> a store; export -> RDF, HTML, JSON

Offsets are character offsets into ``SourceText.text`` (which ``CleanText.text`` mirrors
one-to-one).  Every item created from text carries its span so that an answer can be traced
back to the exact source sentence.
"""
from __future__ import annotations

import bisect
import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Role = Literal["lead", "support"]
Via = Literal["section", "sentence", "execution_clause"]


# --------------------------------------------------------------------------- read / clean

@dataclass(slots=True)
class SourceText:
    """A file's text as read: decoded and NFC-normalised (every offset in the project refers to it)."""

    path: str
    text: str
    encoding: str  # e.g. "utf-8", "utf-16", "windows-1258", or "docx"/"pdf" for binary formats
    format: str  # "txt", "md", "html", "docx", "pdf"
    content_hash: str  # sha256 of the bytes read


@dataclass(slots=True)
class CleanText:
    """Normalised text with the same length as the source text.

    ``repeated`` lists the earlier copies of regions that occur twice in the same text (a web
    page scraped twice puts a teaser or partial copy before the full body): facts found there
    are duplicates of facts in the kept, later copy and are not counted again.
    ``lines`` holds the start offset of every line, for fast line look-ups.
    """

    source: SourceText
    text: str
    repeated: list[tuple[int, int]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.text) != len(self.source.text):
            raise ValueError(f"{self.source.path}: cleaning changed the text length")
        if not self.lines:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            self.lines = starts

    @property
    def path(self) -> str:
        return self.source.path

    def line_of(self, pos: int) -> int:
        """0-based line number of a character offset."""
        return bisect.bisect_right(self.lines, pos) - 1

    def line_span(self, pos: int) -> tuple[int, int]:
        n = self.line_of(pos)
        start = self.lines[n]
        end = self.lines[n + 1] - 1 if n + 1 < len(self.lines) else len(self.text)
        return start, end

    def is_repeated(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.repeated)

    def original(self, start: int, end: int) -> str:
        """The source text (not normalised) between two offsets: what quotes are made of."""
        return self.source.text[start:end]


# --------------------------------------------------------------------------- provenance

@dataclass(slots=True)
class Provenance:
    """Where a fact was read: the file, the span of the stating text, and its sentence."""

    source_path: str
    start: int
    end: int
    sentence: str


# --------------------------------------------------------------------------- find: mentions

@dataclass(slots=True)
class DocumentMeta:
    """Facts about the document itself (gold schema ``document``)."""

    doc_type: str | None = None  # Vietnamese name: "Chỉ thị", "Chương trình hành động" …
    symbol: str | None = None  # canonical số ký hiệu of the document itself
    issuer: str | None = None  # "UBND tỉnh <Province>"
    province: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    signer: str | None = None
    title: str | None = None
    year: int | None = None  # from date or symbol
    plan_year: int | None = None  # the single plan year the document concerns, if any
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> span where stated

    def to_record(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("doc_type", "symbol", "issuer", "province", "date", "signer", "title")}


@dataclass(slots=True)
class CitationMention:
    """One occurrence of a document number in the text."""

    start: int  # span of the symbol itself
    end: int
    raw: str  # the symbol as written
    symbol: str  # canonical symbol
    doc_type: str | None  # Vietnamese type name
    date: str | None  # ISO date stated with this mention
    issuer: str | None  # issuer named with this mention ("của …"), lightly normalised
    quote_start: int  # span of the whole mention phrase ("Nghị quyết số 01/NQ-CP ngày …")
    quote_end: int
    in_repeated: bool = False  # inside a repeated block: not counted
    subject: str | None = None  # the "về …" phrase stated with this mention, if any


@dataclass(slots=True)
class NamedReferenceMention:
    name: str
    kind: str  # law | plan | programme | scheme | strategy | other
    start: int
    end: int
    date: str | None = None


@dataclass(slots=True)
class Section:
    """A node of the outline tree: a heading with the span it governs."""

    label: str  # "I.", "2.", "2.1.", "(1)", "a)", "-", "#" …
    kind: str  # roman | number | paren_number | letter | dash | plus | markdown | article
    heading: str  # text of the heading line (without the label)
    start: int  # span of the whole section (heading included)
    end: int
    heading_end: int  # end of the heading line
    depth: int
    children: list["Section"] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(slots=True)
class AgencyMention:
    name: str  # canonical name ("Sở Kế hoạch và Đầu tư", "UBND các huyện, thị xã, thành phố")
    start: int
    end: int
    surface: str  # as written
    collective: bool = False
    level: str = "province"  # national | province | district | commune
    national: bool = False


# --------------------------------------------------------------------------- resolve: entities

@dataclass(slots=True)
class DocumentIdentity:
    """(canonical symbol, year, jurisdiction): two mentions are one document iff these agree."""

    symbol: str
    year: int | None
    jurisdiction: str | None  # "national", a province, or None when unknown
    year_inferred: bool = False
    inference: str | None = None  # why the year was inferred

    @property
    def key(self) -> str:
        year = str(self.year) if self.year is not None else "year?"
        if self.year_inferred:
            year += "~"
        return f"{self.symbol}@{year}@{self.jurisdiction or 'jurisdiction?'}"


@dataclass(slots=True)
class CitedDocument:
    """A distinct document cited by number (gold schema ``citations[]``)."""

    identity: DocumentIdentity
    doc_type: str | None
    date: str | None
    issuer: str | None
    issuer_scope: str | None
    mentions: list[CitationMention] = field(default_factory=list)
    first_quote: str = ""
    sentences: list[str] = field(default_factory=list)  # sentence of each counted mention
    subject: str | None = None  # the "về …" phrase describing the cited document, where stated

    @property
    def symbol(self) -> str:
        return self.identity.symbol

    def counted_mentions(self) -> list[CitationMention]:
        return [m for m in self.mentions if not m.in_repeated]

    def to_record(self) -> dict[str, Any]:
        rec = {
            "doc_type": self.doc_type,
            "symbol": self.identity.symbol,
            "date": self.date,
            "issuer": self.issuer,
            "issuer_scope": self.issuer_scope,
            "year": None if self.identity.year_inferred else self.identity.year,
            "mentions": len(self.counted_mentions()),
            "first_quote": self.first_quote,
            "id": self.identity.key,
            "spans": [[m.start, m.end] for m in self.counted_mentions()],
        }
        if self.identity.year_inferred:
            rec["year_inferred"] = self.identity.year
            rec["inference"] = self.identity.inference
        return rec


@dataclass(slots=True)
class NamedReference:
    """A document referred to by name only (gold schema ``named_references[]``)."""

    name: str
    kind: str
    first_quote: str
    start: int
    end: int
    aliases: list[str] = field(default_factory=list)
    date: str | None = None

    @property
    def key(self) -> str:
        from .ontology import fold  # local: keeps model import-light

        return "name:" + fold(self.name)

    def to_record(self) -> dict[str, Any]:
        rec: dict[str, Any] = {"name": self.name, "kind": self.kind, "first_quote": self.first_quote,
                               "spans": [[self.start, self.end]]}
        if self.aliases:
            rec["aliases"] = list(self.aliases)
        if self.date:
            rec["date"] = self.date
        return rec


@dataclass(slots=True)
class AgencyRef:
    """An agency given a role in a task."""

    name: str  # canonical
    role: Role
    via: Via
    collective: bool = False
    national: bool = False
    start: int = -1  # span of the agency's name where it is stated (heading or sentence)
    end: int = -1


@dataclass(slots=True)
class Task:
    """A directive sentence or bullet addressed to agencies."""

    text: str  # the task text (one line, from the original text)
    start: int
    end: int
    sentence: str
    section: str  # heading path, e.g. "I. THỰC HIỆN … > 2. Sở Kế hoạch và Đầu tư"
    agencies: list[AgencyRef] = field(default_factory=list)
    deadline: str | None = None  # ISO date when a specific date is stated
    deadline_text: str | None = None  # the words stating the deadline or period
    deadline_start: int = -1
    implements: list[str] = field(default_factory=list)  # identity keys of documents the task carries out


@dataclass(slots=True)
class Assignment:
    """Gold schema ``assignments[]``: an (agency, role) pair with its first task."""

    agency: str
    role: Role
    task_quote: str
    deadline: str | None
    deadline_quote: str | None
    collective: bool
    via: Via
    start: int = -1  # span of task_quote
    end: int = -1

    def to_record(self) -> dict[str, Any]:
        rec = {k: getattr(self, k) for k in ("agency", "role", "task_quote", "deadline", "deadline_quote", "collective", "via")}
        rec["spans"] = [[self.start, self.end]]
        return rec


@dataclass(slots=True)
class Target:
    """Gold schema ``targets[]``: one quantified target figure."""

    indicator: str
    value: str  # as written: "1,87", "27.026", "05", "10-11"
    value_num: float | None
    unit: str
    comparator: str  # = > >= <= < ≈ range (<=: a ceiling, "tối đa", "không quá", "không vượt quá")
    year: int | None
    quote: str
    start: int
    end: int
    range: tuple[float, float] | None = None
    list_item: str | None = None
    sentence: str = ""

    def to_record(self) -> dict[str, Any]:
        num = self.value_num
        if num is not None and float(num).is_integer():
            num = int(num)
        rec: dict[str, Any] = {"indicator": self.indicator, "value": self.value, "value_num": num,
                               "unit": self.unit, "comparator": self.comparator, "year": self.year,
                               "quote": self.quote, "spans": [[self.start, self.end]]}
        if self.range is not None:
            rec["range"] = [_int_if_whole(x) for x in self.range]
        if self.list_item:
            rec["list_item"] = self.list_item
        return rec


@dataclass(slots=True)
class Project:
    """Gold schema ``projects[]``: a named work, facility or zone."""

    name: str
    quote: str
    start: int
    end: int
    kind: str = ""
    sentence: str = ""

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "quote": self.quote, "kind": self.kind, "spans": [[self.start, self.end]]}


def _int_if_whole(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


@dataclass(slots=True)
class ExtractionRecord:
    """Everything extracted from one document (gold schema, plus ids, spans and tasks)."""

    source: str
    id: str  # the ingested document's own id (see resolve.identity)
    content_hash: str
    document: DocumentMeta
    citations: list[CitedDocument] = field(default_factory=list)
    named_references: list[NamedReference] = field(default_factory=list)
    implements: list[str] = field(default_factory=list)  # symbols (gold schema)
    implements_named: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    basis_named: list[str] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """The JSON object of ``legalkg extract`` (gold schema field names and meanings)."""
        return {
            "source": self.source,
            "id": self.id,
            "content_hash": self.content_hash,
            "document": self.document.to_record(),
            "citations": [c.to_record() for c in self.citations],
            "named_references": [n.to_record() for n in self.named_references],
            "implements": list(self.implements),
            "implements_named": list(self.implements_named),
            "basis": list(self.basis),
            "basis_named": list(self.basis_named),
            "assignments": [a.to_record() for a in self.assignments],
            "targets": [t.to_record() for t in self.targets],
            "projects": [p.to_record() for p in self.projects],
            "tasks": [asdict(t) for t in self.tasks],
            "notes": list(self.notes),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_record(), ensure_ascii=False)


# --------------------------------------------------------------------------- build: graph

@dataclass(slots=True)
class Node:
    label: str  # ontology node label: Document, Agency, Task, Target, Project
    id: str
    props: dict[str, Any] = field(default_factory=dict)
    # How a writer treats an existing node with this id:
    #   "own"  created by its source document and removed with it (Task, Target)
    #   "set"  the ingested document itself: its properties overwrite what is stored
    #   "fill" shared (cited documents, agencies, projects): only missing properties are filled
    mode: str = "fill"


@dataclass(slots=True)
class Edge:
    type: str  # ontology relationship type
    source: str  # node id
    target: str  # node id
    source_label: str
    target_label: str
    props: dict[str, Any] = field(default_factory=dict)  # role, provenance …


@dataclass(slots=True)
class GraphFragment:
    """The nodes and edges one ingested document contributes (written in one transaction)."""

    document_id: str
    source_path: str
    content_hash: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
