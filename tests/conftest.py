"""Session-wide fixtures and the behaviour of the markers declared in pyproject.toml.

Markers
    neo4j    the test talks to the real Neo4j 5.26 server of ``scripts/neo4j``.  The server comes
             from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (``scripts/test`` exports them).  When
             they are missing, the session starts a private server itself (a free port, a data
             folder in pytest's temp dir), exports the variables for the rest of the session, and
             stops that server at the end.  If no server can be had, the test is skipped with the
             reason -- except when CI=true, where it fails.
    browser  the test drives headless Chromium (Debian's ``chromium``); missing → skip, or fail
             when CI=true.
    slow     scale checks; they run by default (CI runs them too): deselect with -m "not slow".

Fixtures
    repo_root, shared_dir, seeds_dir, gold_dir          folders (seeds/gold skip when absent)
    neo4j_settings → Neo4jSettings(uri, user, password)  also neo4j_uri and neo4j_auth
    neo4j_script_env                                     env for scripts/neo4j on that server
    neo4j_driver                                         one driver for the session
    neo4j_clean_db                                       a driver whose database was just emptied:
                                                         no nodes, no constraints, no indexes
                                                         (except the built-in token lookups)
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = Path(os.environ.get("LEGALKG_SHARED", REPO_ROOT.parent / "shared"))  # seeds/, gold/, tools/
NEO4J_SCRIPT = REPO_ROOT / "scripts" / "neo4j"
NEO4J_VARS = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD")


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def unavailable(reason: str) -> None:
    """Skip the test, or fail it when CI=true (CI must never skip what it is there to check)."""
    if in_ci():
        pytest.fail(f"CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


# ------------------------------------------------------------------------------------- folders

@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(f"{SHARED_DIR} (the shared seeds and gold) is not present")
    return SHARED_DIR


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    d = SHARED_DIR / "seeds"
    if not d.is_dir():
        pytest.skip(f"{d} (the five seed documents) is not present")
    return d


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    d = SHARED_DIR / "gold"
    if not d.is_dir():
        pytest.skip(f"{d} (the hand-checked annotation of the seeds) is not present")
    return d


# --------------------------------------------------------------------------------------- Neo4j

@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str
    password: str

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)

    def env(self) -> dict[str, str]:
        return {"NEO4J_URI": self.uri, "NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password}


def _parse_exports(text: str) -> dict[str, str]:
    """The `export K=V` lines of scripts/neo4j (values are shell-quoted with printf %q)."""
    import shlex

    env = {}
    for line in text.splitlines():
        if line.startswith("export "):
            for word in shlex.split(line[len("export "):]):
                k, _, v = word.partition("=")
                env[k] = v
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _OwnServer:
    """A server this session started through scripts/neo4j (and so must stop)."""

    def __init__(self, env: dict[str, str]):
        self.env = env  # LEGALKG_NEO4J_PORT/DIR of that server

    def stop(self) -> None:
        subprocess.run([str(NEO4J_SCRIPT), "stop"], env=self.env, capture_output=True, text=True, timeout=300)


def _start_server(tmp_root: Path) -> tuple[Neo4jSettings, _OwnServer | None]:
    """Start (or find) a server with scripts/neo4j; raise RuntimeError with the reason."""
    if not NEO4J_SCRIPT.exists():
        raise RuntimeError(f"{NEO4J_SCRIPT} is missing")
    env = dict(os.environ)
    if not env.get("LEGALKG_NEO4J_PORT"):
        # A private server: parallel test sessions on one machine never share (or stop) a database.
        env["LEGALKG_NEO4J_PORT"] = str(_free_port())
        env["LEGALKG_NEO4J_DIR"] = str(tmp_root / "neo4j-server")
        env["LEGALKG_NEO4J_STOP_WITH_PID"] = str(os.getpid())  # a killed session leaks no server
    already = subprocess.run([str(NEO4J_SCRIPT), "status"], env=env, capture_output=True, text=True, timeout=120)
    try:
        r = subprocess.run([str(NEO4J_SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        raise RuntimeError("scripts/neo4j start did not finish within 900 s") from None
    if r.returncode != 0:
        raise RuntimeError(f"scripts/neo4j start exited {r.returncode}:\n{r.stderr.strip()[-3000:]}")
    exported = _parse_exports(r.stdout)
    if not all(exported.get(k) for k in NEO4J_VARS):
        raise RuntimeError(f"scripts/neo4j start printed no NEO4J_* exports:\n{r.stdout}\n{r.stderr[-2000:]}")
    global _script_env
    _script_env = {k: v for k, v in env.items() if k in ("LEGALKG_NEO4J_PORT", "LEGALKG_NEO4J_DIR")}
    owner = None if already.returncode == 0 else _OwnServer(env)
    return Neo4jSettings(exported["NEO4J_URI"], exported["NEO4J_USER"], exported["NEO4J_PASSWORD"]), owner


_settings: Neo4jSettings | None = None
_script_env: dict[str, str] = {}
_failure: str | None = None
_own_server: _OwnServer | None = None


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory) -> Neo4jSettings:
    """The Neo4j server of the test run.  Exports NEO4J_URI/USER/PASSWORD into os.environ so that
    helpers and `legalkg` subprocesses of later tests reach the same server."""
    global _settings, _failure, _own_server
    if _settings is None and _failure is None:
        if all(os.environ.get(k) for k in NEO4J_VARS):
            _settings = Neo4jSettings(*(os.environ[k] for k in NEO4J_VARS))
        else:
            missing = [k for k in NEO4J_VARS if not os.environ.get(k)]
            if in_ci():
                _failure = (f"{', '.join(missing)} not set: in CI, scripts/test starts Neo4j and exports them "
                            f"(run the suite with `bash scripts/test`)")
            else:
                try:
                    _settings, _own_server = _start_server(tmp_path_factory.mktemp("neo4j"))
                except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
                    _failure = f"no Neo4j server ({', '.join(missing)} not set, and starting one failed): {exc}"
            if _settings is not None:
                os.environ.update(_settings.env())
    if _failure is not None:
        unavailable(_failure)
    return _settings


@pytest.fixture(scope="session")
def neo4j_script_env(neo4j_settings) -> dict[str, str]:
    """The environment under which `scripts/neo4j status|start|stop|admin` address the session's
    server (its LEGALKG_NEO4J_PORT/DIR; from os.environ when scripts/test started it)."""
    return {**os.environ, **_script_env}


@pytest.fixture(scope="session")
def neo4j_uri(neo4j_settings) -> str:
    return neo4j_settings.uri


@pytest.fixture(scope="session")
def neo4j_auth(neo4j_settings) -> tuple[str, str]:
    return neo4j_settings.auth


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings):
    neo4j = pytest.importorskip("neo4j")
    driver = neo4j.GraphDatabase.driver(neo4j_settings.uri, auth=neo4j_settings.auth)
    try:
        driver.verify_connectivity()
    except Exception as exc:  # noqa: BLE001 -- any failure to reach the server is reported the same way
        driver.close()
        unavailable(f"Neo4j at {neo4j_settings.uri} does not answer: {exc}")
    yield driver
    driver.close()


def clean_database(driver) -> None:
    """Empty the default database (Community has only that one): nodes, relationships,
    constraints and indexes; the built-in token lookup indexes stay."""
    with driver.session() as s:
        s.run("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        for rec in list(s.run("SHOW CONSTRAINTS YIELD name")):
            s.run(f"DROP CONSTRAINT `{rec['name']}` IF EXISTS").consume()
        for rec in list(s.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'")):
            s.run(f"DROP INDEX `{rec['name']}` IF EXISTS").consume()


@pytest.fixture
def neo4j_clean_db(neo4j_driver):
    """A driver on a database emptied for this test."""
    clean_database(neo4j_driver)
    return neo4j_driver


# ------------------------------------------------------------------------------------- markers

_CHROMIUM: list[str | None] = []


def _chromium() -> str | None:
    if not _CHROMIUM:
        try:  # the browser tests' own finder (installs Debian's chromium when run as root)
            from chromium_cdp import find_chromium
        except ImportError:
            exe = os.environ.get("CHROMIUM") or next(
                (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
        else:
            exe = find_chromium(install=True)
        _CHROMIUM.append(exe)
    return _CHROMIUM[0]


@pytest.fixture(autouse=True)
def _marker_requirements(request):
    """neo4j: make sure the server is there (and its NEO4J_* exported); browser: Chromium."""
    node = request.node
    if node.get_closest_marker("neo4j") is not None:
        request.getfixturevalue("neo4j_settings")
    if node.get_closest_marker("browser") is not None and _chromium() is None:
        unavailable("headless Chromium not found (Debian: apt-get install chromium; scripts/test installs it)")


def pytest_report_header(config):
    uri = os.environ.get("NEO4J_URI")
    where = f"NEO4J_URI={uri}" if uri else "NEO4J_URI not set (a neo4j test starts a private server)"
    return f"legalkg: CI={'true' if in_ci() else 'false'}, {where}"


def pytest_sessionfinish(session, exitstatus):
    global _own_server
    if _own_server is not None:
        _own_server.stop()
        _own_server = None
