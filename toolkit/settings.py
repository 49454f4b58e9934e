"""Workspace discovery and the ``[tool.advocacy]`` settings, validated with ``path:line`` errors."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.errors import InputError
from toolkit.locales import check_name, parse_locale
from toolkit.tomlfile import read_toml

DEFAULT_LOCALES = ("en", "zh_Hans", "zh_Hant")


@dataclass(frozen=True)
class Settings:
    """A workspace's folders and options; paths are absolute."""

    root: Path
    locales: tuple[str, ...] = DEFAULT_LOCALES
    source_dir: Path = field(default=Path("source_texts"))
    locales_dir: Path = field(default=Path("locales"))
    build_dir: Path = field(default=Path("build"))
    wrap: int = 79
    glossary: Path = field(default=Path("locales/glossary.toml"))
    campaign: Path = field(default=Path("locales/campaign.toml"))
    config_path: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: str = "error"

    def catalogue_path(self, document: str, locale: str) -> Path:
        """``locales/<locale>/LC_MESSAGES/<doc>.po``."""
        return self.locales_dir / locale / "LC_MESSAGES" / f"{document}.po"

    def template_path(self, document: str) -> Path:
        """``locales/<doc>.pot``."""
        return self.locales_dir / f"{document}.pot"

    def relative(self, path: Path) -> str:
        """``path`` relative to the workspace root when inside it (for ``#:`` and reports)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that is a workspace, or None."""
    for folder in (start.resolve(), *start.resolve().parents):
        if (folder / "advocacy.toml").is_file():
            return folder
        if _has_tool_table(folder / "pyproject.toml"):
            return folder
        if (folder / "source_texts").is_dir() and (folder / "locales").is_dir():
            return folder
    return None


def _has_tool_table(pyproject: Path) -> bool:
    if not pyproject.is_file():
        return False
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError, RecursionError):
        return False
    return isinstance(data.get("tool"), dict) and "advocacy" in data["tool"]


def load_settings(root: Path) -> Settings:
    """Read the settings of the workspace at ``root`` (defaults when there are none)."""
    root = root.resolve()
    config_path, table = _read_table(root)
    values: dict[str, Any] = {}
    for key, raw in table.items():
        values[key] = _validate(key, raw, config_path)
    locales = values.get("locales", DEFAULT_LOCALES)
    return Settings(
        root=root,
        locales=tuple(locales),
        source_dir=root / values.get("source_dir", "source_texts"),
        locales_dir=root / values.get("locales_dir", "locales"),
        build_dir=root / values.get("build_dir", "build"),
        wrap=values.get("wrap", 79),
        glossary=root / values.get("glossary", "locales/glossary.toml"),
        campaign=root / values.get("campaign", "locales/campaign.toml"),
        config_path=config_path,
        select=tuple(values["select"]) if "select" in values else None,
        ignore=tuple(values.get("ignore", ())),
        extend_select=tuple(values.get("extend-select", ())),
        per_file_ignores=tuple(
            (pattern, tuple(codes)) for pattern, codes in values.get("per-file-ignores", {}).items()
        ),
        fail_on=values.get("fail-on", "error"),
    )


def _read_table(root: Path) -> tuple[Path | None, Mapping[str, Any]]:
    for name, in_tool in (("advocacy.toml", False), ("pyproject.toml", True)):
        path = root / name
        if not path.is_file():
            continue
        text, data = read_toml(path)
        if not in_tool:
            return path, data
        tool = data.get("tool", {})
        if isinstance(tool, dict) and "advocacy" in tool:
            table = tool["advocacy"]
            if not isinstance(table, dict):
                raise InputError(
                    path, _line_of(text, "advocacy"), "[tool.advocacy] must be a table"
                )
            return path, table
    return None, {}


_PATH_KEYS = ("source_dir", "locales_dir", "build_dir", "glossary", "campaign")
# Settings that later features read; accepted here so a workspace can set them already.
_RULE_LISTS = ("select", "ignore", "extend-select")
# Accepted now so that a workspace can set it already; read by the Traditional conversion.
_OTHER_KEYS = ("opencc",)


def _validate(key: str, value: Any, path: Path | None) -> Any:
    def fail(message: str) -> InputError:
        text = path.read_text(encoding="utf-8", errors="replace") if path else ""
        return InputError(path, _line_of(text, key), f"setting {key!r} {message}")

    if key == "locales":
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise fail("must be a non-empty list of locale names")
        for name in value:
            try:
                parse_locale(name)
            except ValueError as error:
                raise fail(f"has {error}") from None
            try:
                check_name(name)  # a folder name too: never '.', '/' or '..'
            except ValueError:
                raise fail(f"has {name!r}: write locales as ll or ll_Script or ll_TT") from None
        return value
    if key in _PATH_KEYS:
        if not isinstance(value, str) or not value:
            raise fail("must be a folder or file path")
        return value
    if key == "wrap":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise fail("must be a whole number >= 0 (0 means no wrapping)")
        return value
    if key in _RULE_LISTS:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail('must be a list of rule codes or names, e.g. ["M", "doubled-word"]')
        return value
    if key == "per-file-ignores":
        if not isinstance(value, dict) or not all(
            isinstance(codes, list) and all(isinstance(code, str) for code in codes)
            for codes in value.values()
        ):
            raise fail('must be a table of glob = ["rule", ...]')
        return value
    if key == "fail-on":
        if value not in ("error", "warning", "note"):
            raise fail('must be "error", "warning" or "note"')
        return value
    if key in _OTHER_KEYS:
        return value
    known = ", ".join(
        ("locales", *_PATH_KEYS, "wrap", *_RULE_LISTS, "per-file-ignores", "fail-on", *_OTHER_KEYS)
    )
    raise fail(f"is unknown (known settings: {known})")


def _line_of(text: str, key: str) -> int | None:
    """The line where ``key`` is assigned or its table starts, for error messages."""
    pattern = re.compile(rf"^\s*(\[[^\]]*\b{re.escape(key)}\]|\"?{re.escape(key)}\"?\s*=)")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return None
