"""The graph as the exporters read it: ``nodes(label=None)`` and ``edges(type=None)`` of plain data.

A store (``write.open_store``) answers these two calls; so does :class:`MemoryGraph`, which merges
GraphFragments the way a store does (without a store: for tests, notebooks and small corpora).
The exporters accept either, and normalise every item to ``model.Node`` / ``model.Edge`` with
:func:`as_node` / :func:`as_edge` (a store may hand out dataclasses or dicts).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from ..model import Edge, GraphFragment, Node


class GraphSource(Protocol):
    def nodes(self, label: str | None = None) -> Iterable[Any]: ...

    def edges(self, type: str | None = None) -> Iterable[Any]: ...


_NODE_META = {"label", "_label", "labels", "id", "props", "properties", "mode"}
_EDGE_META = {"type", "_type", "source", "target", "source_label", "target_label", "props", "properties",
              "src", "dst", "from", "to"}


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    for n in names:
        if isinstance(obj, dict):
            if n in obj:
                return obj[n]
        elif hasattr(obj, n):
            return getattr(obj, n)
    return default


def as_node(item: Any, label: str | None = None) -> Node:
    """A node from a ``model.Node``, or a dict ``{label, id, props}`` / ``{label, id, **props}``."""
    if isinstance(item, Node):
        return item
    lab = _get(item, "label", "_label", default=None)
    if lab is None:
        labels = _get(item, "labels", default=None)
        if labels:
            lab = next((x for x in labels if x in ("Document", "Agency", "Task", "Target", "Project")), list(labels)[0])
    lab = lab or label
    props = _get(item, "props", "properties", default=None)
    if props is None and isinstance(item, dict):
        props = {k: v for k, v in item.items() if k not in _NODE_META}
    props = dict(props or {})
    node_id = _get(item, "id", default=None)
    if node_id is None:
        node_id = props.get("id")
    props.pop("id", None)
    return Node(lab, node_id, props)


def as_edge(item: Any, type: str | None = None) -> Edge:
    """An edge from a ``model.Edge``, or a dict ``{type, source, target, props}`` (or flat)."""
    if isinstance(item, Edge):
        return item
    props = _get(item, "props", "properties", default=None)
    if props is None and isinstance(item, dict):
        props = {k: v for k, v in item.items() if k not in _EDGE_META}
    return Edge(_get(item, "type", "_type", default=type), _get(item, "source", "src", "from"),
                _get(item, "target", "dst", "to"), _get(item, "source_label", default=None),
                _get(item, "target_label", default=None), dict(props or {}))


class MemoryGraph:
    """GraphFragments merged as a store merges them: one node per (label, id); a document's own
    properties (mode "set") overwrite, shared nodes (mode "fill") only gain missing properties;
    re-adding a fragment of the same document replaces its facts."""

    def __init__(self, fragments: Iterable[GraphFragment] = ()):
        self._nodes: dict[tuple[str, str], Node] = {}
        self._edges: dict[str, list[Edge]] = {}  # source document id -> its edges
        self._owned: dict[str, list[tuple[str, str]]] = {}
        for f in fragments:
            self.add(f)

    def add(self, frag: GraphFragment) -> None:
        for key in self._owned.pop(frag.document_id, []):
            self._nodes.pop(key, None)
        self._edges.pop(frag.document_id, None)
        owned = self._owned.setdefault(frag.document_id, [])
        for n in frag.nodes:
            key = (n.label, n.id)
            old = self._nodes.get(key)
            if old is None or n.mode in ("set", "own"):
                merged = dict(old.props) if old is not None and n.mode == "set" else {}
                merged.update(n.props)
                self._nodes[key] = Node(n.label, n.id, merged, n.mode)
            else:
                for k, v in n.props.items():
                    if v is not None and old.props.get(k) is None:
                        old.props[k] = v
            if n.mode == "own":
                owned.append(key)
        self._edges[frag.document_id] = list(frag.edges)

    def nodes(self, label: str | None = None) -> Iterator[Node]:
        for (lab, _), n in self._nodes.items():
            if label is None or lab == label:
                yield n

    def edges(self, type: str | None = None) -> Iterator[Edge]:
        for edges in self._edges.values():
            for e in edges:
                if type is None or e.type == type:
                    yield e

    def __len__(self) -> int:
        return len(self._nodes)

    @classmethod
    def from_paths(cls, paths: Iterable[str]) -> "MemoryGraph":
        """Extract and build documents (files or folders) into a graph, without a store."""
        from ..build.graph import fragment_from_record
        from ..ingest import Skipped, walk
        from ..pipeline import extract_source
        from ..read import read_path

        g = cls()
        for p in walk(paths):
            if isinstance(p, Skipped):
                continue
            source = read_path(p)
            g.add(fragment_from_record(extract_source(source), source.text))
        return g


def open_source(store_uri: str | None = None):
    """A context manager giving a GraphSource: the store at ``store_uri`` (default store when None)."""
    from ..write import open_store

    return open_store(store_uri)
