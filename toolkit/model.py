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
