"""Segmentation of a document body into translatable blocks, with exact source spans."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from toolkit.model import Segment, SegmentKind
from toolkit.textutil import has_letters, join_lines, line_starts

# A line of a paragraph that ends in a hard break (two spaces or a backslash) keeps its break.
_HARD_BREAK = re.compile(r"(?: {2,}|\\)\Z")
# What a reader never sees: link and image targets, autolinks, bare URLs.
_NOT_TEXT = re.compile(r"\]\([^)]*\)|<[^>\s]+>|https?://\S+")
_DEMANDS = re.compile(r"<!--\s*advocacy:\s*demands\b([^>]*?)-->", re.DOTALL)
_CONTAINER = {"list_item_open": SegmentKind.LIST_ITEM, "blockquote_open": SegmentKind.QUOTE}


class TooDeep(Exception):
    """Blocks nested deeper than the parser goes: it would silently drop what follows."""

    def __init__(self, line: int) -> None:
        super().__init__(f"line {line}")
        self.line = line  # from 1
        self.limit = _MARKDOWN.options.maxNesting


class _GuardedBlock(ParserBlock):
    """markdown-it's block parser, noting where nesting passes ``maxNesting``: there it skips
    the rest of the container (often the rest of the document) without a word."""

    def tokenize(self, state: StateBlock, startLine: int, endLine: int) -> None:
        if state.level >= state.md.options.maxNesting and "too_deep" not in state.env:
            line = state.skipEmptyLines(startLine)
            if line < endLine and state.sCount[line] >= state.blkIndent:
                state.env["too_deep"] = line + 1
        super().tokenize(state, startLine, endLine)


def _parser() -> MarkdownIt:
    markdown = MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin)
    guarded = _GuardedBlock()
    guarded.ruler = markdown.block.ruler  # the rules as configured above
    markdown.block = guarded
    return markdown


_MARKDOWN = _parser()


def markdown_segments(text: str, body_start: int) -> list[Segment]:
    """Segments of a Markdown document (``text`` is the whole file, front matter included).

    Lists and quotes nested deeper than the parser goes are `TooDeep`.
    """
    starts = line_starts(text)
    lines = text.split("\n")
    found: list[Segment] = []
    env: dict[str, int] = {}
    tokens = _MARKDOWN.parse(text, env)
    if "too_deep" in env:
        raise TooDeep(env["too_deep"])
    demands = _demand_items(tokens)
    for token, kind in _blocks(tokens):
        if token.map is None or _offset(starts, token.map[0]) < body_start:
            continue
        if kind is SegmentKind.TABLE_CELL:
            continue  # cells share their row's line: located together, below
        segment = _block_segment(token, kind, lines, starts)
        if segment is not None:
            found.append(replace(segment, demand=demands.get(id(token))))
    found.extend(_table_segments(tokens, lines, starts, body_start))
    found.sort(key=lambda segment: segment.start)
    return found


def _demand_items(tokens: Sequence[Token]) -> dict[int, str]:
    """The demand id of each list item under a demands marker, by its inline token's identity.

    ``<!-- advocacy: demands release, access -->`` on the lines before a list ties its items to
    those ids in order; items with no id written get ``""`` (matched to the campaign record).
    """
    found: dict[int, str] = {}
    for index, token in enumerate(tokens):
        marker = _DEMANDS.fullmatch(token.content.strip()) if token.type == "html_block" else None
        if marker is None or index + 1 >= len(tokens):
            continue
        opener = tokens[index + 1]
        if opener.type not in ("bullet_list_open", "ordered_list_open"):
            continue
        ids = [part for part in re.split(r"[\s,]+", marker.group(1) or "") if part]
        position, claimed = 0, True
        for inner in tokens[index + 2 :]:
            if inner.level <= opener.level and inner.type.endswith("_list_close"):
                break
            if inner.type == "list_item_open" and inner.level == opener.level + 1:
                position += 1
                claimed = False
            elif inner.type == "inline" and inner.level == opener.level + 3 and not claimed:
                found[id(inner)] = ids[position - 1] if position <= len(ids) else ""
                claimed = True
    return found


def _blocks(tokens: Sequence[Token]) -> Iterator[tuple[Token, SegmentKind]]:
    """Each inline token with the kind of block that holds it."""
    stack: list[SegmentKind] = []
    previous = ""
    for token in tokens:
        if token.type in _CONTAINER:
            stack.append(_CONTAINER[token.type])
        elif token.type in ("list_item_close", "blockquote_close"):
            stack.pop()
        elif token.type == "inline":
            yield token, _kind(previous, stack)
        previous = token.type


def _kind(opener: str, stack: list[SegmentKind]) -> SegmentKind:
    if opener == "heading_open":
        return SegmentKind.HEADING
    if opener in ("th_open", "td_open"):
        return SegmentKind.TABLE_CELL
    if SegmentKind.LIST_ITEM in stack:
        return SegmentKind.LIST_ITEM
    return stack[-1] if stack else SegmentKind.PARAGRAPH


def _offset(starts: list[int], line: int) -> int:
    return starts[line] if line < len(starts) else starts[-1]


def _block_segment(
    token: Token, kind: SegmentKind, lines: list[str], starts: list[int]
) -> Segment | None:
    assert token.map is not None
    content_lines = token.content.split("\n")
    first = token.map[0]
    pieces: list[tuple[int, int]] = []  # (absolute start, absolute end) of each line's text
    for index, content in enumerate(content_lines):
        number = first + index
        if number >= len(lines):
            return None
        line = lines[number].rstrip("\r")
        column = _locate(line, content)
        end = len(line) if index < len(content_lines) - 1 else column + len(content.strip())
        pieces.append((starts[number] + column, starts[number] + end))
    # A heading is rebuilt on one line: a hard break inside a setext heading cannot stay.
    text = _join(content_lines, breaks=kind is not SegmentKind.HEADING)
    if not has_letters(_NOT_TEXT.sub(" ", text)):
        return None
    continuation = _continuation(lines, first, pieces, starts)
    return Segment(
        text=text,
        kind=kind,
        line=first + 1,
        start=pieces[0][0],
        end=pieces[-1][1],
        continuation=continuation,
    )


def _locate(line: str, content: str) -> int:
    """Column where a content line (stripped of its container's markers) stands in its line."""
    stripped = content.strip()
    if not stripped:
        return len(line)
    column = line.rfind(stripped)
    if column != -1 and line[column:].rstrip() == stripped:
        return column
    column = line.find(stripped)  # an ATX heading's closing #s follow its text
    return column if column != -1 else len(line) - len(line.lstrip())


def _join(content_lines: list[str], *, breaks: bool = True) -> str:
    text = ""
    for index, line in enumerate(content_lines):
        if index == 0:
            text = line.strip() if len(content_lines) == 1 else line.lstrip()
        elif breaks and _HARD_BREAK.search(text):
            # A line of characters Python strips but Markdown keeps (U+001C...) stays: an empty
            # line in the message would end the paragraph where it is rebuilt.
            text += "\n" + (line.strip() or line.strip(" \t"))
        else:
            text = join_lines(text, line.strip())
    return text.rstrip()


def _continuation(
    lines: list[str], first: int, pieces: list[tuple[int, int]], starts: list[int]
) -> str:
    """What a translation's line breaks are followed by: the block's own continuation prefix."""
    if len(pieces) > 1:
        return lines[first + 1][: pieces[1][0] - starts[first + 1]]
    prefix = lines[first][: pieces[0][0] - starts[first]]
    # List markers become spaces; blockquote markers stay.
    return re.sub(r"[^\s>]", " ", prefix)


def _table_segments(
    tokens: Sequence[Token], lines: list[str], starts: list[int], body_start: int
) -> list[Segment]:
    """Table cells share their row's line: each is found after the previous one."""
    found: list[Segment] = []
    row, column = -1, 0
    for token, kind in _blocks(tokens):
        if kind is not SegmentKind.TABLE_CELL or token.map is None:
            continue
        if row != token.map[0]:
            row, column = token.map[0], 0
        line = lines[row].rstrip("\r")
        cell = token.content.strip()
        written = cell.replace("|", "\\|")  # the parser unescaped the cell's pipes
        position = line.find(written, column) if cell else -1
        if position == -1:
            continue
        column = position + len(written)
        start = starts[row] + position
        if start >= body_start and has_letters(_NOT_TEXT.sub(" ", cell)):
            found.append(
                Segment(cell, SegmentKind.TABLE_CELL, row + 1, start, column + starts[row])
            )
    return found


def text_segments(text: str, body_start: int) -> list[Segment]:
    """Segments of a plain-text body: paragraphs split on blank lines, lines unwrapped."""
    found: list[Segment] = []
    starts = line_starts(text)
    lines = text.split("\n")
    paragraph: list[int] = []
    for number in range(len(lines) + 1):
        blank = number == len(lines) or not lines[number].strip()
        if number < len(lines) and starts[number] < body_start:
            continue
        if not blank:
            paragraph.append(number)
            continue
        if paragraph:
            segment = _text_paragraph(paragraph, lines, starts)
            if segment is not None:
                found.append(segment)
            paragraph = []
    return found


def _text_paragraph(numbers: list[int], lines: list[str], starts: list[int]) -> Segment | None:
    text = ""
    for number in numbers:
        text = join_lines(text, lines[number].strip()) if text else lines[number].strip()
    if not has_letters(text):
        return None
    first, last = numbers[0], numbers[-1]
    head = lines[first].rstrip("\r")
    tail = lines[last].rstrip("\r")
    start = starts[first] + len(head) - len(head.lstrip())
    end = starts[last] + len(tail.rstrip())
    return Segment(text, SegmentKind.PARAGRAPH, first + 1, start, end)
