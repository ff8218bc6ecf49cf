"""clean: SourceText -> CleanText of the same length (every offset stays valid).

Steps, each one character in, one character out:

1. ``chars.normalize`` (one pass for steps 1 and 2): unusual spaces, zero-width characters, tabs and control
   characters -> ' ', line separators and ``\\r`` -> ``\\n`` (``\\r\\n`` -> `` \\n``),
   dash variants -> '-', 'Ð' (U+00D0) -> 'Đ';
2. old tone placement -> new (hoá -> hóa, thuỷ -> thủy);
3. ``markdown.strip_markdown``: ``**``, ``*``, ``__``, heading ``#``s, ``\\*`` -> spaces;
4. ``breaks.join_soft_breaks``: line breaks inside a sentence (with the blank lines and page
   numbers between the pieces) -> spaces; paragraph breaks, headings, list items, table rows
   and signature blocks keep their lines;
5. ``repeats.find_repeats``: the earlier copies of repeated blocks -> ``CleanText.repeated``.

Match on ``clean.text``; quote from ``clean.source.text`` with the same offsets.  Joined
lines and removed markers leave runs of spaces, so patterns should match ``\\s+`` between
words.
"""
from __future__ import annotations

from ..model import CleanText, SourceText
from .breaks import join_soft_breaks
from .chars import normalize
from .markdown import strip_markdown
from .repeats import find_repeats

__all__ = ["clean_text", "normalize_text"]


def normalize_text(text: str) -> str:
    """Steps 1-4 on a bare string (same length as ``text``)."""
    out = join_soft_breaks(strip_markdown(normalize(text)))
    if len(out) != len(text):  # pragma: no cover - every step is length-preserving
        raise AssertionError("cleaning changed the text length")
    return out


def clean_text(source: SourceText) -> CleanText:
    text = normalize_text(source.text)
    return CleanText(source=source, text=text, repeated=find_repeats(text))
