"""The glossary's vocabulary: kinds, statuses and entries with their forms per locale."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from toolkit.locales import canonical, parse_locale
from toolkit.textutil import is_cjk


class Kind(StrEnum):
    """What an entry names."""

    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    OFFICE = "office"
    COURT = "court"
    LEGAL_TERM = "legal-term"
    EVENT = "event"

    @property
    def proper_noun(self) -> bool:
        """Names of one person, body or place: capitalised, so matched case-sensitively.

        Offices, legal terms and events are common nouns in running text ("the chief
        procurator", "Inciting subversion of state power" at a sentence start).
        """
        return self in (Kind.PERSON, Kind.ORGANISATION, Kind.PLACE, Kind.COURT)


class Status(StrEnum):
    """Whether an entry's forms are confirmed by a source."""

    VERIFIED = "verified"
    UNVERIFIED = "unverified"


@dataclass(frozen=True, eq=False, repr=False)
class Entry:
    """One name or term: its forms per CLDR locale (canonical first), forbidden forms, status.

    ``forms`` includes the forms OpenCC derived (``derived`` names those locales). ``lines``
    holds the TOML line of each key, for messages.
    """

    id: str
    kind: Kind
    status: Status
    forms: dict[str, tuple[str, ...]]
    forbidden: tuple[str, ...] = ()
    source: str | None = None
    note: str | None = None
    romanisation: str = "pinyin"
    hant_override: bool = False
    derived: frozenset[str] = frozenset()
    line: int = 0
    lines: dict[str, int] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Entry({self.id!r})"

    @property
    def verified(self) -> bool:
        return self.status is Status.VERIFIED

    def locale_key(self, locale: str) -> str | None:
        """The key of ``forms`` a locale uses: ``zh_TW`` -> ``zh_Hant``, ``en_GB`` -> ``en``."""
        name = canonical(locale)
        if name in self.forms:
            return name
        try:
            language = parse_locale(locale).language
        except ValueError:
            return None
        return language if language in self.forms else None

    def forms_in(self, locale: str) -> tuple[str, ...]:
        """The accepted forms in a locale (its script folded), canonical first; may be empty."""
        key = self.locale_key(locale)
        return self.forms[key] if key else ()

    def canonical(self, locale: str) -> str | None:
        """The canonical form in a locale, or None when the glossary has none."""
        forms = self.forms_in(locale)
        return forms[0] if forms else None

    def all_forms(self) -> tuple[str, ...]:
        """Every accepted form in every locale, once each."""
        return tuple(dict.fromkeys(form for forms in self.forms.values() for form in forms))

    def label_forms(self, locale: str | None = None) -> tuple[str, ...]:
        """The forms messages name the entry by: its first Latin and first Chinese form (the
        locale's own, for a Chinese locale)."""
        latin = next((form for form in self.all_forms() if not has_cjk(form)), None)
        own = self.forms_in(locale) if locale else ()
        chinese = next((form for form in (*own, *self.all_forms()) if has_cjk(form)), None)
        return tuple(form for form in (latin, chinese) if form)

    def label(self, locale: str | None = None) -> str:
        """How messages name the entry: ``Huang Xueqin (黄雪琴)``; ``(黃雪琴)`` for zh_Hant."""
        forms = self.label_forms(locale)
        return f"{forms[0]} ({forms[1]})" if len(forms) == 2 else forms[0]

    def other_form(self, shown: str, locale: str | None = None) -> str:
        """The label form in the other script than ``shown``'s, to say which entry is meant."""
        others = [form for form in self.label_forms(locale) if has_cjk(form) != has_cjk(shown)]
        return others[0] if others else self.id


def has_cjk(text: str) -> bool:
    """Whether a form is written (partly) in Chinese characters."""
    return any(is_cjk(char) for char in text)
