# ruff: noqa: RUF003  (full-width Chinese punctuation is the test data)
"""Markup checks: emphasis, code, links, images, URLs, e-mail, HTML tags and placeholders."""

from __future__ import annotations

import pytest

import toolkit.check  # noqa: F401  (importing it registers every check)
from toolkit.checks.registry import RULES
from toolkit.model import Pair

# A real sentence of source_texts/urgent-action-2024.md and a good translation of it.
CONCERN = (
    "I am writing to express my concern for #MeToo activist **Huang Xueqin (黄雪琴)** and "
    "labour activist **Wang Jianbing (王建兵)**."
)
CONCERN_ZH = (
    "我写信是为了表达对 #MeToo 活动人士 **黄雪琴（Huang Xueqin）** 和劳工活动人士 "
    "**王建兵（Wang Jianbing）** 的关注。"
)
CONTACT = "For further information please contact: Kevin Darling, Kevin.Darling@amnesty.org."
CONTACT_ZH = "如需更多信息，请联系：Kevin Darling，Kevin.Darling@amnesty.org。"
PREVIOUS = "LINK TO PREVIOUS UA: https://www.amnesty.org/en/documents/asa17/5628/2022/en/"
PREVIOUS_ZH = "上一期紧急行动的链接：https://www.amnesty.org/en/documents/asa17/5628/2022/en/"


def found(
    msgid: str,
    msgstr: str,
    locale: str = "zh_Hans",
    source_locale: str = "en",
    flags: tuple[str, ...] = (),
) -> list[str]:
    """Codes of the markup checks that fire on one entry."""
    pair = Pair(
        msgid=msgid,
        msgstr=msgstr,
        locale=locale,
        source_locale=source_locale,
        line=1,
        flags=frozenset(flags),
    )
    return sorted(
        code for code, rule in RULES.items() if code[0] == "M" and any(rule.function(pair))
    )


def messages(code: str, msgid: str, msgstr: str, flags: tuple[str, ...] = ()) -> list[str]:
    pair = Pair(msgid, msgstr, "zh_Hans", "en", 1, flags=frozenset(flags))
    return list(RULES[code].function(pair))


TABLE = ("msgid", "msgstr", "locale", "source_locale", "expected")


@pytest.mark.parametrize(
    TABLE,
    [
        pytest.param(CONCERN, CONCERN_ZH, "zh_Hans", "en", [], id="bold-names-kept"),
        pytest.param(
            CONCERN,
            CONCERN_ZH.replace("**王建兵（Wang Jianbing）**", "王建兵（Wang Jianbing）"),
            "zh_Hans",
            "en",
            ["M101"],
            id="bold-lost",
        ),
        # CommonMark closes no ** between ） and 和: the bold shows as stars.
        pytest.param(CONCERN, CONCERN_ZH.replace(" ", ""), "zh_Hans", "en", ["M101"], id="stuck"),
        pytest.param("a *flag* b", "一个 _标志_ 乙", "zh_Hans", "en", [], id="underscore-same"),
        pytest.param("*arg* is kept", "*arg* 会保留，*arg* 不变", "zh_Hans", "en", [], id="repeat"),
        pytest.param(
            "*buf* of size *len*",
            "大小为 *len* 的 *bug*",
            "zh_Hans",
            "en",
            ["M101"],
            id="name-misspelt",
        ),
        pytest.param("Calls __init__ first", "首先调用__init__", "zh_Hans", "en", [], id="dunder"),
        # snake_case opens no emphasis (the fast parse): the translation's "_x_" still counts.
        pytest.param(
            "Set max_size with `f`.",
            "用 `f` 设置 _max_size_。",
            "zh_Hans",
            "en",
            ["M101"],
            id="added",
        ),
        pytest.param(
            "Use *x* with `f`.", "用 `f` 使用 x。", "zh_Hans", "en", ["M101"], id="lost-near-code"
        ),
        pytest.param("See `Fork`_.", "参见 `分支`_。", "zh_Hans", "en", [], id="rest-reference"),
        pytest.param("不要*伤害*他们", "Do not *hurt* them", "en", "zh_Hans", [], id="zh-source"),
    ],
)
def test_emphasis_count(
    msgid: str, msgstr: str, locale: str, source_locale: str, expected: list[str]
) -> None:
    assert found(msgid, msgstr, locale, source_locale) == expected


def test_emphasis_message_hints_at_the_stuck_marker() -> None:
    (message,) = messages("M101", CONCERN, CONCERN_ZH.replace(" ", ""))
    assert "'**' between '）' and '和'" in message
    assert "**Wang Jianbing (王建兵)**" in message


@pytest.mark.parametrize(
    TABLE,
    [
        pytest.param("Returns ``None``.", "返回 ``None``。", "zh_Hans", "en", [], id="kept"),
        pytest.param("Returns ``None``.", "返回 ``无``。", "zh_Hans", "en", ["M102"], id="changed"),
        pytest.param("Returns ``None``.", "返回 None。", "zh_Hans", "en", ["M102"], id="lost"),
        pytest.param(
            "See :ref:`the tutorial <tut-intro>`.",
            "参见 :ref:`教程 <tut-intro>`。",
            "zh_Hans",
            "en",
            [],
            id="ref-text-translated",
        ),
        pytest.param(
            "See :ref:`tut-intro`.",
            "参见 :ref:`tut-start`。",
            "zh_Hans",
            "en",
            ["M102"],
            id="ref-target-changed",
        ),
        pytest.param(
            "Use :meth:`clear`.",
            "使用 :meth:`~Event.clear`。",
            "zh_Hans",
            "en",
            [],
            id="target-qualified",
        ),
        pytest.param(
            "A :dfn:`code point` is", "一个 :dfn:`码位` 是", "zh_Hans", "en", [], id="prose-role"
        ),
        # Texts of code spans only take the fast parse: roles, double backticks, a role's
        # word after other text, and a role written after a line break still count.
        pytest.param(
            "Use ``None`` or :func:`len` (:data:`x`).",
            "使用 ``None`` 或 :func:`length`（:data:`x`）。",
            "zh_Hans",
            "en",
            ["M102"],
            id="fast-role-target-changed",
        ),
        pytest.param(
            "Use ``a `b` c`` here.",
            "在此使用 ``a `b` c``。",
            "zh_Hans",
            "en",
            [],
            id="fast-inner-backticks-kept",
        ),
        pytest.param(
            "Use ``a `b` c`` here.",
            "在此使用 ``a `c` c``。",
            "zh_Hans",
            "en",
            ["M102"],
            id="fast-inner-backticks-changed",
        ),
        pytest.param(
            "Use :class:`~django.contrib.contenttypes.fields.GenericForeignKey`.",
            "使用 :class:`~django.contrib.contenttypes.field.GenericForeignKey`。",
            "zh_Hans",
            "en",
            ["M102"],
            id="module-misspelt",
        ),
    ],
)
def test_code_changed(
    msgid: str, msgstr: str, locale: str, source_locale: str, expected: list[str]
) -> None:
    assert found(msgid, msgstr, locale, source_locale) == expected


def test_program_messages_have_no_markup() -> None:
    # sphinx.po: backticks quote a value in a program's message; the translation uses “”.
    msgid, msgstr = "The config value `{name}` is wrong", "配置项“{name}”有误"
    assert found(msgid, msgstr, flags=("python-brace-format",)) == []


@pytest.mark.parametrize(
    TABLE,
    [
        pytest.param(
            "Read [the report](https://a.org/x).",
            "阅读[报告](https://a.org/x)。",
            "zh_Hans",
            "en",
            [],
            id="text-translated",
        ),
        pytest.param(
            "Read [the report](https://a.org/x).",
            "阅读[报告](https://a.org/y)。",
            "zh_Hans",
            "en",
            ["M103"],
            id="target-changed",
        ),
        pytest.param(
            "Read [the report](https://a.org/x).",
            "阅读报告。",
            "zh_Hans",
            "en",
            ["M103"],
            id="link-lost",
        ),
        pytest.param(
            "See `the docs <https://docs.python.org/3/library/>`_.",
            "参见 `文档 <https://docs.python.org/zh-cn/3/library/>`_。",
            "zh_Hans",
            "en",
            [],
            id="localised-page",
        ),
        pytest.param(
            "`Fibonacci <https://en.wikipedia.org/wiki/Fibonacci_number>`_",
            "`斐波那契数列 <https://zh.wikipedia.org/wiki/斐波那契数列>`_",
            "zh_Hans",
            "en",
            [],
            id="wikipedia-in-chinese",
        ),
        pytest.param(
            "Join the `Django forum`_.",
            "加入“Django 论坛”。",
            "zh_Hans",
            "en",
            ["M103"],
            id="rest-reference-lost",
        ),
        pytest.param(
            "Servers such as `nginx`_.",
            "例如 nginx_ 服务器。",
            "zh_Hans",
            "en",
            [],
            id="rest-bare-reference",
        ),
        pytest.param(
            "the deal of cards in `bridge`_.",
            "手上 桥牌_ 的细节。",
            "zh_Hans",
            "en",
            [],
            id="rest-bare-reference-chinese",
        ),
        pytest.param(
            "Read `the docs <https://a.org/>`_ and `api`__ (see snake_case).",
            "阅读`文档 <https://a.org/>`_（见 snake_case）。",
            "zh_Hans",
            "en",
            ["M103"],
            id="fast-anonymous-reference-lost",
        ),
        pytest.param(
            "Read `the docs <https://a.org/>`_.",
            "阅读`文档 <https://b.org/>`_。",
            "zh_Hans",
            "en",
            ["M103"],
            id="fast-reference-target-changed",
        ),
        pytest.param(
            "Django uses Trac_ for tickets.",
            "Django 使用 Trac _ 管理工单。",
            "zh_Hans",
            "en",
            ["M103"],
            id="rest-reference-broken",
        ),
    ],
)
def test_link_target(
    msgid: str, msgstr: str, locale: str, source_locale: str, expected: list[str]
) -> None:
    assert found(msgid, msgstr, locale, source_locale) == expected


def test_link_message_names_both_targets() -> None:
    (message,) = messages("M103", "[x](https://a.org/x)", "[甲](https://a.org/y)")
    assert message == (
        "link target 'https://a.org/x' of the source is missing; "
        "the translation links to 'https://a.org/y': copy it unchanged"
    )


@pytest.mark.parametrize(
    TABLE,
    [
        pytest.param(
            "![](https://i.imgur.com/MQKYoNp.png)",
            "![](https://i.imgur.com/MQKYoNp.png)",
            "zh_Hans",
            "en",
            [],
            id="open-letter-image",
        ),
        pytest.param(
            "![Huang](https://i.imgur.com/MQKYoNp.png)",
            "![黄雪琴](https://i.imgur.com/a.png)",
            "zh_Hans",
            "en",
            ["M104"],
            id="image-changed",
        ),
    ],
)
def test_image_source(
    msgid: str, msgstr: str, locale: str, source_locale: str, expected: list[str]
) -> None:
    assert found(msgid, msgstr, locale, source_locale) == expected


@pytest.mark.parametrize(
    TABLE,
    [
        pytest.param(PREVIOUS, PREVIOUS_ZH, "zh_Hans", "en", [], id="urgent-action-link"),
        pytest.param(
            PREVIOUS, PREVIOUS_ZH.replace("5628", "5629"), "zh_Hans", "en", ["M105"], id="changed"
        ),
        pytest.param(
            "at https://bugs.python.org.",
            "在https://bugs.python.org上",
            "zh_Hans",
            "en",
            [],
            id="no-space-before-url",
        ),
        pytest.param(
            "Open http://localhost:8000/js_tests/tests.html now.",
            "打开 http://localhost:8000/js_tests /tests.html。",
            "zh_Hans",
            "en",
            ["M105"],
            id="space-inside",
        ),
    ],
)
def test_url_changed(
    msgid: str, msgstr: str, locale: str, source_locale: str, expected: list[str]
) -> None:
    assert found(msgid, msgstr, locale, source_locale) == expected


@pytest.mark.parametrize(
    TABLE,
    [
        pytest.param(CONTACT, CONTACT_ZH, "zh_Hans", "en", [], id="joint-statement-contact"),
        pytest.param(
            CONTACT,
            CONTACT_ZH.replace("Kevin.Darling@", "Kevin.Darlin@"),
            "zh_Hans",
            "en",
            ["M106"],
            id="misspelt",
        ),
        pytest.param(
            "Write to security@djangoproject.com.",
            "请写信至邮箱security@djangoproject.com。",
            "zh_Hans",
            "en",
            [],
            id="glued-to-chinese",
        ),
    ],
)
def test_email_changed(
    msgid: str, msgstr: str, locale: str, source_locale: str, expected: list[str]
) -> None:
    assert found(msgid, msgstr, locale, source_locale) == expected


@pytest.mark.parametrize(
    TABLE,
    [
        pytest.param("Press <b>Send</b> now", "现在按<b>发送</b>", "zh_Hans", "en", [], id="kept"),
        pytest.param("Press <b>Send</b> now", "现在按发送", "zh_Hans", "en", ["M107"], id="lost"),
        pytest.param(
            '<a href="%(url)s">Read</a>',
            '<a href="%(link)s">阅读</a>',
            "zh_Hans",
            "en",
            ["M107", "M108"],
            id="href-changed",
        ),
        pytest.param("line<br>break", "换行<br>了", "zh_Hans", "en", [], id="void"),
        # git: <mark> is a placeholder of a usage string, translated as <标记>.
        pytest.param(
            "append <mark> on dirty working tree",
            "对于脏工作区，追加 <标记>",
            "zh_Hans",
            "en",
            [],
            id="placeholder-not-html",
        ),
    ],
)
def test_html_tags(
    msgid: str, msgstr: str, locale: str, source_locale: str, expected: list[str]
) -> None:
    assert found(msgid, msgstr, locale, source_locale) == expected


@pytest.mark.parametrize(
    ("msgid", "msgstr", "flags", "expected"),
    [
        pytest.param("%d files in %s", "%s 中有 %d 个文件", ("c-format",), ["M108"], id="swapped"),
        pytest.param("%d files in %s", "%2$s 中有 %1$d 个文件", ("c-format",), [], id="numbered"),
        pytest.param("%d files", "%s 个文件", ("c-format",), ["M108"], id="conversion-changed"),
        pytest.param("Hello %(name)s", "你好", ("python-format",), ["M108"], id="named-lost"),
        pytest.param("Hello %(name)s", "%(name)s，你好", ("python-format",), [], id="named-moved"),
        pytest.param("100%% done", "完成 100%%", ("c-format",), [], id="percent-sign"),
        pytest.param("'%.*s' missing", "缺少 '%2$.*1$s'", ("c-format",), [], id="star-numbered"),
        pytest.param(
            "offset %<PRIuMAX> in %s", "%2$s 中的偏移 %1$<PRIuMAX>", ("c-format",), [], id="pri"
        ),
        pytest.param("Loaded %s.", "已加载。", (), ["M108"], id="unflagged-lost"),
        pytest.param("50% of them", "其中 50%", (), [], id="percent-prose"),
        pytest.param("%a %b %e %H:%M:%S %Y", "%Y年%m月%d日 %H时%M分%S秒", (), [], id="strftime"),
        pytest.param("Use ``%s`` here", "此处用 %s", (), ["M102"], id="code-only"),
    ],
)
def test_printf_placeholders(
    msgid: str, msgstr: str, flags: tuple[str, ...], expected: list[str]
) -> None:
    assert found(msgid, msgstr, flags=flags) == expected


def test_printf_plural_forms() -> None:
    # git: the singular has no count; the only Chinese form answers to the plural.
    pair = Pair(
        msgid="The bundle contains this ref:",
        msgstr="这个捆绑包中含有 %<PRIuMAX> 个引用：",
        locale="zh_TW",
        source_locale="en",
        line=1,
        msgid_plural="The bundle contains these %<PRIuMAX> refs:",
        msgstr_plural=("这个捆绑包中含有 %<PRIuMAX> 个引用：",),
        flags=frozenset({"c-format"}),
    )
    assert list(RULES["M108"].function(pair)) == []


def test_printf_order_message() -> None:
    (message,) = messages("M108", "%d files in %s", "%s 中有 %d 个文件", ("c-format",))
    assert message.startswith("placeholders are in another order (%d %s in the source")


@pytest.mark.parametrize(
    ("msgid", "msgstr", "flags", "expected"),
    [
        pytest.param("Hello {name}", "你好，{name}", ("python-brace-format",), [], id="kept"),
        pytest.param(
            "Hello {name}", "你好，{名字}", ("python-brace-format",), ["M109"], id="translated"
        ),
        pytest.param("{0} of {1}", "{1} 中的 {0}", (), [], id="positional-reordered"),
        pytest.param("{0} of {1}", "{1} 中的", (), ["M109"], id="unflagged-lost"),
        pytest.param("the set {1, 2}", "集合 {1,2}", (), [], id="set-notation"),
        pytest.param("``{name}`` here", "此处 ``{名字}``", (), ["M102"], id="in-code"),
    ],
)
def test_brace_placeholders(
    msgid: str, msgstr: str, flags: tuple[str, ...], expected: list[str]
) -> None:
    assert found(msgid, msgstr, flags=flags) == expected


def expected_codes(namespace: dict[str, object]) -> set[str]:
    """Every code some parametrised case of the test module expects to fire."""
    codes: set[str] = set()
    for test in namespace.values():
        for mark in getattr(test, "pytestmark", []):
            if mark.name == "parametrize" and "expected" in mark.args[0]:
                codes.update(code for case in mark.args[1] for code in case.values[-1])
    return codes


def test_every_markup_check_has_a_failing_case() -> None:
    assert {code for code in RULES if code[0] == "M"} <= expected_codes(globals())
