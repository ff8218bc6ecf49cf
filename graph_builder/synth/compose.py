"""Compose one synthetic document and its gold annotation.

The text is written front to back; every fact the gold records (a citation mention, an
assignment, a target, a project, a named reference) is recorded at the moment its words are
written, with the character span it occupies.  Layout changes made afterwards (a hard-wrapped
PDF-like text layer, a web page scraped twice) are offset maps, and every quote of the gold is
cut from the final text through them, so quotes are always exact substrings of the file.
"""
from __future__ import annotations

import bisect
import datetime as dt
import random
import unicodedata
from dataclasses import dataclass

from . import universe as U
from . import vocab as V
from .universe import NATIONAL, FAMILIES, Ref

# ----------------------------------------------------------------------------- helpers

_PROVINCE_SET = set(V.PROVINCES)
ROMAN_HEADS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def ascii_slug(s: str) -> str:
    s = s.replace("Đ", "D").replace("đ", "d")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    out = []
    for c in s:
        out.append(c if c.isalnum() else "-")
    return "-".join(x for x in "".join(out).split("-") if x)


def vn_number(x: float, decimals: int = 0) -> str:
    """Vietnamese notation: dot thousands, comma decimals."""
    if decimals:
        s = f"{x:.{decimals}f}"
        whole, frac = s.split(".")
        frac = frac.rstrip("0")
    else:
        whole, frac = str(int(round(x))), ""
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ".".join(groups) + ("," + frac if frac else "")


def lower_first(s: str) -> str:
    return s[:1].lower() + s[1:] if s else s


def upper_first(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def canon_local(name: str, u: str) -> str:
    """Canonical name of a provincial body for a province (u="tỉnh") or a city (u="thành phố")."""
    if u == "tỉnh":
        return name
    if name.endswith(" tỉnh"):
        return name[:-5] + " " + u
    return name.replace("UBND tỉnh", f"UBND {u}").replace("ngành tỉnh", f"ngành {u}")


@dataclass(slots=True)
class Cite:
    ref: Ref
    doc_type: str
    mentions: int = 0
    first: tuple[int, int] | None = None
    dated: bool = False
    foreign: bool = False


@dataclass(slots=True)
class Agency:
    canon: str  # canonical (gold) name
    surfaces: list[str]
    collective: bool = False
    domain: str = "admin"


@dataclass(slots=True)
class Shape:
    """What kind of document, and how it is laid out."""

    kind: str  # plan | directive | letter | hdnd | party | national
    layout: str  # header | noheader | web | anonymous
    wrapped: bool = False
    markdown: bool = False


# ----------------------------------------------------------------------------- the composer

class Composer:
    def __init__(self, seed: int, index: int):
        self.seed, self.index = seed, index
        self.rng = rng = random.Random(seed * 1_000_003 + index * 7919 + 17)
        self.ref = U.corpus_ref(seed, index)
        self.slot, self.seq = index % len(U.SLOTS), index // len(U.SLOTS)
        self.fkey = self.ref.family.key
        self.national = self.ref.scope == NATIONAL
        self.province = None if self.national else self.ref.scope
        self.u = V.unit(self.province) if self.province else "tỉnh"
        self.date = self.ref.date
        self.year = self.ref.year
        self.parts: list[str] = []
        self.n = 0
        self.cites: dict[tuple, Cite] = {}
        self.cite_order: list[tuple] = []
        self.two_years: dict[str, bool] = {}
        self._pool: list[Agency] | None = None
        self._decks: dict[str, list[str]] = {}
        self.used_symbols = {self.ref.symbol}
        self.implements: list[str] = []
        self.basis: list[str] = []
        self.implements_named: list[str] = []
        self.basis_named: list[str] = []
        self.named: dict[str, dict] = {}
        self.assign: list[dict] = []
        self.assigned: set[tuple[str, str]] = set()
        self.targets: list[dict] = []
        self.projects: list[dict] = []
        self.project_names: set[str] = set()
        self.notes: list[str] = []
        # style of this document
        r = rng.random()
        self.slip_rate = 0.0 if r < 0.45 else 0.04 if r < 0.85 else 0.12
        self.date_style = rng.choices(("pad", "month", "bare", "verbal", "dash"), (40, 30, 10, 17, 3))[0]
        self.so_rate = rng.choice((0.97, 0.9, 0.75))
        self.shape = self._shape()
        self.anonymous = self.shape.layout == "anonymous"
        self.u_text = self.u
        self.P = self.province or ""
        self.where = f"{self.u} {self.P}" if self.shape.layout in ("noheader", "web") else self.u
        self.domains = list(V.DOMAINS)
        rng.shuffle(self.domains)

    # ------------------------------------------------------------------ writing primitives
    def w(self, s: str) -> int:
        start = self.n
        self.parts.append(s)
        self.n += len(s)
        return start

    def span(self, s: str) -> tuple[int, int]:
        start = self.w(s)
        return start, self.n

    def line(self, s: str = "") -> None:
        self.w(s + "\n")

    def para(self, s: str) -> None:
        self.w(s + "\n\n")

    def heading(self, s: str, level: int = 1) -> None:
        if self.shape.markdown:
            if level == 1:
                self.w(f"**{s}**\n\n")
            else:
                self.w(("## " if self.rng.random() < 0.3 else "") + f"**{s}**\n\n")
        else:
            self.w(s + "\n\n")

    # ------------------------------------------------------------------ shape
    def _shape(self) -> Shape:
        rng = self.rng
        k = self.fkey
        if self.national:
            kind = "national"
        elif k in ("kh_ubnd", "ctr_ubnd", "qd_ubnd"):
            kind = "plan"
        elif k == "ct_ubnd":
            kind = "directive"
        elif k == "cv_ubnd":
            kind = "letter"
        elif k == "nq_hdnd":
            kind = "hdnd"
        else:
            kind = "party"
        r = rng.random()
        layout = "header"
        if kind in ("plan", "directive") and r < 0.10:
            layout = "noheader"
        elif kind == "plan" and r < 0.17:
            layout = "web"
        elif kind == "letter" and r < 0.04:
            layout = "anonymous"
        wrapped = layout in ("header", "noheader", "anonymous") and rng.random() < (0.5 if layout == "anonymous" else 0.12)
        markdown = not wrapped and layout != "web" and rng.random() < 0.12
        return Shape(kind, layout, wrapped, markdown)

    # ------------------------------------------------------------------ dates
    def fmt_date(self, d: dt.date, style: str | None = None) -> str:
        style = style or (self.date_style if self.rng.random() < 0.8 else
                          self.rng.choice(("pad", "month", "verbal")))
        if style == "pad":
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        if style == "month":
            return f"{d.day:02d}/{d.month}/{d.year}" if d.month < 10 else f"{d.day:02d}/{d.month}/{d.year}"
        if style == "bare":
            return f"{d.day}/{d.month}/{d.year}"
        if style == "dash":
            return f"{d.day:02d}-{d.month:02d}-{d.year}"
        return f"{d.day:02d} tháng {d.month} năm {d.year}" if self.rng.random() < 0.7 else \
            f"{d.day:02d} tháng {d.month:02d} năm {d.year}"

    def later(self, lo: int = 10, hi: int = 200) -> dt.date:
        return self.date + dt.timedelta(days=self.rng.randint(lo, hi))

    # ------------------------------------------------------------------ the universe
    NATIONAL_W = (("nq_cp", 20), ("qd_ttg", 12), ("ct_ttg", 8), ("cd_ttg", 8), ("tb_vpcp", 3), ("cv_vpcp", 3),
                  ("cv_bo", 6), ("bc_bo", 2), ("nd_cp", 8), ("qdn_ttg", 3), ("tt_bo", 5), ("nq_qh", 4),
                  ("nq_tw", 8), ("kl_tw", 6), ("ct_tw", 4))
    LOCAL_W = (("nq_hdnd", 14), ("qd_ubnd", 16), ("kh_ubnd", 18), ("ct_ubnd", 6), ("ctr_ubnd", 5), ("tb_ubnd", 6),
               ("cv_ubnd", 6), ("cv_so", 4), ("nqn_hdnd", 6), ("qdn_ubnd", 4), ("nq_tu", 5), ("ct_tu", 3),
               ("ctr_tu", 3), ("kl_tu", 2), ("tb_tu", 2), ("kh_tu", 2), ("cv_bcsd", 1))
    _NW = ([k for k, _ in NATIONAL_W], [w for _, w in NATIONAL_W])
    _LW = ([k for k, _ in LOCAL_W], [w for _, w in LOCAL_W])

    def pick(self, local: bool | None = None, fkey: str | None = None, province: str | None = None,
             recent: bool = False) -> Ref | None:
        """A document dated before this one, not yet cited here."""
        rng = self.rng
        if local is None:
            local = (not self.national) and rng.random() < 0.5
        for _ in range(8):
            if local and self.seq > 0 and fkey is None and province is None and rng.random() < 0.25:
                ref = U.corpus_ref(self.seed, rng.randrange(self.seq) * len(U.SLOTS) + self.slot)
            else:
                fk = fkey or rng.choices(*(self._LW if local else self._NW))[0]
                f = FAMILIES[fk]
                off = 0 if recent else rng.choices((0, 1, 2, 3, 4, 6, 9), (42, 30, 10, 6, 5, 4, 3))[0]
                if off > 2 and not (f.form == "normative" or f.code in ("NQ", "CT", "KL")):
                    off = 1
                year = self.year - off
                maxn = U.number_before(f, year, self.date)
                if maxn < 1:
                    year -= 1
                    maxn = f.cap
                if rng.random() < 0.4:
                    hot = [1 + U._h("hot", fk, year, i) % maxn for i in range(8)]
                    number = rng.choice(hot)
                else:
                    number = rng.randint(1, maxn)
                scope = NATIONAL if f.national else (province or self.province or V.PROVINCES[0])
                ref = U.make_ref(fk, number, year, scope)
            if ref.date < self.date and ref.symbol not in self.used_symbols:
                return ref
        return None

    # ------------------------------------------------------------------ citations
    def spell(self, ref: Ref) -> str:
        """The symbol as written: usually canonical, sometimes with a slip of the source."""
        n, yr, code, icode = ref.parts
        f = ref.family
        if self.slip_rate == 0 or self.rng.random() >= self.slip_rate:
            return ref.symbol
        rng = self.rng
        if f.key == "nq_cp" and rng.random() < 0.15:
            return f"{n}-NQ/CP"  # Party form written for a Government resolution
        slip = rng.choice(("space_after", "space_around", "dash", "ascii", "split", "nohyphen"))
        if f.form == "party":
            a, b = f"{n}", f"{code}/{icode}"
            if slip == "space_after":
                return f"{a}- {b}"
            if slip == "space_around":
                return f"{a} - {b}"
            if slip == "dash":
                return f"{a}\u2013{b}"
            if slip == "split":
                return f"{a}-\n{b}"
            return ref.symbol
        head = f"{n}/{yr}/" if yr else f"{n}/"
        if code:
            a, b = f"{head}{code}", icode
        elif "-" in icode:
            x, _, y = icode.partition("-")
            a, b = f"{head}{x}", y
        else:
            return ref.symbol
        if slip == "space_after":
            return f"{a}- {b}"
        if slip == "space_around":
            return f"{a} - {b}"
        if slip == "dash":
            return f"{a}\u2013{b}"
        if slip == "split":
            return f"{a}-\n{b}"
        if slip == "nohyphen" and code:
            return f"{a}{b}" if yr else f"{a} {b}"
        if slip == "ascii" and "Đ" in a + b:
            return f"{a}-{b}".replace("Đ", "D")
        return ref.symbol

    def type_word(self, ref: Ref, lower: bool = False) -> str:
        f = ref.family
        rng = self.rng
        w = f.words[0]
        if len(f.words) > 1 and rng.random() < 0.3:
            w = f.words[1]
        if w == "Chỉ thị" and rng.random() < 0.01:
            w = "Chi thị"
        return lower_first(w) if lower else w

    def issuer_text(self, ref: Ref, foreign: bool = False) -> str:
        texts = ref.issuer_texts
        if foreign:
            texts = [t for t in texts if ref.scope in t] or [f"{t} {ref.scope}" for t in texts]
        elif self.anonymous or self.national:
            texts = [t for t in texts if not self.P or self.P not in t] or texts
        return self.rng.choice(texts)

    def register(self, ref: Ref, foreign: bool = False) -> Cite:
        c = self.cites.get(ref.key)
        if c is None:
            c = Cite(ref, ref.family.doc_type, foreign=foreign)
            self.cites[ref.key] = c
            self.cite_order.append(ref.key)
            self.used_symbols.add(ref.symbol)
        return c

    def cite(self, ref: Ref, *, date: bool | None = None, issuer: bool | None = None, subject: bool | None = None,
             so: bool | None = None, word: bool = True, lower: bool | None = None, foreign: bool = False) -> None:
        """Write one mention of ``ref`` ("Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ về …")."""
        rng = self.rng
        c = self.register(ref, foreign)
        first = c.mentions == 0
        if date is None:
            date = rng.random() < (0.78 if first else 0.12)
        if issuer is None:
            issuer = foreign or rng.random() < (0.65 if first else 0.1)
        if subject is None:
            subject = first and rng.random() < 0.45
        if so is None:
            so = rng.random() < self.so_rate
        if lower is None:
            lower = rng.random() < 0.08
        core = []
        if word:
            core.append(self.type_word(ref, lower) + " ")
        if so:
            core.append("số ")
        core.append(self.spell(ref))
        if date:
            core.append(" ngày " + self.fmt_date(ref.date))
            c.dated = True
        if issuer:
            core.append(" của " + self.issuer_text(ref, foreign))
        s = self.span("".join(core))
        c.mentions += 1
        if first:
            c.first = s
        if subject:
            self.w(" " + ref.subject)

    def cite_list(self, refs: list[Ref]) -> None:
        """A list of documents sharing a type word (and an issuer): "các Chỉ thị số A ngày …, số B ngày … của …"."""
        rng = self.rng
        style = rng.choice("ABCD")
        dated = rng.random() < 0.85
        tail_issuer = rng.random() < 0.7
        # the name shared by every item (no term: the items may span two terms)
        issuer = refs[0].issuer_texts[0] if not (self.anonymous and self.P and self.P in refs[0].issuer_texts[0]) \
            else self.issuer_text(refs[0])
        word = self.type_word(refs[0])
        if style == "D":
            self.w(f"các {word} của {issuer}: ")
            tail_issuer = False
        elif style == "A":
            self.w("các ")
        for i, ref in enumerate(refs):
            c = self.register(ref)
            if i:
                self.w(" và " if i == len(refs) - 1 and rng.random() < 0.5 else ", ")
            parts = []
            if style in ("A", "B", "C") and i == 0 or style == "B":
                parts.append(word + " ")
            if style != "C" or i == 0:
                parts.append("số ")
            parts.append(self.spell(ref))
            if dated:
                parts.append(" ngày " + self.fmt_date(ref.date))
                c.dated = True
            if tail_issuer and i == len(refs) - 1:
                parts.append(" của " + issuer)
            s = self.span("".join(parts))
            if c.mentions == 0:
                c.first = s
            c.mentions += 1

    def list_refs(self, local: bool) -> list[Ref]:
        """2-5 documents of one family and issuer, for a list."""
        first = self.pick(local=local)
        if first is None:
            return []
        out = [first]
        self.used_symbols.add(first.symbol)
        for _ in range(self.rng.randint(1, 4)):
            ref = self.pick(local=local, fkey=first.family.key)
            if ref is None or ref.issuer != first.issuer or ref.family.key != first.family.key:
                continue
            out.append(ref)
            self.used_symbols.add(ref.symbol)
        for r in out:
            self.used_symbols.discard(r.symbol)
        out.sort(key=lambda r: r.date)
        return out

    def back_ref(self, ref: Ref) -> None:
        """A later short mention ("Nghị quyết số 01/NQ-CP", "Nghị quyết 01/NQ-CP")."""
        self.cite(ref, date=self.rng.random() < 0.15, issuer=self.rng.random() < 0.3, subject=False)

    # ------------------------------------------------------------------ named references
    def named_ref(self, name: str, kind: str, written: str | None = None, date: str | None = None) -> None:
        written = written or name
        s = self.span(written)
        if name not in self.named:
            rec = {"name": upper_first(name), "kind": kind, "first_quote": s}
            if date:
                rec["date"] = date
            self.named[name] = rec

    # ------------------------------------------------------------------ agencies
    MINISTRY_DOMAINS = ("plan", "finance", "admin", "industry", "urban", "transport", "agri", "env", "social", "edu",
                        "health", "culture", "digital", "digital", "admin", "finance")

    def agency_pool(self) -> list[Agency]:
        if self._pool is not None:
            return list(self._pool)
        u = self.u
        out = []
        if self.national:
            self._pool = [Agency(m[0], [m[0]], False, d) for m, d in zip(V.MINISTRIES, self.MINISTRY_DOMAINS)]
            return list(self._pool)
        for canon, surfaces in V.DEPARTMENTS.items():
            out.append(Agency(canon_local(canon, u), [s.format(u=u) for s in surfaces], False,
                              V.AGENCY_DOMAIN[canon]))
        self._pool = out
        return list(out)

    def collective_depts(self) -> Agency:
        u = self.u
        return Agency(canon_local("Các sở, ban, ngành tỉnh", u),
                      [s.format(u=u) for s in V.COLLECTIVES["Các sở, ban, ngành tỉnh"]], True)

    def collective_districts(self) -> Agency:
        if self.u == "thành phố":
            canon = V.CITY_DISTRICTS_COLLECTIVE
        else:
            canon = V.DISTRICTS_COLLECTIVE[U._h("districts", self.P) % len(V.DISTRICTS_COLLECTIVE)]
        tail = canon[len("UBND "):]
        return Agency(canon, [canon, f"Chủ tịch UBND {tail}", f"Ủy ban nhân dân {tail}"], True)

    def other_collectives(self) -> list[Agency]:
        u = self.u
        return [Agency(canon_local(c, u), [s.format(u=u) for s in ss], True)
                for c, ss in V.COLLECTIVES.items() if c != "Các sở, ban, ngành tỉnh"]

    def record_assignment(self, ag: Agency, role: str, via: str, quote: tuple[int, int],
                          deadline: dt.date | None = None, deadline_span: tuple[int, int] | None = None) -> None:
        key = (ag.canon, role)
        if key in self.assigned and deadline is None:
            return
        if key in self.assigned:
            # an extra entry only for a later task with a specific deadline
            pass
        self.assigned.add(key)
        self.assign.append({"agency": ag.canon, "role": role, "quote": quote,
                            "deadline": deadline.isoformat() if deadline else None,
                            "deadline_quote": deadline_span, "collective": ag.collective, "via": via})

    # ------------------------------------------------------------------ tasks
    def task_body(self, domain: str) -> str:
        rng = self.rng
        verb = rng.choice(V.TASK_VERBS).format(u=self.u)
        obj = rng.choice(V.TASK_OBJECTS)
        tail = lower_first(self.sentence(domain))
        return f"{verb} {obj}; {tail}"

    def deadline_phrase(self) -> tuple[str, dt.date | None]:
        """A deadline: specific dates become gold deadlines, periods do not."""
        rng = self.rng
        r = rng.random()
        if r < 0.55:
            d = self.later()
            lead = rng.choice(("hoàn thành trước ngày ", "trước ngày ", "báo cáo kết quả trước ngày ",
                               "chậm nhất ngày "))
            return lead + self.fmt_date(d, rng.choice(("pad", "month", "verbal"))), d
        q = rng.choice(("I", "II", "III", "IV"))
        return rng.choice((f"hoàn thành trong Quý {q}/{self.year}", f"trong Quý {q} năm {self.year}",
                           f"định kỳ hằng quý", f"trong năm {self.year}", "trước ngày 20 hằng tháng")), None

    def write_task(self, lead: Agency | None, domain: str, partners: list[Agency], *, bullet: str = "- ",
                   giao: bool = False, deadline: bool | None = None, record_lead: str | None = None,
                   named: bool = False) -> None:
        """One task line.  ``record_lead``: via of the lead's gold entry (None: the caller records it)."""
        rng = self.rng
        if deadline is None:
            deadline = rng.random() < 0.3
        self.w(bullet)
        start = self.n
        if lead is not None and giao:
            self.w("Giao ")
            self.w(rng.choice(lead.surfaces))
            self.w(" chủ trì, phối hợp với " if partners else " chủ trì ")
        elif lead is not None and named:
            self.w(rng.choice(lead.surfaces))
            self.w(" chủ trì, phối hợp với " if partners else " ")
            if not partners:
                giao = True  # the task body continues the sentence
        elif partners:
            self.w(rng.choice(("Chủ trì, phối hợp với ", "Chủ động phối hợp với ", "Phối hợp với ")))
        named_partners = []
        if partners:
            names = [rng.choice(p.surfaces) for p in partners]
            named_partners = list(partners)
            group = rng.random() < 0.6
            if len(names) > 1:
                self.w(", ".join(names[:-1]) + (", " if group else " và ") + names[-1])
            else:
                self.w(names[0])
            if group:
                self.w(" và " + rng.choice(V.GROUP_PARTNERS))
            self.w(" ")
            body = lower_first(self.task_body(domain))
        else:
            body = self.task_body(domain)
            if lead is not None and giao:
                body = lower_first(body)
        self.w(body)
        dl, dspan = None, None
        if deadline:
            phrase, dl = self.deadline_phrase()
            self.w("; ")
            dspan = self.span(phrase)
        self.w(".\n")
        quote = (start, self.n - 2)
        if lead is not None and record_lead:
            self.record_assignment(lead, "lead", record_lead, quote, dl, dspan if dl else None)
        for p in named_partners:
            self.record_assignment(p, "support", "sentence", quote, dl, dspan if dl else None)
        self._last_task = (quote, dl, dspan if dl else None)

    # ------------------------------------------------------------------ targets
    def figure(self, kind: str) -> tuple[str, float | None, str, tuple[float, float] | None]:
        """(value as written, value_num, comparator, range) for an indicator kind."""
        rng = self.rng
        if kind == "growth":
            if rng.random() < 0.45:
                lo = rng.choice((5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 10))
                hi = lo + rng.choice((0.5, 1))
                dec = 1 if (lo % 1 or hi % 1) else 0
                sep = rng.choice(("-", "-", " - "))
                return f"{vn_number(lo, dec)}{sep}{vn_number(hi, dec)}", None, "range", (lo, hi)
            v = round(rng.uniform(5, 10.5), 1)
            return vn_number(v, 1), v, rng.choice(("=", ">", "≈")), None
        if kind in ("pct", "high_pct"):
            v = round(rng.uniform(40, 99) if kind == "pct" else rng.uniform(90, 99.9), rng.choice((0, 1)))
            return vn_number(v, 1 if v % 1 else 0), v, rng.choice(("=", "=", ">", ">=")), None
        if kind == "small_pct":
            v = round(rng.uniform(0.3, 2.0), 1)
            return vn_number(v, 1), v, rng.choice(("=", "<", "≈")), None
        if kind == "money_big":
            v = rng.randint(15, 950) * 100
            return vn_number(v), v, rng.choice(("=", "=", ">")), None
        if kind == "money_mid":
            v = rng.randint(10, 900) * 10
            return vn_number(v), v, rng.choice(("=", ">", ">=")), None
        if kind == "money_small":
            v = round(rng.uniform(40, 160), rng.choice((0, 1)))
            return vn_number(v, 1 if v % 1 else 0), v, rng.choice(("=", ">")), None
        if kind == "count_big":
            v = rng.randint(8, 45) * 1000
            return vn_number(v), v, rng.choice(("=", ">=")), None
        if kind == "count_mid":
            v = rng.randint(30, 600) * 10
            return vn_number(v), v, rng.choice(("=", ">=")), None
        if kind == "count_small":
            v = rng.randint(2, 25)
            s = f"{v:02d}" if v < 10 and rng.random() < 0.5 else str(v)
            return s, v, rng.choice(("=", ">=")), None
        if kind == "ratio":
            v = round(rng.uniform(8, 60), rng.choice((0, 1)))
            return vn_number(v, 1 if v % 1 else 0), v, rng.choice(("=", ">=")), None
        v = round(rng.uniform(1.5, 12.5), 1)
        return vn_number(v, 1), v, rng.choice(("=", ">")), None

    COMPARATOR_WORDS = {"=": ("đạt {v}",), ">": ("đạt trên {v}", "trên {v}"),
                        ">=": ("đạt từ {v}{u} trở lên", "tối thiểu {v}", "đạt ít nhất {v}"),
                        "<": ("dưới {v}", "giảm còn dưới {v}"), "≈": ("khoảng {v}", "đạt khoảng {v}"),
                        "range": ("{v}", "từ {v}", "đạt {v}")}

    SMALL_PCT_WORDS = {"=": ("giảm {v}", "giảm còn {v}"), "<": ("còn dưới {v}",), "≈": ("còn khoảng {v}",)}

    def target_phrase(self, indicator: str, unit: str, kind: str) -> tuple[str, dict]:
        value, num, comp, rng_ = self.figure(kind)
        words_by = self.SMALL_PCT_WORDS if kind == "small_pct" else self.COMPARATOR_WORDS
        tmpl = self.rng.choice(words_by[comp])
        sep = "" if unit == "%" else " "
        if "{u}" in tmpl:
            words = tmpl.format(v=value, u=sep + unit)
        else:
            words = tmpl.format(v=value) + sep + unit
        if num is not None and float(num).is_integer():
            num = int(num)
        rec = {"indicator": indicator, "value": value, "value_num": num, "unit": unit, "comparator": comp}
        if rng_:
            rec["range"] = [int(x) if float(x).is_integer() else x for x in rng_]
        return words, rec

    def target_item(self, label: str, year: int) -> None:
        """One item of a numbered target list; some state two figures ("…, trong đó …")."""
        rng = self.rng
        deck = getattr(self, "_indicators", None)
        indicator, unit, kind = deck.pop() if deck else rng.choice(V.INDICATORS)
        if self.national:
            indicator = indicator.replace("tổng sản phẩm trên địa bàn (GRDP)", "tổng sản phẩm trong nước (GDP)") \
                .replace(" trên địa bàn", "").replace("GRDP", "GDP")
        self.w(f"{label} ")
        start = self.n
        words, rec = self.target_phrase(indicator, unit, kind)
        self.w(f"{indicator} {words}")
        rec.update(year=year, quote=(start, self.n), list_item=label)
        self.targets.append(rec)
        subs = {"Tổng thu ngân sách nhà nước trên địa bàn": ("thu nội địa", "thu từ hoạt động xuất nhập khẩu"),
                "Tổng vốn đầu tư toàn xã hội": ("vốn ngân sách nhà nước", "vốn đầu tư của khu vực ngoài nhà nước")}
        if indicator in subs and rng.random() < 0.35:
            self.w(", trong đó ")
            s2 = self.n
            sub = rng.choice(subs[indicator])
            v = int(rec["value_num"] * rng.uniform(0.5, 0.9)) // 100 * 100 or 100
            value = vn_number(v)
            self.w(f"{sub} {value} {unit}")
            self.targets.append({"indicator": upper_first(sub), "value": value, "value_num": v, "unit": unit,
                                 "comparator": "=", "year": year, "quote": (s2, self.n), "list_item": label})
        self.w(".\n")

    def target_list(self, year: int, n: int) -> None:
        paren = self.rng.random() < 0.7
        self._indicators = self.rng.sample(V.INDICATORS, len(V.INDICATORS))
        for i in range(1, n + 1):
            label = f"({i})" if paren else f"{i}."
            if not paren:
                # "1." items would read as headings: keep the gold list_item as written
                pass
            if self.rng.random() < 0.3 and paren:
                self.w("- ")
            self.target_item(label, year)
        self.w("\n")

    def strive_sentence(self, year: int) -> None:
        """A quantified "phấn đấu … đạt X" statement inside a paragraph."""
        rng = self.rng
        indicator, unit, kind = rng.choice(V.INDICATORS)
        if self.national:
            indicator = indicator.replace(" trên địa bàn", "").replace("GRDP", "GDP")
        lead = rng.choice((f"Phấn đấu đến hết năm {year}, ", f"Phấn đấu năm {year} ", "Phấn đấu "))
        self.w(lead)
        start = self.n
        words, rec = self.target_phrase(lower_first(indicator), unit, kind)
        self.w(f"{lower_first(indicator)} {words}")
        rec.update(year=year, quote=(start, self.n))
        rec["indicator"] = upper_first(rec["indicator"])
        self.targets.append(rec)
        self.w(". ")

    def result_sentence(self) -> None:
        """Achieved or estimated results: figures that are not targets."""
        rng = self.rng
        indicator, unit, kind = rng.choice(V.INDICATORS)
        value, *_ = self.figure(kind)
        sep = "" if unit == "%" else " "
        self.w(rng.choice((f"Năm {self.year - 1}, ", f"{rng.choice(('Sáu', 'Chín'))} tháng đầu năm {self.year}, ",
                           "Ước cả năm, ")))
        self.w(f"{lower_first(indicator)} ước đạt {value}{sep}{unit}, "
               f"{rng.choice(('tăng', 'bằng'))} {vn_number(rng.uniform(1, 15), 1)}% so với cùng kỳ. ")

    # ------------------------------------------------------------------ projects
    def place(self) -> str:
        while True:
            a, b = self.rng.sample(V.PLACE_SYLLABLES, 2)
            p = f"{a} {b}"
            if p not in _PROVINCE_SET:
                return p

    def project_phrase(self) -> None:
        rng = self.rng
        r = rng.random()
        items: list[tuple[str, str]] = []  # (gold name, written)
        if r < 0.3:
            k = rng.choice((1, 2, 2, 3))
            places = [self.place() for _ in range(k)]
            abbrev = rng.random() < 0.35
            if k > 1 and not abbrev:
                written = "các khu công nghiệp " + ", ".join(places)
                items = [(f"Khu công nghiệp {p}", "") for p in places]
                self.w(rng.choice(("Đẩy nhanh tiến độ đầu tư hạ tầng ", "Tập trung thu hút đầu tư lấp đầy ")))
                s = self.span(written)
                for name, _ in items:
                    self._project(name, s)
                self.w(". ")
                return
            items = [(f"Khu công nghiệp {p}", (f"KCN {p}" if abbrev else f"Khu công nghiệp {p}")) for p in places]
            lead = "Hoàn thành giải phóng mặt bằng, bàn giao đất sạch cho nhà đầu tư hạ tầng "
        elif r < 0.45:
            p = self.place()
            items = [(f"Cụm công nghiệp {p}", rng.choice((f"Cụm công nghiệp {p}", f"CCN {p}")))]
            lead = "Đẩy nhanh tiến độ đầu tư xây dựng hạ tầng kỹ thuật "
        elif r < 0.6:
            n = rng.randint(1, 60)
            letter = rng.choice(("", "", "A", "B", "C", "D", "E"))
            name = f"Quốc lộ {n}{letter}"
            items = [(name, name)]
            lead = rng.choice(("Phối hợp với các bộ, ngành Trung ương đẩy nhanh tiến độ nâng cấp, mở rộng ",
                               "Hoàn thành công tác chuẩn bị đầu tư dự án cải tạo "))
        elif r < 0.72:
            street = rng.choice(V.STREET_NAMES)
            items = [(f"Đường {street}", f"đường {street}")]
            lead = rng.choice(("Khẩn trương thi công hoàn thiện ", "Đưa vào khai thác tuyến "))
        elif r < 0.82:
            p = self.place()
            name = rng.choice((f"Trung tâm Y tế huyện {p}", f"Bệnh viện đa khoa khu vực {p}"))
            items = [(name, name)]
            lead = "Đầu tư xây dựng, nâng cấp cơ sở vật chất "
        elif r < 0.92:
            p = self.place()
            items = [(f"Cầu {p}", f"cầu {p}")]
            lead = rng.choice(("Sớm khởi công xây dựng ", "Hoàn thành đầu tư "))
        else:
            a, b = self.place(), self.place()
            name = f"Tuyến đường bộ cao tốc {a} - {b}"
            items = [(name, lower_first(name))]
            lead = "Phối hợp thực hiện công tác bồi thường, giải phóng mặt bằng dự án "
        self.w(lead)
        for i, (name, written) in enumerate(items):
            if i:
                self.w(", " if i < len(items) - 1 else " và ")
            s = self.span(written)
            self._project(name, s)
        self.w(rng.choice((", bảo đảm chất lượng, tiến độ. ", " trong năm nay. ", ". ")))

    def _project(self, name: str, s: tuple[int, int]) -> None:
        if name in self.project_names:
            return
        self.project_names.add(name)
        self.projects.append({"name": name, "quote": s})

    # ------------------------------------------------------------------ distractors
    DISTRACTORS = (
        "Khắc phục kịp thời hậu quả của Bão số {n} và hoàn lưu sau bão",
        "Tổng hợp kết quả thực hiện Quý {q}/{y}, báo cáo trước khi tổ chức hội nghị sơ kết",
        "Chi tiết các dự án tại Phụ lục số {n} kèm theo",
        "Kiện toàn Tổ công tác số {n} về tháo gỡ khó khăn cho dự án",
        "Lập quy hoạch chi tiết tỷ lệ 1/500 các khu dân cư, khu tái định cư",
        "Đường dây nóng tiếp nhận phản ánh: 0{n}{n}.38{n}{n}.{n}{n}{n}",
        "Áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia TCVN ISO 9001:2015",
        "Chuẩn bị tốt các điều kiện cho năm học {y} - {y1}",
        "Tổ chức thành công hội nghị ngày {d}/{m}/{y} của Ban Chỉ đạo",
        "Thực hiện đúng trình tự, thủ tục theo khoản {n} Điều {n2} của văn bản hướng dẫn",
        "Đến cuối tháng trước, dư nợ tín dụng toàn địa bàn tăng {n}-{n3}% so với đầu năm",
        "Phối hợp đẩy nhanh tiến độ gói thầu số {n} của dự án",
    )

    def distractor(self) -> None:
        rng = self.rng
        d = rng.choice(self.DISTRACTORS)
        self.w(d.format(n=rng.randint(1, 9), n2=rng.randint(10, 60), n3=rng.randint(11, 16),
                        q=rng.choice(("I", "II", "III", "IV")), y=self.year, y1=self.year + 1,
                        d=rng.randint(1, 28), m=rng.randint(1, 12)) + ". ")

    def named_sentence(self) -> None:
        rng = self.rng
        r = rng.random()
        self.w(rng.choice(("Tổ chức thực hiện hiệu quả ", "Tiếp tục triển khai ", "Đẩy nhanh tiến độ thực hiện ")))
        if r < 0.25 and not self.anonymous and not self.national and self.year >= 2022:
            name = f"Quy hoạch {self.u} {self.P} thời kỳ 2021 - 2030, tầm nhìn đến năm 2050"
            self.named_ref(name, "plan")
        elif r < 0.45 and (laws := [x for x in V.LAWS[2:] if x[1] < self.date.isoformat()]):
            law, ldate = rng.choice(laws)
            y = ldate[:4]
            self.named_ref(f"{law} năm {y}", "law")
        else:
            name, kind = rng.choice(V.NAMED_PROGRAMMES)
            self.named_ref(name, kind)
        self.w(". ")

    # ------------------------------------------------------------------ paragraphs
    def sentence(self, domain: str) -> str:
        """A filler sentence of ``domain``: from the domain's deck first, then composed."""
        deck = self._decks.get(domain)
        if deck is None:
            deck = list(V.FILLER[domain])
            self.rng.shuffle(deck)
            self._decks[domain] = deck
        if deck:
            return deck.pop()
        rng = self.rng
        s = f"{rng.choice(V.ACTIONS)} {rng.choice(V.OBJECTS[domain])}"
        if rng.random() < 0.6:
            s += ", " + rng.choice(V.PURPOSES)
        return s

    def filler(self, domain: str, k: int) -> None:
        self.w(". ".join(self.sentence(domain) for _ in range(k)) + ". ")

    CITE_FRAMES = (
        ("Triển khai thực hiện có hiệu quả ", ". "),
        ("Tiếp tục thực hiện nghiêm ", "; "),
        ("Tổ chức thực hiện tốt các nhiệm vụ, giải pháp tại ", ". "),
        ("Thực hiện có hiệu quả các nhiệm vụ được giao tại ", ". "),
        ("Quán triệt, triển khai thực hiện nghiêm ", ". "),
        ("Rà soát, đánh giá kết quả thực hiện ", " để đề xuất giải pháp trong thời gian tới. "),
        ("Bám sát nội dung ", ", kịp thời tham mưu điều chỉnh, bổ sung các giải pháp phù hợp. "),
        ("Thực hiện đúng quy định tại ", ". "),
    )

    def body_paragraph(self, domain: str, queue: list, year: int) -> None:
        """A paragraph of a domain: filler, citations from ``queue``, maybe a target, a project."""
        rng = self.rng
        self.filler(domain, rng.randint(1, 3))
        for _ in range(rng.choice((0, 1, 1, 1, 2, 2, 3))):
            if not queue:
                break
            item = queue.pop()
            pre, post = rng.choice(self.CITE_FRAMES)
            self.w(pre)
            if isinstance(item, list):
                self.cite_list(item)
            elif isinstance(item, tuple) and item[0] == "foreign":
                self.cite(item[1], foreign=True)
            elif isinstance(item, tuple):
                queue.append(item)
                self.pop_special(queue)
            else:
                self.cite(item)
            self.w(post)
        if rng.random() < 0.2:
            self.strive_sentence(year)
        if rng.random() < 0.12:
            self.named_sentence()
        if domain in ("industry", "transport", "health", "urban", "plan") and rng.random() < 0.35:
            self.project_phrase()
        if rng.random() < 0.15:
            self.distractor()
        if rng.random() < 0.3 and self.cite_order:
            c = self.cites[rng.choice(self.cite_order)]
            ref = c.ref
            if not c.foreign and not self.two_years.get(ref.symbol):
                self.w(rng.choice(("Tiếp tục triển khai ", "Thực hiện các nội dung theo ", "Đánh giá việc thực hiện ")))
                self.back_ref(ref)
                self.w(". ")
        self.filler(domain, 1)
        self.w("\n\n")

    # ------------------------------------------------------------------ document parts
    def own_title_word(self) -> str:
        return {"kh_ubnd": "KẾ HOẠCH", "kh_tu": "KẾ HOẠCH", "ctr_ubnd": "CHƯƠNG TRÌNH HÀNH ĐỘNG",
                "ctr_tu": "CHƯƠNG TRÌNH HÀNH ĐỘNG", "qd_ubnd": "QUYẾT ĐỊNH", "ct_ubnd": "CHỈ THỊ",
                "cv_ubnd": "", "nq_hdnd": "NGHỊ QUYẾT", "nq_tu": "NGHỊ QUYẾT", "nq_cp": "NGHỊ QUYẾT",
                "qd_ttg": "QUYẾT ĐỊNH", "ct_ttg": "CHỈ THỊ", "nq_tw": "NGHỊ QUYẾT", "kl_tw": "KẾT LUẬN",
                "ct_tw": "CHỈ THỊ"}[self.fkey]

    def issuer_heading(self) -> tuple[list[str], str]:
        """(heading lines of the issuing body, gold issuer)."""
        P, u = self.P, self.u
        U_ = u.upper()
        k = self.fkey
        if k in ("nq_cp",):
            return ["CHÍNH PHỦ"], "Chính phủ"
        if k in ("qd_ttg", "ct_ttg"):
            return ["THỦ TƯỚNG CHÍNH PHỦ"], "Thủ tướng Chính phủ"
        if k in ("nq_tw", "kl_tw", "ct_tw"):
            return ["BAN CHẤP HÀNH TRUNG ƯƠNG", "*"], self.ref.issuer
        if k == "nq_hdnd":
            return ["HỘI ĐỒNG NHÂN DÂN", f"{U_} {P.upper()}"], f"HĐND {u} {P}"
        if k in ("nq_tu", "ctr_tu", "kh_tu"):
            tu = "THÀNH ỦY" if u == "thành phố" else "TỈNH ỦY"
            return [f"{tu} {P.upper()}", "*"], self.ref.issuer
        return ["ỦY BAN NHÂN DÂN", f"{U_} {P.upper()}"], f"UBND {u} {P}"

    def write_header(self, title_lines: list[str], no_title: bool = False) -> dict:
        """Header block, title; returns the gold ``document`` facts it states."""
        rng = self.rng
        lay = self.shape.layout
        heads, issuer = self.issuer_heading()
        party = self.ref.family.form == "party"
        num = self.ref.symbol
        place = "Hà Nội" if self.national else ("TP. Hồ Chí Minh" if self.P == "Hồ Chí Minh" and rng.random() < 0.5
                                                else self.P)
        date_words = f"ngày {self.date.day:02d} tháng {self.date.month:02d} năm {self.year}" if rng.random() < 0.5 \
            else f"ngày {self.date.day:02d} tháng {self.date.month} năm {self.year}" if self.date.day >= 10 or rng.random() < 0.5 \
            else f"ngày {self.date.day} tháng {self.date.month} năm {self.year}"
        nation = ["ĐẢNG CỘNG SẢN VIỆT NAM"] if party else ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                                            "Độc lập - Tự do - Hạnh phúc"]
        so = f"Số {num}" if party else f"Số: {num}"
        title = " ".join(t for t in title_lines[1:] if t) or None
        if self.fkey == "cv_ubnd":
            title = title_lines[1] if len(title_lines) > 1 else None
        if no_title:
            title, title_lines = None, [title_lines[0]]
        if lay == "web":
            self.w(f"Cập nhật: {self.fmt_date(self.later(5, 60), 'pad')} {rng.randint(7, 17):02d}:"
                   f"{rng.randint(0, 59):02d}:00\n")
            if rng.random() < 0.5:
                self.w("Xem cỡ chữ\n")
            self.w("\n")
            if title and rng.random() < 0.6:
                self.w(title + "\n\n")
            else:
                title = None
            return {"symbol": None, "date": None, "title": title, "issuer": issuer}
        if lay in ("noheader", "anonymous"):
            self.w("\n")
            if self.fkey == "cv_ubnd":
                title = None
            elif not no_title:
                for t in title_lines:
                    self.w((f"**{t}**  \n" if self.shape.markdown else t + "\n"))
                self.w("\n")
            return {"symbol": None, "date": None, "title": title, "issuer": None if lay == "anonymous" else issuer}
        style = rng.choice(("lines", "lines", "side", "table"))
        if style == "side" and not self.shape.wrapped:
            pad = " " * rng.randint(8, 20)
            self.line(f"{heads[0]}{pad}{nation[0]}")
            self.line(f"{heads[1] if len(heads) > 1 else ''}{pad}{nation[1] if len(nation) > 1 else ''}")
            self.line(f"-------{pad}---------------")
            if self.fkey == "cv_ubnd":
                self.line(f"{so}{pad}{place}, {date_words}")
                self.line(title_lines[1] if len(title_lines) > 1 else "")
            else:
                self.line(f"{so}{pad}{place}, {date_words}")
        elif style == "table" and not self.shape.wrapped:
            self.line(f"{heads[0]} |")
            for h in heads[1:]:
                self.line(h)
            self.line("CỘNG HÒA XÃ HỘI" if not party else nation[0] + " |")
            if not party:
                self.line("CHỦ NGHĨA VIỆT NAM |")
            self.line(f"{so} |")
            self.line(f"{place}, {date_words} |")
            if self.fkey == "cv_ubnd" and len(title_lines) > 1:
                self.line(title_lines[1] + " |")
        else:
            for h in heads:
                self.line(h)
            self.line(so)
            if self.fkey == "cv_ubnd" and len(title_lines) > 1:
                self.line(title_lines[1])
            self.line("")
            for h in nation:
                self.line(h)
            self.line(f"{place}, {date_words}")
        self.w("\n")
        if self.fkey != "cv_ubnd" and not no_title:
            for t in title_lines:
                self.w((f"**{t}**  \n" if self.shape.markdown and t else t + "\n"))
            self.w("\n")
        return {"symbol": num, "date": self.date.isoformat(), "title": title, "issuer": issuer}

    def signature(self) -> str:
        rng = self.rng
        name = f"{rng.choice(V.SURNAMES)} {rng.choice(V.MIDDLE)} {rng.choice(V.GIVEN)}"
        k = self.fkey
        self.w("\n")
        if self.shape.layout != "web":
            self.w("Nơi nhận:\n")
            recips = ["- Như trên;", "- Thường trực Tỉnh ủy;" if not self.national else "- Ban Bí thư Trung ương Đảng;",
                      "- Bộ Kế hoạch và Đầu tư;", "- Chủ tịch, các PCT UBND tỉnh;" if not self.national else "- Các bộ, cơ quan ngang bộ;",
                      "- Lưu: VT, TH."]
            self.w("\n".join(rng.sample(recips[1:-1], 2) + [recips[0], recips[-1]]) + "\n\n")
        if k in ("nq_tw", "kl_tw", "ct_tw"):
            self.w("T/M BỘ CHÍNH TRỊ\nTỔNG BÍ THƯ\n" if rng.random() < 0.5 else "T/M BAN BÍ THƯ\nTHƯỜNG TRỰC BAN BÍ THƯ\n")
        elif k in ("nq_tu", "ctr_tu", "kh_tu"):
            self.w("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n" if rng.random() < 0.5 else "T/M TỈNH ỦY\nPHÓ BÍ THƯ THƯỜNG TRỰC\n")
        elif k == "nq_hdnd":
            self.w("CHỦ TỊCH\n")
        elif k == "nq_cp":
            self.w("TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n")
        elif k in ("qd_ttg", "ct_ttg"):
            self.w("KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n" if rng.random() < 0.5 else "THỦ TƯỚNG\n")
        else:
            self.w(rng.choice(("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n",
                               "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n")))
        self.w("\n\n" + ("(Đã ký)\n\n" if rng.random() < 0.2 else ""))
        self.w(name + "\n")
        return name

    # ------------------------------------------------------------------ planning the citations
    def plan_citations(self, n: int) -> list:
        """Body citations (and lists of them), drawn from the universe, in writing order (pop from the end)."""
        rng = self.rng
        queue: list = []
        count = 0
        tries = 0
        while count < n and tries < n * 3:
            tries += 1
            local = (not self.national) and rng.random() < 0.45
            if rng.random() < 0.12 and n - count >= 2:
                refs = self.list_refs(local)
                if len(refs) >= 2:
                    for r in refs:
                        self.used_symbols.add(r.symbol)
                    queue.append(refs)
                    count += len(refs)
                    continue
            if local and not self.anonymous and rng.random() < 0.04:
                other = rng.choice(V.PROVINCES)
                if other != self.province:
                    ref = self.pick(local=True, province=other,
                                    fkey=rng.choice(("kh_ubnd", "qd_ubnd", "nq_hdnd", "cv_ubnd")))
                    if ref is not None:
                        self.used_symbols.add(ref.symbol)
                        queue.append(("foreign", ref))
                        count += 1
                        continue
            ref = self.pick(local=local)
            if ref is None:
                continue
            self.used_symbols.add(ref.symbol)
            queue.append(ref)
            count += 1
        # a resolution of the same number from two years, both always dated
        if not self.anonymous and rng.random() < 0.03 and self.year >= 2020:
            a, b = U.annual_gov(self.year - 1), U.annual_gov(self.year - 2)
            if a.symbol not in self.used_symbols:
                self.two_years[a.symbol] = True
                self.used_symbols.add(a.symbol)
                queue.insert(0, ("two_years", a, b))
        rng.shuffle(queue)
        return queue

    # ------------------------------------------------------------------ compose
    def compose(self) -> tuple[str, str, dict]:
        self._last_task = None
        kind = self.shape.kind
        if kind == "letter":
            n_cit = self.rng.randint(5, 14)
            size = int(self.rng.uniform(5_000, 16_000))
        else:
            n_cit = min(40, max(10, int(self.rng.triangular(10, 40, 22))))
            size = int(min(90_000, max(10_000, self.rng.lognormvariate(10.25, 0.45))))
        self.size_goal = size
        builder = {"plan": self.compose_plan, "directive": self.compose_directive, "letter": self.compose_letter,
                   "hdnd": self.compose_hdnd, "party": self.compose_party, "national": self.compose_national}[kind]
        doc = builder(n_cit)
        text, remap = self.finalize_layout()
        gold = self.gold(doc, text, remap)
        return self.filename(), text, gold

    # -- preambles -------------------------------------------------------------------------
    def implemented_refs(self) -> list[Ref]:
        """What this document says it carries out."""
        rng = self.rng
        out: list[Ref] = []
        k = self.fkey
        if k == "ctr_ubnd" or (k == "kh_ubnd" and rng.random() < 0.3):
            g = U.annual_gov(self.year)
            if g.date >= self.date:
                g = U.annual_gov(self.year - 1)
            out.append(g)
            if not self.anonymous:
                h = U.annual_hdnd(self.province, g.year)
                if h.date < self.date:
                    out.append(h)
        elif k in ("ctr_tu", "kh_tu", "nq_tu"):
            r = self.pick(local=False, fkey=rng.choice(("nq_tw", "kl_tw", "ct_tw")))
            if r:
                out.append(r)
        else:
            for _ in range(rng.choice((1, 1, 2))):
                fk = rng.choice(("nq_cp", "ct_ttg", "qd_ttg", "nq_tw", "kl_tw", "nq_tu", "nq_hdnd", "cd_ttg"))
                r = self.pick(local=not FAMILIES[fk].national, fkey=fk)
                if r:
                    out.append(r)
        if not self.national and self.seq > 0 and rng.random() < 0.3 and k != "ctr_ubnd":
            prev = U.corpus_ref(self.seed, rng.randrange(self.seq) * len(U.SLOTS) + self.slot)
            if prev.date < self.date and prev.symbol not in {r.symbol for r in out}:
                out.append(prev)
        seen, uniq = set(), []
        for r in out:
            if r.symbol not in seen and r.symbol != self.ref.symbol:
                seen.add(r.symbol)
                uniq.append(r)
        for r in uniq:
            self.used_symbols.add(r.symbol)
        return uniq

    # -- the kinds -------------------------------------------------------------------------
    def compose_plan(self, n_cit: int) -> dict:
        rng = self.rng
        k = self.fkey
        impl = self.implemented_refs()
        Y = self.year
        word = self.own_title_word()
        if k == "qd_ubnd":
            what = rng.choice((f"Kế hoạch thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {Y}",
                               f"Chương trình công tác trọng tâm năm {Y}",
                               f"Kế hoạch cải cách hành chính năm {Y}",
                               f"Kế hoạch chuyển đổi số năm {Y}"))
            title_lines = [word, f"Ban hành {what}"]
        elif k == "ctr_ubnd":
            title_lines = [word, None]
        else:
            title_lines = [word, None if impl and rng.random() < 0.6 else
                           rng.choice((f"Triển khai nhiệm vụ phát triển kinh tế - xã hội năm {Y}",
                                       f"Thực hiện công tác cải cách hành chính năm {Y}",
                                       f"Đẩy mạnh giải ngân vốn đầu tư công năm {Y}",
                                       f"Phát triển nông nghiệp, nông thôn năm {Y}"))]
        doc = self._header_with_cite_title(title_lines, impl, "Thực hiện ")
        queue = self.plan_citations(n_cit - len(self.cites))
        # preamble
        if k == "qd_ubnd":
            self.w(f"ỦY BAN NHÂN DÂN {self.u.upper()} {self.P.upper()}\n\n" if not self.anonymous else "ỦY BAN NHÂN DÂN\n\n")
            self.basis_block(impl)
            self.w("QUYẾT ĐỊNH:\n\n")
            self.w(f"Điều 1. Ban hành kèm theo Quyết định này {title_lines[1][len('Ban hành '):]} "
                   f"với các nội dung chính sau:\n\n")
        else:
            self.implement_paragraph(impl)
        self.plan_body(queue, Y)
        if k == "qd_ubnd":
            self.w("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n")
            self.execution_clause("Điều 3. ", "Quyết định này")
        doc["signer"] = self.signature()
        return doc

    def _header_with_cite_title(self, title_lines: list, impl: list[Ref], lead: str) -> dict:
        """Write the header; a missing second title line becomes "Thực hiện <implemented documents>"."""
        if title_lines[1] is not None or not impl:
            if title_lines[1] is None:
                title_lines = [title_lines[0], "Triển khai nhiệm vụ trọng tâm năm " + str(self.year)]
            return self.write_header(title_lines)
        word = title_lines[0]
        lay = self.shape.layout
        doc = self.write_header([word], no_title=True)
        if lay != "web":
            self.w((f"**{word}**  \n" if self.shape.markdown else word + "\n"))
            t0 = self.n
            self.w(lead)
        else:
            t0 = self.n
            self.w(upper_first(word.lower()) + " " + lower_first(lead))
        for i, r in enumerate(impl[:2]):
            if i:
                self.w(" và ")
            self.cite(r, date=self.rng.random() < 0.8, issuer=True, subject=False, lower=False)
            self.implements.append(r.symbol)
        self.w(" " + impl[0].subject)
        doc["title_span"] = (t0, self.n)
        doc["title"] = None
        self.w("\n\n")
        return doc

    def implement_paragraph(self, impl: list[Ref]) -> None:
        rng = self.rng
        rest = impl
        if self.shape.layout == "web" or rng.random() < 0.5:
            self.result_sentence()
            self.result_sentence()
            self.w("\n\n")
        if rest or not self.implements:
            self.w(rng.choice(("Thực hiện ", "Để triển khai thực hiện ", "Nhằm triển khai thực hiện ")))
            refs = rest or impl
            for i, r in enumerate(refs):
                if i:
                    self.w(", " if i < len(refs) - 1 else " và ")
                self.cite(r)
                if r.symbol not in self.implements:
                    self.implements.append(r.symbol)
            if self.shape.layout == "anonymous":
                self.w(", Ủy ban nhân dân ban hành Kế hoạch triển khai thực hiện như sau:\n\n")
            else:
                self.w(f", Ủy ban nhân dân {self.where} ban hành {self.own_title_word().capitalize()} "
                       f"{'triển khai ' if rng.random() < 0.5 else ''}thực hiện như sau:\n\n")
        else:
            self.w(f"Ủy ban nhân dân {self.where} ban hành {self.own_title_word().capitalize()} với các nội dung sau:\n\n")

    def basis_block(self, impl: list[Ref]) -> None:
        rng = self.rng
        law, ldate = rng.choice(V.LAWS[:2])
        d = dt.date.fromisoformat(ldate)
        self.w("Căn cứ ")
        self.named_ref(law, "law", f"{law} ngày {self.fmt_date(d, rng.choice(('verbal', 'bare')))}", ldate)
        self.basis_named.append(upper_first(law))
        self.w(";\n\n")
        for _ in range(rng.choice((1, 1, 2))):
            r = self.pick(local=False, fkey=rng.choice(("nd_cp", "nq_cp", "qdn_ttg", "tt_bo")))
            if r:
                self.used_symbols.add(r.symbol)
                self.w("Căn cứ ")
                self.cite(r)
                self.basis.append(r.symbol)
                self.w(";\n\n")
        for r in impl:
            self.w("Thực hiện ")
            self.cite(r)
            self.implements.append(r.symbol)
            self.w(";\n\n")
        ttr = self.pick(local=True, fkey="ttr_so", recent=True)
        if ttr and not self.anonymous:
            self.used_symbols.add(ttr.symbol)
            dept = ttr.issuer_texts[0]
            self.w(f"Theo đề nghị của Giám đốc {dept} tại ")
            self.cite(ttr, issuer=False, subject=False, date=True)
            self.basis.append(ttr.symbol)
            self.w(".\n\n")

    def plan_body(self, queue: list, Y: int) -> None:
        rng = self.rng
        sec = 0
        self.heading(f"{ROMAN_HEADS[sec]}. MỤC ĐÍCH, YÊU CẦU")
        sec += 1
        self.w("1. Mục đích\n\n")
        for _ in range(rng.randint(2, 3)):
            self.w("- ")
            self.filler(rng.choice(self.domains), 1)
            self.w("\n")
        self.w("\n2. Yêu cầu\n\n")
        for _ in range(rng.randint(2, 3)):
            self.w("- ")
            self.filler("admin", 1)
            self.w("\n")
        self.w("\n")
        if rng.random() < 0.75:
            self.heading(f"{ROMAN_HEADS[sec]}. MỤC TIÊU, CHỈ TIÊU CHỦ YẾU NĂM {Y}")
            sec += 1
            self.target_list(Y, rng.randint(5, 17))
        self.heading(f"{ROMAN_HEADS[sec]}. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")
        sec += 1
        self.domain_sections(queue, Y)
        self.heading(f"{ROMAN_HEADS[sec]}. TỔ CHỨC THỰC HIỆN")
        self.org_sections(Y)

    def domain_sections(self, queue: list, Y: int, numbered: bool = True) -> None:
        rng = self.rng
        reserve = 9_000 if self.shape.kind != "letter" else 1_500
        i = 0
        while (queue or self.n < self.size_goal - reserve) and i < 60:
            domain = self.domains[i % len(self.domains)]
            i += 1
            if numbered:
                self.heading(f"{i}. {V.HEADINGS[domain]}", 2)
            for _ in range(rng.randint(1, 3)):
                self.pop_special(queue)
                self.body_paragraph(domain, queue, Y)
            if rng.random() < 0.35:
                pool = [a for a in self.agency_pool() if a.domain == domain] or self.agency_pool()
                lead = rng.choice(pool)
                partners = rng.sample([a for a in self.agency_pool() if a.canon != lead.canon], rng.choice((0, 1, 2)))
                self.write_task(lead, domain, partners, bullet="", giao=True, record_lead="sentence")
                self.w("\n")

    def pop_special(self, queue: list) -> None:
        if queue and isinstance(queue[-1], tuple) and queue[-1][0] == "two_years":
            _, a, b = queue.pop()
            self.w("Tiếp tục thực hiện các nhiệm vụ còn lại của ")
            self.cite(b, date=True, issuer=True, subject=False)
            self.w(" và triển khai ")
            self.cite(a, date=True, issuer=True, subject=False)
            self.w(". Đánh giá kết quả thực hiện ")
            self.cite(b, date=True, issuer=False, subject=False)
            self.w(" làm cơ sở xây dựng nhiệm vụ năm sau.\n\n")

    def org_sections(self, Y: int) -> None:
        rng = self.rng
        pool = self.agency_pool()
        rng.shuffle(pool)
        chosen = pool[:rng.randint(5, 16)]
        k = 0
        for ag in chosen:
            k += 1
            pair = None
            if rng.random() < 0.12:
                pair = next((a for a in pool[16:] if a.canon != ag.canon), None)
            head = rng.choice(ag.surfaces) + (", " + rng.choice(pair.surfaces) if pair else "")
            self.heading(f"{k}. {head}", 2)
            for j in range(rng.randint(1, 3)):
                partners = rng.sample([a for a in pool if a.canon != ag.canon and (not pair or a.canon != pair.canon)],
                                      rng.choice((0, 0, 1, 2)))
                self.write_task(ag, ag.domain, partners, record_lead="section")
                if pair:
                    q, dl, ds = self._last_task
                    self.record_assignment(pair, "lead", "section", q, dl, ds)
            self.w("\n")
        k += 1
        depts, dists = self.collective_depts(), self.collective_districts()
        self.heading(f"{k}. {rng.choice(depts.surfaces)}, {rng.choice(dists.surfaces)}", 2)
        self.write_task(depts, "plan", [], record_lead="section", deadline=True)
        q, dl, ds = self._last_task
        self.record_assignment(dists, "lead", "section", q, dl, ds)
        if rng.random() < 0.5:
            self.write_task(depts, "admin", [], record_lead="section")
            q, dl, ds = self._last_task
            self.record_assignment(dists, "lead", "section", q, dl, ds)
        self.w("\n")
        if rng.random() < 0.4:
            k += 1
            other = rng.choice(self.other_collectives())
            self.heading(f"{k}. {rng.choice(other.surfaces)}", 2)
            self.write_task(other, "plan", [], record_lead="section")
            self.w("\n")
        self.w(f"Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo "
               f"về Sở Kế hoạch và Đầu tư để tổng hợp, báo cáo Ủy ban nhân dân {self.u} xem xét, giải quyết./.\n\n")

    def execution_clause(self, prefix: str, what: str) -> None:
        rng = self.rng
        u = self.u
        vp = Agency(canon_local("Văn phòng UBND tỉnh", u), [f"Chánh Văn phòng UBND {u}", f"Chánh Văn phòng Ủy ban nhân dân {u}"])
        depts, dists = self.collective_depts(), self.collective_districts()
        named = rng.sample([a for a in self.agency_pool() if a.canon.startswith("Sở ")], 2)
        self.w(prefix)
        start = self.n
        parts = [rng.choice(vp.surfaces)]
        if rng.random() < 0.5:
            parts.append("Giám đốc " + named[0].canon)
            parts.append("Giám đốc " + named[1].canon)
        else:
            named = []
        parts.append(f"Thủ trưởng các sở, ban, ngành {u}")
        parts.append(f"Chủ tịch {dists.canon}")
        self.w(", ".join(parts) + f" và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành {what}./.\n\n")
        quote = (start, self.n - 5)
        done = {a for a, _ in self.assigned}
        for ag in [vp] + named + [depts, dists]:
            if ag.canon not in done:
                self.record_assignment(ag, "lead", "execution_clause", quote)

    def compose_directive(self, n_cit: int) -> dict:
        rng = self.rng
        Y = self.year
        topic = rng.choice((f"tăng cường kỷ luật, kỷ cương hành chính năm {Y}",
                            f"đẩy nhanh tiến độ giải ngân vốn đầu tư công năm {Y}",
                            "tăng cường công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
                            f"thực hiện Kế hoạch phát triển kinh tế - xã hội năm {Y}",
                            "đẩy mạnh cải cách thủ tục hành chính, nâng cao chỉ số năng lực cạnh tranh"))
        doc = self.write_header(["CHỈ THỊ", f"Về việc {topic}"])
        impl = self.implemented_refs()
        queue = self.plan_citations(n_cit - len(impl))
        self.result_sentence()
        self.filler(self.domains[0], 2)
        self.w("\n\n")
        self.w("Để thực hiện thắng lợi các mục tiêu, nhiệm vụ đã đề ra tại ")
        for i, r in enumerate(impl):
            if i:
                self.w(" và ")
            self.cite(r)
            self.implements.append(r.symbol)
        chair = "Chủ tịch Ủy ban nhân dân" + ("" if self.anonymous else f" {self.where}")
        self.w(f", {chair} yêu cầu các cơ quan, đơn vị, địa phương thực hiện tốt các nhiệm vụ sau:\n\n")
        # sections addressed to agencies
        depts, dists = self.collective_depts(), self.collective_districts()
        self.heading(f"1. {rng.choice(depts.surfaces)}, {rng.choice(dists.surfaces)}", 2)
        self.w("- ")
        start = self.n
        self.filler("admin", 2)
        quote = (start, self.n - 1)
        self.w("\n")
        self.record_assignment(depts, "lead", "section", quote)
        self.record_assignment(dists, "lead", "section", quote)
        for _ in range(2):
            self.pop_special(queue)
            self.body_paragraph(self.domains[0], queue, Y)
        pool = self.agency_pool()
        rng.shuffle(pool)
        k = 1
        for ag in pool:
            if not queue and self.n > self.size_goal - 3_000:
                break
            k += 1
            self.heading(f"{k}. {rng.choice(ag.surfaces)}", 2)
            partners = rng.sample([a for a in pool if a.canon != ag.canon], rng.choice((0, 0, 1)))
            self.write_task(ag, ag.domain, partners, record_lead="section")
            self.w("\n")
            self.pop_special(queue)
            self.body_paragraph(ag.domain, queue, Y)
        while queue:
            self.pop_special(queue)
            self.body_paragraph(self.domains[1], queue, Y)
        self.w(f"{rng.choice(depts.surfaces)}, {rng.choice(dists.surfaces)} có trách nhiệm tổ chức triển khai "
               f"thực hiện nghiêm túc Chỉ thị này./.\n\n")
        doc["signer"] = self.signature()
        return doc

    def compose_letter(self, n_cit: int) -> dict:
        rng = self.rng
        Y = self.year
        impl = self.implemented_refs()[:1]
        topic = rng.choice(("V/v triển khai thực hiện ", "V/v thực hiện ", "V/v tăng cường ")) + \
            rng.choice(("nhiệm vụ, giải pháp trọng tâm", "các giải pháp thúc đẩy tăng trưởng",
                        "giải ngân vốn đầu tư công", "công tác phòng, chống thiên tai"))
        doc = self.write_header(["", topic])
        queue = self.plan_citations(n_cit - len(impl) - 1)
        depts, dists = self.collective_depts(), self.collective_districts()
        if self.shape.layout != "anonymous":
            self.w(f"Kính gửi:\n- {depts.canon};\n- {dists.canon}.\n\n")
        for r in impl:
            self.w("Thực hiện ")
            self.cite(r)
            self.implements.append(r.symbol)
            self.w("; ")
        if True:
            cv = self.pick(local=True, fkey="cv_so", recent=True)
            if cv:
                self.used_symbols.add(cv.symbol)
                dept = cv.issuer_texts[0]
                self.w(f"Xét đề nghị của {dept} tại ")
                self.cite(cv, issuer=False, subject=False, date=True)
                self.basis.append(cv.symbol)
                self.w("; ")
        self.w(f"Ủy ban nhân dân {'' if self.anonymous else self.u + ' '}có ý kiến như sau:\n\n")
        self.w(f"1. {depts.canon}, {dists.canon} căn cứ chức năng, nhiệm vụ được giao tập trung triển khai "
               f"một số nhiệm vụ sau:\n\n")
        letters = "abcdeghiklmn"
        i = 0
        q0 = None
        while (queue or self.n < self.size_goal - 1_500) and i < len(letters):
            self.w(f"{letters[i]}) ")
            s = self.n
            domain = self.domains[i % len(self.domains)]
            self.pop_special(queue)
            self.body_paragraph(domain, queue, Y)
            if q0 is None:
                q0 = (s, s + 120)
            i += 1
        while queue:
            self.body_paragraph(self.domains[0], queue, Y)
        self.record_assignment(depts, "lead", "section", q0)
        self.record_assignment(dists, "lead", "section", q0)
        pool = self.agency_pool()
        rng.shuffle(pool)
        for j, ag in enumerate(pool[:rng.randint(1, 3)], start=2):
            partners = rng.sample([a for a in pool if a.canon != ag.canon], rng.choice((0, 1)))
            self.w(f"{j}. ")
            self.write_task(ag, ag.domain, partners, bullet="", giao=True, record_lead="sentence", deadline=True)
            self.w("\n")
        self.w(f"Ủy ban nhân dân {'' if self.anonymous else self.u + ' '}thông báo để các cơ quan, đơn vị, "
               f"địa phương biết, triển khai thực hiện./.\n\n")
        doc["signer"] = self.signature()
        return doc

    def compose_hdnd(self, n_cit: int) -> dict:
        rng = self.rng
        plan_year = self.year + 1 if self.date.month == 12 else self.year
        subject = self.ref.subject
        doc = self.write_header(["NGHỊ QUYẾT", upper_first(subject)])
        queue = self.plan_citations(n_cit)
        u = self.u
        self.w(f"HỘI ĐỒNG NHÂN DÂN {u.upper()} {self.P.upper()}\nKHÓA {U.province_term(self.P, self.year)}, "
               f"KỲ HỌP THỨ {rng.randint(5, 25)}\n\n")
        law, ldate = V.LAWS[0]
        self.w("Căn cứ ")
        self.named_ref(law, "law", f"{law} ngày {self.fmt_date(dt.date.fromisoformat(ldate), 'verbal')}", ldate)
        self.basis_named.append(law)
        self.w(";\n\n")
        ttr = self.pick(local=True, fkey="ttr_ubnd", recent=True)
        if ttr:
            self.used_symbols.add(ttr.symbol)
            self.w("Xét ")
            self.cite(ttr, issuer=True, subject=False, date=True)
            self.basis.append(ttr.symbol)
            self.w(f"; báo cáo thẩm tra của các Ban Hội đồng nhân dân {u}; ý kiến thảo luận của đại biểu "
                   f"Hội đồng nhân dân {u} tại kỳ họp.\n\n")
        self.w("QUYẾT NGHỊ:\n\n")
        self.w(f"Điều 1. Mục tiêu, chỉ tiêu chủ yếu năm {plan_year}\n\n")
        self.target_list(plan_year, rng.randint(8, 20))
        self.w("Điều 2. Nhiệm vụ, giải pháp chủ yếu\n\n")
        self.domain_sections(queue, plan_year)
        self.w("Điều 3. Tổ chức thực hiện\n\n")
        ubnd = Agency(canon_local("UBND tỉnh", u), [f"Ủy ban nhân dân {u}", f"UBND {u}"])
        self.w("1. Giao ")
        s = self.n
        self.w(f"{rng.choice(ubnd.surfaces)} tổ chức thực hiện Nghị quyết này.\n")
        self.record_assignment(ubnd, "lead", "sentence", (s, self.n - 1))
        self.w("2. ")
        s = self.n
        self.w(f"Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu "
               f"Hội đồng nhân dân {u} giám sát việc thực hiện Nghị quyết này.\n\n")
        tt = Agency(f"Thường trực HĐND {u}", [])
        self.record_assignment(tt, "lead", "sentence", (s, self.n - 2))
        self.w(f"Nghị quyết này đã được Hội đồng nhân dân {u} {self.P} thông qua ngày "
               f"{self.fmt_date(self.date, 'verbal')} và có hiệu lực từ ngày thông qua./.\n\n")
        doc["signer"] = self.signature()
        return doc

    def compose_party(self, n_cit: int) -> dict:
        rng = self.rng
        Y = self.year
        impl = self.implemented_refs()
        tu = "Thành ủy" if self.u == "thành phố" else "Tỉnh ủy"
        word = self.own_title_word()
        if self.fkey == "nq_tu":
            title_lines = [word, upper_first(self.ref.subject)]
            doc = self.write_header(title_lines)
            self.implement_party(impl)
        else:
            doc = self._header_with_cite_title([word, None], impl, "thực hiện ")
            self.implement_party([r for r in impl if r.symbol not in self.implements])
        queue = self.plan_citations(n_cit - len(self.cites))
        self.heading("I. MỤC ĐÍCH, YÊU CẦU")
        for _ in range(3):
            self.w("- ")
            self.filler("admin", 1)
            self.w("\n")
        self.w("\n")
        self.heading("II. NHIỆM VỤ, GIẢI PHÁP")
        self.domain_sections(queue, Y)
        self.heading("III. TỔ CHỨC THỰC HIỆN")
        bodies = [Agency(f"Ban cán sự đảng UBND {self.u}", [f"Ban cán sự đảng UBND {self.u}", f"Ban cán sự đảng Ủy ban nhân dân {self.u}"]),
                  Agency(f"Đảng đoàn HĐND {self.u}", [f"Đảng đoàn HĐND {self.u}", f"Đảng đoàn Hội đồng nhân dân {self.u}"]),
                  Agency(f"Ban Tuyên giáo {tu}", [f"Ban Tuyên giáo {tu}"]),
                  Agency(f"Ban Tổ chức {tu}", [f"Ban Tổ chức {tu}"]),
                  Agency(f"Ủy ban Kiểm tra {tu}", [f"Ủy ban Kiểm tra {tu}"]),
                  Agency(f"Văn phòng {tu}", [f"Văn phòng {tu}"])]
        coll = Agency(f"Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc {tu}",
                      [f"Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc {tu}"], True)
        for i, ag in enumerate([coll] + rng.sample(bodies, rng.randint(3, 6)), 1):
            self.w(f"{i}. ")
            self.write_task(ag, "admin", [], bullet="", named=True, record_lead="section")
            self.w("\n")
        doc["signer"] = self.signature()
        return doc

    def implement_party(self, impl: list[Ref]) -> None:
        if not impl:
            return
        self.w("Thực hiện ")
        for i, r in enumerate(impl):
            if i:
                self.w(" và ")
            self.cite(r)
            if r.symbol not in self.implements:
                self.implements.append(r.symbol)
        tu = "Thành ủy" if self.u == "thành phố" else "Tỉnh ủy"
        self.w(f", Ban Thường vụ {tu} xây dựng {self.own_title_word().lower()} thực hiện như sau:\n\n")

    def compose_national(self, n_cit: int) -> dict:
        rng = self.rng
        Y = self.year
        word = self.own_title_word()
        subject = upper_first(self.ref.subject)
        if self.fkey in ("nq_tw", "kl_tw", "ct_tw"):
            who = "CỦA BỘ CHÍNH TRỊ" if self.ref.issuer == "Bộ Chính trị" else \
                "CỦA BAN BÍ THƯ" if self.ref.issuer == "Ban Bí thư" else "HỘI NGHỊ LẦN THỨ " + rng.choice(("BẢY", "TÁM", "CHÍN", "MƯỜI"))
            doc = self.write_header([word, who, subject])
            doc["title"] = subject
        else:
            doc = self.write_header([word, subject])
        queue = self.plan_citations(n_cit)
        if self.fkey == "nq_cp":
            self.w("CHÍNH PHỦ\n\n")
            self.w("Căn cứ ")
            self.named_ref("Luật Tổ chức Chính phủ", "law", "Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015", "2015-06-19")
            self.basis_named.append("Luật Tổ chức Chính phủ")
            self.w(";\n\n")
            r = self.pick(local=False, fkey="nq_qh")
            if r:
                self.used_symbols.add(r.symbol)
                self.w("Căn cứ ")
                self.cite(r)
                self.basis.append(r.symbol)
                self.w(";\n\n")
            self.w("QUYẾT NGHỊ:\n\n")
        else:
            impl = [r for r in [self.pick(local=False, fkey=rng.choice(("nq_tw", "kl_tw", "nq_cp")))] if r]
            if impl:
                self.used_symbols.add(impl[0].symbol)
                self.w("Thực hiện ")
                self.cite(impl[0])
                self.implements.append(impl[0].symbol)
                self.w(", " + rng.choice(("Thủ tướng Chính phủ yêu cầu:", "Bộ Chính trị yêu cầu:",
                                          "cần tập trung thực hiện tốt các nhiệm vụ sau:")) + "\n\n")
        self.heading("I. MỤC TIÊU")
        self.filler("plan", 2)
        self.w("\n\n")
        if self.fkey == "nq_cp" and rng.random() < 0.7:
            self.w(f"Các chỉ tiêu chủ yếu năm {Y}:\n\n")
            self.target_list(Y, rng.randint(6, 15))
        self.heading("II. NHIỆM VỤ, GIẢI PHÁP")
        self.domain_sections(queue, Y)
        self.heading("III. TỔ CHỨC THỰC HIỆN")
        if self.fkey in ("nq_tw", "kl_tw", "ct_tw"):
            coll = Agency("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương",
                          ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"], True)
            bodies = [Agency(n, [n]) for n in ("Đảng đoàn Quốc hội", "Ban cán sự đảng Chính phủ", "Ban Tuyên giáo Trung ương",
                                               "Ban Tổ chức Trung ương", "Ủy ban Kiểm tra Trung ương", "Văn phòng Trung ương Đảng")]
        else:
            coll = Agency("Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                          ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                           "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ"], True)
            bodies = [Agency(m[0], [m[0]]) for m in V.MINISTRIES]
        provinces = Agency("UBND các tỉnh, thành phố trực thuộc trung ương",
                           ["UBND các tỉnh, thành phố trực thuộc trung ương",
                            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], True)
        self.heading(f"1. {rng.choice(coll.surfaces)}", 2)
        self.write_task(coll, "admin", [], record_lead="section", deadline=True)
        self.w("\n")
        k = 1
        if self.fkey not in ("nq_tw", "kl_tw", "ct_tw"):
            k += 1
            self.heading(f"{k}. {rng.choice(provinces.surfaces)}", 2)
            self.write_task(provinces, "plan", [], record_lead="section")
            self.w("\n")
        for ag in rng.sample(bodies, rng.randint(2, 5)):
            k += 1
            partners = rng.sample([b for b in bodies if b.canon != ag.canon], rng.choice((0, 1, 2)))
            self.w(f"{k}. ")
            self.write_task(ag, ag.domain if self.national and ag.domain else "plan", partners, bullet="", named=True,
                            record_lead="section")
            self.w("\n")
        doc["signer"] = self.signature()
        return doc

    # ------------------------------------------------------------------ layout and gold
    def finalize_layout(self) -> tuple[str, "Remap"]:
        text = "".join(self.parts)
        remap = Remap()
        if self.shape.layout == "web" and self.rng.random() < 0.08 and len(text) > 4000:
            # a web page scraped with part of its body twice: the copy is not counted again
            a = text.find("\n\n", len(text) // 4)
            b = text.find("\n\n", a + len(text) // 6)
            if 0 < a < b:
                chunk = text[a:b]
                text = text[:b] + chunk + text[b:]
                remap.insert(b, len(chunk))
                self.notes.append("Part of the body is present twice (web scrape); mentions are counted once.")
        if self.shape.wrapped:
            text, ins = hard_wrap(text, self.rng)
            remap.then(ins)
        return text, remap

    def filename(self) -> str:
        k = self.fkey.replace("_", "-")
        where = "tw" if self.national else ascii_slug(self.P)
        ext = "md" if self.shape.markdown else "txt"
        return f"{self.index:06d}_{k}_{where}_{self.year}.{ext}"

    def gold(self, doc: dict, text: str, remap: "Remap") -> dict:
        def quote(span, limit: int | None = None, pick: str | None = None) -> str:
            """The text of a span, on one line: its first line, or the line holding ``pick``."""
            if span is None:
                return None
            s, e = remap.start(span[0]), remap.end(span[1])
            q = text[s:e]
            if "\n" in q:
                lines = [x for x in q.split("\n") if x.strip(" |*")]
                q = next((x for x in lines if pick and pick in x), lines[0] if lines else "")
            if limit and len(q) > limit:
                cut = q.rfind(" ", 0, limit)
                q = q[:cut if cut > limit // 2 else limit]
            return q.strip(" |*")

        scope = None if self.anonymous else (NATIONAL if self.national else self.province)
        citations = []
        for key in self.cite_order:
            c = self.cites[key]
            ref = c.ref
            sym = ref.symbol
            local = not ref.family.national
            iscope = ref.scope if not local else (None if self.anonymous and not c.foreign else ref.scope)
            issuer = ref.issuer
            if local and self.anonymous and not c.foreign:
                issuer = issuer.replace(f" {ref.scope}", "") + " (tỉnh không nêu tên)"
            date = ref.date.isoformat() if c.dated else None
            year = ref.date.year if c.dated else (ref.year if ref.family.form == "normative" else None)
            citations.append({"doc_type": c.doc_type, "symbol": sym, "date": date, "issuer": issuer,
                              "issuer_scope": iscope, "year": year, "mentions": c.mentions,
                              "first_quote": quote(c.first)})
        title = doc.get("title")
        if doc.get("title_span"):
            title = " ".join(quote(doc["title_span"]).split()) if not self.shape.wrapped else \
                " ".join(text[remap.start(doc["title_span"][0]):remap.end(doc["title_span"][1])].split())
        document = {
            "doc_type": self.ref.family.doc_type,
            "symbol": doc.get("symbol"),
            "issuer": doc.get("issuer"),
            "province": None if (self.national or self.anonymous) else self.province,
            "date": doc.get("date"),
            "signer": doc.get("signer"),
            "title": title,
        }
        assignments = []
        for a in self.assign:
            q = a["quote"]
            assignments.append({
                "agency": a["agency"], "role": a["role"],
                "task_quote": quote(q, 120) if q else None,
                "deadline": a["deadline"], "deadline_quote": quote(a["deadline_quote"]),
                "collective": a["collective"], "via": a["via"]})
        targets = []
        for t in self.targets:
            rec = {k: v for k, v in t.items() if k != "quote"}
            rec["quote"] = quote(t["quote"], pick=t["value"])
            targets.append(rec)
        named = []
        for n in self.named.values():
            rec = dict(n)
            rec["first_quote"] = quote(n["first_quote"])
            named.append(rec)
        projects = [{"name": p["name"], "quote": quote(p["quote"])} for p in self.projects]
        notes = list(self.notes)
        notes.append(f"Synthetic document {self.index} (legalkg synth, seed {self.seed}), identity "
                     f"{self.ref.symbol}@{self.year}@{scope or 'jurisdiction?'}; "
                     f"kind {self.fkey}, layout {self.shape.layout}"
                     f"{', hard-wrapped' if self.shape.wrapped else ''}{', markdown' if self.shape.markdown else ''}.")
        return {
            "source": self.filename(),
            "document": document,
            "citations": citations,
            "named_references": named,
            "implements": [s for s in dict.fromkeys(self.implements) if s not in self.basis],
            "implements_named": list(dict.fromkeys(self.implements_named)),
            "basis": list(dict.fromkeys(self.basis)),
            "basis_named": list(dict.fromkeys(self.basis_named)),
            "assignments": assignments,
            "targets": targets,
            "projects": projects,
            "notes": notes,
        }


# ----------------------------------------------------------------------------- layout maps

class Remap:
    """Offsets of the composed text -> offsets of the final text, through insertions."""

    def __init__(self):
        self.stages: list[tuple[list[int], list[int]]] = []  # (positions, cumulative inserted length)

    def insert(self, pos: int, length: int) -> None:
        self.stages.append(([pos], [length]))

    def then(self, insertions: list[tuple[int, int]]) -> None:
        pos, cum, total = [], [], 0
        for p, n in insertions:
            total += n
            pos.append(p)
            cum.append(total)
        self.stages.append((pos, cum))

    def _map(self, x: int, right: bool) -> int:
        for pos, cum in self.stages:
            i = bisect.bisect_right(pos, x) if right else bisect.bisect_left(pos, x)
            if i:
                x += cum[i - 1]
        return x

    def start(self, x: int) -> int:
        return self._map(x, True)

    def end(self, x: int) -> int:
        return self._map(x, False)


def hard_wrap(text: str, rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """A PDF text layer: lines broken at about 80 characters (the break keeps its space and adds
    line breaks after it), with page numbers between pages.  Returns the text and the insertions."""
    width = rng.randint(74, 86)
    brk = rng.choice((" \n\n", "\n", " \n"))
    out: list[str] = []
    ins: list[tuple[int, int]] = []
    lines_on_page, page = 0, 1
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        if nl == -1:
            nl = n
        start = pos
        while nl - start > width:
            cut = text.rfind(" ", start + 20, start + width)
            if cut == -1:
                break
            out.append(text[start:cut + 1])
            add = brk[1:] if brk.startswith(" ") else brk
            # keep the space, insert the break after it
            out.append(add)
            ins.append((cut + 1, len(add)))
            start = cut + 1
            lines_on_page += 1
            if lines_on_page >= 46:
                page += 1
                pg = f"\n\n{page} \n\n"
                out.append(pg)
                ins.append((cut + 1, len(pg)))
                lines_on_page = 0
        out.append(text[start:nl + 1])
        lines_on_page += 1
        pos = nl + 1
    # merge insertions at the same position
    merged: list[tuple[int, int]] = []
    for p, k in ins:
        if merged and merged[-1][0] == p:
            merged[-1] = (p, merged[-1][1] + k)
        else:
            merged.append((p, k))
    return "".join(out), merged


def compose(seed: int, index: int) -> tuple[str, str, dict]:
    """(file name, text, gold record) of synthetic document ``index`` of the corpus of ``seed``."""
    return Composer(seed, index).compose()
