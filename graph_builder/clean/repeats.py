"""Repeated blocks: regions of a text that repeat another region (a web page scraped twice,
a teaser or partial copy printed before the full body).

A repeat is a run of at least ``min_lines`` consecutive substantial lines (``min_words``
words and ``min_chars`` characters; short and boilerplate lines such as "- Lưu: VT" are not
evidence) that appears again later in the same order, with at least ``min_total`` characters.
The EARLIER copy is reported, so the last (usually the complete) copy is the one whose facts
count.  Lines are compared by hash with whitespace collapsed; the run is then widened over
the equal short lines just before and after it, and over a last line that was cut off
(a prefix of the corresponding full line).  Time is linear in the number of lines.
"""
from __future__ import annotations

from bisect import bisect_right

MIN_LINES = 4
MIN_WORDS = 5
MIN_CHARS = 30
MIN_TOTAL = 300
_TRIES = 4  # later occurrences of a line tried as the start of the copy


def find_repeats(text: str, min_lines: int = MIN_LINES, min_total: int = MIN_TOTAL) -> list[tuple[int, int]]:
    """(start, end) character ranges of the earlier copies of repeated blocks."""
    raw = text.split("\n")
    keys = list(map(str.strip, raw))  # blank lines have the key ""
    n = len(keys)
    if n < 2 * min_lines:
        return []
    # substantial lines (whitespace collapsed) and where each of them occurs
    subst = [i for i, k in enumerate(keys) if len(k) >= MIN_CHARS]
    for i in subst:
        if "  " in keys[i]:
            keys[i] = " ".join(keys[i].split())
    subst = [i for i in subst if keys[i].count(" ") >= MIN_WORDS - 1]
    if len(subst) < 2 * min_lines:
        return []
    occurrences: dict[str, list[int]] = {}
    for si, i in enumerate(subst):
        occurrences.setdefault(keys[i], []).append(si)
    skeys = [keys[i] for i in subst]

    found: list[tuple[int, int]] = []  # (first line, last line) of earlier copies, line indices
    m = len(subst)
    # only lines that occur again later can start an earlier copy
    starts = [si for si, k in enumerate(skeys) if occurrences[k][-1] != si]
    si = 0
    for start in starts:
        if start < si:
            continue
        si = start
        occ = occurrences[skeys[si]]
        # later occurrences of this line: candidate starts of the other copy
        k = bisect_right(occ, si)
        best_len, best_sj = 0, -1
        for sj in occ[k:k + _TRIES]:
            length = 0
            limit = sj - si  # copies may not overlap
            while (length < limit and sj + length < m
                   and skeys[si + length] == skeys[sj + length]):
                length += 1
            if length > best_len:
                best_len, best_sj = length, sj
        if best_len >= min_lines:
            a, b = subst[si], subst[si + best_len - 1]
            a2, b2 = subst[best_sj], subst[best_sj + best_len - 1]
            # widen over equal lines of any length (blank lines included) just before and after
            floor = found[-1][1] + 1 if found else 0
            while a > floor and a2 > b + 1 and _same(keys, a - 1, a2 - 1):
                a -= 1
                a2 -= 1
            while b2 + 1 < n and b + 1 < a2 and _same(keys, b + 1, b2 + 1):
                b += 1
                b2 += 1
            # a teaser cut off inside a line: the cut line is a prefix of the full one
            if b2 + 1 < n and b + 1 < a2 and _is_cut(keys[b + 1], keys[b2 + 1]):
                b += 1
            while a < b and not keys[a]:
                a += 1
            while b > a and not keys[b]:
                b -= 1
            if sum(len(keys[i]) for i in range(a, b + 1)) >= min_total:
                found.append((a, b))
            si += best_len
    if not found:
        return []
    offsets = [0]
    for line in raw:
        offsets.append(offsets[-1] + len(line) + 1)
    out = []
    for a, b in found:
        start = offsets[a] + len(raw[a]) - len(raw[a].lstrip())
        end = offsets[b] + len(raw[b].rstrip())
        out.append((start, end))
    return out


def _same(keys: list[str], i: int, j: int) -> bool:
    a, b = keys[i], keys[j]
    return a == b or " ".join(a.split()) == " ".join(b.split())


def _is_cut(part: str, whole: str) -> bool:
    part = " ".join(part.split())
    return len(part) >= 20 and len(part) < len(whole) and " ".join(whole.split()).startswith(part.rstrip(".… "))
