"""What workspace-wide checks see: documents, templates, catalogues, and catalogues by group."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from toolkit.catalog.reader import read_catalog
from toolkit.checks.analyse import FileResult, Target, catalogue_view
from toolkit.checks.registry import RULES, Rule, Scope
from toolkit.errors import InputError
from toolkit.model import CatalogueView, Finding, Hit, Location


@dataclass(frozen=True)
class DocumentInfo:
    """A source document as workspace checks see it."""

    id: str
    path: str
    lang: str
    locales: tuple[str, ...]  # the locales it must be translated into


@dataclass(frozen=True)
class WorkspaceView:
    """Documents, their templates and catalogues (shown paths), and each file's message keys."""

    root: Path
    documents: tuple[DocumentInfo, ...]
    templates: dict[str, str]
    catalogues: dict[tuple[str, str], str]
    digests: dict[str, str] = field(default_factory=dict)

    def load(self, document: str, locale: str) -> CatalogueView | None:
        """One catalogue read again for checks across files; None when it cannot be read
        (its own analysis reports that)."""
        shown = self.catalogues[(document, locale)]
        try:
            catalogue = read_catalog(self.root / shown)
        except InputError:
            return None
        return catalogue_view(Target(self.root / shown, shown, locale, document), catalogue)


def workspace_findings(
    view: WorkspaceView, results: Sequence[FileResult], codes: frozenset[str]
) -> list[Finding]:
    """Run the rules that look across files, with the message keys the file analysis found."""
    digests = {result.shown: result.keys for result in results if result.keys is not None}
    complete = replace(view, digests=digests)
    chosen = [RULES[code] for code in sorted(codes) if code in RULES]
    found: list[Finding] = []
    for rule in chosen:
        if rule.scope is Scope.WORKSPACE:
            found.extend(_finding(rule, hit) for hit in rule.function(complete))
    grouped = [rule for rule in chosen if rule.scope in (Scope.DOCUMENT, Scope.LOCALE)]
    if grouped:
        found.extend(_grouped_findings(complete, grouped))
    return found


def _grouped_findings(view: WorkspaceView, rules: list[Rule]) -> Iterator[Finding]:
    """Document rules get one document's catalogues; locale rules all catalogues of a locale.

    Catalogues are read one locale at a time, so memory holds one locale's worth at most.
    """
    locales = sorted({locale for _, locale in view.catalogues})
    by_document: dict[str, dict[str, CatalogueView]] = {}
    for locale in locales:
        loaded = {
            document: catalogue
            for (document, where) in sorted(view.catalogues)
            if where == locale and (catalogue := view.load(document, locale)) is not None
        }
        for rule in rules:
            if rule.scope is Scope.LOCALE:
                yield from (_finding(rule, hit, locale) for hit in rule.function(locale, loaded))
        if any(rule.scope is Scope.DOCUMENT for rule in rules):
            for document, catalogue in loaded.items():
                by_document.setdefault(document, {})[locale] = catalogue
    for rule in rules:
        if rule.scope is Scope.DOCUMENT:
            for document in sorted(by_document):
                for hit in rule.function(document, by_document[document]):
                    yield _finding(rule, hit, hit.locale)


def _finding(rule: Rule, hit: Hit, locale: str | None = None) -> Finding:
    pair = hit.pair
    return Finding(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        message=hit.message,
        location=Location(
            hit.path or "", hit.line if hit.line is not None else (pair.line if pair else None)
        ),
        document=hit.document,
        locale=hit.locale or locale,
        msgctxt=pair.msgctxt if pair else None,
        msgid=pair.msgid if pair else None,
        msgstr=pair.msgstr if pair else None,
    )
