"""Names checks: glossary names kept, spelt right and not added, in translations and sources."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from toolkit.checks.registry import Scope, check
from toolkit.glossary.conversions import convert
from toolkit.glossary.model import Kind, has_cjk
from toolkit.glossary.spelling import correction
from toolkit.locales import parse_locale
from toolkit.model import Category, Pair, Severity
from toolkit.pinyin import matches_romanisation, name_pinyin

if TYPE_CHECKING:
    from toolkit.glossary import Entry, Glossary, Mention

# Personal pronouns that can stand for a person's name, per language. 他/她 with 们 (們) is
# "they"; 其他 ("other"), 他人 ("others"), 吉他 ("guitar"), 利他 ("altruism"), 他国 ("other
# countries") and the like are no pronouns. 其 ("his, her, its") is left out: it is as often
# a determiner (其中, 尤其).
_PRONOUNS = {
    "zh": re.compile(r"(?<![其吉利排])[他她][们們]?(?![人国國乡鄉处處方杀殺])"),
    "en": re.compile(
        r"\b(?:he|she|him|her|his|hers|himself|herself|they|them|their|theirs|themselves)\b",
        re.IGNORECASE,
    ),
}
_PLURAL = re.compile(r"[们們]|^(?:they|them|their|theirs|themselves)$", re.IGNORECASE)


@check("N101", "name-missing", Category.NAMES, Severity.ERROR, Scope.PAIR, needs_glossary=True)
def name_missing(pair: Pair, glossary: Glossary) -> Iterator[str]:
    """A glossary name or term of the source is missing from the translation in all its forms."""
    for translation, mention, pronoun in _absent(pair, glossary):
        if pronoun is not None:
            continue
        entry = mention.entry
        if entry.verified:
            advice = f"none of its {pair.locale} forms: write {entry.forms_in(pair.locale)[0]!r}"
        else:
            guess = entry.canonical(pair.locale)
            advice = (
                f"none of its forms: keep {entry.label_forms()[0]!r} (the glossary's"
                f" {pair.locale} form {guess} is unverified)"
            )
        yield (
            f"{_named(mention, pair.locale)}; the translation has {advice}"
            f"{_instead(glossary, entry, pair.locale, translation)}"
        )


@check("N102", "forbidden-name", Category.NAMES, Severity.ERROR, Scope.TEXT, needs_glossary=True)
def forbidden_name(text: str, locale: str, glossary: Glossary) -> Iterator[str]:
    """A form the glossary lists as forbidden: a known misspelling of a name ("Xuegin")."""
    for mention in glossary.mentions(text):
        if mention.forbidden:
            right = correction(mention.entry, mention.text, locale)
            yield (
                f"{mention.text!r} at {_where(text, mention.start)} is a forbidden form of"
                f" {mention.entry.label(locale)}: write {right!r}"
            )


@check("N103", "misspelt-name", Category.NAMES, Severity.WARNING, Scope.TEXT, needs_glossary=True)
def misspelt_name(text: str, locale: str, glossary: Glossary) -> Iterator[str]:
    """A word one or two letters away from a glossary name ("Sophie Huang Xueqin", "Xuegin")."""
    for found in glossary.speller.misspellings(text, glossary.mentions(text)):
        yield (
            f"{found.written!r} at {_where(text, found.start)} looks like a misspelling of"
            f" {found.wanted!r} ({found.entry.other_form(found.wanted, locale)})"
        )


@check("N104", "homophone-name", Category.NAMES, Severity.ERROR, Scope.TEXT, needs_glossary=True)
def homophone_name(text: str, locale: str, glossary: Glossary) -> Iterator[str]:
    """Chinese characters that read like a glossary person's name but are not it (王建冰)."""
    for found in glossary.homophones(text):
        reading = " ".join(name_pinyin(found.form))
        right = correction(found.entry, found.form, locale)
        yield (
            f"{found.text} at {_where(text, found.start)} reads {reading} like {found.form}"
            f" ({found.entry.other_form(found.form)}) but is written with other characters:"
            f" write {right}"
        )


@check("N105", "spaced-name", Category.NAMES, Severity.ERROR, Scope.TEXT, needs_glossary=True)
def spaced_name(text: str, locale: str, glossary: Glossary) -> Iterator[str]:
    """A Chinese glossary name broken by a space or a line break ("王 建兵")."""
    for mention in glossary.mentions(text):
        if mention.spaced and not mention.forbidden:
            yield (
                f"{mention.text!r} at {_where(text, mention.start)} breaks the name"
                f" {mention.form} ({mention.entry.other_form(mention.form)}) with a space:"
                f" write {mention.form!r}"
            )


@check("N106", "name-added", Category.NAMES, Severity.WARNING, Scope.PAIR, needs_glossary=True)
def name_added(pair: Pair, glossary: Glossary) -> Iterator[str]:
    """The translation names a glossary entry that the source does not mention."""
    named = {entry.id for entry in glossary.mentioned(pair.msgid)}
    reported: set[str] = set()
    for translation in _translations(pair):
        for entry in glossary.mentioned(translation):
            if entry.id in named or entry.id in reported:
                continue
            if glossary.contains(entry, entry.all_forms(), pair.msgid):
                continue  # inside a longer term of the source ("Guangzhou Intermediate Court")
            reported.add(entry.id)
            yield (
                f"the translation names {entry.label(pair.locale)}, which the source does not"
                " mention: check that nothing was added, or that the source names it otherwise"
            )


@check(
    "N107",
    "pronoun-for-name",
    Category.NAMES,
    Severity.WARNING,
    Scope.PAIR,
    needs_glossary=True,
)
def pronoun_for_name(pair: Pair, glossary: Glossary) -> Iterator[str]:
    """A person the source names is only a pronoun in the translation (他, 她, he, she)."""
    for _translation, mention, pronoun in _absent(pair, glossary):
        if pronoun is not None:
            wanted = _wanted(mention.entry, pair.locale)
            yield (
                f"{_named(mention, pair.locale)}; the translation has the pronoun"
                f" {pronoun!r} instead: make sure it is clear who is meant, or write"
                f" {wanted[0]!r}"
            )


@check("N108", "unverified-name", Category.NAMES, Severity.WARNING, Scope.PAIR, needs_glossary=True)
def unverified_name(pair: Pair, glossary: Glossary) -> Iterator[str]:
    """The translation uses an unverified glossary form the source lacks (张锐 for Zhang Rui)."""
    in_source = [m for m in glossary.mentions(pair.msgid) if not m.forbidden]
    reported: set[str] = set()
    for translation in _translations(pair):
        for mention in glossary.mentions(translation):
            entry = mention.entry
            if entry.verified or mention.forbidden or mention.form in reported:
                continue
            written = [m for m in in_source if m.entry is entry]
            if glossary.contains(entry, (mention.form,), pair.msgid) or any(
                _same_name(entry, m.form, mention.form) for m in written
            ):
                continue
            reported.add(mention.form)
            kept = written[0].text if written else entry.label_forms()[0]
            yield (
                f"{mention.text!r} at {_where(translation, mention.start)} is the glossary's"
                f" {mention.locale} form of {entry.label_forms()[0]}, which no source confirms:"
                f" keep {kept!r} as the source has it, or verify the form and mark the entry"
                " verified, with its source, in the glossary"
            )


def _same_name(entry: Entry, given: str, used: str) -> bool:
    """Whether a form used in a translation is the one the source gives, in the translation's
    script (张锐 / 張銳) or romanised (张锐 / Zhang Rui): then nothing was guessed."""
    if not has_cjk(given):
        return False
    if has_cjk(used):
        return convert("t2s", given) == convert("t2s", used)
    return (
        entry.kind is Kind.PERSON
        and entry.romanisation == "pinyin"
        and matches_romanisation(given, used)
    )


def _translations(pair: Pair) -> list[str]:
    return [text for text in dict.fromkeys(pair.msgstr_plural or (pair.msgstr,)) if text]


def _wanted(entry: Entry, locale: str) -> tuple[str, ...]:
    """The forms a translation into ``locale`` must use; none when the glossary has none.

    An unverified entry's form in the locale is not required over its other forms: a guessed
    Chinese name may be left in pinyin.
    """
    forms = entry.forms_in(locale)
    return forms if entry.verified or not forms else entry.all_forms()


def _absent(pair: Pair, glossary: Glossary) -> Iterator[tuple[str, Mention, str | None]]:
    """Entries the source names that a translation lacks, each with the pronoun that may stand
    for it: a pronoun the translation has beyond those of the source, for a person."""
    mentions = glossary.mentions(pair.msgid)
    if not mentions:
        return
    first = {mention.entry.id: mention for mention in mentions}
    for translation in _translations(pair):
        missing = [
            mention
            for mention in first.values()
            if (wanted := _wanted(mention.entry, pair.locale))
            and not glossary.contains(mention.entry, wanted, translation)
        ]
        if not missing:
            continue
        spare = _spare_pronouns(pair.msgid, pair.source_locale, translation, pair.locale)
        for mention in missing:
            pronoun = spare[0] if spare and mention.entry.kind is Kind.PERSON else None
            if pronoun is not None and not _PLURAL.search(pronoun):
                spare.pop(0)  # "she" stands for one person; "they" (他们) for all of them
            yield translation, mention, pronoun


def _spare_pronouns(source: str, source_locale: str, translation: str, locale: str) -> list[str]:
    """The translation's pronouns beyond the number the source has (a name turned pronoun)."""
    found = _pronouns(translation, locale)
    return found[len(_pronouns(source, source_locale)) :]


def _pronouns(text: str, locale: str) -> list[str]:
    pattern = _PRONOUNS.get(_language(locale))
    return pattern.findall(text) if pattern else []


@cache
def _language(locale: str) -> str:
    try:
        return str(parse_locale(locale).language)
    except ValueError:
        return ""


def _named(mention: Mention, locale: str) -> str:
    """``the source names Huang Xueqin (黄雪琴) as 'Huang'``: the entry (with the Chinese form
    of ``locale``, the translation's) and how the source wrote it."""
    entry = mention.entry
    written = "" if mention.text in entry.label_forms(locale) else f" as {mention.text!r}"
    return f"the source names {entry.label(locale)}{written}"


def _instead(glossary: Glossary, entry: Entry, locale: str, translation: str) -> str:
    """What the translation has in place of the wanted form: another locale's, or a misspelling."""
    target = entry.locale_key(locale)
    for other, forms in entry.forms.items():
        if other != target and glossary.contains(entry, forms, translation):
            shown = next(form for form in forms if glossary.contains(entry, (form,), translation))
            return f" (it has {shown!r}, the {other} form)"
    wrong = [m.text for m in glossary.mentions(translation) if m.forbidden and m.entry is entry]
    return f" (it has the forbidden form {wrong[0]!r})" if wrong else ""


def _where(text: str, offset: int) -> str:
    """``column 12``, or ``line 2, column 5`` of a text of several lines (columns from 1)."""
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line + 1}, column {column}" if line else f"column {column}"
