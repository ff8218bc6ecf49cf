"""Agency finder: the canonical agency vocabulary matched with spaCy's PhraseMatcher.

The vocabulary is data written by the project (``graph_builder/data/agencies.yaml``):
canonical names, abbreviations and spelling variants, levels, collective groups.  Every
pattern is folded (``patterns.agencies.fold_text``: lower case, no tone marks, đ kept) and
split into syllables with punctuation dropped, so that matching tolerates case, tone-mark
placement ("Uỷ"/"Ủy"), dashes and commas inside names ("Lao động - Thương binh và Xã hội" =
"Lao động Thương binh và Xã hội"), and "&" for "và" ("Sở KH&ĐT").

Matching a whole document costs more than the rest of the extraction, so the task finder hands
the finder only the *windows* where an agency can stand in a task's grammar — the start of a
heading or sentence, the words after "giao", "đề nghị", "yêu cầu", "phối hợp với", the closing
execution clause — each cut at the first word that cannot belong to an agency list, and the
matcher runs once over the words of them all (the PhraseMatcher's longest-first matches, read
from a trie of its patterns: cheaper than building a ``Doc`` for them).  The same matcher is the
registered spaCy pipeline component ``vn_agencies`` (:class:`AgencyComponent`, factory in
``find.components``), which works on any ``Doc``.

Lists of addressees ("Thủ trưởng các sở, ban ngành tỉnh, Chủ tịch UBND cấp huyện, các chủ đầu
tư"; "Các Sở: Xây dựng, Tài chính, Giao thông vận tải") are read by :func:`parse_list`: heads
are mapped to their bodies, shared heads are distributed over bare department names, vague
groups ("các cấp, các ngành") are kept as fillers that continue a list but are never recorded.
"""
from __future__ import annotations

import bisect
import functools
import re
import itertools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..model import AgencyMention, CleanText
from .patterns.agencies import (
    COLLECTIVE_TAIL_RE,
    COLON_RE,
    COMMUNE_CONT_RE,
    COMMUNE_UNIT_RE,
    AND_UNITS_RE,
    NAMED_MEMBERS_RE,
    NAMED_PLACES_RE,
    PLACE_SPLIT_RE,
    DISTRICT_WORD_RE,
    PMB_QUALIFIERS,
    PMB_TAIL_RE,
    LIST_TAIL_RE,
    PLACE_NAME_RE,
    PLURAL_HEAD_RE,
    RELATED_RE,
    SEP_RE,
    SHARED_HEAD_RE,
    TINH_RE,
    TOKEN_RE,
    TWO_WORDS_RE,
    fold_text,
    heads_re,
)
from .patterns.common import canonical_province, province_regex

_STOP_MARKS = frozenset(".()!?")


# Words that stand in addressee lists besides the names themselves (lead-ins, separators, suffixes).
_LIST_WORDS = ("nhiệm vụ chung cụ thể chủ yếu trọng tâm riêng của đối với cho giao đề nghị yêu cầu phân công trách nhiệm"
               " và cùng với các tỉnh có liên quan trên địa bàn huyện thị xã thành phố quận : ; &")
DEFAULT_DISTRICT = "UBND các huyện, thị xã, thành phố"
DEFAULT_COMMUNE = "UBND các xã, phường, thị trấn"
_SPACES = " \t\u00a0"
_PMB_KEY = "agency:Các ban quản lý dự án"
# capitalised words after a name that are not a place ("Giao Cục Thuế Chủ trì" in a heading)
# Capitalised words that cannot belong to a place name after an agency (a heading joined to its
# text), alone or as the start of a verb: "Giao …", "Tập trung …", "Tổ chức …" (a place name's own
# syllables — "Bình Định", "Hướng Hóa" — are followed by another capitalised word or by the predicate).
_NOT_PLACE_WORDS = frozenset("Giao Và Với Tại Theo Trên Trong Đề Yêu".split())
_VERB_COMPOUNDS = frozenset(w.lower() for w in (
    "Tập trung", "Hướng dẫn", "Định kỳ", "Tổ chức", "Chủ trì", "Chủ động", "Phối hợp", "Thực hiện", "Triển khai",
    "Tăng cường", "Đẩy mạnh", "Đẩy nhanh", "Rà soát", "Tham mưu", "Xây dựng", "Khẩn trương", "Kiểm tra", "Chỉ đạo",
    "Bảo đảm", "Đảm bảo", "Hoàn thành", "Hoàn thiện", "Khắc phục", "Nâng cao", "Thường xuyên", "Quản lý", "Phấn đấu",
    "Tiếp tục", "Ưu tiên", "Tuyên truyền", "Vận động", "Huy động", "Cập nhật", "Đôn đốc", "Giám sát", "Thẩm định",
    "Nghiên cứu", "Đánh giá", "Cung cấp", "Hỗ trợ", "Tổng hợp", "Xử lý", "Báo cáo", "Căn cứ", "Theo dõi", "Sớm hoàn",
    "Lập kế", "Phát triển", "Đề xuất", "Tạo điều", "Duy trì", "Thành lập", "Niêm yết"))
_NOT_PLACE_RE = re.compile(r"\s+(?:" + "|".join(sorted(_NOT_PLACE_WORDS)) + r")(?!\w)")
_NEXT_WORD_RE = re.compile(r"[ \t]+(\w+)")


_WORD_RE = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w").match  # (text, pos): a character of a word (as TOKEN_RE reads words)


def _verb_at(text: str, pos: int) -> bool:
    """Whether a capitalised verb ("Tổ chức", "Giao") rather than a place name starts at ``pos``."""
    w = _WORD_RE.match(text, pos)
    if w is None:
        return False
    if w.group() in _NOT_PLACE_WORDS:
        return True
    nxt = _NEXT_WORD_RE.match(text, w.end())
    return bool(nxt) and (w.group() + " " + nxt.group(1)).lower() in _VERB_COMPOUNDS


def _place_span(text: str, m: re.Match) -> tuple[str, int]:
    """(place name, end) of a place match, without a capitalised verb that may end it ("Đông Triều
    Tập trung …"); ("", start) when the match is no place at all."""
    words = [(w.group(), w.start(), w.end()) for w in re.finditer(r"\S+", m.group(0))]
    base = m.start()
    for i, (w, _, _) in enumerate(words):
        if w in _NOT_PLACE_WORDS:
            words = words[:i]
            break
    if words:
        nxt = _NEXT_WORD_RE.match(text, base + words[-1][2])
        if nxt and (words[-1][0] + " " + nxt.group(1)).lower() in _VERB_COMPOUNDS:
            words = words[:-1]
    if not words:
        return "", m.start()
    return " ".join(w for w, _, _ in words), base + words[-1][2]


@dataclass(frozen=True, slots=True)
class AgencyEntry:
    """One vocabulary entry (all its spellings map to it)."""

    key: str
    name: str
    kind: str = "agency"  # agency | dept (a bare department name) | filler | district | commune
    level: str = "province"  # national | province | district | commune
    collective: bool = False
    assignable: bool = True
    expands: tuple[str, ...] = ()
    place: bool = False
    head: str | None = None  # "Sở" / "Bộ" / "Phòng" for department-based names
    dept: str | None = None  # the department's name ("Tài chính")
    # issuer kinds ("party", "council") whose documents may give this non-assignable body a task
    # ("Giao UBND tỉnh tổ chức thực hiện Nghị quyết này" in a council resolution)
    addressed_by: tuple[str, ...] = ()

    @property
    def national(self) -> bool:
        return self.level == "national"


@dataclass(slots=True)
class AgencyHit:
    """A vocabulary entry found in the text (suffixes such as "tỉnh Vĩnh Phúc" included)."""

    start: int
    end: int
    entry: AgencyEntry
    name: str  # canonical name (with the place name for "UBND huyện <X>")


@dataclass(slots=True)
class ListItem:
    """An agency of an addressee list, resolved to its canonical name."""

    name: str
    start: int
    end: int
    entry: AgencyEntry

    @property
    def recordable(self) -> bool:
        return self.entry.kind != "filler" and self.entry.assignable

    def recordable_for(self, issuer: str | None) -> bool:
        """Recordable in a document of this issuer kind ("party", "council", "government")."""
        e = self.entry
        return e.kind != "filler" and (e.assignable or (issuer is not None and issuer in e.addressed_by))


# ------------------------------------------------------------------------------ vocabulary

def _data_path(name: str) -> Path:
    return Path(str(resources.files("graph_builder") / "data" / name))


def _spellings(value) -> list[str]:
    """Variants are written "a | b | c" (names contain commas) or as a YAML list."""
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    return [str(v).strip() for v in value]


def _tokens(s: str) -> tuple[str, ...]:
    return tuple("va" if t == "&" else t for t in TOKEN_RE.findall(fold_text(s)))


def _replace(seq: tuple[str, ...], old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...] | None:
    n = len(old)
    out: list[str] = []
    i = 0
    hit = False
    while i < len(seq):
        if seq[i:i + n] == old:
            out.extend(new)
            i += n
            hit = True
        else:
            out.append(seq[i])
            i += 1
    return tuple(out) if hit else None


_CITY_SWAPS = ((("tinh", "uy"), ("thanh", "uy")), (("tinh", "đoan"), ("thanh", "đoan")))


def _city_forms(t: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The spellings of a provincial name in a centrally-run city ("… tỉnh" -> "… thành phố") and of
    its district counterpart ("Ủy ban MTTQ Việt Nam huyện", "Hội Nông dân huyện")."""
    out = []
    if len(t) > 1 and t[-1] == "tinh":
        out.append(t[:-1] + ("thanh", "pho"))
        out += [t[:-1] + ("huyen",), t[:-1] + ("thi", "xa"), t[:-1] + ("quan",)]
    for old, new in _CITY_SWAPS:
        r = _replace(t, old, new)
        if r is not None:
            out.append(r)
    return out


_LEVEL_ENDINGS = (("thanh pho", " thành phố"), ("huyen", " huyện"), ("thi xa", " thị xã"), ("quan", " quận"),
                  ("tinh", " tỉnh"), ("uy", ""), ("đoan", ""))
_LEVEL_WORDS = ("tỉnh", "thành phố", "huyện", "thị xã", "quận", "Thành ủy", "Tỉnh ủy")


def city_name(name: str, surface_folded: str) -> str:
    """The canonical name of a provincial body as a city (or a district) writes it: "Công an tỉnh" ->
    "Công an thành phố" when the text says "thành phố" ("Thành ủy", "Thành đoàn" likewise);
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" -> "… huyện" when the text says "huyện"."""
    if name.endswith(" tỉnh"):
        for ending, word in _LEVEL_ENDINGS:
            if surface_folded.endswith(ending):
                return name[:-5] + word
    if surface_folded.endswith("thanh uy") and name.endswith("Tỉnh ủy"):
        name = name.replace("Tỉnh ủy", "Thành ủy")
    if "thanh đoan" in surface_folded and name.startswith("Tỉnh đoàn"):
        name = "Thành đoàn" + name[len("Tỉnh đoàn"):]
    return name


@dataclass
class AgencyVocabulary:
    entries: dict[str, AgencyEntry] = field(default_factory=dict)
    patterns: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    heads: tuple[str, ...] = ()
    so: dict[str, AgencyEntry] = field(default_factory=dict)  # folded department name -> "Sở …"
    bo: dict[str, AgencyEntry] = field(default_factory=dict)  # folded department name -> "Bộ …"
    starts: set[tuple[str, str]] = field(default_factory=set)  # first two tokens of every pattern
    list_words: set[str] = field(default_factory=set)  # every token that may stand in an agency list
    single_starts: set[str] = field(default_factory=set)  # one-token patterns
    first_tokens: set[str] = field(default_factory=set)  # first tokens of ``starts``
    pairs: set[tuple[str, str]] = field(default_factory=set)  # two-token patterns and heads
    starts3: set[tuple[str, str, str]] = field(default_factory=set)  # first three tokens of longer ones
    place_singles: set[str] = field(default_factory=set)  # one-token names that need a place ("Báo")
    central_cities: frozenset[str] = frozenset()  # canonical names of the centrally-run cities

    def first_words(self, text: str, pos: int) -> tuple[str, str] | None:
        m = TWO_WORDS_RE.match(text, pos)
        if not m:
            return None
        return fold_text(m.group(1)), fold_text(m.group(2) or "")

    def could_start(self, text: str, pos: int) -> bool:
        """Whether an agency (or a head, or a group) may start at ``pos`` (cheap prefilter)."""
        w = self.first_words(text, pos)
        if w is None:
            return False
        w1, w2 = w
        if w1 == "&":
            return False
        return (w1, "va" if w2 == "&" else w2) in self.starts or w1 in self.single_starts


@functools.cache
def load_vocabulary(path: str | None = None) -> AgencyVocabulary:
    data = yaml.safe_load(Path(path or _data_path("agencies.yaml")).read_text(encoding="utf-8"))
    voc = AgencyVocabulary()
    abbr = [(_tokens(a), _tokens(e)) for a, e in (data.get("abbreviations") or {}).items()]
    seen: set[tuple[str, ...]] = set()

    def variants(tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
        out = {tokens}
        for a, e in abbr:
            new = set()
            for t in out:
                for old, rep in ((a, e), (e, a)):
                    r = _replace(t, old, rep)
                    if r is not None:
                        new.add(r)
            out |= new
        return out

    def add(entry: AgencyEntry, spellings) -> None:
        voc.entries.setdefault(entry.key, entry)
        pats = voc.patterns.setdefault(entry.key, [])
        for s in spellings:
            for t in variants(_tokens(s)):
                if t and t not in seen:
                    seen.add(t)
                    pats.append(t)

    # named agencies first: they win over generated names with the same spelling
    for a in data.get("agencies") or []:
        e = AgencyEntry(
            key="agency:" + a["name"], name=a["name"], level=a.get("level", "province"),
            collective=bool(a.get("collective", False)), assignable=a.get("assignable", True),
            expands=tuple(a.get("expands") or ()), place=bool(a.get("place", False)),
            addressed_by=tuple(a.get("addressed_by") or ()),
        )
        add(e, [a["name"], *_spellings(a.get("variants"))])
    for d in data.get("departments") or []:
        names = [d["name"], *_spellings(d.get("variants"))]
        folded = {_tokens(n) for n in names}
        if d.get("so"):
            e = AgencyEntry(key="so:" + d["name"], name="Sở " + d["name"], head="Sở", dept=d["name"])
            add(e, ["Sở " + n for n in names])
            for f in folded:
                voc.so[" ".join(f)] = e
        if d.get("bo"):
            e = AgencyEntry(key="bo:" + d["name"], name="Bộ " + d["name"], level="national", head="Bộ", dept=d["name"])
            add(e, ["Bộ " + n for n in names])
            for f in folded:
                voc.bo[" ".join(f)] = e
    for name in data.get("district_offices") or []:
        e = AgencyEntry(key="phong:" + name, name="Phòng " + name, level="district", head="Phòng", dept=name)
        add(e, ["Phòng " + name])
    # district and commune collectives: "UBND các huyện, thị xã, thành phố" in any order
    for kind, units, level in (("district", data.get("district_units") or [], "district"),
                               ("commune", data.get("commune_units") or [], "commune")):
        for n in range(1, min(4, len(units)) + 1):
            for combo in itertools.permutations(units, n):
                if n == 1 and len(combo[0].split()) == 1 and combo[0] in ("thành", "thị"):
                    continue
                name = "UBND các " + ", ".join(combo)
                e = AgencyEntry(key=f"{kind}:{name}", name=name, kind=kind, level=level, collective=True)
                spellings = ["UBND các " + " ".join(combo)]
                if n > 1:
                    spellings += ["UBND " + " ".join(combo), "UBND các " + " ".join(combo[:-1]) + " và " + combo[-1],
                                  "UBND " + " ".join(combo[:-1]) + " và " + combo[-1]]
                add(e, spellings)
    # centrally-run cities name their provincial bodies with "thành phố" for "tỉnh" ("Công an thành
    # phố", "Văn phòng UBND thành phố", "Ban Tuyên giáo Thành ủy"); spellings taken already ("UBND
    # thành phố" + a district's name) keep their meaning
    for key, pats in list(voc.patterns.items()):
        e = voc.entries[key]
        if e.level != "province" or e.kind != "agency" or e.place:
            continue
        for t in list(pats):
            for new in _city_forms(t):
                if new not in seen:
                    seen.add(new)
                    pats.append(new)
    # bare department names (items of shared-head lists) and fillers come last
    for d in data.get("departments") or []:
        e = AgencyEntry(key="dept:" + d["name"], name=d["name"], kind="dept", dept=d["name"])
        add(e, [d["name"], *_spellings(d.get("variants"))])
    for f in data.get("fillers") or []:
        e = AgencyEntry(key="filler:" + f, name=f, kind="filler", collective=True, assignable=False)
        add(e, [f])

    voc.central_cities = frozenset(data.get("central_cities") or ())
    heads = tuple(data.get("heads") or ())
    voc.heads = heads
    singles_named: set[str] = set()

    def prefix(t: tuple[str, ...], place: bool = False) -> None:
        if len(t) == 1:
            voc.single_starts.add(t[0])
            if place:
                voc.place_singles.add(t[0])
            else:
                singles_named.add(t[0])
        else:
            voc.starts.add((t[0], t[1]))
            if len(t) == 2:
                voc.pairs.add((t[0], t[1]))
            else:
                voc.starts3.add((t[0], t[1], t[2]))

    for key, pats in voc.patterns.items():
        place = voc.entries[key].place
        for t in pats:
            prefix(t, place)
    for h in heads:
        prefix(_tokens(h))
    for t in (_tokens("các sở"), _tokens("các bộ")):
        prefix(t)
    voc.place_singles -= singles_named
    voc.first_tokens = {t[0] for t in voc.starts}
    for pats in voc.patterns.values():
        for t in pats:
            voc.list_words.update(t)
    for h in heads:
        voc.list_words.update(_tokens(h))
    voc.list_words.update(_tokens(_LIST_WORDS))
    voc.list_words.update(_tokens(" ".join(PMB_QUALIFIERS)))
    voc.list_words.update({":", ";", "va"})
    return voc


# ------------------------------------------------------------------------------ matcher

def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(windows):
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


class AgencyFinder:
    """PhraseMatcher (read through a trie) over the folded vocabulary; callable as a spaCy pipeline component."""

    def __init__(self, vocabulary: AgencyVocabulary | None = None):
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc
        from spacy.vocab import Vocab

        self.vocabulary = vocabulary or load_vocabulary()
        self.vocab = Vocab()
        self._Doc = Doc
        self.matcher = PhraseMatcher(self.vocab)
        for key, pats in self.vocabulary.patterns.items():
            if pats:
                self.matcher.add(key, [Doc(self.vocab, words=list(p)) for p in pats])
        self._trie = self._phrase_trie()
        self.heads_re = heads_re(self.vocabulary.heads)
        self.list_prefix_re = _any_of(self.heads_re, SHARED_HEAD_RE, PLURAL_HEAD_RE)
        # word as written -> (folded word, whether it ends an addressee list: see ``_read``)
        self._folded: dict[str, tuple[str, bool]] = {}

    def _phrase_trie(self) -> dict:
        """The PhraseMatcher's patterns as a trie of folded words (a node's ``None`` entry: the keys
        of the patterns ending there, in the order the PhraseMatcher reports them).  Reading the
        longest match at a position from it costs less than building a Doc and running the
        matcher over every token of the windows."""
        trie: dict = {}
        for key, pats in self.vocabulary.patterns.items():
            for p in pats:
                node = trie
                for w in p:
                    node = node.setdefault(w, {})
                node.setdefault(None, []).append(key)
        self._order_shared(trie, ())
        return trie

    def _order_shared(self, node: dict, path: tuple) -> None:
        """Patterns shared by several keys: their keys in the PhraseMatcher's order (the first one
        wins, as it did when the matcher's matches were sorted)."""
        keys = node.get(None)
        if keys is not None and len(keys) > 1:
            strings = self.vocab.strings
            found = [strings[m] for m, s, e in self.matcher(self._Doc(self.vocab, words=list(path)))
                     if (s, e) == (0, len(path))]
            keys.sort(key=lambda k: found.index(k) if k in found else len(found))
        for w, child in node.items():
            if w is not None:
                self._order_shared(child, path + (w,))

    # -- windows of text -> hits --------------------------------------------------------------
    def _tokens(self, text: str, a: int, b: int, cut: bool) -> list[tuple[int, int, str]]:
        """Folded tokens (start, end, word) of text[a:b]; with ``cut``, only up to the end of the
        agency list that may start at ``a`` (see ``_read``)."""
        words: list[str] = []
        offs: list[tuple[int, int]] = []
        self._read(text, a, b, cut, words, offs, -1)
        return [(p, q, w) for (p, q), w in zip(offs, words)]

    def _read(self, text: str, a: int, b: int, cut: bool, words: list[str], offs: list[tuple[int, int]],
              last: int) -> int:
        """Append the folded tokens of text[a:b] that start at or after ``last`` to ``words`` (and
        their spans to ``offs``); with ``cut``, stop at the first lower-case word that no agency
        name, head or list word contains (the predicate after an addressee list).  A window that
        starts after ``last`` is separated from the words before it by "|" (no match runs across
        the gap).  Words are folded one by one (memoised): a window is usually cut after a few
        words.  Returns the end of the last token read (``last`` when none)."""
        get = self._folded.get
        it = TOKEN_RE.finditer(text, a, b)
        # the words before ``last`` (read already): skipped, though a word ending the list ends it
        first = True
        for m in it:
            raw = m.group()
            got = get(raw)
            if got is None:
                got = self._fold_token(raw)
            if cut and got[1]:
                return last
            s, e = m.span()
            if s >= last:
                if first and s > last and words:
                    words.append("|")
                    offs.append((last, last))
                words.append(got[0])
                offs.append((s, e))
                last = e
                break
            first = False
        else:
            return last
        # the words after it, each read once
        words_append = words.append
        offs_append = offs.append
        for m in it:
            raw = m.group()
            got = get(raw)
            if got is None:
                got = self._fold_token(raw)
            if cut and got[1]:
                break
            words_append(got[0])
            offs_append(m.span())
        return offs[-1][1]

    def _fold_token(self, raw: str) -> tuple[str, bool]:
        """(folded word, whether it ends an addressee list) of a token as written (memoised)."""
        w = "va" if raw == "&" else fold_text(raw)
        got = (w, w not in self.vocabulary.list_words and (w in _STOP_MARKS or not (raw[0].isupper() or raw[0].isdigit())))
        if len(self._folded) < 200_000:
            self._folded[raw] = got
        return got

    def match_windows(self, text: str, windows) -> list[AgencyHit]:
        """Vocabulary hits inside windows of ``text`` (longest match wins).

        A window is ``(start, end)``, or ``(start, end, cut)``: with ``cut`` the window is where an
        addressee list may start, and only the words that can belong to one are read
        (``_read``), so that as few tokens as possible are matched.
        """
        words: list[str] = []
        offs: list[tuple[int, int]] = []
        last = -1
        read = self._read
        size = len(text)
        ws = sorted(windows)
        n = len(ws)
        # Windows overlap (a sentence's start, its "phối hợp với", its "chủ trì" …): the words before
        # ``last`` were read already and are skipped.  A *run* is the words read since the last gap
        # ("|"); while only cut windows have read it and no word of it was cut by a window's end, its
        # words are whole words, in order, none of which ends a list — so a cut window that starts at
        # one of them reads the same words up to the run's last one, and can start there.
        run_lo = 0  # index in ``offs`` of the run's first word
        run_safe = True
        for k, w in enumerate(ws):
            a, b = w[0], w[1]
            if b <= last:
                continue  # every word starts before ``last``: nothing new
            cut = len(w) > 2 and w[2]
            if cut and k + 1 < n:
                nxt = ws[k + 1]
                if nxt[0] == a and len(nxt) > 2 and nxt[2] and not (
                        0 < b < size and _WORD_CHAR(text, b - 1) and _WORD_CHAR(text, b)):
                    # a longer cut window from the same start reads the same words first (no word runs
                    # across this one's end), then goes on: reading it alone gives the same words
                    continue
            if cut and run_safe and a < last:
                i = bisect.bisect_left(offs, (a,), run_lo)
                if i < len(offs) and offs[i][0] == a:
                    a = offs[-1][0]
            before = len(words)
            last = read(text, a, b, cut, words, offs, last)
            if len(words) > before:
                if before and words[before] == "|":
                    run_lo, run_safe = before + 1, True
                if not cut or (last == b and 0 < b < size and _WORD_CHAR(text, b - 1) and _WORD_CHAR(text, b)):
                    run_safe = False  # words that may end a list, or a word cut by the window's end
        if not words:
            return []
        return self._trie_hits(text, words, offs)

    def _trie_hits(self, text: str, words: list[str], offs: list[tuple[int, int]]) -> list[AgencyHit]:
        """The names among ``words`` (folded, with their spans in ``text``): the PhraseMatcher's
        matches, longest first at each token, the ones overlapping a match already taken left out,
        read straight from the trie, left to right."""
        trie = self._trie
        entries = self.vocabulary.entries
        hits: list[AgencyHit] = []
        n = len(words)
        i = 0
        while i < n:
            node = trie.get(words[i])
            if node is None:
                i += 1
                continue
            keys = node.get(None)
            e = j = i + 1
            while j < n:
                node = node.get(words[j])
                if node is None:
                    break
                j += 1
                if None in node:
                    keys, e = node[None], j
            if keys is None:
                i += 1
                continue
            hit = self._complete(text, offs[i][0], offs[e - 1][1], entries[keys[0]])
            if hit is not None:
                hits.append(hit)
            i = e
        return hits

    def _complete(self, text: str, start: int, end: int, entry: AgencyEntry) -> AgencyHit | None:
        """Take the suffixes a name carries in the text; resolve place names."""
        name = entry.name
        if entry.place:
            m = PLACE_NAME_RE.match(text, end)
            if not m:
                if entry.key == "agency:UBND thành phố" and "agency:UBND tỉnh" in self.vocabulary.entries:
                    # "Ủy ban nhân dân thành phố" with no name: a centrally-run city's own committee
                    return AgencyHit(start, end, self.vocabulary.entries["agency:UBND tỉnh"], "UBND thành phố")
                return None
            place, m_end = _place_span(text, m)
            if not place:
                return None
            if place.isupper():
                place = place.title()  # "HUYỆN TAM ĐẢO" in a heading
            if entry.level == "district" and canonical_province(place) in self.vocabulary.central_cities:
                # "UBND thành phố Hà Nội": the People's Committee of a centrally-run city
                pm = province_regex().match(text, m.start() + len(m.group(0)) - len(m.group(0).lstrip()))
                top = self.vocabulary.entries.get("agency:UBND tỉnh")
                if top is not None and pm:
                    return AgencyHit(start, pm.end(), top, "UBND thành phố")
            return AgencyHit(start, m_end, entry, f"{entry.name} {place}")
        if entry.key == _PMB_KEY:
            m = PMB_TAIL_RE.match(text, end)
            if m and m.end() > end:
                # a project management board with its qualifiers: a named board, or a group of them
                qual = " ".join(m.group(0).strip(" \t\u00a0\n,").split()).lower()
                end = m.end()
                if fold_text(text[start:start + 4]).startswith("cac"):
                    entry = AgencyEntry(key=f"{_PMB_KEY}:{qual}", name=f"Các Ban Quản lý dự án {qual}", collective=True)
                else:
                    entry = AgencyEntry(key=f"{_PMB_KEY}:{qual}", name=f"Ban Quản lý dự án {qual}")
                name = entry.name
        elif entry.collective and entry.level == "province" and not entry.expands and entry.kind == "agency":
            m = COLLECTIVE_TAIL_RE.match(text, end)
            if m and m.end() > end:
                end = m.end()
        if entry.kind == "filler" or entry.collective:
            m = RELATED_RE.match(text, end)
            if m:
                end = m.end()
        if entry.head == "Phòng" or entry.key.startswith("agency:") and entry.level == "district" and not entry.collective:
            # district bodies carry their district word ("Công an huyện", "Chi cục Thống kê huyện",
            # "Phòng Tài chính - Kế hoạch huyện": the build stage scopes them to their district)
            m = DISTRICT_WORD_RE.match(text, end)
            if m and not name.endswith(("huyện", "thị xã", "thành phố", "quận")):
                end = m.end()
                name = f"{name} {' '.join(m.group('unit').lower().split())}"
            elif entry.head == "Phòng" and not name.endswith(("huyện", "thị xã", "thành phố", "quận")):
                name = f"{name} huyện"
        if entry.level == "province" and entry.kind in ("agency",):
            tail = fold_text(text[end - 10 if end - 10 > start else start:end])
            if not tail.endswith(("tinh", "thanh pho")):
                m = TINH_RE.match(text, end)
                if m:
                    end = m.end()
                    tail = fold_text(text[end - 10 if end - 10 > start else start:end])
            if "thanh" in tail or tail.endswith(("huyen", "thi xa", "quan")):  # "… thành phố", "Thành ủy", "… huyện"
                name = city_name(name, tail)
                if entry.head is None and not name.endswith(_LEVEL_WORDS):
                    # "Ban Quản lý đường sắt đô thị Thành phố": a city-wide unit keeps its level word
                    name += next(w for e, w in _LEVEL_ENDINGS if tail.endswith(e))
            elif entry.head is None and not entry.collective and not tail.endswith("tinh"):
                # a name that embeds its place ("Ban Quản lý Khu kinh tế Đông Nam", "Đài Phát thanh -
                # Truyền hình Đà Nẵng") is kept as written
                pm = PLACE_NAME_RE.match(text, end)
                if pm and not _NOT_PLACE_RE.match(text, pm.start()):
                    end = pm.end()
                    name = " ".join(text[start:end].split())
                    return AgencyHit(start, end, entry, name)
            p = end
            while p < len(text) and text[p] in _SPACES:
                p += 1
            if p > end and tail.endswith(("tinh", "thanh pho")):
                pm = province_regex().match(text, p)
                if pm:
                    end = pm.end()
        return AgencyHit(start, end, entry, name)

@functools.cache
def agency_finder() -> AgencyFinder:
    return AgencyFinder()


class AgencyComponent:
    """The spaCy pipeline component ``vn_agencies`` (factory in ``find.components``).

    Marks the agencies of a Doc in ``doc.spans[spans_key]`` (label = canonical name) and puts
    the :class:`AgencyMention` list (offsets into ``doc.text``) in ``doc._.agency_mentions``.
    Works with any tokenizer: the matcher reads the text with its own cheap tokenizer and the
    character spans are mapped to the Doc's tokens.
    """

    def __init__(self, spans_key: str = "agencies"):
        from spacy.tokens import Doc

        if not Doc.has_extension("agency_mentions"):
            Doc.set_extension("agency_mentions", default=None)
        self.spans_key = spans_key
        self.finder = agency_finder()

    def __call__(self, doc):
        text = doc.text
        mentions = mentions_from_hits(text, self.finder.match_windows(text, [(0, len(text))]), self.finder)
        spans = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, label=m.name, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.agency_mentions = mentions
        return doc


# ------------------------------------------------------------------------------ lists

def _any_of(*patterns: re.Pattern) -> re.Pattern | None:
    """One lookahead that succeeds where any of the patterns matches (a single test before trying
    them one by one); None when they cannot be joined (flags, group references)."""
    if any(p.flags != re.UNICODE or "(?P=" in p.pattern for p in patterns):
        return None
    alts = [re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in patterns]
    return re.compile("(?=" + "|".join(f"(?:{a})" for a in alts) + ")")


def _skip_spaces(text: str, p: int, limit: int) -> int:
    while p < limit and text[p] in _SPACES:
        p += 1
    return p


def parse_list(text: str, pos: int, hits: dict[int, AgencyHit], finder: AgencyFinder,
               limit: int | None = None, resolve=None) -> tuple[list[ListItem], int]:
    """Read a list of agencies starting at ``pos``.

    ``[heads] item (separator [heads] item)* [",..."]`` where an item is a vocabulary hit, or
    a bare department name after a shared head ("Các Sở: Xây dựng, Tài chính") or after a
    previous "Sở …" item ("Sở Tài chính, Kế hoạch và Đầu tư").  Returns the items (fillers
    included; check ``recordable``) and the end of the list (``pos`` when there is none).
    ``resolve`` maps "@district" / "@commune" to the document's names.
    """
    limit = len(text) if limit is None else limit
    voc = finder.vocabulary
    items: list[ListItem] = []
    end = pos
    p = pos
    shared: str | None = None  # head distributed over bare department names
    prefix = finder.list_prefix_re
    while p < limit:
        q = p
        while q < limit and text[q] in _SPACES:
            q += 1
        if prefix is None or prefix.match(text, q, limit):  # (a head, a shared or a plural head here)
            hm = finder.heads_re.match(text, q, limit)
            if hm:
                q = hm.end()
            sh = SHARED_HEAD_RE.match(text, q, limit)
            if sh:
                shared = "Bộ" if fold_text(sh.group("head")) == "bo" else "Sở"
                q = sh.end()
            else:
                ph = PLURAL_HEAD_RE.match(text, q, limit)
                if ph and ph.end() in hits and hits[ph.end()].entry.kind == "dept":
                    shared = "Bộ" if fold_text(ph.group("head")) == "bo" else "Sở"
                    q = ph.end()
        hit = hits.get(q)
        if hit is None:
            break
        entry = hit.entry
        if entry.kind == "dept":
            if shared is None or not text[q].isupper():
                break
            table = voc.bo if shared == "Bộ" else voc.so
            full = table.get(" ".join(_tokens(text[hit.start:hit.end])))
            if full is None:
                break
            items.append(ListItem(full.name, hit.start, hit.end, full))
        else:
            # "Các Sở, ngành: Kế hoạch và Đầu tư, …": a collective used as a shared head
            colon = (COLON_RE.match(text, hit.end, limit)
                     if entry.collective and entry.level == "province" and hit.name.startswith("Các sở") else None)
            if colon:
                nxt = hits.get(colon.end())
                if nxt is not None and nxt.entry.kind in ("dept", "agency"):
                    shared = "Sở"
                    p = colon.end()
                    end = p
                    continue
            if entry.head in ("Sở", "Bộ"):
                shared = entry.head
            if entry.expands:
                for x in entry.expands:
                    sub = _expansion(voc, x, resolve)
                    items.append(ListItem(sub.name, hit.start, hit.end, sub))
            elif entry.kind == "district" and entry.collective:
                end = _named_districts(text, hit, entry, voc, items, limit)
                hit = AgencyHit(hit.start, end, entry, hit.name)
            elif entry.place and entry.level == "district" and (am := AND_UNITS_RE.match(text, hit.end, limit)):
                name = hit.name + " " + " ".join(text[am.start():am.end()].split())
                items.append(ListItem(name, hit.start, am.end(), AgencyEntry(
                    key="district:" + name, name=name, level="district", collective=True)))
                hit = AgencyHit(hit.start, am.end(), entry, name)
            else:
                items.append(ListItem(hit.name, hit.start, hit.end, entry))
        end = hit.end
        if entry.collective and entry.level == "district" and entry.kind in ("district", "agency"):
            cm = COMMUNE_CONT_RE.match(text, end, limit)
            if cm:
                sub = _commune_entry(voc, text[cm.start("units"):cm.end("units")], resolve)
                items.append(ListItem(sub.name, cm.start("units"), cm.end(), sub))
                end = cm.end()
        t = LIST_TAIL_RE.match(text, end, limit)
        if t:
            end = t.end()
            break
        s = SEP_RE.match(text, end, limit)
        if not s:
            break
        p = s.end()
    return items, end


def _named_districts(text: str, hit: AgencyHit, entry: AgencyEntry, voc: AgencyVocabulary, items: list[ListItem],
                     limit: int) -> int:
    """A district collective, with the committees it names: one item per committee after a one-unit
    collective ("UBND các huyện: A, B và C"), the collective with its named members after a several-
    unit one ("UBND các huyện, thị xã Kiến Tường, thành phố Tân An").  Returns the list's end."""
    units = hit.name[len("UBND các "):].split(", ") if hit.name.startswith("UBND các ") else []
    if len(units) == 1:
        m = NAMED_PLACES_RE.match(text, hit.end, limit)
        place_entry = voc.entries.get(f"agency:UBND {units[0]}")
        if m and place_entry is not None and not _verb_at(text, m.start("places")):
            for place in PLACE_SPLIT_RE.split(m.group("places")):
                place = " ".join(place.split())
                if place:
                    items.append(ListItem(f"UBND {units[0]} {place}", hit.start, m.end(), place_entry))
            return m.end()
    elif len(units) > 1:
        m = NAMED_MEMBERS_RE.match(text, hit.end, limit)
        if m:
            name = hit.name + " " + " ".join(text[m.start():m.end()].split())
            items.append(ListItem(name, hit.start, m.end(), AgencyEntry(key="district:" + name, name=name,
                                                                      level="district", collective=True)))
            return m.end()
    items.append(ListItem(hit.name, hit.start, hit.end, entry))
    return hit.end


def _commune_entry(voc: AgencyVocabulary, units: str, resolve) -> AgencyEntry:
    """The commune collective named by the units that continue a district collective."""
    if fold_text(units).startswith("cap"):  # "cấp xã": the document's usual name
        return _expansion(voc, "@commune", resolve)
    words = [" ".join(u.lower().split()) for u in COMMUNE_UNIT_RE.findall(units)]
    name = "UBND các " + ", ".join(dict.fromkeys(words))
    return voc.entries.get("commune:" + name) or AgencyEntry(key="commune:" + name, name=name, kind="commune",
                                                             level="commune", collective=True)


def _expansion(voc: AgencyVocabulary, x: str, resolve) -> AgencyEntry:
    """The entry an expansion stands for: a named agency, or the document's district /
    commune collective ("@district")."""
    if x.startswith("@"):
        kind = x[1:]
        name = resolve(x) if resolve else (DEFAULT_DISTRICT if kind == "district" else DEFAULT_COMMUNE)
        return AgencyEntry(key=f"{kind}:{name}", name=name, kind=kind, level=kind, collective=True)
    e = voc.entries.get("agency:" + x)
    return e if e is not None else AgencyEntry(key="agency:" + x, name=x, collective=True)


def district_names(hits: list[AgencyHit]) -> tuple[str, str]:
    """The document's usual names of the district and commune collectives."""
    d: dict[str, int] = {}
    c: dict[str, int] = {}
    for h in hits:
        kind = h.entry.kind
        if kind == "district":
            d[h.name] = d.get(h.name, 0) + 1
        elif kind == "commune":
            c[h.name] = c.get(h.name, 0) + 1
    # the most frequent name, the first seen among equals (as Counter.most_common)
    return (max(d, key=d.__getitem__) if d else DEFAULT_DISTRICT, max(c, key=c.__getitem__) if c else DEFAULT_COMMUNE)


def mentions_from_hits(text: str, hits: list[AgencyHit], finder: AgencyFinder,
                       districts: tuple[str, str] | None = None) -> list[AgencyMention]:
    """Agency mentions of a text: every recordable hit, with shared-head lists expanded and
    "sở, ban, ngành, địa phương" split into its bodies."""
    by_start = {h.start: h for h in hits}
    dist, comm = districts or district_names(hits)

    def resolve(x: str) -> str:
        return dist if x == "@district" else comm

    out: list[AgencyMention] = []
    covered = -1
    for h in hits:
        if h.start < covered:
            continue
        # a list starting here (shared heads need the list grammar)
        begin = h.start
        head = text.rfind("\n", 0, begin)
        for rx in (SHARED_HEAD_RE, PLURAL_HEAD_RE):
            for m in rx.finditer(text, max(head + 1, begin - 30), begin + 1):
                if m.end() == begin:
                    begin = m.start()
        items, end = parse_list(text, begin, by_start, finder, resolve=resolve)
        if not items:
            if h.entry.kind in ("dept", "filler") or not h.entry.assignable:
                continue
            items = [ListItem(h.name, h.start, h.end, h.entry)]
            end = h.end
        for it in items:
            if it.entry.kind in ("dept", "filler") or not it.entry.assignable:
                continue
            out.append(AgencyMention(name=it.name, start=it.start, end=it.end, surface=text[it.start:it.end],
                                     collective=it.entry.collective, level=it.entry.level,
                                     national=it.entry.national))
        covered = max(end, h.end)
    return out


def find_agencies(source: CleanText | str, windows: list[tuple[int, int]] | None = None) -> list[AgencyMention]:
    """Agencies named in a text (or in some windows of it)."""
    text = source.text if isinstance(source, CleanText) else source
    finder = agency_finder()
    hits = finder.match_windows(text, windows if windows is not None else [(0, len(text))])
    return mentions_from_hits(text, hits, finder)
