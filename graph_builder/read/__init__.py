"""read: file -> SourceText.  (Initial version: UTF-8 text only; the readers issue replaces it.)"""
from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from ..model import SourceText


class ReadError(Exception):
    """A file that cannot be read; the message names the file and the reason."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


def read_path(path: str | Path) -> SourceText:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ReadError(p, e.strerror or str(e)) from None
    text = unicodedata.normalize("NFC", data.decode("utf-8"))
    return SourceText(str(p), text, "utf-8", p.suffix.lstrip(".") or "txt", hashlib.sha256(data).hexdigest())
