"""YAML front matter: find the block, read its values with positions, re-emit a translated value."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from toolkit.errors import InputError
from toolkit.model import Segment, SegmentKind

# Values a reader of the finished letter sees; everything else (id, lang, date, kind, layout,
# tags...) is metadata and never translated.
TRANSLATABLE_KEYS = frozenset(
    {"title", "subtitle", "summary", "description", "excerpt", "salutation", "closing", "signature"}
)
RECIPIENT_KEYS = frozenset(
    {"name", "title", "organisation", "organization", "address", "salutation"}
)
ID_PATTERN = re.compile(r"[a-z0-9-]+")
# Deeper front matter is a mistake or an attack: PyYAML composes it by recursion.
MAX_DEPTH = 32
_STR = "tag:yaml.org,2002:str"

_OPEN = re.compile(r"---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


@dataclass(frozen=True)
class FrontMatter:
    """The front matter block of a document: its values, where it ends, its segments."""

    values: dict[str, Any]
    lines: dict[str, int]
    body_start: int
    segments: tuple[Segment, ...]


def split(text: str, path: Path) -> FrontMatter:
    """Read the front matter at the top of ``text`` (an empty one when there is none)."""
    opening = _OPEN.match(text)
    if opening is None:
        return FrontMatter({}, {}, 0, ())
    closing = _CLOSE.search(text, opening.end())
    if closing is None:
        raise InputError(path, 1, "front matter opened with '---' is never closed by a '---' line")
    block = text[opening.end() : closing.start()]
    offset = opening.end()
    node = _compose(block, path)
    newline = text.find("\n", closing.end())
    body_start = len(text) if newline == -1 else newline + 1
    if node is None:
        return FrontMatter({}, {}, body_start, ())
    lines: dict[str, int] = {}
    for key, _ in node.value:
        line = key.start_mark.line + 2
        if key.tag == "tag:yaml.org,2002:merge":
            raise InputError(path, line, "YAML merge keys (<<) are not allowed in front matter")
        if not isinstance(key, yaml.ScalarNode) or key.tag != _STR:
            raise InputError(path, line, "front matter keys must be strings")
        if key.value in lines:
            where = f"first at line {lines[key.value]}"
            raise InputError(path, line, f"key {key.value!r} is given twice ({where})")
        lines[key.value] = line
    segments = tuple(_segments(node, block, offset, path))
    values = _construct(node, path)  # last: constructing merges `<<` keys into the node
    return FrontMatter(values, lines, body_start, segments)


def _compose(block: str, path: Path) -> yaml.MappingNode | None:
    try:
        _refuse_hostile(block, path)
        node = yaml.compose(block, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise _yaml_error(error, block, path) from None
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        raise InputError(path, 2, "front matter must be a mapping of keys to values")
    return node


def _yaml_error(error: yaml.YAMLError, block: str, path: Path) -> InputError:
    """A YAML error as one line at its place (PyYAML's own text spans several lines)."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark is not None else 1
        problem = error.problem or error.context or "cannot be read"
        return InputError(path, line, f"invalid YAML in front matter: {problem}")
    if isinstance(error, yaml.reader.ReaderError):
        line = block.count("\n", 0, error.position) + 2
        character = error.character
        code = ord(character) if isinstance(character, str) else character
        return InputError(
            path, line, f"invalid YAML in front matter: character #x{code:04x} is not allowed"
        )
    first = str(error).split("\n", 1)[0]
    return InputError(path, 1, f"invalid YAML in front matter: {first}")


def _refuse_hostile(block: str, path: Path) -> None:
    """Refuse what could make a small block cost gigabytes or overflow the stack: aliases
    (the "billion laughs"), which front matter never needs, and deep nesting."""
    depth = 0
    for event in yaml.parse(block, Loader=yaml.SafeLoader):
        line = event.start_mark.line + 2 if event.start_mark else 2
        if isinstance(event, yaml.AliasEvent):
            raise InputError(path, line, "YAML anchors and aliases are not allowed in front matter")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError(
                    path, line, f"front matter is nested more than {MAX_DEPTH} levels deep"
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _construct(node: yaml.MappingNode, path: Path) -> dict[str, Any]:
    """The values of the front matter (dates as dates, numbers as numbers)."""
    loader = yaml.SafeLoader("")
    try:
        return dict(loader.construct_document(node))
    except yaml.MarkedYAMLError as error:
        raise _yaml_error(error, "", path) from None
    except (ValueError, TypeError, OverflowError) as error:  # a date such as 2024-13-45
        raise InputError(
            path, _failing_line(node), f"invalid value in front matter: {error}"
        ) from None


def _failing_line(node: yaml.Node) -> int | None:
    """The line of the first scalar that cannot be constructed, for the error message."""
    loader = yaml.SafeLoader("")
    pending = [node]
    while pending:
        current = pending.pop(0)
        if isinstance(current, yaml.ScalarNode):
            try:
                loader.construct_object(current)
            except (yaml.YAMLError, ValueError, TypeError, OverflowError):
                return current.start_mark.line + 2
        elif isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            pending.extend(part for pair in current.value for part in pair)
    return None


def _segments(node: yaml.MappingNode, block: str, offset: int, path: Path) -> list[Segment]:
    found: list[Segment] = []
    for key, value in node.value:
        if key.value in TRANSLATABLE_KEYS and _is_text(value):
            found.append(_segment(value, block, offset, key.value))
        elif key.value == "recipients":
            found.extend(_recipient_segments(value, block, offset, path))
    return found


def _recipient_segments(node: yaml.Node, block: str, offset: int, path: Path) -> list[Segment]:
    if not isinstance(node, yaml.SequenceNode):
        raise InputError(path, node.start_mark.line + 2, "'recipients' must be a list")
    found: list[Segment] = []
    seen: dict[str, int] = {}
    for item in node.value:
        line = item.start_mark.line + 2
        if not isinstance(item, yaml.MappingNode):
            raise InputError(path, line, "each recipient must be a mapping with an 'id'")
        fields = {k.value: v for k, v in item.value if isinstance(k, yaml.ScalarNode)}
        ident = fields.get("id")
        if not isinstance(ident, yaml.ScalarNode) or not ID_PATTERN.fullmatch(ident.value):
            raise InputError(path, line, "a recipient needs an 'id' of a-z, 0-9 and '-' only")
        if ident.value in seen:
            where = f"first at line {seen[ident.value]}"
            raise InputError(path, line, f"recipient id {ident.value!r} is given twice ({where})")
        seen[ident.value] = line
        for name, value in fields.items():
            if name in RECIPIENT_KEYS and _is_text(value):
                found.append(_segment(value, block, offset, f"recipients.{ident.value}.{name}"))
    return found


def _is_text(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.ScalarNode)
        and node.tag == _STR
        and bool(str(node.value).strip())
    )


def _segment(node: yaml.ScalarNode, block: str, offset: int, key: str) -> Segment:
    start, end = node.start_mark.index, node.end_mark.index
    style = node.style or ""
    indent = ""
    if style in ("|", ">"):
        body = block[start:end].split("\n", 1)[1] if "\n" in block[start:end] else ""
        indent = body[: len(body) - len(body.lstrip(" "))]
    return Segment(
        text=str(node.value),
        kind=SegmentKind.FRONT_MATTER,
        line=node.start_mark.line + 2,
        start=offset + start,
        end=offset + end,
        context=f"front-matter:{key}",
        continuation=indent,
        yaml_style=style,
    )


def emit_scalar(value: str, style: str, indent: str) -> str:
    """A YAML scalar that reads back as ``value``, in ``style`` where that is safe."""
    if style in ("|", ">") and indent:
        block = _literal(value, indent)
        if block is not None:
            return block
    if style == "" and _plain_ok(value):
        return value
    if style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


def _literal(value: str, indent: str) -> str | None:
    lines = value.split("\n")
    if value.endswith("\n"):
        lines.pop()
        chomp = "+" if value.endswith("\n\n") else ""
    else:
        chomp = "-"
    if not lines or lines[0].startswith(" ") or any(line != line.rstrip("\r") for line in lines):
        return None
    return f"|{chomp}\n" + "".join(f"{indent}{line}\n" if line else "\n" for line in lines)


def _plain_ok(value: str) -> bool:
    if value != value.strip() or "\n" in value:
        return False
    try:
        return bool(yaml.safe_load(f"k: {value}") == {"k": value})
    except yaml.YAMLError:
        return False
