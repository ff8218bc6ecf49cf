"""The interactive page in real headless Chromium (Debian's ``chromium``, driven over the DevTools
protocol by tests/chromium_cdp.py): no JavaScript errors, no network access, the expected node
and edge counts, a screenshot in test-artifacts/, and a 5,000-node page that is drawn and still
within 3 s (measured in the browser; the figures go to test-artifacts/viz-timings.json)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from chromium_cdp import Chromium, find_chromium
from graph_builder.export.graphdata import MemoryGraph
from graph_builder.export.viz import select, write_viz
from outputs_fixtures import ROOT, SEEDS, chain_graph, synthetic_graph

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"
READY_BUDGET_MS = 3000


@pytest.fixture(scope="module")
def browser():
    exe = find_chromium(install=True)
    if not exe:
        if os.environ.get("CI", "").strip().lower() in ("true", "1", "yes"):
            pytest.fail("headless Chromium is required in CI (apt-get install chromium)")
        pytest.skip("no Chromium on this machine")
    b = Chromium.launch(exe)
    yield b
    b.close()


def open_page(browser, path, timeout=60):
    page = browser.new_page(1400, 900)
    page.navigate(path.as_uri(), timeout=timeout)
    page.wait_until("window.legalkgViz && window.legalkgViz.readyAt", timeout=timeout)
    return page


def record(name, figures):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "viz-timings.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    data[name] = figures
    path.write_text(json.dumps(data, indent=2))


def assert_clean(page, html_path):
    assert page.errors == [], page.errors
    assert page.evaluate("window.legalkgViz.errors") == []
    outside = [u for u in page.requests if not u.startswith(("file:", "data:", "about:"))]
    assert outside == [], f"the page fetched {outside}"


def test_focused_page_opens_without_errors_with_the_expected_network(browser, tmp_path):
    out = tmp_path / "trace.html"
    stats = write_viz(chain_graph(), out, focus="01/NQ-CP", year=2025)
    page = open_page(browser, out)
    assert_clean(page, out)
    assert page.evaluate("[legalkgViz.nodes, legalkgViz.edges]") == [stats.nodes, stats.edges] == [14, 19]
    drawn = page.evaluate("Object.keys(legalkgViz.network.getPositions()).length")
    assert drawn == 14
    # the search box finds an agency whatever the tone marks typed
    assert len(page.evaluate("legalkgViz.search('so tai chinh')")) >= 1
    assert page.evaluate("legalkgViz.network.getSelectedNodes().length") >= 1
    page.evaluate("legalkgViz.search('')")
    # the legend hides a type
    page.evaluate("document.querySelector('#legend input[data-key=Agency]').click()")
    hidden = page.evaluate("legalkgViz.network.body.data.nodes.get({filter: n => n.hidden}).length")
    assert hidden == 5
    page.evaluate("document.querySelector('#legend input[data-key=Agency]').click()")
    shot = page.screenshot(ARTIFACTS / "viz-chain.png")
    assert shot.stat().st_size > 10_000


def test_5000_node_page_is_drawn_and_still_within_3_seconds(browser, tmp_path):
    out = tmp_path / "big.html"
    stats = write_viz(synthetic_graph(5000), out)
    assert stats.nodes == 5000
    runs = []
    for _ in range(3):  # the median run must pass (a loaded machine makes single runs noisy)
        page = open_page(browser, out)
        assert_clean(page, out)
        assert page.evaluate("[legalkgViz.nodes, legalkgViz.edges]") == [stats.nodes, stats.edges]
        t = page.evaluate("({ready: legalkgViz.readyAt, frozen: legalkgViz.frozenAt, timings: legalkgViz.timings})")
        before = page.evaluate("JSON.stringify(legalkgViz.network.getPositions())")
        browser.pump(0.5)
        after = page.evaluate("JSON.stringify(legalkgViz.network.getPositions())")
        assert before == after, "the layout is still moving"
        redraw = page.evaluate("new Promise(r => { const n = legalkgViz.network; const t = performance.now(); "
                               "n.once('afterDrawing', () => r(performance.now() - t)); n.redraw(); })", await_promise=True)
        zoom = page.evaluate("new Promise(r => { const n = legalkgViz.network; const t = performance.now(); "
                             "n.once('afterDrawing', () => r(performance.now() - t)); n.moveTo({scale: 1.0}); })",
                             await_promise=True)
        runs.append({"ready_ms": round(t["ready"]), "frozen_ms": round(t["frozen"]), "redraw_ms": round(redraw),
                     "zoom_redraw_ms": round(zoom), "timings": {k: round(v) for k, v in t["timings"].items()}})
        if len(runs) < 3:
            page.close()
    page.screenshot(ARTIFACTS / "viz-5000.png")
    record("synthetic_5000", {"nodes": stats.nodes, "edges": stats.edges, "html_bytes": stats.bytes,
                              "python_seconds": round(stats.seconds, 2), "runs": runs})
    print(f"\n5,000-node page: ready (drawn, still) at {[r['ready_ms'] for r in runs]} ms; "
          f"full redraw {[r['redraw_ms'] for r in runs]} ms")
    assert sorted(r["ready_ms"] for r in runs)[1] < READY_BUDGET_MS, runs


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not present")
    try:
        from graph_builder.write import open_store  # noqa: F401
    except ImportError:
        pytest.skip("the store (graph_builder.write.open_store) is not there yet")
    out = tmp_path_factory.mktemp("seeds") / "seeds-01-NQ-CP-2025.html"
    store = tmp_path_factory.mktemp("store") / "kg"
    env = {**os.environ, "LEGALKG_STORE": str(store)}
    legalkg = [str(Path(sys.executable).with_name("legalkg"))]
    built = subprocess.run([*legalkg, "build", str(SEEDS)], env=env, capture_output=True, text=True)
    if built.returncode not in (0, 3):  # 3: some file skipped, the rest built
        pytest.fail(f"legalkg build failed: {built.stderr[-2000:]}")
    run = subprocess.run([*legalkg, "viz", "--focus", "01/NQ-CP", "--year", "2025", "-o", str(out)], env=env,
                         capture_output=True, text=True)
    return out, run


def test_seed_acceptance_page_shows_the_vinh_phuc_programme_tasks_and_agencies(browser, seed_page):
    out, run = seed_page
    if run.returncode != 0 and "no document 01/NQ-CP" in run.stderr:
        pytest.xfail(f"extraction does not find 01/NQ-CP of 2025 in the seeds yet: {run.stderr.strip()}")
    assert run.returncode == 0, run.stderr
    page = open_page(browser, out)
    assert_clean(page, out)
    nodes = page.evaluate("legalkgViz.network.body.data.nodes.get().map(n => [n.kind, n.label, n.title])")
    kinds = {k for k, _, _ in nodes}
    assert {"Document", "Task", "Agency"} <= kinds, kinds
    assert any(k == "Document" and "Vĩnh Phúc" in (label + title) for k, label, title in nodes)
    page.screenshot(ARTIFACTS / "viz-seeds-01-NQ-CP-2025.png")
    # the Vĩnh Phúc programme carrying the resolution out, with its tasks and their agencies, up close
    programme = page.evaluate("""(() => {
        const ds = legalkgViz.network.body.data, n = ds.nodes.get({filter: x => x.kind === 'Document'
            && x.label.includes('Vĩnh Phúc') && /Chương trình/i.test(x.label + x.title)})[0];
        if (!n) return null;
        const tasks = ds.edges.get({filter: e => e.from === n.id && e.kind === 'HAS_TASK'}).map(e => e.to);
        const agencies = new Set(ds.edges.get({filter: e => tasks.includes(e.from) && e.kind === 'ASSIGNED_TO'}).map(e => e.to));
        legalkgViz.network.focus(n.id, {scale: 0.9, animation: false});
        return {id: n.id, tasks: tasks.length, agencies: agencies.size};
    })()""")
    assert programme and programme["tasks"] > 0 and programme["agencies"] > 0, programme
    page.browser.pump(0.3)
    page.screenshot(ARTIFACTS / "viz-seeds-vinh-phuc-programme.png")
    record("seeds_01_NQ-CP_2025", {"nodes": page.evaluate("legalkgViz.nodes"), "edges": page.evaluate("legalkgViz.edges"),
                                   "ready_ms": round(page.evaluate("legalkgViz.readyAt")), "programme": programme})
