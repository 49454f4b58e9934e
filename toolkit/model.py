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
