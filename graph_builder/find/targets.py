"""Target finder (initial placeholder)."""
from ..model import CleanText, DocumentMeta, Section, Target


def find_targets(clean: CleanText, meta: DocumentMeta, outline: list[Section]) -> list[Target]:
    return []
