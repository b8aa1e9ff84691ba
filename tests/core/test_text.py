"""One decoding policy for every file the register reads: UTF-8, UTF-16 with its mark, French
Windows-1252; anything else refused, never repaired."""

import pytest

from registre.core.text import UndecodableText, decode_text

FRENCH = "Délibération n°3 : « Mme Hélène LÈBRE » – 12 € – cœur"


@pytest.mark.parametrize(
    "data,encoding",
    [
        (FRENCH.encode("utf-8"), "UTF-8"),
        (b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), "UTF-8"),
        (FRENCH.encode("utf-16"), "UTF-16"),
        (FRENCH.encode("cp1252"), "Windows-1252"),
    ],
)
def test_each_accepted_encoding_gives_the_same_text(data, encoding):
    decoded = decode_text(data)
    assert (decoded.text, decoded.encoding) == (FRENCH, encoding)


@pytest.mark.parametrize(
    "data,kind",
    [
        (b"", "empty"),
        (b"  \n ", "empty"),
        (b"PK\x03\x04\x00\x00binary", "binary"),
        (bytes(range(1, 31)) * 20, "binary"),
        ("Délibération, Hélène, Jérôme, à".encode("mac_roman"), "encoding"),
        ("Délibération, Hélène, Jérôme, à".encode("cp850"), "encoding"),
    ],
)
def test_other_bytes_are_refused_with_a_reason(data, kind):
    with pytest.raises(UndecodableText) as error:
        decode_text(data)
    assert error.value.kind == kind and error.value.reason


def test_bad_bytes_are_never_replaced():
    data = "Présents : M. Jérôme LÈBRE".encode()[:-1] + b"\x81\x8d"
    with pytest.raises(UndecodableText):
        decode_text(data)
