"""spaCy pipeline components of legalkg (registered factories).

    import spacy
    nlp = spacy.blank("xx")          # or spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vn_citations")
    doc = nlp(text)
    for span in doc.spans["citations"]:
        print(span.text, span._.symbol, span._.identity_key, span._.doc_type, span._.date)
    doc._.cited_documents            # the resolved CitedDocument list (gold-schema records via .to_record())
    doc._.document_meta              # the DocumentMeta of the text (type, number, province …)

Matching is on characters: the regex finders of ``find.patterns`` run over the cleaned text and
their character spans are mapped to tokens with ``doc.char_span(..., alignment_mode="expand")``,
so any tokenizer works (the numbers need not be single tokens).

``legalkg`` itself runs the same component (``run_citation_component``) on a cached blank
pipeline whose tokenizer makes the whole text one token and whose vocabulary computes no
lexical attributes, with ``make_spans`` off (cheap: legalkg reads the character spans of
``doc._.citation_mentions``, not the tokens or ``doc.spans``), handing it the ``CleanText`` it has already built (``doc._.clean_text``) so
that repeated blocks are known.

The component resolves identities (``resolve.identity``), an adapter reaching one stage ahead
of ``find``: the import is local to the call so that ``find`` stays importable without it.
"""
from __future__ import annotations

import hashlib
import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from ..model import CleanText, SourceText
from .citations import find_citation_mentions
from .metadata import metadata_for

SPANS_KEY = "citations"


def _ensure_extensions() -> None:
    for name in ("clean_text", "document_meta", "citation_mentions", "cited_documents", "citation_index"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)

    def getter(attr):
        def get(span):
            idx = span.doc._.citation_index or {}
            hit = idx.get((span.start, span.end))
            if hit is None:
                return None
            mention, cited = hit
            if attr == "mention":
                return mention
            if attr == "cited":
                return cited
            if attr == "identity":
                return cited.identity if cited else None
            if attr == "identity_key":
                return cited.identity.key if cited else None
            if attr == "year":
                return cited.identity.year if cited else None
            if attr == "jurisdiction":
                return cited.identity.jurisdiction if cited else None
            if attr == "in_repeated":
                return mention.in_repeated
            if attr == "issuer":
                return (cited.issuer if cited else None) or mention.issuer
            if attr == "date":
                return (cited.date if cited else None) or mention.date
            return getattr(mention, attr)
        return get

    for attr in ("mention", "cited", "identity", "identity_key", "symbol", "doc_type", "date", "issuer", "year",
                 "jurisdiction", "subject", "in_repeated"):
        if not Span.has_extension(attr):
            Span.set_extension(attr, getter=getter(attr))


_ensure_extensions()


def _doc_length(doc: Doc) -> int:
    """len(doc.text) without joining the tokens again."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last) + (1 if last.whitespace_ else 0)  # (len(token) reads no text: cheap)


def clean_for(doc: Doc) -> CleanText:
    """The CleanText behind a Doc: the one legalkg handed over, else the text cleaned here."""
    given = doc._.clean_text
    if isinstance(given, CleanText) and len(given.text) == _doc_length(doc):
        return given
    from ..clean import clean_text  # an earlier stage: cleaning keeps the length, offsets stay valid

    text = doc.text
    src = SourceText(path="<spacy>", text=text, encoding="utf-8", format="txt",
                     content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest())
    return clean_text(src)


class CitationFinder:
    """Puts every numbered citation in ``doc.spans[spans_key]`` with its identity on ``Span._``."""

    def __init__(self, nlp: Language, name: str, spans_key: str = SPANS_KEY, resolve: bool = True,
                 province: str | None = None, make_spans: bool = True):
        self.name = name
        self.spans_key = spans_key
        self.resolve = resolve
        self.province = province
        self.make_spans = make_spans  # legalkg's own pipeline reads doc._.citation_mentions only

    def __call__(self, doc: Doc) -> Doc:
        clean = clean_for(doc)
        meta = doc._.document_meta or metadata_for(clean)
        if self.province and not meta.province:
            meta.province = self.province
        mentions = find_citation_mentions(clean, meta)
        doc._.document_meta = meta
        doc._.citation_mentions = mentions
        cited_by_mention = {}
        if self.resolve:
            from ..resolve.identity import resolve_citations  # adapter: find + resolve in one component

            cited = resolve_citations(mentions, meta, clean)
            doc._.cited_documents = cited
            for c in cited:
                for m in c.mentions:
                    cited_by_mention[id(m)] = c
        spans = []
        index = {}
        for m in (mentions if self.make_spans else ()):
            span = doc.char_span(m.start, m.end, label="CITATION", alignment_mode="expand")
            if span is None:
                continue
            spans.append(span)
            index.setdefault((span.start, span.end), (m, cited_by_mention.get(id(m))))
        doc._.citation_index = index
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "vn_citations",
    default_config={"spans_key": SPANS_KEY, "resolve": True, "province": None, "make_spans": True},
)
def make_citation_finder(nlp: Language, name: str, spans_key: str, resolve: bool, province: str | None,
                         make_spans: bool):
    """spaCy factory ``vn_citations`` (entry point ``spacy_factories``)."""
    return CitationFinder(nlp, name, spans_key=spans_key, resolve=resolve, province=province, make_spans=make_spans)


# --------------------------------------------------------------------------- agencies

@Language.factory("vn_agencies", default_config={"spans_key": "agencies"})
def make_agency_finder(nlp: Language, name: str, spans_key: str):
    """spaCy factory ``vn_agencies`` (entry point ``spacy_factories``): the canonical agency
    vocabulary (``data/agencies.yaml``) matched with a PhraseMatcher; see ``find.agencies``."""
    from .agencies import AgencyComponent

    return AgencyComponent(spans_key=spans_key)


# --------------------------------------------------------------------------- legalkg's own use

_WS_RE = re.compile(r"\S+")
_LINE_RE = re.compile(r"[^\n]+|\n+")


class WhitespaceTokenizer:
    """Tokens are the runs of non-space characters; whitespace other than one plain space becomes
    its own token, so ``doc.text`` equals the input exactly.  No rules, no exceptions."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _WS_RE.finditer(text):
            s = m.start()
            if s > pos:  # whitespace before this token
                gap = text[pos:s]
                if words and gap[0] == " ":
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
            words.append(m.group(0))
            spaces.append(False)
            pos = m.end()
        if pos < len(text):
            gap = text[pos:]
            if words and gap[0] == " ":
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy serialisation hooks (the tokenizer has no state)
    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, _bytes, **kwargs):
        return self

    def to_disk(self, path, **kwargs):
        return None

    def from_disk(self, path, **kwargs):
        return self


class LineTokenizer(WhitespaceTokenizer):
    """One token per line (and one per run of line breaks): the cheapest tokenizer that keeps
    ``doc.text`` exact.  legalkg uses it: its finders work on characters, so tokens only carry
    the spans, which then cover whole lines."""

    def __call__(self, text: str) -> Doc:
        words = _LINE_RE.findall(text) or [text]
        if not text:
            return Doc(self.vocab, words=[], spaces=[])
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


class TextTokenizer(WhitespaceTokenizer):
    """The whole text as one token: the cheapest Doc that keeps ``doc.text`` exact (one lexeme
    per document).  legalkg's own pipeline uses it; spans then cover the whole text, and the
    character spans are read from ``doc._.citation_mentions``."""

    def __call__(self, text: str) -> Doc:
        if not text:
            return Doc(self.vocab, words=[], spaces=[])
        return Doc(self.vocab, words=[text], spaces=[False])


@registry.tokenizers("legalkg.whitespace_tokenizer.v1")
def create_whitespace_tokenizer():
    def make(nlp):
        return WhitespaceTokenizer(nlp.vocab)
    return make


@registry.tokenizers("legalkg.line_tokenizer.v1")
def create_line_tokenizer():
    def make(nlp):
        return LineTokenizer(nlp.vocab)
    return make


_NLP: Language | None = None
_STORED = [0]  # characters of text the cached pipeline's vocabulary holds

MAX_STRINGS = 200_000  # every text becomes a string of the vocabulary: start afresh beyond this …
MAX_CHARS = 64_000_000  # … or beyond this many characters


def legalkg_nlp() -> Language:
    """The cached blank pipeline legalkg runs its components on."""
    global _NLP
    if _NLP is None or len(_NLP.vocab.strings) > MAX_STRINGS or _STORED[0] > MAX_CHARS:
        import spacy

        nlp = spacy.blank("xx")
        nlp.vocab.lex_attr_getters = {}  # no lexical attributes: nothing reads them, each costs a pass
        nlp.tokenizer = TextTokenizer(nlp.vocab)
        nlp.add_pipe("vn_citations", config={"resolve": False, "make_spans": False})
        _NLP = nlp
        _STORED[0] = 0
    return _NLP


def run_citation_component(clean: CleanText, meta=None) -> list:
    """Run the pipeline's components over an already-cleaned text; returns the mentions."""
    nlp = legalkg_nlp()
    _STORED[0] += len(clean.text)
    doc = nlp.make_doc(clean.text)
    doc._.clean_text = clean
    if meta is not None:
        doc._.document_meta = meta
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.citation_mentions or []
