"""Completeness checks: untranslated and fuzzy entries, missing and out-of-date catalogues."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from toolkit.checks.registry import Scope, check
from toolkit.checks.workspace_view import WorkspaceView
from toolkit.model import Category, Hit, Pair, Severity


@check("C101", "untranslated", Category.COMPLETENESS, Severity.WARNING, Scope.ENTRY)
def untranslated(pair: Pair) -> Iterable[str]:
    """An entry has no translation."""
    if not pair.fuzzy and not any(pair.msgstr_plural or (pair.msgstr,)):
        return ("not translated yet",)
    return ()


_FUZZY = "marked fuzzy: check the translation against the source, then remove the fuzzy flag"


@check("C102", "fuzzy", Category.COMPLETENESS, Severity.WARNING, Scope.ENTRY)
def fuzzy(pair: Pair) -> Iterable[str]:
    """An entry is marked fuzzy: its translation was guessed or its source changed."""
    if pair.fuzzy:
        return (_FUZZY,)
    return ()


@check("C103", "missing-catalogue", Category.COMPLETENESS, Severity.WARNING, Scope.WORKSPACE)
def missing_catalogue(view: WorkspaceView) -> Iterator[Hit]:
    """A configured locale has no catalogue for a document."""
    for document in view.documents:
        for locale in document.locales:
            if (document.id, locale) not in view.catalogues:
                where = (
                    "advocacy extract, then advocacy update"
                    if document.id not in view.templates
                    else "advocacy update"
                )
                yield Hit(
                    f"no {locale} catalogue for this document: run {where}",
                    path=document.path,
                    line=1,
                    document=document.id,
                    locale=locale,
                )


@check("C104", "stale-template", Category.COMPLETENESS, Severity.WARNING, Scope.WORKSPACE)
def stale_template(view: WorkspaceView) -> Iterator[Hit]:
    """A template no longer matches its source text (the source changed since extraction)."""
    for document in view.documents:
        template = view.templates.get(document.id)
        if template is None:
            continue
        source_keys, template_keys = view.digests.get(document.path), view.digests.get(template)
        if source_keys and template_keys and source_keys != template_keys:
            yield Hit(
                f"template is older than {document.path}: run advocacy extract",
                path=template,
                line=1,
                document=document.id,
            )


@check("C105", "outdated-catalogue", Category.COMPLETENESS, Severity.WARNING, Scope.WORKSPACE)
def outdated_catalogue(view: WorkspaceView) -> Iterator[Hit]:
    """A catalogue's messages differ from its template's (the template changed since update)."""
    for (document, locale), path in sorted(view.catalogues.items()):
        template = view.templates.get(document)
        if template is None:
            continue
        template_keys, catalogue_keys = view.digests.get(template), view.digests.get(path)
        if template_keys and catalogue_keys and template_keys != catalogue_keys:
            yield Hit(
                f"messages differ from {template}: run advocacy update",
                path=path,
                line=1,
                document=document,
                locale=locale,
            )
