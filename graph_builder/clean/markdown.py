"""Markdown markers -> spaces (same length).

Documents converted to Markdown carry ``**bold**``, ``*italic*``, ``__bold__``, heading
hashes (``## 2. Sở Kế hoạch và Đầu tư``) and backslash escapes (``1\\.``, ``\\*``).  The
markers become spaces so that patterns see the words:

- runs of ``*`` -> spaces, except a line-initial ``* `` bullet, which becomes ``- `` (the list
  dash of Vietnamese documents), and the footnote star ``(*)``, which is kept;
- runs of two or more ``_`` -> spaces (``__bold__``, ``____`` fill lines);
- one to six ``#`` at the start of a line, followed by a space -> spaces;
- ``\\*`` and ``\\_`` -> two spaces; another escaped punctuation character moves onto its
  backslash (``1\\. `` -> ``1.  ``) so that ``1.`` stays a list label.
"""
from __future__ import annotations

_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!|<>~")


def strip_markdown(text: str) -> str:
    # positions of the marker characters, found with str.find (a regex scan is much slower)
    positions: list[int] = []
    for c in "*#_\\":
        i = text.find(c)
        while i != -1:
            positions.append(i)
            i = text.find(c, i + 1)
    if not positions:
        return text
    positions.sort()
    pieces: list[str] = []
    last = 0
    done = 0
    n = len(text)
    for s in positions:
        if s < done:
            continue  # inside a run already handled
        c = text[s]
        k = s + 1
        if c != "\\":
            while k < n and text[k] == c:
                k += 1
        out = _rewrite(text, s, k, text[s:k], n)
        if out is not None:
            new, end = out
            pieces.append(text[last:s])
            pieces.append(new)
            last = end
        done = max(k, last)
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def _line_start(text: str, s: int) -> int:
    return text.rfind("\n", 0, s) + 1


def _rewrite(text: str, s: int, e: int, run: str, n: int) -> tuple[str, int] | None:
    """(replacement, end of the replaced span) for the marker run text[s:e], or None."""
    c = run[0]
    if c == "\\":
        # an escape: the backslash and the character after it
        nxt = text[s + 1] if s + 1 < n else ""
        if nxt in ("*", "_"):
            return "  ", s + 2
        if nxt in _ESCAPABLE:
            return nxt + " ", s + 2
        return None
    if c == "*":
        if run == "*" and s and text[s - 1] == "(" and e < n and text[e] == ")":
            return None  # (*)
        if run == "*" and e < n and text[e] in " \t" and not text[_line_start(text, s):s].strip():
            return "-", e  # "* item" bullet
        return " " * len(run), e
    if c == "_":
        return (" " * len(run), e) if len(run) >= 2 else None
    # '#'
    if len(run) <= 6 and (e >= n or text[e] in " \t\n"):
        ls = _line_start(text, s)
        if s - ls <= 3 and not text[ls:s].strip():
            return " " * len(run), e
    return None
