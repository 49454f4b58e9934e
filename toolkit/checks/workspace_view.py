"""What workspace-wide checks see: which documents, templates and catalogues exist."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from toolkit.checks.analyse import FileResult
from toolkit.checks.registry import RULES, Scope
from toolkit.model import Finding, Hit, Location


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

    documents: tuple[DocumentInfo, ...]
    templates: dict[str, str]
    catalogues: dict[tuple[str, str], str]
    digests: dict[str, str] = field(default_factory=dict)


def workspace_findings(
    view: WorkspaceView, results: Sequence[FileResult], codes: frozenset[str]
) -> list[Finding]:
    """Run the workspace-scope rules, with the message keys the file analysis found."""
    digests = {result.shown: result.keys for result in results if result.keys is not None}
    complete = replace(view, digests=digests)
    found: list[Finding] = []
    for code, rule in RULES.items():
        if rule.scope is not Scope.WORKSPACE or code not in codes:
            continue
        for hit in rule.function(complete):
            found.append(_finding(code, hit))
    return found


def _finding(code: str, hit: Hit) -> Finding:
    rule = RULES[code]
    return Finding(
        code=rule.code,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        message=hit.message,
        location=Location(hit.path or "", hit.line),
        document=hit.document,
        locale=hit.locale,
    )
