"""Document identity (initial placeholder, replaced by the citations issue)."""
from ..model import CitationMention, CitedDocument, CleanText, DocumentMeta


def resolve_citations(mentions: list[CitationMention], meta: DocumentMeta, clean: CleanText) -> list[CitedDocument]:
    return []


def document_id(meta: DocumentMeta, clean: CleanText) -> str:
    from pathlib import Path
    return f"{meta.symbol or 'unnumbered'}@{meta.year or 'year?'}@{meta.province or 'jurisdiction?'}#{Path(clean.path).stem}"
