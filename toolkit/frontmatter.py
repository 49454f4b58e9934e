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
    values = _construct(block, path)
    newline = text.find("\n", closing.end())
    body_start = len(text) if newline == -1 else newline + 1
    if node is None:
        return FrontMatter({}, {}, body_start, ())
    lines = {key.value: key.start_mark.line + 2 for key, _ in node.value}
    segments = tuple(_segments(node, block, offset, path))
    return FrontMatter(values, lines, body_start, segments)


def _compose(block: str, path: Path) -> yaml.MappingNode | None:
    try:
        _refuse_aliases(block, path)
        node = yaml.compose(block, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark is not None else 1
        raise InputError(path, line, f"invalid YAML in front matter: {error.problem}") from None
    except yaml.YAMLError as error:
        raise InputError(path, 1, f"invalid YAML in front matter: {error}") from None
    if node is None:
        return None
    if not isinstance(node, yaml.MappingNode):
        raise InputError(path, 2, "front matter must be a mapping of keys to values")
    return node


def _refuse_aliases(block: str, path: Path) -> None:
    """Aliases can multiply a small block into gigabytes; front matter never needs them."""
    for event in yaml.parse(block, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 2 if event.start_mark else 2
            raise InputError(path, line, "YAML anchors and aliases are not allowed in front matter")


def _construct(block: str, path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as error:
        raise InputError(path, 1, f"invalid YAML in front matter: {error}") from None
    if data is None:
        return {}
    if not all(isinstance(key, str) for key in data):
        raise InputError(path, 2, "front matter keys must be strings")
    return dict(data)


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
    for item in node.value:
        line = item.start_mark.line + 2
        if not isinstance(item, yaml.MappingNode):
            raise InputError(path, line, "each recipient must be a mapping with an 'id'")
        fields = {key.value: value for key, value in item.value}
        ident = fields.get("id")
        if not isinstance(ident, yaml.ScalarNode) or not ID_PATTERN.fullmatch(ident.value):
            raise InputError(path, line, "a recipient needs an 'id' of a-z, 0-9 and '-' only")
        for name, value in fields.items():
            if name in RECIPIENT_KEYS and _is_text(value):
                found.append(_segment(value, block, offset, f"recipients.{ident.value}.{name}"))
    return found


def _is_text(node: yaml.Node) -> bool:
    return (
        isinstance(node, yaml.ScalarNode)
        and node.tag == "tag:yaml.org,2002:str"
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
