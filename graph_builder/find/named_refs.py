"""Named-reference finder (initial placeholder)."""
from ..model import CleanText, DocumentMeta, NamedReference


def find_named_references(clean: CleanText, meta: DocumentMeta) -> list[NamedReference]:
    return []
