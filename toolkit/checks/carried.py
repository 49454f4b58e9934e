"""What a translation carries over from its source as written (numbers, code, identifiers,
addresses), and how two sources differ in it: the sign that one translation cannot serve both."""

from __future__ import annotations

import re
from collections import Counter

from toolkit.checks.codespans import split_code
from toolkit.checks.markup import URL
from toolkit.checks.placeholders import PRINTF

# Figures, with their decimal, thousands and time separators and a sign ("7.2", "1,000", "-1").
_NUMBER = re.compile(r"(?:(?<![\w.])-)?\d+(?:[.,:]\d+)*")
# A name of code outside backticks: snake_case, camelCase or with a figure (RawValue, utf8).
# Words in capitals are left out: "FAQ", "SOURCE" and "DEST" are words a translator translates.
_WORD = re.compile(r"(?<![\w.])[A-Za-z_][\w.]*\w|(?<![\w.])[A-Za-z_]")
_CODE_LIKE = re.compile(r"_|[a-z][A-Z]|[A-Za-z]\d")
# Words of a spaced script, and each character of a script without spaces, compared as sets.
_TERMS = re.compile(r"[^\W\d_\u3400-\u9fff]+|[\u3400-\u9fff]")
# Two sources of at least _LONG terms that share less than _SHARED of all their terms are two
# sentences, not one sentence reworded ("could not write" and "failed to write" share most).
_LONG = 8
_SHARED = 0.4


def carried(text: str) -> list[str]:
    """The code spans, URLs, names of code and figures of ``text``, in their order."""
    pieces = split_code(text)
    found = [code.strip() for code in pieces[1::2]]
    for prose in pieces[::2]:
        found.extend(URL.findall(prose))
        prose = PRINTF.sub(" ", URL.sub(" ", prose))
        found.extend(word for word in _WORD.findall(prose) if _CODE_LIKE.search(word))
        found.extend(_NUMBER.findall(_WORD.sub(" ", prose)))
    return found


def difference(source: str, other: str) -> str | None:
    """How ``source`` and ``other`` differ in what their translations must show, said briefly;
    None when they differ in wording only (one translation may then serve both)."""
    mine, theirs = carried(source), carried(other)
    if mine != theirs:
        counted, counted_there = Counter(mine), Counter(theirs)
        if counted == counted_there:
            return f"{', '.join(mine)} in another order"
        here, there = counted - counted_there, counted_there - counted
        return f"{_listed(list(here.elements()))} here; {_listed(list(there.elements()))} there"
    terms, others = _terms(source), _terms(other)
    if min(len(terms), len(others)) >= _LONG and len(terms & others) < _SHARED * len(
        terms | others
    ):
        return "hardly a word in common"
    return None


def _listed(items: list[str]) -> str:
    return ", ".join(items) if items else "nothing"


def _terms(text: str) -> set[str]:
    # Plural and third-person endings fold away: "files" and "file" are one term.
    return {term.lower().removesuffix("s") for term in _TERMS.findall(text)}
