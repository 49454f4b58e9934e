"""Source documents to ``.pot`` templates: one template per document, written only on change."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

import polib

from toolkit.campaign import Campaign, load_campaign
from toolkit.catalog.writer import format_catalog
from toolkit.fsutil import read_snapshot, write_if_changed
from toolkit.glossary import Glossary, load_glossary
from toolkit.glossary.hints import hints
from toolkit.model import Document, Segment
from toolkit.settings import Settings

SOURCE_LANGUAGE_HEADER = "X-Source-Language"
DOCUMENT_DATE_HEADER = "X-Document-Date"
_CREATION_DATE = re.compile(r'^"POT-Creation-Date: ([^"\\]*)\\n"$', re.MULTILINE)


@dataclass(frozen=True)
class Extracted:
    """One template: its path, how many entries it has, and whether the file was written.

    ``changed`` says whether the file on disk differed from the template (or was missing): in a
    check (``write=False``) nothing is written and ``changed`` names the out-of-date templates.
    """

    document: str
    path: Path
    entries: int
    written: bool
    changed: bool = False


def now() -> str:
    """``POT-Creation-Date`` for now; ``SOURCE_DATE_EPOCH`` fixes it for reproducible runs."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        dt.datetime.fromtimestamp(int(epoch), dt.UTC)
        if epoch and epoch.isdigit()
        else dt.datetime.now(dt.UTC)
    )
    return moment.strftime("%Y-%m-%d %H:%M+0000")


def _type(segment: Segment, document: Document, campaign: Campaign | None) -> str:
    """``type: paragraph``, or ``type: demand <id>`` for a marked demand.

    An unmarked item of a demands list takes the id of the campaign's demand it states; one that
    cannot be told is written ``type: demand ?`` (the check A105 says why).
    """
    if segment.demand is None:
        return f"type: {segment.kind.value}"
    ident = segment.demand
    if not ident and campaign is not None:
        ident = campaign.identify(segment.text, document.lang)[0] or ""
    return f"type: demand {ident or '?'}"


def load_campaign_of(settings: Settings) -> Campaign | None:
    """The workspace's campaign record, if it has one."""
    return load_campaign(settings.campaign) if settings.campaign.is_file() else None


def build_template(
    document: Document,
    settings: Settings,
    created: str,
    campaign: Campaign | None = None,
    glossary: Glossary | None = None,
) -> polib.POFile:
    """The template of one document: a header and one entry per distinct segment.

    With a glossary, an entry that mentions glossary names gets a ``names:`` hint for each.
    """
    template = polib.POFile(wrapwidth=settings.wrap)
    template.header = (
        f"Translation template of {document.title!r} ({document.id}).\n"
        f"Made by advocacy extract from {settings.relative(document.path)}:"
        " edit the source, not this file."
    )
    template.metadata_is_fuzzy = True
    template.metadata = {
        "Project-Id-Version": document.id,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": created,
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        SOURCE_LANGUAGE_HEADER: document.lang,
    }
    if document.meta.get("date") is not None:
        template.metadata[DOCUMENT_DATE_HEADER] = str(document.meta["date"])[:10]
    source = settings.relative(document.path)
    entries: dict[tuple[str | None, str], polib.POEntry] = {}
    for segment in document.segments:
        key = (segment.context, segment.text)
        entry = entries.get(key)
        if entry is None:
            comment = [_type(segment, document, campaign)]
            if glossary is not None:
                comment += hints(glossary, segment.text, document.lang, settings.locales)
            entry = polib.POEntry(
                msgid=segment.text, msgctxt=segment.context, comment="\n".join(comment)
            )
            entries[key] = entry
            template.append(entry)
        entry.occurrences.append((source, str(segment.line)))
    return template


def extract(
    documents: list[Document], settings: Settings, *, write: bool = True
) -> list[Extracted]:
    """Write the template of every document; a template whose entries did not change is left alone.

    Every template is computed before any is written, so a bad file changes nothing. With
    ``write=False`` nothing is written: the results only say which templates are out of date.
    """
    planned: list[tuple[Document, Path, str, int, bool]] = []
    campaign = load_campaign_of(settings)
    glossary = load_glossary(settings.glossary) if settings.glossary.is_file() else None
    for document in documents:
        path = settings.template_path(document.id)
        text, count, changed = _template_text(document, settings, path, campaign, glossary)
        planned.append((document, path, text, count, changed))
    return [
        Extracted(document.id, path, count, write and write_if_changed(path, text), changed=changed)
        for document, path, text, count, changed in planned
    ]


def _template_text(
    document: Document,
    settings: Settings,
    path: Path,
    campaign: Campaign | None,
    glossary: Glossary | None,
) -> tuple[str, int, bool]:
    """The template's text, keeping the old creation date when nothing else changed; its number
    of entries; whether writing it changes the file (byte for byte, as ``write_if_changed``)."""
    old = read_snapshot(path)
    old_text, old_date = _existing(old)
    template = build_template(document, settings, old_date or now(), campaign, glossary)
    text = format_catalog(template, width=settings.wrap)
    if text != old_text:
        template.metadata["POT-Creation-Date"] = now()
        text = format_catalog(template, width=settings.wrap)
    return text, len(template), old != text.encode("utf-8")


def _existing(data: bytes | None) -> tuple[str | None, str | None]:
    """An existing template's text and creation date; a damaged one is simply made again."""
    if data is None:
        return None, None
    try:
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")  # as read_text
    except UnicodeDecodeError:
        return None, None
    found = _CREATION_DATE.search(text)
    return text, found.group(1) if found else None
