# ruff: noqa: RUF001, RUF002  (full-width punctuation is what this module checks)
"""Punctuation checks: each script's conventions, full-width marks in Chinese, end marks kept."""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from toolkit.checks.endmarks import (
    FULL_MARKS,
    HALF_MARKS,
    QUICK_KINDS,
    end_text,
    final_mark,
    settled_kind,
)
from toolkit.checks.masking import code_block as _code_block
from toolkit.checks.masking import masked as _masked
from toolkit.checks.registry import Scope, check
from toolkit.locales import script_of
from toolkit.model import Category, Pair, Severity
from toolkit.textutil import is_cjk


@dataclass(frozen=True)
class _Convention:
    """How a script punctuates: full-width marks or half-width ones, which quotation marks."""

    full_width: bool
    quotes: str  # the opening and closing quotation marks to suggest
    marks: dict[str, str]  # kind of end mark -> the mark the script writes


# Chinese writes sentence punctuation full width in both scripts (GB/T 15834-2011 for Simplified,
# the Ministry of Education's 重訂標點符號手冊 for Traditional); the scripts differ in quotation
# marks: Simplified uses “”, Taiwan and Hong Kong use 「」. Scripts written with spaces between
# words use half-width marks. Other scripts (Japanese, Arabic...) have no table: not checked.
_CONVENTIONS = {
    "Hans": _Convention(True, "“”", FULL_MARKS),
    "Hant": _Convention(True, "「」", FULL_MARKS),
    "Latn": _Convention(False, '""', HALF_MARKS),
    "Cyrl": _Convention(False, "«»", HALF_MARKS),
    "Grek": _Convention(False, "«»", HALF_MARKS),
}
# The full-width form of each half-width mark, and the reverse.
_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_TO_HALF = {"，": ",", "、": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?"}
_TO_HALF |= {"（": "(", "）": ")"}
_HALF_MARK = re.compile(f"[{re.escape(''.join(_TO_FULL))}]")
_FULL_MARK = re.compile(f"[{''.join(_TO_HALF)}]")
# No Chinese character (``_chinese``) comes before 々 U+3005: a half-width mark with no character
# at or above it beside it (through emphasis markers) is beside no Chinese text. The expressions
# below start with the mark, which a search skips to in C.
FIRST_CHINESE = "\u3005"
# Emphasis markers between a mark and the text it follows: **注意**: is a colon after 注意.
_TRANSPARENT = "*_"
# A mark with a character at or above 々 after it (through emphasis markers), or before it or an
# emphasis marker: every mark of P101 has one.
_WIDE = f"[{FIRST_CHINESE}-\U0010ffff]"
_BESIDE_WIDE = f"(?:(?=[*_]*{_WIDE})|(?<=[{FIRST_CHINESE}-\U0010ffff*_].))"
# One search for each mark, each only where the text has the mark: a search opened by one
# character skips to it at string-search speed, one opened by a class of five tests the class
# at every character.
_EACH_MARK_BESIDE_WIDE = tuple(
    (mark, re.compile(re.escape(mark) + _BESIDE_WIDE).search) for mark in _TO_FULL
)
_WIDE_CHARACTER = re.compile(_WIDE)
# A full stop with a character at or above 々 before it or an emphasis marker: every full stop
# of P104 has one.
_STOP_AFTER_WIDE = re.compile(f"\\.(?<=[{FIRST_CHINESE}-\U0010ffff*_].)")

# A bracket pair or a quote pair on one line, and runs of dots.
_PARENTHESES = re.compile(r"\(([^()\n]*)\)")
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]*)"')
# One dot: an ellipsis is another matter. (The lookbehind after the dot: a search skips to dots.)
_FULL_STOP = re.compile(r"\.(?<!\.\.)(?!\.)")
# Next to these a straight quote delimits a string in code: print("你好"), f"{x}", ["是", "否"].
_CODE_BEFORE_QUOTE = set("([{=,+:\"'" + string.ascii_letters)
_CODE_AFTER_QUOTE = set(")]},.:;+%\"'")


@lru_cache(maxsize=64)
def _convention(locale: str) -> _Convention | None:
    script = script_of(locale) if locale else None
    return _CONVENTIONS.get(script) if script else None


def _full_width(locale: str) -> bool:
    """Whether the locale's script writes full-width punctuation (Chinese)."""
    convention = _convention(locale)
    return convention is not None and convention.full_width


def _half_width(locale: str) -> bool:
    """Whether the locale's script writes half-width punctuation (words spaced)."""
    convention = _convention(locale)
    return convention is not None and not convention.full_width


def _has_convention(locale: str) -> bool:
    return _convention(locale) is not None


@cache  # one answer per character (the characters of a corpus are few)
def _chinese(char: str) -> bool:
    """A Chinese character (or kana, 〇, 々): not punctuation, not a full-width letter or digit.

    Full-width digits are numbers written Chinese-style (２０２１年); a time between them
    (１０:３０) is no sentence punctuation.
    """
    return is_cjk(char) and unicodedata.category(char) in ("Lo", "Lm", "Nl")


def _wide_between(text: str, opening: str, closing: str) -> bool:
    """Whether a character at or above 々 stands after the first ``opening`` and before the last
    ``closing`` of ``text``: every pair of brackets or quotes around Chinese text has one, masked
    or not (masking only blanks characters out)."""
    start, end = text.find(opening), text.rfind(closing)
    return start < end and _WIDE_CHARACTER.search(text, start + 1, end) is not None


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _before(text: str, index: int) -> str:
    """The character before ``index``, looking through emphasis markers."""
    index -= 1
    while index >= 0 and text[index] in _TRANSPARENT:
        index -= 1
    return text[index] if index >= 0 else ""


def _after(text: str, index: int) -> str:
    index += 1
    while index < len(text) and text[index] in _TRANSPARENT:
        index += 1
    return text[index] if index < len(text) else ""


def _where(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"line {line}, column {column}" if line > 1 else f"column {column}"


def _excerpt(text: str) -> str:
    return text if len(text) <= 24 else text[:20] + "..."


@check(
    "P101",
    "halfwidth-punctuation",
    Category.PUNCTUATION,
    Severity.WARNING,
    Scope.TEXT,
    applies=_full_width,
)
def halfwidth_punctuation(text: str, locale: str) -> Iterable[str]:
    """Chinese text has a half-width comma, semicolon, colon, ! or ? next to a Chinese character.

    Code, URLs, times (10:30), reST roles and placeholders are left alone; a mark between Latin
    words inside Chinese text (``foo,bar``) is not next to a Chinese character.
    """
    for mark, beside_wide in _EACH_MARK_BESIDE_WIDE:
        if mark in text and beside_wide(text):
            return _halfwidth_marks(text) if _full_width(locale) else ()
    return ()  # no mark beside Chinese text (masking only blanks characters out)


def _halfwidth_marks(text: str) -> Iterator[str]:
    masked = _masked(text)
    for match in _HALF_MARK.finditer(masked):
        index, char = match.start(), match.group()
        before, after = _before(masked, index), _after(masked, index)
        if _chinese(before) or _chinese(after):
            side = "after" if _chinese(before) else "before"
            yield (
                f"half-width '{char}' {side} Chinese text at {_where(text, index)}: "
                f"use '{_TO_FULL[char]}'"
            )


@check(
    "P102",
    "halfwidth-brackets",
    Category.PUNCTUATION,
    Severity.WARNING,
    Scope.TEXT,
    applies=_full_width,
)
def halfwidth_brackets(text: str, locale: str) -> Iterable[str]:
    """Chinese text has half-width brackets around Chinese words: (详见下文) should be （详见下文）.

    Half-width brackets around Latin letters, digits or code stay: 指定居所监视居住(RSDL).
    """
    if "(" not in text or not _wide_between(text, "(", ")") or not _full_width(locale):
        return ()  # no Chinese character after a "(" and before a ")"
    return _halfwidth_brackets(text)


def _halfwidth_brackets(text: str) -> Iterator[str]:
    masked = _masked(text)
    for match in _PARENTHESES.finditer(masked):
        inside = match.group(1).strip()
        if inside[:1] in "\"'" and inside[-1:] == inside[:1]:
            continue  # a call with a string: print("你好")
        if any(map(_chinese, inside)):
            shown = _excerpt(text[match.start() : match.end()])
            yield (
                f"half-width brackets around Chinese text '{shown}' at "
                f"{_where(text, match.start())}: use '（' and '）'"
            )


@check(
    "P103",
    "straight-quotes",
    Category.PUNCTUATION,
    Severity.WARNING,
    Scope.TEXT,
    applies=_full_width,
)
def straight_quotes(text: str, locale: str) -> Iterable[str]:
    """Chinese text has straight quotes "..." around Chinese words: use “...” or 「...」.

    Simplified Chinese quotes with “”, Traditional with 「」 (Taiwan, Hong Kong).
    """
    if '"' not in text:
        return ()  # most texts, told before the locale's convention is looked up
    convention = _convention(locale)
    if convention is None or not convention.full_width:
        return ()
    if not _wide_between(text, '"', '"'):
        return ()  # no Chinese character between two quotes
    return _straight_quotes(text, convention)


def _straight_quotes(text: str, convention: _Convention) -> Iterator[str]:
    masked = _masked(text)
    opening, closing = convention.quotes[0], convention.quotes[-1]
    for match in _STRAIGHT_QUOTES.finditer(masked):
        before = masked[match.start() - 1] if match.start() else ""
        after = masked[match.end()] if match.end() < len(masked) else ""
        if before in _CODE_BEFORE_QUOTE or after in _CODE_AFTER_QUOTE:
            continue
        if any(map(_chinese, match.group(1))):
            shown = _excerpt(text[match.start() : match.end()])
            yield (
                f"straight quotes around Chinese text '{shown}' at "
                f"{_where(text, match.start())}: use '{opening}' and '{closing}'"
            )


@check(
    "P104",
    "halfwidth-full-stop",
    Category.PUNCTUATION,
    Severity.WARNING,
    Scope.TEXT,
    applies=_full_width,
)
def halfwidth_full_stop(text: str, locale: str) -> Iterable[str]:
    """A Chinese sentence ends with a half-width '.': use '。'.

    A dot followed by a Latin letter or digit is no sentence end (报告.docx, 第3.1节), and '...'
    is left alone: software writes its menu items and progress messages so (替换..., 正在写入...).
    """
    if "." not in text or not _STOP_AFTER_WIDE.search(text):
        return ()  # no full stop after Chinese text (masking only blanks characters out)
    convention = _convention(locale)
    if convention is None or not convention.full_width:
        return ()
    return _halfwidth_full_stops(text, convention)


def _halfwidth_full_stops(text: str, convention: _Convention) -> Iterator[str]:
    masked = _masked(text)
    for match in _FULL_STOP.finditer(masked):
        index = match.start()
        if _chinese(_before(masked, index)) and not _latin(_after(masked, index)):
            yield (
                f"half-width '.' after Chinese text at {_where(text, index)}: "
                f"use '{convention.marks['stop']}'"
            )


@check(
    "P105",
    "fullwidth-in-latin",
    Category.PUNCTUATION,
    Severity.WARNING,
    Scope.TEXT,
    applies=_half_width,
)
def fullwidth_in_latin(text: str, locale: str) -> Iterable[str]:
    """Text in a language written with spaces has a full-width mark (，。：) next to a Latin letter.

    Usually left over from a Chinese source. Marks beside Chinese words quoted in the text
    (the slogan 我们要自由！) belong to the Chinese and stay.
    """
    if not _FULL_MARK.search(text) or not _half_width(locale):
        return ()
    return _fullwidth_marks(text)


def _fullwidth_marks(text: str) -> Iterator[str]:
    masked = _masked(text)
    for match in _FULL_MARK.finditer(masked):
        index, char = match.start(), match.group()
        before, after = _before(masked, index), _after(masked, index)
        if (_latin(before) or _latin(after)) and not (_chinese(before) or _chinese(after)):
            yield (
                f"full-width '{char}' next to Latin text at {_where(text, index)}: "
                f"use '{_TO_HALF[char]}'"
            )


@check(
    "P106",
    "end-punctuation",
    Category.PUNCTUATION,
    Severity.WARNING,
    Scope.PAIR,
    applies=_has_convention,
)
def end_punctuation(pair: Pair) -> Iterable[str]:
    """The translation ends with another kind of punctuation than the source (. 。 ? ？ : ：).

    Each script's form of a mark is the same kind ('.' = '。', '?' = '？', ':' = '：'), in both
    directions. Closing quotes, brackets and emphasis markers after the mark do not count, nor
    does a note in brackets after it (……。（注）); reST's 'text::' ends with a colon.
    Where the source has no end mark a translation may add a full stop (English list items
    and table cells drop it; a Chinese sentence ends with 。), a question mark or a colon
    leading into what follows, but a heading (``#. type: heading``) takes no full stop.
    Before a literal block (``::``) a colon is always right; '...' and 'etc.' may become 等
    ("and so on"); a source ending with a comma runs on into the next segment, so its
    translation may end either way; a salutation's colon (亲爱的黄雪琴：) is an English comma.
    """
    msgid, msgstr = pair.msgid, pair.msgstr
    source_end, translation_end = msgid.rstrip(), msgstr.rstrip()
    source, translation = QUICK_KINDS[source_end[-3:]], QUICK_KINDS[translation_end[-3:]]
    if source is not None and source == translation:
        return ()  # the same end mark, or none, as they stand (most: '.' and '。', a letter)
    source = settled_kind(source_end, source)  # end_kind(msgid), the quick part done
    translation = settled_kind(translation_end, translation)
    if source == translation:
        return ()  # the same kind once closers and notes are read past
    convention = _convention(pair.locale)
    if convention is None or _convention(pair.source_locale) is None:
        return ()
    if _free_ending(pair, source, translation):
        return ()
    if _code_block(msgid) or _code_block(msgstr):
        return ()  # a literal block ends as its code does
    return (_end_message(pair, convention, source, translation),)


def _end_message(
    pair: Pair, convention: _Convention, source: str | None, translation: str | None
) -> str:
    if source is None:
        mark = final_mark(pair.msgstr)
        return f"the source ends without punctuation, the translation with '{mark}': remove it"
    mark, expected = final_mark(pair.msgid), convention.marks[source]
    if translation is None:
        return f"the source ends with '{mark}', the translation without: end it with '{expected}'"
    written = final_mark(pair.msgstr)
    return f"the source ends with '{mark}', the translation with '{written}': use '{expected}'"


# How a letter's salutation starts in English, which ends it with a comma where Chinese (and
# American business English) writes a colon.
_SALUTATION = re.compile(
    r"\s*(?:(?:My )?Dear|To|Hello|Hi|Greetings|Your (?:Excellency|Honou?r)|Mrs?|Ms|Madam|Sirs?)\b"
)


def _free_ending(pair: Pair, source: str | None, translation: str | None) -> bool:
    """The documented cases where the translation may end otherwise than the source."""
    if source is None:
        return translation in ("question", "colon") or (
            translation == "stop" and "type: heading" not in pair.comment
        )
    if source == "comma" or (translation == "colon" and pair.msgid.rstrip().endswith("::")):
        return True
    if source == "colon" and translation == "comma" and _SALUTATION.match(pair.msgstr):
        return True  # 亲爱的黄雪琴 + colon is "Dear Sophia Huang Xueqin," in an English letter
    # 等 ("and so on") closes a Chinese list where English trails off with '...' or 'etc.'.
    trailing = source == "ellipsis" or end_text(pair.msgid).endswith("etc.")
    return trailing and end_text(pair.msgstr).endswith("等")
