"""An interactive page of the graph (pyvis / vis-network), one self-contained HTML file.

    legalkg viz --focus 01/NQ-CP --year 2025 -o trace.html

Focused on a document, the page shows the documents that carry it out or cite it (and, within
``depth`` hops, the documents that carry those out or cite them), their tasks, the agencies with
their lead/support roles, the targets and projects.  Agencies, targets, projects and the other
documents a task carries out end a path (an agency shared by a whole province, or a second
resolution a task also carries out, does not pull the whole corpus in).

* colour and shape by node type, a legend whose boxes hide or show a type, edge labels
  (IMPLEMENTS, CITES, lead / support …), tooltips with the source sentence and document;
* a search box (case- and tone-mark-insensitive) that selects and zooms to the matches;
* a precomputed radial layout (the focus in the centre, each hop a ring), relaxed by physics on
  small pages and then frozen: a page of 5,000 nodes is drawn and still in about a second;
* above ``max_nodes`` nothing is written: :class:`TooLarge` says how many nodes the selection has
  and how to narrow it;
* offline: vis-network's JavaScript and CSS (shipped with pyvis) are written into the file; the
  page loads nothing from the network.
"""
from __future__ import annotations

import html
import json
import math
import re
import time
import unicodedata
from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Edge, Node
from ..ontology import fold
from .graphdata import as_edge, as_node

DEFAULT_DEPTH = 4
DEFAULT_MAX_NODES = 5000
PHYSICS_MAX_NODES = 200

# what a node type looks like: colour, vis shape, the legend's words
STYLE = {
    "Document": ("#4e79a7", "box", "Văn bản / Document"),
    "Task": ("#f28e2b", "dot", "Nhiệm vụ / Task"),
    "Agency": ("#59a14f", "diamond", "Cơ quan / Agency"),
    "Target": ("#b07aa1", "star", "Chỉ tiêu / Target"),
    "Project": ("#9c755f", "square", "Dự án / Project"),
}
EDGE_STYLE = {  # colour, dashes, width
    "IMPLEMENTS": ("#e15759", False, 3),
    "CITES": ("#8c8c8c", False, 1),
    "BASED_ON": ("#76b7b2", True, 1),
    "ISSUED_BY": ("#bab0ac", True, 1),
    "HAS_TASK": ("#f28e2b", False, 1),
    "ASSIGNED_TO": ("#59a14f", False, 2),
    "SETS_TARGET": ("#b07aa1", False, 1),
    "CONCERNS": ("#9c755f", True, 1),
}
FOCUS_COLOR = "#e15759"
SUPPORT_COLOR = "#9fd494"
DOC_RELATIONS = ("IMPLEMENTS", "CITES", "BASED_ON")
# from a document: what hangs off it; from a task: what it is given to, sets, concerns, carries out
OUT_FROM = {"Document": ("HAS_TASK", "ISSUED_BY", "SETS_TARGET", "CONCERNS"),
            "Task": ("ASSIGNED_TO", "SETS_TARGET", "CONCERNS", "IMPLEMENTS")}
LEAVES = ("Agency", "Target", "Project")


class VizError(ValueError):
    """The selection cannot be drawn (no such document, nothing selected)."""


class TooLarge(VizError):
    def __init__(self, n_nodes: int, n_edges: int, cap: int, hint: str):
        self.n_nodes, self.n_edges, self.cap = n_nodes, n_edges, cap
        super().__init__(f"the selection has {n_nodes:,} nodes and {n_edges:,} edges, above the cap of {cap:,} nodes "
                         f"that a browser draws responsively; no page written. Narrow it: {hint}")


@dataclass
class VizStats:
    nodes: int = 0
    edges: int = 0
    focus: list[str] = field(default_factory=list)
    seconds: float = 0.0
    bytes: int = 0
    edge_labels: bool = True


# --------------------------------------------------------------------------- selection

def _norm_symbol(s: str) -> str:
    s = unicodedata.normalize("NFC", s).strip()
    s = re.sub(r"^(số|so)\s*", "", s, flags=re.I)
    return fold(re.sub(r"\s+", "", s))


class _Graph:
    def __init__(self, graph):
        if isinstance(graph, tuple):
            nodes_in, edges_in = graph
        else:
            nodes_in, edges_in = graph.nodes(), graph.edges()
        self.nodes: dict[str, Node] = {}
        for n in nodes_in:
            n = as_node(n)
            self.nodes[n.id] = n
        self.edges: list[Edge] = [e for e in map(as_edge, edges_in) if e.source in self.nodes and e.target in self.nodes]
        self.out: dict[str, list[int]] = defaultdict(list)
        self.inc: dict[str, list[int]] = defaultdict(list)
        for i, e in enumerate(self.edges):
            self.out[e.source].append(i)
            self.inc[e.target].append(i)


def find_focus(g: _Graph, symbol: str, year: int | None = None) -> list[str]:
    want = _norm_symbol(symbol)
    docs = [n for n in g.nodes.values() if n.label == "Document"
            and (_norm_symbol(str(n.props.get("symbol") or "")) == want or n.id == symbol)]
    if not docs:
        raise VizError(f"no document {symbol} in the graph")
    if year is not None:
        dated = [n for n in docs if n.props.get("year") == year]
        if not dated:
            years = sorted({str(n.props.get("year") or "unknown") for n in docs})
            raise VizError(f"no document {symbol} of {year} in the graph (years present: {', '.join(years)})")
        docs = dated
    return sorted(n.id for n in docs)


def _in_province(n: Node, province: str | None) -> bool:
    if not province:
        return True
    p = fold(province)
    where = [n.props.get(k) for k in ("province", "jurisdiction")]
    vals = [fold(str(v)) for v in where if v]
    return not vals or p in vals or "national" in vals or any(v.startswith("unknown") for v in vals)


def _type_filter(types: Iterable[str] | None):
    if not types:
        return None, None
    wanted = {fold(t.strip()) for item in types for t in str(item).split(",") if t.strip()}
    labels = {lab for lab in STYLE if fold(lab) in wanted}
    rels = {r for r in EDGE_STYLE if fold(r) in wanted}
    unknown = wanted - {fold(x) for x in labels | rels}
    if unknown:
        raise VizError(f"unknown type(s) {', '.join(sorted(unknown))}; node types: {', '.join(STYLE)}; "
                       f"edge types: {', '.join(EDGE_STYLE)}")
    return labels or None, rels or None


def select(graph, focus: str | None = None, year: int | None = None, province: str | None = None,
           depth: int = DEFAULT_DEPTH, types: Iterable[str] | None = None):
    """(nodes by id, edges, hop distance by id, focus ids) of the part of the graph to draw."""
    g = graph if isinstance(graph, _Graph) else _Graph(graph)
    labels, rels = _type_filter(types)
    dist: dict[str, int] = {}
    roots: list[str] = []
    if focus:
        roots = find_focus(g, focus, year)
        dist = {r: 0 for r in roots}
        expand = set(roots)  # documents that carry out or cite the focus (through a chain of such)
        queue = deque(roots)
        while queue:
            nid = queue.popleft()
            node = g.nodes[nid]
            d = dist[nid]
            if d >= depth or node.label in LEAVES or (node.label == "Document" and nid not in expand):
                continue
            steps = []
            if node.label == "Document":
                incoming = [g.edges[i].source for i in g.inc[nid] if g.edges[i].type in DOC_RELATIONS]
                expand.update(x for x in incoming if x not in dist)
                steps += [(g.edges[i].source, g.edges[i].type) for i in g.inc[nid] if g.edges[i].type in DOC_RELATIONS]
                if d == 0:  # what the focus document itself carries out or cites
                    steps += [(g.edges[i].target, g.edges[i].type) for i in g.out[nid] if g.edges[i].type in DOC_RELATIONS]
            if node.label == "Task":
                steps += [(g.edges[i].source, g.edges[i].type) for i in g.inc[nid] if g.edges[i].type == "HAS_TASK"]
            steps += [(g.edges[i].target, g.edges[i].type) for i in g.out[nid] if g.edges[i].type in OUT_FROM.get(node.label, ())]
            for other, rel in steps:
                if other in dist or (rels and rel not in rels):
                    continue
                on = g.nodes[other]
                if on.label == "Document" and not _in_province(on, province):
                    continue
                dist[other] = d + 1
                queue.append(other)
        keep = set(dist)
    else:
        keep = set()
        for n in g.nodes.values():
            if year is not None and n.label == "Document" and n.props.get("year") != year:
                continue
            if n.label in ("Document", "Task", "Target") and not _in_province(n, province):
                continue
            keep.add(n.id)
        if year is not None:  # tasks, targets of documents of other years go too
            owner_ok = {e.target for e in g.edges if e.type in ("HAS_TASK", "SETS_TARGET") and e.source in keep}
            keep = {i for i in keep if g.nodes[i].label not in ("Task", "Target") or i in owner_ok}
        if year is not None or province:  # agencies and projects only where something kept reaches them
            reached = {e.target for e in g.edges if e.source in keep}
            keep = {i for i in keep if g.nodes[i].label not in ("Agency", "Project") or i in reached}
    if labels:
        keep = {i for i in keep if g.nodes[i].label in labels or i in roots}
    nodes = {i: g.nodes[i] for i in sorted(keep, key=lambda i: (dist.get(i, 0), i))}
    edges = [e for e in g.edges if e.source in nodes and e.target in nodes and (not rels or e.type in rels)]
    return nodes, edges, dist, roots


# --------------------------------------------------------------------------- layout

def radial_layout(nodes: dict[str, Node], edges: list[Edge], roots: list[str], spacing: float = 46.0) -> dict[str, tuple[float, float]]:
    """A radial tree over a BFS spanning forest: roots in the centre, each subtree in a sector
    proportional to its leaves, rings far enough apart for their nodes.  O(nodes + edges)."""
    adj: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        adj[e.source].append(e.target)
        adj[e.target].append(e.source)
    order = list(roots) or sorted(nodes, key=lambda i: (-len(adj[i]), i))
    parent: dict[str, str | None] = {}
    depth: dict[str, int] = {}
    children: dict[str | None, list[str]] = defaultdict(list)
    bfs: list[str] = []
    for r in order:
        if r in parent:
            continue
        parent[r] = None
        depth[r] = 1
        children[None].append(r)
        queue = deque([r])
        while queue:
            x = queue.popleft()
            bfs.append(x)
            for y in adj[x]:
                if y not in parent:
                    parent[y] = x
                    depth[y] = depth[x] + 1
                    children[x].append(y)
                    queue.append(y)
    leaves: dict[str | None, int] = {}
    for x in reversed(bfs):
        leaves[x] = max(1, sum(leaves[c] for c in children[x]))
    leaves[None] = max(1, sum(leaves[c] for c in children[None]))
    per_ring: dict[int, int] = defaultdict(int)
    for x in bfs:
        per_ring[depth[x]] += 1
    radius = {0: 0.0}
    for d in range(1, max(per_ring, default=0) + 1):
        radius[d] = max(radius[d - 1] + 220.0, per_ring[d] * spacing / (2 * math.pi))
    if len(children[None]) == 1:  # a single root sits in the centre
        radius = {d: (r - radius[1] if d >= 1 else 0.0) for d, r in radius.items()}
        radius = {d: (max(r, (d - 1) * 220.0)) for d, r in radius.items()}
    pos: dict[str, tuple[float, float]] = {}
    stack: list[tuple[str | None, float, float]] = [(None, 0.0, 2 * math.pi)]
    while stack:
        x, a0, a1 = stack.pop()
        if x is not None:
            a = (a0 + a1) / 2
            r = radius[depth[x]]
            pos[x] = (round(r * math.cos(a), 1), round(r * math.sin(a), 1))
        total = leaves[x]
        a = a0
        for c in children[x]:
            span = (a1 - a0) * leaves[c] / total
            stack.append((c, a, a + span))
            a += span
    return pos


# --------------------------------------------------------------------------- page

def _short(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _wrap(text: str, width: int = 28, lines: int = 3) -> str:
    words, out, cur = str(text).split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            out.append(cur)
            cur = w
            if len(out) == lines:
                break
        else:
            cur = f"{cur} {w}".strip()
    else:
        if cur:
            out.append(cur)
    if len(out) == lines and len(" ".join(out)) < len(" ".join(words)):
        out[-1] = out[-1].rstrip(",;.") + " …"
    return "\n".join(out)


def node_label(n: Node) -> str:
    p = n.props
    if n.label == "Document":
        head = p.get("symbol") or _short(p.get("name") or p.get("title") or n.id.split("#")[-1], 40)
        kind = p.get("doc_type_vi") or p.get("doc_type") or ""
        where = p.get("province") or p.get("jurisdiction") or ""
        where = "" if where.startswith("unknown") else ("toàn quốc" if where == "national" else where)
        year = p.get("year")
        return "\n".join(x for x in (head, _short(kind, 30), " · ".join(str(v) for v in (where, year) if v)) if x)
    if n.label == "Task":
        return _wrap(p.get("text") or n.id, 30, 3)
    if n.label == "Agency":
        return _wrap(p.get("name") or n.id, 24, 2)
    if n.label == "Target":
        value = f"{p.get('value') or ''}{(' ' + p['unit']) if p.get('unit') and p.get('unit') != '%' else (p.get('unit') or '')}"
        return _wrap(f"{p.get('indicator') or ''}: {value}".strip(": "), 26, 2)
    return _wrap(p.get("name") or n.id, 26, 2)


_TIP_FIELDS = {
    "Document": [("title", "Trích yếu"), ("name", "Tên"), ("doc_type_vi", "Loại"), ("date", "Ngày"), ("issuer", "Cơ quan ban hành"),
                 ("jurisdiction", "Phạm vi"), ("subject", "Về"), ("source_path", "Tệp")],
    "Task": [("text", "Nhiệm vụ"), ("deadline", "Thời hạn"), ("deadline_text", "Thời hạn (văn bản)"), ("section", "Mục")],
    "Agency": [("name", "Cơ quan"), ("jurisdiction", "Phạm vi"), ("level", "Cấp")],
    "Target": [("indicator", "Chỉ tiêu"), ("value", "Giá trị"), ("unit", "Đơn vị"), ("comparator", "So sánh"), ("year", "Năm")],
    "Project": [("name", "Dự án"), ("kind", "Loại"), ("jurisdiction", "Phạm vi")],
}


def node_tooltip(n: Node, docs: dict[str, Node]) -> str:
    p = n.props
    lines = [f"{STYLE.get(n.label, ('', '', n.label))[2]}" + (f" — {p['symbol']}" if p.get("symbol") else "")]
    for key, name in _TIP_FIELDS.get(n.label, []):
        if p.get(key) not in (None, ""):
            lines.append(f"{name}: {_short(p[key], 400)}")
    if p.get("sentence"):
        lines.append(f"Câu nguồn: “{_short(p['sentence'], 500)}”")
    if p.get("source_id"):
        src = docs.get(p["source_id"])
        lines.append(f"Văn bản nguồn: {_doc_name(src) if src else p['source_id']}")
    if p.get("source_path") and n.label != "Document":
        lines.append(f"Tệp: {p['source_path']}")
    lines.append(f"id: {n.id}")
    return "\n".join(lines)


def _doc_name(n: Node) -> str:
    p = n.props
    return " ".join(str(x) for x in (p.get("doc_type_vi") or p.get("doc_type"), p.get("symbol") or p.get("name"),
                                      f"({p['year']})" if p.get("year") else "") if x)


def edge_label(e: Edge) -> str:
    if e.type == "ASSIGNED_TO":
        return "chủ trì / lead" if e.props.get("role") == "lead" else "phối hợp / support"
    return e.type


def edge_tooltip(e: Edge, docs: dict[str, Node]) -> str:
    lines = [edge_label(e) if e.type != "ASSIGNED_TO" else f"ASSIGNED_TO ({e.props.get('role')})"]
    if e.props.get("quote"):
        lines.append(f"Trích: {_short(e.props['quote'], 300)}")
    if e.props.get("sentence"):
        lines.append(f"Câu nguồn: “{_short(e.props['sentence'], 500)}”")
    if e.props.get("inferred"):
        lines.append(f"Năm suy ra: {e.props.get('inference') or 'inferred'}")
    src = e.props.get("source_id")
    if src:
        lines.append(f"Văn bản nguồn: {_doc_name(docs[src]) if src in docs else src}")
    return "\n".join(lines)


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("vis-network assets cannot be inlined safely")
    return js, css


def physics_options(n_nodes: int, n_edges: int) -> dict:
    """Small pages: a relaxation of the precomputed layout, then frozen.  Above
    ``PHYSICS_MAX_NODES`` the precomputed radial layout is final: a short relaxation squeezes a
    large fan-out (a programme's hundreds of tasks) into an unreadable knot, and a long one costs
    seconds (physics can still be switched on from the page)."""
    if n_nodes > PHYSICS_MAX_NODES:
        return {"enabled": False, "solver": "barnesHut", "stabilization": {"enabled": False}}
    return {
        "enabled": True,
        "solver": "barnesHut",
        "barnesHut": {"gravitationalConstant": -6000, "centralGravity": 0.05, "springLength": 140,
                      "springConstant": 0.03, "damping": 0.4, "avoidOverlap": 0.1},
        "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 20, "fit": True},
        "minVelocity": 1.0,
        "timestep": 0.5,
    }


def build_page(nodes: dict[str, Node], edges: list[Edge], roots: list[str], heading: str,
               note: str = "", edge_label_limit: int = 1500) -> tuple[str, VizStats]:
    """The HTML of the page (pyvis builds the node and edge lists; the template is ours, offline)."""
    from jinja2 import Environment
    from pyvis.network import Network

    stats = VizStats(nodes=len(nodes), edges=len(edges), focus=list(roots))
    pos = radial_layout(nodes, edges, roots)
    docs = {i: n for i, n in nodes.items() if n.label == "Document"}
    big = len(nodes) > 1500
    show_edge_labels = len(edges) <= edge_label_limit
    stats.edge_labels = show_edge_labels
    net = Network(height="100%", width="100%", directed=True, heading=heading)
    # the look of each type is a vis "group" (set once in the options, not on every node: a page
    # of 5,000 nodes then parses and builds faster); the focus document overrides it
    for nid, n in nodes.items():
        _, shape, _ = STYLE.get(n.label, ("#999999", "dot", n.label))
        x, y = pos.get(nid, (0.0, 0.0))
        opts = dict(x=x, y=y, title=node_tooltip(n, docs), kind=n.label, group=n.label)
        if nid in roots:  # a group of its own: vis lets a group's colour win over a node's
            opts["group"] = "Focus"
        net.add_node(nid, label=node_label(n), shape=shape, **opts)
    for i, e in enumerate(edges):
        color, dashes, width = EDGE_STYLE.get(e.type, ("#999999", False, 1))
        if e.type == "ASSIGNED_TO" and e.props.get("role") == "support":
            color, dashes, width = SUPPORT_COLOR, True, 1
        opts = dict(id=f"e{i}", title=edge_tooltip(e, docs), color=color, kind=e.type)
        if width != 1:
            opts["width"] = width
        if dashes and not big:  # dashed lines cost ten times more to draw
            opts["dashes"] = True
        if e.props.get("role"):
            opts["role"] = e.props["role"]
        if show_edge_labels:
            opts["label"] = edge_label(e)
        net.add_edge(e.source, e.target, **opts)
    groups = {}
    for label, (color, shape, _) in STYLE.items():
        doc = label == "Document"
        groups[label] = {"color": color, "shape": shape, "size": 18 if doc else 14, "borderWidth": 1,
                         "font": {"size": 14 if doc else 12, "face": "Arial", "color": "#ffffff" if doc else "#222222"}}
        if doc:
            groups[label]["margin"] = 8
    groups["Focus"] = {**groups["Document"], "color": FOCUS_COLOR, "borderWidth": 3,
                       "font": {"size": 18, "face": "Arial", "color": "#ffffff", "bold": True}}
    net.set_options(json.dumps({
        "physics": physics_options(len(nodes), len(edges)),
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": {"enabled": True, "bindToWindow": False}},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 10, "align": "middle", "color": "#444444", "strokeWidth": 3}},
        "nodes": {"shadow": False},
        "groups": groups,
        "layout": {"improvedLayout": False, "randomSeed": 1},
    }))
    vis_js, vis_css = _vis_assets()
    legend_nodes = [(lab, *STYLE[lab]) for lab in STYLE if any(n.label == lab for n in nodes.values())]
    legend_edges = sorted({(edge_label(e) if e.type == "ASSIGNED_TO" else e.type, e.type, e.props.get("role") or "")
                           for e in edges})
    meta = {"heading": heading, "note": note, "focus": list(roots), "edgeLabels": show_edge_labels,
            "legendNodes": [{"kind": k, "color": c, "shape": s, "text": t} for k, c, s, t in legend_nodes],
            "legendEdges": [{"text": t, "kind": k, "role": r,
                             "color": SUPPORT_COLOR if r == "support" else EDGE_STYLE.get(k, ("#999",))[0],
                             "dashes": not big and bool(EDGE_STYLE.get(k, ("", False))[1] or r == "support")}
                            for t, k, r in legend_edges]}
    env = Environment(autoescape=False)
    net.template = env.from_string(PAGE, globals={"vis_js": vis_js, "vis_css": vis_css, "meta": meta,
                                                  "title_text": html.escape(heading)})
    page = net.generate_html(notebook=True)
    return page, stats


def write_viz(graph, output: str | Path, focus: str | None = None, year: int | None = None,
              province: str | None = None, depth: int = DEFAULT_DEPTH, types: Iterable[str] | None = None,
              max_nodes: int = DEFAULT_MAX_NODES, title: str | None = None) -> VizStats:
    """Select, lay out and write the page.  Raises :class:`TooLarge` (nothing written) above
    ``max_nodes``, :class:`VizError` when the focus document is not in the graph."""
    t0 = time.perf_counter()
    nodes, edges, _, roots = select(graph, focus, year, province, depth, types)
    if not nodes:
        raise VizError("nothing to draw: the selection is empty" + (" (check --year/--province/--types)" if year or province or types else ""))
    if len(nodes) > max_nodes:
        hints = []
        if not focus:
            hints.append("--focus SYMBOL [--year Y] (one document and what carries it out)")
        else:
            hints.append(f"--depth {max(1, depth - 1)}")
        if not province:
            hints.append("--province P")
        if not year and not focus:
            hints.append("--year Y")
        if not types:
            hints.append("--types Document,Task (leave agencies, targets, projects out)")
        raise TooLarge(len(nodes), len(edges), max_nodes, ", or ".join(hints))
    if title is None:
        title = "legalkg"
        if focus:
            title += f" — {focus}" + (f" ({year})" if year else "")
        elif year or province:
            title += " — " + " · ".join(str(x) for x in (province, year) if x)
    page, stats = build_page(nodes, edges, roots, title)
    Path(output).write_text(page, encoding="utf-8")
    stats.bytes = len(page.encode("utf-8"))
    stats.seconds = time.perf_counter() - t0
    return stats


PAGE = r"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="legalkg viz (pyvis, vis-network 9.1.2 inlined)">
<title>{{ title_text }}</title>
<style>{{ vis_css }}</style>
<style>
  html, body { margin: 0; height: 100%; font-family: Arial, Helvetica, sans-serif; font-size: 13px; color: #222; }
  body { display: flex; flex-direction: column; }
  #bar { display: flex; gap: 10px; align-items: center; padding: 6px 10px; border-bottom: 1px solid #ddd; background: #fafafa; flex-wrap: wrap; }
  #bar h1 { font-size: 15px; margin: 0 8px 0 0; }
  #search { width: 300px; padding: 4px 6px; }
  #bar button { padding: 3px 8px; }
  #counts, #matches, #status { color: #555; }
  #main { flex: 1; position: relative; min-height: 0; }
  #net { position: absolute; inset: 0; }
  #legend { position: absolute; top: 8px; left: 8px; background: rgba(255,255,255,.93); border: 1px solid #ccc; border-radius: 4px; padding: 6px 8px; z-index: 10; max-width: 260px; }
  #legend h2 { font-size: 12px; margin: 4px 0; }
  #legend label { display: flex; align-items: center; gap: 6px; cursor: pointer; white-space: nowrap; }
  .sw { display: inline-block; width: 14px; height: 10px; border: 1px solid #666; }
  .ln { display: inline-block; width: 26px; height: 0; border-top-width: 3px; border-top-style: solid; }
  #note { color: #a33; }
  div.vis-tooltip { white-space: pre-wrap !important; max-width: 460px; font-family: Arial, sans-serif !important; font-size: 12px !important; line-height: 1.35; }
</style>
<script>{{ vis_js }}</script>
</head>
<body>
<div id="bar">
  <h1>{{ title_text }}</h1>
  <span id="counts"></span>
  <input id="search" type="search" placeholder="Tìm: số hiệu, cơ quan, nội dung… / search" aria-label="search">
  <span id="matches"></span>
  <button id="fit" type="button">Fit</button>
  <button id="physics" type="button">Physics: off</button>
  <span id="status">layout…</span>
  <span id="note"></span>
</div>
<div id="main">
  <div id="legend"></div>
  <div id="net"></div>
</div>
<script>
"use strict";
window.legalkgViz = { nodes: 0, edges: 0, stabilized: false, frozenAt: null, errors: [], timings: { script: performance.now() } };
window.addEventListener("error", function (e) { window.legalkgViz.errors.push(String(e.message || e)); });
(function () {
  var META = {{ meta|tojson }};
  var NODES = {{ nodes|tojson }};
  var EDGES = {{ edges|tojson }};
  var OPTIONS = {{ options|safe }};
  var state = window.legalkgViz;
  state.timings.parsed = performance.now();
  var nodes = new vis.DataSet(NODES);
  var edges = new vis.DataSet(EDGES);
  state.timings.data = performance.now();
  var network = new vis.Network(document.getElementById("net"), { nodes: nodes, edges: edges }, OPTIONS);
  state.timings.network = performance.now();
  network.once("startStabilizing", function () { state.timings.stabilizing = performance.now(); });
  network.once("afterDrawing", function () { state.timings.firstDraw = performance.now(); });
  state.network = network;
  state.nodes = nodes.length;
  state.edges = edges.length;
  var status = document.getElementById("status");
  document.getElementById("counts").textContent = NODES.length + " nút · " + EDGES.length + " cạnh" +
      (META.edgeLabels ? "" : " (nhãn cạnh ẩn ở kích thước này: di chuột lên cạnh)");
  if (META.note) document.getElementById("note").textContent = META.note;

  function freeze() {
    if (state.stabilized) return;
    if (OPTIONS.physics && OPTIONS.physics.enabled !== false) network.setOptions({ physics: { enabled: false } });
    state.stabilized = true;
    state.frozenAt = performance.now();
    document.getElementById("physics").textContent = "Physics: off";
    network.once("afterDrawing", function () {  // the first frame of the still layout
      state.readyAt = performance.now();
      status.textContent = "ready in " + (state.readyAt / 1000).toFixed(1) + " s";
    });
    network.redraw();
  }
  network.on("stabilizationProgress", function (p) {
    status.textContent = "layout " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", freeze);
  network.once("stabilized", freeze);
  if (!OPTIONS.physics || OPTIONS.physics.enabled === false) {  // precomputed layout: nothing moves
    network.fit({ animation: false });
    freeze();
  }

  var physicsOn = false;
  document.getElementById("physics").addEventListener("click", function () {
    physicsOn = !physicsOn;
    network.setOptions({ physics: { enabled: physicsOn } });
    this.textContent = "Physics: " + (physicsOn ? "on" : "off");
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });

  // legend = filter: a box per node type and per edge kind
  var hiddenKinds = {};
  var legend = document.getElementById("legend");
  function addHeading(text) { var h = document.createElement("h2"); h.textContent = text; legend.appendChild(h); }
  function addRow(key, swatch, text, onToggle) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.dataset.key = key;
    box.addEventListener("change", function () { onToggle(key, !box.checked); });
    label.appendChild(box); label.appendChild(swatch);
    var span = document.createElement("span"); span.textContent = text; label.appendChild(span);
    legend.appendChild(label);
  }
  addHeading("Nút / nodes");
  META.legendNodes.forEach(function (k) {
    var sw = document.createElement("span"); sw.className = "sw"; sw.style.background = k.color;
    if (k.shape === "dot") sw.style.borderRadius = "50%";
    if (k.shape === "diamond") sw.style.transform = "rotate(45deg) scale(.8)";
    addRow(k.kind, sw, k.text + " (" + NODES.filter(function (n) { return n.kind === k.kind; }).length + ")", function (kind, hide) {
      hiddenKinds[kind] = hide;
      nodes.update(NODES.filter(function (n) { return n.kind === kind && META.focus.indexOf(n.id) < 0; })
                        .map(function (n) { return { id: n.id, hidden: hide }; }));
    });
  });
  addHeading("Cạnh / edges");
  META.legendEdges.forEach(function (k) {
    var sw = document.createElement("span"); sw.className = "ln"; sw.style.borderTopColor = k.color;
    if (k.dashes) sw.style.borderTopStyle = "dashed";
    addRow(k.kind + "|" + k.role, sw, k.text, function (key, hide) {
      edges.update(EDGES.filter(function (e) { return e.kind + "|" + (e.role || "") === key; })
                        .map(function (e) { return { id: e.id, hidden: hide }; }));
    });
  });

  // search: case- and tone-mark-insensitive, over labels and tooltips
  function fold(s) {
    return String(s || "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var index = NODES.map(function (n) { return [n.id, fold(n.label + " " + (n.title || ""))]; });
  var search = document.getElementById("search"), matches = document.getElementById("matches");
  var found = [], cursor = 0, timer = null;
  function runSearch() {
    var q = fold(search.value.trim());
    if (!q) { found = []; network.unselectAll(); matches.textContent = ""; return; }
    found = index.filter(function (r) { return r[1].indexOf(q) >= 0 && !(hiddenKinds[nodes.get(r[0]).kind]); })
                 .map(function (r) { return r[0]; });
    cursor = 0;
    matches.textContent = found.length + " kết quả";
    network.selectNodes(found.slice(0, 1000));
    if (found.length) network.fit({ nodes: found.slice(0, 300), animation: false });
  }
  search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(runSearch, 200); });
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && found.length) {
      var id = found[cursor % found.length]; cursor += 1;
      network.selectNodes([id]);
      network.focus(id, { scale: 1.2, animation: false });
      matches.textContent = cursor + "/" + found.length;
    }
  });
  state.search = function (q) { search.value = q; runSearch(); return found.slice(); };
})();
</script>
</body>
</html>
"""
