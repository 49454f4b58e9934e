"""The campaign record (``locales/campaign.toml``): approved demands and the facts of the case."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from toolkit.errors import InputError
from toolkit.glossary.conversions import other_script, remembered
from toolkit.locales import canonical, parse_locale
from toolkit.tomlfile import read_toml

ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FACT_KINDS = ("date", "duration", "count")
# In a fact's signal, a gap of a few characters within a clause: "被…带走" is 被警方带走 too.
GAP = "…"
# Below this similarity an item is no demand of the record; within this margin of the best, two
# demands are too alike to tell which one an item is.
MATCH_THRESHOLD = 60.0
AMBIGUOUS_MARGIN = 8.0
# How extraction marks a demand entry in a template and its catalogues (``#. type: demand <id>``).
DEMAND_COMMENT = re.compile(r"^type: demand (\S+)$", re.MULTILINE)


@dataclass(frozen=True)
class Demand:
    """A demand: its id, what it asks, and its approved wording (first) and alternatives per
    locale, keyed by CLDR name (``zh_Hans``)."""

    id: str
    summary: str
    wording: dict[str, tuple[str, ...]]
    line: int


@dataclass(frozen=True)
class Fact:
    """A fact of the case: a date (``value``), a duration in months, or a count, and the words
    that signal it in a sentence, per locale; ``subject`` names whom it is about, if anyone."""

    id: str
    kind: str
    value: dt.date | int
    signals: dict[str, tuple[str, ...]]
    subject: dict[str, tuple[str, ...]]
    line: int

    def signals_in(self, locale: str) -> tuple[str, ...]:
        """The words that signal the fact in ``locale`` (``en_GB`` uses the ``en`` ones)."""
        return _in_locale(self.signals, locale)

    def subject_in(self, locale: str) -> tuple[str, ...]:
        """The names of whom the fact is about in ``locale``; empty when it is about no one."""
        return _in_locale(self.subject, locale)


@dataclass(frozen=True)
class Campaign:
    """The record: demands and facts by id, with the file it came from."""

    path: Path
    demands: dict[str, Demand] = field(default_factory=dict)
    facts: dict[str, Fact] = field(default_factory=dict)

    def wording(self, demand: str, locale: str) -> tuple[str, ...]:
        """Approved wording and alternatives of a demand in a locale (gettext names understood)."""
        known = self.demands.get(demand)
        return known.wording.get(canonical(locale), ()) if known else ()

    def approved(self, demand: str, text: str, locale: str) -> bool:
        """Whether ``text`` is one of the demand's wordings, whitespace and punctuation aside."""
        return normalise(text) in {normalise(option) for option in self.wording(demand, locale)}

    def match(self, text: str, locale: str) -> list[tuple[str, float]]:
        """Demands ranked by how close ``text`` is to their wordings in ``locale``, best first."""
        scores = []
        wanted = normalise(text)
        for demand in self.demands.values():
            options = demand.wording.get(canonical(locale), ())
            if options:
                best = max(fuzz.ratio(wanted, normalise(option)) for option in options)
                scores.append((demand.id, best))
        return sorted(scores, key=lambda item: -item[1])

    def identify(self, text: str, locale: str) -> tuple[str | None, str | None]:
        """The demand ``text`` states, or None with the reason it cannot be told."""
        ranked = self.match(text, locale)
        if not ranked or ranked[0][1] < MATCH_THRESHOLD:
            return None, "matches no demand of the campaign record"
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < AMBIGUOUS_MARGIN:
            return None, f"could be demand {ranked[0][0]!r} or {ranked[1][0]!r}"
        return ranked[0][0], None


def demand_id(comment: str) -> str | None:
    """The demand id an entry's extracted comment carries, ``?`` if unidentified, else None."""
    found = DEMAND_COMMENT.search(comment)
    return found.group(1) if found else None


def _in_locale(forms: dict[str, tuple[str, ...]], locale: str) -> tuple[str, ...]:
    name = canonical(locale)
    if name in forms:
        return forms[name]
    try:
        language = str(parse_locale(name).language)
    except ValueError:
        return ()
    return forms.get(language, ())


def normalise(text: str) -> str:
    """Text compared for wording: case, whitespace and punctuation (of any script) left out.

    Character by character (``normalise(a + b) == normalise(a) + normalise(b)``): the start of
    a text normalised is the start of the text normalised, which K103 relies on.
    """
    return text.casefold().translate(_LEFT_OUT)


class _LeftOut(dict[int, str | None]):
    """``str.translate``'s table deleting punctuation, separators and control characters: each
    character's category looked up once, then answered by the dictionary (at C speed)."""

    def __missing__(self, code: int) -> str | None:
        kept = None if unicodedata.category(chr(code))[0] in "PZC" else chr(code)
        self[code] = kept
        return kept


_LEFT_OUT = _LeftOut()


def load_campaign(path: Path) -> Campaign:
    """Read and validate a campaign record; every problem is an ``InputError`` at its line."""
    text, data = read_toml(path)
    unknown = set(data) - {"demands", "facts"}
    if unknown:
        key = sorted(unknown)[0]
        raise InputError(
            path, _line(text, key), f"unknown table {key!r}: use [demands.<id>] or [facts.<id>]"
        )
    demands = {
        key: _demand(key, value, path, text) for key, value in _tables(data, "demands", path, text)
    }
    facts = {
        key: _fact(key, value, path, text) for key, value in _tables(data, "facts", path, text)
    }
    remembered().save()
    return Campaign(path, demands, facts)


def _tables(
    data: dict[str, Any], name: str, path: Path, text: str
) -> list[tuple[str, dict[str, Any]]]:
    section = data.get(name, {})
    if not isinstance(section, dict):
        raise InputError(path, _line(text, name), f"{name!r} must be tables: [{name}.<id>]")
    for key, value in section.items():
        if not ID.fullmatch(key):
            raise InputError(
                path, _line(text, f"{name}.{key}"), f"id {key!r} must use a-z, 0-9 and '-'"
            )
        if not isinstance(value, dict):
            raise InputError(path, _line(text, f"{name}.{key}"), f"[{name}.{key}] must be a table")
    return list(section.items())


def _by_locale(value: Any, where: str, path: Path, line: int | None) -> dict[str, tuple[str, ...]]:
    """``{locale: "text" or ["text", ...]}`` checked and keyed by CLDR name."""
    if not isinstance(value, dict):
        raise InputError(path, line, f"{where} must be a table of locale = text or [texts]")
    result: dict[str, tuple[str, ...]] = {}
    for locale, texts in value.items():
        try:
            parse_locale(locale)
        except ValueError:
            raise InputError(path, line, f"{where}: unknown locale {locale!r}") from None
        options = (texts,) if isinstance(texts, str) else texts
        if (
            not isinstance(options, (list, tuple))
            or not options
            or not all(isinstance(option, str) and option.strip() for option in options)
        ):
            raise InputError(path, line, f"{where}.{locale} must be a text or a list of texts")
        result[canonical(locale)] = tuple(options)
    return result


def _demand(key: str, value: dict[str, Any], path: Path, text: str) -> Demand:
    line = _line(text, f"demands.{key}")
    extra = set(value) - {"summary", "wording"}
    if extra:
        raise InputError(
            path, line, f"demand {key!r}: unknown key {sorted(extra)[0]!r} (summary, wording)"
        )
    summary = value.get("summary", "")
    if not isinstance(summary, str):
        raise InputError(path, line, f"demand {key!r}: summary must be a text")
    if "wording" not in value:
        raise InputError(path, line, f"demand {key!r} has no wording: add wording.<locale>")
    return Demand(
        key, summary, _by_locale(value["wording"], f"demand {key!r} wording", path, line), line or 0
    )


def _fact(key: str, value: dict[str, Any], path: Path, text: str) -> Fact:
    line = _line(text, f"facts.{key}")
    extra = set(value) - {"kind", "value", "signals", "subject", "note"}
    if extra:
        raise InputError(path, line, f"fact {key!r}: unknown key {sorted(extra)[0]!r}")
    kind = value.get("kind")
    if kind not in FACT_KINDS:
        raise InputError(path, line, f"fact {key!r}: kind must be one of {', '.join(FACT_KINDS)}")
    amount = value.get("value")
    if kind == "date" and not isinstance(amount, dt.date):
        raise InputError(path, line, f"fact {key!r}: a date's value is a TOML date (2021-09-19)")
    if kind != "date" and (isinstance(amount, bool) or not isinstance(amount, int) or amount < 0):
        what = "a duration's value is its length in months" if kind == "duration" else "a count"
        raise InputError(path, line, f"fact {key!r}: {what}, a whole number")
    if "signals" not in value:
        raise InputError(path, line, f"fact {key!r} has no signals: add signals.<locale>")
    signals = other_script(_by_locale(value["signals"], f"fact {key!r} signals", path, line))
    for words in signals.values():
        for word in words:
            if any(not part.strip() for part in word.split(GAP)):
                raise InputError(
                    path, line, f"fact {key!r}: signal {word!r} has a {GAP} with no word on a side"
                )
    subject = other_script(
        _by_locale(value.get("subject", {}), f"fact {key!r} subject", path, line)
    )
    assert isinstance(amount, (dt.date, int))
    return Fact(key, kind, amount, signals, subject, line or 0)


def _line(text: str, dotted: str) -> int | None:
    """The line of ``[dotted]`` (or ``key =``) in the TOML text."""
    last = dotted.rsplit(".", 1)[-1]
    header = re.compile(rf"^\s*\[\s*{re.escape(dotted)}\s*[\].]")
    assignment = re.compile(rf"^\s*\"?{re.escape(last)}\"?\s*=")
    lines = text.splitlines()
    for pattern in (header, assignment):
        for number, line in enumerate(lines, 1):
            if pattern.match(line):
                return number
    return None
