# ruff: noqa: RUF001  (Chinese connectors are full-width on purpose)
"""The words of dates per language: month and weekday names from CLDR, and small word tables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from babel import Locale, localedata
from babel.dates import get_date_format

from toolkit.locales import parse_locale, script_of
from toolkit.textutil import is_cjk

# English month names are always recognised as well: texts in every language quote English dates
# verbatim (a citation, a software message left in English inside a Chinese sentence).
FALLBACK = "en"

# Words after which a month or a year written alone is a date ("in 2019", "since September",
# "mid-2019"); elsewhere a lone year is a number and "May" may be a verb. Lower case; the
# capitalised form (a sentence's first word) is accepted too.
_BEFORE_LONE = {
    # Not "of": "a default of 2000", "a year of 2005" are numbers.
    "en": "in|since|until|till|by|during|from|before|after|between|early|late|mid|last|next|this"
    "|through",
    "fr": "en|depuis|jusqu'en|jusqu’en|avant|après|entre|début|fin|mi|dès",
    "es": "en|desde|hasta|antes de|después de|entre|durante",
    "de": "im|in|seit|bis|vor|nach|zwischen|von|ab|Anfang|Ende|Mitte",
}

# Words joining the two ends of a range ("14 to 18 March", "du 14 au 18 mars", "bis").
_TO = {
    "en": "to|until|till|through|thru",
    "fr": "au|à|jusqu'au|jusqu’au|jusqu'à|jusqu’à",
    "es": "a|al|hasta|hasta el",
    "de": "bis|bis zum|bis zur",
}

# "between X and Y": the second word joins a range only after the first ("between October 2019
# and January 2020"); elsewhere "14 June and 18 March" are two dates, not a range.
_BETWEEN = {
    "en": ("between", "and"),
    "fr": ("entre", "et"),
    "es": ("entre", "y"),
    "de": ("zwischen", "und"),
}

# Chinese ranges: 至 and 到 ("to"), dashes and tildes (2019年10月—2020年1月, 3月14~18日); 和/与/及
# join a range only before 之间 ("在2019年10月和2020年1月之间").
# A dash between dates is an en dash, or two hyphens in reStructuredText and LaTeX ("1--15").
DASH = r"(?:--|[-–—])"
CJK_TO = r"(?:至|到|--|[-–—~～－])"
CJK_AND = r"(?:和|与|與|及)"
CJK_BETWEEN_AFTER = re.compile(r"\s?(?:之间|之間|间|間)")

# Ordinal endings written after a day: 19th, 1st (English), 1er (French), 1º (Spanish).
DAY_SUFFIX = r"(?:st|nd|rd|th|er|º|°)"
# Words between day and month or month and year: "19th of September", "19 de septiembre de 2021".
JOINERS = ("of", "de", "del")


@dataclass(frozen=True)
class DateWords:
    """Everything language-specific that finding dates in one language needs."""

    months: dict[str, int]  # every written form of a month name -> 1..12
    wide_months: tuple[str, ...]  # the full names: a month alone is a date only in full
    weekdays: dict[str, int]  # every written form of a weekday name -> 0 (Monday)..6
    # "Sun", "Mon", "Sat": words or names too ("14 June 2024, Sun Lin was..."), weekdays only
    # before a date ("Sun, 19 Sep 2021") or in brackets after it ("19 Sep 2021 (Sun)")
    short_weekdays: frozenset[str]
    before_lone: tuple[str, ...]
    to: tuple[str, ...]
    between: tuple[tuple[str, str], ...]
    month_first: bool  # 9/10/2021 is 10 September (en_US) rather than 9 October
    numeric_separators: str  # the separators of the locale's numeric dates, besides "/"


def language_of(locale: str) -> str:
    try:
        return str(parse_locale(locale).language)
    except ValueError:
        return FALLBACK


@lru_cache(maxsize=64)
def date_words(locale: str) -> DateWords:
    """The date words of ``locale`` together with English's (see ``FALLBACK``)."""
    language = language_of(locale)
    languages = dict.fromkeys((language, FALLBACK))
    months: dict[str, int] = {}
    wide: set[str] = set()
    weekdays: dict[str, int] = {}
    wide_weekdays: set[str] = set()
    script = script_of(locale) or "Latn"
    for name in languages:
        names = _calendar_names(name, script if name == language else "Latn")
        months.update(names.months)
        wide.update(names.wide_months)
        weekdays.update(names.weekdays)
        wide_weekdays.update(names.wide_weekdays)
    short = _short_pattern(locale)
    return DateWords(
        months=months,
        wide_months=tuple(name for name in months if name in wide),
        weekdays=weekdays,
        short_weekdays=frozenset(
            day for day in weekdays if day not in wide_weekdays and not is_cjk(day[0])
        ),
        before_lone=tuple(
            w for name in languages for w in _BEFORE_LONE.get(name, "").split("|") if w
        ),
        to=tuple(word for name in languages for word in _TO.get(name, "").split("|") if word),
        between=tuple(_BETWEEN[name] for name in languages if name in _BETWEEN),
        # CLDR's short date pattern says which comes first: "M/d/yy" (en), "dd/MM/y" (en_GB,
        # fr), "y/M/d" (zh, which writes the year first and so does not decide: day first).
        month_first=short.lstrip("M") != short,
        numeric_separators="".join(sorted({char for char in short if char in ".-"})),
    )


@dataclass(frozen=True)
class _CalendarNames:
    """The month and weekday names of one language in one script (every width, wide only)."""

    months: dict[str, int]
    wide_months: dict[str, int]
    weekdays: dict[str, int]
    wide_weekdays: dict[str, int]


@lru_cache(maxsize=16)
def _calendar_names(language: str, script: str) -> _CalendarNames:
    """Read once per process: English's are every locale's fallback (see ``FALLBACK``)."""
    # One Locale per sublocale, read for both months and days: English has 120 sublocales.
    locales = [Locale.parse(name) for name in _sublocales(language, script)]
    months = _found([locale.months for locale in locales])
    days = _found([locale.days for locale in locales])
    weekdays = _names(days)
    if language == "zh":
        # Spoken Chinese also says 星期天/礼拜天 for Sunday and 礼拜一 (禮拜一) for Monday;
        # CLDR has only 星期日, 周日 and 週日.
        for number, digit in enumerate("一二三四五六日"):
            weekdays.update({f"礼拜{digit}": number, f"禮拜{digit}": number})
        weekdays.update({"星期天": 6, "礼拜天": 6, "禮拜天": 6})
    return _CalendarNames(
        months=_month_names(_names(months)),
        wide_months=_month_names(_names(_wide(months))),
        weekdays=weekdays,
        wide_weekdays=_names(_wide(days)),
    )


@lru_cache(maxsize=64)
def _sublocales(language: str, script: str) -> list[str]:
    """``en`` and its variants in the same script (en_GB has "Sept"; not en_Dsrt, Deseret)."""
    return [
        name
        for name in localedata.locale_identifiers()
        if name.split("_", 1)[0] == language and script_of(name) == script
    ]


def _forms(name: str, dotted: bool) -> set[str]:
    """A name as CLDR writes it, capitalised (a sentence's first word) and, if long, in capitals."""
    forms = {name, name[:1].upper() + name[1:]}
    if len(name.rstrip(".")) > 3:  # "MARCH" in a heading; not "MAY", "MAR" (acronyms)
        forms.add(name.upper())
    if dotted:
        forms.add(name + ".")  # "Sep." for CLDR's "Sep"
    return forms


_Found = dict[tuple[str, str], int]  # (width, name as CLDR writes it) -> number


def _found(tables: list[Any]) -> _Found:
    """Every month (or weekday) name of the locales' tables (``Locale.months`` or ``.days``)."""
    found: _Found = {}
    for table in tables:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in table[context][width].items():
                    found.setdefault((width, name.strip()), int(number))
    return found


def _wide(found: _Found) -> _Found:
    return {key: number for key, number in found.items() if key[0] == "wide"}


def _names(found: _Found) -> dict[str, int]:
    """The written forms of the names found: number by form."""
    wide = {name for (width, name) in found if width == "wide"}
    names: dict[str, int] = {}
    for (width, name), number in found.items():
        # An abbreviation takes a full stop ("Sep."), unless it is a whole word ("June").
        dotted = width == "abbreviated" and name.isascii() and name.isalpha() and name not in wide
        for form in _forms(name, dotted):
            names.setdefault(form, number)
    return names


def _month_names(names: dict[str, int]) -> dict[str, int]:
    # Chinese and Japanese names (9月, 九月) are numerals with 月, found as such.
    return {name: number for name, number in names.items() if not _NUMERAL_MONTH.search(name)}


_NUMERAL_MONTH = re.compile(r"\d|月")


def _short_pattern(locale: str) -> str:
    try:
        return str(get_date_format("short", locale=parse_locale(locale)).pattern)
    except (ValueError, LookupError):
        return "M/d/yy"
