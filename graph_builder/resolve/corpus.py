"""Corpus-level resolution: which dated document a citation without a year refers to.

A document number repeats every year (01/NQ-CP of 2024 and of 2025 are two resolutions), so a
mention that gives no date and no year ("Nghị quyết số 01/NQ-CP của Chính phủ về … năm 2024")
resolves to an undated node (``01/NQ-CP@year?@national``).  Once the whole corpus is in the
store, the store asks :func:`choose_dated` whether that mention can be tied to one dated node:

* candidates are the dated documents with the same symbol and jurisdiction (a candidate whose own
  year was only inferred is not one);
* a candidate dated after the citing document is never chosen (a text cannot cite a later act);
* one candidate left: linked;
* several: linked only when the citing context singles one out -- the ``subject`` the citing text
  gives ("về … năm 2024") agrees with the subject or title known for exactly one candidate (same
  years named, most of its words shared); otherwise the mention stays undated and is reported as
  ambiguous, with the candidates.

Every decision carries a reason in words; a link made from it is marked ``inferred`` with that
reason.  This module is pure: no store, no I/O (the stores gather the inputs and apply the result).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..ontology import fold

LINKED, AMBIGUOUS, UNMATCHED = "linked", "ambiguous", "unmatched"

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_WORD = re.compile(r"\w+")
# Words that carry no subject: function words of titles ("về việc", "của", "và" …).
_STOP = frozenset(fold(w) for w in (
    "về", "việc", "của", "và", "các", "cho", "trong", "với", "năm", "số", "tại", "trên", "theo", "đến", "để",
    "những", "một", "này", "đã", "được", "là", "có", "thực", "hiện"))
MIN_SHARED = 0.6  # share of the citing subject's words a candidate's subject must contain


@dataclass(frozen=True, slots=True)
class Candidate:
    """A dated document node that an undated mention could mean."""

    id: str
    year: int
    date: str | None = None  # ISO
    texts: tuple[str, ...] = ()  # its title, its subject, and the subjects other citing texts give it


@dataclass(frozen=True, slots=True)
class Citing:
    """The document that cites the undated node, with the context of that citation."""

    id: str
    date: str | None = None  # ISO
    year: int | None = None
    subject: str | None = None  # the "về …" phrase given with the undated mention


@dataclass(frozen=True, slots=True)
class Decision:
    undated: str
    citing: str
    status: str  # linked | ambiguous | unmatched
    target: str | None
    reason: str
    candidates: tuple[str, ...] = field(default=())


# A candidate's texts are compared with every citing subject that may mean it (on a national crawl,
# hundreds of citing texts per candidate): the words and years of a text are worked out once.
@lru_cache(maxsize=1 << 16)
def years_in(text: str | None) -> frozenset[int]:
    return frozenset(int(y) for y in _YEAR.findall(text or ""))


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(fold(text)) if w not in _STOP and not w.isdigit())


def _after(c: Candidate, citing: Citing) -> bool:
    """True when the candidate is dated after the citing document (by date, else by year)."""
    if c.date and citing.date:
        return c.date > citing.date
    if citing.year is not None:
        return c.year > citing.year
    if citing.date:
        return c.year > int(citing.date[:4])
    return False


def subject_agrees(subject: str, text: str) -> bool:
    """The citing subject and a candidate's subject/title describe the same act: they name the
    same years (when either names one) and the candidate's text holds most of the subject's words."""
    ys, yt = years_in(subject), years_in(text)
    if ys != yt:
        return False
    words = _words(subject)
    if not words:
        return False
    return len(words & _words(text)) / len(words) >= MIN_SHARED


def _label(c: Candidate) -> str:
    return c.id


def choose_dated(undated: str, citing: Citing, candidates: Sequence[Candidate],
                 inferred_year: int | None = None) -> Decision:
    """Decide which dated candidate (if any) the undated mention ``undated`` in ``citing`` means.

    ``inferred_year``: where the mention's year was only inferred (an ``…@2024~@…`` node), only
    candidates of that year are considered.
    """
    pool = sorted(candidates, key=lambda c: (c.year, c.date or "", c.id))
    if inferred_year is not None:
        pool = [c for c in pool if c.year == inferred_year]
    all_ids = tuple(c.id for c in pool)
    if not pool:
        why = (f"no dated document of {inferred_year} with this symbol and jurisdiction" if inferred_year is not None
               else "no dated document with this symbol and jurisdiction in the store")
        return Decision(undated, citing.id, UNMATCHED, None, why, ())
    later = [c for c in pool if _after(c, citing)]
    pool = [c for c in pool if not _after(c, citing)]
    later_note = ""
    if later:
        later_note = "; excluded as dated after the citing document: " + ", ".join(_label(c) for c in later)
    if not pool:
        return Decision(undated, citing.id, UNMATCHED, None,
                        "every dated candidate is dated after the citing document" + later_note, all_ids)
    if len(pool) == 1:
        c = pool[0]
        if inferred_year is not None:
            why = f"its inferred year {inferred_year} agrees with the only dated document {c.id}"
        else:
            why = f"the only dated document with this symbol and jurisdiction is {c.id}"
        return Decision(undated, citing.id, LINKED, c.id, why + later_note, all_ids)
    names = ", ".join(_label(c) for c in pool)
    subject = (citing.subject or "").strip()
    if not subject:
        return Decision(undated, citing.id, AMBIGUOUS, None,
                        f"{len(pool)} dated candidates ({names}) and the citing text gives no subject to choose by"
                        + later_note, all_ids)
    agreeing = [c for c in pool if any(subject_agrees(subject, t) for t in c.texts if t)]
    if len(agreeing) == 1:
        c = agreeing[0]
        return Decision(undated, citing.id, LINKED, c.id,
                        f"the citing subject \"{_short(subject)}\" agrees with the subject of {c.id} and of no other "
                        f"candidate ({names})" + later_note, all_ids)
    if agreeing:
        return Decision(undated, citing.id, AMBIGUOUS, None,
                        f"the citing subject \"{_short(subject)}\" agrees with several candidates: "
                        + ", ".join(c.id for c in agreeing) + later_note, all_ids)
    return Decision(undated, citing.id, AMBIGUOUS, None,
                    f"{len(pool)} dated candidates ({names}); none has a known subject agreeing with "
                    f"\"{_short(subject)}\"" + later_note, all_ids)


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def summarise(decisions: Iterable[Decision]) -> tuple[str, str]:
    """(link_status, link_note) of one undated node from the decisions of all its citing documents.

    linked: every citing document's mention was linked; partial: some were; ambiguous: none was
    and at least one had several candidates; unmatched: no dated candidate at all."""
    ds = list(decisions)
    statuses = {d.status for d in ds}
    if statuses == {LINKED}:
        status = LINKED
    elif LINKED in statuses:
        status = "partial"
    elif AMBIGUOUS in statuses:
        status = AMBIGUOUS
    else:
        status = UNMATCHED
    note = " | ".join(f"{d.citing}: {d.status}" + (f" -> {d.target}" if d.target else "") + f" ({d.reason})"
                      for d in sorted(ds, key=lambda d: d.citing))
    return status, note
