# ruff: noqa: RUF001  (Chinese qualifiers and measure words are the data here)
"""What English and Chinese write around a number: units, qualifiers, the joins of durations."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

from toolkit.semantic import numerals_en, numerals_zh
from toolkit.semantic.numerals import Numeral, has_digit, words


def _anywhere(head: str) -> bool:
    return True


def _digits_only(text: str) -> tuple[bool, bool]:
    return has_digit(text), False


@dataclass(frozen=True)
class Grammar:
    """What a language writes around its numbers; the language facts live in its tables."""

    words: Callable[[str], list[Numeral]] | None  # the reader of a text ``hint`` passed
    scale: re.Pattern[str] | None  # after digits: "3.5 million", 3.5万
    scales: Mapping[str, int]
    unit: re.Pattern[str] | None  # groups named by unit; "half*", "more*" groups
    before: re.Pattern[str] | None  # qualifiers before, groups named by qualifier
    after: re.Pattern[str] | None
    join: re.Pattern[str]  # between two parts of one duration ("and", 零)
    ordinal_before: re.Pattern[str] | None = None  # 第
    date_after: re.Pattern[str] | None = None  # 9月, 19日: part of a date
    window: int = 32
    hint: Callable[[str], bool] | None = None  # whether a text may have a number in words
    # The quick test of the text before a number (``window`` long): False when ``before``
    # cannot match there, which it would find out much more slowly.
    may_qualify: Callable[[str], bool] = _anywhere
    # The quick test of ``unit`` at the end of a number (masked, end): False where no unit
    # can follow, which the expression would find out more slowly.
    unit_next: Callable[[str, int], bool] | None = None
    # What every match of ``after`` starts with (matched where it would be): the quick test.
    after_hint: re.Pattern[str] | None = None
    # (has_digit(text), whether ``hint`` says yes): both asked of every text to read, which a
    # language may answer at once (an ASCII text cut once).
    readable: Callable[[str], tuple[bool, bool]] = _digits_only

    @cached_property
    def unit_names(self) -> tuple[str | None, ...]:
        """The name of each group of ``unit`` in order ("half_" is "half"; None unnamed), to
        read a match's groups() by: a tuple the reader remembers, where groupdict() makes a
        dictionary at each number."""
        names: list[str | None] = [None] * (self.unit.groups if self.unit else 0)
        for name, index in (self.unit.groupindex if self.unit else {}).items():
            names[index - 1] = name.rstrip("_")
        return tuple(names)


# The last word (or sign) of each English qualifier before a number, and of the article or
# "every" that may follow it; ≤, ≥ and ≈ are not ASCII, and a head that is not is searched.
_ENDINGS = (
    "nearly", "almost", "to", "approaching", "near", "about", "approximately", "around",
    "roughly", "some", "circa", "c.", "ca.", "than", "over", "of", "above", "beyond", "exceed",
    "exceeds", "exceeding", "least", "min", "minimum", "most", "max", "maximum", "best", "as",
    "under", "below", "every", "each", "a", "an", "=", "<", ">", "~",
)  # fmt: skip


# The words one of which stands right before these last words of a qualifier ("close to",
# "up to", "limited to"; "upwards of", "in excess of", "minimum of"; "as many as"), which are
# common words elsewhere ("set to", "one of", "such as").
_WORD_BEFORE = {
    "to": ("close", "up", "limited"),
    "of": ("upwards", "excess", "min", "minimum", "max", "maximum"),
    "as": ("many", "much", "long"),
}
_NEEDING_WORD_BEFORE = tuple(_WORD_BEFORE)


def _may_qualify_english(head: str) -> bool:
    """Whether an English qualifier may end ``head``: it ends with one of _ENDINGS, and spaces
    (``$`` may also stand before a last newline: such a head is searched); ending with "to",
    "of" or "as", that word stands alone (not "into", "has") after one of _WORD_BEFORE."""
    if not head.isascii() or head.endswith("\n"):
        return True
    tail = head.rstrip(" \t").lower()
    if not tail.endswith(_ENDINGS):
        return False
    if not tail.endswith(_NEEDING_WORD_BEFORE):
        return True
    words = tail.rsplit(None, 2)
    before = _WORD_BEFORE.get(words[-1])
    return before is not None and len(words) > 1 and words[-2].endswith(before)


# The first two letters of each English unit (lowered), "per cent" and "working days"
# included: a unit added to ``unit`` is added here.
_UNIT_OPENINGS = frozenset(words("ye yr mo we wo da ho hr mi se pe in ng or ti an fo"))
_UNIT_AHEAD = 12  # how far the quick test looks past the number


def _unit_next_english(masked: str, end: int) -> bool:
    """Whether an English unit may follow ``end``: "%" after any spaces, or a unit's first two
    letters after spaces or a hyphen ("5 days", "5-year")."""
    ahead = masked[end : end + _UNIT_AHEAD]
    if ahead.startswith("-"):
        opening = ahead[1:3]
    else:
        spaced = ahead.lstrip(" \t")
        if spaced.startswith("%"):
            return True
        if len(spaced) == len(ahead):
            return False  # a word needs a space or hyphen before it
        opening = spaced[:2]
    if len(opening) < 2:
        return len(ahead) == _UNIT_AHEAD  # cut by the window, not by the end of the text
    # re.IGNORECASE takes a few other letters for ASCII ones (the long s): those are searched.
    return not opening.isascii() or opening.lower() in _UNIT_OPENINGS


_ENGLISH = Grammar(
    words=numerals_en.read,
    scale=numerals_en.SCALE_AFTER_DIGITS,
    scales=numerals_en.SCALES,
    unit=re.compile(
        r"(?:[ \t]*(?P<percent>%)|[ \t]+(?P<percent_>per[ \t]*cent)\b|(?:[ \t]+|-)(?:"
        r"(?P<age>years?[ \t-]+old)|(?P<year>years?|yrs?)|(?P<month>months?)|(?P<week>weeks?)"
        r"|(?P<day>(?:working[ \t]+)?days?)|(?P<hour>hours?|hrs?)|(?P<minute>minutes?|mins?)"
        r"|(?P<second>seconds?|secs?)|(?P<person>people|persons|individuals)"
        r"|(?P<organisation>NGOs?|organi[sz]ations?)|(?P<times>times)"
        r"|(?P<anniversary>anniversary|anniversaries)|(?P<fold>fold))\b)",
        re.IGNORECASE,
    ),
    # Opened by what its matches start with (a word's first letter, a sign, "cannot", "n't"):
    # the search tries its many words only there, not at every place of the window.
    before=re.compile(
        r"(?=\b[abcefghilmnorsu]|[<≤>≥~≈]|cannot|n't)(?:"
        r"(?:\b(?:(?P<nearly>nearly|almost|close[ \t]+to|approaching|near)"
        r"|(?P<about>about|approximately|around|roughly|some|circa|c\.|ca\.)"
        r"|(?P<more_than>(?:more|greater|larger|higher|longer|bigger|later)[ \t]+than|over"
        r"|upwards[ \t]+of|in[ \t]+excess[ \t]+of|above|beyond|(?<!not )exceed(?:s|ing)?)"
        r"|(?P<at_least>at[ \t]+least|no[ \t]+(?:fewer|less|shorter|smaller)[ \t]+than"
        r"|(?:a[ \t]+)?min(?:imum)?(?:[ \t]+of)?)"
        r"|(?P<at_most>(?<!-)up[ \t]+to|at[ \t]+most|not?[ \t]+(?:be[ \t]+)?(?:more|longer"
        r"|greater|larger|bigger)[ \t]+than|(?:a[ \t]+)?max(?:imum)?(?:[ \t]+of)?|limited[ \t]+to"
        r"|not[ \t]+(?:be[ \t]+)?(?:above|over)"
        r"|(?:not|never)[ \t]+exceed(?:ing)?|at[ \t]+best|as[ \t]+(?:many|much|long)[ \t]+as)"
        r"|(?P<less_than>(?:less|fewer|smaller|lower|shorter|earlier|older)[ \t]+than|under|below))"
        # What these end with is _ENDINGS: a qualifier added here is added there.
        r"[ \t]+(?:(?:every|each|an?)[ \t]+)?"
        r"|(?<![A-Za-z0-9_~<>=])(?:(?P<at_most_><=|≤)|(?P<at_least_>>=|≥)|(?P<less_than_><)"
        r"|(?P<more_than_>>)|(?P<about_>~|≈))"
        r"|(?P<at_most__>(?:cannot|n't)[ \t]+(?:be[ \t]+)?(?:more|longer|greater|larger|bigger)"
        r"[ \t]+than[ \t]+|n't[ \t]+exceed[ \t]+))[ \t]*$)",
        re.IGNORECASE,
    ),
    after=re.compile(
        r"[ \t-]+(?:or|and)[ \t-]+(?:(?P<at_least>more|later|newer|higher|above"
        r"|greater|after|up)|(?<=or )(?P<at_least__>many)"
        r"|(?P<at_most>less|fewer|earlier|lower|below|older|before|prior))\b(?![ \t]+than)"
        r"|[ \t]+or[ \t]+so\b(?P<about>)"
        r"|(?P<at_least_>\+)(?![ \t]*[0-9])",
        re.IGNORECASE,
    ),
    join=re.compile(r"[ \t]*(?:,[ \t]*)?(?:and[ \t]+)?", re.IGNORECASE),
    hint=numerals_en.has_words,
    readable=numerals_en.HINT.digit_and_found,
    may_qualify=_may_qualify_english,
    unit_next=_unit_next_english,
)

# 多 after a number is "more than" before a measure word or unit (二十多个, 三年多), not in
# 多项集 "multiset"; after 个 only before a unit of time (五个多月).
_MORE = "多(?=[个個年天名位人次家岁歲周週万萬倍种種项項]|$|[^\u4e00-\u9fff])|余|餘"
_MORE_TIME = "多(?=[月小星礼禮钟鐘])|余(?=[月小])|餘(?=[月小])"
_NUMERAL_CHARS = "零〇一二两兩三四五六七八九十百千万萬亿億0-9"
# What every Chinese qualifier before a number has (near, about, at least, more than, ...):
# a sign or one of these words. A qualifier added to ``before`` is added here.
_QUALIFIER_WORDS = re.compile(
    "[近约約逾<≤>≥~≈]|将近|將近|几乎|幾乎|差不多|大[约約概于於]|至[少多]|起[码碼]|[下上]限"
    "|最[少多高长長大小低]|不[少小低短大多高长長到足应應能可得会會超]|小[于於]|[高多长長][达達于於]"
    "|限[制定在于於为為]|超[过過出]|[晚少低短早][于於]"
)
# The characters those qualifiers start with (a search for them skips ahead).
_QUALIFIER_CHARACTERS = re.compile(
    "[近约約逾<≤>≥~≈将將接几幾差大至起下上最不小高多长長限超晚少低短早]"
)


# The first characters of the Chinese ``unit``'s words (more, measure, half, each unit): one
# added there is added here.
_UNIT_STARTS = frozenset(
    "多余餘几幾个個半周週岁歲年月星礼禮天工小钟鐘分秒家非组組团團机機N人名次遍%倍进進"
)


def _unit_next_chinese(masked: str, end: int) -> bool:
    """Whether a Chinese unit may follow ``end``: one of its first characters, after at most
    one space or tab."""
    following = masked[end : end + 1]
    if following in (" ", "\t"):
        following = masked[end + 1 : end + 2]
    return following in _UNIT_STARTS


def _may_qualify_chinese(head: str) -> bool:
    # The characters first: the words' search tries every place of the head.
    return bool(_QUALIFIER_CHARACTERS.search(head) and _QUALIFIER_WORDS.search(head))


_CHINESE = Grammar(
    words=numerals_zh.read,
    scale=numerals_zh.SCALE_AFTER_DIGITS,
    scales=numerals_zh.SCALES,
    # A measure word 个 comes between a number and most units (三个月, 32个非政府组织); 多 or
    # 余 before or after it is "more than" (二十多个, 五个多月), 半 "and a half" (两个半月,
    # 三年半). 月 without 个 is a month's name (三月 = March): a date, not three months.
    unit=re.compile(
        f"[ \t]?(?P<more>{_MORE}|几|幾)?(?P<measure>[个個])?(?P<more_>{_MORE_TIME})?(?P<half>半)?"
        "(?:(?P<anniversary>周年|週年)|(?P<age>周岁|週歲|岁|歲)|(?P<year>年(?![代级級度]))"
        "|(?P<month>(?<=[个個半多余餘])月)|(?P<week>星期|礼拜|禮拜|周(?!年)|週(?!年))"
        "|(?P<day>天|工作日)|(?P<hour>小时|小時|钟头|鐘頭)|(?P<minute>分钟|分鐘)|(?P<second>秒)"
        "|(?P<organisation>家|非政府组织|非政府組織|组织|組織|团体|團體|机构|機構|NGO)"
        "|(?P<person>人|名(?![称稱字义義单單为為]))|(?P<times>次|遍)|(?P<percent>%)|(?P<fold>倍)"
        "|(?P<base>进制|進制|进位|進位))?(?P<half_>半)?"
    ),
    # 至少, 最多 and the like stand before the verb: 至少将返回一个 "will return at least one",
    # 最多可以同时锁定两个 "can lock at most two"; a one-character 近 or 约 only right before the
    # number (约为 "is about").
    before=re.compile(
        # Opened by the characters its matches start with (_QUALIFIER_CHARACTERS' own).
        f"(?={_QUALIFIER_CHARACTERS.pattern})(?:"
        "(?:(?P<nearly>将近|將近|接近|几乎|幾乎|差不多|(?<![最附邻鄰靠])近)"
        "|(?P<about>大约|大約|大概|(?<![条條签簽公合预預邀契节節])[约約](?:为|為|有|是)?)"
        # 不大于 "not more than" is "at most", not 大于 "more than".
        "|(?P<at_least>至少|最少|不[少小低短][于於]|起码|起碼|大于或?等于|大於或?等於)"
        "|(?P<at_most>最多|至多|不[应應能可得会會]?超[过過]|不[大多高长長][于於]|最[高长長大]值?"
        "|小于或?等于|小於或?等於"
        "|[高多长長][达達]|限[制定]?[在于於为為])"
        "|(?P<more_than>超过|超過|超出|逾|多于|多於|大于|大於|高于|高於|长于|長於|晚于|晚於)"
        "|(?P<less_than>不到|少于|少於|不足|小于|小於|低于|低於|短于|短於|早于|早於)"
        "|(?<![A-Za-z0-9_~<>=])(?:(?P<at_most_><=|≤)|(?P<at_least_>>=|≥)|(?P<less_than_><)"
        "|(?P<more_than_>>)|(?P<about_>~|≈)))"
        # 早于 Python 3.12 "older than Python 3.12": a product's name may come between.
        "(?:[ \t]*[A-Za-z][\\w.+-]*)?[ \t]*$"
        # 至少 is an adverb wherever it stands: 至少发生在最终发行版本的两周前.
        f"|(?P<at_least____>至少|起码|起碼)[^，。；：\n{_NUMERAL_CHARS}]{{1,14}}$"
        "|(?:(?P<at_least__>至少|最少|起码|起碼)|(?P<at_most__>最多|至多|不超过|不超過|最[高大长長])"
        "|(?P<about__>大约|大約|大概)|(?P<nearly__>差不多|几乎|幾乎|将近|將近))"
        f"(?:(?![{_NUMERAL_CHARS}的之])[\u4e00-\u9fff]){{1,10}}[ \t]*$"
        # 超过序列长度的 1% "more than 1% of the sequence": the whole comes first.
        "|(?:(?P<more_than__>超过|超過|超出)|(?P<about___>大约|大約|约|約)"
        "|(?P<at_most____>最多|不超过|不超過))"
        f"[^，。；：\n{_NUMERAL_CHARS}]{{1,14}}的[ \t]*$"
        # 这大约能把下载大小从 250MB 减少到 70MB: 大约 goes for its whole clause.
        "|(?P<about____>大约|大約|大概)[^，。；：\n]{0,24}$"
        # 最小 max-pack-size 为 1 "the minimum max-pack-size is 1", 将限制设为 640.
        "|(?:(?P<at_least___>最小|最低|下限)|(?P<at_most___>最大|最高|上限|限制|限定))"
        "[^，。；：\n]{0,20}?[为為是][ \t]*$)"
    ),
    # 以上 "and above"; 或更多 "or more", 及更高版本 "and later", 及更旧 "and older".
    after=re.compile(
        # A measure word may come first: 两种以上 "more than two kinds".
        "[ \t]*(?:[种種项項件条條类類版位][ \t]*)?(?:"
        "(?P<more_than>多(?![么麼少样樣种種数數元项項个個名位])|余|餘|出头|出頭)|(?P<about>左右|上下)"
        "|(?P<at_most>[ \t]*(?:以下|以内|以內|之内|之內|[个個]?的?(?:上限|最大值|最高值)))"
        "|(?P<at_least____>[个個]?的?(?:下限|最小值|最低值))"
        "|(?P<at_least>[ \t]*(?:或者?|及|和)[ \t]*(?:以上|更多|更高|更新|更晚|更大"
        "|多[个個次项項种種位]?)"
        "|[ \t]*以上|\\+(?![ \t]*[0-9]))"
        "|(?P<at_least_>[ \t]*[或及和][ \t]*(?:之后|之後|以后|以後)(?=的?[版发發]))"
        "|(?P<less_than>[ \t]*(?:之前|以前)(?=的?[^，。；\n]{0,20}?[版发發]))"
        "|(?P<more_than_>[ \t]*(?:之后|之後|以后|以後)(?=的?[^，。；\n]{0,20}?[版发發]))"
        "|(?P<at_most_>[ \t]*[或及和][ \t]*(?:之前|以前|更早|以下|更低|更少|更小|更?[旧舊老]))"
        # 版本 2 協定或更高 "protocol version 2 or later": a short noun may come between.
        "|(?P<at_least__>[ \t]*[\u4e00-\u9fff]{1,4}[ \t]*(?:或者?|及)[ \t]*(?:更高|更新|以上|更晚))"
        # 0到任意次 "0 or more times".
        "|(?P<at_least___>[ \t]*[到至][ \t]*(?:任意|无限|無限)))"
    ),
    join=re.compile("[ \t]*[零又]?[ \t]*"),
    ordinal_before=re.compile("第[ \t]*$"),
    # 日 of 日期 "date", 日本 "Japan", 日志 "log", 日常 "daily" is no day of a month.
    date_after=re.compile("[ \t]?(?:月|日(?![期本志誌常历曆记記程元报報子]))"),
    window=28,
    hint=numerals_zh.has_numerals,
    readable=numerals_zh.readable,
    may_qualify=_may_qualify_chinese,
    # The words each qualifier after a number starts with, or 或/及 after a short noun (版本 2
    # 協定或更高): one added to ``after`` is added here.
    after_hint=re.compile(
        "[ \t]*(?:[种種项項件条條类類版位][ \t]*)?"
        "(?:[多余餘出左上以之个個的下最或及和+到至]|[\u4e00-\u9fff]{1,4}[ \t]*[或及])"
    ),
    unit_next=_unit_next_chinese,
)
# "over", "about", "up to" are prepositions after a verb of motion, thought or counting and
# after some nouns ("iterated over once", "a wrapper around two widgets", "emails about 404
# errors", "rounded up to 88"), qualifiers elsewhere ("held for over 100 days").
_PREPOSITION = re.compile(r"(?:over|under|above|below|around|about|up)\b", re.IGNORECASE)
_NOT_QUALIFYING = re.compile(
    r"(?:\)|\b(?:iterat\w*|loop\w*|run\w*|ran|go|goes|going|gone|went|pass\w*|step\w*|mov\w*"
    r"|hover\w*|sum\w*|spread\w*|distribut\w*|repeat\w*|jump\w*|wrap\w*"
    r"|buil[dt]\w*|cent(?:er|r)e?d|turn\w*|flip\w*|slid\w*|scroll\w*|travers\w*|walk\w*|map\w*"
    r"|click\w*|talk\w*|know\w*|think\w*|learn\w*|read\w*|writ\w*|care\w*|worr\w*"
    r"|revolv\w*|work\w*|split\w*|round\w*|count\w*|set\w*|complain\w*|ask\w*|information|emails?|errors?"
    r"|warnings?|questions?|details|notes?|messages?|concerns?|concerned|news|stor(?:y|ies)"
    r"|articles?|reports?|docs?|documentation|something|anything|nothing|everything|more"
    r"|the|these|those|this)|\bfrom[ \t]+\S+)"
    r"[ \t]*$",
    re.IGNORECASE,
)


DIGITS_ONLY = Grammar(None, None, {}, None, None, None, re.compile(r"[ \t]*"))


@lru_cache(maxsize=64)
def grammar(locale: str) -> Grammar:
    """The grammar of a locale's language; digits only for a language without tables."""
    language = locale.replace("-", "_").split("_")[0].lower()
    return {"en": _ENGLISH, "zh": _CHINESE}.get(language, DIGITS_ONLY)


DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_COMPARATIVE = re.compile("than|[大小高低多少长長短早晚][于於]|[<>≤≥]", re.IGNORECASE)
_COMPARED = re.compile(
    r"(?:[0-9]%?|\b(?:times|percent|fold))[ \t]*(?:(?:is|are|was|were|be)[ \t]+)?$", re.IGNORECASE
)
_LASTING = re.compile(
    r"(?:^|[^\w\s]|\b(?:for|of|been|is|was|are|were|took|takes?|lasted|lasts?|spent|spend"
    r"|after|in|within|than|and|or|just|well|now|already))[ \t]*$",
    re.IGNORECASE,
)


def qualifies(masked: str, before: re.Match[str], end: int, unit: str | None) -> bool:
    """Whether an English preposition before a number is a qualifier here, not a preposition.

    A number with a possessive is a name ("the recommendations about 754's special values");
    "under" bounds a measure ("under 5 minutes"), not a count ("under two names").
    "over" before a duration is "during" after a noun ("improvements over two years") and
    "more than" after a verb of lasting or a function word ("detained for over five months").
    """
    preceding = masked[max(0, before.start() - 16) : before.start()]
    if before.group().lower().startswith("some") and masked.startswith("-", end):
        return False  # "some 64-bit systems": a determiner before an adjective
    if _COMPARATIVE.search(before.group()) and _COMPARED.search(preceding):
        return False  # "20% higher than 3.10", "3 is less than 5": a comparison, not a bound
    if not _PREPOSITION.match(before.group()):
        return True
    word = before.group().lower()
    if word.startswith(("under", "below")) and unit is None:
        return False  # "under two names": a preposition; "under 5 minutes": a bound
    if unit in DURATION_UNITS and word.startswith("over"):
        return bool(_LASTING.search(preceding))
    return not (_NOT_QUALIFYING.search(preceding) or masked.startswith(("'s", "’s"), end))
