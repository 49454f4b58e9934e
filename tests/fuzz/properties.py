"""The properties the fuzz harnesses check, as plain functions: the regression tests run them too.

Each takes any bytes. Bad input may raise ``InputError`` (one line, at a line from 1: checked by
the harness); any other exception, or an ``AssertionError`` from a broken property, is a bug.
"""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.catalog.decode import decode_catalog
from toolkit.catalog.reader import parse_catalog
from toolkit.catalog.writer import format_catalog
from toolkit.errors import InputError
from toolkit.model import Document
from toolkit.rebuild import rebuild
from toolkit.source import decode_text, parse_document

# Where msgcat's own output is no fixed point, nor ours (they are the same): a line written
# ending in a backslash (a flag "\\" read from "#, \\ "), which the next reading joins to the next
# line; a reference "./", written as an empty name (`#:  file:1`), which the next reading drops.
_GNU_NOT_FIXED = re.compile(r"\\\n|^#:(?: [^\n]*)?(?:  | $)", re.MULTILINE)


def reader(data: bytes) -> None:
    """Reading raises nothing but ``InputError``; what is read is written without error, the text
    written reads back, and writing that again gives the same text (a fixed point, but where
    msgcat's is not either)."""
    path = Path("fuzz.po")
    catalogue = parse_catalog(decode_catalog(data, path), path)
    written = format_catalog(catalogue)
    again = format_catalog(parse_catalog(written, path))
    if again != written and not _GNU_NOT_FIXED.search(written):
        raise AssertionError(f"writing what was written changes it:\n{written!r}\n{again!r}")
    format_catalog(catalogue, width=0)


def _blocks(document: Document) -> list[tuple[str | None, str]]:
    return [(segment.context, segment.kind.value) for segment in document.segments]


def segmenter(data: bytes) -> None:
    """Loading a source (as Markdown and as plain text) raises nothing but ``InputError``; the
    segments lie inside the text, in order; rebuilt with each segment "translated" as itself,
    a document gives its source back; rebuilt with other translations, it loads and (Markdown)
    has the same blocks (a translated line that would open a block has its marker escaped, so
    texts may differ by a backslash; plain text rebuilt is Markdown, so it is not compared)."""
    text = decode_text(data, Path("fuzz.md"))
    for name in ("fuzz.md", "fuzz.txt"):
        path = Path(name)
        try:
            document = parse_document(text, path, strict_id=False)
        except InputError:
            continue
        position = 0
        for segment in sorted(document.segments, key=lambda item: item.start):
            if not position <= segment.start <= segment.end <= len(text):
                raise AssertionError(f"{name}: segment out of place: {segment}")
            position = segment.end
        if rebuild(document, lambda segment: segment.text) != text:
            raise AssertionError(f"{name}: the identity rebuild is not the source")
        changed = rebuild(document, lambda segment: segment.text + " 译文")
        try:
            again = parse_document(changed, path, strict_id=False)
        except InputError as error:
            raise AssertionError(f"{name}: a translated rebuild does not load: {error}") from None
        if name.endswith(".md") and _blocks(again) != _blocks(document):
            raise AssertionError(f"{name}: a translated rebuild has other blocks")
