"""The shared vocabulary: source documents and their translatable segments."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class SegmentKind(StrEnum):
    """What block of a document a segment is; written as ``#. type: <value>``."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list-item"
    QUOTE = "quote"
    TABLE_CELL = "table-cell"
    FRONT_MATTER = "front-matter"


@dataclass(frozen=True)
class Segment:
    """One translatable unit of a source document and where its text stands.

    ``start``/``end`` are character offsets in the document's text: rebuilding a translation
    replaces exactly that span. ``continuation`` is written after each line break of a
    translation (the list indentation or ``> `` of the block). ``yaml_style`` is set for a
    front-matter value: the YAML scalar style it was written in (``""`` plain, ``'"'``, ``"'"``,
    ``"|"``, ``">"``).
    """

    text: str
    kind: SegmentKind
    line: int
    start: int
    end: int
    context: str | None = None
    continuation: str = ""
    yaml_style: str | None = None
    demand: str | None = None  # a marked demand's id ("" when left to the campaign record)


@dataclass(frozen=True)
class Document:
    """A parsed source text: its metadata, full text and segments in reading order."""

    id: str
    path: Path
    lang: str
    text: str
    segments: tuple[Segment, ...]
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)

    @property
    def title(self) -> str:
        value = self.meta.get("title")
        return str(value) if value is not None else self.id


class Severity(StrEnum):
    """How bad a finding is; ordered from least to most severe by ``rank``."""

    NOTE = "note"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("note", "warning", "error").index(self.value)


class Category(StrEnum):
    """What a finding is about (DESIGN section 4; a contract)."""

    NAMES = "names"
    DATES = "dates"
    NUMBERS = "numbers"
    DEMANDS = "demands"
    CONSISTENCY = "consistency"
    MARKUP = "markup"
    PUNCTUATION = "punctuation"
    SCRIPT = "script"
    TYPOGRAPHY = "typography"
    COMPLETENESS = "completeness"
    FORMAT = "format"


@dataclass(frozen=True)
class Location:
    """A place in a file: ``path:line``."""

    path: str
    line: int | None = None


@dataclass(frozen=True)
class Finding:
    """One problem found by one check, where it stands and what it is about."""

    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    location: Location
    document: str | None = None
    locale: str | None = None
    msgctxt: str | None = None
    msgid: str | None = None
    msgstr: str | None = None
    source: Location | None = None


@dataclass(frozen=True)
class Pair:
    """A catalogue entry paired with its source: what an entry check looks at.

    ``msgstr`` is the translation (``msgstr[0]`` of a plural entry); ``locale`` is the
    catalogue's language and ``source_locale`` the language of the msgid.
    """

    msgid: str
    msgstr: str
    locale: str
    source_locale: str
    line: int
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr_plural: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    fuzzy: bool = False
    comment: str = ""
    tcomment: str = ""
    occurrences: tuple[tuple[str, str], ...] = ()
    document_date: str | None = None  # ISO date of the document, for dates written without a year


@dataclass(frozen=True)
class CatalogueView:
    """A whole catalogue as checks see it: its header and its active entries."""

    path: str
    locale: str
    source_locale: str
    document: str | None
    metadata: dict[str, str]
    header_line: int
    pairs: tuple[Pair, ...]
    obsolete: int = 0
    path_locale: str | None = None  # the locale its place says (folder or file name)


@dataclass(frozen=True)
class Hit:
    """What a catalogue or workspace check yields: a message and where it stands."""

    message: str
    path: str | None = None
    line: int | None = None
    pair: Pair | None = None
    document: str | None = None
    locale: str | None = None
