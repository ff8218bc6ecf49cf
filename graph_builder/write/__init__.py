"""write: GraphFragments -> a graph store (Neo4j, or the embedded LadybugDB default).

    >>> from graph_builder.write import open_store
    >>> with open_store("legalkg-data") as store:          # or None, "bolt://127.0.0.1:7687", "neo4j"
    ...     store.ensure_schema()
    ...     store.write_fragment(fragment)                  # {'nodes_created': …, 'edges_created': …, …}
    ...     store.link_undated()
    ...     rows = store.query("trace", symbol="01/NQ-CP", year=2025)

The Store API (both stores, same results):

``ensure_schema()``
    tables/constraints/indexes generated from the ontology (idempotent).
``write_fragment(fragment) -> dict``
    one document in one transaction; counts ``nodes_created``, ``edges_created``, ``unchanged``
    (same source path and content hash: nothing written), ``replaced`` (an earlier version's facts
    -- owned nodes and edges whose ``source_id`` is the document -- were removed first).
``write_fragments(fragments) -> list[dict]``
    several whole documents per transaction (``store.docs_per_tx``), their rows merged into a few
    ``UNWIND`` statements per label/relationship type; one counts dict per fragment, in order, with
    ``failed`` besides the counts above.  Atomic per batch: a failing batch is rolled back and its
    documents are written one by one, so a bad document (or one that does not fit the ontology)
    costs only itself -- ``failed: 1``, and ``store.last_failures`` lists ``document_id``,
    ``source_path`` and ``reason`` (also logged).  ``StoreUnavailable`` and bugs still raise.
``remove_document(path) -> dict``
    a document's facts go; its node stays as referenced-only (``ingested=false``) if still cited.
``link_undated() -> int``
    ties citations without a year to the unique dated document they can mean (``resolve.corpus``);
    decisions in ``store.last_links``; the undated node gets ``link_status``/``link_note``.
``query(name, params=None, **params) -> list[dict]``
    a named query of the library (``graph_builder.queries``; ``legalkg queries`` lists them).
``cypher(text, params=None) -> list[dict]``
    ad-hoc read-only Cypher (write clauses raise ``WriteRefused``; Neo4j also runs it in a READ
    transaction).
``stats() -> dict``
    ``{"nodes": {label: n}, "documents": {doc_type: n}, "documents_ingested": n,
    "documents_referenced": n, "relationships": {type: n}}``.
``nodes(label=None)`` / ``edges(type=None)`` -- iterators of plain dicts, the stable export API:
    node ``{"label": "Document", "id": "01/NQ-CP@2025@national", "props": {...}}`` (props: the
    ontology's properties that are set, id excluded); edge ``{"type": "CITES", "source": id,
    "target": id, "source_label": "Document", "target_label": "Document", "props": {...}}``.
    Ordered by label/type (ontology order), then id.
``close()`` (or use the store as a context manager).

Store location: see :mod:`graph_builder.write.config` (never credentials on the command line).
"""
from __future__ import annotations

from .common import (SchemaError, Store, StoreBusy, StoreError, StoreUnavailable, WriteRefused, check_read_only,
                     prepare_fragment)
from .config import StoreConfigError, is_neo4j_uri, neo4j_settings, resolve_location

__all__ = ["open_store", "Store", "StoreError", "StoreBusy", "StoreUnavailable", "SchemaError", "WriteRefused",
           "StoreConfigError", "check_read_only", "prepare_fragment", "describe_store"]


def open_store(uri: str | None = None, read_only: bool = False) -> Store:
    """Open the store at ``uri``: None -> $LEGALKG_STORE or ./legalkg-data (embedded); a folder path
    -> embedded LadybugDB there; ``bolt://``/``neo4j://`` or the word ``neo4j`` -> Neo4j with the
    credentials of NEO4J_USER/NEO4J_PASSWORD or the config file.  ``read_only`` opens for reading
    (the embedded store then shares its folder with other readers)."""
    location = resolve_location(uri)
    if is_neo4j_uri(location):
        from .neo4j_store import Neo4jStore

        return Neo4jStore(neo4j_settings(location), read_only=read_only)
    from .ladybug_store import LadybugStore

    return LadybugStore(location, read_only=read_only)


def describe_store(uri: str | None = None) -> str:
    """A printable name of the store ``uri`` means (Neo4j: host and port only)."""
    location = resolve_location(uri)
    if is_neo4j_uri(location):
        try:
            return neo4j_settings(location).where
        except StoreConfigError:
            return "the configured Neo4j server"
    return f"the embedded store {location}"
