"""A deterministic universe of documents that synthetic documents cite and are.

Every document identity (family, number, year, jurisdiction) has one date, issuer and subject,
computed from the identity alone, so that every worker process, and every document citing
it, agrees.  Numbers run through the year: a higher number has a later date, as in a real
register.  The synthetic documents are themselves members of this universe (their own
number's date is their date), so a later document citing an earlier synthetic one links to it.
"""
from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass

from . import vocab

NATIONAL = "national"


@dataclass(frozen=True, slots=True)
class Family:
    """A kind of numbered document: how its symbol is written and who issues it."""

    key: str
    doc_type: str  # Vietnamese type name (gold)
    words: tuple[str, ...]  # type words met in text (first = usual)
    form: str  # state | normative | party
    code: str  # type code inside the symbol ("" for letters and laws)
    issuer_code: str  # "CP", "TTg", "HĐND", "TU", "{ministry}", "{dept}" …
    cap: int  # a prime at least the usual yearly count: numbers 1..cap spread over the year
    national: bool
    issuers: tuple[str, ...]  # issuer keys (see ISSUERS)


F = Family
FAMILIES: dict[str, Family] = {f.key: f for f in [
    # ---- national, state form
    F("nq_cp", "Nghị quyết", ("Nghị quyết",), "state", "NQ", "CP", 311, True, ("cp",)),
    F("qd_ttg", "Quyết định", ("Quyết định",), "state", "QĐ", "TTg", 2003, True, ("ttg",)),
    F("ct_ttg", "Chỉ thị", ("Chỉ thị",), "state", "CT", "TTg", 41, True, ("ttg",)),
    F("cd_ttg", "Công điện", ("Công điện",), "state", "CĐ", "TTg", 149, True, ("ttg",)),
    F("tb_vpcp", "Thông báo", ("Thông báo", "Thông báo kết luận"), "state", "TB", "VPCP", 599, True, ("vpcp",)),
    F("cv_vpcp", "Công văn", ("Công văn", "Văn bản"), "state", "", "VPCP-{unit}", 9001, True, ("vpcp",)),
    F("cv_bo", "Công văn", ("Công văn", "Văn bản"), "state", "", "{ministry}", 9001, True, ("ministry",)),
    F("bc_bo", "Báo cáo", ("Báo cáo",), "state", "BC", "{ministry}", 997, True, ("ministry",)),
    # ---- national, normative form
    F("nd_cp", "Nghị định", ("Nghị định",), "normative", "NĐ", "CP", 199, True, ("cp",)),
    F("qdn_ttg", "Quyết định", ("Quyết định",), "normative", "QĐ", "TTg", 43, True, ("ttg",)),
    F("tt_bo", "Thông tư", ("Thông tư",), "normative", "TT", "{ministry}", 61, True, ("ministry",)),
    F("nq_qh", "Nghị quyết", ("Nghị quyết",), "normative", "", "QH{leg}", 149, True, ("qh",)),
    # ---- national, Party form
    F("nq_tw", "Nghị quyết", ("Nghị quyết",), "party", "NQ", "TW", 71, True, ("bct", "bchtw")),
    F("kl_tw", "Kết luận", ("Kết luận",), "party", "KL", "TW", 149, True, ("bct", "bbt")),
    F("ct_tw", "Chỉ thị", ("Chỉ thị",), "party", "CT", "TW", 53, True, ("bbt", "bct")),
    # ---- provincial, state form
    F("nq_hdnd", "Nghị quyết", ("Nghị quyết",), "state", "NQ", "HĐND", 151, False, ("hdnd",)),
    F("qd_ubnd", "Quyết định", ("Quyết định",), "state", "QĐ", "UBND", 3499, False, ("ubnd",)),
    F("kh_ubnd", "Kế hoạch", ("Kế hoạch",), "state", "KH", "UBND", 421, False, ("ubnd",)),
    F("ct_ubnd", "Chỉ thị", ("Chỉ thị",), "state", "CT", "UBND", 41, False, ("ubnd", "ctubnd")),
    F("ctr_ubnd", "Chương trình hành động", ("Chương trình hành động", "Chương trình"), "state", "CTr", "UBND", 53,
      False, ("ubnd",)),
    F("tb_ubnd", "Thông báo", ("Thông báo", "Thông báo kết luận"), "state", "TB", "UBND", 601, False, ("ubnd",)),
    F("cv_ubnd", "Công văn", ("Công văn", "Văn bản"), "state", "", "UBND-{unit}", 6007, False, ("ubnd",)),
    F("cv_so", "Công văn", ("Công văn", "Văn bản"), "state", "", "{dept}-{unit}", 4001, False, ("dept",)),
    F("ttr_so", "Tờ trình", ("Tờ trình",), "state", "TTr", "{dept}", 401, False, ("dept",)),
    F("ttr_ubnd", "Tờ trình", ("Tờ trình",), "state", "TTr", "UBND", 409, False, ("ubnd",)),
    # ---- provincial, normative form
    F("nqn_hdnd", "Nghị quyết", ("Nghị quyết",), "normative", "NQ", "HĐND", 53, False, ("hdnd",)),
    F("qdn_ubnd", "Quyết định", ("Quyết định",), "normative", "QĐ", "UBND", 67, False, ("ubnd",)),
    # ---- provincial, Party form
    F("nq_tu", "Nghị quyết", ("Nghị quyết",), "party", "NQ", "TU", 53, False, ("bchdb", "btv", "tu")),
    F("ct_tu", "Chỉ thị", ("Chỉ thị",), "party", "CT", "TU", 47, False, ("btv", "tu")),
    F("ctr_tu", "Chương trình hành động", ("Chương trình hành động",), "party", "CTr", "TU", 89, False, ("tu", "btv")),
    F("kl_tu", "Kết luận", ("Kết luận",), "party", "KL", "TU", 797, False, ("btv",)),
    F("tb_tu", "Thông báo", ("Thông báo",), "party", "TB", "TU", 1499, False, ("tu",)),
    F("kh_tu", "Kế hoạch", ("Kế hoạch",), "party", "KH", "TU", 307, False, ("tu", "btv")),
    F("cv_bcsd", "Công văn", ("Công văn",), "party", "CV", "BCSĐ", 997, False, ("bcsd",)),
]}
FAMILY_INDEX = {k: i for i, k in enumerate(FAMILIES)}

NATIONAL_FAMILIES = tuple(k for k, f in FAMILIES.items() if f.national)
PROVINCIAL_FAMILIES = tuple(k for k, f in FAMILIES.items() if not f.national)


@dataclass(slots=True)
class Ref:
    """One document of the universe."""

    family: Family
    number: int
    year: int
    scope: str  # "national" or the province
    date: dt.date
    issuer: str  # gold issuer, lightly normalised ("HĐND tỉnh Vĩnh Long", "Thủ tướng Chính phủ")
    issuer_texts: tuple[str, ...]  # ways the text names it after "của"
    symbol: str  # canonical
    parts: tuple[str, ...]  # (number part, year part or "", type code, issuer code) for spelling slips
    subject: str

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.symbol, self.year, self.scope)


def _h(*xs) -> int:
    return zlib.crc32("\x1f".join(map(str, xs)).encode())


def legislature(year: int) -> int:
    return 13 if year <= 2015 else 14 if year <= 2020 else 15


def tw_term(year: int) -> str:
    return "XI" if year <= 2015 else "XII" if year <= 2020 else "XIII"


ROMAN = ["XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"]


def province_term(province: str, year: int) -> str:
    base = _h("term", province) % 4
    return ROMAN[base + (0 if year <= 2020 else 1)]


def day_of(number: int, cap: int, year: int, salt: int) -> dt.date:
    """The date of number ``number`` in a register of about ``cap`` numbers a year."""
    start = dt.date(year, 1, 2)
    span = 362
    if number > cap:
        d = span - (salt % 3)
    else:
        d = (number - 1) * span // cap + (salt % 3)
    return start + dt.timedelta(days=min(d, span))


def number_before(family: Family, year: int, date: dt.date) -> int:
    """The largest number of ``family`` surely dated before ``date`` (0 if none)."""
    if date.year > year:
        return family.cap
    if date.year < year:
        return 0
    d = (date - dt.date(year, 1, 2)).days - 3
    if d <= 0:
        return 0
    return max(0, min(family.cap, d * family.cap // 362))


def ministry_of(number: int, year: int) -> tuple[str, str, str]:
    return vocab.MINISTRIES[_h("min", number, year) % len(vocab.MINISTRIES)]


def dept_of(number: int, year: int, province: str) -> str:
    depts = list(vocab.DEPT_LETTER_CODES)
    return depts[_h("dept", number, year, province) % len(depts)]


def make_ref(fkey: str, number: int, year: int, scope: str) -> Ref:
    """The universe's document ``number`` of ``family`` in ``year`` (province ``scope`` or national)."""
    f = FAMILIES[fkey]
    salt = _h(fkey, number, year, scope)
    date = day_of(number, f.cap, year, salt)
    province = None if f.national else scope
    u = vocab.unit(province) if province else "tỉnh"
    issuer_key = f.issuers[salt % len(f.issuers)]
    issuer, texts = ("", ()) if issuer_key in ("ministry", "dept") else _issuer(issuer_key, province, u, number, year)
    code, icode = f.code, f.issuer_code
    if "{ministry}" in icode:
        name, letter, circ = ministry_of(number, year)
        icode = icode.replace("{ministry}", circ if fkey == "tt_bo" else letter)
        if fkey == "cv_bo" or fkey == "bc_bo":
            icode = icode + ("" if fkey == "bc_bo" else "-" + vocab.LETTER_UNITS[salt % len(vocab.LETTER_UNITS)])
        issuer, texts = name, (name,)
    if "{dept}" in icode:
        dept = dept_of(number, year, scope)
        icode = icode.replace("{dept}", vocab.DEPT_LETTER_CODES[dept])
        issuer, texts = f"{dept} {u} {province}", (dept,)
    if "{unit}" in icode:
        units = vocab.UBND_LETTER_UNITS if fkey == "cv_ubnd" else vocab.LETTER_UNITS
        icode = icode.replace("{unit}", units[(salt >> 4) % len(units)])
    if "{leg}" in icode:
        icode = icode.replace("{leg}", str(legislature(year)))
    n = f"{number:02d}"  # numbers below 10 carry a leading zero (Nghị định 30/2020/NĐ-CP)
    if f.form == "state":
        symbol = f"{n}/{code}-{icode}" if code else f"{n}/{icode}"
        parts = (n, "", code, icode)
    elif f.form == "normative":
        symbol = f"{n}/{year}/{code}-{icode}" if code else f"{n}/{year}/{icode}"
        parts = (n, str(year), code, icode)
    else:
        symbol = f"{n}-{code}/{icode}"
        parts = (n, "", code, icode)
    subject = subject_of(fkey, number, year, scope, salt)
    return Ref(f, number, year, scope, date, issuer, texts, symbol, parts, subject)


def _issuer(key: str, province: str | None, u: str, number: int, year: int) -> tuple[str, tuple[str, ...]]:
    P = province
    tu = "Thành ủy" if u == "thành phố" else "Tỉnh ủy"
    if key == "cp":
        return "Chính phủ", ("Chính phủ",)
    if key == "ttg":
        return "Thủ tướng Chính phủ", ("Thủ tướng Chính phủ",)
    if key == "vpcp":
        return "Văn phòng Chính phủ", ("Văn phòng Chính phủ",)
    if key == "qh":
        leg = {13: "XIII", 14: "XIV", 15: "XV"}[legislature(year)]
        return "Quốc hội", ("Quốc hội", f"Quốc hội khóa {leg}")
    if key == "bct":
        return "Bộ Chính trị", ("Bộ Chính trị", f"Bộ Chính trị khóa {tw_term(year)}")
    if key == "bbt":
        return "Ban Bí thư", ("Ban Bí thư", "Ban Bí thư Trung ương Đảng")
    if key == "bchtw":
        t = tw_term(year)
        return f"Ban Chấp hành Trung ương Đảng khóa {t}", (f"Ban Chấp hành Trung ương Đảng khóa {t}",
                                                          f"Ban Chấp hành Trung ương khóa {t}")
    if key == "hdnd":
        return f"HĐND {u} {P}", (f"Hội đồng nhân dân {u}", f"HĐND {u}", f"Hội đồng nhân dân {u} {P}", f"HĐND {u} {P}")
    if key == "ubnd":
        return f"UBND {u} {P}", (f"Ủy ban nhân dân {u}", f"UBND {u}", f"UBND {u} {P}")
    if key == "ctubnd":
        return f"Chủ tịch UBND {u} {P}", (f"Chủ tịch Ủy ban nhân dân {u}", f"Chủ tịch UBND {u}")
    if key == "tu":
        return f"{tu} {P}", (tu, f"{tu} {P}")
    if key == "btv":
        return f"Ban Thường vụ {tu} {P}", (f"Ban Thường vụ {tu}", f"BTV {tu}")
    if key == "bchdb":
        term = province_term(P, year)
        return f"Ban Chấp hành Đảng bộ {u} {P}", (f"Ban Chấp hành Đảng bộ {u}", f"BCH Đảng bộ {u}",
                                                  f"Ban Chấp hành Đảng bộ {u} khóa {term}")
    if key == "bcsd":
        return f"Ban cán sự đảng UBND {u} {P}", (f"Ban cán sự đảng UBND {u}", f"BCS đảng UBND {u}")
    raise KeyError(key)


# ------------------------------------------------------------------------ special documents

def annual_gov(year: int) -> Ref:
    """Nghị quyết 01/NQ-CP of ``year``: the government's annual plan resolution."""
    return make_ref("nq_cp", 1, year, NATIONAL)


def annual_hdnd_number(province: str, plan_year: int) -> int:
    """The HĐND resolution on the plan of ``plan_year``: passed in December of the year before."""
    cap = FAMILIES["nq_hdnd"].cap
    return cap - 12 + _h("hdnd-plan", province, plan_year) % 9


def annual_hdnd(province: str, plan_year: int) -> Ref:
    return make_ref("nq_hdnd", annual_hdnd_number(province, plan_year), plan_year - 1, province)


def subject_of(fkey: str, number: int, year: int, scope: str, salt: int) -> str:
    u = vocab.unit(scope) if scope != NATIONAL else "tỉnh"
    if fkey == "nq_cp":
        if number == 1:
            return vocab.SUBJECT_GOV_ANNUAL.format(Y=year)
        pool = vocab.SUBJECTS_GOV_RESOLUTION
    elif fkey in ("qd_ttg", "ct_ttg", "cd_ttg", "qdn_ttg", "tb_vpcp", "cv_vpcp"):
        pool = vocab.SUBJECTS_PM
    elif fkey in ("nd_cp", "tt_bo", "nq_qh", "cv_bo", "bc_bo"):
        pool = vocab.SUBJECTS_DECREE
    elif fkey in ("nq_tw", "kl_tw", "ct_tw", "nq_tu", "ct_tu", "ctr_tu", "kl_tu", "kh_tu"):
        pool = vocab.SUBJECTS_PARTY
    else:
        if fkey == "nq_hdnd" and scope != NATIONAL and number == annual_hdnd_number(scope, year + 1):
            return f"về kế hoạch phát triển kinh tế - xã hội năm {year + 1}"
        pool = vocab.SUBJECTS_LOCAL
    s = pool[(salt >> 3) % len(pool)]
    return s.format(Y=year, m=1 + (number % 12), P=scope, u=u)


# ------------------------------------------------------------------------ the corpus' own documents

# Kinds of synthetic document: (family key, weight).  Provincial slots draw from the first
# list, national slots from the second.
PROVINCIAL_KINDS = (("kh_ubnd", 27), ("cv_ubnd", 21), ("qd_ubnd", 16), ("ctr_ubnd", 11), ("ct_ubnd", 9),
                    ("nq_hdnd", 6), ("ctr_tu", 4), ("nq_tu", 3), ("kh_tu", 3))
NATIONAL_KINDS = (("nq_cp", 35), ("ct_ttg", 15), ("qd_ttg", 20), ("nq_tw", 12), ("kl_tw", 10), ("ct_tw", 8))
NATIONAL_LANES = 4


def slots() -> list[tuple[str, int, int]]:
    """(jurisdiction, year, lane) of every register the corpus draws documents from."""
    out = [(p, y, 0) for y in vocab.YEARS for p in vocab.PROVINCES]
    out += [(NATIONAL, y, lane) for y in vocab.YEARS for lane in range(NATIONAL_LANES)]
    return out


SLOTS = slots()


def corpus_number(fkey: str, seq: int) -> int:
    """The number of the ``seq``-th document of a register: distinct for distinct ``seq``,
    spread over 1..cap (a multiplicative permutation modulo the prime cap)."""
    cap = FAMILIES[fkey].cap
    step = 7 if cap % 7 else 11
    return 1 + (seq % cap) * step % cap + cap * (seq // cap)


def corpus_kind(seed: int, slot: int, seq: int) -> str:
    juris = SLOTS[slot][0]
    kinds = NATIONAL_KINDS if juris == NATIONAL else PROVINCIAL_KINDS
    total = sum(w for _, w in kinds)
    r = _h("kind", seed, slot, seq) % total
    for k, w in kinds:
        if r < w:
            return k
        r -= w
    return kinds[-1][0]


def corpus_ref(seed: int, index: int) -> Ref:
    """The universe identity of synthetic document ``index``."""
    slot, seq = index % len(SLOTS), index // len(SLOTS)
    juris, year, lane = SLOTS[slot]
    fkey = corpus_kind(seed, slot, seq)
    lanes = NATIONAL_LANES if juris == NATIONAL else 1
    return make_ref(fkey, corpus_number(fkey, seq * lanes + lane), year, juris)
