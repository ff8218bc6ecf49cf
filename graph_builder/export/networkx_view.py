"""The graph (or a focused part of it) as a ``networkx.MultiDiGraph``, for notebooks and the
visualisation.

    >>> from graph_builder.write import open_store
    >>> from graph_builder.export.networkx_view import to_networkx
    >>> with open_store() as store:
    ...     g = to_networkx(store)                                          # everything
    ...     g = to_networkx(store, focus="01/NQ-CP", year=2025, depth=2)    # around a document
    ...     g = to_networkx(store, types=["CITES", "IMPLEMENTS"])          # only document links

Nodes are keyed by id, with attributes ``label`` (Document, Agency, …) and the node's properties;
edges are keyed by their relationship type (``key``; ``TYPE:2``, ``TYPE:3`` … when one type links
the same two nodes more than once), with attribute ``type`` and the edge's
properties (provenance included).  Works with a store (``nodes()``/``edges()``), a
``MemoryGraph``, or anything with those two methods.
"""
from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable

import networkx as nx

from .graphdata import as_edge, as_node


def to_networkx(graph, focus: str | Iterable[str] | None = None, year: int | None = None,
                jurisdiction: str | None = None, depth: int = 2, types: Iterable[str] | None = None,
                labels: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """A MultiDiGraph of ``graph``.

    focus:        a document symbol (e.g. "01/NQ-CP"; narrowed by ``year``/``jurisdiction``), a node
                  id, or several of these: keep only nodes within ``depth`` hops of them (edges
                  followed in both directions).
    types:        keep only these relationship types (and traverse only them).
    labels:       keep only nodes with these labels.
    """
    keep_types = set(types) if types else None
    keep_labels = set(labels) if labels else None
    nodes = {}
    for item in graph.nodes():
        n = as_node(item)
        if keep_labels is None or n.label in keep_labels:
            nodes[n.id] = n
    edges = []
    for item in graph.edges():
        e = as_edge(item)
        if (keep_types is None or e.type in keep_types) and e.source in nodes and e.target in nodes:
            edges.append(e)
    if focus is not None:
        seeds = _seeds(nodes, focus, year, jurisdiction)
        adj = defaultdict(set)
        for e in edges:
            adj[e.source].add(e.target)
            adj[e.target].add(e.source)
        dist = {s: 0 for s in seeds}
        queue = deque(seeds)
        while queue:
            cur = queue.popleft()
            if dist[cur] >= depth:
                continue
            for nxt in adj[cur]:
                if nxt not in dist:
                    dist[nxt] = dist[cur] + 1
                    queue.append(nxt)
        nodes = {i: n for i, n in nodes.items() if i in dist}
        edges = [e for e in edges if e.source in dist and e.target in dist]
    g = nx.MultiDiGraph()
    for i, n in nodes.items():
        g.add_node(i, label=n.label, **n.props)
    for e in edges:
        key, n = e.type, 1
        while g.has_edge(e.source, e.target, key):  # the same type twice between two nodes (e.g. two roles)
            n += 1
            key = f"{e.type}:{n}"
        g.add_edge(e.source, e.target, key=key, type=e.type, **e.props)
    return g


def _seeds(nodes: dict, focus, year, jurisdiction) -> list[str]:
    wanted = [focus] if isinstance(focus, str) else list(focus)
    seeds = []
    for f in wanted:
        if f in nodes:
            seeds.append(f)
            continue
        for i, n in nodes.items():
            p = n.props
            if n.label == "Document" and p.get("symbol") == f and (year is None or p.get("year") == year) \
                    and (jurisdiction is None or p.get("jurisdiction") == jurisdiction):
                seeds.append(i)
    return sorted(set(seeds))
