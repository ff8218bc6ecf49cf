"""Document-level IMPLEMENTS / BASED_ON (initial placeholder)."""
from dataclasses import dataclass, field

from ..model import CitedDocument, CleanText, DocumentMeta, NamedReference


@dataclass(slots=True)
class DocumentRelations:
    implements: list[str] = field(default_factory=list)  # symbols
    implements_named: list[str] = field(default_factory=list)  # named_references[].name
    basis: list[str] = field(default_factory=list)
    basis_named: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def find_document_relations(clean: CleanText, meta: DocumentMeta, citations: list[CitedDocument],
                            named: list[NamedReference]) -> DocumentRelations:
    return DocumentRelations()
