"""Script checks: Simplified characters in Traditional texts and the reverse."""

from __future__ import annotations

import pytest

import toolkit.checks  # noqa: F401  (registers every check)
from toolkit.checks.registry import RULES, Scope


def found(text: str, translation: str | None, locale: str) -> list[str]:
    """Codes of the script checks that fire on a text (or on a source's translation)."""
    checked = text if translation is None else translation
    return sorted(
        rule.code
        for rule in RULES.values()
        if rule.code.startswith("S")
        and rule.scope is Scope.TEXT
        and any(True for _ in rule.function(checked, locale))
    )


def messages(code: str, text: str, locale: str) -> list[str]:
    return list(RULES[code].function(text, locale))


@pytest.mark.parametrize(
    ("text", "translation", "locale", "expected"),
    [
        pytest.param("黄雪琴", None, "zh_Hant", ["S101"], id="simplified-name-in-hant"),
        pytest.param("黃雪琴", None, "zh_Hant", [], id="traditional-name-in-hant"),
        pytest.param("头发", None, "zh_TW", ["S101"], id="simplified-hair-in-tw"),
        pytest.param("頭髮", None, "zh_TW", [], id="traditional-hair-in-tw"),
        pytest.param("Huang Xueqin", "黄雪琴被捕", "zh_HK", ["S101"], id="translation-in-hk"),
        pytest.param("王建兵获释", None, "zh_MO", ["S101"], id="macau-is-traditional"),
        # 后 is "queen" in Traditional too; only 后 for "after" becomes 後.
        pytest.param("皇后大道", None, "zh_HK", [], id="queen-hou-is-traditional"),
        # 里 is the Traditional unit of distance (里程), 台 the Taiwanese everyday form of 臺.
        pytest.param("里程與台灣", None, "zh_TW", [], id="li-and-tai-are-traditional"),
        # 干 (若干), 着/著, 系 (系統): one form serves both scripts.
        pytest.param("若干系統著作", None, "zh_Hant", [], id="shared-characters"),
        # Taiwan writes 群, 峰 and Hong Kong 户, 温, where OpenCC's generic Traditional differs.
        pytest.param("群眾登峰", None, "zh_TW", [], id="taiwan-standard-forms"),
        pytest.param("住户温度", None, "zh_HK", [], id="hong-kong-standard-forms"),
        pytest.param("黄雪琴", None, "en", [], id="english-text-not-judged"),
        # Beyond the Basic Multilingual Plane: each looked up, not in the quick search's bitmap.
        pytest.param("吉𠮷黃", None, "zh_Hant", [], id="beyond-the-plane-traditional"),
        pytest.param("吉\U0002003e", None, "zh_Hant", ["S101"], id="beyond-the-plane-simplified"),
        pytest.param("黃雪琴", None, "zh", [], id="bare-zh-names-no-script"),
    ],
)
def test_simplified_in_traditional(
    text: str, translation: str | None, locale: str, expected: list[str]
) -> None:
    assert found(text, translation, locale) == expected


@pytest.mark.parametrize(
    ("text", "translation", "locale", "expected"),
    [
        pytest.param("黃雪琴", None, "zh_Hans", ["S102"], id="traditional-name-in-hans"),
        pytest.param("黄雪琴", None, "zh_Hans", [], id="simplified-name-in-hans"),
        pytest.param("頭髮", None, "zh_CN", ["S102"], id="traditional-hair-in-cn"),
        pytest.param("头发", None, "zh_CN", [], id="simplified-hair-in-cn"),
        pytest.param("Afterwards", "後來", "zh_SG", ["S102"], id="translation-in-sg"),
        # 於 is also a Simplified surname, 乾 is kept in 乾坤, 著 in 著名.
        pytest.param("於先生著名的乾坤", None, "zh_Hans", [], id="kept-in-simplified"),
        pytest.param("吉𠮷", None, "zh_Hans", [], id="beyond-the-plane-simplified"),
        pytest.param("吉\U00022dab", None, "zh_Hans", ["S102"], id="beyond-the-plane-traditional"),
        pytest.param("黃雪琴", None, "zh", [], id="bare-zh-names-no-script"),
    ],
)
def test_traditional_in_simplified(
    text: str, translation: str | None, locale: str, expected: list[str]
) -> None:
    assert found(text, translation, locale) == expected


@pytest.mark.parametrize(
    ("code", "text", "locale", "expected"),
    [
        pytest.param(
            "S101",
            "黄雪琴",
            "zh_Hant",
            "Simplified character 黄 in a Traditional (zh_Hant) text; OpenCC gives: 黃雪琴",
            id="one-character",
        ),
        pytest.param(
            "S101",
            "黄雪琴与王建兵",
            "zh_Hant",
            "Simplified characters 黄, 与 in a Traditional (zh_Hant) text; "
            "OpenCC gives: 黃雪琴與王建兵",
            id="characters-in-order",
        ),
        # Taiwan writes 為 where OpenCC's generic Traditional writes 爲.
        pytest.param(
            "S101",
            "因为",
            "zh_TW",
            "Simplified character 为 in a Traditional (zh_TW) text; OpenCC gives: 因為",
            id="taiwan-conversion",
        ),
        pytest.param(
            "S101",
            "因为",
            "zh_Hant",
            "Simplified character 为 in a Traditional (zh_Hant) text; OpenCC gives: 因爲",
            id="generic-conversion",
        ),
        pytest.param(
            "S102",
            "黃雪琴\n頭髮",
            "zh_Hans",
            "Traditional characters 黃, 頭, 髮 in a Simplified (zh_Hans) text; "
            "OpenCC gives: 黄雪琴\\n头发",
            id="line-break-shown-escaped",
        ),
    ],
)
def test_message(code: str, text: str, locale: str, expected: str) -> None:
    assert messages(code, text, locale) == [expected]
