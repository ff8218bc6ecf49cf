"""Character-level normalisation that keeps every offset: one character in, one character out.

- spaces: NBSP, en/em/thin/hair/figure spaces, zero-width spaces and joiners, BOM, tabs and
  other control characters -> ' ';  ``\\r\\n`` -> `` \\n``, a lone ``\\r``, form feed, vertical
  tab, NEL and the Unicode line/paragraph separators -> ``\\n``;
- dashes: hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar, minus -> '-';
- letters: 'Ð' (U+00D0, Icelandic eth, used for Đ by mistake) -> 'Đ', 'ð' -> 'đ', 'Ɖ' -> 'Đ';
- tone placement: the old style puts the tone of the open syllables oa, oe, uy on the second
  vowel (hoá, hoà, khoẻ, thuỷ, luỹ); the new style, used by current legal texts, puts it on
  the first (hóa, hòa, khỏe, thủy, lũy).  Two characters are rewritten as two characters.
  "qu" + y keeps its tone on y (quý, quỹ), and syllables with a final letter are untouched
  (hoàn, toán, huỳnh).
"""
from __future__ import annotations

import re
import unicodedata

_MAP: dict[str, str] = {"\r\n": " \n", "\r": "\n"}
for _c in "\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029":
    _MAP[_c] = "\n"
for _c in ("\t\u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
           "\u200a\u200b\u200c\u200d\u2060\u202f\u205f\u3000\ufeff\u00ad"):
    _MAP[_c] = " "
for _i in list(range(0x00, 0x09)) + list(range(0x0e, 0x1c)) + [0x1f, 0x7f] + list(range(0x80, 0x85)) + list(range(0x86, 0xa0)):
    _MAP[chr(_i)] = " "
for _c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d":
    _MAP[_c] = "-"
_MAP.update({"\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ"})

_SPECIAL = "".join(re.escape(k) for k in _MAP if len(k) == 1 and k != "\r")

# --------------------------------------------------------------------------- tone placement

_TONED_A = "àáảãạÀÁẢÃẠ"
_TONED_E = "èéẻẽẹÈÉẺẼẸ"
_TONED_Y = "ỳýỷỹỵỲÝỶỸỴ"
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _moved(pair: str) -> str:
    first, second = pair
    d = unicodedata.normalize("NFD", second)
    tone = "".join(c for c in d if c in _TONE_MARKS)
    base = "".join(c for c in d if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", first + tone) + unicodedata.normalize("NFC", base)


# old-style pairs and their new-style spelling: oà -> òa, Oá -> Óa, uỷ -> ủy ...
_OLD_PAIRS = {f + s: _moved(f + s) for f in "oO" for s in _TONED_A + _TONED_E}
_OLD_PAIRS.update({f + s: _moved(f + s) for f in "uU" for s in _TONED_Y})

# One scan for both: a special character, or an old-style pair in an open syllable (no letter
# after it).  The pattern starts with one character class so that the engine skips ahead
# fast; "qu" + y is checked in the callback.
_ANY_RE = re.compile(
    rf"[oOuU{_SPECIAL}](?:(?<=[oO])[{_TONED_A}{_TONED_E}](?![^\W\d_])"
    rf"|(?<=[uU])[{_TONED_Y}](?![^\W\d_])|(?<![oOuU]))"
)
_SPECIAL_RE = re.compile(f"[{_SPECIAL}]")
_TONE_RE = re.compile(
    rf"[oOuU](?:(?<=[oO])[{_TONED_A}{_TONED_E}]|(?<=[uU])[{_TONED_Y}])(?![^\W\d_])"
)


def _crlf(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    return text


def normalize(text: str) -> str:
    """Characters and tone placement in one pass (same length)."""
    text = _crlf(text)

    def repl(m: re.Match) -> str:
        g = m.group()
        if len(g) == 1:
            return _MAP[g]
        s = m.start()
        if s and text[s - 1] in "qQ":
            return g  # quý, quỹ: the u belongs to the consonant
        return _OLD_PAIRS[g]

    return _ANY_RE.sub(repl, text)


def normalize_chars(text: str) -> str:
    """Spaces, line ends, dashes and Đ only (same length)."""
    return _SPECIAL_RE.sub(lambda m: _MAP[m.group()], _crlf(text))


def normalize_tones(text: str) -> str:
    """Old tone placement -> new only (same length)."""

    def repl(m: re.Match) -> str:
        s = m.start()
        if s and text[s - 1] in "qQ":
            return m.group()
        return _OLD_PAIRS[m.group()]

    return _TONE_RE.sub(repl, text)
