"""legalkg: Vietnamese government documents to a knowledge graph.

The public API is small:

    >>> import graph_builder as gb
    >>> record = gb.extract_text("Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ ...")
    >>> [c.symbol for c in record.citations]
    ['01/NQ-CP']

``extract_path`` reads a file; ``extract_text`` takes a string.  Both return an
``ExtractionRecord`` (see ``graph_builder.model``).  ``build_graph`` turns records into
graph fragments; ``open_store`` opens Neo4j or the embedded default.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .model import ExtractionRecord  # noqa: E402

__all__ = ["ExtractionRecord", "__version__"]
