"""Task finder: directive sentences and bullets addressed to agencies.

A task is one sentence (or bullet) that gives an agency something to do.  Its addressees come,
in order of precedence, from

1. the sentence itself: a subject list at its start ("Sở Kế hoạch và Đầu tư chủ trì, phối hợp
   với …", "Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND cấp huyện …", after a lead-in
   "Giao …", "Đề nghị …", "Nhiệm vụ chung của …" or an opener "Trên cơ sở …, …"), the subject of
   a clause after ";", the object of "giao / đề nghị / yêu cầu" when the subject is the issuer
   ("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở …"), an agency followed by "chủ trì";
2. an earlier sentence of the same paragraph that had a subject;
3. the nearest enclosing section whose heading names agencies ("2. Sở Kế hoạch và Đầu tư",
   "b) Sở Tài chính", "d) Các Sở: Xây dựng, …", "1. Nhiệm vụ chung các Sở, ban, ngành …").

Roles.  Addressees are ``lead``, except that an addressee whose every task only coordinates
("(có trách nhiệm) phối hợp chặt chẽ với …") is ``support``.  Agencies named after "phối hợp
(với)" are ``support`` partners; groups ("các sở, ngành", "các đơn vị, địa phương") are never
recorded as partners, nor are partners of a sentence that has no addressee.  Agencies in other
positions — report recipients ("báo cáo về Sở …"), bodies to be directed ("Chỉ đạo Công ty …"),
the issuer ("tham mưu UBND tỉnh") — are not addressees.

The closing execution clause ("… chịu trách nhiệm thi hành Chỉ thị này", also broken over lines
ending in ";", and a closing request "yêu cầu các sở, ngành nghiêm túc triển khai thực hiện./.") is
a task of its own, ``via="execution_clause"``.  An introduction by the issuer ("Chủ tịch UBND tỉnh
yêu cầu Giám đốc các sở, … thực hiện các nội dung sau:") addresses the items that follow.  The
addressee block ("Kính gửi:", "… điện:"), meeting attendance and accountability ("chịu trách nhiệm
trước …") give no task.  Who may be addressed depends on the issuer: a council resolution or a
Party programme gives tasks to UBND tỉnh and Thường trực HĐND, a People's Committee never does.

Deadlines are ISO dates when a date is stated ("hoàn thành trước ngày 10 tháng 10 năm 2024");
vague periods ("trong năm 2024", "Quý III/2024") are kept only as ``deadline_text``.
``Task.implements`` holds the identity keys of the cited documents the task carries out
("Triển khai thực hiện Nghị quyết số 57-NQ/TW …").
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from ..model import AgencyRef, CitedDocument, CleanText, DocumentMeta, Section, Task
from .agencies import AgencyFinder, AgencyHit, ListItem, agency_finder, district_names, parse_list
from .patterns.agencies import (
    CHU_TRI_RE,
    CLOSING_FORMULA_RE,
    COLON_RE,
    COMMA_RE,
    COORDINATING_RE,
    COORDINATING_WITH_RE,
    EXECUTION_RE,
    ISSUER_BEFORE_TRIGGER_RE,
    LEAD_IN_RE,
    NOT_PREDICATE_RE,
    OPENER_RE,
    PAREN_AFTER_RE,
    PARTNER_RE,
    TASK_KEYWORD_LITERALS,
    TRIGGER_BLOCK_BEFORE_RE,
    TRIGGER_RE,
    WORD_RE,
    fold_text,
)
from .patterns.common import canonical_province, iso_date, province_regex
from .patterns.tasks import (
    ACCOUNTABLE_RE,
    ADDRESSEE_BLOCK_RE,
    ATTENDANCE_RE,
    CHAIN_BREAK_RE,
    CHAIN_SEP_RE,
    DEADLINE_BEFORE_YEAR_RE,
    DESCRIPTION_BEFORE_VERB_RE,
    IMPLEMENT_GAP_RE,
    IMPLEMENT_VERB_RE,
    CELL_DATE_BEFORE_YEAR_RE,
    NOTE_ONLY_RE,
    PERIOD_BEFORE_YEAR_RE,
    RESULTS_HEADING_RE,
    TABLE_LEAD_RE,
    TABLE_SUPPORT_RE,
    TABLE_TASK_RE,
    TABLE_TIME_RE,
    YEAR_RE,
)
from .structure import Paragraph, closing_start, flatten, heading_part, paragraphs, sentence_table

_WINDOW = 360  # characters after a list start that the matcher looks at
_BULLET_RE = re.compile(r"[-–+•*][ \t\u00a0]+")
_SEMI_RE = re.compile(r";[ \t\u00a0]*")


@dataclass(slots=True)
class _Sentence:
    start: int  # after any inline bullet
    end: int
    para: int
    first: bool  # first sentence of its paragraph


@dataclass(slots=True)
class _Addressee:
    item: ListItem
    via: str
    unit: tuple  # the addressing unit (a section or a paragraph subject) that decides the role


@dataclass(slots=True)
class _Draft:
    sentence: _Sentence
    text_start: int
    addressees: list[_Addressee] = field(default_factory=list)
    partners: list[ListItem] = field(default_factory=list)
    coordinating: bool = False
    execution: bool = False
    chain: tuple = ()
    deadline: tuple | None = None  # (ISO date or None, cell start, cell end) read from a table cell
    text_end: int = -1  # end of the task's text when it is not the sentence's (a table cell)


_TOP_KINDS = frozenset({"roman", "chapter", "article", "markdown"})
_OPENER_WORDS = frozenset({"tren", "can", "đong", "ngoai", "ben", "trong", "theo", "do", "vi", "mat", "rieng", "tuy",
                           "qua", "truong", "neu", "khi", "sau", "hang", "đinh", "tu"})
_PUNCT = "*_#,:;.()\"“”'‘’-–"
_LEAD_IN_WORDS = ("Nhiệm vụ", "Trách nhiệm", "Đối với", "Phân công", "Giao", "Đề nghị", "Yêu cầu")


_FOLDED: dict[str, str] = {}
# a sentence's first word as written -> (folded, 0: starts no list | 1: starts one | 2: look further)
_FIRST_WORD_STATES: dict[int, dict[str, tuple[str, int]]] = {}
_WORD_AT_RE = re.compile(r"\S+")
_FOLDED_TOKENS: dict[str, str] = {}
# the second and third tokens (``patterns.agencies.TOKEN_RE``) after the one at a position
_NEXT_TOKENS_RE = re.compile(r"(?:\w+|[&.:;()!?])[^\w&.:;()!?]*(\w+|[&.:;()!?])?[^\w&.:;()!?]*(\w+|[&.:;()!?])?")


def _fold_word(w: str) -> str:
    """Folded form of a word, punctuation stripped (memoised: sentence-initial words repeat)."""
    f = _FOLDED.get(w)
    if f is None:
        m = WORD_RE.search(fold_text(w))  # "VHTT&DL" -> "vhtt" (as the vocabulary's tokens)
        f = m.group() if m else ""
        if len(_FOLDED) < 100_000:
            _FOLDED[w] = f
    return f


@functools.cache
def _prefix_first_words(heads: tuple[str, ...]) -> frozenset[str]:
    """Folded first words of the lead-ins and heads that may stand before a list."""
    return frozenset(WORD_RE.findall(fold_text(w))[0] for w in (*_LEAD_IN_WORDS, *heads))


class _Reader:
    """Reads the addressee grammar of one document."""

    def __init__(self, text: str, finder: AgencyFinder):
        self.text = text
        self.finder = finder
        self.voc = finder.vocabulary
        self.hits: dict[int, AgencyHit] = {}
        self.resolve = None
        self.flagged: set[int] = set()  # positions where a list may start
        self.first_word = ""
        self.first_of_prefixes = _prefix_first_words(self.voc.heads)
        self.issuer: str | None = None  # issuer kind of the document (``issuer_kind``)
        self._first = _FIRST_WORD_STATES.setdefault(id(self.voc), {})
        self._heads3 = _FIRST_WORD_STATES.setdefault(-id(self.voc), {})  # type: ignore[arg-type]

    # -- where agencies may stand -------------------------------------------------------------
    def list_start(self, pos: int, limit: int) -> bool:
        """Whether an addressee list may start at ``pos`` (lead-ins and heads skipped); the
        positions that pass are remembered in ``self.flagged``.  Most first words can start no
        list: the answer for a word as written is memoised."""
        text = self.text
        hi = pos + 32
        if hi > limit:
            hi = limit
        sp = text.find(" ", pos, hi)
        raw = text[pos:sp if sp != -1 else hi]
        st = self._first.get(raw)
        if st is None:
            if not raw or raw[0].isspace():
                return False
            w = _fold_word(raw.split(None, 1)[0])
            voc = self.voc
            if w in voc.single_starts and w not in voc.place_singles:
                st = (w, 1)
            elif w in self.first_of_prefixes:
                st = (w, 3)
            elif w in voc.first_tokens or w in voc.place_singles:
                st = (w, 2)
            else:
                st = (w, 0)
            if len(self._first) < 100_000:
                self._first[raw] = st
        return self.list_start_with(pos, limit, hi, sp, st)

    def list_start_with(self, pos: int, limit: int, hi: int, sp: int, st: tuple[str, int]) -> bool:
        """``list_start`` once the first word is read: ``hi`` = min(pos + 32, limit), ``sp`` = the
        first space in text[pos:hi] (-1: none), ``st`` = the memoised state of the first word."""
        text = self.text
        w1, state = st
        self.first_word = w1
        if state == 0:
            return False
        if state == 1:
            self.flagged.add(pos)
            return True
        # the next tokens decide: a two-word name, the first three words of a longer one, a place
        # after "Báo" (a sentence opening "Tổ chức thực hiện …" or "Bảo đảm …" starts no list);
        # the answer depends on the first three words only (memoised on them)
        if sp != -1:
            sp = text.find(" ", sp + 1, hi)
            if sp != -1:
                sp = text.find(" ", sp + 1, hi)
        head = text[pos:sp if sp != -1 else hi]
        ok = self._heads3.get(head)
        if ok is None:
            ok, complete = self._by_next_tokens(w1, head)
            if not complete and sp != -1:  # "Sở Xây  dựng": the third word is further on
                ok = self._by_next_tokens(w1, text[pos:hi])[0]
            elif len(self._heads3) < 100_000:
                self._heads3[head] = ok
        if ok:
            self.flagged.add(pos)
            return True
        if state == 2:
            return False
        voc = self.voc
        if w1 not in self.first_of_prefixes:
            return False
        q = pos
        m = LEAD_IN_RE.match(text, q, limit)
        if m:
            q = m.end()
        m = self.finder.heads_re.match(text, q, limit)
        if m:
            q = m.end()
        if q != pos and voc.could_start(text, q):
            self.flagged.add(pos)
            return True
        return False

    def _by_next_tokens(self, w1: str, head: str) -> tuple[bool, bool]:
        """Whether the first words of ``head`` (the text at a position) begin a vocabulary name;
        and whether ``head`` held the three words the answer depends on."""
        voc = self.voc
        m3 = _NEXT_TOKENS_RE.match(head)
        t2 = m3.group(1) if m3 else None
        w2 = self._fold_token(t2) if t2 else ""
        complete = m3 is not None and m3.group(2) is not None
        if (w1, w2) in voc.pairs or (w1 in voc.place_singles and w2 and t2[0].isupper()):
            return True, complete
        return bool((w1, w2) in voc.starts and complete
                    and (w1, w2, self._fold_token(m3.group(2))) in voc.starts3), complete

    def _fold_token(self, raw: str) -> str:
        f = _FOLDED_TOKENS.get(raw)
        if f is None:
            f = "va" if raw == "&" else fold_text(raw)
            if len(_FOLDED_TOKENS) < 100_000:
                _FOLDED_TOKENS[raw] = f
        return f

    def windows(self, starts: list[int], ends: list[int], scans: dict[str, list[tuple[int, int]]]) -> list[tuple]:
        text = self.text
        find = text.find
        first = self._first
        out: list[tuple[int, int]] = []
        for a, e in zip(starts, ends):
            # the common case, read inline: a first word already known to start no list nor opener
            hi = a + 32
            if hi > e:
                hi = e
            sp = find(" ", a, hi)
            st = first.get(text[a:sp if sp != -1 else hi])
            if st is not None and st[1] == 0 and st[0] not in _OPENER_WORDS:
                continue
            self.first_word = ""
            if self.list_start(a, e) if st is None else self.list_start_with(a, e, hi, sp, st):
                out.append((a, min(e, a + _WINDOW), True))
            if self.first_word in _OPENER_WORDS and OPENER_RE.match(text, a, e):
                self.flagged.add(a)
                for c in COMMA_RE.finditer(text, a, min(e, a + 400)):
                    if self.list_start(c.end(), e):
                        out.append((c.end(), min(e, c.end() + _WINDOW), True))

        sentence_at = bisect.bisect_right
        for name in ("trigger", "partner", "semi"):
            for a, b in scans[name]:
                i = sentence_at(starts, a) - 1
                if i < 0:
                    continue
                e = ends[i]
                if a >= e:
                    continue
                hi = b + 32
                if hi > e:
                    hi = e
                sp = find(" ", b, hi)
                st = first.get(text[b:sp if sp != -1 else hi])
                if st is not None and st[1] == 0:
                    continue  # (as in the sentence loop) a first word that starts no list
                if self.list_start(b, e) if st is None else self.list_start_with(b, e, hi, sp, st):
                    out.append((b, min(e, b + _WINDOW), True))
        for a, b in scans["chu_tri"]:
            i = sentence_at(starts, a) - 1
            if i < 0 or a >= ends[i]:
                continue
            # "…, Sở Tài chính chủ trì": an agency after the last clause boundary before the verb
            lo = max(starts[i], a - 120)
            seg = text[lo:a]
            k = max(seg.rfind(","), seg.rfind(";"), seg.rfind(":"))
            q = lo if k == -1 and lo == starts[i] else lo + k + 1
            while q < a and text[q] in " \t\u00a0":
                q += 1
            if k != -1 or lo == starts[i]:
                if self.list_start(q, a):
                    out.append((q, a, True))
            g = seg.lower().rfind("giao ")
            if g != -1 and self.list_start(lo + g + 5, a):
                out.append((lo + g + 5, a, True))
        for a, b in scans["execution"]:
            i = bisect.bisect_right(starts, a) - 1
            if i >= 0 and a < ends[i]:
                out.append((starts[i], min(ends[i], starts[i] + 700), True))
                self.flagged.add(starts[i])
        return out

    # -- lists --------------------------------------------------------------------------------
    def read_list(self, pos: int, limit: int) -> tuple[list[ListItem], int]:
        return parse_list(self.text, pos, self.hits, self.finder, limit=limit, resolve=self.resolve)

    def predicate_after(self, end: int, limit: int) -> str | None:
        """What follows a subject list: "end", "colon", "predicate", or None (not a subject)."""
        text = self.text
        m = PAREN_AFTER_RE.match(text, end, limit)
        if m:
            end = m.end()
        p = end
        while p < limit and text[p] in " \t\u00a0\n*_":
            p += 1
        # (the rest is empty when it is only ". ; , * _" and line breaks: its first character is one)
        if p >= limit or (text[p] in ".;," and text[p:limit].strip(" .;,*_\n") == ""):
            return "end"
        if COLON_RE.match(text, end, limit) and text[end:p + 1].strip().startswith(":"):
            return "colon"
        if NOT_PREDICATE_RE.match(text, end, limit):
            return None
        return "predicate"

    def subject(self, start: int, limit: int, openers: bool = True) -> tuple[list[ListItem], int, str] | None:
        """The subject list at a sentence start: (items, end of list, what follows)."""
        text = self.text
        p = start
        m = LEAD_IN_RE.match(text, p, limit)
        if m:
            p = m.end()
        items, end = self.read_list(p, limit)
        if items:
            kind = self.predicate_after(end, limit)
            if kind is not None:
                return items, end, kind
        if openers and OPENER_RE.match(text, start, limit):
            for c in COMMA_RE.finditer(text, start, min(limit, start + 400)):
                if any(h.end == c.start() for h in self._hits_ending(c.start())):
                    continue  # inside a list of agencies
                items, end = self.read_list(c.end(), limit)
                if items:
                    kind = self.predicate_after(end, limit)
                    if kind is not None:
                        return items, end, kind
        return None

    def _hits_ending(self, pos: int) -> list[AgencyHit]:
        h = self._ends.get(pos)
        return [h] if h is not None else []

    def index(self, hits: list[AgencyHit]) -> None:
        self.hits = {h.start: h for h in hits}
        self._ends = {h.end: h for h in hits}
        self.end_list = sorted(self._ends)
        dist, comm = district_names(hits)
        self.resolve = lambda x: dist if x == "@district" else comm


_ATTENDANCE_WORDS = ("ham dự", "HAM DỰ", "ự họp", "hành phần")


def _attendance(text: str, a: int, e: int) -> bool:
    """Whether a sentence lists who attended ("Tham dự cuộc họp có …"); literal search first."""
    find = text.find
    for w in _ATTENDANCE_WORDS:
        if find(w, a, e) != -1:
            return ATTENDANCE_RE.search(text, a, e) is not None
    return False


def _addressee_blocks(text: str, paras: list[Paragraph]) -> set[int]:
    """Paragraphs of the addressee blocks ("Kính gửi:" and its dash items)."""
    out: set[int] = set()
    n = len(paras)
    for i, p in enumerate(paras):
        if not (text.startswith(("K", "k"), p.content) or (p.end - p.content < 120 and text[p.end - 1] == ":")):
            continue  # (cheap test first)
        if not ADDRESSEE_BLOCK_RE.match(text, p.content, p.end):
            continue
        out.add(i)
        j = i + 1
        while j < n and paras[j].kind in ("dash", "plus") and paras[j].end - paras[j].content < 200:
            out.add(j)
            j += 1
    return out


def _inert(found: dict[str, list[tuple[int, int]]], flagged: set[int], start: int) -> bool:
    """Whether the keywords of a sentence that starts with no agency lead to none: no "chủ trì", and
    no agency after its ";", "giao / đề nghị / yêu cầu" or "phối hợp với" (such a sentence only
    inherits its addressees)."""
    if "chu_tri" in found:
        return False
    for _, b in found.get("semi", ()):
        if b in flagged:
            return False
    for t, b in found.get("trigger", ()):
        if b in flagged and t != start:
            return False
    for _, b in found.get("partner", ()):
        if b in flagged:
            return False
    return True


def _recordable(items: list[ListItem], issuer: str | None = None) -> list[ListItem]:
    return [i for i in items if i.recordable_for(issuer)]


def issuer_kind(meta: DocumentMeta) -> str | None:
    """"party" (Tỉnh ủy, Thành ủy, Ban Thường vụ …), "council" (HĐND) or "government" (UBND) for the
    document's issuer, read from the issuer name, else from its own symbol ("-NQ/TU", "/NQ-HĐND")."""
    issuer = fold_text(meta.issuer or "")
    if issuer:
        if _PARTY_ISSUER_RE.search(issuer):
            return "party"
        if _COUNCIL_ISSUER_RE.search(issuer):
            return "council"
        if _GOVERNMENT_ISSUER_RE.search(issuer):
            return "government"
    symbol = fold_text(meta.symbol or "")
    if symbol:
        if re.search(r"/(?:tu|tw|hu|qu|đu|bcs|ttu)\b", symbol):
            return "party"
        if "hđnd" in symbol:
            return "council"
        if "ubnd" in symbol:
            return "government"
    return None


_PARTY_ISSUER_RE = re.compile(r"^(?:ban thuong vu\s+|ban chap hanh\s+|thuong truc\s+)?(?:tinh|thanh|huyen|quan|thi)\s+uy|đang uy|đang bo")
_COUNCIL_ISSUER_RE = re.compile(r"^(?:thuong truc\s+)?(?:hđnd|hoi đong nhan dan)")
_GOVERNMENT_ISSUER_RE = re.compile(r"^(?:chu tich\s+)?(?:ubnd|uy ban nhan dan)")


def _dedupe(items):
    seen = set()
    out = []
    for it in items:
        key = it.name if isinstance(it, ListItem) else it.item.name
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


def find_tasks(clean: CleanText, meta: DocumentMeta, outline: list[Section], citations: list[CitedDocument]) -> list[Task]:
    text = clean.text
    paras = paragraphs(clean)
    end_of_text = closing_start(paras, len(text))

    # sentences of the body (the closing block, repeated regions, task tables and addressee blocks
    # left out), as parallel lists: start, end, paragraph, first of its paragraph
    rows = _task_table_rows(text, paras, end_of_text)
    skip = _addressee_blocks(text, paras)
    skip.update(rows)
    for i, p in enumerate(paras):
        if p.start >= end_of_text:
            break
        if p.closing or (clean.repeated and clean.is_repeated(p.start)):
            skip.add(i)
    s_start, s_end, s_para, s_first = sentence_table(text, paras, end_of_text, skip, inline_bullets=True)
    if not s_start and not rows:
        return []

    finder = agency_finder()
    reader = _Reader(text, finder)
    reader.issuer = issuer_kind(meta)
    scans = _scan(text, end_of_text)
    windows = reader.windows(s_start, s_end, scans)
    for row in rows.values():
        if row is not None:
            windows += [(a, b) for a, b in (row.lead, row.support) if b > a]
    reader.index(finder.match_windows(text, windows))

    # sections: heading paragraph -> section; paragraph -> chain of enclosing sections
    flat = flatten(outline)
    sec_by_start = {s.start: (s, path) for s, path in flat}
    sec_starts = [s.start for s, _ in flat]
    # top-level sections reporting results (their sentences are not tasks), tested once per section
    results_secs = {id(sec) for sec, _ in flat if sec.kind in _TOP_KINDS and RESULTS_HEADING_RE.match(sec.heading)}
    addressed: dict[int, list[_Addressee]] = {}  # id(section) -> its addressees

    chains = [path + (s,) for s, path in flat]  # every section's chain, built once
    chain_of = {id(s): c for (s, _), c in zip(flat, chains)}

    def chain_at(pos: int) -> tuple[Section, ...]:
        """The sections enclosing ``pos``, outermost first."""
        i = bisect.bisect_right(sec_starts, pos) - 1
        while i >= 0:
            s, path = flat[i]
            if s.start <= pos < max(s.end, s.heading_end) or s.start == pos:
                return chains[i]
            # climb: the enclosing section is an ancestor of this one
            for anc in reversed(path):
                if anc.start <= pos < anc.end:
                    return chain_of[id(anc)]
            i -= 1
        return ()

    # the scans, bucketed by sentence
    buckets: dict[int, dict[str, list[tuple[int, int]]]] = {}
    for name in ("execution", "semi", "chu_tri", "trigger", "partner"):
        for item in scans[name]:
            k = bisect.bisect_right(s_start, item[0]) - 1
            if k >= 0 and item[0] < s_end[k]:
                buckets.setdefault(k, {}).setdefault(name, []).append(item)
    empty: dict[str, list[tuple[int, int]]] = {}

    drafts: list[_Draft] = []
    carry: tuple[int, list[_Addressee]] | None = None  # paragraph subject for its later sentences
    pending: tuple[int, list[ListItem], Section | None] | None = None  # a list line ending in ";" / ","
    intro: list[_Addressee] = []  # addressees named by the issuer in an introduction ("… các nội dung sau:")
    intro_items: list[ListItem] | None = None
    intro_draft: _Draft | None = None  # the introduction itself: a task only when no later task inherits
    intro_used = False

    flagged = reader.flagged
    find = text.find
    cur = -1  # the paragraph of the previous sentence
    in_results = False
    chain: tuple[Section, ...] = ()
    para: Paragraph = paras[0] if paras else None  # type: ignore[assignment]
    # what a sentence that only inherits gets, and whether that is the introduction's: the same for
    # every such sentence of a paragraph until a sentence read in full changes it (None: not known)
    plain: tuple[list[_Addressee], bool] | None = None
    for k, (a, e, pi, first) in enumerate(zip(s_start, s_end, s_para, s_first)):
        if pi != cur:
            # a new paragraph: its chain of sections (from its first sentence), whether it reports results
            cur = pi
            para = paras[pi]
            nxt = chain_at(a)
            if carry is not None or nxt is not chain:
                plain = None  # (what the previous paragraph's sentences inherited holds while its chain does)
            chain = nxt
            in_results = bool(results_secs) and any(id(sec) in results_secs for sec in chain)
            carry = None  # a paragraph's subject is for its own later sentences
        if in_results:
            continue  # a section reporting results: its sentences are not tasks
        heading_sec = None
        if first and para.start in sec_by_start:
            heading_sec = sec_by_start[para.start][0]
        found = buckets.get(k, empty)
        if find(" ", a, e) == -1 or (text[a] == "(" and NOTE_ONLY_RE.match(text, a, e)):
            continue
        if a not in flagged and (found is empty or (_inert(found, flagged, a) and not _attendance(text, a, e))):
            # the common case: no agency at the start, no keyword inside that leads to one — the
            # sentence only inherits (the paragraph's subject, the section's addressees, the
            # introduction's)
            pending = None
            if plain is None:
                if carry is not None:
                    plain = (carry[1], False)
                else:
                    for sec in reversed(chain):
                        got = addressed.get(id(sec))
                        if got is not None:
                            plain = (got, False)
                            break
                    else:
                        plain = (intro, bool(intro))
            inherited, from_intro = plain
            if from_intro:
                intro_used = True
            if not inherited:
                continue
            if first and heading_sec is not None and heading_sec.children and text[a:e].rstrip(" *_").endswith(":"):
                continue  # an introduction to the items below
            draft = _Draft(_Sentence(a, e, pi, first), a, addressees=inherited, chain=chain)
            if "partner" in found:  # "phối hợp với" and no agency after it: only whether it coordinates
                draft.coordinating = bool(COORDINATING_WITH_RE.match(text, a, e))
            drafts.append(draft)
            continue

        plain = None  # a sentence read in full may change what the next ones inherit
        s = _Sentence(a, e, pi, first)
        if _attendance(text, a, e):
            continue  # who attended a meeting, not who must act
        # 1. the sentence's own subject
        subj = reader.subject(a, e) if a in reader.flagged else None
        own: list[ListItem] = []
        predicate_at = a
        kind = None
        if subj is not None:
            items, lend, kind = subj
            own = _recordable(items, reader.issuer)
            if own:
                predicate_at = lend
                if kind == "colon":
                    # "2. Sở Tài chính: Căn cứ …, tham mưu …": the task follows the colon
                    colon = text.find(":", lend, e)
                    if colon != -1 and len(text[colon + 1:e].split()) >= 3:
                        kind, predicate_at = "predicate", colon + 1
        if own and ACCOUNTABLE_RE.match(text, predicate_at, e):
            continue  # "… chịu trách nhiệm trước Chủ tịch UBND tỉnh nếu …": accountability, not a task
        if pending is not None:
            if own and s.first and s.para == pending[0] + 1:
                # a list broken over lines that end in ";" or "," ("Điều 3. Chánh Văn phòng UBND tỉnh;\n
                # Thủ trưởng các sở …; Chủ tịch UBND các huyện … chịu trách nhiệm thi hành …"): one
                # subject, one sentence from the list's first line
                own = pending[1] + own
                if pending[2] is not None:
                    addressed.pop(id(pending[2]), None)
                s = _Sentence(pending[3], s.end, s.para, True)
                a = s.start
            pending = None
        if own and kind == "end" and text[a:e].rstrip(" *_")[-1:] in ";," and e >= para.end - 2 and len(own) <= 40:
            # (a bounded chain: a list of ";" lines that never ends is not one clause)
            pending = (s.para, own, heading_sec, a)
        if own and found.get("execution"):
            draft = _Draft(s, a, chain=chain, execution=True)
            draft.addressees = [_Addressee(it, "execution_clause", ("exec", a)) for it in _dedupe(own)]
            drafts.append(draft)
            continue
        unit_own = ("para", s.para, a)
        if heading_sec is not None and own:
            unit = ("section", heading_sec.start)
            addressed[id(heading_sec)] = [_Addressee(it, "section", unit) for it in own]
            unit_own = ("section", heading_sec.start)
        via_own = "section" if heading_sec is not None and para.kind not in ("dash", "plus") else "sentence"

        # what the sentence would inherit: the paragraph's subject, else the section's addressees
        inherited: list[_Addressee] = []
        intro_used_here = False
        if carry is not None:
            inherited = carry[1]
        else:
            for sec in reversed(chain):
                got = addressed.get(id(sec))
                if got is not None:
                    inherited = got
                    break
            else:
                inherited = intro
                intro_used_here = bool(intro)
        # clause subjects after ";" and "<agency> chủ trì"
        extra: list[ListItem] = []
        semi_extra = False  # a later clause has a subject of its own: the first one keeps the inherited
        clause_partners: list[ListItem] = []
        for sa, sb in found.get("semi", ()):
            if sb in reader.flagged:
                if inherited and TRIGGER_RE.match(text, sb) and not ISSUER_BEFORE_TRIGGER_RE.search(text, max(a, sb - 60), sb):
                    continue  # "…; yêu cầu chủ đầu tư …" said by the addressee: bodies it directs
                sj = reader.subject(sb, e, openers=False)
                if sj is not None and sj[2] == "predicate":
                    # "…; Sở Tài chính phối hợp …": a clause subject that only coordinates is a partner
                    if COORDINATING_RE.match(text, sj[1], e):
                        clause_partners += _recordable(sj[0], reader.issuer)
                    else:
                        got = _recordable(sj[0], reader.issuer)
                        extra += got
                        semi_extra = semi_extra or bool(got)
        for ca, cb in found.get("chu_tri", ()):
            extra += _chu_tri_subject(reader, a, ca)
        # objects of giao / đề nghị / yêu cầu: when the issuer speaks ("Chủ tịch UBND tỉnh yêu
        # cầu Thủ trưởng …"), or nobody is addressed yet (an addressee's "đề nghị Bộ …" is a
        # proposal to a superior, not an assignment)
        issuer_speaks = subj is not None and not own and any(not i.entry.assignable and i.entry.kind != "filler"
                                                             for i in subj[0])
        closing_items: list[ListItem] = []
        if not own:
            for ta, tb in found.get("trigger", ()):
                if ta == a or tb not in reader.flagged:
                    continue  # a lead-in (already read as the subject), or no agency follows
                if TRIGGER_BLOCK_BEFORE_RE.search(text[max(a, ta - 14):ta]):
                    continue
                items, lend = reader.read_list(tb, e)
                if items and CLOSING_FORMULA_RE.match(text, lend, e) and e >= para.end - 4:
                    closing_items += _recordable(items, reader.issuer)
                    continue
                if not (issuer_speaks or not inherited or ISSUER_BEFORE_TRIGGER_RE.search(text, max(a, ta - 60), ta)):
                    continue
                if items and reader.predicate_after(lend, e) is not None:
                    got = _recordable(items, reader.issuer)
                    extra += got
                    if got and not inherited and text[a:e].rstrip(" *_").endswith(":"):
                        # "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, … thực hiện các nội dung sau:":
                        # the addressees of every later task that names none
                        intro_items = got

        if closing_items and not extra:
            draft = _Draft(s, a, chain=chain, execution=True)
            draft.addressees = [_Addressee(it, "execution_clause", ("exec", a)) for it in _dedupe(closing_items)]
            drafts.append(draft)
            continue
        draft = _Draft(s, a, chain=chain)
        if own or extra:
            addressees = [_Addressee(it, via_own, unit_own) for it in own]
            if not own and semi_extra and not issuer_speaks:
                # "Theo chức năng, … chủ động triển khai …; Sở Giáo dục và Đào tạo căn cứ …": the
                # first clause is the inherited addressees' task
                addressees += inherited
            addressees += [_Addressee(it, "sentence", ("clause", a, it.start)) for it in extra]
            draft.addressees = _dedupe(addressees)
            if intro_items:
                intro = [x for x in draft.addressees if x.item in intro_items]
                intro_items = None
                intro_draft = draft
            if own and (kind in ("end", "colon") or predicate_at >= e):
                # a heading or an introduction ("1. Sở Tài chính", "…, Chủ tịch UBND các huyện:")
                carry = (s.para, draft.addressees)
                continue
            if own and heading_sec is not None:
                draft.text_start = _skip_to_predicate(text, predicate_at, e)
            if own:
                carry = (s.para, [x for x in draft.addressees if x.item in own])
        elif not issuer_speaks:
            draft.addressees = inherited
            intro_used = intro_used or (intro_used_here and bool(inherited))
        if not draft.addressees:
            continue
        if s.first and heading_sec is not None and heading_sec.children and text[a:e].rstrip(" *_").endswith(":"):
            continue  # an introduction to the items below

        # coordinating-only predicate, partners
        partner_found = found.get("partner", ())
        if clause_partners or partner_found:
            names = {x.item.name for x in draft.addressees}
            for it in clause_partners:
                if it.name not in names:
                    draft.partners.append(it)
                    names.add(it.name)
            if partner_found:
                pred = predicate_at if own else a
                draft.coordinating = bool(COORDINATING_WITH_RE.match(text, pred, e)) and not found.get("chu_tri", ())
                for pa, pb in partner_found:
                    if pb not in reader.flagged:
                        continue
                    items, _ = reader.read_list(pb, e)
                    for it in _recordable(items, reader.issuer):
                        pname = _other_province(it.name, text[it.start:it.end], meta.province)
                        if not it.entry.collective and pname not in names:
                            draft.partners.append(it)
                            names.add(pname)
        drafts.append(draft)

    if intro_used and intro_draft is not None:
        drafts = [d for d in drafts if d is not intro_draft]  # "… các nội dung sau:" introduces what follows
    for i, row in rows.items():
        if row is None or (clean.repeated and clean.is_repeated(paras[i].start)):
            continue
        d = _table_draft(reader, row, i, chain_at(row.start))
        if d is not None:
            drafts.append(d)
    drafts.sort(key=lambda d: d.sentence.start)
    if meta.province:
        # a provincial (or district) document cannot give a task to a national body: "đề nghị Bộ …"
        # is a request upwards; such bodies stay only as partners
        kept: dict[int, tuple[list[_Addressee], list[_Addressee]]] = {}  # tasks that inherit share one list
        for d in drafts:
            got = kept.get(id(d.addressees))
            if got is None or got[0] is not d.addressees:
                got = kept[id(d.addressees)] = (d.addressees, [x for x in d.addressees if not x.item.entry.national])
            d.addressees = got[1]
        drafts = [d for d in drafts if d.addressees]
    city = _central_city(meta, finder)
    return _tasks_from_drafts(drafts, clean, citations, end_of_text, city, meta.province)


def _central_city(meta: DocumentMeta, finder: AgencyFinder) -> bool:
    """Whether the document is issued at the level of a centrally-run city (its provincial bodies
    are "… thành phố": "Cục Thuế" there is the city's Cục Thuế thành phố)."""
    if canonical_province(meta.province) not in finder.vocabulary.central_cities:
        return False
    issuer = fold_text(meta.issuer or "")
    return issuer.startswith(("ubnd thanh pho", "hđnd thanh pho", "thanh uy", "uy ban nhan dan thanh pho")) or (
        not issuer and meta.province is not None)


_LEVEL_SUFFIX_RE = re.compile(r"\s+(?:tỉnh|thành phố)$", re.IGNORECASE)


def _other_province(name: str, surface: str, province: str | None) -> str:
    """A body of another province keeps its place ("Sở Giao thông vận tải Thành phố Hồ Chí Minh" in a
    Tây Ninh programme); a body of the document's own province drops it."""
    if province is None or not surface or not surface[-1].isalpha():
        return name
    sp = surface.rfind(" ")
    if sp == -1 or not surface[sp + 1].isupper():
        return name  # a province name ends in a capitalised syllable
    key = (name, surface, province)
    got = _OTHER_PROVINCE.get(key)
    if got is None:
        got = _OTHER_PROVINCE[key] = _other_province_name(name, surface, province)
        if len(_OTHER_PROVINCE) > 50_000:
            _OTHER_PROVINCE.clear()
    return got


_OTHER_PROVINCE: dict[tuple[str, str, str], str] = {}


def _other_province_name(name: str, surface: str, province: str) -> str:
    for m in province_regex().finditer(surface, max(0, len(surface) - 40)):
        if m.end() == len(surface):
            place = canonical_province(m.group())
            if place is not None and place != canonical_province(province):
                lead = surface[:m.start()].rstrip()
                word = re.search(r"(?:tỉnh|thành phố|Thành phố|TP\.?)$", lead, re.IGNORECASE)
                base = _LEVEL_SUFFIX_RE.sub("", name)
                return f"{base} {word.group() + ' ' if word else ''}{m.group()}"
            break
    return name


def _level_name(name: str, city: bool, collective: bool) -> str:
    """A provincial body's name completed with the city's level word ("Cục Thuế thành phố", "Các
    sở, ban, ngành thành phố")."""
    if city and name.endswith(" tỉnh"):
        return name[:-5] + " thành phố"
    return name


# ------------------------------------------------------------------------------ task tables

@dataclass(slots=True)
class _Row:
    start: int
    end: int
    task: tuple[int, int]  # cell spans (start, end); (0, 0) when the table has no such column
    lead: tuple[int, int]
    support: tuple[int, int]
    time: tuple[int, int]


def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cell spans of a table row ("| x | y |" or "x | y"), spaces trimmed."""
    out = []
    pos = a
    while True:
        bar = text.find("|", pos, b)
        end = b if bar == -1 else bar
        s, e = pos, end
        while s < e and text[s] in " \t\u00a0*_":
            s += 1
        while e > s and text[e - 1] in " \t\u00a0*_":
            e -= 1
        out.append((s, e))
        if bar == -1:
            break
        pos = bar + 1
    if out and out[0][0] == out[0][1] and text.find("|", a, b) != -1 and text[a:out[0][0] + 1].strip().startswith("|"):
        out = out[1:]  # a leading "|"
    if out and out[-1][0] == out[-1][1]:
        out = out[:-1]  # a trailing "|"
    return out


def _task_table_rows(text: str, paras: list[Paragraph], limit: int) -> dict[int, _Row | None]:
    """Rows of the task tables (paragraph index -> row; None for header and separator rows)."""
    rows: dict[int, _Row | None] = {}
    if not paras or text.find("|", paras[0].content, limit) == -1:
        return rows  # no table in the body (most documents)
    i = 0
    n = len(paras)
    while i < n and paras[i].start < limit:
        p = paras[i]
        if text.count("|", p.content, p.end) < 2:
            i += 1
            continue
        header = _cells(text, p.content, p.end)
        folded = [fold_text(text[a:b]) for a, b in header]
        lead = next((k for k, f in enumerate(folded) if TABLE_LEAD_RE.search(f)), None)
        if lead is None:
            i += 1
            continue
        support = next((k for k, f in enumerate(folded) if k != lead and TABLE_SUPPORT_RE.search(f)), None)
        task = next((k for k, f in enumerate(folded) if k not in (lead, support) and TABLE_TASK_RE.search(f)), None)
        time = next((k for k, f in enumerate(folded) if k not in (lead, support, task) and TABLE_TIME_RE.search(f)), None)
        rows[i] = None
        j = i + 1
        while j < n and paras[j].start < limit and text.find("|", paras[j].content, paras[j].end) != -1:
            q = paras[j]
            cells = _cells(text, q.content, q.end)
            if len(cells) == len(header) and not text[q.content:q.end].replace("|", "").strip(" -:\t") == "":
                def cell(k):
                    return cells[k] if k is not None else (0, 0)
                rows[j] = _Row(q.start, q.end, cell(task), cell(lead), cell(support), cell(time))
            else:
                rows[j] = None  # a separator, or a row with merged cells (a group heading)
            j += 1
        i = j
    return rows


def _cell_items(reader: _Reader, a: int, b: int) -> list[ListItem]:
    out: list[ListItem] = []
    pos = a
    for start in sorted(k for k in reader.hits if a <= k < b):
        if start < pos:
            continue
        items, end = reader.read_list(start, b)
        out += _recordable(items, reader.issuer)
        pos = max(end, start + 1)
    return out


def _table_draft(reader: _Reader, row: _Row, para: int, chain: tuple) -> _Draft | None:
    text = reader.text
    leads = _dedupe(_cell_items(reader, *row.lead))
    if not leads:
        return None
    has_task = row.task[1] > row.task[0]
    start = row.task[0] if has_task else row.start
    d = _Draft(_Sentence(row.start, row.end, para, True), start, chain=chain, text_end=row.task[1] if has_task else -1)
    d.addressees = [_Addressee(it, "sentence", ("row", row.start)) for it in leads]
    names = {it.name for it in leads}
    for it in _cell_items(reader, *row.support):
        if not it.entry.collective and it.name not in names:
            d.partners.append(it)
            names.add(it.name)
    a, b = row.time
    if b > a:
        iso = None
        for m in YEAR_RE.finditer(text, a, b):
            dm = CELL_DATE_BEFORE_YEAR_RE.search(fold_text(text[max(a, m.start() - 20):m.start()]))
            if dm:
                g = dm.groupdict()
                y = m.group()
                iso = iso_date(g["vd"], g["vm"], y) if g.get("vd") else iso_date(g["d"], g["m"], y)
                if iso:
                    break
        d.deadline = (iso, a, b)
    return d


def _scan(text: str, end: int) -> dict[str, list[tuple[int, int]]]:
    """One pass over the text for the words the task grammar reacts to: (start, end) of each
    trigger ("giao", "đề nghị", "yêu cầu" + following spaces), partner phrase ("phối hợp (chặt
    chẽ) (với)"), "chủ trì", execution clause; also "; " clause starts."""
    out: dict[str, list[tuple[int, int]]] = {"trigger": [], "partner": [], "chu_tri": [], "execution": [], "semi": []}
    found = []
    find = text.find
    n = len(text)
    for tail, firsts, kind in TASK_KEYWORD_LITERALS:  # str.find: much faster than a regex over the text
        size = len(tail)
        t = find(tail, 1, end)
        while t != -1:
            a, b = t - 1, t + size
            if text[a] in firsts and not ((a and text[a - 1].isalnum()) or (b < n and text[b].isalnum())):
                found.append((a, b, kind))  # the whole word, not part of another
            t = find(tail, b, end)
    found.sort()
    for a, b, kind in found:
        if kind == "trigger":
            t = TRIGGER_RE.match(text, a)
            if t:
                out["trigger"].append((a, t.end()))
        elif kind == "partner":
            t = PARTNER_RE.match(text, a)
            if t:
                out["partner"].append((a, t.end()))
        elif kind == "chu_tri":
            out["chu_tri"].append((a, b))
        elif kind == "execution":
            t = EXECUTION_RE.match(text, a)
            if t:
                out["execution"].append((a, t.end()))
    out["semi"] = [(m.start(), m.end()) for m in _SEMI_RE.finditer(text, 0, end)]
    return out


def _chu_tri_subject(reader: _Reader, sent_start: int, pos: int) -> list[ListItem]:
    """An agency right before "chủ trì" at a clause start ("…; Sở Tài chính chủ trì …")."""
    text = reader.text
    ends = reader.end_list
    i = bisect.bisect_left(ends, max(sent_start, pos - 30))
    while i < len(ends) and ends[i] <= pos:
        h = reader._ends[ends[i]]
        i += 1
        if h.start < sent_start:
            continue
        m = CHU_TRI_RE.match(text, h.end)
        if not m or m.end() < pos:
            continue
        lo = max(sent_start, h.start - 40)
        before = text[lo:h.start].rstrip()
        hm = _HEAD_BEFORE_RE.search(before)
        if hm:
            before = before[:hm.start()].rstrip()
        at_start = before == "" and lo == sent_start
        if at_start or (before and before[-1] in ",;:") or before.lower().endswith(("trong đó", "theo đó", "giao")):
            items, _ = reader.read_list(h.start, pos)
            return _recordable(items, reader.issuer)
    return []


_HEAD_BEFORE_RE = re.compile(r"(?:Thủ trưởng|Giám đốc|Chủ tịch|Chánh)\s*$")


def _skip_to_predicate(text: str, pos: int, end: int) -> int:
    while pos < end and (text[pos].isspace() or text[pos] in ",:;-–*_"):
        pos += 1
    return pos if pos < end else end


# ------------------------------------------------------------------------------ tasks

def _tasks_from_drafts(drafts: list[_Draft], clean: CleanText, citations: list[CitedDocument],
                       end_of_text: int, city: bool = False, province: str | None = None) -> list[Task]:
    text = clean.text
    src = clean.source.text
    # an addressing unit whose every task only coordinates makes its *groups* support partners
    # ("Các đơn vị lực lượng vũ trang tỉnh: phối hợp …"); a named agency addressed by a heading stays
    # the lead of its own task even when that task opens with "Phối hợp với …"
    units: dict[tuple, bool] = {}
    for d in drafts:
        for x in d.addressees:
            units[x.unit] = units.get(x.unit, True) and d.coordinating
    mentions = _citation_mentions(citations)
    mention_starts = [m[0] for m in mentions]
    year_iter = YEAR_RE.finditer
    find = text.find
    paths: dict[int, str] = {}
    names: dict[int, str] = {}  # id(list item) -> the name reported (items are shared by inheriting tasks)
    # id(addressee list) -> the fields of its agency refs, for a task and for an execution clause
    # (tasks that inherit their addressees share the list)
    ref_fields: dict[tuple[int, bool], list[tuple]] = {}
    tasks: list[Task] = []
    for d in drafts:
        s = d.sentence
        key = (id(d.addressees), d.execution)
        fields = ref_fields.get(key)
        if fields is None:
            fields = ref_fields[key] = []
            for x in d.addressees:
                it = x.item
                entry = it.entry
                role = "support" if units.get(x.unit) and entry.collective and not d.execution else "lead"
                name = names.get(id(it))
                if name is None:
                    name = names[id(it)] = _other_province(_level_name(it.name, city, entry.collective),
                                                           text[it.start:it.end], province)
                fields.append((name, role, x.via, entry.collective, entry.national, it.start, it.end))
        refs = [AgencyRef(*f) for f in fields]
        for it in d.partners:
            name = _other_province(_level_name(it.name, city, it.entry.collective), text[it.start:it.end], province)
            refs.append(AgencyRef(name=name, role="support", via="sentence",
                                  collective=it.entry.collective,
                                  national=it.entry.national, start=it.start, end=it.end))
        if d.deadline is not None:
            deadline, deadline_start, cell_end = d.deadline
            deadline_text = src[deadline_start:cell_end]
        else:
            # the years the sentence mentions (only task sentences are read for them: a year starts
            # with "10", "19", "20" or "29"); the bound leaves the characters after a year that
            # starts inside the sentence visible to the pattern
            a, e = s.start, s.end
            e1 = e + 1
            if find("20", a, e1) == -1 and find("19", a, e1) == -1 and find("10", a, e1) == -1 and find("29", a, e1) == -1:
                years = None
            else:
                years = [m.span() for m in year_iter(text, a, min(end_of_text, e + 5)) if m.start() < e]
            if years:
                deadline, deadline_text, deadline_start = _deadline(text, src, a, e, years)
            else:
                deadline, deadline_text, deadline_start = None, None, -1
        sentence = src[s.start:s.end]
        if "\n" in sentence or "  " in sentence or "\t" in sentence or "\u00a0" in sentence or "\r" in sentence:
            sentence = " ".join(sentence.split())
        path = _chain_path(d.chain, paths)
        end = d.text_end if d.text_end >= 0 else s.end
        tasks.append(Task(
            text=sentence if d.text_start == s.start and end == s.end else " ".join(src[d.text_start:end].split()),
            start=d.text_start,
            end=end,
            sentence=sentence,
            section=path,
            agencies=refs,
            deadline=deadline,
            deadline_text=deadline_text,
            deadline_start=deadline_start,
            implements=(_implements(text, s.start, s.end, mentions, mention_starts)
                        if mentions and bisect.bisect_left(mention_starts, s.start) < bisect.bisect_left(mention_starts, s.end)
                        else []),
        ))
    return tasks


def _chain_path(chain: tuple[Section, ...], paths: dict[int, str]) -> str:
    """``heading_path(chain)``, built on the path of the enclosing section (memoised by section:
    every bullet of a list is a section of its own)."""
    if not chain:
        return ""
    path = paths.get(id(chain[-1]))
    if path is None:
        part = heading_part(chain[-1])
        path = paths[id(chain[-1])] = _chain_path(chain[:-1], paths) + " > " + part if len(chain) > 1 else part
    return path


def _deadline(text: str, src: str, start: int, end: int, years: list[tuple[int, int]]) -> tuple[str | None, str | None, int]:
    """(ISO date, words, start) of the first dated deadline of a sentence, else (None, words of a
    period, start) — read backwards from the years the sentence mentions."""
    period = None
    # (every deadline and period pattern contains one of the words tested before it runs)
    for ya, yb in years:
        lo = max(start, ya - 60)
        raw = text[lo:ya]
        # every deadline and period ends in "năm " or a date separator before the year
        tail = raw.rstrip()
        if not tail or (tail[-1] not in "/.-" and fold_text(tail[-3:]) != "nam"):
            continue
        seg = fold_text(raw)
        m = (DEADLINE_BEFORE_YEAR_RE.search(seg)
             if "truoc" in seg or "cham" in seg or "muon" in seg or "han c" in seg or "trong ngay" in seg else None)
        if m:
            g = m.groupdict()
            y = text[ya:yb]
            iso = iso_date(g["vd"], g["vm"], y) if g.get("vd") else iso_date(g["d"], g["m"], y)
            if iso:
                return iso, src[lo + m.start():yb], lo + m.start()
            continue
        if period is None and ("trong" in seg or "truoc" in seg or "quy" in seg or "đen" in seg or "đau" in seg
                               or "cuoi" in seg or "het" in seg or "cham" in seg):
            m = PERIOD_BEFORE_YEAR_RE.search(seg)
            if m:
                period = (None, src[lo + m.start():yb], lo + m.start())
    return period or (None, None, -1)


def _citation_mentions(citations: list[CitedDocument]) -> list[tuple[int, int, str]]:
    """(phrase start, symbol end, identity key) of every mention, in text order."""
    out = []
    for c in citations:
        key = c.identity.key
        for m in c.mentions:
            qs = m.quote_start if 0 <= m.quote_start <= m.start else m.start
            out.append((qs, m.end, key))
    out.sort()
    return out


def _implements(text: str, start: int, end: int, mentions: list[tuple[int, int, str]],
                starts: list[int] | None = None) -> list[str]:
    if not mentions:
        return []
    if starts is not None:
        i = bisect.bisect_left(starts, start)
        if i == len(starts) or starts[i] >= end:
            return []  # no mention inside the sentence
    else:
        i = bisect.bisect_left(mentions, (start, -1, ""))
    out: list[str] = []
    prev_end = None
    while i < len(mentions) and mentions[i][0] < end:
        qs, me, key = mentions[i]
        i += 1
        ok = False
        if prev_end is not None:
            gap = text[prev_end:qs]
            if ";" not in gap and len(gap) <= 300 and CHAIN_SEP_RE.search(gap) and not CHAIN_BREAK_RE.search(gap):
                ok = True
        if not ok:
            for v in reversed(list(IMPLEMENT_VERB_RE.finditer(text, max(start, qs - 160), qs))):
                if ";" in text[v.end():qs]:
                    break
                if DESCRIPTION_BEFORE_VERB_RE.search(text[max(start, v.start() - 24):v.start()]):
                    continue
                if IMPLEMENT_GAP_RE.match(text, v.end(), qs):
                    ok = True
                    break
        if ok:
            if key not in out:
                out.append(key)
            prev_end = me
        else:
            prev_end = None
    return out
