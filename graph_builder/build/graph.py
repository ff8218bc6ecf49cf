"""build: an ExtractionRecord -> the GraphFragment it contributes (nodes and edges with provenance).

Node ids:
    Document   identity key "symbol@year@jurisdiction" (cited and numbered documents),
               "name:<folded name>@jurisdiction" (documents referred to by name),
               the record's own id (ingested documents)
    Agency     "jurisdiction:canonical name"
    Task       "<document id>#task-<n>"      (owned by the document)
    Target     "<document id>#target-<n>"    (owned by the document)
    Project    "jurisdiction:canonical name"

Every edge carries ``source_id`` (the ingested document it was read from) so that a changed or
removed document takes exactly its own facts with it.
"""
from __future__ import annotations

import json
import re

from ..find.patterns.common import province_regex
from ..model import CitedDocument, Edge, ExtractionRecord, GraphFragment, NamedReference, Node
from ..ontology import fold, load_ontology
from ..resolve.identity import own_jurisdiction
from ..resolve.symbols import symbol_parts

NATIONAL = "national"
# Bodies of a People's Committee: a committee's document addressing them names its own
# departments, so the issuer is their parent (org:subOrganizationOf in the RDF export).
_PROVINCIAL_DEPARTMENT = re.compile(r"(?:Sở|Ban Quản lý|Ban Dân tộc|Thanh tra tỉnh|Thanh tra thành phố|Văn phòng UBND tỉnh|Văn phòng UBND thành phố)\b")
_DISTRICT_DEPARTMENT = re.compile(r"(?:Phòng|Thanh tra huyện|Văn phòng HĐND và UBND)\b")
_DISTRICT_UNIT = re.compile(r"\b(?:huyện|quận|thị xã|xã|phường|thị trấn)\b")
_COMMITTEE = re.compile(r"UBND (?P<level>tỉnh|thành phố|huyện|quận|thị xã) (?P<place>.+)")
_NATIONAL_NAME = re.compile(r"quốc gia|toàn quốc|Chính phủ|Quốc hội|Trung ương|của Đảng\b|Bộ Chính trị", re.IGNORECASE)


def document_type(vi_name: str | None) -> tuple[str | None, str | None]:
    """(English label, Vietnamese name) of a document type name."""
    t = load_ontology().doc_type_for(vi_name)
    return (t.label, t.vi) if t else (None, vi_name)


def agency_id(name: str, jurisdiction: str) -> str:
    return f"{jurisdiction}:{name}"


class _FragmentBuilder:
    def __init__(self, record: ExtractionRecord):
        self.r = record
        self.meta = record.document
        self.doc_id = record.id
        self.province = self.meta.province
        self.jurisdiction = own_jurisdiction(self.meta)
        # where a document's jurisdiction is unknown, its local agencies are scoped to it alone
        self.local = self.jurisdiction or f"unknown:{self.doc_id}"
        self.frag = GraphFragment(record.id, record.source, record.content_hash)
        self._nodes: dict[tuple[str, str], Node] = {}
        self._text = None

    # -- helpers ----------------------------------------------------------------------------
    def node(self, label: str, node_id: str, props: dict, mode: str = "fill") -> Node:
        key = (label, node_id)
        n = self._nodes.get(key)
        if n is None:
            n = Node(label, node_id, {k: v for k, v in props.items() if v is not None}, mode)
            self._nodes[key] = n
            self.frag.nodes.append(n)
        else:
            for k, v in props.items():
                if v is not None and n.props.get(k) is None:
                    n.props[k] = v
        return n

    def edge(self, rel: str, src: Node, dst: Node, props: dict, start: int | None = None, end: int | None = None,
             sentence: str | None = None) -> Edge:
        p = {k: v for k, v in props.items() if v is not None}
        p["source_id"] = self.doc_id
        p["source_path"] = self.r.source
        if start is not None and start >= 0:
            p["span_start"], p["span_end"] = start, end
        if sentence:
            p["sentence"] = sentence
        e = Edge(rel, src.id, dst.id, src.label, dst.label, p)
        self.frag.edges.append(e)
        return e

    # -- the document itself ----------------------------------------------------------------
    def document(self) -> Node:
        m = self.meta
        label, vi = document_type(m.doc_type)
        parts = symbol_parts(m.symbol) if m.symbol else None
        props = {
            "symbol": m.symbol, "number": parts.number if parts else None, "doc_type": label or "Document",
            "doc_type_vi": vi, "form": parts.form if parts else None, "year": m.year, "year_inferred": False,
            "jurisdiction": self.jurisdiction, "province": self.province, "date": m.date, "title": m.title,
            "issuer": m.issuer, "signer": m.signer, "ingested": True, "source_path": self.r.source,
            "content_hash": self.r.content_hash,
        }
        doc = self.node("Document", self.doc_id, props, mode="set")
        doc.props["ingested"] = True
        if m.issuer:
            level = "national" if self.jurisdiction == NATIONAL else "province"
            issuer = self.node("Agency", agency_id(m.issuer, self.local),
                               {"name": m.issuer, "jurisdiction": self.local, "level": level, "collective": False})
            span = m.spans.get("issuer")
            self.edge("ISSUED_BY", doc, issuer, {}, *(span or (None, None)))
        return doc

    def agency_scope(self, agency_name: str) -> str:
        """The id scope of a local agency: its province, or its district for a district's own
        bodies (Phòng Tài chính - Kế hoạch huyện of Tuy Phước is not that of An Nhơn)."""
        m = _COMMITTEE.fullmatch(self.meta.issuer or "")
        if m and m["level"] != "tỉnh" and not province_regex().fullmatch(m["place"]) \
                and (_DISTRICT_DEPARTMENT.match(agency_name) or _DISTRICT_UNIT.search(agency_name)):
            return f"{self.local}/{m['level']} {m['place']}"
        return self.local

    def parent_of(self, agency_name: str) -> str | None:
        """The issuing People's Committee, when the agency is one of its own departments."""
        m = _COMMITTEE.fullmatch(self.meta.issuer or "")
        if not m:
            return None
        provincial = m["level"] == "tỉnh" or (m["level"] == "thành phố" and province_regex().fullmatch(m["place"]))
        pattern = _PROVINCIAL_DEPARTMENT if provincial else _DISTRICT_DEPARTMENT
        return self.meta.issuer if pattern.match(agency_name) else None

    # -- cited and named documents ----------------------------------------------------------
    def cited(self, c: CitedDocument) -> Node:
        ident = c.identity
        label, vi = document_type(c.doc_type)
        parts = symbol_parts(ident.symbol)
        props = {
            "symbol": ident.symbol, "number": parts.number if parts else None, "doc_type": label or "Document",
            "doc_type_vi": vi, "form": parts.form if parts else None, "year": ident.year,
            "year_inferred": ident.year_inferred, "jurisdiction": ident.jurisdiction, "date": c.date,
            "issuer": c.issuer, "subject": c.subject, "ingested": False,
        }
        return self.node("Document", ident.key, props)

    def named(self, n: NamedReference) -> Node:
        m = province_regex().search(n.name)
        if m:
            jurisdiction = m.group(0)
        elif n.kind in ("law", "strategy") or _NATIONAL_NAME.search(n.name):
            jurisdiction = NATIONAL
        else:
            jurisdiction = self.local
        code = load_ontology().named_kinds.get(n.kind, "VB")
        t = load_ontology().doc_type_by_code[code]
        props = {"name": n.name, "doc_type": t.label, "doc_type_vi": t.vi, "form": "named",
                 "jurisdiction": jurisdiction, "date": n.date, "ingested": False}
        return self.node("Document", f"{n.key}@{jurisdiction}", props)

    def sentence_at(self, start: int, end: int) -> str:
        from ..find.patterns.common import sentence_span

        text = self._source_text()
        if text is None or start < 0:
            return ""
        s, e = sentence_span(text, start, end)
        return text[s:e]

    def _source_text(self) -> str | None:
        return self._text

    # -- assemble ---------------------------------------------------------------------------
    def build(self, text: str | None = None) -> GraphFragment:
        self._text = text
        r = self.r
        doc = self.document()
        by_symbol: dict[str, Node] = {}
        by_key: dict[str, Node] = {}
        for c in r.citations:
            target = self.cited(c)
            by_symbol.setdefault(c.symbol, target)
            by_key[c.identity.key] = target
            counted = c.counted_mentions() or c.mentions
            first = counted[0] if counted else None
            self.edge("CITES", doc, target, {
                "mentions": len(c.counted_mentions()), "spans": json.dumps([[m.start, m.end] for m in counted]),
                "quote": c.first_quote, "subject": c.subject, "inferred": c.identity.year_inferred or None,
                "inference": c.identity.inference,
            }, first.quote_start if first else None, first.quote_end if first else None,
                c.sentences[0] if c.sentences else None)
        named_by_name: dict[str, Node] = {}
        for n in r.named_references:
            target = self.named(n)
            named_by_name[n.name] = target
            self.edge("CITES", doc, target, {"mentions": 1, "spans": json.dumps([[n.start, n.end]]), "quote": n.first_quote},
                      n.start, n.end, self.sentence_at(n.start, n.end) or None)
        for rel, symbols, names in (("IMPLEMENTS", r.implements, r.implements_named), ("BASED_ON", r.basis, r.basis_named)):
            for sym in symbols:
                target = by_symbol.get(sym)
                if target is None:
                    continue
                c = next(c for c in r.citations if c.symbol == sym)
                first = (c.counted_mentions() or c.mentions or [None])[0]
                self.edge(rel, doc, target, {"inferred": c.identity.year_inferred or None, "inference": c.identity.inference},
                          first.quote_start if first else None, first.quote_end if first else None,
                          c.sentences[0] if c.sentences else None)
            for name in names:
                target = named_by_name.get(name)
                if target is not None:
                    n = next(n for n in r.named_references if n.name == name)
                    self.edge(rel, doc, target, {}, n.start, n.end, self.sentence_at(n.start, n.end) or None)

        task_nodes = []
        for i, t in enumerate(r.tasks, 1):
            tn = self.node("Task", f"{self.doc_id}#task-{i}", {
                "text": t.text, "section": t.section, "deadline": t.deadline, "deadline_text": t.deadline_text,
                "province": self.province, "source_id": self.doc_id, "source_path": r.source,
                "span_start": t.start, "span_end": t.end, "sentence": t.sentence,
            }, mode="own")
            task_nodes.append((t, tn))
            self.edge("HAS_TASK", doc, tn, {})
            for a in t.agencies:
                jurisdiction = NATIONAL if a.national else self.local
                scope = NATIONAL if a.national else self.agency_scope(a.name)
                ag = self.node("Agency", agency_id(a.name, scope), {
                    "name": a.name, "jurisdiction": jurisdiction, "collective": a.collective,
                    "level": "national" if a.national else None,
                    "parent": None if a.national or a.collective else self.parent_of(a.name),
                })
                self.edge("ASSIGNED_TO", tn, ag, {"role": a.role, "via": a.via},
                          a.start if a.start >= 0 else t.start, a.end if a.start >= 0 else t.end, t.sentence)
            for key in t.implements:
                target = by_key.get(key)
                if target is not None:
                    self.edge("IMPLEMENTS", tn, target, {}, t.start, t.end, t.sentence)

        def owner(start: int) -> Node:
            for t, tn in task_nodes:
                if t.start <= start < t.end:
                    return tn
            return doc

        for i, tg in enumerate(r.targets, 1):
            lo, hi = tg.range if tg.range else (None, None)
            tn = self.node("Target", f"{self.doc_id}#target-{i}", {
                "indicator": tg.indicator, "value": tg.value, "value_num": tg.value_num, "min_value": lo,
                "max_value": hi, "unit": tg.unit, "comparator": tg.comparator, "year": tg.year,
                "list_item": tg.list_item, "province": self.province, "source_id": self.doc_id,
                "source_path": r.source, "span_start": tg.start, "span_end": tg.end,
                "sentence": tg.sentence or self.sentence_at(tg.start, tg.end) or tg.quote,
            }, mode="own")
            self.edge("SETS_TARGET", owner(tg.start), tn, {})
        for p in r.projects:
            pn = self.node("Project", f"{self.local}:{fold(p.name)}", {"name": p.name, "kind": p.kind or None,
                                                                         "jurisdiction": self.local})
            self.edge("CONCERNS", owner(p.start), pn, {}, p.start, p.end, p.sentence or self.sentence_at(p.start, p.end) or None)
        return self.frag


def fragment_from_record(record: ExtractionRecord, text: str | None = None) -> GraphFragment:
    """The nodes and edges one document contributes.  ``text`` (the document's text) lets
    edges that the finders did not give a sentence carry one."""
    return _FragmentBuilder(record).build(text)
