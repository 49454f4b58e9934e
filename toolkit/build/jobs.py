"""What a build makes: one job per document and locale, with every reason to refuse it."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from toolkit.catalog.reader import read_catalog
from toolkit.check import check, options_from
from toolkit.errors import InputError
from toolkit.locales import same_language
from toolkit.model import Category, Document, Finding, Segment, Severity
from toolkit.workspace import Workspace

FORMATS = ("md", "html", "pdf")

Key = tuple[str | None, str]


@dataclass(frozen=True)
class BuildOptions:
    """``advocacy build``'s options; empty tuples mean every locale, document and format."""

    locales: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    formats: tuple[str, ...] = ("md", "html")
    recipient: str | None = None
    sender: str | None = None
    date: datetime.date | None = None
    allow_incomplete: bool = False


@dataclass
class Job:
    """One document in one locale: its translations, the segments left in the source language
    (``gaps``: segment key -> why) and the reasons the gate refuses it (``path:line: ...``)."""

    document: Document
    locale: str
    translations: dict[Key, str] = field(default_factory=dict)
    gaps: dict[Key, str] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    recipients: tuple[str, ...] = ()

    @property
    def is_source(self) -> bool:
        return same_language(self.locale, self.document.lang)

    @property
    def total(self) -> int:
        return len({key(segment) for segment in self.document.segments})

    @property
    def translated(self) -> int:
        return self.total - len(self.gaps)


def key(segment: Segment) -> Key:
    return (segment.context, segment.text)


def plan(workspace: Workspace, options: BuildOptions) -> list[Job]:
    """Every job the options ask for, each with its translations and its gate's reasons."""
    documents = _chosen_documents(workspace, options)
    jobs: list[Job] = []
    for document in documents:
        recipients = _recipients(document, options.recipient)
        for locale in _locales(workspace, document, options.locales):
            jobs.append(_job(workspace, document, locale, recipients))
    if options.recipient and not any(job.recipients for job in jobs):
        raise InputError(
            None, None, f"--recipient: no document has a recipient {options.recipient!r}"
        )
    _gate(workspace, jobs, options.locales)
    return jobs


def _chosen_documents(workspace: Workspace, options: BuildOptions) -> list[Document]:
    documents = workspace.documents()
    known = {document.id for document in documents}
    for name in options.documents:
        if name not in known:
            raise InputError(None, None, f"--document: no source text has the id {name!r}")
    if options.documents:
        documents = [document for document in documents if document.id in options.documents]
    if options.recipient and options.documents:
        for document in documents:
            if options.recipient not in _recipient_ids(document):
                message = f"--recipient: {document.id} has no recipient {options.recipient!r}"
                raise InputError(document.path, document.meta_lines.get("recipients"), message)
    if options.recipient:
        documents = [d for d in documents if options.recipient in _recipient_ids(d)]
    return documents


def _recipient_ids(document: Document) -> list[str]:
    listed = document.meta.get("recipients")
    if not isinstance(listed, list):
        return []
    return [str(item["id"]) for item in listed if isinstance(item, dict) and "id" in item]


def _recipients(document: Document, only: str | None) -> tuple[str, ...]:
    ids = _recipient_ids(document)
    return tuple(ident for ident in ids if only is None or ident == only)


def _locales(workspace: Workspace, document: Document, only: tuple[str, ...]) -> list[str]:
    """The source's own language (the letter as written) and each locale it is translated into."""
    targets = workspace.target_locales(document.lang, only)
    if only and not any(same_language(name, document.lang) for name in only):
        return targets
    return [document.lang, *targets]


def _job(workspace: Workspace, document: Document, locale: str, recipients: tuple[str, ...]) -> Job:
    job = Job(document, locale, recipients=recipients)
    if job.is_source:
        return job
    settings = workspace.settings
    path = settings.catalogue_path(document.id, locale)
    shown = settings.relative(path)
    for segment in document.segments:
        job.gaps[key(segment)] = "untranslated"
    if not path.is_file():
        job.reasons.append(f"{shown}: no catalogue for {locale} (run advocacy update)")
        return job
    try:
        catalogue = read_catalog(path)
    except InputError as error:
        job.reasons.append(f"{shown}:{error.line or 1}: unreadable catalogue: {error.message}")
        return job
    entries: dict[Key, polib.POEntry] = {
        (entry.msgctxt, entry.msgid): entry for entry in catalogue if not entry.obsolete
    }
    source = settings.relative(document.path)
    for segment in document.segments:
        wanted = key(segment)
        entry = entries.get(wanted)
        if entry is None:
            where = f"{source}:{segment.line}"
            job.reasons.append(
                f"{where}: not in {shown} (run advocacy update): {_short(segment.text)}"
            )
        elif entry.fuzzy:
            job.gaps[wanted] = "fuzzy"
            job.reasons.append(f"{shown}:{entry.linenum}: fuzzy: {_short(segment.text)}")
        elif not entry.msgstr:
            job.reasons.append(f"{shown}:{entry.linenum}: untranslated: {_short(segment.text)}")
        else:
            job.translations[wanted] = entry.msgstr
            del job.gaps[wanted]
    return job


def _short(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _gate(workspace: Workspace, jobs: Sequence[Job], locales: tuple[str, ...]) -> None:
    """Add to each job the errors and demand findings the checks report on it."""
    report = check([], workspace, options_from(workspace), locales)
    standing: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        if finding.document and (finding.severity is Severity.ERROR or _is_demand(finding)):
            standing[finding.document].append(finding)
    for job in jobs:
        for finding in standing.get(job.document.id, []):
            if _applies(finding, job):
                job.reasons.append(_reason(finding))


def _is_demand(finding: Finding) -> bool:
    return finding.category is Category.DEMANDS


def _applies(finding: Finding, job: Job) -> bool:
    """A finding on the source stands on every locale; one on a catalogue on its own."""
    if finding.locale is None or same_language(finding.locale, job.document.lang):
        return True
    return finding.locale == job.locale


def _reason(finding: Finding) -> str:
    where = finding.location.path
    if finding.location.line is not None:
        where += f":{finding.location.line}"
    return f"{where}: {finding.code} {finding.message}"


def output_stem(folder: Path, job: Job, recipient: str | None) -> Path:
    """``build/<locale>/<doc>`` or ``build/<locale>/<doc>.<recipient>`` (suffix added later)."""
    name = job.document.id if recipient is None else f"{job.document.id}.{recipient}"
    return folder / job.locale / name
