"""The review page's data: per document, one row per segment, one cell per language."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from toolkit.model import Category, Finding, SegmentKind

FRONT_MATTER = "front-matter:"  # the msgctxt of a front matter value, before its key


class Status(StrEnum):
    """What a cell holds: the source, or how far its translation is."""

    SOURCE = "source"
    TRANSLATED = "translated"
    FUZZY = "fuzzy"  # a translation to review: the letter does not carry it yet
    UNTRANSLATED = "untranslated"
    MISSING = "missing"  # no entry for the segment: the catalogue predates the source
    NO_CATALOGUE = "no-catalogue"  # no catalogue for the locale, or one that cannot be read

    @property
    def done(self) -> bool:
        return self in (Status.SOURCE, Status.TRANSLATED)


@dataclass(frozen=True)
class Span:
    """A stretch of a cell's text that findings are about: ``refs`` index ``Review.findings``.

    ``kind`` says what it is (``names``, ``dates``, ``numbers``) or, for a place a message
    points at by its column, the finding's category.
    """

    start: int
    end: int
    kind: str
    refs: tuple[int, ...]


@dataclass(frozen=True)
class Cell:
    """One segment in one language: its text (None when there is none), where it stands, its
    status, the findings on it and the spans to highlight."""

    locale: str
    status: Status
    text: str | None
    path: str | None = None
    line: int | None = None
    findings: tuple[int, ...] = ()
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Row:
    """One segment of a source document: the source cell first, then one per target locale."""

    number: int  # 1-based, in source order
    kind: SegmentKind
    context: str | None
    demand: str | None
    cells: tuple[Cell, ...]

    @property
    def findings(self) -> tuple[int, ...]:
        return tuple(ref for cell in self.cells for ref in cell.findings)

    @property
    def label(self) -> str:
        """What the segment is: ``paragraph``, ``demand release``, or a front matter key
        (``title``, ``recipients.director.name``)."""
        if self.demand is not None:
            return f"demand {self.demand}".rstrip()
        if self.context and self.context.startswith(FRONT_MATTER):
            return self.context[len(FRONT_MATTER) :]
        return self.kind.value


@dataclass(frozen=True)
class Column:
    """A language column of a document: its source, or a catalogue (and why it is empty)."""

    locale: str
    source: bool
    path: str
    problem: str | None = None


@dataclass(frozen=True)
class DocumentReview:
    """One document: its columns, its rows, and the findings that stand on no segment."""

    id: str
    title: str
    lang: str
    path: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    findings: tuple[int, ...] = ()


@dataclass(frozen=True)
class LocaleSummary:
    """One locale over the documents shown: segments translated, fuzzy and untranslated
    (counted once per distinct message, as catalogues count them), and its findings."""

    locale: str
    catalogues: int
    translated: int
    fuzzy: int
    untranslated: int
    by_category: dict[Category, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated


@dataclass(frozen=True)
class Review:
    """Everything the page shows. ``findings`` is the check run's list (filtered to the
    documents and locales shown); rows and cells refer to it by index."""

    root: Path
    documents: tuple[DocumentReview, ...]
    findings: tuple[Finding, ...]
    summaries: tuple[LocaleSummary, ...]
    general: tuple[int, ...] = ()  # findings on no document: glossary, campaign record, ...
