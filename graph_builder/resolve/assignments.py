"""Gold-schema assignments from tasks.

Each (agency, role) pair appears once, quoting its first task (~120 characters on one line of
the original text), plus one more entry for every later task of the pair that states a specific
deadline date not recorded yet.  Agencies named only in the closing execution clause ("…
chịu trách nhiệm thi hành Chỉ thị này") are recorded from it, ``via="execution_clause"``;
agencies given a task anywhere else are not recorded again from the clause.
"""
from __future__ import annotations

from ..model import AgencyRef, Assignment, CleanText, Task

QUOTE_LENGTH = 120
_MIN_LINE = 25  # a shorter first line (a wrapped PDF line) is skipped for the next one


def task_quote(src: str, start: int, end: int, length: int = QUOTE_LENGTH) -> tuple[int, int]:
    """Span of roughly ``length`` characters of a task, on one line of the source text."""
    s = start
    while s < end and src[s] in " \t\u00a0*_":
        s += 1
    nl = src.find("\n", s, end)
    if nl != -1 and len(src[s:nl].strip()) < _MIN_LINE:
        nxt = nl
        while nxt < end and src[nxt].isspace():
            nxt += 1
        nl2 = src.find("\n", nxt, end)
        if nxt < end and len(src[nxt:nl2 if nl2 != -1 else end].strip()) >= _MIN_LINE:
            s, nl = nxt, nl2
    stop = min(end, nl if nl != -1 else end)
    e = min(stop, s + length)
    if e < stop:  # cut at a word boundary
        sp = src.rfind(" ", s + length // 2, e)
        if sp != -1:
            e = sp
    while e > s and src[e - 1] in " \t\u00a0*_,;:":
        e -= 1
    return s, e


def _assignment(task: Task, ref: AgencyRef, src: str) -> Assignment:
    qs, qe = task_quote(src, task.start, task.end)
    dq = None
    if task.deadline and task.deadline_text and task.deadline_start >= 0:
        dq = src[task.deadline_start:task.deadline_start + len(task.deadline_text)]
        if "\n" in dq:  # one line only
            dq = dq.split("\n")[0].rstrip()
    return Assignment(agency=ref.name, role=ref.role, task_quote=src[qs:qe],
                      deadline=task.deadline, deadline_quote=dq if task.deadline else None,
                      collective=ref.collective, via=ref.via, start=qs, end=qe)


def assignments_from_tasks(tasks: list[Task], clean: CleanText) -> list[Assignment]:
    src = clean.source.text
    out: list[Assignment] = []
    first: dict[tuple[str, str], Assignment] = {}
    deadlines: dict[tuple[str, str], set[str]] = {}
    clause: list[tuple[Task, AgencyRef]] = []
    for t in tasks:
        for ref in t.agencies:
            if ref.via == "execution_clause":
                clause.append((t, ref))
                continue
            key = (ref.name, ref.role)
            if key not in first:
                a = _assignment(t, ref, src)
                first[key] = a
                out.append(a)
                deadlines[key] = {t.deadline} if t.deadline else set()
            elif t.deadline and t.deadline not in deadlines[key]:
                deadlines[key].add(t.deadline)
                out.append(_assignment(t, ref, src))
    named = {name for name, _ in first}
    for t, ref in clause:
        if ref.name in named:
            continue
        named.add(ref.name)
        out.append(_assignment(t, ref, src))
    return out
