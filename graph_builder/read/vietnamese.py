"""Vietnamese text plausibility and the legacy font encodings TCVN3 (ABC) and VNI.

Before Unicode, Vietnamese documents were typed with 8-bit "font encodings": the bytes are
Latin-1/Windows-1252 characters that only look Vietnamese in a matching font (.VnTime for
TCVN3, VNI-Times for VNI).  Decoded as any standard code page they give mojibake such as
``NghÞ quyÕt`` (TCVN3) or ``Nghò quyeát`` (VNI) for "Nghị quyết".  The reader does not
convert them (a converter is a different tool); it recognises them and says so.

Recognition decodes a sample with each candidate mapping and scores the result by the
share of its non-ASCII words that are well-formed Vietnamese syllables (onset, vowel
nucleus, coda, at most one tone mark, sane letter case).  The candidate with the clearly
best score wins; nothing is decided from a single tell-tale byte.

Code tables: TCVN 5712:1993 (VN3 "ABC" uses the lower-case letters at 0xA1-0xFE, the full
VN1 table adds upper-case letters at 0x80-0x9F and in a few control positions);
VNI-Windows writes a base ASCII letter followed by a diacritic byte (``a`` + ``ù`` = á,
``e`` + ``á`` = ế, ``ö`` = ư, ``ô`` = ơ, ``ñ`` = đ, ``ò`` = ị …).
"""
from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------- TCVN3

# TCVN 5712 (VN1) bytes 0x80-0xFF; 0xA0 is a space.  The lower-case letters (0xA8-0xAE,
# 0xB5-0xFE) are the TCVN3 "ABC" set; 0xB0-0xB4 are combining tone marks.
_TCVN_HIGH = (
    "\u00c0\u1ea2\u00c3\u00c1\u1ea0\u1eb6\u1eac\u00c8\u1eba\u1ebc\u00c9\u1eb8\u1ec6\u00cc\u1ec8\u0128"
    "\u00cd\u1eca\u00d2\u1ece\u00d5\u00d3\u1ecc\u1ed8\u1edc\u1ede\u1ee0\u1eda\u1ee2\u00d9\u1ee6\u0168"
    "\u00a0\u0102\u00c2\u00ca\u00d4\u01a0\u01af\u0110\u0103\u00e2\u00ea\u00f4\u01a1\u01b0\u0111\u1eb0"
    "\u0300\u0309\u0303\u0301\u0323\u00e0\u1ea3\u00e3\u00e1\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4"
    "\u1eae\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0\u1eb7\u1ea7\u1ea9\u1eab\u1ea5\u1ead\u00e8\u1ec2\u1ebb\u1ebd"
    "\u00e9\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\u00ec\u1ec9\u1ec4\u1ebe\u1ed2\u0129\u00ed\u1ecb\u00f2"
    "\u1ed4\u1ecf\u00f5\u00f3\u1ecd\u1ed3\u1ed5\u1ed7\u1ed1\u1ed9\u1edd\u1edf\u1ee1\u1edb\u1ee3\u00f9"
    "\u1ed6\u1ee7\u0169\u00fa\u1ee5\u1eeb\u1eed\u1eef\u1ee9\u1ef1\u1ef3\u1ef7\u1ef9\u00fd\u1ef5\u1ed0"
)
assert len(_TCVN_HIGH) == 128
_TCVN_TABLE = {0x80 + i: ch for i, ch in enumerate(_TCVN_HIGH)}


def decode_tcvn3(data: bytes) -> str:
    """Bytes in TCVN3/TCVN 5712 to Unicode (NFC)."""
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_TCVN_TABLE))


# --------------------------------------------------------------------------- VNI

_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"

# modifier byte (lower-case form) -> combining marks it adds
_VNI_TONE = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRC = {"â": "", "à": _GRAVE, "á": _ACUTE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "è": _GRAVE, "é": _ACUTE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
# single characters standing for a letter by themselves
_VNI_SINGLE = {"ñ": "đ", "ô": "ơ", "ö": "ư", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def _vni_sequences() -> dict[str, str]:
    seq: dict[str, str] = {}

    def add(code: str, base: str, marks: str) -> None:
        ch = unicodedata.normalize("NFC", base + marks)
        seq[code] = ch
        seq[code.upper()] = ch.upper()

    for base in "aeiouy":
        for m, tone in _VNI_TONE.items():
            if base == "i":
                continue  # i takes the single-character forms ì í æ ó ò
            add(base + m, base, tone)
    for base in "aeo":
        for m, tone in _VNI_CIRC.items():
            add(base + m, base, _CIRC + tone)
    for m, tone in _VNI_BREVE.items():
        add("a" + m, "a", _BREVE + tone)
    for single, letter in (("ô", "o"), ("ö", "u")):  # ơ, ư and their tones
        for m, tone in _VNI_TONE.items():
            add(single + m, letter, _HORN + tone)
    for code, letter in _VNI_SINGLE.items():
        seq[code] = letter
        seq[code.upper()] = letter.upper()
    return seq


_VNI_SEQ = _vni_sequences()
_VNI_RE = re.compile("|".join(re.escape(k) for k in sorted(_VNI_SEQ, key=len, reverse=True)))


def decode_vni(data: bytes) -> str:
    """Bytes in VNI-Windows to Unicode (NFC)."""
    return decode_vni_text(data.decode("cp1252", errors="replace"))


def decode_vni_text(text: str) -> str:
    return _VNI_RE.sub(lambda m: _VNI_SEQ[m.group()], text)


# --------------------------------------------------------------------------- plausibility

_TONES = {_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT}
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
# vowel nuclei after tone removal (with the medial glide), longest first
_NUCLEI = sorted(
    """a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui
    uô uơ uy ưa ưi ươ ưu iêu yê yêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu""".split(),
    key=len, reverse=True,
)
_SYLLABLE_RE = re.compile(_ONSET + "(?:" + "|".join(_NUCLEI) + ")(?:ch|ng|nh|[cmnpt])?")
_WORD_RE = re.compile(r"[^\W\d_]+")


def _is_syllable(word: str) -> bool:
    if not (word.islower() or word.isupper() or word[:1].isupper() and word[1:].islower()):
        return False
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in nfd if c in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return _SYLLABLE_RE.fullmatch(bare) is not None


def plausibility(text: str) -> tuple[int, int]:
    """(Vietnamese syllables, implausible words) among the words of ``text`` that contain a
    non-ASCII character: what decides between candidate decodings."""
    good = bad = 0
    for w in _WORD_RE.findall(text):
        if w.isascii():
            continue
        if _is_syllable(w):
            good += 1
        else:
            bad += 1
    # letters that are not characters at all in a correct decoding
    bad += sum(1 for c in text if unicodedata.combining(c))
    return good, bad


def score(text: str) -> float:
    good, bad = plausibility(text)
    return good / (good + bad) if good + bad else 0.0


LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}

# Characters of the Latin-1/Windows-1252 range that Unicode Vietnamese text rarely holds but
# the legacy encodings are made of.  Cheap pre-filter before decoding candidates.
_LEGACY_HINT_RE = re.compile(r"[\u00a1-\u00bf\u00c4-\u00c8\u00ca-\u00d1\u00d4-\u00d8\u00db\u00dc\u00de-\u00e1\u00e4-\u00e8\u00ea-\u00f1\u00f4-\u00f8\u00fb-\u00ff]")
_COMMON_VN_ONLY = "đươạảấầậệịộợụựă"
_VN_UNICODE_RE = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")


def _has_many(s: str, chars: str, need: int) -> bool:
    """Whether ``chars`` occur at least ``need`` times in ``s`` (counted letter by letter, stopping
    as soon as there are enough: in Unicode Vietnamese the first letter, đ, is usually enough)."""
    total = 0
    for c in chars:
        total += s.count(c)
        if total >= need:
            return True
    return False


def legacy_in_text(text: str, sample: int = 200_000) -> str | None:
    """The legacy font encoding a decoded text is written in (characters of the Latin-1
    range standing for Vietnamese letters, e.g. a .docx typed with .VnTime or a UTF-8 file
    converted from VNI as Latin-1), or None."""
    s = text[:sample]
    if s.isascii():
        return None
    # Unicode Vietnamese is full of letters that no legacy text seen through Latin-1 has;
    # counting a few of them with str.count is much cheaper than the regexes below
    if _has_many(s, _COMMON_VN_ONLY, max(8, len(s) // 400)):
        return None
    hints = len(_LEGACY_HINT_RE.findall(s))
    if hints < 8:
        return None
    if len(_VN_UNICODE_RE.findall(s)) > hints:
        return None
    try:
        raw = s.encode("cp1252")
    except UnicodeEncodeError:
        raw = s.encode("latin-1", errors="replace")
    return best_legacy(raw, score(s))


def best_legacy(raw: bytes, baseline: float) -> str | None:
    """'tcvn3' or 'vni' when that reading of ``raw`` is clearly Vietnamese and clearly better
    than ``baseline`` (the score of the reading otherwise chosen), else None."""
    best, best_score, best_good = None, 0.0, 0
    for name, dec in (("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        text = dec(raw)
        good, bad = plausibility(text)
        sc = good / (good + bad) if good + bad else 0.0
        if sc > best_score:
            best, best_score, best_good = name, sc, good
    if best and best_good >= 3 and best_score >= 0.8 and best_score > baseline + 0.2:
        return best
    return None
