"""clean: SourceText -> CleanText of the same length.  (Initial version: identity.)"""
from __future__ import annotations

from ..model import CleanText, SourceText


def clean_text(source: SourceText) -> CleanText:
    return CleanText(source=source, text=source.text)
