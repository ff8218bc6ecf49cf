"""Self-checks of a synthetic document against its gold record.

These check the generator's bookkeeping, not the extractor: every quote is an exact substring
of the text, every citation's symbol occurs in the text as many times as the gold counts
(allowing the spelling slips the generator makes), the schema's fields are present.
"""
from __future__ import annotations

import functools
import re

TOP_KEYS = ("source", "document", "citations", "named_references", "implements", "implements_named", "basis",
            "basis_named", "assignments", "targets", "projects", "notes")
DOCUMENT_KEYS = ("doc_type", "symbol", "issuer", "province", "date", "signer", "title")
CITATION_KEYS = ("doc_type", "symbol", "date", "issuer", "issuer_scope", "year", "mentions", "first_quote")
ASSIGNMENT_KEYS = ("agency", "role", "task_quote", "deadline", "deadline_quote", "collective", "via")
TARGET_KEYS = ("indicator", "value", "value_num", "unit", "comparator", "year", "quote")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@functools.lru_cache(maxsize=4096)
def symbol_regex(symbol: str) -> re.Pattern:
    """Occurrences of a canonical symbol in any of the generator's spellings."""
    out = []
    for ch in symbol:
        if ch == "-":
            out.append(r"\s*[-\u2013]?\s*")
        elif ch == "Đ":
            out.append("[ĐD]")
        else:
            out.append(re.escape(ch))
    body = "".join(out)
    alts = [body]
    m = re.fullmatch(r"(\d+)/NQ-CP", symbol)
    if m:
        alts.append(re.escape(m.group(1)) + r"-NQ/CP")
    return re.compile(r"(?<![\d/\w])(?:" + "|".join(alts) + r")(?![\w])")


def problems(text: str, gold: dict) -> list[str]:
    """Everything wrong with one (text, gold) pair; [] when it is consistent."""
    out: list[str] = []
    for k in TOP_KEYS:
        if k not in gold:
            out.append(f"missing key {k}")
    for k in DOCUMENT_KEYS:
        if k not in gold.get("document", {}):
            out.append(f"document: missing {k}")
    d = gold["document"].get("date")
    if d is not None and not ISO.match(d):
        out.append(f"document date {d!r}")
    repeated = any("twice" in n for n in gold.get("notes", []))
    counts: dict[str, int] = {}
    for c in gold["citations"]:
        for k in CITATION_KEYS:
            if k not in c:
                out.append(f"citation {c.get('symbol')}: missing {k}")
        q = c["first_quote"]
        if not q or q not in text or "\n" in q:
            out.append(f"citation {c['symbol']}: first_quote {q!r} not on one line of the text")
        if c["date"] is not None and not ISO.match(c["date"]):
            out.append(f"citation {c['symbol']}: date {c['date']!r}")
        counts[c["symbol"]] = counts.get(c["symbol"], 0) + c["mentions"]
    for sym, n in counts.items():
        found = len(symbol_regex(sym).findall(text))
        if found != n and not (repeated and found > n):
            out.append(f"citation {sym}: {n} mentions in gold, {found} in text")
    for a in gold["assignments"]:
        for k in ASSIGNMENT_KEYS:
            if k not in a:
                out.append(f"assignment {a.get('agency')}: missing {k}")
        for k in ("task_quote", "deadline_quote"):
            q = a.get(k)
            if q is not None and (q not in text or "\n" in q):
                out.append(f"assignment {a['agency']}: {k} {q!r} not in text")
        if a["role"] not in ("lead", "support") or a["via"] not in ("section", "sentence", "execution_clause"):
            out.append(f"assignment {a['agency']}: role/via {a['role']}/{a['via']}")
    for t in gold["targets"]:
        for k in TARGET_KEYS:
            if k not in t:
                out.append(f"target {t.get('indicator')}: missing {k}")
        if t["quote"] not in text or t["value"].split()[0] not in t["quote"]:
            out.append(f"target {t['indicator']}: quote {t['quote']!r}")
    for p in gold["projects"]:
        if p["quote"] not in text:
            out.append(f"project {p['name']}: quote {p['quote']!r}")
    for n in gold["named_references"]:
        if n["first_quote"] not in text:
            out.append(f"named reference {n['name']}: quote {n['first_quote']!r}")
    symbols = {c["symbol"] for c in gold["citations"]}
    for k in ("implements", "basis"):
        for s in gold[k]:
            if s not in symbols:
                out.append(f"{k} {s} is not a citation")
    return out
