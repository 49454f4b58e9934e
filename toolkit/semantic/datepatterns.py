# ruff: noqa: RUF001, RUF003  (full-width digits and Chinese dates are what this reads)
"""The regular expressions that read dates, per locale: Chinese, numeric and month-name forms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from toolkit.semantic.datewords import (
    CJK_AND,
    CJK_TO,
    DASH,
    DAY_SUFFIX,
    JOINERS,
    DateWords,
    alternation,
    date_words,
)
from toolkit.semantic.numerals import initials

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
_YEAR_ALONE = r"(?:18|19|20|21)[0-9]{2}(?![0-9A-Za-z/'’]|[.:,\-][0-9][0-9]?(?![0-9]))"


@dataclass(frozen=True)
class Patterns:
    """The compiled expressions for one locale."""

    month_gate: re.Pattern[str]  # a month name, maybe inside a word: cheap, as it has no context
    dates: re.Pattern[str]
    month_name: re.Pattern[str]
    connector: re.Pattern[str]  # between two dates that form a range
    between: re.Pattern[str]  # "between " right before a range's first date
    and_word: re.Pattern[str]
    year_tail: re.Pattern[str]  # "to 2020" after a year: the end of a range
    words: DateWords


@lru_cache(maxsize=64)
def patterns(locale: str) -> Patterns:
    words = date_words(locale)
    months = alternation(list(words.months))
    joiners = alternation(list(JOINERS))
    letter_before = rf"(?<!{_LETTER})"

    def month(group: str, names: str = months) -> str:
        # Not a word's start: "Jun-ichiro", "Mayfield".
        return rf"{letter_before}(?P<{group}>{names})(?!{_LETTER}|-{_LETTER})"

    def day(group: str, before: str = _ASCII_BEFORE) -> str:
        return (
            rf"{before}(?P<{group}>[0-3]?[0-9])(?:{DAY_SUFFIX})?"
            r"(?![0-9A-Za-z]|[.:,][0-9])"
        )

    def year(group: str) -> str:
        return rf"(?P<{group}>[12][0-9]{{3}})(?![0-9A-Za-z]|[.:][0-9])"

    to = rf"(?:{_S}{DASH}{_S}|\s+(?:{alternation(words.to)})\s+)"
    join_dm = rf"\.?\s+(?:(?:{joiners})\s+)?"
    join_my = rf",?\s+(?:(?:{joiners})\s+)?"
    join_md = r"\s+(?:the\s+)?"
    separators = re.escape("/" + words.numeric_separators)
    numeric = (
        rf"{_ASCII_BEFORE}(?P<na>[0-3]?[0-9])(?P<ns>[{separators}])(?P<nb>[0-3]?[0-9])(?P=ns)"
        rf"(?P<ny>(?:1[89]|2[01])[0-9]{{2}}){_ASCII_AFTER}"
    )
    lone = (
        rf"{letter_before}(?:{alternation(_capitalised(words.before_lone))})(?:\s+|-)"
        r"(?:(?:the\s+)?(?:early|late|mid)[\s-]+)?"
        rf"(?:{month('fm', alternation(words.wide_months))}"
        rf"(?!\.?,?\s*(?:(?:{joiners})\s+)?[0-9])|(?P<fy>{_YEAR_ALONE}))"
    )
    forms = [
        _CJK,
        _CJK_YEARS,
        _CJK_YEAR,
        _ISO,
        numeric,
        _YEARS,
        # 14 to 18 March 2024, du 14 au 18 mars, 14.–18. März
        rf"{day('ad')}\.?{to}{day('ad2', '')}{join_dm}{month('am')}(?:{join_my}{year('ay')})?",
        # March 14–18, 2024
        rf"{month('bm')}{join_md}{day('bd')}{to}{day('bd2', '')}(?:,?\s+{year('by')})?",
        # 19 September 2021, 19. September 2021, 19 de septiembre de 2021, 19th of September
        rf"{day('cd')}{join_dm}{month('cm')}(?:{join_my}{year('cy')})?",
        # 25-Dec-2018 (cookies, logs)
        rf"{day('hd')}-{month('hm')}-{year('hy')}",
        # September 19, 2021; Sept 19
        rf"{month('dm')}{join_md}{day('dd')}(?:,?\s+{year('dy')})?",
        # September 2023, septiembre de 2023
        rf"{month('em')}{join_my}{year('ey')}",
        lone,
    ]
    ands = [pair[1] for pair in words.between]
    # Every form starts with a digit, a Chinese numeral, 民 (民國), a month name or a word of
    # before_lone: opened by those, the expression is searched only where a date can start.
    starts = initials(
        [*"0123456789一二三四五六七八九十民", *words.months, *_capitalised(words.before_lone)]
    )
    return Patterns(
        month_gate=re.compile(months),
        dates=re.compile(starts + "(?:" + "|".join(f"(?:{form})" for form in forms) + ")"),
        month_name=re.compile(
            month("m") + rf"|{_NO_NUMBER_BEFORE}{_NO_COUNT_BEFORE}(?P<z>{_ZM}){_S}月"
        ),
        connector=re.compile(rf"{to}|{_TO}"),
        between=re.compile(
            rf"(?:{alternation(_capitalised(pair[0] for pair in words.between))})\s+$"
            r"|(?:在|介于|介於)\s?$"
        ),
        and_word=re.compile(rf"\s+(?:{alternation(ands)})\s+|{_S}{CJK_AND}{_S}"),
        year_tail=re.compile(
            rf"{to}(?P<y>{_YEAR_ALONE})|\s+(?:{alternation(ands)})\s+(?P<a>{_YEAR_ALONE})"
            rf"|{_TO}(?P<z>{_ZY}){_S}年"
        ),
        words=words,
    )


def _capitalised(words: Iterable[str]) -> list[str]:
    """Words as written inside a sentence and as its first word ("in 2019", "In 2019")."""
    return [form for word in words for form in (word, word[:1].upper() + word[1:])]


@lru_cache(maxsize=64)
def weekday_patterns(locale: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Weekday names right before a date, and right after it (group ``w`` or ``v``)."""
    words = patterns(locale).words
    names = alternation(list(words.weekdays))
    long_names = alternation([day for day in words.weekdays if day not in words.short_weekdays])

    def word(names: str, group: str = "w") -> str:
        return rf"(?<!{_LETTER})(?P<{group}>{names})(?!{_LETTER})"

    # "Friday, 22 September", "Sun, 19 Sep 2021", 星期五，9月22日; 22 September (Fri),
    # "22 September, Friday", 9月22日（星期五）, 9月22日周五.
    return (
        re.compile(rf"{word(names)}\.?[,，]?\s*(?:the\s+)?$"),
        re.compile(rf"\s*(?:[(（]{_S}{word(names)}|[,，]?\s*{word(long_names, 'v')})"),
    )
