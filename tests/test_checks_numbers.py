
"""Number checks: quantities of a source and its translation compared by value, both ways."""

from __future__ import annotations

import pytest

import toolkit.check  # noqa: F401  (importing it registers every check)
from toolkit.checks.registry import RULES
from toolkit.model import Pair

SENTENCED = (
    "On 14 June 2024, Huang was sentenced to five years and Wang to three years and six months."
)
ARRESTED = "It has been nearly 250 days since Huang and Wang were arrested."
NGOS = "Ahead of their trial in Guangzhou, 32 NGOs issued a joint statement."
DETAINED = "Both were detained incommunicado for more than five months."
FRIENDS = "Meanwhile, dozens of their friends have been summoned by the police."
ANNIVERSARY = "A joint statement was published on the second anniversary of their detention."
RELEASED = "Wang was released after completing a three-and-a-half-year sentence."


def found(msgid: str, msgstr: str, locale: str = "zh_Hans", source: str = "en") -> list[str]:
    """Codes of the number checks that fire on one entry."""
    pair = Pair(msgid=msgid, msgstr=msgstr, locale=locale, source_locale=source, line=1)
    return sorted(
        code for code, rule in RULES.items() if code[0] == "Q" and any(rule.function(pair))
    )


def messages(code: str, msgid: str, msgstr: str, locale: str = "zh_Hans") -> list[str]:
    return list(RULES[code].function(Pair(msgid, msgstr, locale, "en", 1)))


TABLE = ("msgid", "msgstr", "locale", "source")

CORRECT = [
    # English sources, Simplified translations, rephrased as translators do.
    (
        SENTENCED,
        "2024年6月14日，黄雪琴被判处五年有期徒刑，王建兵被判处三年六个月。",
        "zh_Hans",
        "en",
    ),
    (SENTENCED, "2024年6月14日，黄被判五年，王被判三年零六个月。", "zh_Hans", "en"),
    (SENTENCED, "黄雪琴和王建兵于2024年6月14日分别被判处5年和3年6个月徒刑。", "zh_Hans", "en"),
    (SENTENCED, "2024年6月14日，王被判三年半，黄被判五年。", "zh_Hans", "en"),
    (ARRESTED, "黄和王被捕已近250天。", "zh_Hans", "en"),
    (ARRESTED, "自黄和王被捕至今已将近250天。", "zh_Hans", "en"),
    (NGOS, "在广州的审判开始前，32个非政府组织发表了联合声明。", "zh_Hans", "en"),
    (DETAINED, "两人都被单独关押超过五个月。", "zh_Hans", "en"),
    (DETAINED, "两人均被隔离关押了五个多月。", "zh_Hans", "en"),
    (FRIENDS, "与此同时，他们的数十名朋友被警方传唤。", "zh_Hans", "en"),
    (FRIENDS, "与此同时，他们的几十个朋友都被警察传唤了。", "zh_Hans", "en"),
    (ANNIVERSARY, "在他们被拘留两周年之际发表了联合声明。", "zh_Hans", "en"),
    (RELEASED, "王在服完三年半的刑期后获释。", "zh_Hans", "en"),
    (RELEASED, "王在服满3年6个月刑期后获释。", "zh_Hans", "en"),
    (
        "He continues to be subject to “deprivation of political rights” for another three years.",
        "他将继续被“剥夺政治权利”三年。",
        "zh_Hans",
        "en",
    ),
    (
        "Huang is still serving her five-year prison sentence on the same charge.",
        "黄仍在以同一罪名服五年徒刑。",
        "zh_Hans",
        "en",
    ),
    (
        "They face prison sentences of up to five years.",
        "他们可能面临最高五年的刑期。",
        "zh_Hans",
        "en",
    ),
    (
        "Ten UN special procedures have described the RSDL as enforced disappearance.",
        "十项联合国特别程序将指定居所监视居住描述为强迫失踪。",
        "zh_Hans",
        "en",
    ),
    (
        "Wang Jianbing was held in solitary confinement for five months.",
        "王建兵被单独关押了五个月。",
        "zh_Hans",
        "en",
    ),
    (
        "The police held Wang in solitary confinement for at least five months.",
        "警方对王进行了至少五个月的单独关押。",
        "zh_Hans",
        "en",
    ),
    (
        "He was escorted to his family’s home almost 2000km away.",
        "他被押送回近2000公里外的家中。",
        "zh_Hans",
        "en",
    ),
    ("Two activists faced unjust conviction", "两名活动人士面临不公正定罪", "zh_Hans", "en"),
    (
        "Both of them have formally appealed to the Guangdong High Court.",
        "两人都已正式向广东省高级人民法院提起上诉。",
        "zh_Hans",
        "en",
    ),
    (
        "1. Come to the Guangzhou No. 1 Detention Center to meet them.",
        "1. 前往广州市第一看守所会见他们。",
        "zh_Hans",
        "en",
    ),
    (
        "Wang’s lawyer met him for the first and only time online on April 1 this year.",
        "王的律师今年4月1日第一次也是唯一一次在线会见了他。",
        "zh_Hans",
        "en",
    ),
    (
        "THIS IS THE THIRD AND FINAL OUTPUT FOR UA 44/22",
        "这是第44/22号紧急行动的第三次也是最后一次更新",
        "zh_Hans",
        "en",
    ),
    ("Sentenced to 5 years.", "被判处５年。", "zh_Hans", "en"),
    ("More than 30% of them", "其中超过30%的人", "zh_Hans", "en"),
    ("A fine of 0.5% of turnover.", "罚款为营业额的千分之五。", "zh_Hans", "en"),
    ("Half of them (50%) were released.", "其中一半（二分之一）获释。", "zh_Hans", "en"),
    ("The overhead is about 40%.", "开销约为40%。", "zh_Hans", "en"),
    (
        "Release Sophia Huang Xueqin and Wang Jianbing immediately and unconditionally;",
        "立即无条件释放黄雪琴和王建兵；",
        "zh_Hans",
        "en",
    ),
    (
        "System calls failing with EINTR are retried.",
        "因 EINTR（即 Errno 4）失败的系统调用会重试。",
        "zh_Hans",
        "en",
    ),
    (
        "Import the fixtures you exported in (1).",
        "导入你在第一步导出的 fixture 数据。",
        "zh_Hans",
        "en",
    ),
    ("It is up to 20% faster.", "它最多可快 20%。", "zh_Hans", "en"),
    # Chinese sources, English translations.
    (
        "黄雪琴被判处五年有期徒刑。",
        "Huang Xueqin was sentenced to five years in prison.",
        "en",
        "zh_Hans",
    ),
    (
        "王建兵被判处三年零六个月。",
        "Wang Jianbing was sentenced to three and a half years.",
        "en",
        "zh_Hans",
    ),
    ("王建兵被判处三年零六个月。", "Wang Jianbing got 3 years and 6 months.", "en", "zh_Hans"),
    ("他们的数十名朋友被传唤。", "Dozens of their friends were summoned.", "en", "zh_Hans"),
    ("他们已被关押近250天。", "They have been detained for nearly 250 days.", "en", "zh_Hans"),
    ("32个非政府组织发表联合声明。", "32 NGOs issued a joint statement.", "en", "zh_Hans"),
    (
        "在他们被捕两周年前夕",
        "On the eve of the second anniversary of their arrest",
        "en",
        "zh_Hans",
    ),
    (
        "两人被单独关押超过五个月。",
        "The pair were held incommunicado for over five months.",
        "en",
        "zh_Hans",
    ),
    # Traditional.
    ("Huang was sentenced to five years.", "黃雪琴被判處五年有期徒刑。", "zh_Hant", "en"),
    ("Wang got three years and six months.", "王建兵被判處三年六個月。", "zh_Hant", "en"),
    (DETAINED, "兩人均被單獨關押超過五個月。", "zh_Hant", "en"),
    (ARRESTED, "黃和王被捕已將近250天。", "zh_Hant", "en"),
    (NGOS, "在廣州的審判開始前，32個非政府組織發表了聯合聲明。", "zh_Hant", "en"),
    (FRIENDS, "與此同時，他們的數十名朋友被警方傳喚。", "zh_Hant", "en"),
    (ANNIVERSARY, "在他們被拘留兩週年之際發表了聯合聲明。", "zh_Hant", "en"),
    (
        "王建兵被判處三年六個月。",
        "Wang Jianbing was sentenced to 3 years and 6 months.",
        "en",
        "zh_Hant",
    ),
]

WRONG = [
    (SENTENCED, "2024年6月14日，黄被判处五年，王被判处三年五个月。", "zh_Hans", "en", ["Q101"]),
    (SENTENCED, "2024年6月14日，黄被判处五个月，王被判处三年六个月。", "zh_Hans", "en", ["Q101"]),
    (SENTENCED, "2024年6月14日，黄被判处三年，王被判处三年六个月。", "zh_Hans", "en", ["Q101"]),
    (SENTENCED, "2024年6月14日，黄被判处六年，王被判处三年六个月。", "zh_Hans", "en", ["Q101"]),
    (SENTENCED, "2024年6月14日，黄被判处五年，王被判处三年。", "zh_Hans", "en", ["Q101"]),
    (SENTENCED, "2024年6月14日，黄被判处五年，王被判处3年。", "zh_Hans", "en", ["Q101"]),
    (NGOS, "在广州的审判开始前，23个非政府组织发表了联合声明。", "zh_Hans", "en", ["Q101"]),
    (NGOS, "在广州的审判开始前，非政府组织发表了联合声明。", "zh_Hans", "en", ["Q101"]),
    (ARRESTED, "黄和王被捕已有250天。", "zh_Hans", "en", ["Q103"]),
    (ARRESTED, "黄和王被捕已超过250天。", "zh_Hans", "en", ["Q103"]),
    (ARRESTED, "黄和王被捕已近200天。", "zh_Hans", "en", ["Q101"]),
    (DETAINED, "两人都被单独关押了五个月。", "zh_Hans", "en", ["Q103"]),
    (DETAINED, "两人都被单独关押超过五年。", "zh_Hans", "en", ["Q101"]),
    (FRIENDS, "与此同时，他们的朋友被警方传唤。", "zh_Hans", "en", ["Q103"]),
    (FRIENDS, "与此同时，他们的数百名朋友被警方传唤。", "zh_Hans", "en", ["Q103"]),
    (ANNIVERSARY, "在他们被拘留三周年之际发表了联合声明。", "zh_Hans", "en", ["Q104"]),
    (RELEASED, "王在服完三年的刑期后获释。", "zh_Hans", "en", ["Q101"]),
    (
        "Ten UN special procedures have described the RSDL as enforced disappearance.",
        "九项联合国特别程序将指定居所监视居住描述为强迫失踪。",
        "zh_Hans",
        "en",
        ["Q101"],
    ),
    (
        "The police held Wang in solitary confinement for at least five months.",
        "警方对王进行了五个月的单独关押。",
        "zh_Hans",
        "en",
        ["Q103"],
    ),
    (
        "He was escorted to his family’s home almost 2000km away.",
        "他被押送回近200公里外的家中。",
        "zh_Hans",
        "en",
        ["Q101"],
    ),
    (
        "He continues to be subject to “deprivation of political rights” for another three years.",
        "他将继续被“剥夺政治权利”两年。",
        "zh_Hans",
        "en",
        ["Q101"],
    ),
    (
        "THIS IS THE THIRD AND FINAL OUTPUT FOR UA 44/22",
        "这是第44/22号紧急行动的第二次也是最后一次更新",
        "zh_Hans",
        "en",
        ["Q104"],
    ),
    ("3. Demand that they be released.", "4. 要求释放他们。", "zh_Hans", "en", ["Q105"]),
    ("Sentenced to 5 years.", "被判处６年。", "zh_Hans", "en", ["Q101"]),
    ("Sentenced to 3.5 years.", "被判处3年。", "zh_Hans", "en", ["Q101"]),
    ("More than 30% of them", "其中30%的人", "zh_Hans", "en", ["Q103"]),
    ("A fine of 0.5% of turnover.", "罚款为营业额的百分之五。", "zh_Hans", "en", ["Q101"]),
    ("The overhead is about 40%.", "开销为40%。", "zh_Hans", "en", ["Q103"]),
    (
        "It compares to a list of 20,000 passwords.",
        "它与2000个密码比较。",
        "zh_Hans",
        "en",
        ["Q101"],
    ),
    ("Return the day, from 1 through 31.", "返回日期，从0到31。", "zh_Hans", "en", ["Q101"]),
    ("Pass it as the second argument.", "将它作为第三个参数传入。", "zh_Hans", "en", ["Q104"]),
    ("Huang was sentenced.", "黄被判处五年。", "zh_Hans", "en", ["Q102"]),
    ("It is up to 20% faster.", "它快了 20%。", "zh_Hans", "en", ["Q103"]),
    (
        "The PBKDF2 iteration count is 390,000.",
        "PBKDF2 迭代次数为 39,000。",
        "zh_Hans",
        "en",
        ["Q101"],
    ),
    ("They were detained in Guangzhou.", "他们在广州被关押了5个月。", "zh_Hans", "en", ["Q102"]),
    # A unit after a hyphen, after several spaces, in capitals: past the quick test of units.
    ("He faces a 5-year sentence.", "他面临五个月的刑期。", "zh_Hans", "en", ["Q101"]),
    ("Wait 5  days.", "等待5个月。", "zh_Hans", "en", ["Q101"]),
    ("It lasted 3 Weeks.", "持续了3个月。", "zh_Hans", "en", ["Q101"]),
    ("The overhead is about 40 %.", "开销为40%。", "zh_Hans", "en", ["Q103"]),
    # Chinese sources, English translations.
    (
        "王建兵被判处三年零六个月。",
        "Wang Jianbing was sentenced to three years.",
        "en",
        "zh_Hans",
        ["Q101"],
    ),
    ("他们已被关押近250天。", "They have been detained for 250 days.", "en", "zh_Hans", ["Q103"]),
    (
        "32个非政府组织发表联合声明。",
        "23 NGOs issued a joint statement.",
        "en",
        "zh_Hans",
        ["Q101"],
    ),
    (
        "在他们被捕两周年前夕",
        "On the eve of the third anniversary of their arrest",
        "en",
        "zh_Hans",
        ["Q104"],
    ),
    (
        "黄雪琴被判处五年有期徒刑。",
        "Huang was sentenced to five months.",
        "en",
        "zh_Hans",
        ["Q101"],
    ),
    ("他们的数十名朋友被传唤。", "Their friends were summoned.", "en", "zh_Hans", ["Q103"]),
    (
        "两人被单独关押超过五个月。",
        "The pair were held for five months.",
        "en",
        "zh_Hans",
        ["Q103"],
    ),
    # Traditional.
    ("Wang got three years and six months.", "王建兵被判處三年五個月。", "zh_Hant", "en", ["Q101"]),
    ("Huang was sentenced to five years.", "黃雪琴被判處五個月。", "zh_Hant", "en", ["Q101"]),
    (NGOS, "在廣州的審判開始前，23個非政府組織發表了聯合聲明。", "zh_Hant", "en", ["Q101"]),
    (ARRESTED, "黃和王被捕已有250天。", "zh_Hant", "en", ["Q103"]),
    (ANNIVERSARY, "在他們被拘留三週年之際發表了聯合聲明。", "zh_Hant", "en", ["Q104"]),
    (DETAINED, "兩人均被單獨關押了五個月。", "zh_Hant", "en", ["Q103"]),
    ("他們已被關押將近250天。", "They have been detained for 250 days.", "en", "zh_Hant", ["Q103"]),
]


@pytest.mark.parametrize(TABLE, [pytest.param(*row, id=f"ok-{i}") for i, row in enumerate(CORRECT)])
def test_correct_translations_pass(msgid: str, msgstr: str, locale: str, source: str) -> None:
    assert found(msgid, msgstr, locale, source) == []


@pytest.mark.parametrize(
    (*TABLE, "expected"), [pytest.param(*row, id=f"wrong-{i}") for i, row in enumerate(WRONG)]
)
def test_wrong_translations_fail(
    msgid: str, msgstr: str, locale: str, source: str, expected: list[str]
) -> None:
    assert found(msgid, msgstr, locale, source) == expected


def test_tables_are_large_enough() -> None:
    assert len(CORRECT) >= 40 and len(WRONG) >= 40
    for rows in (CORRECT, WRONG):
        assert {(row[2], row[3]) for row in rows} >= {
            ("zh_Hans", "en"), ("zh_Hant", "en"), ("en", "zh_Hans"), ("en", "zh_Hant")
        }  # fmt: skip


def test_message_says_what_and_instead() -> None:
    (message,) = messages("Q101", "Wang got three years and six months.", "王被判处三年五个月。")
    assert message == (
        '"three years and six months" (42 months) of the source is missing; '
        "the translation has 三年五个月 (41 months)"
    )


def test_message_for_a_dropped_qualifier() -> None:
    (message,) = messages("Q103", ARRESTED, "黄和王被捕已有250天。")
    assert message == 'the source says "nearly 250 days"; the translation has 250天 (250 days)'


def test_message_for_an_ordinal() -> None:
    (message,) = messages("Q104", ANNIVERSARY, "在他们被拘留三周年之际发表了联合声明。")
    assert message == (
        '"second anniversary" (2nd anniversary) of the source is 三周年 (3rd anniversary) '
        "in the translation"
    )


def test_every_check_has_a_failing_case() -> None:
    codes = {code for row in WRONG for code in row[4]}
    assert codes == {code for code in RULES if code[0] == "Q"}
