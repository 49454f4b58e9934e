# ruff: noqa: RUF001, RUF002, RUF003  (full-width punctuation is what this module checks)
"""Typography checks: doubled words and punctuation, stray spaces in CJK text, edge whitespace."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache

from toolkit.checks.registry import Scope, check
from toolkit.model import Category, Pair, Severity
from toolkit.textutil import is_cjk, is_cjk_punctuation

# A word of a spaced script and, after one space, the next word (a lookahead, so that each word
# is compared with the one after it). Letters only: repeated numbers are data ("10 10" in a
# table), not slips. Words after a sigil or a path separator (``%s %s``, ``$x $x``) are code.
# One space only: words in columns ("  bar     bar help") are program output, not prose.
_WORD_PAIR = re.compile(r"(?<![\w%$@&\\./:'’{<-])([^\W\d_]+)(?=[ \u00a0]([^\W\d_]+)(?![\w'’-]))")

# Lower-case letters whose capital is longer: ß (Ss), ŉ, ǰ, Greek with accents and breathings,
# Armenian և, ẖ-ẚ, the Latin and Armenian ligatures (ﬁ is Fi). Written escaped: an editor
# may normalise ΐ U+0390 into its twin U+1FD3, which would drop one.
_TITLED_LONGER = (
    "ßŉǰ\u0390\u03b0\u0587\u1e96\u1e97\u1e98\u1e99\u1e9a\u1f50\u1f52\u1f54\u1f56"
    "\u1fb2\u1fb4\u1fb6\u1fb7\u1fc2\u1fc4\u1fc6\u1fc7\u1fd2\u1fd3\u1fd6\u1fd7\u1fe2"
    "\u1fe3\u1fe4\u1fe6\u1fe7\u1ff2\u1ff4\u1ff6\u1ff7\ufb00\ufb01\ufb02\ufb03\ufb04"
    "\ufb05\ufb06\ufb13\ufb14\ufb15\ufb16\ufb17"
)
_HAN = "\u3400-\u9fff"  # CJK Unified Ideographs and Extension A: no case, all is_cjk


# The quick test: a space (or a no-break space) with a letter before it and, after it, a word
# ending with that letter. Every pair _doubled accepts has one: a word and the same word end
# alike, and so do a word and its capitalised form ("über" and "Über": capitalising changes the
# first letter only), but for a word of one letter whose capital is longer ("ß" and "Ss"), let
# through whole. Words opening with a Han character are never doubled (_doubled): not looked at.
# Opened by the space, which a search skips to in C, it is many times faster than comparing
# every word with the next; where it finds one, _word_before compares them.
def _same_end(space: str) -> re.Pattern[str]:
    return re.compile(
        rf"{space}(?=[^\W\d_{_HAN}])(?<=([^\W\d_]){space})"
        rf"(?:[^\W\d_]*?\1|[{_TITLED_LONGER}])(?![\w'’-])"
    )


_SAME_END = _same_end(" ")
_SAME_END_NBSP = _same_end("\u00a0")

# Not prose, so not judged: code (``not not x``, :c:expr:`unsigned long long`, Markdown `a a`)
# and quoted words, which are someone else's and stay as written ("Aitch Tee Tee Pee").
_NOT_PROSE = re.compile(r"``.+?``|(?::[\w:.+-]+:)?`[^`\n]+`_{0,2}|\"[^\"\n]*\"|“[^”\n]*”")

# A text with a prompt line is a terminal or interpreter session: its other lines are program
# output ("-rw-r--r-- 1 root root", "True True"), not prose.
_SESSION = re.compile(r"^(?:>>> |\$ |\((?:gdb|Pdb|lldb)\) )", re.MULTILINE)

# Lines of code in a text otherwise in prose: indented, or a comment.
_CODE_LINE = re.compile(r"[ \t]|# |//")

# Words English legitimately writes twice: "she had had enough", "he said that that was all",
# "what it is is a scandal", "much much more", the C type "long long", and interjections
# ("bye bye", "ha ha", "blah blah").
_REDUPLICATED = frozenset({"had", "that", "is", "much", "long", "bye", "ha", "blah"})

# One space between two Chinese characters (U+0020 or a no-break space). A line break is left
# alone (line-oriented content), and so are tabs and runs of spaces, which align columns
# ("  键值      要设的值" in a help text), and the ideographic space U+3000, which Chinese
# typesetting puts on purpose. A reStructuredText reference (``手上 桥牌_``) needs its space.
_SPACED = re.compile(r"(\S)([ \u00a0])(?=(\S))(?![^\s_`]*_(?:\W|$))")

# No ideograph (Han, kana) comes before 〆 U+3006: a space with a character at or above it
# either side is where a space between ideographs can be.
FIRST_IDEOGRAPH = "\u3006"
# Opened by the space, which a search skips to in C (an expression opened by the range would be
# tried at every Chinese character).
_IDEOGRAPH_RANGE = f"[{FIRST_IDEOGRAPH}-\U0010ffff]"
_IDEOGRAPHS_SPACED = re.compile(f" (?={_IDEOGRAPH_RANGE})(?<={_IDEOGRAPH_RANGE} )")
_IDEOGRAPHS_NBSP = re.compile(f"\u00a0(?={_IDEOGRAPH_RANGE})(?<={_IDEOGRAPH_RANGE}\u00a0)")

# A space beside a word mixing Chinese with Latin letters, digits or an arrow sets off a term or
# a path on purpose ("与 f-字符串 不同", "使用 编辑=>在文件中查找 是", "为 文件1/初始文件 设置").
_WORD_BEFORE = re.compile(r"\S*\Z")
_WORD_AFTER = re.compile(r"\S*")
_MIXED = re.compile(r"[A-Za-z0-9=>/-]")

# Full-width marks that are never doubled. The ellipsis …… and the dash —— are written as two
# characters on purpose. ？？ and ！！ are left alone too: they are emphasis, usually mirroring the
# source (git's "'%s'?? what are you talking about?" is "'%s'？？您在说什么？").
_STOPS = "，。、；："
_DOUBLED_STOP = re.compile(f"([{_STOPS}])\\1+")
_STOPS_DOUBLED = tuple(stop * 2 for stop in _STOPS)  # searched for as plain text: faster


@check("T101", "doubled-word", Category.TYPOGRAPHY, Severity.WARNING, Scope.TEXT)
def doubled_word(text: str, locale: str) -> Iterable[str]:
    """The same word is written twice in a row ("of of", "the the")."""
    if not _may_double(text) or _SESSION.search(text):
        return ()  # no word repeated after one space (most texts), or a session
    return _doubled_words(text)


def _may_double(text: str) -> bool:
    """False when no word of ``text`` can be doubled, True when one may be (``_SAME_END``, then
    the text before the space must end with the word found, or with it capitalised)."""
    return bool(
        (" " in text and _SAME_END.search(text) and _word_before(text, _SAME_END))
        or ("\u00a0" in text and _SAME_END_NBSP.search(text) and _word_before(text, _SAME_END_NBSP))
    )


def _word_before(text: str, same_end: re.Pattern[str]) -> bool:
    """Whether the text before a space ``same_end`` finds ends with the word after it, as it is
    or capitalised (as the first word of a pair _doubled accepts does)."""
    for match in same_end.finditer(text):
        second, space_at = match.group()[1:], match.start()
        if text.endswith(second, 0, space_at) or text.endswith(second.capitalize(), 0, space_at):
            return True
    return False


def _doubled_words(text: str) -> Iterator[str]:
    prose = _NOT_PROSE.sub(lambda span: "\0" * len(span.group(0)), text)
    for match in _WORD_PAIR.finditer(prose):
        first, second = match.group(1), match.group(2)
        if _doubled(first, second) and not _CODE_LINE.match(prose, _line_start(prose, match)):
            # A word either side, to find the place by: "Ahead of of their".
            end = match.end() + 1 + len(second)
            shown = " ".join(
                [*text[: match.start()].split()[-1:], first, second, *text[end:].split()[:1]]
            )
            yield (
                f"doubled word {first + ' ' + second!r} in {shown!r} at "
                f"{_where(text, match.start())}: delete one {first!r}"
            )


def _doubled(first: str, second: str) -> bool:
    """The same word twice, "The the" included; not "FOO foo" (program output) nor "x x"."""
    if first != second and not (first == second.capitalize() and second.islower()):
        return False
    if is_cjk(first[0]) or first.casefold() in _REDUPLICATED:
        return False
    return len(first) > 1 or first == "a"  # lone letters other than "a" are variables


def _line_start(text: str, match: re.Match[str]) -> int:
    return text.rfind("\n", 0, match.start()) + 1


@check("T102", "space-in-cjk", Category.TYPOGRAPHY, Severity.WARNING, Scope.TEXT)
def space_in_cjk(text: str, locale: str) -> Iterable[str]:
    """A space stands between two Chinese characters ("王 建兵"), where none is written."""
    if not (
        (" " in text and _IDEOGRAPHS_SPACED.search(text))
        or ("\u00a0" in text and _IDEOGRAPHS_NBSP.search(text))
    ):
        return ()  # no space with a possible ideograph either side (most texts): nothing to find
    return _spaces_in_cjk(text)


def _spaces_in_cjk(text: str) -> Iterator[str]:
    for match in _SPACED.finditer(text):
        before, after = match.group(1), match.group(3)
        if not (_ideograph(before) and _ideograph(after)):
            continue
        words = _WORD_BEFORE.search(text, 0, match.start(2)), _WORD_AFTER.match(text, match.end())
        if any(word and _MIXED.search(word.group(0)) for word in words):
            continue
        yield (
            f"space inside Chinese text {match.group(0) + after!r} at "
            f"{_where(text, match.start(2))}: write {before + after!r}"
        )


@check("T103", "edge-whitespace", Category.TYPOGRAPHY, Severity.WARNING, Scope.PAIR)
def edge_whitespace(pair: Pair) -> Iterable[str]:
    """The translation starts or ends with other whitespace than the source (space, line break)."""
    # strip() gives back the very text it was given when it has no whitespace at either edge
    # (CPython copies nothing then): told apart by identity, with no length to take. Were a copy
    # made, _edges would compare the edges for nothing, and find nothing.
    msgid, msgstr = pair.msgid, pair.msgstr
    source_edges = msgid.strip() is not msgid
    if not (source_edges or pair.msgstr_plural or msgstr.strip() is not msgstr):
        return ()  # no whitespace at either edge of either text (most): nothing differs
    return _edges(pair, source_edges)


def _edges(pair: Pair, source_edges: bool) -> Iterator[str]:
    for translation in dict.fromkeys(pair.msgstr_plural or (pair.msgstr,)):
        if not (source_edges or translation[:1].isspace() or translation[-1:].isspace()):
            continue  # this form has no edge whitespace either: nothing differs
        stripped = translation.strip()
        if not stripped:
            continue
        for side, source, target, edge in (
            ("starts", _leading(pair.msgid), _leading(translation), stripped[0]),
            ("ends", _trailing(pair.msgid), _trailing(translation), stripped[-1]),
        ):
            if _edges_differ(source, target, edge):
                yield _edge_message(side, source, target)


@check("T104", "doubled-punctuation", Category.TYPOGRAPHY, Severity.WARNING, Scope.TEXT)
def doubled_punctuation(text: str, locale: str) -> Iterable[str]:
    """A full-width comma, stop, colon or semicolon is doubled ("，，", "。。", "：：")."""
    for doubled in _STOPS_DOUBLED:
        if doubled in text:
            return _doubled_stops(text)
    return ()  # most texts


def _doubled_stops(text: str) -> Iterator[str]:
    for match in _DOUBLED_STOP.finditer(text):
        run, mark = match.group(0), match.group(1)
        if mark == "。" and len(run) > 2:
            advice = "write …… for an ellipsis"
        elif mark == "：" and match.end() == len(text.rstrip()):
            # reStructuredText's "::" before a literal block, turned full-width by mistake.
            advice = "keep one ：, or write :: if a literal block follows"
        else:
            advice = f"keep one {mark}"
        yield f"doubled punctuation {run!r} at {_where(text, match.start())}: {advice}"


@cache  # one answer per character (the characters of a corpus are few)
def _ideograph(char: str) -> bool:
    """A Han character or kana: a letter of a script written without spaces (not ，。 nor Ａ)."""
    return bool(char) and is_cjk(char) and unicodedata.category(char) == "Lo"


def _leading(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trailing(text: str) -> str:
    return text[len(text.rstrip()) :]


def _edges_differ(source: str, target: str, edge: str) -> bool:
    """Whether two runs of edge whitespace differ in a way that shows once the text is used.

    Line breaks must match. Spaces must be there in both or in neither, but their number may
    change: a translation re-aligns an indented line (git's ``"   or: %s"`` is ``"  或：%s"``,
    as wide as ``"用法：%s"`` above it). A space may go beside full-width punctuation, whose width
    holds it: ``"Error: "`` is rightly ``"错误："``.
    """
    if source.count("\n") != target.count("\n"):
        return True
    spaced_source, spaced_target = source.strip("\n") != "", target.strip("\n") != ""
    if spaced_source == spaced_target:
        return False
    return not (spaced_source and "\n" not in source and is_cjk_punctuation(edge))


def _edge_message(side: str, source: str, target: str) -> str:
    where = "start" if side == "starts" else "end"
    if not target:
        return f"the source {side} with {source!r} but the translation does not: add it"
    if not source:
        return f"the translation {side} with {target!r} but the source does not: remove it"
    return (
        f"the source {side} with {source!r} but the translation with {target!r}: "
        f"{where} the translation with {source!r}"
    )


def _where(text: str, offset: int) -> str:
    """``column 12``, or ``line 2, column 5`` of a text of several lines (columns from 1)."""
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line + 1}, column {column}" if line else f"column {column}"
