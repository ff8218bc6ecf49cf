"""Citation finder (initial placeholder, replaced by the citations issue)."""
from ..model import CitationMention, CleanText


def find_citations(clean: CleanText) -> list[CitationMention]:
    return []
