"""The interactive page: what a focus selects, the size cap, the page's content (offline, legend,
labels, tooltips).  The browser itself is exercised in test_viz_browser.py."""
from __future__ import annotations

import json
import re

import pytest

from graph_builder.export.graphdata import MemoryGraph
from graph_builder.export.viz import TooLarge, VizError, radial_layout, select, write_viz
from graph_builder.model import GraphFragment, Node
from outputs_fixtures import chain_fragments, chain_graph, synthetic_graph


def labels(nodes):
    return sorted((n.label, n.props.get("symbol") or n.props.get("name") or n.props.get("indicator") or n.id) for n in nodes.values())


def test_focus_selects_implementing_documents_tasks_agencies_targets_projects():
    nodes, edges, dist, roots = select(chain_graph(), focus="01/NQ-CP", year=2025)
    assert roots == ["01/NQ-CP@2025@national"]
    got = labels(nodes)
    for want in [("Document", "01/CTr-UBND"), ("Document", "05/CT-UBND"), ("Agency", "Sở Kế hoạch và Đầu tư"),
                 ("Agency", "Sở Tài chính"), ("Target", "tăng trưởng GRDP"), ("Project", "Khu công nghiệp Bá Thiện")]:
        assert want in got
    assert sum(1 for n in nodes.values() if n.label == "Task") == 4
    roles = {(e.target.split(":")[-1], e.props["role"]) for e in edges if e.type == "ASSIGNED_TO"}
    assert ("Sở Tài chính", "support") in roles and ("Sở Kế hoạch và Đầu tư", "lead") in roles
    assert dist["01/CTr-UBND@2025@Vĩnh Phúc"] == 1
    # 45/NQ-HĐND is only cited by the programme: it is not part of the resolution's trace
    assert ("Document", "45/NQ-HĐND") not in got


def test_focus_symbol_is_matched_loosely_and_the_year_disambiguates():
    g = MemoryGraph(chain_fragments())
    f = GraphFragment("old", "old", "")
    f.nodes.append(Node("Document", "01/NQ-CP@2024@national", {"symbol": "01/NQ-CP", "year": 2024, "doc_type": "Resolution"}))
    g.add(f)
    assert select(g, focus="số 01/NQ-CP ", year=2025)[3] == ["01/NQ-CP@2025@national"]
    assert select(g, focus="01/nq-cp", year=2024)[3] == ["01/NQ-CP@2024@national"]
    assert len(select(g, focus="01/NQ-CP")[3]) == 2
    with pytest.raises(VizError, match="years present: 2024, 2025"):
        select(g, focus="01/NQ-CP", year=2023)
    with pytest.raises(VizError, match="no document 99/NQ-CP"):
        select(g, focus="99/NQ-CP")


def test_depth_limits_the_hops():
    nodes, *_ = select(chain_graph(), focus="01/NQ-CP", year=2025, depth=1)
    assert {n.label for n in nodes.values()} == {"Document", "Task"}  # the implementing documents, a task implementing it


def test_types_and_province_filters():
    nodes, edges, *_ = select(chain_graph(), focus="01/NQ-CP", year=2025, types=["Document,Task"])
    assert {n.label for n in nodes.values()} == {"Document", "Task"}
    nodes, *_ = select(chain_graph(), province="Bình Định")
    assert all(n.props.get("jurisdiction") in ("national", None) or n.label == "Agency" for n in nodes.values()
               if n.label == "Document")
    assert not any(n.label == "Task" for n in nodes.values())
    with pytest.raises(VizError, match="unknown type"):
        select(chain_graph(), types=["Nonsense"])


def test_above_the_cap_no_page_is_written_and_the_message_says_how_to_narrow(tmp_path):
    out = tmp_path / "big.html"
    with pytest.raises(TooLarge) as err:
        write_viz(synthetic_graph(700), out, max_nodes=500)
    assert not out.exists()
    msg = str(err.value)
    assert "700 nodes" in msg and "--focus" in msg and "--province" in msg


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("viz") / "chain.html"
    stats = write_viz(chain_graph(), out, focus="01/NQ-CP", year=2025)
    return out.read_text(encoding="utf-8"), stats


def test_page_is_self_contained_and_offline(page):
    html, _ = page
    assert not re.findall(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I)
    assert "vis.Network" in html and "function" in html  # vis-network inlined
    assert "<script src" not in html and "<link " not in html


def _data(html, name):
    m = re.search(rf"var {name} = (.*?);\n", html)
    return json.loads(m.group(1))


def test_page_carries_nodes_edges_legend_labels_and_tooltips(page):
    html, stats = page
    nodes, edges, meta = _data(html, "NODES"), _data(html, "EDGES"), _data(html, "META")
    assert (len(nodes), len(edges)) == (stats.nodes, stats.edges) == (14, 19)
    kinds = {k["kind"] for k in meta["legendNodes"]}
    assert kinds == {"Document", "Task", "Agency", "Target", "Project"}
    assert {e["label"] for e in edges} >= {"IMPLEMENTS", "CITES", "HAS_TASK", "chủ trì / lead", "phối hợp / support"}
    groups = json.loads(re.search(r"var OPTIONS = (.*?);\n", html).group(1))["groups"]
    assert {n["group"] for n in nodes} == kinds | {"Focus"}
    assert [n["kind"] for n in nodes if n["group"] == "Focus"] == ["Document"]
    assert len({groups[k]["shape"] for k in kinds}) == 5 and len({groups[k]["color"] for k in kinds}) == 5
    assert all(n["shape"] == groups[n["group"]]["shape"] for n in nodes if n["id"] not in meta["focus"])
    task = next(n for n in nodes if n["kind"] == "Task" and "Sở Tài chính" in n["title"] and "Kế hoạch" in n["title"])
    assert "Câu nguồn:" in task["title"] and "Chương trình hành động 01/CTr-UBND (2025)" in task["title"]
    support = next(e for e in edges if e.get("role") == "support")
    assert "Câu nguồn:" in support["title"] and support["dashes"]
    assert 'id="search"' in html and 'id="legend"' in html


def test_radial_layout_places_every_node_and_puts_the_focus_in_the_centre():
    nodes, edges, _, roots = select(chain_graph(), focus="01/NQ-CP", year=2025)
    pos = radial_layout(nodes, edges, roots)
    assert set(pos) == set(nodes)
    assert pos[roots[0]] == (0.0, 0.0)
    assert len(set(pos.values())) == len(pos)


def test_large_pages_use_the_precomputed_layout_and_plain_lines(tmp_path):
    out = tmp_path / "big.html"
    stats = write_viz(synthetic_graph(2000), out)
    html = out.read_text(encoding="utf-8")
    options = json.loads(re.search(r"var OPTIONS = (.*?);\n", html).group(1))
    assert options["physics"]["enabled"] is False
    assert not any(e.get("dashes") for e in _data(html, "EDGES"))
    assert stats.nodes == 2000 and not stats.edge_labels
