"""Bytes of a text file -> str: BOMs, UTF-8, UTF-16 with or without BOM, Windows-1258,
and the legacy Vietnamese font encodings (recognised and refused, see ``vietnamese``).

Raises ``DecodeProblem(reason)``; the reader turns it into a ``ReadError`` naming the file.
"""
from __future__ import annotations

import codecs
import unicodedata

from .vietnamese import LEGACY_NAMES, best_legacy, legacy_in_text, plausibility

_SAMPLE = 64 * 1024  # bytes scored when choosing an 8-bit reading


class DecodeProblem(Exception):
    pass


def legacy_reason(name: str) -> str:
    return f"legacy {LEGACY_NAMES[name]} font encoding; convert the file to Unicode"


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NUL bytes sit in every other position (ASCII letters,
    spaces and the Latin-1 letters of Vietnamese text all have a zero high byte)."""
    sample = data[:8192]
    n = len(sample) // 2
    if n < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 0.25 * n and even <= 0.02 * n:
        return "utf-16-le"
    if even >= 0.25 * n and odd <= 0.02 * n:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise DecodeProblem(f"undecodable text: invalid {encoding} at byte {e.start}") from None


def check_legacy(text: str) -> None:
    """Refuse text whose characters are a legacy font encoding seen through Latin-1."""
    name = legacy_in_text(text)
    if name:
        raise DecodeProblem(legacy_reason(name))


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text in NFC, encoding name).  ``declared`` is a charset the container states (an
    HTML meta tag); it is used only when the bytes are not valid UTF-8."""
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        text, enc = _strict(data, "utf-32"), "utf-32"
    elif data.startswith(codecs.BOM_UTF8):
        text, enc = _strict(data, "utf-8-sig"), "utf-8-sig"
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        if len(data) % 2:
            raise DecodeProblem("truncated UTF-16 text (odd number of bytes)")
        text, enc = _strict(data, "utf-16"), "utf-16"
    elif (enc16 := _utf16_without_bom(data)) is not None:
        if len(data) % 2:
            raise DecodeProblem("truncated UTF-16 text (odd number of bytes)")
        text, enc = _strict(data, enc16), enc16
    elif b"\x00" in data:
        raise DecodeProblem("binary file (NUL bytes)")
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, enc = _decode_8bit(data, declared)
    if "\x00" in text:
        raise DecodeProblem("binary file (NUL characters)")
    check_legacy(text)
    return unicodedata.normalize("NFC", text), enc


def _almost_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a file cut inside a character, one stray byte):
    decoded with U+FFFD for the broken bytes, when they are rare among valid sequences."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", errors="ignore")) - broken
    if broken <= max(2, valid // 1000) and valid >= 20 * broken:
        return text
    return None


def _decode_8bit(data: bytes, declared: str | None) -> tuple[str, str]:
    """Not UTF-8: Windows-1258 (or a declared single-byte charset) against TCVN3 and VNI,
    decided by the Vietnamese plausibility of each reading."""
    almost = _almost_utf8(data)
    if almost is not None:
        return almost, "utf-8 (invalid bytes replaced)"
    sample = data[:_SAMPLE]
    candidates: list[str] = []
    if declared:
        try:
            candidates.append(codecs.lookup(declared).name)
        except LookupError:
            pass
    candidates.append("cp1258")
    best_enc, best_good, best_bad = None, 0, 0
    best_score = -1.0
    for enc in dict.fromkeys(candidates):
        try:
            text = unicodedata.normalize("NFC", sample.decode(enc))
        except UnicodeDecodeError:
            continue
        good, bad = plausibility(text)
        sc = good / (good + bad) if good + bad else 0.0
        if sc > best_score:
            best_enc, best_good, best_bad, best_score = enc, good, bad, sc
    legacy = best_legacy(sample, max(best_score, 0.0))
    if legacy:
        raise DecodeProblem(legacy_reason(legacy))
    if best_enc is None or (best_bad >= 3 and best_score < 0.6):
        # not Vietnamese in any 8-bit reading: some other language's code page?
        other = _charset_normalizer_guess(sample)
        if other is not None:
            enc = other
        else:
            detail = f" ({best_bad} of {best_good + best_bad} non-ASCII words implausible as Windows-1258)" if best_enc else ""
            raise DecodeProblem("undecodable text: not UTF-8, UTF-16 or Windows-1258" + detail)
    else:
        enc = best_enc
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as e:
        raise DecodeProblem(f"undecodable text: invalid {enc} at byte {e.start}") from None
    return text, "windows-1258" if enc == "cp1258" else enc


def _charset_normalizer_guess(sample: bytes) -> str | None:
    """charset-normalizer's reading of a non-Vietnamese 8-bit text, if it is confident."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = min(matches, key=lambda m: m.chaos)
    if best.chaos > 0.2:
        return None
    # among equally clean readings prefer the common Western code pages
    for m in matches:
        if m.encoding in ("cp1252", "latin_1", "iso8859_15") and m.chaos <= best.chaos + 0.05:
            return m.encoding
    enc = best.encoding
    if enc.replace("_", "").startswith(("utf16", "utf32")):
        return None
    return enc
