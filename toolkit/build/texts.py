"""The translated text of a job: rebuilt Markdown, its comments and its letter section."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from toolkit.build.jobs import Job, key
from toolkit.frontmatter import split
from toolkit.model import Segment
from toolkit.rebuild import rebuild

# Private-use characters around a segment left in the source language: the HTML renderer turns
# them into <mark>; they are removed from anything read from a catalogue or a source first.
OPEN, CLOSE = "\ue000", "\ue001"
_SENTINELS = str.maketrans("", "", OPEN + CLOSE)

_LETTER = re.compile(r"<!--\s*advocacy:\s*letter\s*-->")
_END_LETTER = re.compile(r"<!--\s*advocacy:\s*end\s+letter\s*-->")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

_BLOCKS = MarkdownIt("commonmark", {"html": True}).enable("table")


@dataclass(frozen=True)
class Translated:
    """A job's document in its locale: the whole text, the front matter's values, the body."""

    text: str
    meta: dict[str, object]
    body: str


def clean(text: str) -> str:
    """``text`` without the private-use characters the build uses as markers."""
    return text.translate(_SENTINELS)


def translated(job: Job, style: str) -> Translated:
    """The job's document rebuilt; gaps get the source text, marked for ``style``.

    ``style`` is ``"md"`` (an HTML comment after each gap, invisible once rendered) or
    ``"html"`` (the private-use markers the HTML renderer highlights).
    """

    def translate(segment: Segment) -> str | None:
        wanted = key(segment)
        if job.is_source:
            return None if style == "md" else clean(segment.text)
        if wanted in job.translations:
            return clean(job.translations[wanted])
        why = job.gaps.get(wanted, "untranslated")
        if style == "html":
            return OPEN + clean(segment.text) + CLOSE
        if segment.yaml_style is not None:
            return None  # listed in the comment at the top of the body
        return f"{segment.text} <!-- advocacy: {why}, shown in the source language -->"

    text = rebuild(job.document, translate)
    front = split(text, job.document.path)
    return Translated(text, front.values, text[front.body_start :])


def gap_comment(job: Job) -> str:
    """The comment a Markdown build starts its body with when segments are left untranslated."""
    lines = [f"<!-- advocacy: incomplete {job.locale} build, not for sending:"]
    lines += [f"  {_comment_safe(reason)}" for reason in job.reasons]
    lines.append("-->")
    return "\n".join(lines) + "\n\n"


def _comment_safe(text: str) -> str:
    """No ``--`` inside an HTML comment (it would end or break it)."""
    return re.sub(r"-(?=-)", "- ", text.replace("\n", " "))


def strip_comments(body: str) -> str:
    """The body without its HTML comment blocks (markers and notes are not for readers)."""
    lines = body.split("\n")
    drop: set[int] = set()
    for token in _BLOCKS.parse(body):
        if token.type == "html_block" and token.map and _only_comments(token.content):
            drop.update(range(*token.map))
    return "\n".join(line for number, line in enumerate(lines) if number not in drop)


def _only_comments(content: str) -> bool:
    return not _COMMENT.sub("", content).strip()


def letter_section(body: str) -> str:
    """The part of ``body`` between ``<!-- advocacy: letter -->`` and ``<!-- advocacy: end letter
    -->`` (the letter itself, without its instructions), or the whole body when unmarked."""
    lines = body.split("\n")
    start, end = None, len(lines)
    for token in _BLOCKS.parse(body):
        if token.type != "html_block" or not token.map:
            continue
        if start is None and _LETTER.search(token.content):
            start = token.map[1]
        elif start is not None and _END_LETTER.search(token.content):
            end = token.map[0]
            break
    if start is None:
        return body
    return "\n".join(lines[start:end]).strip("\n") + "\n"
