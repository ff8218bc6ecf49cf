"""Outline parser (initial placeholder, replaced by the tasks issue)."""
from ..model import CleanText, Section


def parse_outline(clean: CleanText) -> list[Section]:
    return []
