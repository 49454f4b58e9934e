"""``advocacy stats``: how many of a document's demands a catalogue carries, and approved."""

from __future__ import annotations

import pytest

from toolkit.campaign import Campaign, load_campaign
from toolkit.stats import Demands, demands

RECORD = """\
[demands.release]
wording.zh_Hans = ["立即无条件释放黄雪琴和王建兵；"]

[demands.stop-harassment]
wording.zh_Hans = ["停止骚扰、逮捕和威胁其他人权捍卫者。"]
"""
Key = tuple[str | None, str]
RELEASE: Key = (None, "Release them;")
STOP: Key = (None, "Stop harassing.")
MARKED: list[tuple[Key, str]] = [(RELEASE, "release"), (STOP, "stop-harassment")]
APPROVED: dict[Key, str] = {RELEASE: "立即无条件释放黄雪琴和王建兵；", STOP: "停止骚扰、逮捕和威胁其他人权捍卫者。"}


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Campaign:
    path = tmp_path_factory.mktemp("campaign") / "campaign.toml"
    path.write_text(RECORD, encoding="utf-8")
    return load_campaign(path)


CASES = [
    pytest.param(MARKED, APPROVED, "zh_Hans", Demands(2, 2, 2), id="all-present-approved"),
    pytest.param(MARKED, APPROVED, "zh_CN", Demands(2, 2, 2), id="gettext-locale-name"),
    pytest.param(MARKED, {RELEASE: APPROVED[RELEASE]}, "zh_Hans", Demands(2, 1, 1),
                 id="one-untranslated"),
    pytest.param(MARKED, {RELEASE: APPROVED[RELEASE], STOP: APPROVED[RELEASE]}, "zh_Hans",
                 Demands(2, 1, 1), id="one-repeats-another"),
    pytest.param(MARKED, {**APPROVED, STOP: "停止骚扰人权捍卫者。"}, "zh_Hans", Demands(2, 2, 1),
                 id="one-not-in-approved-wording"),
    pytest.param(MARKED, {**APPROVED, STOP: "停止骚扰、逮捕和威胁其他人权捍卫者"}, "zh_Hans",
                 Demands(2, 2, 2), id="punctuation-aside"),
    pytest.param([(RELEASE, "?")], APPROVED, "zh_Hans", Demands(1, 1, 0),
                 id="unidentified-never-approved"),
    pytest.param(MARKED, APPROVED, "fr", Demands(2, 2, None), id="no-wording-for-locale"),
    pytest.param([], APPROVED, "zh_Hans", Demands(0, 0, 0), id="no-demands"),
]


@pytest.mark.parametrize(("marked", "reviewed", "locale", "expected"), CASES)
def test_demands(campaign: Campaign, marked: list[tuple[Key, str]], reviewed: dict[Key, str],
                 locale: str,
                 expected: Demands) -> None:
    assert demands(marked, reviewed, locale, campaign) == expected


def test_without_a_record_nothing_is_approved_or_not() -> None:
    assert demands(MARKED, APPROVED, "zh_Hans", None) == Demands(2, 2, None)
    assert demands([], {}, "zh_Hans", None) == Demands(0, 0, 0)

