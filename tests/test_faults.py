"""Faults and bad input: nothing is lost silently.

Every bad-input class (binary, empty, truncated, huge, wrongly encoded, unreadable, missing) is
reported with its reason in the JSON run report, on stderr and in the exit status by
``legalkg extract`` and ``legalkg build``; files in readable legacy-free encodings (Windows-1258,
UTF-16) are read.  A load killed mid-run resumes to the same final graph on rerun; Neo4j
stopped mid-run gives a clear error, a non-zero exit and a resumable state (marker ``neo4j``:
these start their own server through scripts/neo4j, on a port of their own).
"""
from __future__ import annotations

import importlib.util
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from graph_builder.ingest import Skipped, build_fragments, extract_many, walk
from graph_builder.synth import generate
from store_fixtures import SCRIPT, private_neo4j_env, start_private_neo4j, stop_private_neo4j

REPO = Path(__file__).resolve().parents[1]
LEGALKG = str(Path(sys.executable).with_name("legalkg"))
EXIT_SKIPPED, EXIT_FAILED = 3, 4

_spec = importlib.util.spec_from_file_location("_test_read_helpers", REPO / "tests" / "test_read.py")
_read_helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_read_helpers)

GOOD = ("ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG\nSố: 12/KH-UBND\n\nVĩnh Long, ngày 02 tháng 3 năm 2024\n\nKẾ HOẠCH\n"
        "Triển khai thực hiện Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ\n\n"
        "1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính tham mưu kế hoạch vốn; "
        "hoàn thành trước ngày 30/6/2024.\n")


def _docx_bytes(text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.splitlines())
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                   f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>')
        z.writestr("filler.bin", os.urandom(20000))
    return buf.getvalue()


@pytest.fixture
def bad_inputs(tmp_path):
    """(folder of inputs, {path: expected reason fragments}, good paths, extra argv paths)."""
    d = tmp_path / "in"
    d.mkdir()
    expect: dict[str, tuple[str, ...]] = {}

    def put(name: str, data: bytes, *reason: str) -> Path:
        p = d / name
        p.write_bytes(data)
        if reason:
            expect[str(p)] = reason
        return p

    put("png_image.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(3000), "binary", "PNG")
    put("nul_bytes.txt", GOOD.encode() + b"\x00\x01\x02" * 200 + b"\x00" * 100, "binary")
    put("empty.txt", b"", "empty")
    put("blank.md", b"  \n\t\n   ", "empty")
    put("truncated.docx", _docx_bytes(GOOD)[:1500], "docx")
    put("truncated.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Ty", "pdf")
    put("huge.txt", ((GOOD + "\n") * 40).encode(), "too large")
    put("tcvn3.txt", _read_helpers.to_tcvn3(GOOD.lower().replace("đ", "đ")), "TCVN3")
    put("vni.txt", _read_helpers.VNI_SENTENCE.encode("cp1252") * 5, "VNI")
    put("bad_utf16.txt", "\ufeff".encode("utf-16-le") + GOOD.encode("utf-16-le") + b"\x00", "UTF-16")
    good = [put("good.txt", GOOD.encode()),
            put("windows1258.txt", _read_helpers.to_cp1258(GOOD)),
            put("utf16.txt", GOOD.encode("utf-16")),
            put("page.html", f"<html><body><pre>{GOOD}</pre></body></html>".encode())]
    # unreadable: permission bits where they bind; as root (they do not), a FIFO and a dangling link
    if os.geteuid() != 0:
        p = put("no_permission.txt", GOOD.encode())
        p.chmod(0)
        expect[str(p)] = ("permission denied",)
    fifo = d / "pipe.txt"
    os.mkfifo(fifo)
    expect[str(fifo)] = ("not a regular file",)
    link = d / "dangling.txt"
    link.symlink_to(d / "gone.txt")
    expect[str(link)] = ("broken link",)
    missing = tmp_path / "missing.txt"
    expect[str(missing)] = ("no such file",)
    (d / "notes.json").write_text("{}")  # not a document: ignored, and counted as such
    return d, expect, good, [str(missing)]


def _run(args, env_extra=None, timeout=600):
    env = {**os.environ, "LEGALKG_MAX_BYTES": "4000", **(env_extra or {})}
    return subprocess.run([LEGALKG, *args], capture_output=True, text=True, env=env, timeout=timeout)


def _check_report(report: dict, stderr: str, expect: dict, good_count: int) -> None:
    skipped = {s["path"]: s["reason"] for s in report["skipped"]}
    for path, fragments in expect.items():
        assert path in skipped, f"{path} not reported (reported: {sorted(skipped)})"
        reason = skipped[path].lower()
        assert any(f.lower() in reason for f in fragments), f"{path}: reason {skipped[path]!r}, wanted {fragments}"
        assert path in stderr
    assert len(skipped) == len(expect), set(skipped) - set(expect)
    assert report["documents"] == good_count
    assert report["ignored"] >= 1
    assert report["exit_status"] == EXIT_SKIPPED


def test_extract_reports_every_bad_input_class(bad_inputs, tmp_path):
    folder, expect, good, extra = bad_inputs
    out, rep = tmp_path / "out.jsonl", tmp_path / "report.json"
    r = _run(["extract", str(folder), *extra, "-o", str(out), "--report", str(rep), "-j", "2"])
    assert r.returncode == EXIT_SKIPPED, r.stderr[-2000:]
    report = json.loads(rep.read_text(encoding="utf-8"))
    _check_report(report, r.stderr, expect, len(good))
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(x["source"]).name for x in lines) == sorted(p.name for p in good)
    assert sum(report["skipped_by_reason"].values()) == len(expect)


def test_extract_without_bad_input_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    r = _run(["extract", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--report", str(tmp_path / "r.json")])
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / "r.json").read_text())["exit_status"] == 0


def _store_available() -> bool:
    try:
        from graph_builder.write import open_store  # noqa: F401
    except ImportError:
        return False
    return True


needs_store = pytest.mark.skipif(not _store_available(), reason="the store writer (graph_builder.write.open_store) "
                                                                 "is not in this tree")


@needs_store
def test_build_reports_every_bad_input_class(bad_inputs, tmp_path):
    folder, expect, good, extra = bad_inputs
    rep = tmp_path / "report.json"
    r = _run(["build", str(folder), *extra, "--store", str(tmp_path / "store"), "--report", str(rep), "-j", "2"])
    assert r.returncode == EXIT_SKIPPED, r.stderr[-2000:]
    report = json.loads(rep.read_text(encoding="utf-8"))
    _check_report(report, r.stderr, expect, len(good))


@needs_store
def test_build_reports_a_document_the_store_refused(tmp_path, monkeypatch):
    """A document the store cannot write is a skipped file with its reason, not a written one."""
    from click.testing import CliRunner

    import graph_builder.write.common as store_common
    from graph_builder.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "refused.txt", "c.txt"):
        (folder / name).write_text(GOOD.replace("12/KH-UBND", f"{len(name)}{name[0]}/KH-UBND"), encoding="utf-8")
    real_prepare = store_common.prepare_fragment

    def refuse_one(fragment, onto):
        if fragment.source_path.endswith("refused.txt"):
            raise store_common.SchemaError("property 'x' is not in the ontology")
        return real_prepare(fragment, onto)

    monkeypatch.setattr(store_common, "prepare_fragment", refuse_one)
    rep = tmp_path / "report.json"
    r = CliRunner().invoke(main, ["build", str(folder), "--store", str(tmp_path / "store"), "-j", "1",
                                  "--report", str(rep)])
    assert r.exit_code == EXIT_SKIPPED, r.output
    report = json.loads(rep.read_text(encoding="utf-8"))
    assert report["documents"] == 2
    assert [Path(s["path"]).name for s in report["skipped"]] == ["refused.txt"]
    assert "not in the ontology" in report["skipped"][0]["reason"]


# ------------------------------------------------------------------------------ the streaming layer

def test_stream_keeps_input_order_and_reports_in_place(tmp_path):
    names = []
    for i in range(30):
        p = tmp_path / f"{i:02d}.txt"
        p.write_text(GOOD if i % 7 else "", encoding="utf-8")
        names.append(p.name)
    got = list(extract_many([tmp_path, tmp_path / "nope.txt"], jobs=2, chunksize=3, in_flight=2))
    assert [Path(x.path if isinstance(x, Skipped) else x.source).name for x in got] == names + ["nope.txt"]
    assert [isinstance(x, Skipped) for x in got[:30]] == [i % 7 == 0 for i in range(30)]


def test_extractor_failure_costs_one_document(tmp_path, monkeypatch):
    """An exception inside the extractor is reported for its file; the others go on."""
    import graph_builder.ingest as ingest

    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(GOOD + ("BOOM" if i == 3 else ""), encoding="utf-8")

    def flaky(path):
        if Path(path).read_text(encoding="utf-8").endswith("BOOM"):
            raise ValueError("synthetic failure")
        return ingest._record(path)

    monkeypatch.setitem(ingest.WORKERS, "record", flaky)
    got = list(extract_many([tmp_path], jobs=1))
    skipped = [x for x in got if isinstance(x, Skipped)]
    assert len(got) == 6 and len(skipped) == 1
    assert skipped[0].path.endswith("3.txt") and "ValueError: synthetic failure" in skipped[0].reason


def _die_on_marker(path):
    if "KILLME" in Path(path).read_text(encoding="utf-8"):
        os.kill(os.getpid(), signal.SIGKILL)
    from graph_builder.ingest import _record
    return _record(path)


def test_a_dead_worker_costs_only_its_file(tmp_path, monkeypatch):
    import graph_builder.ingest as ingest

    for i in range(12):
        (tmp_path / f"{i:02d}.txt").write_text(GOOD + ("KILLME" if i == 5 else ""), encoding="utf-8")
    monkeypatch.setitem(ingest.WORKERS, "record", _die_on_marker)  # inherited by forked workers
    got = list(extract_many([tmp_path], jobs=2, chunksize=2))
    skipped = [x for x in got if isinstance(x, Skipped)]
    assert len(got) == 12
    assert [s.path[-6:] for s in skipped] == ["05.txt"] and "worker process died" in skipped[0].reason


def test_walk_streams_folders_and_ignores_non_documents(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b" / "c.md").write_text("x")
    (tmp_path / "b" / "gold.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("x")
    from graph_builder.ingest import WalkStats

    stats = WalkStats()
    got = [p.name for p in walk([tmp_path], stats)]
    assert got == ["a.txt", "c.md"] and stats.ignored == 2
    it = walk([tmp_path])
    assert next(it).name == "a.txt"  # a generator: nothing listed ahead of need


def test_fragments_stream_with_bounded_window(tmp_path):
    """The window bounds what is outstanding: a long walk is not materialised."""
    import itertools

    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(GOOD, encoding="utf-8")
    consumed = []

    def endless():
        for i in itertools.count():
            consumed.append(i)
            yield tmp_path / f"{i % 5}.txt"

    gen = build_fragments(endless(), jobs=2, chunksize=2, in_flight=3)
    first = next(gen)
    assert not isinstance(first, Skipped)
    assert len(consumed) <= 2 * 3 + 2  # the window plus the chunk being assembled
    gen.close()


# ------------------------------------------------------------------------------ Neo4j: kill and stop mid-run

@pytest.fixture(scope="module")
def own_neo4j(tmp_path_factory):
    """A Neo4j server of this module's own (these tests stop it), through scripts/neo4j."""
    if not _store_available():
        pytest.skip("the store writer (graph_builder.write.open_store) is not in this tree")
    env = private_neo4j_env(tmp_path_factory.mktemp("neo4j-faults") / "server")
    start_private_neo4j(env)
    yield env, str(SCRIPT)
    stop_private_neo4j(env)


def _session(env):
    from neo4j import GraphDatabase

    d = GraphDatabase.driver(env["NEO4J_URI"], auth=(env["NEO4J_USER"], env["NEO4J_PASSWORD"]))
    return d


def _snapshot(env) -> tuple[list, list]:
    """Every node (id, labels) and relationship (type, ends, source document, role), sorted."""
    with _session(env) as d, d.session() as s:
        nodes = sorted((r["id"], tuple(sorted(r["l"]))) for r in s.run("MATCH (n) RETURN n.id AS id, labels(n) AS l"))
        rels = sorted((r["t"], r["a"], r["b"], r["src"] or "", r["role"] or "") for r in s.run(
            "MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, r.source_id AS src, r.role AS role"))
    return nodes, rels


def _wipe(env) -> None:
    with _session(env) as d, d.session() as s:
        s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()


def _ingested(env) -> int:
    with _session(env) as d, d.session() as s:
        return s.run("MATCH (n:Document {ingested: true}) RETURN count(n) AS c").single()["c"]


@pytest.fixture(scope="module")
def corpus_and_reference(own_neo4j, tmp_path_factory):
    env, _ = own_neo4j
    corpus = tmp_path_factory.mktemp("corpus")
    generate(60, corpus, seed=77, jobs=1)
    _wipe(env)
    r = subprocess.run([LEGALKG, "build", str(corpus), "--store", env["NEO4J_URI"]], capture_output=True, text=True,
                       env=env, timeout=1200)
    assert r.returncode == 0, r.stderr[-3000:]
    return corpus, _snapshot(env)


def _start_build(env, corpus, report):
    return subprocess.Popen([LEGALKG, "build", str(corpus), "--store", env["NEO4J_URI"], "-j", "1", "--batch-size", "1",
                             "--report", str(report)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, start_new_session=True)


def _wait_for(pred, timeout=300, step=0.2):
    t = time.time()
    while time.time() - t < timeout:
        if pred():
            return True
        time.sleep(step)
    return False


@pytest.mark.neo4j
def test_killed_load_resumes_to_the_same_graph(own_neo4j, corpus_and_reference, tmp_path):
    env, _ = own_neo4j
    corpus, reference = corpus_and_reference
    _wipe(env)
    p = _start_build(env, corpus, tmp_path / "r1.json")
    assert _wait_for(lambda: _ingested(env) >= 5 or p.poll() is not None)
    os.killpg(p.pid, signal.SIGKILL)  # the build and its workers, mid-run
    p.wait(timeout=60)
    assert 0 < _ingested(env) < 60
    r = subprocess.run([LEGALKG, "build", str(corpus), "--store", env["NEO4J_URI"]], capture_output=True, text=True,
                       env=env, timeout=1200)
    assert r.returncode == 0, r.stderr[-3000:]
    assert _snapshot(env) == reference


@pytest.mark.neo4j
def test_neo4j_stopped_mid_run_clear_error_then_resume(own_neo4j, corpus_and_reference, tmp_path):
    env, script = own_neo4j
    corpus, reference = corpus_and_reference
    _wipe(env)
    report = tmp_path / "r.json"
    p = _start_build(env, corpus, report)
    assert _wait_for(lambda: _ingested(env) >= 5 or p.poll() is not None)
    subprocess.run([script, "stop"], capture_output=True, text=True, env=env, timeout=300, check=True)
    try:
        out, err = p.communicate(timeout=600)  # bounded retries, then a clear error
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        pytest.fail("build did not give up after Neo4j stopped")
    finally:
        r = subprocess.run([script, "start"], capture_output=True, text=True, env=env, timeout=600)
        assert r.returncode == 0, r.stderr[-2000:]
    assert p.returncode == EXIT_FAILED, err[-2000:]
    rep = json.loads(report.read_text(encoding="utf-8"))
    assert rep["error"] and rep["exit_status"] == EXIT_FAILED
    assert any(w in (rep["error"] + err).lower() for w in ("neo4j", "unavailable", "connect", "refused"))
    r = subprocess.run([LEGALKG, "build", str(corpus), "--store", env["NEO4J_URI"]], capture_output=True, text=True,
                       env=env, timeout=1200)
    assert r.returncode == 0, r.stderr[-3000:]
    assert _snapshot(env) == reference
