"""Document metadata finder (initial placeholder, replaced by the citations issue)."""
from ..model import CleanText, DocumentMeta


def find_metadata(clean: CleanText) -> DocumentMeta:
    return DocumentMeta()
