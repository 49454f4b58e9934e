"""Locale names: CLDR names, the gettext aliases of Chinese and Plural-Forms from CLDR."""

from __future__ import annotations

import pytest

from toolkit.locales import bcp47, canonical, plural_forms, same_language

CANONICAL = [
    ("zh_Hans", "zh_Hans"), ("zh_Hant", "zh_Hant"), ("zh_CN", "zh_Hans"), ("zh_SG", "zh_Hans"),
    ("zh_TW", "zh_Hant"), ("zh_HK", "zh_Hant"), ("zh_MO", "zh_Hant"), ("zh", "zh_Hans"),
    ("zh-Hant-TW", "zh_Hant"), ("zh_CN.UTF-8", "zh_Hans"), ("en", "en"), ("pt_BR", "pt_BR"),
]


@pytest.mark.parametrize(("name", "expected"), CANONICAL)
def test_canonical(name: str, expected: str) -> None:
    assert canonical(name) == expected


@pytest.mark.parametrize(
    ("left", "right", "same"),
    [("zh_CN", "zh_Hans", True), ("zh_TW", "zh_Hans", False), ("en_GB", "en", True),
     ("en", "zh_Hans", False)],
)
def test_same_language(left: str, right: str, same: bool) -> None:
    assert same_language(left, right) is same


@pytest.mark.parametrize(
    ("name", "expected"),
    [("zh_Hans", "nplurals=1; plural=0;"), ("en", "nplurals=2; plural=(n != 1);"),
     ("fr", "nplurals=2; plural=(n > 1);")],
)
def test_plural_forms(name: str, expected: str) -> None:
    assert plural_forms(name) == expected


def test_bcp47() -> None:
    assert bcp47("zh_CN") == "zh-Hans"
