"""Gold-schema assignments from tasks (initial placeholder, replaced by the tasks issue)."""
from ..model import Assignment, CleanText, Task


def assignments_from_tasks(tasks: list[Task], clean: CleanText) -> list[Assignment]:
    return []
