"""`legalkg build --bulk` into the embedded store: the same import files as the Neo4j bulk path,
loaded with LadybugDB's COPY, give the graph the batched writer gives; a failed load leaves the
store folder as it was; a store that already holds nodes is refused.  And the embedded store's
buffer-pool setting."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph_builder.ingest import Skipped, bulk_rows
from graph_builder.write import open_store
from graph_builder.write.config import StoreConfigError, embedded_memory
from graph_builder.write.ladybug_bulk import BulkLoadError, load_import_files
from graph_builder.write.ladybug_store import DB_FILE
from graph_builder.write.neo4j_bulk import BulkCsvWriter

from store_fixtures import assert_same_graph

REPO = Path(__file__).resolve().parents[1]
LEGALKG = str(Path(sys.executable).with_name("legalkg"))


def _build(folder: Path, store: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([LEGALKG, "build", str(folder), "--store", str(store), *extra],
                          capture_output=True, text=True, timeout=600, env=env)


def _snapshot(store: Path) -> tuple[list, list]:
    with open_store(str(store), read_only=True) as s:
        nodes = sorted((n["label"], n["id"], tuple(sorted(n["props"].items()))) for n in s.nodes())
        edges = sorted((e["type"], e["source"], e["target"], tuple(sorted(e["props"].items()))) for e in s.edges())
    return nodes, edges


@pytest.mark.parametrize("corpus", ["seeds", "samples"])
def test_embedded_bulk_load_is_the_batched_graph(corpus, seeds_dir, tmp_path):
    folder = seeds_dir if corpus == "seeds" else REPO / "samples"
    bulk = _build(folder, tmp_path / "bulk", "--bulk", "--bulk-dir", str(tmp_path / "csv"))
    assert bulk.returncode == 0, bulk.stderr[-3000:]
    assert "COPY nodes_Document.csv" in bulk.stderr
    batched = _build(folder, tmp_path / "batched")
    assert batched.returncode == 0, batched.stderr[-3000:]

    bulk_graph, batched_graph = _snapshot(tmp_path / "bulk"), _snapshot(tmp_path / "batched")
    assert_same_graph(bulk_graph, batched_graph)
    # the bulk-loaded store is an ordinary store: a second, batched build of the same corpus is a no-op
    again = _build(folder, tmp_path / "bulk")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "nodes_created=0" in again.stderr and "edges_created=0" in again.stderr
    assert _snapshot(tmp_path / "bulk") == bulk_graph


def _import_files(tmp_path: Path, folder: Path):
    with BulkCsvWriter(tmp_path / "csv") as w:
        for rows in bulk_rows([folder], jobs=1):
            if not isinstance(rows, Skipped):
                w.add_rows(rows)
        return w.close()


def test_a_failed_load_leaves_the_store_folder_as_it_was(seeds_dir, tmp_path):
    files = _import_files(tmp_path, seeds_dir)
    # a relationship whose task is in no node file: COPY refuses it after the nodes went in
    rtype, path = next((t, p) for t, p in files.relationships if t == "ASSIGNED_TO")
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("no-such-task,no-such-agency,ASSIGNED_TO" + "," * (len(path.read_text().splitlines()[0].split(",")) - 3)
                 + "\n")
    store = tmp_path / "store"
    with pytest.raises(BulkLoadError) as err:
        load_import_files(files, store, log=lambda m: None)
    assert path.name in str(err.value) and "ASSIGNED_TO" in str(err.value)
    assert sorted(p.name for p in store.iterdir()) == [".lock"]  # no database, no half-loaded file
    # the folder is still usable: the same files without the bad row load completely
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    counts = load_import_files(files, store, log=lambda m: None)
    assert counts == {"nodes": files.node_count, "relationships": files.relationship_count}
    assert sorted(p.name for p in store.iterdir()) == [".lock", DB_FILE]


def test_bulk_refuses_a_store_that_holds_nodes(seeds_dir, tmp_path):
    store = tmp_path / "store"
    first = _build(REPO / "samples", store)
    assert first.returncode == 0, first.stderr[-3000:]
    before = _snapshot(store)
    bulk = _build(seeds_dir, store, "--bulk", "--bulk-dir", str(tmp_path / "csv"))
    assert bulk.returncode != 0
    assert "needs an empty store" in bulk.stderr and str(store) in bulk.stderr
    assert _snapshot(store) == before


@pytest.mark.parametrize("text, size", [("512m", 512 << 20), ("2g", 2 << 30), ("1.5GiB", 3 << 29),
                                        ("100000000", 100_000_000), ("", 0)])
def test_embedded_memory_setting(monkeypatch, tmp_path, text, size):
    monkeypatch.setenv("LEGALKG_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("LEGALKG_EMBEDDED_MEMORY", text)
    assert embedded_memory() == size


def test_embedded_memory_from_the_config_file(monkeypatch, tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[embedded]\nmemory = "768m"\n', encoding="utf-8")
    monkeypatch.setenv("LEGALKG_CONFIG", str(cfg))
    monkeypatch.delenv("LEGALKG_EMBEDDED_MEMORY", raising=False)
    assert embedded_memory() == 768 << 20


@pytest.mark.parametrize("text", ["lots", "12q", "1m"])
def test_a_bad_embedded_memory_setting_is_a_clear_error(monkeypatch, tmp_path, text):
    monkeypatch.setenv("LEGALKG_CONFIG", str(tmp_path / "none.toml"))
    monkeypatch.setenv("LEGALKG_EMBEDDED_MEMORY", text)
    with pytest.raises(StoreConfigError, match="LEGALKG_EMBEDDED_MEMORY"):
        embedded_memory()
    # and the store is not left locked by the failed open
    with pytest.raises(StoreConfigError):
        open_store(str(tmp_path / "store"))
    monkeypatch.setenv("LEGALKG_EMBEDDED_MEMORY", "256m")
    with open_store(str(tmp_path / "store")) as s:
        assert s.stats()["nodes"].get("Document", 0) == 0


def test_relationship_files_go_in_parts_of_whole_records(seeds_dir, tmp_path):
    """Parts end on record boundaries (a quoted source sentence may hold a newline), and the load
    in many small parts is the load in one."""
    from graph_builder.write.ladybug_bulk import _parts

    csv_file = tmp_path / "r.csv"
    rows = ['a,b,"one\nline two, ""quoted""\n",x\n', "c,d,plain,y\n", 'e,f,"x\ny\nz",z\n']
    csv_file.write_text("h1,h2,h3,h4\n" + "".join(rows * 5), encoding="utf-8")
    parts = [p.read_text(encoding="utf-8") for p in _parts(csv_file, 10)]
    assert all(p.startswith("h1,h2,h3,h4\n") for p in parts) and len(parts) == 15
    assert "".join(p[len("h1,h2,h3,h4\n"):] for p in parts) == "".join(rows * 5)
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]  # no part left behind

    files = _import_files(tmp_path, seeds_dir)
    assert max(path.stat().st_size for _, path in files.relationships) > 100_000
    whole = load_import_files(files, tmp_path / "whole", log=lambda m: None)
    parted = load_import_files(files, tmp_path / "parted", log=lambda m: None, part_bytes=20_000)
    assert parted == whole == {"nodes": files.node_count, "relationships": files.relationship_count}
    assert _snapshot(tmp_path / "parted") == _snapshot(tmp_path / "whole")
    assert not list((tmp_path / "csv").glob("*.part*"))


def test_import_files_found_again_in_their_folder(seeds_dir, tmp_path):
    """``BulkFiles.from_folder`` finds what the writer wrote (to load the same files again)."""
    from graph_builder.write.neo4j_bulk import BulkFiles

    files = _import_files(tmp_path, seeds_dir)
    again = BulkFiles.from_folder(files.folder)
    assert again.nodes == files.nodes
    assert sorted(again.relationships) == sorted(files.relationships)
    with pytest.raises(ValueError, match="no nodes_"):
        BulkFiles.from_folder(tmp_path)
