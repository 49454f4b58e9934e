
"""Date checks: dates compared by value across scripts, both directions, partial dates, ranges."""

from __future__ import annotations

import pytest

import toolkit.check  # noqa: F401  (importing it registers every check)
from toolkit.checks.dates import date_added, date_mismatch, weekday_mismatch
from toolkit.checks.registry import RULES, Scope
from toolkit.model import Pair

EN = "en"
HANS, HANT = "zh_Hans", "zh_Hant"


def found(
    source: str, translation: str, locale: str, source_locale: str, document: str | None
) -> list[str]:
    """Codes of the date checks that fire on a catalogue entry (text checks see the translation)."""
    pair = Pair(source, translation, locale, source_locale, 1, document_date=document)
    codes = set()
    for rule in RULES.values():
        if not rule.code.startswith("D"):
            continue
        if rule.scope is Scope.PAIR:
            hits = list(rule.function(pair))
        elif rule.scope is Scope.TEXT:
            hits = list(rule.function(translation, locale))
        else:
            continue
        codes.update([rule.code] if hits else [])
    return sorted(codes)


# Sentences of source_texts/ (urgent-action-2024, urgent-action-update-2025, joint-statement-2023,
# open-letter-un-2022, press-release-2023) and faithful translations.
ARRESTED = (
    "#MeToo activist Sophia Huang Xueqin and labour activist Wang Jianbing were arrested on "
    "19 September 2021."
)
ARRESTED_HANS = "#MeToo活动人士黄雪琴和劳工活动人士王建兵于2021年9月19日被捕。"
SENTENCED = (
    "Guangzhou Intermediate Court sentenced Sophia Huang Xueqin to five years in prison and "
    "labour activist Wang Jianbing to three years and six months in prison for \"inciting "
    "subversion of state power\" on 14 June 2024."
)
RELEASED = (
    "Labour activist Wang Jianbing was released on 18 March, after completing a "
    "three-and-a-half-year sentence for “inciting subversion of state power”."
)
DETAINED = (
    "She was previously detained between October 2019 and January 2020 and charged with "
    "“picking quarrels and provoking trouble” after writing about the 2019 mass protests in "
    "Hong Kong."
)
TRANSFERRED = (
    "In January 2023, they were transferred to Guangzhou City No 1 Detention Centre awaiting "
    "trial at the court."
)
ONCE = (
    "We are friends of Huang Xueqin, a Chinese feminist and independent journalist who had been "
    "arrested once in 2019, and Wang Jianbing, a Chinese occupational disease rights advocate."
)
LAWYER = "Wang Jianbing’s lawyer met Wang for the first and only time online on April 1 this year."
TRIAL = (
    "The trial of Huang Xueqin and Wang Jianbing will begin on 22 September 2023, a few days "
    "after the second anniversary of their arrest."
)
RESPONSE = (
    "Amnesty International issued a press release to respond to their sentences in 2024, and "
    "published a joint statement with other organizations in September 2023 on the second "
    "anniversary of Wang and Huang's detention."
)
UNTIL = "PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 18 March 2025"
APPEALS = "Wang and Huang have formally filed appeals."


@pytest.mark.parametrize(
    ("source", "translation", "locale", "source_locale", "document"),
    [
        # English to Simplified and Traditional Chinese
        pytest.param(ARRESTED, ARRESTED_HANS, HANS, EN, None, id="en-hans-full-date"),
        pytest.param(ARRESTED, "#MeToo運動人士黃雪琴和勞工運動人士王建兵於2021年9月19日被捕。",
                     HANT, EN, None, id="en-hant-full-date"),
        pytest.param(SENTENCED,
                     "2024年6月14日，广州市中级人民法院以“煽动颠覆国家政权罪”判处黄雪琴有期徒刑"
                     "五年，判处劳工活动人士王建兵有期徒刑三年六个月。",
                     HANS, EN, "2024-09-09", id="date-moved-to-front"),
        pytest.param(SENTENCED,
                     "2024年6月14日，廣州市中級人民法院以「煽動顛覆國家政權罪」判處黃雪琴有期徒刑"
                     "五年，判處勞工運動人士王建兵有期徒刑三年六個月。",
                     HANT, EN, "2024-09-09", id="hant-date-moved-to-front"),
        pytest.param("On 19 September 2021, independent journalist and #MeToo activist Sophia "
                     "Huang Xueqin and labour rights activist Wang Jianbing were detained by the "
                     "police in Guangzhou, China.",
                     "二〇二一年九月十九日，独立记者、#MeToo活动人士黄雪琴和劳工权益活动人士王建兵"
                     "在中国广州被警方拘留。",
                     HANS, EN, "2023-09-21", id="chinese-numerals"),
        pytest.param(ARRESTED, "#MeToo運動人士黃雪琴和勞工運動人士王建兵於"
                     "２０２１年９月１９日被捕。", HANT, EN, None, id="full-width-digits"),
        pytest.param(ARRESTED, "#MeToo運動人士黃雪琴和勞工運動人士王建兵於"
                     "２０２１／９／１９被捕。", HANT, EN, None, id="full-width-numeric"),
        pytest.param(ARRESTED, "#MeToo運動人士黃雪琴和勞工運動人士王建兵於2021年9月19號被捕。",
                     HANT, EN, None, id="hao-for-the-day"),
        pytest.param(ARRESTED, "#MeToo運動人士黃雪琴和勞工運動人士王建兵於民國110年9月19日被捕。",
                     HANT, EN, "2024-09-09", id="minguo-year"),
        pytest.param(ARRESTED, "#MeToo 活动人士黄雪琴和劳工活动人士王建兵于 "
                     "2021 年 9 月 19 日被捕。", HANS, EN, None, id="spaced-digits"),
        pytest.param(RELEASED, "劳工活动人士王建兵在服满三年半刑期后，于2025年3月18日获释。",
                     HANS, EN, "2025-03-20", id="year-from-document-date"),
        pytest.param(RELEASED, "勞工運動人士王建兵在服滿三年半刑期後，於3月18日獲釋。",
                     HANT, EN, "2025-03-18", id="no-year-either-side"),
        pytest.param(RELEASED, "劳工活动人士王建兵在服满三年半刑期后，于2025年3月18日获释。",
                     HANS, EN, None, id="year-added-no-document-date"),
        pytest.param(DETAINED,
                     "她曾于2019年10月至2020年1月被拘留，并在撰写有关2019年香港大规模抗议活动的"
                     "文章后被控“寻衅滋事”。",
                     HANS, EN, None, id="range-zhi"),
        pytest.param(DETAINED,
                     "她此前曾在2019年10月到2020年1月期间被拘留，并在撰写有关2019年香港大规模抗议"
                     "活动的文章后被控“寻衅滋事”。",
                     HANS, EN, None, id="range-dao"),
        pytest.param(DETAINED,
                     "2019年10月，她在撰写有關2019年香港大規模抗議活動的文章後被拘留，並被控「尋釁"
                     "滋事」，直至2020年1月。",
                     HANT, EN, None, id="range-rephrased-as-two-dates"),
        pytest.param(DETAINED,
                     "她曾于2019年10月至1月被拘留，并在撰写有关2019年香港大规模抗议活动的文章后被控"
                     "“寻衅滋事”。",
                     HANS, EN, None, id="range-end-year-over-new-year"),
        pytest.param(TRANSFERRED, "2023年1月，他们被转移到广州市第一看守所，等待法院审判。",
                     HANS, EN, "2023-09-21", id="month-year"),
        pytest.param(ONCE,
                     "我们是黄雪琴和王建兵的朋友。黄雪琴是中国女权主义者和独立记者，曾于2019年被捕；"
                     "王建兵是中国职业病权益倡导者。",
                     HANS, EN, "2022-05-24", id="year-alone"),
        pytest.param(LAWYER, "王建兵的律师今年4月1日在网上第一次也是唯一一次会见了王建兵。",
                     HANS, EN, "2022-05-24", id="this-year"),
        pytest.param(LAWYER, "王建兵的律師於2022年4月1日在網上第一次也是唯一一次會見了王建兵。",
                     HANT, EN, "2022-05-24", id="this-year-written"),
        pytest.param("Friends of Huang Xueqin and Wang Jianbing, May 24, 2022",
                     "黄雪琴和王建兵的朋友们，2022年5月24日", HANS, EN, "2022-05-24",
                     id="american-order"),
        pytest.param(TRIAL, "黄雪琴和王建兵案将于2023年9月22日开庭审理，距他们被捕两周年仅数日。",
                     HANS, EN, "2023-09-21", id="trial"),
        pytest.param(RESPONSE,
                     "国际特赦组织于2024年发布新闻稿回应对他们的判决，并于2023年9月王建兵和黄雪琴被"
                     "拘留两周年之际，与其他组织发表了联合声明。",
                     HANS, EN, "2024-09-09", id="two-dates"),
        pytest.param(RESPONSE,
                     "2023年9月，在王建兵和黃雪琴被拘留兩週年之際，國際特赦組織與其他組織發表聯合"
                     "聲明；2024年，又發佈新聞稿回應對他們的判決。",
                     HANT, EN, "2024-09-09", id="two-dates-reordered"),
        pytest.param(UNTIL, "请尽快采取行动，截止日期：2025年3月18日", HANS, EN, "2024-09-09",
                     id="deadline"),
        pytest.param("Date: 9 September 2024", "日期：2024-09-09", HANS, EN, "2024-09-09",
                     id="iso-in-translation"),
        pytest.param("Write to the authorities from 14 to 18 March.", "请于3月14日至18日致信当局。",
                     HANS, EN, None, id="day-range"),
        pytest.param("Write to the authorities from 14 to 18 March.", "請於3月14-18日致函當局。",
                     HANT, EN, None, id="day-range-dash"),
        pytest.param("The trial begins on Friday, 22 September 2023.",
                     "审判于2023年9月22日（星期五）开始。", HANS, EN, "2023-09-21",
                     id="weekday-right"),
        pytest.param("They were arrested on 09/10/2021.", "他们于2021年10月9日被捕。", HANS,
                     "en_GB", None, id="numeric-day-first-in-en-gb"),
        pytest.param(APPEALS, "王建兵和黄雪琴已正式提出上诉。", HANS, EN, None, id="no-dates"),
        pytest.param("Changed in version 3.12: 2.7 to 3.0, at 10:30 (section 4.2).",
                     "在 3.12 版本中变更：2.7 到 3.0，10:30（见 4.2 节）。", HANS, EN, None,
                     id="versions-times-sections"),
        pytest.param("January", "一月", HANT, EN, None, id="calendar-label"),
        pytest.param("Argon2 is the winner of the 2015 Password Hashing Competition.",
                     "Argon2 是 2015 年密码哈希竞赛的获胜者。", HANS, EN, None,
                     id="year-as-adjective"),
        pytest.param("in the late 1980s", "1980 年代末期", HANS, EN, None, id="decade"),
        # Chinese to English
        pytest.param(ARRESTED_HANS, ARRESTED, EN, HANS, None, id="hans-en-full-date"),
        pytest.param("2024年6月14日，廣州市中級人民法院判處黃雪琴有期徒刑五年。",
                     "The Guangzhou Intermediate Court sentenced Huang Xueqin to five years in "
                     "prison on 14 June 2024.", EN, HANT, None, id="hant-en-date-moved-to-end"),
        pytest.param("二〇二一年九月十九日，黄雪琴和王建兵被捕。",
                     "Huang Xueqin and Wang Jianbing were arrested on September 19, 2021.",
                     EN, HANS, None, id="hans-en-numerals"),
        pytest.param("她曾於2019年10月至2020年1月間被拘留。",
                     "She was detained from October 2019 to January 2020.", EN, HANT, None,
                     id="hant-en-range"),
        pytest.param("王建兵于3月18日获释。", "Wang Jianbing was released on 18 March 2025.", EN,
                     HANS, "2025-03-18", id="hans-en-year-from-document"),
        pytest.param("黄雪琴曾于2019年被捕。", "Huang Xueqin was arrested in 2019.", EN, HANS,
                     None, id="hans-en-year"),
        pytest.param("截至2025年3月18日", "until 18 March 2025", EN, HANT, None,
                     id="hant-en-deadline"),
        pytest.param("2024年6月14日，孙林被判刑。", "On 14 June 2024, Sun Lin was sentenced.", EN,
                     HANS, None, id="sun-is-a-name-not-sunday"),
        # French, Spanish and German sources
        pytest.param("Ils ont été arrêtés le 19 septembre 2021 à Canton.",
                     "他们于2021年9月19日在广州被捕。", HANS, "fr", None, id="fr-hans"),
        pytest.param("Fueron detenidos el 19 de septiembre de 2021 en Cantón.",
                     "他們於2021年9月19日在廣州被拘留。", HANT, "es", None, id="es-hant"),
        pytest.param("Sie wurden am 19. September 2021 in Guangzhou festgenommen.",
                     "他们于2021年9月19日在广州被捕。", HANS, "de", None, id="de-hans"),
        pytest.param("Écrivez du 14 au 18 mars 2024.", "请于2024年3月14日至18日写信。", HANS,
                     "fr", None, id="fr-range"),
    ],
)
def test_correct_dates_pass(
    source: str, translation: str, locale: str, source_locale: str, document: str | None
) -> None:
    assert found(source, translation, locale, source_locale, document) == []


@pytest.mark.parametrize(
    ("source", "translation", "locale", "source_locale", "document", "expected"),
    [
        pytest.param(ARRESTED, "#MeToo活动人士黄雪琴和劳工活动人士王建兵于2021年8月19日被捕。",
                     HANS, EN, None, ["D101"], id="month-changed"),
        pytest.param(ARRESTED, "#MeToo運動人士黃雪琴和勞工運動人士王建兵於2021年9月18日被捕。",
                     HANT, EN, None, ["D101"], id="hant-day-changed"),
        pytest.param(ARRESTED, "#MeToo活动人士黄雪琴和劳工活动人士王建兵于2012年9月19日被捕。",
                     HANS, EN, None, ["D101"], id="year-changed"),
        pytest.param("On 14 June 2024, Huang was sentenced to five years.",
                     "2024年6月4日，黄雪琴被判处五年有期徒刑。", HANS, EN, None, ["D101"],
                     id="14-june-as-4-june"),
        pytest.param(SENTENCED,
                     "广州市中级人民法院以“煽动颠覆国家政权罪”判处黄雪琴有期徒刑五年，判处王建兵"
                     "有期徒刑三年六个月。", HANS, EN, "2024-09-09", ["D101"], id="date-dropped"),
        pytest.param(RELEASED, "劳工活动人士王建兵在服满三年半刑期后，于2024年3月18日获释。",
                     HANS, EN, "2025-03-20", ["D101"], id="year-contradicts-document"),
        pytest.param(RELEASED, "勞工運動人士王建兵在服滿三年半刑期後，於2026年3月18日獲釋。",
                     HANT, EN, "2025-03-18", ["D101"], id="hant-year-contradicts-document"),
        pytest.param(ARRESTED, "#MeToo活动人士黄雪琴和劳工活动人士王建兵于9月19日被捕。",
                     HANS, EN, "2024-09-09", ["D101"], id="dropped-year-not-the-documents"),
        pytest.param(DETAINED,
                     "她曾于2019年10月至2020年2月被拘留，并在撰写有关2019年香港大规模抗议活动的"
                     "文章后被控“寻衅滋事”。",
                     HANS, EN, None, ["D101"], id="range-end-changed"),
        pytest.param(DETAINED,
                     "她曾於2018年10月至2020年1月被拘留，並在撰寫有關2019年香港大規模抗議活動的"
                     "文章後被控「尋釁滋事」。",
                     HANT, EN, None, ["D101"], id="range-start-changed"),
        pytest.param(DETAINED,
                     "她曾于2019年10月被拘留，并在撰写有关2019年香港大规模抗议活动的文章后被控"
                     "“寻衅滋事”。",
                     HANS, EN, None, ["D101"], id="range-end-lost"),
        pytest.param(TRANSFERRED, "2022年1月，他们被转移到广州市第一看守所，等待法院审判。",
                     HANS, EN, None, ["D101"], id="month-year-year-changed"),
        pytest.param(RESPONSE,
                     "国际特赦组织于2024年发布新闻稿回应对他们的判决，并于2022年9月王建兵和黄雪琴被"
                     "拘留两周年之际，与其他组织发表了联合声明。",
                     HANS, EN, None, ["D101"], id="one-of-two-changed"),
        pytest.param(ONCE,
                     "我们是黄雪琴和王建兵的朋友。黄雪琴是中国女权主义者和独立记者，曾于2018年被捕；"
                     "王建兵是中国职业病权益倡导者。",
                     HANS, EN, None, ["D101"], id="year-alone-changed"),
        pytest.param("On 19 September 2021, Huang and Wang were detained.",
                     "二〇二一年九月十七日，黄雪琴和王建兵被拘留。", HANS, EN, None, ["D101"],
                     id="numerals-changed"),
        pytest.param(ARRESTED, "#MeToo運動人士黃雪琴和勞工運動人士王建兵於"
                     "２０２１年９月１８日被捕。", HANT, EN, None, ["D101"],
                     id="full-width-changed"),
        pytest.param(ARRESTED, "#MeToo運動人士黃雪琴和勞工運動人士王建兵於"
                     "２０２１／９／１８被捕。", HANT, EN, None, ["D101"],
                     id="full-width-numeric-changed"),
        pytest.param(ARRESTED, "#MeToo運動人士黃雪琴和勞工運動人士王建兵於2021年9月9號被捕。",
                     HANT, EN, None, ["D101"], id="hao-changed"),
        pytest.param(ARRESTED, "#MeToo 活动人士黄雪琴和劳工活动人士王建兵于 "
                     "2021 年 9 月 18 日被捕。", HANS, EN, None, ["D101"], id="spaced-changed"),
        pytest.param(LAWYER, "王建兵的律师于2021年4月1日在网上第一次也是唯一一次会见了王建兵。",
                     HANS, EN, "2022-05-24", ["D101"], id="this-year-is-not-last-year"),
        pytest.param("Friends of Huang Xueqin and Wang Jianbing, May 24, 2022",
                     "黄雪琴和王建兵的朋友们，2022年5月25日", HANS, EN, None, ["D101"],
                     id="american-order-changed"),
        pytest.param(UNTIL, "请尽快采取行动，截止日期：2025年3月8日", HANS, EN, None, ["D101"],
                     id="deadline-changed"),
        pytest.param(TRIAL, "黃雪琴和王建兵案將於2023年9月21日開庭審理，距他們被捕兩週年僅數日。",
                     HANT, EN, None, ["D101"], id="trial-changed"),
        pytest.param("Date: 9 September 2024", "日期：2024-09-19", HANS, EN, None, ["D101"],
                     id="iso-changed"),
        pytest.param("Write to the authorities from 14 to 18 March.", "请于3月14日至19日致信当局。",
                     HANS, EN, None, ["D101"], id="day-range-end-changed"),
        pytest.param("Write to the authorities from 14 to 18 March.", "請於3月14日致函當局。",
                     HANT, EN, None, ["D101"], id="day-range-collapsed"),
        pytest.param("They were arrested on 09/10/2021.", "他们于2021年10月9日被捕。", HANS, EN,
                     None, ["D101"], id="numeric-month-first-in-en"),
        # Chinese to English
        pytest.param("2024年6月14日，黄雪琴被判处五年有期徒刑。",
                     "On 4 June 2024, Huang Xueqin was sentenced to five years.", EN, HANS,
                     None, ["D101"], id="hans-en-day-changed"),
        pytest.param(ARRESTED_HANS,
                     "#MeToo activist Huang Xueqin and labour activist Wang Jianbing were "
                     "arrested on September 19, 2012.", EN, HANS, None, ["D101"],
                     id="hans-en-year-changed"),
        pytest.param("她曾於2019年10月至2020年1月間被拘留。",
                     "She was detained from October 2019 to January 2021.", EN, HANT, None,
                     ["D101"], id="hant-en-range-end-changed"),
        pytest.param(ARRESTED_HANS,
                     "#MeToo activist Huang Xueqin and labour activist Wang Jianbing were "
                     "arrested.",
                     EN, HANS, None, ["D101"], id="hans-en-date-dropped"),
        pytest.param("黄雪琴曾于2019年被捕。", "Huang Xueqin was arrested in 2018.", EN, HANS,
                     None, ["D101"], id="hans-en-year-alone-changed"),
        pytest.param("3月14日至18日", "from 14 to 17 March", EN, HANT, None, ["D101"],
                     id="hant-en-day-range-changed"),
        pytest.param("王建兵于3月18日获释。", "Wang Jianbing was released on 18 March 2024.", EN,
                     HANS, "2025-03-18", ["D101"], id="hans-en-year-contradicts-document"),
        # French, Spanish and German sources
        pytest.param("Ils ont été arrêtés le 19 septembre 2021 à Canton.",
                     "他们于2021年9月29日在广州被捕。", HANS, "fr", None, ["D101"],
                     id="fr-day-changed"),
        pytest.param("Fueron detenidos el 19 de septiembre de 2021 en Cantón.",
                     "他們於2021年10月19日在廣州被拘留。", HANT, "es", None, ["D101"],
                     id="es-month-changed"),
        pytest.param("Sie wurden am 19. September 2021 in Guangzhou festgenommen.",
                     "他們於2020年9月19日在廣州被捕。", HANT, "de", None, ["D101"],
                     id="de-year-changed"),
        # Dates the source does not have
        pytest.param(APPEALS, "王建兵和黄雪琴已于2024年6月正式提出上诉。", HANS, EN, None,
                     ["D102"], id="date-added"),
        pytest.param("Release them immediately.", "請於2025年3月18日前立即釋放他們。", HANT, EN,
                     None, ["D102"], id="hant-date-added"),
        pytest.param("立即释放他们。", "Release them immediately, before 18 March 2025.", EN,
                     HANS, None, ["D102"], id="hans-en-date-added"),
        pytest.param("Amnesty International published a joint statement.",
                     "国际特赦组织于2023年发表了一份联合声明。", HANS, EN, None, ["D102"],
                     id="year-added"),
        # A weekday that is not its date's
        pytest.param("The trial begins on Friday, 22 September 2023.",
                     "审判于2023年9月22日（星期四）开始。", HANS, EN, None, ["D103"],
                     id="weekday-wrong"),
        pytest.param("The trial begins on Friday, 22 September 2023.",
                     "審判於2023年9月22日（週四）開始。", HANT, EN, None, ["D103"],
                     id="hant-weekday-wrong"),
        pytest.param("审判于2023年9月22日（星期五）开始。",
                     "The trial begins on Thursday, 22 September 2023.", EN, HANS, None,
                     ["D103"], id="hans-en-weekday-wrong"),
    ],
)
def test_wrong_dates_fail(
    source: str,
    translation: str,
    locale: str,
    source_locale: str,
    document: str | None,
    expected: list[str],
) -> None:
    assert found(source, translation, locale, source_locale, document) == expected


@pytest.mark.parametrize(
    ("source", "translation", "document", "message"),
    [
        pytest.param(
            "On 14 June 2024, Huang was sentenced.", "2024年6月4日，黄雪琴被判刑。", None,
            "date 14 June 2024 (2024-06-14) of the source is missing; the translation has "
            "2024-06-04",
            id="changed",
        ),
        pytest.param(
            "released on 18 March", "于2024年3月18日获释", "2025-03-20",
            "date 18 March (03-18) of the source is missing; the translation has 2024-03-18 "
            "(a date without a year is the document's: 2025-03-20)",
            id="document-year",
        ),
        pytest.param(
            "between October 2019 and January 2020", "2019年10月至2020年2月", None,
            "date October 2019 and January 2020 (2019-10 to 2020-01) of the source is missing; "
            "the translation has 2019-10 to 2020-02",
            id="range",
        ),
        pytest.param(
            "arrested on 19 September 2021", "被捕", None,
            "date 19 September 2021 (2021-09-19) of the source is missing; the translation has "
            "no date",
            id="dropped",
        ),
    ],
)
def test_mismatch_message(
    source: str, translation: str, document: str | None, message: str
) -> None:
    pair = Pair(source, translation, HANS, EN, 1, document_date=document)
    assert list(date_mismatch(pair)) == [message]


def test_an_entry_without_dates_hides_nothing_after_it() -> None:
    """D101 remembers the entry it found without a date, for D102 and D103 of the same entry;
    another entry, another text or the same text in another locale is still checked."""
    text = "jeudi 22 septembre 2023"  # a Friday, a date in French but not in Chinese
    undated = Pair("Nothing here", text, HANS, EN, 1)
    assert list(date_mismatch(undated)) == []
    assert list(weekday_mismatch(text, HANS)) == []
    assert list(weekday_mismatch(text, "fr")) != []
    assert list(weekday_mismatch("Thursday 22 September 2023", EN)) != []
    assert list(date_added(Pair("Nothing here", "since 2019", EN, EN, 1))) != []
