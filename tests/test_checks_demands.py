"""Demand and consistency checks: tables of failing and passing cases."""

from __future__ import annotations

import pytest

import toolkit.checks  # noqa: F401  (registers every check)
from toolkit.campaign import load_campaign
from toolkit.checks.registry import RULES
from toolkit.model import CatalogueView, Pair

RECORD = """\
[demands.release]
wording.en = "Release Sophia Huang Xueqin and Wang Jianbing immediately and unconditionally;"
wording.zh_Hans = ["立即无条件释放黄雪琴和王建兵；"]
wording.zh_Hant = ["立即無條件釋放黃雪琴和王建兵；"]

[demands.rights-in-detention]
wording.en = "Pending their release, ensure that they have access to family and lawyers of their choice and medical care, and are not tortured or ill-treated;"
wording.zh_Hans = ["在他们获释前，确保他们能够会见家人和自己选择的律师、获得医疗，并且不遭受酷刑或其他虐待；"]

[demands.stop-harassment]
wording.en = "Stop harassing, arresting and threatening other human rights defenders."
wording.zh_Hans = ["停止骚扰、逮捕和威胁其他人权捍卫者。"]
"""
RELEASE = "Release Sophia Huang Xueqin and Wang Jianbing immediately and unconditionally;"
STOP = "Stop harassing, arresting and threatening other human rights defenders."


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("campaign") / "campaign.toml"
    path.write_text(RECORD, encoding="utf-8")
    return load_campaign(path)


def pair(msgid: str, msgstr: str, demand: str | None, *, fuzzy: bool = False, line: int = 1,
         locale: str = "zh_Hans") -> Pair:
    comment = f"type: demand {demand}" if demand else "type: paragraph"
    return Pair(msgid=msgid, msgstr=msgstr, locale=locale, source_locale="en", line=line,
                comment=comment, fuzzy=fuzzy)


ENTRY = [
    pytest.param(pair(RELEASE, "", "release"), ["A101"], id="demand-untranslated"),
    pytest.param(pair(RELEASE, "立即释放", "release", fuzzy=True), ["A101"], id="demand-fuzzy"),
    pytest.param(pair(RELEASE, "", None), [], id="ordinary-untranslated-not-a101"),
    pytest.param(pair(RELEASE, "立即无条件释放黄雪琴和王建兵；", "release"), [], id="translated"),
]


@pytest.mark.parametrize(("given", "expected"), ENTRY)
def test_demand_untranslated(given: Pair, expected: list[str]) -> None:
    assert ["A101" for _ in RULES["A101"].function(given)] == expected


PAIRS = [
    pytest.param(pair(RELEASE, "立即无条件释放黄雪琴和王建兵；", "release"), [], id="approved"),
    pytest.param(pair(RELEASE, "立即无条件释放黄雪琴和王建兵。", "release"), [],
                 id="approved-other-punctuation"),
    pytest.param(pair(RELEASE, "立即無條件釋放黃雪琴和王建兵；", "release", locale="zh_TW"), [],
                 id="approved-traditional-alias"),
    pytest.param(pair(RELEASE, "立即释放黄雪琴和王建兵；", "release"), ["A102"],
                 id="unapproved-wording"),
    pytest.param(pair(RELEASE, "停止骚扰、逮捕和威胁其他人权捍卫者。", "release"), ["A102", "A103"],
                 id="states-another-demand"),
    pytest.param(pair(STOP, "停止骚扰和威胁其他人权捍卫者。", "stop-harassment"), ["A102"],
                 id="near-wording-same-demand"),
    pytest.param(pair(STOP, "完全不同的一句话。", None), [], id="not-a-demand"),
]


@pytest.mark.parametrize(("given", "expected"), PAIRS)
def test_demand_wording_and_replaced(campaign, given: Pair, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    found = [code for code in ("A102", "A103") for _ in RULES[code].function(given, campaign=campaign)]
    assert found == expected


def view(*pairs: Pair, path: str = "zh_Hans/ua.po") -> CatalogueView:
    return CatalogueView(path=path, locale="zh_Hans", source_locale="en", document="ua",
                         metadata={}, header_line=1, pairs=pairs)


CATALOGUES = [
    pytest.param(
        view(pair(RELEASE, "停止骚扰、逮捕和威胁其他人权捍卫者。", "release", line=3),
             pair(STOP, "停止骚扰、逮捕和威胁其他人权捍卫者。", "stop-harassment", line=5)),
        [("A104", 5)], id="two-demands-one-translation",
    ),
    pytest.param(
        view(pair(RELEASE, "立即无条件释放黄雪琴和王建兵；", "release", line=3),
             pair(STOP, "停止骚扰、逮捕和威胁其他人权捍卫者。", "stop-harassment", line=5)),
        [], id="distinct-demands",
    ),
    pytest.param(view(pair(RELEASE, "甲", "?", line=3)), [("A105", 3)], id="unidentified"),
    pytest.param(view(pair(RELEASE, "甲", "free-everyone", line=3)), [("A105", 3)],
                 id="unknown-demand-id"),
    pytest.param(
        view(pair("They were detained in Guangzhou in 2021.", "他们于2021年在广州被拘留。", None, line=3),
             pair("Huang Xueqin was sentenced to five years.", "他们于2021年在广州被拘留。", None, line=7)),
        [("K103", 7)], id="two-sentences-one-translation",
    ),
    pytest.param(
        view(pair("They were detained in Guangzhou in 2021.", "他们于2021年在广州被拘留。", None, line=3),
             pair("They were held in Guangzhou since 2021.", "他们于2021年在广州被拘留。", None, line=7)),
        [], id="one-sentence-reworded",
    ),
    pytest.param(
        view(pair("They were detained in Guangzhou in 2021.", "他们于2021年在广州被拘留。", None, line=3),
             pair("They were detained in Guangzhou in 2021!", "他们于2021年在广州被拘留。", None, line=7)),
        [], id="same-sentence-but-punctuation",
    ),
    pytest.param(
        view(pair("Date:", "日期：", None, line=3), pair("Date", "日期：", None, line=7)),
        [], id="short-texts-may-share",
    ),
]


@pytest.mark.parametrize(("given", "expected"), CATALOGUES)
def test_catalogue_checks(campaign, given: CatalogueView, expected: list[tuple[str, int]]) -> None:  # type: ignore[no-untyped-def]
    found = []
    for code in ("A104", "A105", "K103"):
        extra = {"campaign": campaign} if RULES[code].needs else {}
        found += [(code, hit.pair.line if hit.pair else hit.line) for hit in RULES[code].function(given, **extra)]
    assert found == expected


def test_drift_across_documents() -> None:
    ua = view(pair(RELEASE, "立即无条件释放黄雪琴和王建兵；", "release", line=3),
              pair("Huang was sentenced to five years.", "黄雪琴被判处五年。", None, line=9),
              path="zh_Hans/ua.po")
    js = view(pair(RELEASE, "立刻无条件地释放黄雪琴和王建兵；", "release", line=4),
              pair("Huang was sentenced to five years.", "黄雪琴被判五年有期徒刑。", None, line=12),
              path="zh_Hans/js.po")
    demand = list(RULES["K101"].function("zh_Hans", {"js": js, "ua": ua}))
    drift = list(RULES["K102"].function("zh_Hans", {"js": js, "ua": ua}))
    assert [(hit.path, hit.pair.line if hit.pair else None) for hit in demand] == [("zh_Hans/ua.po", 3)]
    assert "zh_Hans/js.po:4" in demand[0].message
    assert [(hit.path, hit.pair.line if hit.pair else None) for hit in drift] == [
        ("zh_Hans/ua.po", 3), ("zh_Hans/ua.po", 9)
    ]
    same = list(RULES["K102"].function("zh_Hans", {"ua": ua, "ua2": ua}))
    assert same == []


UA = view(pair(RELEASE, "立即无条件释放黄雪琴和王建兵；", "release", line=3),
          pair("Huang was sentenced to five years.", "黄雪琴被判处五年。", None, line=9),
          path="zh_Hans/ua.po")
JS = view(pair(RELEASE, "立刻无条件地释放黄雪琴和王建兵；", "release", line=4),
          pair("Huang was sentenced to five years.", "黄雪琴被判五年有期徒刑。", None, line=12),
          path="zh_Hans/js.po")
JS_ALIKE = view(pair(RELEASE, "立即无条件释放黄雪琴和王建兵。", "release", line=4),
                pair("Huang was sentenced to five years.", "黄雪琴被判处五年", None, line=12),
                path="zh_Hans/js.po")
LOCALES = [
    pytest.param("K101", {"js": JS, "ua": UA}, [("zh_Hans/ua.po", 3)], id="demand-drift"),
    pytest.param("K101", {"js": UA, "ua": UA}, [], id="demand-alike"),
    pytest.param("K101", {"js": JS_ALIKE, "ua": UA}, [], id="demand-alike-but-punctuation"),
    pytest.param("K102", {"js": JS, "ua": UA}, [("zh_Hans/ua.po", 3), ("zh_Hans/ua.po", 9)],
                 id="translation-drift"),
    pytest.param("K102", {"js": UA, "ua": UA}, [], id="translated-alike"),
    pytest.param("K102", {"js": JS_ALIKE, "ua": UA}, [], id="translated-alike-but-punctuation"),
]


@pytest.mark.parametrize(("code", "catalogues", "expected"), LOCALES)
def test_locale_checks(code: str, catalogues: dict[str, CatalogueView], expected: list[tuple[str, int]]) -> None:
    hits = RULES[code].function("zh_Hans", catalogues)
    assert [(hit.path, hit.pair.line if hit.pair else None) for hit in hits] == expected
