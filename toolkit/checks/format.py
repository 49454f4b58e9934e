"""Format checks: unreadable files, headers that disagree with the path or CLDR, plural counts."""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from toolkit.checks.registry import Scope, check
from toolkit.locales import nplurals, parse_locale, plural_forms, same_language
from toolkit.model import CatalogueView, Category, Hit, Pair, Severity

_PLURAL = re.compile(r"nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*([^;]+);?")
_LITERAL_ESCAPE = re.compile(r"\\[ntr\"]")


@check("F101", "unreadable", Category.FORMAT, Severity.ERROR, Scope.ENGINE)
def unreadable() -> Iterator[Hit]:
    """A catalogue or source cannot be read or parsed.

    The engine reports it at the line where reading stopped; the other files are still checked.
    A file that was read has nothing more to report here.
    """
    return iter(())


@check("F102", "unknown-rule", Category.FORMAT, Severity.WARNING, Scope.ENGINE)
def unknown_rule() -> Iterator[Hit]:
    """A suppression comment names a rule that does not exist.

    The engine judges suppressions after every check has run.
    """
    return iter(())


@check("F103", "unused-suppression", Category.FORMAT, Severity.WARNING, Scope.ENGINE)
def unused_suppression() -> Iterator[Hit]:
    """A suppression suppresses nothing on its entry.

    The engine judges suppressions after every check has run.
    """
    return iter(())


@check("F104", "language-mismatch", Category.FORMAT, Severity.ERROR, Scope.CATALOGUE)
def language_mismatch(catalogue: CatalogueView) -> Iterator[Hit]:
    """The ``Language`` header names another language than the catalogue's place."""
    header = catalogue.metadata.get("Language", "").strip()
    if not header:
        yield Hit(
            f'no Language header: add "Language: {catalogue.locale}"'
            if catalogue.locale
            else "no Language header"
        )
        return
    if catalogue.locale and not _same_language(header, catalogue.locale):
        yield Hit(f"Language header says {header!r} but the catalogue is for {catalogue.locale!r}")


@check("F105", "plural-forms", Category.FORMAT, Severity.ERROR, Scope.CATALOGUE)
def plural_forms_header(catalogue: CatalogueView) -> Iterator[Hit]:
    """The ``Plural-Forms`` header disagrees with CLDR's plural rule for the language."""
    expected = _plural_forms(catalogue.locale)
    if expected is None:
        return
    written = catalogue.metadata.get("Plural-Forms", "").strip()
    if not written:
        if any(pair.msgid_plural for pair in catalogue.pairs):
            yield Hit(f'plural entries but no Plural-Forms header: add "{expected}"')
        return
    if not _equivalent(written, expected):
        yield Hit(
            f"Plural-Forms is {written!r}; CLDR's rule for {catalogue.locale} is {expected!r}"
        )


# Every catalogue of a locale asks the same questions of CLDR: each is answered once a process.
_same_language = lru_cache(maxsize=256)(same_language)


@lru_cache(maxsize=256)
def _plural_forms(locale: str) -> str | None:
    """CLDR's Plural-Forms for a locale, or None for a name that is no locale."""
    try:
        parse_locale(locale)
    except ValueError:
        return None
    return plural_forms(locale)


@lru_cache(maxsize=256)
def _equivalent(written: str, expected: str) -> bool:
    """Same count and the same form chosen for every n from 0 to 1000."""
    left, right = _PLURAL.search(written), _PLURAL.search(expected)
    if left is None or right is None or left.group(1) != right.group(1):
        return False
    try:
        first: Callable[[int], int] = gettext.c2py(left.group(2))
        second: Callable[[int], int] = gettext.c2py(right.group(2))
        return all(first(n) == second(n) for n in range(1001))
    except (ValueError, SyntaxError, RecursionError, ZeroDivisionError):
        return False


@check("F106", "plural-count", Category.FORMAT, Severity.ERROR, Scope.CATALOGUE)
def plural_count(catalogue: CatalogueView) -> Iterator[Hit]:
    """A plural entry has another number of translations than the language has forms."""
    match = _PLURAL.search(catalogue.metadata.get("Plural-Forms", ""))
    try:
        count = int(match.group(1)) if match else _nplurals(catalogue.locale)
    except ValueError:
        return
    for pair in catalogue.pairs:
        if pair.msgid_plural and pair.msgstr_plural and len(pair.msgstr_plural) != count:
            yield Hit(
                f"{len(pair.msgstr_plural)} plural translations; the language has {count}",
                pair=pair,
            )


_nplurals = lru_cache(maxsize=256)(nplurals)


@check("F107", "literal-escape", Category.FORMAT, Severity.ERROR, Scope.PAIR)
def literal_escape(pair: Pair) -> Iterable[str]:
    """The translation has a typed escape (a backslash then n, t, r or a quote) the source lacks."""
    if "\\" not in pair.msgstr:
        return ()  # no backslash, no escape (most translations)
    return _literal_escapes(pair)


def _literal_escapes(pair: Pair) -> Iterator[str]:
    extra = set(_LITERAL_ESCAPE.findall(pair.msgstr)) - set(_LITERAL_ESCAPE.findall(pair.msgid))
    for escape in sorted(extra):
        meant = {
            "\\n": "a line break",
            "\\t": "a tab",
            "\\r": "a carriage return",
            '\\"': "a quote",
        }
        yield f"the translation has a literal {escape!r} where {meant[escape]} was probably meant"
