"""OpenCC's conversions of glossary forms, remembered between runs in the cache directory.

Loading OpenCC's dictionaries for the Traditional standards a glossary derives its forms in
costs several times the rest of reading a glossary, and every ``advocacy check FILE.po`` an
editor runs on save would pay it again for the same few forms. What OpenCC gives depends on
its version only (its dictionaries come with it), so the conversions are kept in one small
JSON file per version; a file that cannot be read or written is simply not used.
"""

from __future__ import annotations

import contextlib
import json
from functools import cache
from pathlib import Path

import opencc

from toolkit.cachedir import cache_dir
from toolkit.fsutil import write_if_changed


class Conversions:
    """OpenCC's conversions: those of earlier runs read once, new ones kept until ``save``."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._known = _read(path) if path else {}
        self._new = False

    def convert(self, config: str, text: str) -> str:
        """``text`` through one of OpenCC's configurations (``s2t``, ``t2s``...)."""
        known = self._known.setdefault(config, {})
        found = known.get(text)
        if found is None:
            found = known[text] = convert(config, text)
            self._new = True
        return found

    def save(self) -> None:
        """Keep the conversions made since the last save for later runs."""
        if self._new and self._path is not None:
            with contextlib.suppress(OSError):
                write_if_changed(
                    self._path, json.dumps(self._known, ensure_ascii=False, sort_keys=True)
                )
            self._new = False


# The Traditional forms a Simplified one may take: OpenCC's generic standard, and Taiwan's and
# Hong Kong's, which differ in a few characters (爲/為, 鋭/銳); a zh_TW or zh_HK catalogue writes
# its own, so each is an accepted form. The first is the canonical one.
TRADITIONAL_CONFIGS = ("s2t", "s2tw", "s2hk")


def other_script(forms: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """``forms`` (by locale) with the Traditional ones made from the Simplified with OpenCC when
    not given (every standard's, see ``TRADITIONAL_CONFIGS``), or the Simplified from the
    Traditional; forms given for a script are kept as they are."""
    result = dict(forms)
    conversions = remembered()
    if "zh_Hans" in forms and "zh_Hant" not in forms:
        result["zh_Hant"] = tuple(
            dict.fromkeys(
                conversions.convert(config, form)
                for form in forms["zh_Hans"]
                for config in TRADITIONAL_CONFIGS
            )
        )
    elif "zh_Hant" in forms and "zh_Hans" not in forms:
        result["zh_Hans"] = tuple(
            dict.fromkeys(conversions.convert("t2s", form) for form in forms["zh_Hant"])
        )
    return result


@cache
def remembered() -> Conversions:
    """The conversions of this process, starting from those earlier runs kept."""
    version, folder = getattr(opencc, "__version__", None), cache_dir()
    kept = folder / "glossary" / f"opencc-{version}.json" if version and folder else None
    return Conversions(kept)


def convert(config: str, text: str) -> str:
    """``text`` through one of OpenCC's configurations (``s2t``, ``t2s``...)."""
    return str(_converter(config).convert(text))


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _read(path: Path) -> dict[str, dict[str, str]]:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        config: dict(table)
        for config, table in data.items()
        if isinstance(table, dict)
        and all(isinstance(text, str) and isinstance(found, str) for text, found in table.items())
    }
