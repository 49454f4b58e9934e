"""The review of a workspace: one check run, and each document's segments with their
translations, findings and highlighted spans."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import polib

from toolkit.catalog.reader import read_catalog
from toolkit.check import check, options_from
from toolkit.errors import InputError
from toolkit.glossary import Glossary, load_glossary
from toolkit.locales import same_language
from toolkit.model import Category, Document, Finding
from toolkit.review.model import (
    Cell,
    Column,
    DocumentReview,
    LocaleSummary,
    Review,
    Row,
    Span,
    Status,
)
from toolkit.review.spans import Place, Text, finding_spans
from toolkit.workspace import Workspace

Key = tuple[str | None, str]  # (msgctxt, msgid): how a catalogue names a segment


@dataclass(frozen=True)
class ReviewOptions:
    """``advocacy report``'s choices; empty tuples mean every locale and document."""

    locales: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Translations:
    """A catalogue's active entries by key, or why there are none."""

    path: str
    entries: dict[Key, polib.POEntry]
    problem: str | None = None


def review(workspace: Workspace, options: ReviewOptions | None = None) -> Review:
    """Check the workspace once and lay out every chosen document for review."""
    options = options or ReviewOptions()
    every = workspace.documents()
    documents = _chosen(every, options.documents)
    report = check([], workspace, options_from(workspace), options.locales)
    chosen = {document.id: document for document in documents}
    owners = _owners(workspace, every, options.locales)
    owned = (
        replace(f, document=f.document or owners.get(f.location.path)) for f in report.findings
    )
    findings = tuple(f for f in owned if _shown(f, chosen, options))
    glossary = _glossary(workspace)
    by_document: dict[str, list[int]] = defaultdict(list)
    general: list[int] = []
    for index, finding in enumerate(findings):
        if finding.document in chosen:
            by_document[finding.document].append(index)
        else:
            general.append(index)
    reviews = tuple(
        _document(
            workspace, document, options.locales, findings, by_document[document.id], glossary
        )
        for document in documents
    )
    return Review(
        root=workspace.settings.root,
        documents=reviews,
        findings=findings,
        summaries=_summaries(workspace, reviews, findings),
        general=tuple(general),
    )


def _chosen(documents: list[Document], wanted: tuple[str, ...]) -> list[Document]:
    known = {document.id for document in documents}
    for name in wanted:
        if name not in known:
            raise InputError(None, None, f"--document: no source text has the id {name!r}")
    return [document for document in documents if not wanted or document.id in wanted]


def _owners(
    workspace: Workspace, documents: Sequence[Document], locales: tuple[str, ...]
) -> dict[str, str]:
    """The document each file belongs to, by the path findings give: a finding on a file that
    names no document (a suppression that suppresses nothing) is shown with its document."""
    settings = workspace.settings
    owners: dict[str, str] = {}
    for document in documents:
        files = [document.path, settings.template_path(document.id)]
        files += [
            settings.catalogue_path(document.id, locale)
            for locale in workspace.target_locales(document.lang, locales)
        ]
        owners.update((settings.relative(path), document.id) for path in files)
    return owners


def _shown(finding: Finding, documents: dict[str, Document], options: ReviewOptions) -> bool:
    """A finding of a document shown (on its source, or a catalogue of a locale shown), or of
    no document (the glossary, the campaign record, a catalogue whose source is gone) unless
    ``--document`` chose some."""
    document = documents.get(finding.document or "")
    if document is None:
        return finding.document is None or not options.documents
    locales = options.locales
    if not locales or not finding.locale or same_language(finding.locale, document.lang):
        return True
    return finding.locale in locales


def _glossary(workspace: Workspace) -> Glossary | None:
    path = workspace.settings.glossary
    if not path.is_file():
        return None
    try:
        return load_glossary(path)
    except InputError:
        return None  # reported by the check run as a finding; names are then not highlighted


def _document(
    workspace: Workspace,
    document: Document,
    locales: tuple[str, ...],
    findings: Sequence[Finding],
    indices: list[int],
    glossary: Glossary | None,
) -> DocumentReview:
    settings = workspace.settings
    source_path = settings.relative(document.path)
    targets = workspace.target_locales(document.lang, locales)
    catalogues = {locale: _translations(workspace, document.id, locale) for locale in targets}
    columns = (
        Column(document.lang, True, source_path),
        *(
            Column(locale, False, catalogues[locale].path, catalogues[locale].problem)
            for locale in targets
        ),
    )
    placed, loose = _place(findings, indices, source_path, targets)
    rows: list[Row] = []
    seen: set[Key] = set()
    for number, segment in enumerate(document.segments, start=1):
        key: Key = (segment.context, segment.text)
        first = key not in seen  # a repeated segment is one message: its findings go on the first
        seen.add(key)
        cells = [Cell(document.lang, Status.SOURCE, segment.text, source_path, segment.line)]
        cells += [_cell(locale, catalogues[locale], key) for locale in targets]
        if first:
            cells = _with_findings(cells, key, placed, findings, glossary)
        rows.append(Row(number, segment.kind, segment.context, segment.demand, tuple(cells)))
    unplaced = loose | {
        index
        for (_, context, msgid), placed_here in placed.items()
        if (context, msgid) not in seen
        for index in placed_here
    }
    return DocumentReview(
        document.id,
        document.title,
        document.lang,
        source_path,
        columns,
        tuple(rows),
        tuple(sorted(unplaced)),
    )


def _translations(workspace: Workspace, document: str, locale: str) -> _Translations:
    settings = workspace.settings
    path = settings.catalogue_path(document, locale)
    shown = settings.relative(path)
    if not path.is_file():
        return _Translations(shown, {}, "no catalogue (run advocacy update)")
    try:
        catalogue = read_catalog(path)
    except InputError as error:
        return _Translations(shown, {}, f"cannot be read: {error.message}")
    entries: dict[Key, polib.POEntry] = {
        (entry.msgctxt, entry.msgid): entry for entry in catalogue if not entry.obsolete
    }
    return _Translations(shown, entries)


def _cell(locale: str, catalogue: _Translations, key: Key) -> Cell:
    if catalogue.problem is not None:
        return Cell(locale, Status.NO_CATALOGUE, None, catalogue.path)
    entry = catalogue.entries.get(key)
    if entry is None:
        return Cell(locale, Status.MISSING, None, catalogue.path)
    plural = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    text = plural[0] if plural else entry.msgstr
    if entry.fuzzy:
        status = Status.FUZZY
    elif not text:
        status = Status.UNTRANSLATED
    else:
        status = Status.TRANSLATED
    return Cell(locale, status, text or None, catalogue.path, entry.linenum or None)


# Where each finding stands: (column locale or "" for the source, msgctxt, msgid).
Placed = dict[tuple[str, str | None, str], list[int]]


def _place(
    findings: Sequence[Finding], indices: list[int], source_path: str, targets: list[str]
) -> tuple[Placed, set[int]]:
    """The findings on a segment by cell; the others (headers, whole catalogues) apart."""
    placed: Placed = defaultdict(list)
    loose: set[int] = set()
    for index in indices:
        finding = findings[index]
        if finding.msgid is None:
            loose.add(index)
        elif finding.location.path == source_path:
            placed[("", finding.msgctxt, finding.msgid)].append(index)
        elif finding.locale in targets:
            placed[(finding.locale, finding.msgctxt, finding.msgid)].append(index)
        else:
            loose.add(index)  # a template's entry: no column of its own
    return placed, loose


def _with_findings(
    cells: list[Cell],
    key: Key,
    placed: Placed,
    findings: Sequence[Finding],
    glossary: Glossary | None,
) -> list[Cell]:
    """The cells with the findings standing on them and the spans those findings are about."""
    source = cells[0]
    assert source.text is not None
    spans: list[dict[tuple[int, int, str], list[int]]] = [defaultdict(list) for _ in cells]
    refs: list[list[int]] = [[] for _ in cells]
    for column, cell in enumerate(cells):
        locale = "" if column == 0 else cell.locale
        for index in placed.get((locale, *key), []):
            refs[column].append(index)
            target = Text(cell.text or "", cell.locale) if column else None
            found = finding_spans(
                findings[index], Text(source.text, source.locale), target, glossary
            )
            _add(spans[0], found[0], index)
            _add(spans[column], found[1], index)
    return [
        Cell(
            cell.locale,
            cell.status,
            cell.text,
            cell.path,
            cell.line,
            tuple(refs[column]),
            _resolved(spans[column]) if cell.text else (),
        )
        for column, cell in enumerate(cells)
    ]


def _add(spans: dict[tuple[int, int, str], list[int]], places: list[Place], index: int) -> None:
    for place in places:
        if index not in spans[place]:
            spans[place].append(index)


def _resolved(spans: dict[tuple[int, int, str], list[int]]) -> tuple[Span, ...]:
    """Spans that do not overlap, in text order: the earlier (then the longer) one wins, and
    the findings of a span it covers are added to it."""
    kept: list[Span] = []
    for (start, end, kind), indices in sorted(
        spans.items(), key=lambda item: (item[0][0], -item[0][1])
    ):
        if kept and start < kept[-1].end:
            last = kept[-1]
            merged = tuple(sorted({*last.refs, *indices}))
            kept[-1] = Span(last.start, last.end, last.kind, merged)
            continue
        kept.append(Span(start, end, kind, tuple(sorted(indices))))
    return tuple(kept)


def _summaries(
    workspace: Workspace, documents: Sequence[DocumentReview], findings: Sequence[Finding]
) -> tuple[LocaleSummary, ...]:
    """Per locale: distinct messages translated, fuzzy and untranslated; findings by category
    and severity (on its catalogues and on sources written in it)."""
    counts: dict[str, dict[Status, int]] = defaultdict(lambda: defaultdict(int))
    catalogues: dict[str, int] = defaultdict(int)
    for document in documents:
        for position, column in enumerate(document.columns):
            if column.source:
                continue
            catalogues[column.locale] += column.problem is None
            seen: set[Key] = set()
            for row in document.rows:
                key = (row.context, row.cells[0].text or "")
                if key not in seen:
                    seen.add(key)
                    counts[column.locale][row.cells[position].status] += 1
    categories: dict[str, dict[Category, int]] = defaultdict(lambda: defaultdict(int))
    for finding in findings:
        if finding.locale:
            categories[finding.locale][finding.category] += 1
    named = set(counts) | set(categories) | {d.lang for d in documents}
    configured = [locale for locale in workspace.settings.locales if locale in named]
    ordered = configured + sorted(named - set(configured))
    return tuple(
        LocaleSummary(
            locale,
            catalogues[locale],
            counts[locale][Status.TRANSLATED],
            counts[locale][Status.FUZZY],
            sum(
                counts[locale][s]
                for s in (Status.UNTRANSLATED, Status.MISSING, Status.NO_CATALOGUE)
            ),
            {
                category: categories[locale][category]
                for category in Category
                if categories[locale][category]
            },
        )
        for locale in ordered
    )
