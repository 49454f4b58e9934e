# ruff: noqa: RUF001  (typographic apostrophes and hyphens separate romanised syllables)
"""Pinyin of Chinese names: readings with a surname table, syllables, and homophones."""

from __future__ import annotations

import importlib.util
import itertools
import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

# pypinyin reads a character as it reads in common words; as a surname some read otherwise
# (单 is Shan, not dan; 曾 is Zeng, not ceng). Both scripts, since names are written in either.
SURNAMES = {
    "单": "shan", "單": "shan",
    "曾": "zeng",
    "覃": "qin",
    "仇": "qiu",
    "区": "ou", "區": "ou",
    "解": "xie",
    "查": "zha",
    "朴": "piao",
    "盖": "ge", "蓋": "ge",
    "乐": "yue", "樂": "yue",
    "缪": "miao", "繆": "miao",
    "种": "chong", "種": "chong",
    "翟": "zhai",
    "员": "yun", "員": "yun",
    "召": "shao",
    "秘": "bi",
    "长": "chang", "長": "chang",
}  # fmt: skip

# Two-character surnames: where a name's surname ends (for "Nana Ouyang" order), and how the
# few that pypinyin misreads are read (尉迟 Yuchi, 万俟 Moqi, 单于 Chanyu).
COMPOUND_SURNAMES = {
    "尉迟": ("yu", "chi"), "尉遲": ("yu", "chi"),
    "万俟": ("mo", "qi"), "萬俟": ("mo", "qi"),
    "单于": ("chan", "yu"), "單于": ("chan", "yu"),
    "长孙": ("zhang", "sun"), "長孫": ("zhang", "sun"),
    "欧阳": ("ou", "yang"), "歐陽": ("ou", "yang"),
    "司马": ("si", "ma"), "司馬": ("si", "ma"),
    "诸葛": ("zhu", "ge"), "諸葛": ("zhu", "ge"),
    "上官": ("shang", "guan"),
    "皇甫": ("huang", "fu"),
    "令狐": ("ling", "hu"),
    "公孙": ("gong", "sun"), "公孫": ("gong", "sun"),
    "慕容": ("mu", "rong"),
    "司徒": ("si", "tu"),
    "夏侯": ("xia", "hou"),
    "东方": ("dong", "fang"), "東方": ("dong", "fang"),
    "澹台": ("tan", "tai"), "澹臺": ("tan", "tai"),
}  # fmt: skip

# Tone marks to plain letters; ü is written v, as pypinyin's tone-less style does.
_TONELESS = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ",
    "aaaaeeeeiiiioooouuuuvvvvvnnnm",
)
_MAX_READINGS = 64  # combinations of heteronyms tried for one name


@cache
def _marked_table() -> dict[str, str]:
    """pypinyin's readings of every character, tone-marked and comma-joined, by code point."""
    raw = _pypinyin_data()
    if isinstance(raw, dict) and all(isinstance(value, str) for value in raw.values()):
        return raw
    from pypinyin.pinyin_dict import pinyin_dict  # its data moved: its module knows where

    return {str(code): marked for code, marked in pinyin_dict.items()}


def _pypinyin_data() -> object:
    """pypinyin's own table, read from its data file: importing any pypinyin module first loads
    its phrase tables and trains its segmenter, a tenth of a second every check of a catalogue
    would pay; only messages that read a whole name (``_plain``) import it."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        return json.loads((folder / "pinyin_dict.json").read_bytes())
    except (OSError, ValueError):
        return None


def _toneless(marked: str) -> tuple[str, ...]:
    """``zhǎng,cháng`` -> ``zhang``, ``chang``: tone marks dropped, repeats once, order kept."""
    return tuple(dict.fromkeys(marked.translate(_TONELESS).split(",")))


@cache
def readings(char: str) -> tuple[str, ...]:
    """The tone-less readings of one character (``长`` -> ``chang``, ``zhang``); none if unknown."""
    marked = _marked_table().get(str(ord(char))) if len(char) == 1 else None
    return _toneless(marked) if marked is not None else ()


def _surname_length(name: str) -> int:
    return 2 if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES else 1


def surname_split(name: str) -> tuple[str, str]:
    """A Chinese name as surname and given name (two-character surnames from the table)."""
    length = _surname_length(name)
    return name[:length], name[length:]


def name_pinyin(name: str) -> tuple[str, ...]:
    """The usual reading of a Chinese name, one syllable per character: 单雪 -> shan, xue."""
    surname, given = surname_split(name)
    if surname in COMPOUND_SURNAMES:
        head: tuple[str, ...] = COMPOUND_SURNAMES[surname]
    else:
        head = (SURNAMES.get(surname) or _plain(surname)[0],)
    return head + tuple(_plain(given)) if given else head


def _plain(text: str) -> list[str]:
    from pypinyin import lazy_pinyin  # slow to import: see _marked_table

    return [syllable.replace("ü", "v") for syllable in lazy_pinyin(text)]


def name_readings(name: str) -> Iterator[tuple[str, ...]]:
    """Every reading of a name: the surname's from the table, the given name's heteronyms."""
    surname, given = surname_split(name)
    if surname in COMPOUND_SURNAMES:
        choices: list[tuple[str, ...]] = [(syllable,) for syllable in COMPOUND_SURNAMES[surname]]
    elif surname in SURNAMES:
        choices = [(SURNAMES[surname],)]
    else:
        choices = [readings(surname) or tuple(_plain(surname))]
    choices += [readings(char) or tuple(_plain(char)) for char in given]
    yield name_pinyin(name)
    yield from itertools.islice(itertools.product(*choices), _MAX_READINGS)


def matches_romanisation(name: str, latin: str) -> bool:
    """Whether a Latin form is a pinyin romanisation of a Chinese name, tones and case aside.

    Accepted: the whole name in Chinese or Western order ("Huang Xueqin", "Xueqin Huang"),
    after other given names ("Sophia Huang Xueqin"), the surname alone or the given name alone.
    """
    tokens = [token for token in re.split(r"[\s\-‐'’·.]+", latin.casefold()) if token]
    tokens = [token.replace("ü", "v") for token in tokens]
    if not tokens:
        return False
    joined = "".join(tokens)
    cut = _surname_length(name)
    for reading in name_readings(name):
        surname, given = "".join(reading[:cut]), "".join(reading[cut:])
        wholes = {surname + given, given + surname}
        parts = {surname, given} - {""}
        for spelling in _u_spellings(joined):
            if spelling in parts:
                return True
        for start in range(len(tokens)):
            for spelling in _u_spellings("".join(tokens[start:])):
                if spelling in wholes:
                    return True
    return False


def _u_spellings(text: str) -> set[str]:
    """ü is written v, u or yu in romanisations (Lü: Lv, Lu, Lyu); compare all of them."""
    if "v" not in text and "yu" not in text:
        return {text}
    return {text, text.replace("yu", "v"), text.replace("v", "u")}


@cache
def _syllables() -> frozenset[str]:
    """Every pinyin syllable with a vowel (the interjections m, n, ng, hm are left out)."""
    # Characters share a few thousand readings with tone marks: each is made tone-less once.
    marked = set(",".join(set(_marked_table().values())).split(","))
    found = {reading.translate(_TONELESS) for reading in marked}
    return frozenset(reading for reading in found if re.search(r"[aeiouv]", reading))


@cache
def is_pinyin(word: str) -> bool:
    """Whether a Latin word splits into pinyin syllables (Jianbing: jian bing; Xuegin: no)."""
    letters = word.casefold().replace("ü", "v").replace("'", "")
    if not letters.isascii() or not letters.isalpha():
        return False
    syllables = _syllables()
    reachable = [True] + [False] * len(letters)
    for end in range(1, len(letters) + 1):
        reachable[end] = any(
            reachable[start] and letters[start:end] in syllables
            for start in range(max(0, end - 6), end)
        )
    return reachable[-1]


def same_reading(char: str, other: str) -> bool:
    """Whether two characters are homophones: the same, or sharing a reading (兵 and 冰)."""
    return char == other or not set(readings(char)).isdisjoint(readings(other))
