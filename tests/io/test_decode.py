"""Bytes to text: UTF-8 first, UTF-16 by BOM, Western code pages for legacy French files."""
import pytest

from pipeline.io.decode import DecodeError, decode

FRENCH = "Le cœur de l’État « ici » était présent à l’Élysée, déjà."


@pytest.mark.parametrize("raw, expected", [
    (FRENCH.encode("utf-8"), FRENCH),                          # plain UTF-8
    (b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), FRENCH),        # BOM dropped
    (FRENCH.encode("utf-16"), FRENCH),                         # UTF-16 with its BOM
    (FRENCH.encode("cp1252"), FRENCH),                         # Windows-1252: œ ’ « » survive
    ("Un été à Noël, déjà.".encode("latin-1"), "Un été à Noël, déjà."),  # short Latin-1
    (b"a\r\nb\rc\n", "a\nb\nc\n"),                             # line ends normalised
])
def test_when_bytes_are_french_text_then_they_decode_right(raw, expected):
    assert decode(raw) == expected


@pytest.mark.parametrize("raw, kind", [
    (b"\x00\x01\x02\x03binary\x00\xff" * 20, "binary"),                 # NUL bytes
    ("Un été ".encode() + b"\xff\xfe\xfa" + "à".encode(), "undecodable"),  # damaged UTF-8
    (b"\x81\x8d\x8f\x90\x9d abc \x81\x81", "undecodable"),                # no Western page defines them
])
def test_when_bytes_are_not_text_then_decode_says_why(raw, kind):
    with pytest.raises(DecodeError) as e:
        decode(raw)
    assert e.value.kind == kind
