"""Rebuilding a translated document: each segment's span replaced, every other byte kept."""

from __future__ import annotations

import re
from collections.abc import Callable

import polib

from toolkit.frontmatter import emit_scalar
from toolkit.model import Document, Segment, SegmentKind

# Blocks that must stay on one line: a line break would end the heading or the table row.
_ONE_LINE = (SegmentKind.HEADING, SegmentKind.TABLE_CELL)

# Blocks whose text flows over lines: a translation's line must not open a new block there.
_FLOWING = (SegmentKind.PARAGRAPH, SegmentKind.LIST_ITEM, SegmentKind.QUOTE)

# A line that CommonMark would read as the start of another block (or, after a paragraph's
# first line, as a setext underline): its marker gets a backslash, which renders as the marker
# itself. ``first`` lines also lose leading spaces, which would make an indented code block.
_BLOCK_START = re.compile(
    r"(?P<indent> {0,3})(?:"
    r"(?P<mark>#{1,6}|[-+*]|>|`{3,}|~{3,}|<)(?=\s|$|(?<=[>`~<]))"
    r"|(?P<number>\d{1,9})(?P<dot>[.)])(?=\s|$)"
    r"|(?P<rule>(?:[-*_=] *){3,}$|=+ *$)"
    r")"
)


def _inert(line: str, *, first: bool) -> str:
    """``line`` with a leading block marker escaped so that it stays text."""
    if first:
        line = line.lstrip(" \t")
    found = _BLOCK_START.match(line)
    if found is None:
        return line
    rest = line[found.end() :]
    indent = found["indent"]
    if found["mark"]:
        return f"{indent}\\{found['mark']}{rest}"
    if found["number"]:
        return f"{indent}{found['number']}\\{found['dot']}{rest}"
    return f"{indent}\\{found['rule']}{rest}"


# A line that could be a table's delimiter row (a setext underline of dashes is one).
_DELIMITER_ROW = re.compile(
    r"[ \t]*\r?\n {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*(?:\r?\n|\Z)"
)

# Looks up a segment's translation; None keeps the source text (an untranslated segment).
Translate = Callable[[Segment], str | None]


def rebuild(document: Document, translate: Translate) -> str:
    """The document's text with every translated segment replaced in place."""
    pieces: list[str] = []
    position = 0
    for segment in sorted(document.segments, key=lambda item: item.start):
        translation = translate(segment)
        if translation is None or translation == segment.text or segment.start < position:
            continue  # untranslated, or translated as itself: kept exactly as written
        pieces.append(document.text[position : segment.start])
        rendered = render(segment, translation)
        markdown = segment.yaml_style is None and segment.kind is not SegmentKind.TABLE_CELL
        if markdown and "|" in rendered and _DELIMITER_ROW.match(document.text, segment.end):
            # Above a `---` line (a setext underline, a rule), a line with a pipe is a table's
            # header row: a translation, or lines joined into one, must not make one.
            head, newline, last = rendered.rpartition("\n")
            rendered = head + newline + last.replace("\\|", "|").replace("|", "&#124;")
        pieces.append(rendered)
        position = segment.end
    pieces.append(document.text[position:])
    return "".join(pieces)


def render(segment: Segment, translation: str) -> str:
    """A translation written the way its segment's source was written."""
    if segment.yaml_style is not None:
        return emit_scalar(translation, segment.yaml_style, segment.continuation)
    lines = translation.split("\n")
    if translation != segment.text and segment.kind in _FLOWING:
        lines = [_inert(line, first=number == 0) for number, line in enumerate(lines)]
    if segment.kind is SegmentKind.HEADING and translation != segment.text:
        # A setext heading's line stands above its underline: a block marker there would open
        # another block (escaped, it reads the same in an ATX heading).
        return _inert(" ".join(line.strip() for line in lines), first=True)
    if segment.kind is SegmentKind.TABLE_CELL:
        # An unescaped pipe would split the cell in two.
        lines = [line.replace("\\|", "|").replace("|", "\\|") for line in lines]
    if segment.kind in _ONE_LINE:
        return " ".join(line.strip() for line in lines)
    return ("\n" + segment.continuation).join(lines)


def translations(catalogue: polib.POFile) -> Translate:
    """A segment's reviewed translation in ``catalogue``; None if untranslated or fuzzy."""
    table: dict[tuple[str | None, str], str] = {
        (entry.msgctxt, entry.msgid): entry.msgstr
        for entry in catalogue
        if not entry.obsolete and not entry.fuzzy and entry.msgstr
    }
    return lambda segment: table.get((segment.context, segment.text))
