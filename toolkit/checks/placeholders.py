"""Placeholder checks: printf (``%s``, ``%(name)s``) and brace (``{name}``) placeholders kept."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from toolkit.checks.codespans import split_code
from toolkit.checks.markup import compare
from toolkit.checks.registry import Scope, check
from toolkit.model import Category, Pair, Severity

# The flags of printf-style format strings (sh-format is $name, python-brace-format {name}).
_PRINTF_FLAGS = frozenset(
    {"c-format", "objc-format", "python-format", "php-format", "perl-format", "gcc-internal-format"}
)
PRINTF = re.compile(
    r"%(?:\((?P<key>[^()]*)\))?(?P<pos>\d+\$)?[-#0 +']*(?:\*(?:\d+\$)?|\d+)?"
    r"(?:\.(?:\*(?:\d+\$)?|\d+))?(?:hh|ll|[hlLqjzt]|I64|I32)?[diouxXeEfFgGcrsaAp%]"
    r"|%(?P<pripos>\d+\$)?<PRI[a-zA-Z0-9]+>"  # gettext's portable <inttypes.h> conversions
)
_NOT_PRINTF = frozenset({"no-c-format", "no-python-format"})
_POSITION = re.compile(r"\d+\$")
# strftime directives that are no printf conversion: a text with them is a date pattern.
_STRFTIME = re.compile(r"%[HMSYmyBbjZIUW]")
# Without a format flag only forms nobody writes by accident count: "50% of" is prose.
_PRINTF_CLEAR = re.compile(r"%(?:\([A-Za-z_]\w*\)[-#0+]?\d*(?:\.\d+)?|\d*)[sdrif]")
_BRACE = re.compile(r"(?<!\{)\{(?!\{)[^{}]*\}")
_BRACE_CLEAR = re.compile(r"(?<!\{)\{(?:[A-Za-z_]\w*|\d+)(?:![rsa])?(?::[^{}\s]*)?\}(?!\})")


@check("M108", "printf-placeholders", Category.MARKUP, Severity.ERROR, Scope.PAIR)
def printf_placeholders(pair: Pair) -> Iterable[str]:
    """A printf placeholder (``%s``, ``%(name)s``, ``%d``) is lost, added or reordered.

    With a ``c-format`` or ``python-format`` flag every conversion counts; without one only the
    unmistakable forms (``%(name)s``, ``%s``, ``%d``) outside code spans do, and never in a
    strftime pattern (``%d`` is the day there). A translation may reorder arguments by number
    (``%2$s ... %1$s``). Of a plural entry, the first form answers to the msgid and the others
    to the plural msgid (the only form, in a language of one form).
    """
    # Most pairs: no "%" and no plural texts, seen without a call (it costs more than the test).
    if not ("%" in pair.msgid or "%" in pair.msgstr or pair.msgid_plural or pair.msgstr_plural):
        return ()  # (a check returns () for no finding: no generator to run)
    if not _mentions(pair, "%") or not _NOT_PRINTF.isdisjoint(pair.flags):
        return ()
    flagged = not _PRINTF_FLAGS.isdisjoint(pair.flags)
    if not flagged and _STRFTIME.search(pair.msgid):
        return ()
    return _printf_messages(pair, flagged)


def _printf_messages(pair: Pair, flagged: bool) -> Iterator[str]:
    for original, text in _forms(pair):
        source, found = _arguments(original, flagged), _arguments(text, flagged)
        if (
            source == found
            or Counter(source) == Counter(found)
            or (
                not flagged
                and Counter(_arguments(original, True)) == Counter(_arguments(text, True))
            )
        ):
            continue  # equal, or only moved in or out of a code span (the code check's affair)
        if Counter(spec for _, spec in source) == Counter(spec for _, spec in found):
            yield (
                f"placeholders are in another order ({' '.join(s for _, s in source)} in the "
                f"source, {' '.join(s for _, s in found)} in the translation): number them, "
                "as in '%1$s'"
            )
            continue
        several = sum(1 for key, _ in source if key.isdigit()) > 1
        yield from compare("placeholder", _shown_args(source, several), _shown_args(found, several))


def _arguments(text: str, flagged: bool) -> list[tuple[str, str]]:
    """Each conversion with the argument it takes: ``("2", "%s")``, ``("(name)", "%(name)s")``.

    A ``*`` width or precision takes an argument of its own (``%.*s`` takes two).
    """
    arguments: list[tuple[str, str]] = []
    taken = 0
    scanned = text if flagged else _without_code(text)
    for match in PRINTF.finditer(scanned):
        spec, key = match.group(), match.group("key")
        if spec == "%%" or not (flagged or _plain_printf(scanned, match)):
            continue
        position = match.group("pos") or match.group("pripos")
        if key is not None:
            arguments.append((f"({key})", spec))
        elif position:
            arguments.append((position[:-1], _POSITION.sub("", spec)))
        else:
            taken += spec.count("*") + 1
            arguments.append((str(taken), spec))
    return arguments


def _plain_printf(text: str, match: re.Match[str]) -> bool:
    """Without a format flag: ``%s`` or ``%(name)s``, not glued to a word ("50%d" is no format)."""
    before = text[match.start() - 1] if match.start() else " "
    clear = _PRINTF_CLEAR.fullmatch(match.group())
    return clear is not None and not (before.isascii() and before.isalnum())


def _shown_args(arguments: list[tuple[str, str]], several: bool) -> list[str]:
    return [
        f"{spec} (argument {key})" if several and key.isdigit() else spec for key, spec in arguments
    ]


@check("M109", "brace-placeholders", Category.MARKUP, Severity.ERROR, Scope.PAIR)
def brace_placeholders(pair: Pair) -> Iterable[str]:
    """A brace placeholder (``{name}``, ``{0}``) of the source is lost or added.

    With a ``python-brace-format`` flag every replacement field counts; without one only
    ``{name}`` and ``{0}`` outside code spans do.
    """
    if not ("{" in pair.msgid or "{" in pair.msgstr or pair.msgid_plural or pair.msgstr_plural):
        return ()  # most pairs, as for printf placeholders
    if not _mentions(pair, "{"):
        return ()
    flagged = "python-brace-format" in pair.flags
    pattern = _BRACE if flagged else _BRACE_CLEAR
    messages = []
    for original, text in _forms(pair):
        source = pattern.findall(original if flagged else _without_code(original))
        found = pattern.findall(text if flagged else _without_code(text))
        messages += compare("placeholder", source, found)
    return messages


def _mentions(pair: Pair, mark: str) -> bool:
    """Whether a source or translation of the entry has ``mark``: without it, no placeholder."""
    if mark in pair.msgid or mark in pair.msgstr:
        return True
    if pair.msgid_plural is None and not pair.msgstr_plural:
        return False  # most entries: no other text to look at
    return (pair.msgid_plural is not None and mark in pair.msgid_plural) or any(
        mark in text for text in pair.msgstr_plural
    )


def _forms(pair: Pair) -> Iterator[tuple[str, str]]:
    """Each translation with the source it answers to.

    Of a plural entry the first form answers to the msgid and the others to the plural msgid;
    a language of one form (Chinese) has only the form that answers to the plural msgid.
    """
    forms = pair.msgstr_plural or (pair.msgstr,)
    for index, text in enumerate(forms):
        singular = index == 0 and len(forms) > 1
        yield (pair.msgid if singular else pair.msgid_plural or pair.msgid), text


def _without_code(text: str) -> str:
    return " ".join(split_code(text)[::2]) if "`" in text else text
