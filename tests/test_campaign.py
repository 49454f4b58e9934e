"""The campaign record and the demands marker in sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.campaign import load_campaign, normalise
from toolkit.errors import InputError
from toolkit.source import load_document

RECORD = """\
[demands.release]
summary = "Release them immediately and unconditionally"
wording.en = ["Release Sophia Huang Xueqin and Wang Jianbing immediately and unconditionally;"]
wording.zh_Hans = ["立即无条件释放黄雪琴和王建兵；", "立即无条件释放黄雪琴和王建兵。"]

[demands.stop-harassment]
summary = "Stop harassing other human rights defenders"
wording.en = "Stop harassing, arresting and threatening other human rights defenders."
wording.zh_CN = "停止骚扰、逮捕和威胁其他人权捍卫者。"

[facts.arrest]
kind = "date"
value = 2021-09-19
signals.en = ["arrested", "detained"]
signals.zh_Hans = ["被捕", "被拘留"]

[facts.sentence-wang]
kind = "duration"
value = 42
subject.en = ["Wang Jianbing", "Wang"]
signals.en = ["sentenced"]
"""


def record(tmp_path: Path, text: str = RECORD) -> Path:
    path = tmp_path / "campaign.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_record_reads(tmp_path: Path) -> None:
    campaign = load_campaign(record(tmp_path))
    assert list(campaign.demands) == ["release", "stop-harassment"]
    assert campaign.wording("stop-harassment", "zh_Hans") == ("停止骚扰、逮捕和威胁其他人权捍卫者。",)
    assert campaign.approved("release", " 立即无条件释放黄雪琴和王建兵 ", "zh_CN")
    assert not campaign.approved("release", "立即释放黄雪琴和王建兵", "zh_Hans")
    assert campaign.facts["sentence-wang"].value == 42
    assert campaign.demands["stop-harassment"].line == 6


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        pytest.param("Release Huang Xueqin and Wang Jianbing immediately and unconditionally.", "en",
                     ("release", None), id="close-wording"),
        pytest.param("停止骚扰、逮捕和威胁其他人权捍卫者", "zh_Hans", ("stop-harassment", None),
                     id="chinese"),
        pytest.param("Ensure they get medical care.", "en",
                     (None, "matches no demand of the campaign record"), id="no-match"),
    ],
)
def test_identify(tmp_path: Path, text: str, locale: str, expected: tuple[str | None, str | None]) -> None:
    assert load_campaign(record(tmp_path)).identify(text, locale) == expected


BAD = [
    pytest.param("[demand.x]\n", 1, "unknown table 'demand'", id="unknown-table"),
    pytest.param("[demands.Bad_Id]\nwording.en = 'x'\n", 1, "must use a-z", id="bad-id"),
    pytest.param("[demands.x]\nsummary = 'x'\n", 1, "has no wording", id="no-wording"),
    pytest.param("[demands.x]\nwording.xx_Nowhere = 'x'\n", 1, "unknown locale", id="bad-locale"),
    pytest.param("\n[facts.arrest]\nkind = 'date'\nvalue = 'soon'\nsignals.en = ['x']\n", 2,
                 "TOML date", id="fact-date-not-date"),
    pytest.param("[facts.x]\nkind = 'weather'\n", 1, "kind must be one of", id="fact-kind"),
    pytest.param("[facts.x]\nkind = 'date'\nvalue = 2021-09-19\nsignals.zh_Hans = ['被…']\n", 1,
                 "signal '被…' has a … with no word on a side", id="gap-at-the-end"),
    pytest.param("[demands.x\n", 1, "invalid TOML", id="bad-toml"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD)
def test_bad_record(tmp_path: Path, text: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as caught:
        load_campaign(record(tmp_path, text))
    assert caught.value.line == line
    assert message in str(caught.value)


def test_normalise_drops_punctuation_and_space() -> None:
    assert normalise("  立即、无条件 释放！") == normalise("立即无条件释放")
    assert normalise("Free them, now.") == "freethemnow"


def test_demands_marker(tmp_path: Path) -> None:
    path = tmp_path / "letter.md"
    path.write_text(
        "I urge you to:\n\n<!-- advocacy: demands release, stop-harassment -->\n"
        "- Release them;\n- Stop harassing others.\n  - a nested point\n- A third, unmarked.\n\n"
        "<!-- advocacy: demands -->\n1. Matched by the record.\n\n- An ordinary list.\n",
        encoding="utf-8",
    )
    found = [(s.line, s.demand) for s in load_document(path).segments]
    assert found == [(1, None), (4, "release"), (5, "stop-harassment"), (6, None), (7, ""),
                     (10, ""), (12, None)]


def test_normalise_goes_character_by_character() -> None:
    """same-translation (K103) normalises a text's start and end alone: that must be the start
    and the end of the text normalised."""
    text = "“Straße”，立即 释放！ ﬁne İstanbul ΣΑΣ"
    assert normalise(text) == "".join(normalise(char) for char in text)
