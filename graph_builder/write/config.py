"""Where a store is, and the Neo4j credentials: from the environment or a config file, never argv.

Resolution order for ``open_store(uri)``:

    uri given            a folder path -> embedded LadybugDB there;
                         ``bolt://``/``neo4j://`` (and the +s/+ssc variants) -> Neo4j;
                         the bare word ``neo4j`` -> the Neo4j server named by NEO4J_URI or the config file
    uri None             $LEGALKG_STORE if set (same rules), else the embedded store ./legalkg-data

Neo4j credentials come from NEO4J_USER / NEO4J_PASSWORD (and NEO4J_DATABASE), else from the
config file ``$LEGALKG_CONFIG`` or ``~/.config/legalkg/config.toml``::

    [neo4j]
    uri = "bolt://127.0.0.1:7687"
    user = "neo4j"
    password = "…"
    database = "neo4j"      # optional

A URI carrying ``user:password@`` is refused: credentials on a command line end up in shell
histories and process lists.  Nothing here ever prints a password or a full URI.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_STORE = "legalkg-data"
NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


class StoreConfigError(ValueError):
    """The store location or the credentials are missing or malformed (message names what to set)."""


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str
    password: str
    database: str | None = None

    @property
    def where(self) -> str:
        """A printable description of the server: host and port only, never the URI or credentials."""
        parts = urlsplit(self.uri)
        return f"the Neo4j server at {parts.hostname or '?'}" + (f" port {parts.port}" if parts.port else "")

    def __repr__(self) -> str:  # never show the password, even in a traceback
        return f"Neo4jSettings({self.where}, user=***, password=***)"


def config_path() -> Path:
    env = os.environ.get("LEGALKG_CONFIG")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "legalkg" / "config.toml"


def _config_section(name: str = "neo4j") -> dict:
    p = config_path()
    if not p.is_file():
        return {}
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise StoreConfigError(f"{p}: cannot read the config file ({type(e).__name__}: {e})") from None
    sec = data.get(name) or {}
    return sec if isinstance(sec, dict) else {}


def is_neo4j_uri(uri: str) -> bool:
    return uri == "neo4j" or urlsplit(uri).scheme.lower() in NEO4J_SCHEMES


def neo4j_settings(uri: str | None) -> Neo4jSettings:
    """Settings for a Neo4j URI (or for the bare word ``neo4j``/None: the configured server)."""
    sec = _config_section()
    if uri in (None, "", "neo4j"):
        uri = os.environ.get("NEO4J_URI") or sec.get("uri")
        if not uri:
            raise StoreConfigError("no Neo4j server configured: set NEO4J_URI (or [neo4j] uri in "
                                   f"{config_path()}) or give --store bolt://host:port")
    parts = urlsplit(uri)
    if parts.scheme.lower() not in NEO4J_SCHEMES:
        raise StoreConfigError(f"not a Neo4j URI scheme: {parts.scheme or '(none)'}:// (use bolt:// or neo4j://)")
    if parts.username or parts.password:
        raise StoreConfigError("credentials in the store URI are refused (they would be visible in the process "
                               "list and shell history): set NEO4J_USER and NEO4J_PASSWORD, or the config file "
                               f"{config_path()}")
    user = os.environ.get("NEO4J_USER") or sec.get("user")
    password = os.environ.get("NEO4J_PASSWORD") or sec.get("password")
    if not user or password is None:
        raise StoreConfigError("Neo4j credentials missing: set NEO4J_USER and NEO4J_PASSWORD (for example "
                               "`eval \"$(scripts/neo4j start)\"`), or [neo4j] user/password in "
                               f"{config_path()}")
    database = os.environ.get("NEO4J_DATABASE") or sec.get("database") or None
    return Neo4jSettings(uri, str(user), str(password), database)


def resolve_location(uri: str | None) -> str:
    """The effective store location for ``uri`` (None -> $LEGALKG_STORE -> ./legalkg-data)."""
    if uri:
        return uri
    return os.environ.get("LEGALKG_STORE") or DEFAULT_STORE


# The embedded store's buffer pool.  LadybugDB's default caps it at a share of the machine's RAM
# (pages are taken as they are used, so a small store stays small).  A bound is a setting, not the
# default: LadybugDB fails a statement whose working set does not fit ("the buffer pool is full")
# instead of spilling -- on the 180k store, link_undated failed with 1 and 4 GiB (bench/RESULTS.md).
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


def embedded_memory() -> int:
    """Bytes of the embedded store's buffer pool: $LEGALKG_EMBEDDED_MEMORY (``512m``, ``2g``, bytes),
    else ``memory`` in the config file's ``[embedded]`` section, else 0 (LadybugDB's default)."""
    raw = os.environ.get("LEGALKG_EMBEDDED_MEMORY") or _config_section("embedded").get("memory")
    if raw in (None, ""):
        return 0
    text = str(raw).strip().lower().removesuffix("b").removesuffix("i")
    number, unit = text.rstrip("kmgt"), text[len(text.rstrip("kmgt")):]
    try:
        size = int(float(number) * _UNITS[unit])
    except (ValueError, KeyError):
        raise StoreConfigError(f"LEGALKG_EMBEDDED_MEMORY / [embedded] memory: {raw!r} is not a size "
                               "(e.g. 512m, 2g)") from None
    if size < 64 << 20:
        raise StoreConfigError(f"LEGALKG_EMBEDDED_MEMORY / [embedded] memory: {raw!r} is below 64m")
    return size
