
"""Quantities found in English and Chinese text: values, units, qualifiers, ordinals, guards."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

import pytest

from toolkit.semantic import numerals_zh
from toolkit.semantic.numbers import Quantity, find_quantities
from toolkit.semantic.numerals import number


def described(text: str, locale: str) -> list[str]:
    """Each quantity as its value in words, marked (weak) or (ref) where it is so."""
    return [
        q.describe() + (" (weak)" if q.weak else "") + (" (ref)" if q.reference else "")
        for q in find_quantities(text, locale)
    ]


TABLE = ("text", "locale", "expected")


@pytest.mark.parametrize(
    TABLE,
    [
        # Figures, words, separators and full-width digits.
        pytest.param("sentenced to 5 years", "en", ["5 years"], id="en-digits-unit"),
        pytest.param("sentenced to five years", "en", ["5 years"], id="en-word-unit"),
        pytest.param("1,000 people", "en", ["1000 people"], id="en-thousands-comma"),
        pytest.param("1\u00a0000 people", "en", ["1000 people"], id="en-thousands-nbsp"),
        pytest.param("1.000 Menschen", "de", ["1000"], id="de-thousands-dot"),
        pytest.param("3,5 Jahre", "de", ["3.5"], id="de-decimal-comma"),
        pytest.param("3.5 million people", "en", ["3500000 people"], id="en-million"),
        pytest.param("one hundred and twenty-one", "en", ["121"], id="en-compound-words"),
        pytest.param("a hundred and five", "en", ["105"], id="en-a-hundred"),
        pytest.param("Ten UN special procedures", "en", ["10"], id="en-capitalised"),
        pytest.param("two or three", "en", ["2", "3"], id="en-two-numbers"),
        pytest.param("被判处５年", "zh_Hans", ["5 years"], id="zh-full-width"),
        pytest.param("两千", "zh_Hans", ["2000"], id="zh-liang-qian"),
        pytest.param("一万两千", "zh_Hans", ["12000"], id="zh-wan"),
        pytest.param("1.5万人", "zh_Hans", ["15000 people"], id="zh-digits-wan"),
        pytest.param("约 10 亿", "zh_Hans", ["about 1000000000"], id="zh-spaced-yi"),
        # Durations, read as one amount.
        pytest.param("three years and six months", "en", ["42 months"], id="en-years-months"),
        pytest.param("3 years and 6 months", "en", ["42 months"], id="en-years-months-digits"),
        pytest.param("three and a half years", "en", ["42 months"], id="en-and-a-half"),
        pytest.param("a three-and-a-half-year sentence", "en", ["42 months"], id="en-hyphens"),
        pytest.param("a year and a half", "en", ["18 months"], id="en-a-year-and-a-half"),
        pytest.param("half a year", "en", ["6 months"], id="en-half-a-year"),
        pytest.param("two weeks", "en", ["2 weeks"], id="en-weeks"),
        pytest.param("三年零六个月", "zh_Hans", ["42 months"], id="zh-ling"),
        pytest.param("三年六个月", "zh_Hans", ["42 months"], id="zh-years-months"),
        pytest.param("3年6個月", "zh_Hant", ["42 months"], id="zh-hant-digits"),
        pytest.param("三年半", "zh_Hans", ["42 months"], id="zh-ban"),
        pytest.param("一年半", "zh_Hans", ["18 months"], id="zh-yi-nian-ban"),
        pytest.param("两个半月", "zh_Hans", ["2.5 months"], id="zh-ge-ban-yue"),
        pytest.param("半年", "zh_Hans", ["6 months"], id="zh-half-year"),
        pytest.param("五个月", "zh_Hans", ["5 months"], id="zh-months"),
        pytest.param("四周后", "zh_Hans", ["4 weeks"], id="zh-four-weeks"),
        pytest.param("4 年 11 个月前", "zh_Hans", ["59 months"], id="zh-spaced-units"),
        # Units of people, organisations, percentages.
        pytest.param("32 NGOs", "en", ["32 organisations"], id="en-ngos"),
        pytest.param("32个非政府组织", "zh_Hans", ["32 organisations"], id="zh-ngos"),
        pytest.param("32個非政府組織", "zh_Hant", ["32 organisations"], id="zh-hant-ngos"),
        pytest.param("30 per cent", "en", ["30%"], id="en-per-cent"),
        pytest.param("百分之三十", "zh_Hans", ["30%"], id="zh-percent"),
        pytest.param("one third of them", "en", ["1/3"], id="en-fraction"),
        pytest.param("三分之一", "zh_Hans", ["1/3"], id="zh-fraction"),
        pytest.param("a fourfold increase", "en", ["4-fold"], id="en-fold"),
        # Qualifiers.
        pytest.param("nearly 250 days", "en", ["nearly 250 days"], id="en-nearly"),
        pytest.param("近250天", "zh_Hans", ["nearly 250 days"], id="zh-jin"),
        pytest.param("將近兩百五十天", "zh_Hant", ["nearly 250 days"], id="zh-hant-jiangjin"),
        pytest.param("more than five months", "en", ["more than 5 months"], id="en-more-than"),
        pytest.param("超过五个月", "zh_Hans", ["more than 5 months"], id="zh-chaoguo"),
        pytest.param("五个多月", "zh_Hans", ["more than 5 months"], id="zh-ge-duo-yue"),
        pytest.param("二十多人", "zh_Hans", ["more than 20 people"], id="zh-duo-ren"),
        pytest.param("逾三十名", "zh_Hant", ["more than 30 people"], id="zh-yu"),
        pytest.param("at least five months", "en", ["at least 5 months"], id="en-at-least"),
        pytest.param("至少将返回两个", "zh_Hans", ["at least 2"], id="zh-zhishao-before-verb"),
        pytest.param("about 40%", "en", ["about 40%"], id="en-about"),
        pytest.param("约40%", "zh_Hans", ["about 40%"], id="zh-yue"),
        pytest.param("3.2 and later", "en", ["at least 3.2"], id="en-and-later"),
        pytest.param("3.2 及更高版本", "zh_Hans", ["at least 3.2"], id="zh-ji-genggao"),
        pytest.param("emails about 404 errors", "en", ["404"], id="en-about-preposition"),
        pytest.param("iterated over 3 items", "en", ["3"], id="en-over-preposition"),
        pytest.param("dozens of their friends", "en", ["dozens"], id="en-dozens"),
        pytest.param("数十名朋友", "zh_Hans", ["dozens"], id="zh-shu-shi"),
        pytest.param("几十个", "zh_Hans", ["dozens"], id="zh-ji-shi"),
        pytest.param("hundreds of thousands of", "en", ["hundreds of thousands"], id="en-vague"),
        pytest.param("数百", "zh_Hans", ["hundreds"], id="zh-shu-bai"),
        pytest.param("the thousands separator", "en", [], id="en-thousands-noun"),
        pytest.param("a thousand separator", "en", ["1000 (weak)"], id="en-thousand-noun"),
        # Ordinals.
        pytest.param("second anniversary", "en", ["2nd anniversary"], id="en-anniversary"),
        pytest.param("两周年", "zh_Hans", ["2nd anniversary"], id="zh-liang-zhounian"),
        pytest.param("兩週年", "zh_Hant", ["2nd anniversary"], id="zh-hant-zhounian"),
        pytest.param("the 2nd edition", "en", ["2nd"], id="en-2nd"),
        pytest.param("第三", "zh_Hans", ["3rd"], id="zh-di-san"),
        pytest.param("第3章", "zh_Hans", ["3rd"], id="zh-di-digits"),
        pytest.param("the second argument", "en", ["2nd (weak)"], id="en-ordinal-word-weak"),
        pytest.param("wait a second.", "en", [], id="en-a-second-of-time"),
        pytest.param("ten times per second", "en", ["10 times"], id="en-per-second"),
        pytest.param("twenty-first", "en", ["21st (weak)"], id="en-twenty-first"),
        # Weak words: they may answer a number but are never required.
        pytest.param("one of them", "en", ["1 (weak)"], id="en-one-of"),
        pytest.param("both of them", "en", ["2 (weak)"], id="en-both"),
        pytest.param("一个问题", "zh_Hans", ["1 (weak)"], id="zh-yi-ge"),
        pytest.param("双元组", "zh_Hans", ["2 (weak)"], id="zh-shuang"),
        pytest.param("16 进制", "zh_Hans", ["base 16 (weak)"], id="zh-base"),
        # Guards: words written with numerals that count nothing.
        pytest.param("一切都好", "zh_Hans", [], id="zh-yiqie"),
        pytest.param("一起走", "zh_Hans", [], id="zh-yiqi"),
        pytest.param("一样", "zh_Hans", [], id="zh-yiyang"),
        pytest.param("统一", "zh_Hans", [], id="zh-tongyi"),
        pytest.param("唯一的", "zh_Hans", [], id="zh-weiyi"),
        pytest.param("十分重要", "zh_Hans", [], id="zh-shifen"),
        pytest.param("千万不要", "zh_Hans", [], id="zh-qianwan"),
        pytest.param("三千万", "zh_Hans", ["30000000"], id="zh-qianwan-number"),
        pytest.param("张三和李四", "zh_Hans", [], id="zh-zhang-san"),
        pytest.param("王五", "zh_Hans", [], id="zh-wang-wu"),
        pytest.param("一两个人", "zh_Hans", ["1 (weak)", "2 people"], id="zh-one-or-two"),
        pytest.param("四川和九龙", "zh_Hans", [], id="zh-places"),
        pytest.param("周一和星期三", "zh_Hans", [], id="zh-weekdays"),
        pytest.param("二进制", "zh_Hans", ["2 (weak)"], id="zh-binary"),
        pytest.param("其中之一", "zh_Hans", [], id="zh-zhi-yi"),
        # Dates, code and placeholders are not read.
        pytest.param("arrested on 19 September 2021", "en", [], id="en-date"),
        pytest.param("2021年9月19日被捕", "zh_Hans", [], id="zh-date"),
        pytest.param("二〇二一年九月十九日", "zh_Hans", [], id="zh-date-numerals"),
        pytest.param("``range(10)`` returns 3 items", "en", ["3"], id="en-code-span"),
        pytest.param("%d files in {0} of 3 folders", "en", ["3"], id="en-placeholders"),
        pytest.param("see https://a.org/2021/5 and UTF-8", "en", [], id="en-url-identifier"),
        pytest.param(">>> print(1 + 2)\n3", "en", [], id="en-session"),
        # Read the way a reader does.
        pytest.param("from 390 , 000 to 600 , 000", "zh_Hans", ["390000", "600000"], id="spaced"),
        pytest.param("ISO 8601 day of the week", "en", ["8601"], id="en-standard-number"),
        pytest.param("（4 天或以上）", "zh_Hans", ["at least 4 days"], id="zh-bracketed-bound"),
        pytest.param(
            "小于 127 或 255", "zh_Hans", ["less than 127", "less than 255"], id="zh-shared-bound"
        ),
        pytest.param("3 is less than 5", "en", ["3", "5"], id="en-comparison"),
        pytest.param("the standard about 754's values", "en", ["754"], id="en-possessive"),
        pytest.param("on some 64-bit systems", "en", ["64"], id="en-some-determiner"),
        pytest.param("under two names", "en", ["2"], id="en-under-preposition"),
        pytest.param("under 5 minutes", "en", ["less than 5 minutes"], id="en-under-bound"),
        pytest.param("0到任意次", "zh_Hans", ["at least 0"], id="zh-to-any"),
        pytest.param(
            "它至少发生在最终发行版本的两周前", "zh_Hans", ["at least 2 weeks"], id="zh-zhishao-far"
        ),
        pytest.param(
            "早于 Python 3.12 的版本", "zh_Hans", ["less than 3.12"], id="zh-name-between"
        ),
        pytest.param("up to 20% faster", "en", ["at most 20%"], id="en-up-to"),
        pytest.param("rounded up to 88", "en", ["88"], id="en-rounded-up-to"),
        # Numbers that name: list numbers and versions.
        pytest.param("1. Come to the No. 1 Centre", "en", ["1 (ref)", "1"], id="en-list"),
        pytest.param("Python 3.14.0", "en", ["3.14.0 (ref)"], id="en-version"),
        pytest.param("一、释放", "zh_Hans", ["1 (ref)"], id="zh-list"),
        # Found despite a quick test that skips work: the digits all in code or a date, words
        # left; no number word beside digits; a fraction in figures; a qualifier's last word
        # before a newline; a standard's name on the line before.
        pytest.param(":func:`f2` takes two arguments", "en", ["2"], id="en-code-digits-words"),
        pytest.param("On 5 May 2021, three people", "en", ["3 people"], id="en-date-then-words"),
        pytest.param("version 3 of the API", "en", ["3"], id="en-digits-no-words"),
        pytest.param("a halve of 1", "en", ["0.5", "1"], id="en-halve-not-a-gate-word"),
        pytest.param("the SIX cats", "en", ["6"], id="en-capitals"),
        pytest.param("up to \n5 days", "en", ["at most 5 days"], id="en-qualifier-newline"),
        pytest.param("PEP\n8", "en", ["8"], id="en-standard-newline"),
        pytest.param("``x = 3``", "en", [], id="en-all-code"),
        pytest.param("请参阅 `x1` 中的三个参数", "zh_Hans", ["3"], id="zh-code-digits-numeral"),
        pytest.param("2021年5月3日，三人被捕", "zh_Hans", ["3 people"], id="zh-date-then-numeral"),
        pytest.param("3分之1", "zh_Hans", ["1/3"], id="zh-fraction-in-figures"),
        pytest.param("最大值为 5", "zh_Hans", ["at most 5"], id="zh-qualifier-far"),
        pytest.param("不超过两千个字符", "zh_Hans", ["at most 2000"], id="zh-qualifier-near"),
        pytest.param("一万二千人", "zh_Hans", ["12000 people"], id="zh-wan-qian"),
        pytest.param("百分之三点五", "zh_Hans", ["3.5%"], id="zh-percent-decimal"),
        pytest.param("罚款为营业额的千分之五", "zh_Hans", ["0.005"], id="zh-per-mille"),
        pytest.param("万分之三", "zh_Hans", ["0.0003"], id="zh-per-ten-thousand"),
        pytest.param("三千分之一", "zh_Hans", ["1/3000"], id="zh-fraction-of-thousands"),
        pytest.param("万分感谢三位律师", "zh_Hans", ["3"], id="zh-wanfen-extremely"),
        # A clock time masked only where a colon stands between digits.
        pytest.param("at 10:30 for 5 minutes", "en", ["5 minutes"], id="en-clock-time"),
        pytest.param("Note: 3 days", "en", ["3 days"], id="en-colon-no-time"),
        # Runs and weak words looked for only where the text's words stand: a word found
        # after others were masked, "a" before a scale (looked for everywhere), one word
        # inside another ("seventeen" holds "seven"), a word opening the text.
        pytest.param(
            "half a year and twice two days",
            "en",
            ["6 months", "2 times (weak)", "2 days"],
            id="en-words-after-masking",
        ),
        pytest.param("for a hundred and one days", "en", ["101 days"], id="en-a-scale"),
        pytest.param("seventeen or seven", "en", ["17", "7"], id="en-word-in-word"),
        pytest.param("both-twenty", "en", ["2 (weak)", "20"], id="en-word-opens"),
        # A case-blind search reads the long s as s; a dotted capital I is no i (was a crash).
        pytest.param("ſix cats", "en", ["6"], id="en-long-s"),
        pytest.param("sİx cats", "en", [], id="en-dotted-capital-i"),
    ],
)
def test_find_quantities(text: str, locale: str, expected: list[str]) -> None:
    assert described(text, locale) == expected


def test_quantity_fields() -> None:
    """A quantity's span covers its qualifier and unit; values are exact."""
    text = "held for nearly 250 days"
    (quantity,) = find_quantities(text, "en")
    assert text[quantity.start : quantity.end] == "nearly 250 days" == quantity.text
    assert (quantity.value, quantity.unit, quantity.qualifier) == (250, "day", "nearly")
    assert quantity.amount == ("day", Fraction(250))
    (half,) = find_quantities("three and a half years", "en")
    assert half.value == Fraction(7, 2) and half.amount == ("month", Fraction(42))
    assert isinstance(find_quantities("5", "en")[0].value, int)


@pytest.mark.parametrize(
    ("text", "locale"),
    [("about 5 years", "en"), ("one of them", "en"), ("(3)", "en"), ("至少三个月", "zh_Hans")],
)
def test_quantities_made_the_quick_way_are_quantities(text: str, locale: str) -> None:
    """The reader fills a Quantity's fields at once; the object is what Quantity() makes."""
    (quick,) = find_quantities(text, locale)
    made = Quantity(**vars(quick))
    assert quick == made and repr(quick) == repr(made) and hash(quick) == hash(made)
    assert vars(quick) == vars(made) and list(vars(quick)) == list(vars(made))


def test_shown_quotes_words() -> None:
    (quantity,) = find_quantities("three years and six months", "en")
    assert quantity.shown() == '"three years and six months" (42 months)'
    (chinese,) = find_quantities("三年五个月", "zh_Hans")
    assert chinese.shown() == "三年五个月 (41 months)"


def test_no_number_is_quick() -> None:
    """A text with no digit, number word or numeral is answered without any reading."""
    assert find_quantities("Release them immediately and unconditionally.", "en") == []
    assert find_quantities("立即无条件释放他们。", "zh_Hans") == []


def test_results_are_cached_and_not_shared() -> None:
    first = find_quantities("5 years", "en")
    first.append(Quantity(0, 0, "", 0))
    assert len(find_quantities("5 years", "en")) == 1


# Numerals read without cn2an (numerals_zh._quick), each as cn2an reads it.
QUICK = [
    *"零〇一二两兩三四五六七八九十",
    *("十六", "二十", "十二", "三十二", "两百", "三百", "四十", "十亿", "兩萬", "二〇二一", "两千"),
    *("一千零一十", "十万零一十", "一万零五百", "两十", "二十两", "十两", "三千亿", "九千九百九十九"),
    *("一百零一", "一千一百", "九九", "零零", "〇一", "五万", "九千万", "一亿"),
]
# Numerals left to cn2an: no usual form (a scale alone, "一万二" for 12000, a decimal).
SLOW = ["千", "一万二", "三点五", "两千三", "一千〇十", "十万亿", "一亿零五万", "一百十"]


@pytest.mark.parametrize("numeral", QUICK)
def test_quick_numerals_read_as_cn2an(numeral: str) -> None:
    cn2an = pytest.importorskip("cn2an")
    plain = numeral.translate(numerals_zh._SIMPLIFIED)
    assert numerals_zh._quick(plain) == cn2an.cn2an(plain, "smart")


@pytest.mark.parametrize("numeral", SLOW)
def test_other_numerals_left_to_cn2an(numeral: str) -> None:
    cn2an = pytest.importorskip("cn2an")
    plain = numeral.translate(numerals_zh._SIMPLIFIED)
    assert numerals_zh._quick(plain) is None
    try:
        expected: object = number(Fraction(str(cn2an.cn2an(plain, "smart"))))
    except ValueError:
        expected = None
    assert numerals_zh._convert(numeral) == expected


def test_quick_agrees_with_cn2an() -> None:
    """Every numeral of up to three characters read quickly, and the usual forms of a range."""
    cn2an = pytest.importorskip("cn2an")
    alphabet = "零〇一二两三四五六七八九十百千万亿"
    short = ["".join(chars) for size in (1, 2, 3) for chars in product(alphabet, repeat=size)]
    values = [*range(1, 12000), *(k * 10**4 + 7 for k in range(1, 10**4, 97)), 3 * 10**11]
    for numeral in short + [numerals_zh._written(value) or "" for value in values]:
        quick = numerals_zh._quick(numeral)
        if quick is not None:
            assert quick == cn2an.cn2an(numeral, "smart"), numeral
    # A scale with no digit is refused without asking cn2an, which refuses it too.
    for size in (1, 2, 3, 4):
        for chars in product(numerals_zh._SCALES_ONLY, repeat=size):
            assert numerals_zh._convert("".join(chars)) is None
            with pytest.raises(ValueError):
                cn2an.cn2an("".join(chars), "smart")
