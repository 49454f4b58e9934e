# ruff: noqa: RUF001, RUF003  (full-width digits and Chinese dates are what this reads)
"""The regular expressions that read dates, per locale: Chinese, numeric and month-name forms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property, lru_cache

from toolkit.semantic.datewords import (
    CJK_AND,
    CJK_TO,
    DASH,
    DAY_SUFFIX,
    JOINERS,
    DateWords,
    date_words,
)
from toolkit.semantic.numerals import alternation, branches

_S = r"[ \u00a0]?"  # Chinese software translations put spaces around digits: 2021 年 9 月 19 日
# Not inside a longer number (written in digits or Chinese numerals): 12019年, 第十一月.
_NO_NUMBER_BEFORE = r"(?<![0-9〇零一二三四五六七八九十百千万萬亿億两兩.])"
# 一月 is January, but 每一月 "every month", 哪一月 "which month", 这一月 "this month", 第一月
# "the first month" count months.
_NO_COUNT_BEFORE = r"(?<![哪每这這那某逐第上下本同])"
# Chinese numeral years are written digit by digit (二〇二一); months and days as counted (十九).
_ZY = r"(?:[12][0-9]{3}|[一二][〇零一二三四五六七八九]{3})"
_ZM = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_ZD = r"(?:3[01]|[12][0-9]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DAY_MARK = r"[日号號]"  # 号 (號) is the spoken day: 9月19号
# Taiwan's official calendar counts years from 1912: 民國110年 is 2021.
_MINGUO = r"民[國国]" + _S
_TO = rf"{_S}{CJK_TO}{_S}"

# 2021年9月19日, 9月19日, 2023年9月, 9月, 3月14日至18日, 3月14-18日.
_CJK = (
    rf"{_NO_NUMBER_BEFORE}{_NO_COUNT_BEFORE}"
    rf"(?:(?:(?P<zy>{_ZY})|{_MINGUO}(?P<zg>[0-9]{{1,3}})){_S}年{_S})?(?P<zm>{_ZM}){_S}月"
    rf"(?:{_S}(?P<zd>{_ZD}){_S}(?:{_DAY_MARK}(?:{_TO}(?P<zd2>{_ZD}){_S}{_DAY_MARK})?"
    rf"|{CJK_TO}{_S}(?P<ze>{_ZD}){_S}{_DAY_MARK}))?"
)
# 2019年至2020年, 2019-2020年; 1990年代 is a decade, not a year.
_CJK_YEARS = (
    rf"{_NO_NUMBER_BEFORE}(?P<zr1>{_ZY}){_S}(?:年{_S})?{CJK_TO}{_S}(?P<zr2>{_ZY}){_S}年"
    rf"(?!代|{_S}{_ZM}{_S}月)"
)
_CJK_YEAR = rf"(?:{_NO_NUMBER_BEFORE}(?P<zo>{_ZY})|{_MINGUO}(?P<zgo>[0-9]{{1,3}})){_S}年(?!代)"

# Numbers written with separators, in years 1800-2199 only (beside a month name or 年 a year may be
# 1000-2999). A digit, letter, dot or slash before is a version, a path or a longer number
# (3.2021-09-19, v2021/9/19, /2021/09/19/); after, likewise.
_ASCII_BEFORE = r"(?<![A-Za-z0-9_./\-])"
_ASCII_AFTER = r"(?![0-9/\-]|\.[0-9])"
# 2021-09-19 and 2021/9/19: the year first is never ambiguous.
_ISO = (
    rf"{_ASCII_BEFORE}(?P<iy>(?:1[89]|2[01])[0-9]{{2}}){_S}(?P<is>[-/]){_S}(?P<im>[01]?[0-9])"
    rf"{_S}(?P=is){_S}(?P<id>[0-3]?[0-9]){_ASCII_AFTER}"
)
_YEARS = (
    rf"{_ASCII_BEFORE}(?P<ry1>(?:18|19|20|21)[0-9]{{2}}){_S}{DASH}{_S}"
    rf"(?P<ry2>(?:18|19|20|21)[0-9]{{2}}){_ASCII_AFTER}"
)

# A letter of a word: month and weekday names are whole words. Chinese and Japanese put no space
# between words, so their letters are no word (和September 19, 2021年).
_LETTER = r"[^\W\d_\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"
# A year alone, not the start of 2019.5, 2019:10 or 2019-09-19 (but 2019-2020 is a range), nor
# a decade (the 1980s, the 1980's).
_YEAR_ALONE_AFTER = r"(?![0-9A-Za-z/'’]|[.:,\-][0-9][0-9]?(?![0-9]))"
_YEAR_ALONE = r"(?:18|19|20|21)[0-9]{2}" + _YEAR_ALONE_AFTER
_EARLY = ("early", "late", "mid")  # "in early 2019", "mid-2019"


# Latin letters only: compiled in no time, unlike _LETTER (each of whose copies costs a
# millisecond to compile), for the shapes below, which may let through more than the
# expressions that read dates but never less.
_LATIN = "[A-Za-zÀ-ÖØ-öø-ÿ]"
# What every Chinese date has: 月 after a digit or a Chinese numeral (9月, 九月, 9 月), or 年 after
# a year's four (2021年, 二〇二一年) or a digit (民國110年), not 年代 "decade": not 五年 "five
# years".
_NUMERAL = "[0-9〇零一二三四五六七八九十]"
_YEAR_NUMERAL = "[0-9〇零一二三四五六七八九]"
_CJK_SHAPE = (
    rf"月(?:(?<={_NUMERAL}.)|(?<={_NUMERAL}[ \u00a0].))"
    rf"|年(?!代)(?:(?<=[0-9].)|(?<=[0-9][ \u00a0].)"
    rf"|(?<={_YEAR_NUMERAL}{{4}}.)|(?<={_YEAR_NUMERAL}{{4}}[ \u00a0].))"
)


class Patterns:
    """The expressions of one locale, each compiled at its first use.

    Compiling them all takes longer than checking a small catalogue, and most texts need only
    the gates (``gate``, then the shapes).
    """

    def __init__(self, words: DateWords) -> None:
        self.words = words
        self._months = alternation(list(words.months))

    @cached_property
    def gate(self) -> re.Pattern[str]:
        """A year of 1800-2199 or a month name, maybe inside a word: every date but a Chinese one
        has one. Cheap, as it has no context and each branch starts with a character."""
        years = [r"1[89]\d\d(?!\d)", r"2[01]\d\d(?!\d)"]
        return re.compile("|".join([*years, *branches(list(self.words.months))]))

    @cached_property
    def ascii_gate(self) -> tuple[bytes, re.Pattern[bytes]]:
        """Where ``gate`` may find something in an ASCII text: a table for ``bytes.translate``
        and the expression to search the translated bytes for.

        ``gate`` opens with a set of characters, which a search tests one by one (some fifty
        instructions a character); to one fixed character it skips six times faster. So the
        characters that open a gate match (a year's 1 or 2, a month name's first letter) are all
        translated to NUL, and so are they inside the names, so that a text the gate matches
        always matches this (the converse is for ``gate`` to tell).
        """
        names = [name.encode() for name in self.words.months if name.isascii()]
        firsts = bytes(sorted({name[0] for name in names} | set(b"12")))
        table = bytes.maketrans(firsts, b"\0" * len(firsts))
        # A year's digits: 0-9, with 1 and 2 translated.
        years = [r"[89][0-9\x00]{2}", r"[0\x00][0-9\x00]{2}"]
        rests = sorted({name.translate(table)[1:].decode() for name in names})
        return table, re.compile(f"\0(?:{'|'.join([*years, alternation(rests)])})".encode())

    # The shapes: what a date has, with less context than ``dates`` but each opened by a
    # character (a year's first digit, a month name's first letter, 年, 月) that a search skips
    # to, so many times faster. A text in none of the shapes has no date.
    @cached_property
    def cjk_shape(self) -> re.Pattern[str]:
        """年 or 月 of a Chinese date (the same for every locale: compiled once, by ``re``)."""
        return re.compile(_CJK_SHAPE)

    @cached_property
    def year_shape(self) -> re.Pattern[str]:
        """A year of a numeric date (2021-09-19, 19/09/2021), a range (2019-2020) or alone."""
        separators = re.escape("/" + self.words.numeric_separators)
        # A year alone follows a word of before_lone or early/late/mid, and a space or hyphen
        # (or more): not "year = 2016", "(2048 bits)".
        ends = re.escape("".join(sorted({word[-1] for word in [*self._before_lone, *_EARLY]})))
        return re.compile(
            r"(?:1[89]|2[01])[0-9]{2}(?:"
            # 2021-09-19, 2019–2020; not CVE-2021-28658, /2021/11/ (a path)
            r"(?<![A-Za-z0-9_./\-]....)[ \u00a0]?"
            r"(?:[-/][ \u00a0]?[01]?[0-9][ \u00a0]?[-/]|(?:--|[-–—])[ \u00a0]?(?:1[89]|2[01]))"
            rf"|(?<=[0-9][{separators}]....)"  # 19/09/2021
            rf"|(?:(?<=[{ends}][\s-]....)|(?<=[\s-][\s-]....)){_YEAR_ALONE_AFTER})"  # in 2019
        )

    @cached_property
    def month_shape(self) -> re.Pattern[str]:
        """A month name not followed by a letter (not "Mark", "Decimal")."""
        return re.compile(rf"{self._months}(?!-?{_LATIN})")

    @cached_property
    def dates(self) -> re.Pattern[str]:
        """The dates of every form, read by ``dates._value`` from the groups that matched."""
        words, months = self.words, self._months
        joiners = alternation(list(JOINERS))
        join_dm = rf"\.?\s+(?:(?:{joiners})\s+)?"
        join_my = rf",?\s+(?:(?:{joiners})\s+)?"
        join_md = r"\s+(?:the\s+)?"
        to = self._to
        lone = (
            rf"(?:{alternation(self._before_lone)})(?:\s+|-)"
            rf"(?:(?:the\s+)?(?:{'|'.join(_EARLY)})[\s-]+)?"
            rf"(?:{_month('fm', alternation(words.wide_months))}"
            rf"(?!\.?,?\s*(?:(?:{joiners})\s+)?[0-9])|(?P<fy>{_YEAR_ALONE}))"
        )
        forms = [
            _CJK,
            _CJK_YEARS,
            _CJK_YEAR,
            _ISO,
            self._numeric,
            _YEARS,
            # 14 to 18 March 2024, du 14 au 18 mars, 14.–18. März
            rf"{_day('ad')}\.?{to}{_day('ad2', '')}{join_dm}{_month('am', months)}"
            rf"(?:{join_my}{_year('ay')})?",
            # 19 September 2021, 19. September 2021, 19 de septiembre de 2021, 19th of September
            rf"{_day('cd')}{join_dm}{_month('cm', months)}(?:{join_my}{_year('cy')})?",
            # 25-Dec-2018 (cookies, logs)
            rf"{_day('hd')}-{_month('hm', months)}-{_year('hy')}",
            # Starting with a month name or a word of before_lone, not inside a word ("Mayfield"):
            # never where a form above starts (with a digit), so that which is tried first makes
            # no difference, and the letter before is looked at once for all.
            rf"(?<!{_LETTER})(?:"
            # March 14–18, 2024
            rf"{_month('bm', months)}{join_md}{_day('bd')}{to}{_day('bd2', '')}"
            rf"(?:,?\s+{_year('by')})?"
            # September 19, 2021; Sept 19
            rf"|{_month('dm', months)}{join_md}{_day('dd')}(?:,?\s+{_year('dy')})?"
            # September 2023, septiembre de 2023
            rf"|{_month('em', months)}{join_my}{_year('ey')}"
            # in 2019, since September, mid-2019
            rf"|{lone})",
        ]
        # Every form starts with a digit, a Chinese numeral, 民 (民國), a month name or a word of
        # before_lone and a space or hyphen: opened by those, the expression is tried only where
        # a date can start (most letters start a word of before_lone: "i", "s", "t"...).
        starts = (
            f"(?=[0-9一二三四五六七八九十民]|{months}"
            rf"|(?:{alternation(self._before_lone)})[\s-])"
        )
        return re.compile(starts + "(?:" + "|".join(f"(?:{form})" for form in forms) + ")")

    @cached_property
    def weekday_gate(self) -> re.Pattern[str]:
        """A weekday name, maybe inside a word: what ``weekday_patterns`` need, found quickly."""
        return re.compile(alternation(list(self.words.weekdays)))

    @cached_property
    def month_name(self) -> re.Pattern[str]:
        """A month named, alone or not: a name (group ``m``) or a numeral with 月 (``z``)."""
        return re.compile(
            rf"(?<!{_LETTER}){_month('m', self._months)}"
            rf"|{_NO_NUMBER_BEFORE}{_NO_COUNT_BEFORE}(?P<z>{_ZM}){_S}月"
        )

    @cached_property
    def connector(self) -> re.Pattern[str]:
        """What joins two dates into a range."""
        return re.compile(rf"{self._to}|{_TO}")

    @cached_property
    def between(self) -> re.Pattern[str]:
        """The word "between" right before a range's first date."""
        firsts = _capitalised(pair[0] for pair in self.words.between)
        return re.compile(rf"(?:{alternation(firsts)})\s+$|(?:在|介于|介於)\s?$")

    @cached_property
    def and_word(self) -> re.Pattern[str]:
        """The "and" of "between ... and", or 和, between two dates."""
        return re.compile(rf"\s+(?:{self._ands})\s+|{_S}{CJK_AND}{_S}")

    @cached_property
    def year_tail(self) -> re.Pattern[str]:
        """The end of a range after a year ("to 2020")."""
        return re.compile(
            rf"{self._to}(?P<y>{_YEAR_ALONE})|\s+(?:{self._ands})\s+(?P<a>{_YEAR_ALONE})"
            rf"|{_TO}(?P<z>{_ZY}){_S}年"
        )

    @cached_property
    def _to(self) -> str:
        return rf"(?:{_S}{DASH}{_S}|\s+(?:{alternation(self.words.to)})\s+)"

    @cached_property
    def _before_lone(self) -> list[str]:
        return _capitalised(self.words.before_lone)

    @cached_property
    def _ands(self) -> str:
        return alternation([pair[1] for pair in self.words.between])

    @cached_property
    def _numeric(self) -> str:
        separators = re.escape("/" + self.words.numeric_separators)
        return (
            rf"{_ASCII_BEFORE}(?P<na>[0-3]?[0-9])(?P<ns>[{separators}])(?P<nb>[0-3]?[0-9])"
            rf"(?P=ns)(?P<ny>(?:1[89]|2[01])[0-9]{{2}}){_ASCII_AFTER}"
        )


@lru_cache(maxsize=64)
def patterns(locale: str) -> Patterns:
    return Patterns(date_words(locale))


def _month(group: str, names: str) -> str:
    """A month name not followed by a letter ("Mayfield", "Jun-ichiro"). The letter before is
    looked at by the forms that start with the month; in the others a space or "-" is before."""
    return rf"(?P<{group}>{names})(?!-?{_LETTER})"


def _day(group: str, before: str = _ASCII_BEFORE) -> str:
    return rf"{before}(?P<{group}>[0-3]?[0-9])(?:{DAY_SUFFIX})?(?![0-9A-Za-z]|[.:,][0-9])"


def _year(group: str) -> str:
    return rf"(?P<{group}>[12][0-9]{{3}})(?![0-9A-Za-z]|[.:][0-9])"


def _capitalised(words: Iterable[str]) -> list[str]:
    """Words as written inside a sentence and as its first word ("in 2019", "In 2019")."""
    return [form for word in words for form in (word, word[:1].upper() + word[1:])]


@lru_cache(maxsize=64)
def weekday_patterns(locale: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Weekday names right before a date, and right after it (group ``w`` or ``v``)."""
    words = patterns(locale).words
    names = alternation(list(words.weekdays))
    long_names = alternation([day for day in words.weekdays if day not in words.short_weekdays])

    def word(names: str, group: str = "w", before: str = rf"(?<!{_LETTER})") -> str:
        return rf"{before}(?P<{group}>{names})(?!{_LETTER})"

    # "Friday, 22 September", "Sun, 19 Sep 2021", 星期五，9月22日; 22 September (Fri),
    # "22 September, Friday", 9月22日（星期五）, 9月22日周五. (After a bracket, no letter.)
    return (
        re.compile(rf"{word(names)}\.?[,，]?\s*(?:the\s+)?$"),
        re.compile(rf"\s*(?:[(（]{_S}{word(names, before='')}|[,，]?\s*{word(long_names, 'v')})"),
    )
