"""Task and assignment finder (initial placeholder, replaced by the tasks issue)."""
from ..model import CitedDocument, CleanText, DocumentMeta, Section, Task


def find_tasks(clean: CleanText, meta: DocumentMeta, outline: list[Section], citations: list[CitedDocument]) -> list[Task]:
    return []
