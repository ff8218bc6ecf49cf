"""The parts of a canonical số ký hiệu: number, year, type code, issuer code, form.

    state       01/NQ-CP            128/NQ-CP, 2970/SKHĐT-TH (letters carry no type code)
    normative   45/2022/NQ-HĐND     150/2020/NĐ-CP, 31/2024/QH15 (laws: no type code)
    party       57-NQ/TW            862-CV/BCSD
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..ontology import load_ontology

_NORMATIVE = re.compile(r"^(?P<num>\d+[A-Za-z]?)/(?P<year>\d{4})/(?P<rest>.+)$")
_PARTY = re.compile(r"^(?P<num>\d+[A-Za-z]?)-(?P<type>[^/]+)/(?P<issuer>.+)$")
_STATE = re.compile(r"^(?P<num>\d+[A-Za-z]?)/(?P<rest>.+)$")


@dataclass(frozen=True, slots=True)
class SymbolParts:
    number: str
    year: int | None  # only normative symbols carry it
    type_code: str | None  # "NQ", "QĐ" … (None for letters and laws)
    issuer_code: str  # "CP", "HĐND", "TW", "QH15", "SKHĐT-TH" …
    form: str  # state | normative | party


def symbol_parts(symbol: str) -> SymbolParts | None:
    onto = load_ontology()
    m = _NORMATIVE.match(symbol)
    if m:
        type_code, issuer = _split_type(m["rest"], onto.doc_type_by_code)
        return SymbolParts(m["num"], int(m["year"]), type_code, issuer, "normative")
    m = _PARTY.match(symbol)
    if m:
        return SymbolParts(m["num"], None, m["type"], m["issuer"], "party")
    m = _STATE.match(symbol)
    if m:
        type_code, issuer = _split_type(m["rest"], onto.doc_type_by_code)
        return SymbolParts(m["num"], None, type_code, issuer, "state")
    return None


def _split_type(rest: str, codes: dict) -> tuple[str | None, str]:
    head, sep, tail = rest.partition("-")
    if sep and head in codes:
        return head, tail
    return None, rest


def is_national_issuer(issuer_code: str) -> bool:
    """CP, TTg, QH15, TW, a ministry code (BNN-TCLN, BKHĐT) … are national."""
    onto = load_ontology()
    head = re.split(r"[-.]", issuer_code)[0]
    head = re.sub(r"\d+$", "", head)  # QH15 -> QH
    return head in onto.national_issuers
