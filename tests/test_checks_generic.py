"""Completeness and format checks: a table of failing and passing cases each."""

from __future__ import annotations

from pathlib import Path

import pytest

import toolkit.checks  # noqa: F401  (registers every check)
from toolkit.check import check
from toolkit.checks.engine import Options

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"Plural-Forms: {plural}\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
)
ZH = {"language": "zh_Hans", "plural": "nplurals=1; plural=0;"}


def codes(tmp_path: Path, body: str, *, name: str = "zh_Hans.po", header: dict[str, str] = ZH,
          select: tuple[str, ...] = ("C", "F")) -> list[tuple[str, int | None]]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER.format(**header) + body, encoding="utf-8")
    report = check([path], None, Options(select=select, use_cache=False))
    return [(finding.code, finding.location.line) for finding in report.findings]


CASES = [
    pytest.param('msgid "a"\nmsgstr ""\n', [("C101", 7)], id="untranslated"),
    pytest.param('msgid "a"\nmsgstr "甲"\n', [], id="translated"),
    pytest.param('#, fuzzy\nmsgid "a"\nmsgstr "甲"\n', [("C102", 8)], id="fuzzy"),
    pytest.param('#~ msgid "a"\n#~ msgstr ""\n', [], id="obsolete-untranslated-ignored"),
    pytest.param(
        'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "甲"\nmsgstr[1] "乙"\n', [("F106", 7)],
        id="plural-count-too-many",
    ),
    pytest.param('msgid "a"\nmsgid_plural "as"\nmsgstr[0] "甲"\n', [], id="plural-count-right"),
    pytest.param('msgid "a\\n"\nmsgstr "甲\\\\n"\n', [("F107", 7)], id="literal-backslash-n"),
    pytest.param('msgid "a\\\\n"\nmsgstr "甲\\\\n"\n', [], id="literal-escape-in-both"),
]


@pytest.mark.parametrize(("body", "expected"), CASES)
def test_entry_checks(tmp_path: Path, body: str, expected: list[tuple[str, int]]) -> None:
    assert codes(tmp_path, body) == expected


HEADERS = [
    pytest.param({"language": "zh_TW", "plural": "nplurals=1; plural=0;"}, "zh_Hans/x.po",
                 ["F104"], id="language-disagrees-with-path"),
    pytest.param({"language": "zh_CN", "plural": "nplurals=1; plural=0;"}, "zh_Hans/x.po", [],
                 id="gettext-alias-agrees"),
    pytest.param({"language": "zh_Hans", "plural": "nplurals=2; plural=(n != 1);"}, "x.po",
                 ["F105"], id="plural-forms-wrong-for-chinese"),
    pytest.param({"language": "fr", "plural": "nplurals=2; plural=n>1;"}, "x.po", [],
                 id="plural-forms-equivalent-expression"),
    pytest.param({"language": "en", "plural": "nplurals=2; plural=(n > 1);"}, "x.po", ["F105"],
                 id="plural-forms-french-rule-for-english"),
    pytest.param({"language": "ru", "plural": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 :"
                  " n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"}, "x.po", [],
                 id="plural-forms-russian"),
]


@pytest.mark.parametrize(("header", "name", "expected"), HEADERS)
def test_header_checks(tmp_path: Path, header: dict[str, str], name: str, expected: list[str]) -> None:
    found = codes(tmp_path, 'msgid "a"\nmsgstr "b"\n', name=name, header=header)
    assert [code for code, _ in found] == expected


def test_missing_language_header(tmp_path: Path) -> None:
    path = tmp_path / "zh_TW" / "LC_MESSAGES" / "x.po"
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                    'msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    report = check([path], None, Options(select=("F104",), use_cache=False))
    assert [f.message for f in report.findings] == ['no Language header: add "Language: zh_TW"']
