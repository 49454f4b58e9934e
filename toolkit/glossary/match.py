# ruff: noqa: RUF001, RUF003  (typographic quotes and hyphens are what names are written with)
"""Finding glossary forms in a text: one trie-shaped regex for every form, longest match first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from toolkit.glossary.model import Entry, Kind, has_cjk
from toolkit.pinyin import is_pinyin
from toolkit.textutil import is_cjk

# Letters and digits of spaced scripts: a Latin form must not touch one on either side
# ("Huang" is not in "Huangpu"). Chinese forms have no such boundary: Chinese is written without
# spaces, so 黄雪琴 stands between other characters (as Weblate's glossary does for such scripts).
LATIN = "0-9A-Za-z\u00c0-\u024f"
_LATIN_CHAR = re.compile(f"[{LATIN}]")
# Placed after a form's first character, not before it: a pattern whose alternatives all start
# with a plain character lets the regex engine skip ahead to the characters that can start one,
# so a text with no glossary term costs one fast scan.
# Each is written as two classes, one within Latin-1 and one beyond: the same test, but a class
# that spans both costs the regex compiler a 64K-entry table, at every one of the hundreds of
# places the pattern tests a boundary (two thirds of the time compiling a glossary).
_LATIN_1 = "0-9A-Za-z\u00c0-\u00ff"
_LATIN_EXTENDED = "\u0100-\u024f"
_BOUNDARY_BEFORE = f"(?<![{_LATIN_1}].)(?<![{_LATIN_EXTENDED}].)"
_BOUNDARY_AFTER = f"(?![{_LATIN_1}])(?![{_LATIN_EXTENDED}])"
# Letters in either case, ASCII ones only: without "a", k would match the Kelvin sign too.
_ANY_CASE = "(?ai:"
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_LATIN_GAP = r"\s+"  # "Huang  Xueqin" or a line break inside a name is still the name
_CJK_GAP = r"\s*"  # 王 建兵 is found (and reported as broken), not missed
_END = ""  # the trie key marking where a form ends; no unit is empty
_SPACE = re.compile(r"\s+")
# Typographic variants of the punctuation inside names ("People’s", "Chi‐fung").
_PUNCTUATION = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})
_CACHE_SIZE = 4096
# A surname alone ("Wang") is a short form of a person only when it is not part of another
# person's full name: "Justin Wang", "Zhiming Wang" (Western order) and "Wang Yi" (Chinese order)
# are someone else. A capitalised word before it is a given name unless it is a title.
_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "dear", "sir", "madam", "madame",
    "dame", "lady", "lord", "comrade", "director", "president", "premier", "chairman",
    "chairwoman", "minister", "secretary", "general", "governor", "mayor", "judge", "justice",
    "procurator", "prosecutor", "chief", "lawyer", "attorney", "officer", "activist",
    "journalist",
})  # fmt: skip
_WORD_BEFORE = re.compile(f"([{LATIN}]+)[ \t\u00a0]+$")
_WORD_AFTER = re.compile(f"[ \t\u00a0]+([{LATIN}]+)")


@dataclass(frozen=True)
class FormRef:
    """A form of an entry: accepted in ``locale``, or forbidden (``locale`` None)."""

    entry: Entry
    form: str
    locale: str | None
    forbidden: bool


@dataclass(frozen=True)
class Mention:
    """A glossary form found in a text, where it stands and how it was written."""

    entry: Entry
    form: str
    locale: str | None
    forbidden: bool
    start: int
    end: int
    text: str

    @property
    def spaced(self) -> bool:
        """A Chinese form written with whitespace inside it (王 建兵)."""
        return (
            has_cjk(self.form) and _SPACE.sub("", self.text) != self.text and " " not in self.form
        )


def key(text: str) -> str:
    """What a written form is looked up by: whitespace and quote or hyphen variants aside."""
    return _SPACE.sub("", text).translate(_PUNCTUATION)


@cache
def _unit(char: str, fold: bool) -> str:
    if char in "'’‘":
        return "['’‘]"
    if char in "-‐‑":
        return "[-‐‑]"
    if fold and char.lower() != char.upper():
        return f"[{re.escape(char.lower())}{re.escape(char.upper())}]"
    return re.escape(char)


def units(form: str, fold: bool) -> list[str]:
    """A form as regex pieces, one per character, with the gaps allowed between them."""
    pieces: list[str] = []
    previous = ""
    for char in form:
        if char.isspace():
            if pieces and pieces[-1] != _LATIN_GAP:
                pieces.append(_LATIN_GAP)
            previous = " "
            continue
        if previous and is_cjk(previous) and is_cjk(char):
            pieces.append(_CJK_GAP)
        pieces.append(_unit(char, fold))
        previous = char
    if pieces and _LATIN_CHAR.fullmatch(form[0]):
        pieces[0] += _BOUNDARY_BEFORE
    return pieces


def _needs_end_boundary(form: str) -> bool:
    return bool(form) and _LATIN_CHAR.fullmatch(form[-1]) is not None


def trie_pattern(forms: list[tuple[str, bool]]) -> str:
    """One regex for many forms (``(form, fold)``), shared prefixes merged, longest first.

    Forms in any case go in after the exact ones, and also down every exact branch that spells
    their beginning: a regex takes the first alternative that matches, so the exact "UN" must
    not end the match before the office "UN High Commissioner for Human Rights" is tried.
    """
    trie: dict[str, Any] = {}
    for form, fold in sorted(forms, key=lambda item: item[1]):
        end = _BOUNDARY_AFTER if _needs_end_boundary(form) else ""
        _insert(trie, units(form, fold), end)
    pattern, bounded = _render(trie)
    return pattern + _BOUNDARY_AFTER if bounded else pattern


def _insert(node: dict[str, Any], pieces: list[str], end: str, start: int = 0) -> None:
    """``pieces[start:]`` below ``node``, and down the exact branches a case-folded piece spells."""
    for index in range(start, len(pieces)):
        piece = pieces[index]
        child = node.setdefault(piece, {})
        for exact in _cases(piece):
            if exact in node:
                _insert(node[exact], pieces, end, index + 1)
        node = child
    node[_END] = end


def _cases(piece: str) -> tuple[str, ...]:
    """The exact pieces a case-folded one stands for: ``[uU]`` -> ``u``, ``U`` (boundary kept)."""
    if not piece.startswith("["):
        return ()
    bare = piece.removesuffix(_BOUNDARY_BEFORE)
    if len(bare) != 4 or bare[0] != "[" or bare[3] != "]" or bare[1].upper() != bare[2]:
        return ()
    suffix = piece[len(bare) :]
    return (bare[1] + suffix, bare[2] + suffix)


def _render(node: dict[str, Any]) -> tuple[str, bool]:
    """A trie node as a regex, and whether every form below it ends in a word boundary: that
    boundary is then left for the caller to write once, after all of them.

    Written once after the alternatives, the test matches the same (when it fails, the regex
    goes back into the alternatives exactly as it would have from inside each one), and the
    pattern compiles in two thirds of the time: a Latin form ends in a boundary, so the
    branches under a first letter mostly share one instead of having one per form.
    """
    chain: list[str] = []  # pieces one after another, no form ending or branching among them
    while len(node) == 1 and _END not in node:
        ((piece, node),) = node.items()
        chain.append(piece)
    # Branches come before the end of a shorter form, so the longest form that matches wins:
    # "Sophia Huang Xueqin" is one mention, not "Sophia" and "Huang Xueqin".
    branches = [
        (_joined(piece, pattern), bounded)
        for piece, child in node.items()
        if piece != _END
        for pattern, bounded in (_render(child),)
    ]
    if _END in node:
        end = node[_END]
        branches.append(("", True) if end == _BOUNDARY_AFTER else (end, False))
    bounded = bool(branches) and all(ends for _branch, ends in branches)
    pattern = _alternatives(
        [branch if bounded or not ends else branch + _BOUNDARY_AFTER for branch, ends in branches]
    )
    for piece in reversed(chain):
        pattern = _joined(piece, pattern)
    return pattern, bounded


def _joined(piece: str, pattern: str) -> str:
    """A piece before the pattern that follows it, letters in any case run together: ``[hH]``
    before ``[iI]`` is ``(?ai:hi)``, which matches the same (an ASCII letter in either case and
    nothing else) and compiles in a fraction of the time, a class per letter being costly."""
    letter = _any_case_letter(piece)
    if letter is None:
        return piece + pattern
    if pattern.startswith(_ANY_CASE):
        return _ANY_CASE + letter + pattern[len(_ANY_CASE) :]
    following = _any_case_letter(pattern[:4])
    if following is None:
        return piece + pattern
    return f"{_ANY_CASE}{letter}{following}){pattern[4:]}"


def _any_case_letter(piece: str) -> str | None:
    """``h`` for the piece ``[hH]``: an ASCII letter in either case, no boundary attached."""
    if len(piece) == 4 and piece[0] == "[" and piece[3] == "]" and piece[1] in _ASCII_LOWER:
        return piece[1] if piece[2] == piece[1].upper() else None
    return None


def _alternatives(branches: list[str]) -> str:
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


class Matcher:
    """Every form of a glossary compiled once; mentions of a text found in one scan, cached."""

    def __init__(self, entries: tuple[Entry, ...]) -> None:
        self._exact: dict[str, FormRef] = {}
        self._folded: dict[str, FormRef] = {}
        self._words = {
            word.casefold()
            for ref in _refs(entries)
            for word in re.findall(f"[{LATIN}]+", ref.form)
        }
        written: list[tuple[str, bool]] = []
        for ref in _refs(entries):
            fold = not ref.entry.kind.proper_noun and not has_cjk(ref.form)
            variants = [ref.form]
            if not fold and ref.form.upper() != ref.form:
                variants.append(ref.form.upper())  # headings in capitals: HUANG XUEQIN
            for variant in variants:
                written.append((variant, fold))
                self._exact.setdefault(key(variant), ref)
            if fold:
                self._folded.setdefault(key(ref.form).casefold(), ref)
        self.pattern = re.compile(trie_pattern(written)) if written else None
        self._entry_patterns: dict[tuple[str, tuple[str, ...]], re.Pattern[str]] = {}
        self._cache: dict[str, tuple[Mention, ...]] = {}

    def lookup(self, text: str) -> FormRef | None:
        """The form a written text is (any case for common nouns), or None."""
        found = key(text)
        return self._exact.get(found) or self._folded.get(found.casefold())

    def mentions(self, text: str) -> tuple[Mention, ...]:
        """The glossary forms in ``text``, accepted and forbidden, left to right."""
        cached = self._cache.get(text)
        if cached is not None:
            return cached
        found: list[Mention] = []
        if self.pattern is not None:
            for match in self.pattern.finditer(text):
                ref = self.lookup(match.group(0))
                if ref is not None and not self._someone_else(ref, text, match):
                    found.append(
                        Mention(
                            ref.entry,
                            ref.form,
                            ref.locale,
                            ref.forbidden,
                            match.start(),
                            match.end(),
                            match.group(0),
                        )
                    )
        if len(self._cache) >= _CACHE_SIZE:
            self._cache.clear()
        result = self._cache[text] = tuple(found)
        return result

    def _someone_else(self, ref: FormRef, text: str, match: re.Match[str]) -> bool:
        """Whether a person's one-word form is the surname of someone else's full name."""
        written = match.group(0)
        if ref.entry.kind is not Kind.PERSON or has_cjk(written) or not written.isalpha():
            return False  # one-word Latin forms only
        if written.isupper():
            return False  # in capitals every word looks like a name
        before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before and _given_name(before.group(1), self._words):
            return before.group(1).casefold() not in _TITLES
        after = _WORD_AFTER.match(text, match.end())
        # A Chinese given name follows the surname: only a pinyin one is taken as such, since
        # any capitalised word may follow a name in a title-case heading.
        return bool(
            after and _given_name(after.group(1), self._words) and is_pinyin(after.group(1))
        )

    def contains(self, entry: Entry, forms: tuple[str, ...], text: str) -> bool:
        """Whether ``text`` has one of an entry's ``forms`` anywhere, inside longer terms too."""
        if not forms:
            return False
        fold = not entry.kind.proper_noun
        variants = [(form, fold and not has_cjk(form)) for form in forms]
        if not fold:
            variants += [(form.upper(), False) for form in forms if form.upper() != form]
        # Mostly a form is written as the glossary writes it: found so, the pattern, which would
        # find it too, need not be compiled (which costs more than all the texts' searches).
        if any(_written(variant, text) for variant, _fold in variants):
            return True
        wanted = (entry.id, forms)
        pattern = self._entry_patterns.get(wanted)
        if pattern is None:
            pattern = self._entry_patterns[wanted] = re.compile(trie_pattern(variants))
        return pattern.search(text) is not None


def _written(form: str, text: str) -> bool:
    """Whether ``text`` has ``form`` letter for letter, bounded as ``trie_pattern`` bounds it."""
    start = text.find(form)
    while start >= 0:
        end = start + len(form)
        if not (
            start > 0 and _LATIN_CHAR.fullmatch(form[0]) and _LATIN_CHAR.match(text, start - 1)
        ) and not (end < len(text) and _needs_end_boundary(form) and _LATIN_CHAR.match(text, end)):
            return True
        start = text.find(form, start + 1)
    return False


def _given_name(word: str, known: set[str]) -> bool:
    """A capitalised word that is no word of the glossary's forms."""
    return word[0].isupper() and not word.isupper() and word.casefold() not in known


def _refs(entries: tuple[Entry, ...]) -> list[FormRef]:
    refs: list[FormRef] = []
    for entry in entries:
        for locale, forms in entry.forms.items():
            refs.extend(FormRef(entry, form, locale, False) for form in forms)
        refs.extend(FormRef(entry, form, None, True) for form in entry.forbidden)
    return refs
