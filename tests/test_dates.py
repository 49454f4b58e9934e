
"""Finding dates in running text: every form, its value and its span; what is not a date."""

from __future__ import annotations

import pytest

from toolkit.semantic.dates import DateMention, find_dates, months_named, years_written

Found = list[tuple[str, tuple[int | None, ...], tuple[int | None, ...] | None]]


def found(text: str, locale: str) -> Found:
    mentions = find_dates(text, locale)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text  # spans hold in the original
    return [(m.text, m.first, m.last) for m in mentions]


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        # English, full dates in every order and abbreviation
        pytest.param("arrested on 19 September 2021.", "en",
                     [("19 September 2021", (2021, 9, 19), None)], id="d-month-y"),
        pytest.param("on September 19, 2021, we", "en",
                     [("September 19, 2021", (2021, 9, 19), None)], id="month-d-y"),
        pytest.param("on 19 Sept. 2021", "en", [("19 Sept. 2021", (2021, 9, 19), None)],
                     id="sept-dot"),
        pytest.param("until Sept 19", "en", [("Sept 19", (None, 9, 19), None)], id="sept-day"),
        pytest.param("on 19th of September 2021", "en",
                     [("19th of September 2021", (2021, 9, 19), None)], id="ordinal-of"),
        pytest.param("UNTIL: 18 MARCH 2025", "en", [("18 MARCH 2025", (2025, 3, 18), None)],
                     id="capitals"),
        pytest.param("Tue, 25-Dec-2018 22:26:13 GMT", "en",
                     [("25-Dec-2018", (2018, 12, 25), None)], id="cookie-date"),
        # Numeric forms; d/m or m/d is the locale's convention (CLDR's short date format)
        pytest.param("on 2021-09-19T10:00", "en", [("2021-09-19", (2021, 9, 19), None)],
                     id="iso"),
        pytest.param("于2021/9/19被捕", "zh_Hans", [("2021/9/19", (2021, 9, 19), None)],
                     id="ymd-slash-in-chinese"),
        pytest.param("on 19/09/2021", "en", [("19/09/2021", (2021, 9, 19), None)],
                     id="dmy-unambiguous"),
        pytest.param("on 09/10/2021", "en", [("09/10/2021", (2021, 9, 10), None)],
                     id="en-us-month-first"),
        pytest.param("on 09/10/2021", "en_GB", [("09/10/2021", (2021, 10, 9), None)],
                     id="en-gb-day-first"),
        pytest.param("am 19.09.2021", "de", [("19.09.2021", (2021, 9, 19), None)],
                     id="de-dotted"),
        # Chinese: digits, numerals, full width, 号/號, spaces of software translations
        pytest.param("于2021年9月19日被捕", "zh_Hans", [("2021年9月19日", (2021, 9, 19), None)],
                     id="zh-digits"),
        pytest.param("二〇二一年九月十九日，", "zh_Hans",
                     [("二〇二一年九月十九日", (2021, 9, 19), None)], id="zh-numerals"),
        pytest.param("二零二四年六月十四日", "zh_Hans",
                     [("二零二四年六月十四日", (2024, 6, 14), None)], id="zh-numerals-ling"),
        pytest.param("於2021年9月19號被捕", "zh_Hant", [("2021年9月19號", (2021, 9, 19), None)],
                     id="zh-hao"),
        pytest.param("於２０２１年９月１９日", "zh_Hant",
                     [("２０２１年９月１９日", (2021, 9, 19), None)], id="zh-full-width"),
        pytest.param("发布于 2021 年 10 月 4 日。", "zh_Hans",
                     [("2021 年 10 月 4 日", (2021, 10, 4), None)], id="zh-spaced"),
        pytest.param("十二月三十一日", "zh_Hans", [("十二月三十一日", (None, 12, 31), None)],
                     id="zh-numerals-no-year"),
        pytest.param("於民國110年9月19日", "zh_Hant",
                     [("民國110年9月19日", (2021, 9, 19), None)], id="zh-minguo-year"),
        # Partial dates
        pytest.param("released on 18 March, after", "en", [("18 March", (None, 3, 18), None)],
                     id="day-month"),
        pytest.param("in September 2023 on", "en", [("September 2023", (2023, 9, None), None)],
                     id="month-year"),
        pytest.param("arrested once in 2019, and", "en", [("2019", (2019, None, None), None)],
                     id="year-after-in"),
        pytest.param("Since 2019 she", "en", [("2019", (2019, None, None), None)],
                     id="year-after-since"),
        pytest.param("in early September", "en", [("September", (None, 9, None), None)],
                     id="month-after-in"),
        pytest.param("mid-2019", "en", [("2019", (2019, None, None), None)], id="mid-year"),
        pytest.param("于3月18日获释", "zh_Hans", [("3月18日", (None, 3, 18), None)],
                     id="zh-month-day"),
        pytest.param("2023年9月", "zh_Hans", [("2023年9月", (2023, 9, None), None)],
                     id="zh-year-month"),
        pytest.param("9月初", "zh_Hans", [("9月", (None, 9, None), None)], id="zh-month"),
        pytest.param("2019年曾被捕", "zh_Hans", [("2019年", (2019, None, None), None)],
                     id="zh-year"),
        # Ranges: one mention, the ends lend each other what one leaves out
        pytest.param("from October 2019 to January 2020", "en",
                     [("October 2019 to January 2020", (2019, 10, None), (2020, 1, None))],
                     id="range-to"),
        pytest.param("between October 2019 and January 2020", "en",
                     [("October 2019 and January 2020", (2019, 10, None), (2020, 1, None))],
                     id="range-between"),
        pytest.param("from 14 to 18 March", "en",
                     [("14 to 18 March", (None, 3, 14), (None, 3, 18))], id="range-days"),
        pytest.param("March 14–18, 2024", "en",
                     [("March 14–18, 2024", (2024, 3, 14), (2024, 3, 18))], id="range-en-dash"),
        pytest.param("January 1--15, 2001", "en",
                     [("January 1--15, 2001", (2001, 1, 1), (2001, 1, 15))], id="range-rst-dash"),
        pytest.param("from December to January 2020", "en",
                     [("December to January 2020", (2019, 12, None), (2020, 1, None))],
                     id="range-over-new-year"),
        pytest.param("2019年10月至2020年1月", "zh_Hans",
                     [("2019年10月至2020年1月", (2019, 10, None), (2020, 1, None))],
                     id="zh-range-zhi"),
        pytest.param("2019年10月到2020年1月", "zh_Hans",
                     [("2019年10月到2020年1月", (2019, 10, None), (2020, 1, None))],
                     id="zh-range-dao"),
        pytest.param("在2019年10月和2020年1月之间", "zh_Hans",
                     [("2019年10月和2020年1月", (2019, 10, None), (2020, 1, None))],
                     id="zh-range-between"),
        pytest.param("10月至12月", "zh_Hans",
                     [("10月至12月", (None, 10, None), (None, 12, None))], id="zh-range-months"),
        pytest.param("2019年10月至12月", "zh_Hans",
                     [("2019年10月至12月", (2019, 10, None), (2019, 12, None))],
                     id="zh-range-lends-year"),
        pytest.param("3月14日至18日", "zh_Hans",
                     [("3月14日至18日", (None, 3, 14), (None, 3, 18))], id="zh-range-days"),
        pytest.param("3月14-18日", "zh_Hant",
                     [("3月14-18日", (None, 3, 14), (None, 3, 18))], id="zh-range-days-dash"),
        pytest.param("2019-2020", "en",
                     [("2019-2020", (2019, None, None), (2020, None, None))], id="year-range"),
        pytest.param("from 2019 to 2020", "en",
                     [("2019 to 2020", (2019, None, None), (2020, None, None))],
                     id="year-range-words"),
        pytest.param("2019年至2020年", "zh_Hans",
                     [("2019年至2020年", (2019, None, None), (2020, None, None))],
                     id="zh-year-range"),
        pytest.param("on 14 June and 18 March", "en",
                     [("14 June", (None, 6, 14), None), ("18 March", (None, 3, 18), None)],
                     id="and-without-between-is-two-dates"),
        # Other languages: month names from CLDR
        pytest.param("le 19 septembre 2021", "fr", [("19 septembre 2021", (2021, 9, 19), None)],
                     id="fr"),
        pytest.param("le 1er mars 2024", "fr", [("1er mars 2024", (2024, 3, 1), None)],
                     id="fr-premier"),
        pytest.param("du 14 au 18 mars 2024", "fr",
                     [("14 au 18 mars 2024", (2024, 3, 14), (2024, 3, 18))], id="fr-range"),
        pytest.param("el 19 de septiembre de 2021", "es",
                     [("19 de septiembre de 2021", (2021, 9, 19), None)], id="es"),
        pytest.param("am 19. September 2021", "de",
                     [("19. September 2021", (2021, 9, 19), None)], id="de"),
        pytest.param("am 3. März", "de", [("3. März", (None, 3, 3), None)], id="de-umlaut"),
        pytest.param("2021年9月19日和September 19, 2021", "zh_Hans",
                     [("2021年9月19日", (2021, 9, 19), None),
                      ("September 19, 2021", (2021, 9, 19), None)],
                     id="english-kept-in-chinese"),
        # Found despite the quick searches (shapes) that spare most texts the full expression
        pytest.param("since  2019, she", "en", [("2019", (2019, None, None), None)],
                     id="shape-year-after-spaces"),
        pytest.param("between 2019 – 2020", "en",
                     [("2019 – 2020", (2019, None, None), (2020, None, None))],
                     id="shape-spaced-year-range"),
        pytest.param("on 2021 / 9 / 19", "en", [("2021 / 9 / 19", (2021, 9, 19), None)],
                     id="shape-spaced-iso"),
        pytest.param("二〇二一年", "zh_Hans", [("二〇二一年", (2021, None, None), None)],
                     id="shape-zh-numeral-year"),
        pytest.param("於民國9年", "zh_Hant", [("民國9年", (1920, None, None), None)],
                     id="shape-minguo-one-digit"),
    ],
)
def test_find_dates(text: str, locale: str, expected: Found) -> None:
    assert found(text, locale) == expected


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        pytest.param("Python 3.12 was released; 2.7 to 3.0", "en", id="versions"),
        pytest.param("at 10:30, see section 4.2.1", "en", id="time-and-section"),
        pytest.param("May be None. May raise OSError.", "en", id="may-the-verb"),
        pytest.param("a default of 2000, or 2048 bytes", "en", id="numbers-not-years"),
        pytest.param("(Contributed by Jun-ichiro Hagino and Terry Jan Reedy.)", "en",
                     id="names"),
        pytest.param("in the late 1980s, in the 1980's", "en", id="decades"),
        pytest.param("1990年代", "zh_Hans", id="zh-decade"),
        pytest.param("三个月，12个月", "zh_Hans", id="zh-durations"),
        pytest.param("不管它发生在哪一年哪一月，每一月", "zh_Hans", id="zh-which-month"),
        pytest.param("不存在的 2 月 30 日", "zh_Hans", id="zh-impossible-date"),
        pytest.param("在 3.12 版本中变更：1000年", "zh_Hans", id="zh-version-and-millennium"),
        pytest.param("see /blog/2021/09/19/ and v2021-09-19", "en", id="paths"),
        pytest.param("2020-2019", "en", id="backwards-years"),
        pytest.param("CVE-2021-28658 and CVE-2018-6188", "en", id="cve-numbers"),
        pytest.param("五年，一年之中", "zh_Hans", id="zh-year-counts"),
        pytest.param("No digit, no month here.", "en", id="nothing"),
    ],
)
def test_not_dates(text: str, locale: str) -> None:
    assert find_dates(text, locale) == []


def test_mention_is_a_value() -> None:
    [mention] = find_dates("from 14 to 18 March", "en")
    assert mention == DateMention(5, 19, "14 to 18 March", (None, 3, 14), (None, 3, 18))
    assert mention.points == ((None, 3, 14), (None, 3, 18))


def test_bare_years_and_months() -> None:
    assert years_written("the 2019 mass protests, 3.2019 and 12019") == {2019}
    assert months_named("January, Sep. 一月 and 十二月", "zh_Hans") == {1, 9, 12}
    assert months_named("每一月", "zh_Hans") == frozenset()
    assert months_named("a calendar: January", "en") == {1}
    assert months_named("on 2019-09-19", "en") == frozenset()
