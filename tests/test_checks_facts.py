"""The facts check (K104): a table of sentences that state the campaign's facts, or misstate them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import toolkit.checks  # noqa: F401  (registers every check)
from toolkit.campaign import Campaign, load_campaign
from toolkit.checks.registry import RULES

# Signals and subjects in English and Simplified only: Traditional ones are derived with OpenCC.
RECORD = """\
[facts.arrest]
kind = "date"
value = 2021-09-19
signals.en = ["arrested", "detained", "taken … away"]
signals.zh_Hans = ["被捕", "被拘留", "被…带走"]

[facts.trial]
kind = "date"
value = 2023-09-22
signals.en = ["trial"]
signals.zh_Hans = ["庭审", "审判", "开庭"]

[facts.sentencing]
kind = "date"
value = 2024-06-14
signals.en = ["sentenced"]
signals.zh_Hans = ["判处", "判刑"]

[facts.sentence-huang]
kind = "duration"
value = 60
subject.en = ["Huang Xueqin", "Huang"]
subject.zh_Hans = ["黄雪琴"]
signals.en = ["sentenced"]
signals.zh_Hans = ["判处", "判刑"]

[facts.sentence-wang]
kind = "duration"
value = 42
subject.en = ["Wang Jianbing", "Wang"]
subject.zh_Hans = "王建兵"
signals.en = ["sentenced"]
signals.zh_Hans = ["判处", "判刑"]

[facts.release-wang]
kind = "date"
value = 2025-03-18
subject.en = ["Wang Jianbing", "Wang"]
subject.zh_Hans = ["王建兵"]
signals.en = ["released"]
signals.zh_Hans = ["获释"]

[facts.ngos]
kind = "count"
value = 32
signals.en = ["NGOs"]
signals.zh_Hans = ["非政府组织"]
"""


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Campaign:
    path = tmp_path_factory.mktemp("campaign") / "campaign.toml"
    path.write_text(RECORD, encoding="utf-8")
    return load_campaign(path)


def p(text: str, locale: str, facts: list[str], case: str) -> object:
    return pytest.param(text, locale, facts, id=case)


ENGLISH = [
    p("Huang Xueqin and Wang Jianbing were arrested on 19 September 2021.", "en", [],
      "en-arrest-same"),
    p("Huang Xueqin and Wang Jianbing were arrested on 9 September 2021.", "en", ["arrest"],
      "en-arrest-day-changed"),
    # A signal with a gap (…): a few words may stand in it, within one clause.
    p("On 9 September 2021 the police took them away.", "en", [], "en-gap-words-differ"),
    p("On 9 September 2021 police had taken them away.", "en", ["arrest"], "en-gap-filled"),
    p("On 9 September 2021 they were taken away.", "en", ["arrest"], "en-gap-empty"),
    p("On 9 September 2021 they were taken to a park, far away.", "en", [],
      "en-gap-across-a-comma"),
    p("It has been nearly 250 days since Huang and Wang were arrested on September 19, 2021.",
      "en", [], "en-arrest-month-first"),
    p("On 14 June 2024, Huang was sentenced to five years and Wang to three years and six months.",
      "en", [], "en-sentences-same"),
    p("On 4 June 2024, Huang was sentenced to five years and Wang to three years and six months.",
      "en", ["sentencing"], "en-sentencing-day-changed"),
    p("On 14 June 2024, Huang was sentenced to five years and Wang to three years and five months.",
      "en", ["sentence-wang"], "en-wang-months-changed"),
    p("On 14 June 2024, Huang was sentenced to 4 years of imprisonment, and Wang to 3 years and 6 "
      "months.", "en", ["sentence-huang"], "en-huang-years-changed"),
    p("Guangzhou Intermediate Court sentenced Sophia Huang Xueqin to five years in prison and labour "
      "activist Wang Jianbing to 3.5 years in prison on 14 June 2024.", "en", [],
      "en-sentence-as-decimal-years"),
    p("Huang and Wang were sentenced to four years.", "en", ["sentence-huang, sentence-wang"],
      "en-both-named-neither-sentence"),
    p("He was sentenced to four years.", "en", [], "en-nobody-named"),
    p("They could be sentenced to up to ten years.", "en", [], "en-qualified-amount"),
    p("The pair were arrested on 19 September 2021 and sentenced on 14 June 2024.", "en", [],
      "en-two-dates-two-signals"),
    p("The pair were arrested on 19 September 2021 and sentenced on 14 June 2023.", "en",
      ["sentencing"], "en-second-of-two-dates-changed"),
    p("She was previously detained between October 2019 and January 2020.", "en", [],
      "en-range-is-another-event"),
    p("Huang Xueqin, who had been arrested once in 2019, is a journalist.", "en", [],
      "en-year-alone-is-another-event"),
    p("In January 2023, they were transferred to the detention centre, awaiting trial.", "en", [],
      "en-month-alone-is-another-event"),
    p("The trial will begin on 22 September 2023, a few days after the second anniversary of "
      "their arrest.", "en", [], "en-trial-date-same"),
    p("The trial will begin on 23 September 2023.", "en", ["trial"], "en-trial-date-changed"),
    p("Wang was sentenced in Guangzhou. On 5 June 2024, his lawyer appealed.", "en", [],
      "en-date-of-another-sentence"),
    p("Labour activist Wang Jianbing was released on 18 March.", "en", [],
      "en-release-without-year"),
    p("Labour activist Wang Jianbing was released on 17 March.", "en", ["release-wang"],
      "en-release-day-changed"),
    p("Huang Xueqin was released on 2 January 2020.", "en", [], "en-fact-about-someone-else"),
    p("Ahead of their trial, 32 NGOs issued a joint statement.", "en", [], "en-count-same"),
    p("Ahead of their trial, 31 NGOs issued a joint statement.", "en", ["ngos"],
      "en-count-changed"),
    p("Ahead of their trial, nearly 30 NGOs issued a joint statement.", "en", [],
      "en-count-qualified"),
]

SIMPLIFIED = [
    p("#MeToo活动人士黄雪琴和劳工活动人士王建兵于2021年9月19日被捕。", "zh_Hans", [],
      "hans-arrest-same"),
    p("#MeToo活动人士黄雪琴和劳工活动人士王建兵于2021年9月18日被捕。", "zh_Hans", ["arrest"],
      "hans-arrest-day-changed"),
    p("2021年9月19日，黄雪琴和王建兵在广州被警方带走。", "zh_Hans", [], "hans-gap-same"),
    p("2021年9月18日，黄雪琴和王建兵在广州被警方带走。", "zh_Hans", ["arrest"], "hans-gap-filled"),
    p("2021年9月18日，黄雪琴和王建兵在广州被带走。", "zh_Hans", ["arrest"], "hans-gap-empty"),
    p("2021年9月18日，他们被邀请参加一个讨论会，会后带走了资料。", "zh_Hans", [],
      "hans-gap-across-a-comma"),
    p("黄雪琴和王建兵案将于2023年9月22日开庭审理，距二人被捕两周年仅过去几天。", "zh_Hans", [],
      "hans-trial-date-beside-arrest-word"),
    p("黄雪琴和王建兵案将于2023年9月23日开庭审理，距二人被捕两周年仅过去几天。", "zh_Hans",
      ["trial"], "hans-trial-date-changed"),
    p("二人于2021年9月19日被捕，2024年6月14日被判刑。", "zh_Hans", [], "hans-two-dates-same"),
    p("二人于2021年9月19日被捕，2024年6月4日被判刑。", "zh_Hans", ["sentencing"],
      "hans-date-after-comma-is-the-next-verbs"),
    p("2024年6月14日，黄雪琴和王建兵以“煽动颠覆国家政权”罪分别被判处有期徒刑五年和三年六个月。",
      "zh_Hans", [], "hans-respectively-same"),
    p("2024年6月14日，黄雪琴和王建兵以“煽动颠覆国家政权”罪分别被判处有期徒刑五年和三年零五个月。",
      "zh_Hans", ["sentence-huang, sentence-wang"], "hans-respectively-changed"),
    p("2024年6月14日，广州市中级人民法院判处黄雪琴有期徒刑五年，判处劳工活动人士王建兵有期徒刑三年六个月。",
      "zh_Hans", [], "hans-each-named-same"),
    p("2024年6月14日，广州市中级人民法院判处黄雪琴有期徒刑五年，判处劳工活动人士王建兵有期徒刑三年零五个月。",
      "zh_Hans", ["sentence-wang"], "hans-wang-changed"),
    p("黄雪琴仍在服刑，她因同一罪名被判处有期徒刑四年。", "zh_Hans", ["sentence-huang"],
      "hans-huang-changed"),
    p("2021年9月19日，二人在广州被捕；此后五个多月不得与外界有任何联系。", "zh_Hans", [],
      "hans-other-duration-other-clause"),
    p("黄雪琴是独立记者，曾于2019年被捕。", "zh_Hans", [], "hans-year-alone"),
    p("2023年1月，他们被移送至广州市第一看守所，等待法院审判。", "zh_Hans", [],
      "hans-month-alone"),
    p("劳工活动人士王建兵因“煽动颠覆国家政权”罪服刑三年半期满，已于3月18日获释。", "zh_Hans", [],
      "hans-release-same"),
    p("劳工活动人士王建兵因“煽动颠覆国家政权”罪服刑三年半期满，已于3月8日获释。", "zh_Hans",
      ["release-wang"], "hans-release-changed"),
    p("庭审前，32个非政府组织发表了联合声明。", "zh_Hans", [], "hans-count-same"),
    p("庭审前，三十一个非政府组织发表了联合声明。", "zh_Hans", ["ngos"], "hans-count-changed"),
]

TRADITIONAL = [
    p("#MeToo活動人士黃雪琴和勞工活動人士王建兵於2021年9月19日被捕。", "zh_Hant", [],
      "hant-arrest-same"),
    p("#MeToo活動人士黃雪琴和勞工活動人士王建兵於2021年9月29日被捕。", "zh_TW", ["arrest"],
      "hant-tw-arrest-changed"),
    p("2021年9月18日，黃雪琴和王建兵在廣州被警方帶走。", "zh_Hant", ["arrest"],
      "hant-gap-derived"),
    p("2024年6月14日，廣州市中級人民法院以「煽動顛覆國家政權」罪判處黃雪琴有期徒刑五年，"
      "判處勞工活動人士王建兵有期徒刑三年六個月。", "zh_Hant", [], "hant-sentences-same"),
    p("2024年6月14日，廣州市中級人民法院以「煽動顛覆國家政權」罪判處黃雪琴有期徒刑五年，"
      "判處勞工活動人士王建兵有期徒刑三年零五個月。", "zh_Hant", ["sentence-wang"],
      "hant-wang-changed"),
    p("2024年6月4日，廣州市中級人民法院判處王建兵有期徒刑三年六個月。", "zh_HK", ["sentencing"],
      "hant-hk-sentencing-changed"),
    p("黃雪琴和王建兵案將於2023年9月21日開庭審理，距二人被捕兩週年僅過去幾天。", "zh_Hant",
      ["trial"], "hant-trial-changed"),
    p("勞工活動人士王建兵因「煽動顛覆國家政權」罪服刑三年半期滿，已於3月18日獲釋。", "zh_Hant", [],
      "hant-release-same"),
    p("勞工活動人士王建兵因「煽動顛覆國家政權」罪服刑三年半期滿，已於3月8日獲釋。", "zh_Hant",
      ["release-wang"], "hant-release-changed"),
]


@pytest.mark.parametrize(("text", "locale", "expected"), ENGLISH + SIMPLIFIED + TRADITIONAL)
def test_fact_mismatch(campaign: Campaign, text: str, locale: str, expected: list[str]) -> None:
    messages = list(RULES["K104"].function(text, locale, campaign=campaign))
    named = [re.search(r"\(([a-z0-9, -]+)\); this sentence says", m) for m in messages]
    assert [found.group(1) if found else m for found, m in zip(named, messages, strict=True)] == (
        expected
    )


@pytest.mark.parametrize(
    ("text", "locale", "message"),
    [
        pytest.param(
            "On 4 June 2024, Huang was sentenced to five years.", "en",
            "sentenced on 14 June 2024 in the campaign record (sentencing); this sentence says"
            " 4 June 2024", id="date",
        ),
        pytest.param(
            "判处劳工活动人士王建兵有期徒刑三年零五个月。", "zh_Hans",
            "Wang Jianbing sentenced to 3 years and 6 months in the campaign record"
            " (sentence-wang); this sentence says 三年零五个月 (41 months)", id="duration",
        ),
        pytest.param(
            "王建兵已於3月8日獲釋。", "zh_Hant",
            "Wang Jianbing released on 18 March 2025 in the campaign record (release-wang);"
            " this sentence says 3月8日 (8 March)", id="date-without-year",
        ),
    ],
)
def test_message_names_the_record(campaign: Campaign, text: str, locale: str, message: str) -> None:
    assert list(RULES["K104"].function(text, locale, campaign=campaign)) == [message]


def test_traditional_words_derived_unless_given(tmp_path: Path) -> None:
    path = tmp_path / "campaign.toml"
    path.write_text(RECORD + '\n[facts.taken]\nkind = "date"\nvalue = 2021-09-19\n'
                    'signals.zh_Hans = ["被带走"]\nsignals.zh_Hant = ["遭帶走"]\n', encoding="utf-8")
    facts = load_campaign(path).facts
    assert facts["arrest"].signals_in("zh_TW") == ("被捕", "被拘留", "被…帶走")
    assert facts["trial"].signals_in("zh_Hant") == ("庭審", "審判", "開庭")
    assert facts["sentence-huang"].subject_in("zh_HK") == ("黃雪琴",)
    assert facts["taken"].signals_in("zh_Hant") == ("遭帶走",)  # given: not derived
    assert facts["arrest"].signals_in("en_GB") == ("arrested", "detained", "taken … away")
    assert facts["arrest"].subject_in("en") == ()
