# ruff: noqa: RUF001, RUF003  (Chinese numerals and full-width signs are the data here)
"""Chinese numerals (Simplified and Traditional), with the words where they count nothing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from fractions import Fraction
from functools import lru_cache

from toolkit.semantic.numerals import (
    Number,
    Numeral,
    branches,
    has_any,
    has_digit,
    initials,
    number,
    words,
)

_DIGIT = "零〇一二两兩三四五六七八九"
_NUMERAL = _DIGIT + "十百千万萬亿億"
_VALUE = {char: index for index, char in enumerate("零一二三四五六七八九")} | {
    "〇": 0, "两": 2, "兩": 2,
}  # fmt: skip
_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}

# Words written with numeral characters that count nothing: 一切 "all", 一起 "together", 十分
# "very", 千万 "by all means", 万一 "in case", 再三 "repeatedly", 四处 "everywhere", 百姓
# "the people", 之一 "one of"; 一元/二元/三元 "unary/binary/ternary"; set phrases; places
# and groups named with a numeral (四川, 九龙, 七国集团 "G7"); 张三/李四, the "John Doe" of
# Chinese. 一 of an idiom is harmless (a lone 一 is only "a"), but cn2an would
# read 一切 as 1切: they are masked before numerals are read.
_NOT_NUMBERS = words(
    """
一切 一起 一样 一樣 一些 一直 统一 統一 唯一 一般 一旦 一定 一致 一律 一边
一邊 一面 一方面 万一 萬一 一同 一并 一併 进一步 進一步 一概 一度 一时 一時
一下 一点 一點 一会 一會 一再 再三 三思 四处 四處 十分 百姓 千方百计
千方百計 五花八门 五花八門 乱七八糟 亂七八糟 一五一十 九死一生 独一无二 獨一無二
一模一样 一模一樣 数一数二 數一數二 一系列 一番 一心 一向 一贯 一貫 一道 一齐
一齊 一如 一味 一身 一带一路 一帶一路 一刀切 不一 第一时间 第一時間 一无所知
一無所知 一目了然 一览 一覽 一一 万维网 萬維網 一手 一体 一體 一键 一鍵 一揽子
一攬子 八卦 万物 萬物 万岁 萬歲 四舍五入 四捨五入 七嘴八舌 三番五次 三心二意
一言一行 一举一动 一舉一動 半天劲 半天勁 三目 二选一 二選一 四舍六入五成双
四捨六入五成雙 万无一失 萬無一失 一心一意 十全十美 百分百 千千万万 千千萬萬 四面八方
五湖四海 一模 一对一 一對一 两两 兩兩 一概而论 一概而論 一口气 一口氣 一无 一無
一字一句 一草一木 一日千里 一手包办 一手包辦 四川 九龙 九龍 三亚 三亞 三峡 三峽
十堰 九江 五台山 六安 万州 萬州 三明 四平 八达岭 八達嶺 七台河 九寨沟 九寨溝
十三陵 五角大楼 五角大樓 七国集团 七國集團 八国集团 八國集團 二十国集团 二十國集團
三K党 三K黨 张三 張三 李四 王五 赵六 趙六
"""
)
_IDIOMS = re.compile(
    # Alternatives that each open with a character (a lookbehind comes after the character it
    # looks behind), and no group around them: the search scans for those characters.
    "|".join(
        [
            *branches(_NOT_NUMBERS),
            # 万分 "extremely" (万分感谢), but 万分之三 is three ten-thousandths.
            "[万萬]分(?!之)",
            # 千万 "by all means" unless it multiplies a number (三千万 is thirty million).
            f"千(?<![{_NUMERAL}0-9]千)[万萬](?![{_NUMERAL}])",
            # 一元, 二元, 三元 "unary, binary, ternary", but 二元组 is a 2-tuple.
            *(f"{digit}元(?!元?[组組])" for digit in "一二三"),
            # 之一 "one of", but not in 三分之一 "a third".
            "之(?<!分之)一",
            # 周一, 星期三, 礼拜五: days of the week; 初五: a day of a lunar month.
            *(f"{week}[一二三四五六日天](?![年十])" for week in ("星期", "礼拜", "禮拜", *"周週")),
            "初[一二三四五六七八九十]",
            # 四周 "all around", unless weeks are meant (四周后 "four weeks later").
            "四[周週](?![后後内內前以之])",
        ]
    )
)
# A single numeral after a surname and before no measure word is a name (张三, 王五).
_SURNAMES = frozenset(
    "张張李王赵趙刘劉陈陳杨楊黄黃周吴吳徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧"
    "曹彭曾肖蕭田董袁潘蒋蔣蔡杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋"
)
_MEASURE_NEXT = re.compile(f"[{_NUMERAL}个個名位年月日天人次岁歲周週倍%％点點分]")
_RUN = re.compile(f"[{_NUMERAL}][{_NUMERAL}]*(?:[点點][{_DIGIT}]+)?")  # [..]+ scans slower
# 百分之三十 is 30%, 三分之一 a third, 千分之五 five thousandths (0.5%).
_PERCENT = re.compile(f"百分之(?P<n>[{_NUMERAL}]+(?:[点點][{_DIGIT}]+)?|[0-9]+(?:\\.[0-9]+)?)")
_FRACTION = re.compile(f"(?P<d>[{_NUMERAL}]+|[0-9]+)分之(?P<n>[{_NUMERAL}]+|[0-9]+)")
# 数十 "dozens of", 几百 "hundreds of", 上千 "over a thousand", 数十万 "hundreds of
# thousands"; not 数 ending another word (参数十, 函数十).
_VAGUE = re.compile(
    initials("成数數几幾上")  # what its matches start with: the search skips to them
    + "(?:成千上[万萬]|成百上千|[数數]以(?P<scale_>[十百千万萬亿億]+)计"
    "|(?:(?<![参參函变變常整系总總指基倍位多少分个個次级級])[数數]|[几幾]|(?<![以之在向])上)"
    "(?P<scale>[十百千万萬亿億]+))"
)
# 一两个 "one or two", 三四十 "thirty or forty": two digits in a row, each a number.
_OR_NEXT = re.compile(
    "(?P<a>[一两兩二三四五六七八])(?P<b>[两兩二三四五六七八九])(?P<s>[十百千万萬]?)"
)
# 半年 "half a year", 半个月 "half a month"; 一半 "half" (of something) is as weak as "half".
_HALF = re.compile(
    f"半(?<![{_NUMERAL}0-9多个個]半)(?=[个個]?(?:年|月|小时|小時|天|周|週|星期|钟头|鐘頭|分钟|分鐘))"
)
_A_HALF = re.compile("一半|半数|半數")
# Words that hold a number without always counting: 一对 "a pair", 双 "double, two-", 单
# "single", 二进制 "binary" (base 2), 十六进制 "hex", 三维 "3-D". They may answer a number of
# the other text ("two-tuple" = 双元组, "base 10" = 十进制) and are never required.
_WEAK = {"一对": 2, "一對": 2, "双": 2, "雙": 2, "二进制": 2, "二進制": 2,
         "八进制": 8, "八進制": 8, "十进制": 10, "十進制": 10, "十六进制": 16, "十六進制": 16,
         "一维": 1, "一維": 1, "二维": 2, "二維": 2, "三维": 3, "三維": 3}  # fmt: skip
_WEAK_WORD = re.compile(
    "|".join(  # alternatives that each open with a character, as _IDIOMS
        [
            *branches(_WEAK),
            # 单 "single" (单个, 单字符, 单线程), not the 单 of 表单 "form", 菜单 "menu", 简单
            # "simple".
            *(
                f"{single}(?<![表菜清订訂简簡名账賬帐帳传傳孤落保床]{single})"
                "(?=[个個一字次线線行精参參元])"
                for single in "单單"
            ),
        ]
    )
)
SCALE_AFTER_DIGITS = re.compile("[ \t]*(?P<scale>[百千万萬亿億]+)")
# What every number in Chinese words has, but a fraction in figures (3分之1): without one of
# these characters, nothing to read.
HINT = re.compile("[零〇一二两兩三四五六七八九十百千万萬亿億半双雙单單]")
SCALES = _SCALE
_FIGURE = re.compile("[0-9]")  # has_digit's search, for a text that is not ASCII


def has_numerals(text: str) -> bool:
    """Whether ``text`` may have a number in Chinese numerals (or a fraction in figures)."""
    return HINT.search(text) is not None or "分之" in text


def readable(text: str) -> tuple[bool, bool]:
    """(``has_digit(text)``, ``has_numerals(text)``): an ASCII text has no Chinese numeral."""
    if text.isascii():
        return has_digit(text), False
    return _FIGURE.search(text) is not None, HINT.search(text) is not None or "分之" in text


def numerals(text: str) -> list[Numeral]:
    """The numbers written in Chinese numerals in ``text``, each with its span."""
    return read(text) if has_numerals(text) else []


def read(text: str) -> list[Numeral]:
    """``numerals`` of a text ``has_numerals`` said yes to (the caller asked already)."""
    work = _IDIOMS.sub(_blank, text)
    found: list[Numeral] = []
    for scan, needs in _SCANS:
        if needs and not has_any(work, needs):
            continue
        new = list(scan(work))
        found.extend(new)
        for item in new:
            work = work[: item.start] + "\0" * (item.end - item.start) + work[item.end :]
    return found


def _blank(match: re.Match[str]) -> str:
    return "\0" * len(match.group())


def _weak(text: str) -> Iterator[Numeral]:
    for match in _WEAK_WORD.finditer(text):
        yield Numeral(match.start(), match.end(), _WEAK.get(match.group(), 1), weak=True)


def _percents(text: str) -> Iterator[Numeral]:
    for match in _PERCENT.finditer(text):
        value = _convert(match.group("n"))
        if value is not None:
            yield Numeral(match.start(), match.end(), value, unit="percent")


def _fractions(text: str) -> Iterator[Numeral]:
    for match in _FRACTION.finditer(text):
        if match.group("d") == "百":
            continue
        # A scale alone is its value here (千分之五), though cn2an reads no bare 千.
        written = match.group("d")
        denominator = _SCALE.get(written) or _convert(written)
        numerator = _convert(match.group("n"))
        if denominator and numerator is not None:
            yield Numeral(match.start(), match.end(), number(Fraction(numerator) / denominator))


def _vague(text: str) -> Iterator[Numeral]:
    for match in _VAGUE.finditer(text):
        scale = (
            match.group("scale")
            or match.group("scale_")
            or ("千" if "万" in match.group() else "百")
        )
        value = 1
        for char in scale:
            value *= _SCALE[char]
        yield Numeral(match.start(), match.end(), value, vague=True)


def _halves(text: str) -> Iterator[Numeral]:
    for match in _A_HALF.finditer(text):
        yield Numeral(match.start(), match.end(), Fraction(1, 2), weak=True)
    for match in _HALF.finditer(text):
        yield Numeral(match.start(), match.end(), Fraction(1, 2))


def _pairs(text: str) -> Iterator[Numeral]:
    for match in _OR_NEXT.finditer(text):
        a, b = _VALUE[match.group("a")], _VALUE[match.group("b")]
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if b != a + 1 or (before and before in _NUMERAL) or (after and after in _NUMERAL):
            continue
        scale = _SCALE.get(match.group("s"), 1)
        yield Numeral(match.start(), match.start() + 1, a * scale, weak=a * scale == 1)
        yield Numeral(match.start() + 1, match.end(), b * scale)


def _runs(text: str) -> Iterator[Numeral]:
    for match in _RUN.finditer(text):
        start, run = match.start(), match.group()
        # 零 joins two amounts (三年零六个月); it is zero only on its own.
        while len(run) > 1 and run[0] in "零〇":
            start, run = start + 1, run[1:]
        named = len(run) == 1 and run in "一二三四五六七八九" and start > 0
        if named and text[start - 1] in _SURNAMES and not _MEASURE_NEXT.match(text, start + 1):
            continue
        if run in _SCALE:
            # A scale on its own (千秒 "thousands of seconds", 百分比): a round number at most.
            yield Numeral(start, match.end(), _SCALE[run], weak=True)
            continue
        value = _convert(run)
        if value is not None:
            yield Numeral(start, match.end(), value, weak=value == 1)


# Each scan with the characters it needs (none: always run), the rarest that every match
# has: a weak word has 对, 双, 进 (进制), 维 or 单, never 一 alone; an order of magnitude a
# scale (数十, 成千上万); two numbers in a row a second digit from 二 to 九 (一两个).
_SCANS: tuple[tuple[Callable[[str], Iterator[Numeral]], tuple[str, ...]], ...] = (
    (_weak, tuple("对對双雙进進维維单單")),
    (_percents, ("百分之",)),
    (_fractions, ("分之",)),
    (_vague, tuple("十百千万萬亿億")),
    (_halves, ("半",)),
    (_pairs, tuple("二两兩三四五六七八九")),
    (_runs, ()),
)


@lru_cache(maxsize=4096)
def _convert(numeral: str) -> Number | None:
    """The value of a Chinese numeral or digits (三十五, 两千, 二〇二一, 3.5), or None."""
    if numeral[0].isdigit():
        return number(Fraction(numeral))
    plain = numeral.translate(_SIMPLIFIED)
    if not plain.strip(_SCALES_ONLY):
        return None  # a scale with no digit (the 千 of 千分之一): cn2an refuses it too
    quick = _quick(plain)
    if quick is not None:
        return quick
    import cn2an  # type: ignore[import-untyped]  # loaded on first use: ~0.1 s to import

    try:
        value = cn2an.cn2an(plain, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return number(Fraction(str(value)))


_SIMPLIFIED = str.maketrans("兩萬億點", "两万亿点")
_SCALES_ONLY = "百千万亿"
# cn2an reads 两 as 二 and 〇 as 零 (its own tables); the usual forms are written with these.
_USUAL = str.maketrans("两〇", "二零")
_DIGIT_NAMES = "零一二三四五六七八九"
_DIGIT_VALUES = {char: index for index, char in enumerate(_DIGIT_NAMES)}
_SECTION_UNITS = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
_UNIT_VALUES = {"十": 10, "百": 100, "千": 1000}


def _quick(numeral: str) -> int | None:
    """The value cn2an gives a common numeral, without cn2an (~0.1 s to load and set up): digits
    read one by one (二〇二一, 两), or a whole number written the usual way (三十五, 两千,
    一万零五百, 十亿). None for any other, which cn2an reads."""
    usual = numeral.translate(_USUAL)
    if all(char in _DIGIT_VALUES for char in usual):
        return int("".join(str(_DIGIT_VALUES[char]) for char in usual))
    value = _units_value(usual)
    return value if value and _written(value) == usual else None


def _units_value(numeral: str) -> int | None:
    """The value of digits and units (三千零五十, 十万); _written says if the form is usual."""
    total, section, digit = 0, 0, 0
    for char in numeral:
        if char in _DIGIT_VALUES:
            digit = _DIGIT_VALUES[char]
        elif char in _UNIT_VALUES:
            section, digit = section + (digit or 1) * _UNIT_VALUES[char], 0
        elif char == "万":
            total, section, digit = total + (section + digit) * 10**4, 0, 0
        elif char == "亿":
            total, section, digit = (total + section + digit) * 10**8, 0, 0
        else:
            return None
    return total + section + digit


def _written(value: int) -> str | None:
    """``value`` written the usual way, from 1 to 10^8 - 1 and whole hundred millions."""
    if value >= 10**8:
        high, low = divmod(value, 10**8)
        return _section(high, leading=True) + "亿" if not low and high < 10**4 else None
    high, low = divmod(value, 10**4)
    if not high:
        return _section(low, leading=True)
    text = _section(high, leading=True) + "万"
    if low:  # 一万零五百: a zero said for the missing thousands
        text += ("零" if low < 1000 else "") + _section(low, leading=False)
    return text


def _section(value: int, leading: bool) -> str:
    """1 to 9999: 三千零五十; 十五 leading, 一十五 after a higher unit."""
    text, gap = "", False
    for unit, name in _SECTION_UNITS:
        digit = value // unit % 10
        if not digit:
            gap = bool(text)  # one 零 for a run of missing units before a digit
            continue
        text += "零" if gap else ""
        gap = False
        one_ten = leading and not text and name == "十" and digit == 1
        text += ("" if one_ten else _DIGIT_NAMES[digit]) + name
    return text
