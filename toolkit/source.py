"""Loading source documents: decoding, front matter, identity checks and segmentation."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from toolkit import frontmatter, segment
from toolkit.errors import InputError, line_at
from toolkit.locales import parse_locale
from toolkit.model import Document
from toolkit.textutil import is_cjk

SOURCE_SUFFIXES = (".md", ".markdown", ".txt")
_LONE_CR = re.compile(r"\r(?!\n)")


def read_text(path: Path) -> str:
    """A file's text as UTF-8 (a BOM is dropped); bad bytes are an error at their line.

    Lone CRs (classic Mac OS line ends) become line feeds, as the Markdown parser reads them;
    CRLF stays as written.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, None, f"cannot read: {error.strerror}") from None
    return decode_text(data, path)


def decode_text(data: bytes, path: Path) -> str:
    """The text of a source file's bytes, as `read_text` reads them (``path`` for errors)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, 1, "the file is UTF-16 text: save it as UTF-8")
    nul = data.find(b"\0")
    if nul >= 0:
        line = line_at(data, nul)
        raise InputError(path, line, "NUL byte: a source text is text (is this a binary file?)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = line_at(data, error.start)
        raise InputError(path, line, "not valid UTF-8 text (save the file as UTF-8)") from None
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def load_document(path: Path, *, strict_id: bool = True) -> Document:
    """Parse one source text (Markdown, or plain text pasted from a PDF).

    A workspace's documents need a valid id (it names their catalogues); a text checked on its
    own (``strict_id=False``) may have any file name.
    """
    return parse_document(read_text(path), path, strict_id=strict_id)


def parse_document(text: str, path: Path, *, strict_id: bool = True) -> Document:
    """A source text already read: ``path`` names it (its suffix says whether it is plain
    text, its stem is the default id) and places its errors."""
    front = frontmatter.split(text, path)
    ident = str(front.values.get("id", path.stem))
    if not strict_id and "id" not in front.values:
        ident = re.sub(r"[^a-z0-9]+", "-", ident.lower()).strip("-") or "document"
    if not frontmatter.ID_PATTERN.fullmatch(ident):
        where = front.lines.get("id")
        what = "id" if where else f"file name {path.stem!r} (used as the id)"
        raise InputError(path, where, f"{what} must use only a-z, 0-9 and '-'; got {ident!r}")
    _check_date(front.values.get("date"), path, front.lines.get("date"))
    if path.suffix == ".txt":
        body = segment.text_segments(text, front.body_start)
    else:
        try:
            body = segment.markdown_segments(text, front.body_start)
        except segment.TooDeep as deep:
            raise InputError(
                path,
                deep.line,
                f"lists and quotes nested more than {deep.limit} levels deep: Markdown readers"
                " stop here and drop the rest of the block",
            ) from None
    lang = _language(front.values.get("lang"), text, path, front.lines.get("lang"))
    return Document(
        id=ident,
        path=path,
        lang=lang,
        text=text,
        segments=(*front.segments, *body),
        meta=front.values,
        meta_lines=front.lines,
    )


def _check_date(value: object, path: Path, line: int | None) -> None:
    if value is None or isinstance(value, dt.date):
        return
    try:
        dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(
            path, line, f"date must be an ISO date (YYYY-MM-DD); got {value!r}"
        ) from None


def _language(value: object, text: str, path: Path, line: int | None) -> str:
    if value is None:
        return guess_language(text)
    try:
        parse_locale(str(value))
    except ValueError:
        raise InputError(
            path, line, f"lang: unknown locale {value!r} (write en, zh_Hans...)"
        ) from None
    return str(value)


def guess_language(text: str) -> str:
    """For a source without ``lang``: Chinese when most of its letters are CJK, else English."""
    letters = [char for char in text if char.isalpha()]
    if letters and sum(map(is_cjk, letters)) > len(letters) / 2:
        return "zh_Hans"
    return "en"


def discover(source_dir: Path) -> list[Path]:
    """The source texts of a folder, sorted; hidden files and CORRECTIONS-style notes excluded."""
    if not source_dir.is_dir():
        return []
    return sorted(
        path
        for path in source_dir.iterdir()
        if path.is_file()
        and path.suffix in SOURCE_SUFFIXES
        and not path.name.startswith(".")
        and not is_note(path)
    )


def is_note(path: Path) -> bool:
    """A file named in capitals (README.md, CORRECTIONS.md): a note beside the source texts,
    not one of them."""
    return path.stem.isupper()


def load_documents(paths: Iterable[Path]) -> list[Document]:
    """Load every document; two with one id is an error at the second."""
    documents: list[Document] = []
    seen: dict[str, Document] = {}
    for path in paths:
        document = load_document(path)
        if document.id in seen:
            first = seen[document.id].path
            raise InputError(
                path,
                document.meta_lines.get("id"),
                f"id {document.id!r} is already used by {first}",
            )
        seen[document.id] = document
        documents.append(document)
    return documents
