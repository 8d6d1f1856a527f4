"""Bytes to text, the way SCHEMA.md fixes offsets: BOM dropped, `\r\n` and `\r` -> `\n`.

Order (PITFALLS): strict UTF-8 (with or without BOM), UTF-16 by its BOM, and only then
charset-normalizer, whose guesses on short French texts are steered to the Western code pages
French files really use (cp1252, latin-1, latin-9, mac_roman) before any other.
"""
from __future__ import annotations

import re

import charset_normalizer

WESTERN = ("cp1252", "latin_1", "iso8859_15", "mac_roman")


class DecodeError(ValueError):
    """The bytes are binary or no encoding decodes them; str(e) says which."""

    def __init__(self, kind: str, detail: str):
        super().__init__(detail)
        self.kind = kind   # "binary" or "undecodable"


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > max(8, len(sample) // 20)


def decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalise_newlines(raw.decode("utf-16"))
        except UnicodeDecodeError as e:
            raise DecodeError("undecodable", f"UTF-16 with a BOM but invalid at byte {e.start}") from None
    try:
        return normalise_newlines(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as utf8_error:
        if _looks_binary(raw):
            raise DecodeError("binary", "it has NUL or control bytes") from None
        if _UTF8_MULTIBYTE.search(raw):
            raise DecodeError("undecodable", f"damaged UTF-8: invalid byte at {utf8_error.start}") from None
        text = _detect(raw)
        if text is None:
            raise DecodeError("undecodable",
                              f"not UTF-8 (byte {utf8_error.start}) and no encoding fits") from None
        return normalise_newlines(text)


# a valid 2- or 3-byte UTF-8 sequence: a file that has them and invalid bytes too is damaged
# UTF-8, not a legacy code page (decoding it as cp1252 would make `Ã©` of every `é`)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}")


def _detect(raw: bytes) -> str | None:
    # threshold 1.0: on short French texts the chaos measure of the right code page is high
    # (PITFALLS), so every Western candidate is kept and ranked by how common it is in French
    results = charset_normalizer.from_bytes(raw, cp_isolation=list(WESTERN), threshold=1.0)
    candidates = [r for r in results if r.encoding in WESTERN]
    # ranked by how common the code page is for French files, not by the chaos measure
    best = min(candidates, key=lambda r: WESTERN.index(r.encoding)) if candidates else None
    if best is None:
        return None
    if best.encoding in ("latin_1", "iso8859_15") and any(0x80 <= b <= 0x9F for b in raw):
        try:  # C1 bytes in French text are cp1252's œ ’ « … not control characters
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            return None   # bytes no Western code page defines: not text we can trust
    return str(best)
