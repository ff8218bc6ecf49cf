"""Project finder (initial placeholder)."""
from ..model import CleanText, DocumentMeta, Project


def find_projects(clean: CleanText, meta: DocumentMeta) -> list[Project]:
    return []
