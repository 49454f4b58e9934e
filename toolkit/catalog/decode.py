"""A catalogue file's bytes decoded: the header's charset, and what no catalogue can be."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from toolkit.errors import InputError, line_at

_CHARSET = re.compile(rb'^"Content-Type:[^"\n]*charset=([A-Za-z0-9_.:-]+)', re.MULTILINE)
# The first four bytes of a compiled .mo file, little- and big-endian.
_MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")
# Codecs Python knows that are no charset of a text file: they read ASCII as something else.
_NOT_CHARSETS = frozenset(("idna", "punycode", "unicode-escape", "raw-unicode-escape", "undefined"))
_ASCII_PROBE = bytes(range(0x20, 0x7F)) + b"\n\t\\n\\u00e9 xn--ls8h"


def decode_catalog(data: bytes, path: Path) -> str:
    """A catalogue file's text: its bytes decoded as the header's charset (else as UTF-8).

    What cannot be a catalogue's text is refused at its line: a compiled .mo file, UTF-16,
    NUL bytes, a charset that is not ASCII-compatible, and UTF-8 text whose header declares a
    one-byte charset (Latin-1 read from UTF-8 bytes would be mojibake, not a translation).
    """
    if data[:4] in _MO_MAGIC:
        raise InputError(
            path, 1, "a compiled .mo file, not a .po catalogue (msgunfmt turns it back into one)"
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, 1, "the file is UTF-16 text: save it as UTF-8")
    data = data.removeprefix(codecs.BOM_UTF8)
    nul = data.find(b"\0")
    if nul >= 0:
        raise InputError(
            path,
            line_at(data, nul),
            "NUL byte: a catalogue is text (is this a binary or a UTF-16 file?)",
        )
    end = data.find(b"\n\n")  # the header is the first entry: look no further
    end = end if end >= 0 else len(data)
    # The search starts where its literal first stands (a search tries each place before).
    first = data.find(b'"Content-Type:', 0, end)
    found = _CHARSET.search(data, first, end) if first >= 0 else None
    charset = found.group(1).decode("ascii") if found else "utf-8"
    try:
        name = codecs.lookup(charset).name
    except LookupError:  # e.g. the template placeholder "CHARSET"
        charset = name = "utf-8"
    line = line_at(data, found.start()) if found else 1
    if name != "utf-8" and not _ascii_compatible(charset):
        raise InputError(
            path,
            line,
            f"charset {charset} is not a charset a catalogue can be written in: save the file"
            " as UTF-8 and declare charset=UTF-8",
        )
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as error:
        line = line_at(data, error.start)
        raise InputError(
            path,
            line,
            f"byte 0x{data[error.start]:02x} is not valid {charset}; the file must be UTF-8 "
            "or declare its charset in the header",
        ) from None
    if name != "utf-8" and len(text) == len(data) and not data.isascii() and _is_utf8(data):
        first = next(index for index, byte in enumerate(data) if byte > 0x7F)
        raise InputError(
            path,
            line_at(data, first),
            f"the header declares charset={charset} but the file is UTF-8: declare"
            " charset=UTF-8 in its Content-Type",
        )
    return text


def _ascii_compatible(charset: str) -> bool:
    """True for a charset that reads ASCII as ASCII (not UTF-16, UTF-7, EBCDIC, escapes...)."""
    if codecs.lookup(charset).name in _NOT_CHARSETS:
        return False
    try:
        return _ASCII_PROBE.decode(charset) == _ASCII_PROBE.decode("ascii")
    except (UnicodeError, LookupError):
        return False


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
