"""Building one job's files (or refusing to, and removing what an earlier build left)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.build.html import Page, long_date, render_page
from toolkit.build.index import render_index
from toolkit.build.jobs import BuildOptions, Job, output_stem
from toolkit.build.pdf import html_to_pdf
from toolkit.build.texts import (
    Translated,
    clean,
    gap_comment,
    letter_section,
    strip_comments,
    translated,
)
from toolkit.fsutil import write_if_changed
from toolkit.paths import confine
from toolkit.settings import Settings


@dataclass
class Built:
    """What became of a job: the files that now stand for it, or its refusal."""

    job: Job
    files: list[Path] = field(default_factory=list)
    written: int = 0
    refused: bool = False

    @property
    def incomplete(self) -> bool:
        return not self.refused and bool(self.job.reasons)


def build_job(job: Job, settings: Settings, options: BuildOptions) -> Built:
    """Write the job's Markdown, HTML and PDF (per recipient for a letter), or refuse it."""
    built = Built(job)
    folder = settings.build_dir
    if job.reasons and not options.allow_incomplete:
        built.refused = True
        for stale in sorted((folder / job.locale).glob(f"{job.document.id}.*")):
            confine(stale, folder, "build output").unlink()
        return built
    as_md = translated(job, "md") if "md" in options.formats else None
    as_html = translated(job, "html")
    units: list[str | None] = [] if options.recipient else [None]
    units += list(job.recipients)
    for recipient in units:
        stem = output_stem(folder, job, recipient)
        outputs: dict[str, str | bytes] = {}
        if as_md is not None:
            outputs["md"] = _markdown(job, as_md, recipient, options)
        if "html" in options.formats or "pdf" in options.formats:
            html = _html(job, as_html, recipient, options)
            if "html" in options.formats:
                outputs["html"] = html
            if "pdf" in options.formats:
                outputs["pdf"] = html_to_pdf(html)
        for suffix, data in outputs.items():
            path = confine(Path(f"{stem}.{suffix}"), folder, "build output")
            built.written += write_if_changed(path, data)
            built.files.append(path)
    return built


def write_index(settings: Settings, results: Sequence[Built]) -> Path:
    """``build/index.html``: every job of the run by document and locale, linked."""
    path = settings.build_dir / "index.html"
    write_if_changed(path, render_index(settings.build_dir, results))
    return path


def _markdown(job: Job, text: Translated, recipient: str | None, options: BuildOptions) -> str:
    comment = gap_comment(job) if job.reasons else ""
    if recipient is None:
        head = text.text[: len(text.text) - len(text.body)]
        return head + comment + text.body
    letter = _letter(job, text, recipient, options)
    lines = [letter["sender"], ""] if letter["sender"] else []
    lines += [letter["date"], ""]
    block = [letter["name"], letter["title"], *letter["address"]]
    lines += [_hard_breaks([line for line in block if line]), ""]
    if letter["salutation"]:
        lines += [letter["salutation"], ""]
    lines += [letter_section(text.body).rstrip("\n"), ""]
    if letter["sender"]:
        lines += [letter["sender"], ""]
    return comment + "\n".join(lines)


def _hard_breaks(lines: list[str]) -> str:
    """Lines kept as lines in Markdown (a backslash at a line's end is a hard break)."""
    return "\\\n".join(lines)


def _html(job: Job, text: Translated, recipient: str | None, options: BuildOptions) -> str:
    title = str(text.meta.get("title") or job.document.id)
    incomplete = tuple(job.reasons)
    if recipient is None:
        page = Page(job.locale, job.document.lang, title, strip_comments(text.body), incomplete)
    else:
        body = strip_comments(letter_section(text.body))
        letter = _letter(job, text, recipient, options)
        page = Page(job.locale, job.document.lang, title, body, incomplete, letter)
    return render_page(page)


def _letter(job: Job, text: Translated, recipient: str, options: BuildOptions) -> dict[str, Any]:
    """The letter's head: sender, date in the letter's language, the recipient's block."""
    found: dict[str, Any] = {}
    listed = text.meta.get("recipients")
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, dict) and str(item.get("id")) == recipient:
            found = item
    date = options.date or _document_date(job)
    address = str(found.get("address") or "").strip("\n")
    return {
        "sender": clean(options.sender) if options.sender else None,
        "date": long_date(date, job.locale) if date else "",
        "iso_date": date.isoformat() if date else "",
        "name": str(found.get("name") or ""),
        "title": str(found.get("title") or found.get("organisation") or ""),
        "address": [line for line in address.split("\n") if line.strip()],
        "salutation": str(found.get("salutation") or ""),
    }


def _document_date(job: Job) -> datetime.date | None:
    value = job.document.meta.get("date")
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None
