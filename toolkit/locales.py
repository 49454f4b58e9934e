"""Locale names: parsing, the gettext aliases of Chinese, script of a locale and Plural-Forms."""

from __future__ import annotations

import re

from babel.core import Locale, UnknownLocaleError, get_global
from babel.messages.plurals import get_plural

# gettext catalogues name Chinese by territory; CLDR names it by script. DESIGN section 1 fixes
# which territory means which script (Singapore writes Simplified, Hong Kong and Macau Traditional).
_CHINESE_TERRITORY_SCRIPT = {
    "CN": "Hans",
    "SG": "Hans",
    "MY": "Hans",
    "TW": "Hant",
    "HK": "Hant",
    "MO": "Hant",
}


# A locale name as the toolkit uses it to name folders (locales/<locale>/, build/<locale>/):
# letters, digits and '_' only, so never '.', '/' or '..' (parse_locale alone reads
# "en./../../x" as en, dropping what follows the dot as an encoding).
_FOLDER_NAME = re.compile(r"[A-Za-z]{2,3}(?:_[A-Za-z0-9]+)*")


def check_name(name: str) -> None:
    """Raise ValueError unless ``name`` is a known locale written ``ll``, ``ll_Script`` or
    ``ll_TT``: the names that may become folder names."""
    if not _FOLDER_NAME.fullmatch(name):
        raise ValueError(f"{name!r} is not a locale name (write ll, ll_Script or ll_TT)")
    parse_locale(name)


def parse_locale(name: str) -> Locale:
    """Parse ``zh_Hans``, ``zh-Hant-TW``, ``zh_CN.UTF-8`` or ``en``; raise ValueError if unknown."""
    cleaned = name.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    if not cleaned:
        raise ValueError("empty locale name")
    try:
        return Locale.parse(cleaned)
    except (UnknownLocaleError, ValueError) as error:
        raise ValueError(f"unknown locale {name!r}") from error


def script_of(name: str) -> str | None:
    """The script a locale is written in (``Hans``, ``Hant``, ``Latn``...), or None if unknown."""
    try:
        locale = parse_locale(name)
    except ValueError:
        return None
    if locale.script:
        return str(locale.script)
    if locale.language == "zh" and locale.territory in _CHINESE_TERRITORY_SCRIPT:
        return _CHINESE_TERRITORY_SCRIPT[locale.territory]
    likely = get_global("likely_subtags")
    key = f"{locale.language}_{locale.territory}" if locale.territory else locale.language
    full = likely.get(key) or likely.get(locale.language)
    if full is None:
        return None
    parts = full.split("_")
    return parts[1] if len(parts) > 1 and len(parts[1]) == 4 else None


def canonical(name: str) -> str:
    """The CLDR name a locale is compared by: ``zh_CN`` -> ``zh_Hans``, ``zh_TW`` -> ``zh_Hant``.

    Only Chinese folds its territory into its script; other locales keep their territory
    (``pt_BR`` stays ``pt_BR``). Unknown names are returned unchanged.
    """
    try:
        locale = parse_locale(name)
    except ValueError:
        return name
    if locale.language == "zh":
        script = script_of(name) or "Hans"
        return f"zh_{script}"
    return str(locale)


def same_language(left: str, right: str) -> bool:
    """True when two locales share language and script: ``zh_CN`` = ``zh_Hans``, ``en_GB`` = ``en``.

    This decides which configured locale is a document's own source language.
    """
    try:
        a, b = parse_locale(left), parse_locale(right)
    except ValueError:
        return left == right
    return a.language == b.language and script_of(left) == script_of(right)


def plural_forms(name: str) -> str:
    """The ``Plural-Forms`` header value for a locale, from Babel's CLDR plural rules."""
    return str(get_plural(canonical(name)).plural_forms)


def nplurals(name: str) -> int:
    """How many plural forms a locale has."""
    return int(get_plural(canonical(name)).num_plurals)


def bcp47(name: str) -> str:
    """The BCP 47 tag of a locale, for HTML ``lang`` attributes: ``zh_Hans`` -> ``zh-Hans``."""
    return canonical(name).replace("_", "-")
