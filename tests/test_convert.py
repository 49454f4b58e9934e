"""``advocacy convert``: one Chinese script from the other with OpenCC, the glossary's forms winning,
reviewed entries respected, sources written in Chinese converted from their own text."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from toolkit.catalog.reader import parse_catalog, read_catalog
from toolkit.catalog.writer import format_catalog, write_catalog
from toolkit.cli import cli
from toolkit.convert import (
    convert,
    convert_catalogue,
    convert_text,
    glossary_overrides,
    opencc_config,
)
from toolkit.glossary import Glossary, load_glossary
from toolkit.glossary.model import has_cjk
from toolkit.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "locales" / "glossary.toml"
TEST_GLOSSARY = Path(__file__).parent / "data" / "glossary" / "glossary.toml"

HEADER = 'msgid ""\nmsgstr ""\n"Language: {}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def catalogue(locale: str, body: str) -> polib.POFile:
    return parse_catalog(HEADER.format(locale) + body, Path(f"{locale}.po"))


@pytest.mark.parametrize(
    ("source", "target", "config"),
    [("zh_Hans", "zh_Hant", "s2twp"), ("zh_CN", "zh_TW", "s2twp"), ("zh_Hans", "zh_HK", "s2hk"),
     ("zh_Hant", "zh_Hans", "t2s"), ("zh_TW", "zh_CN", "tw2sp")],
)
def test_opencc_config(source: str, target: str, config: str) -> None:
    assert opencc_config(source, target) == config


@pytest.mark.parametrize(
    ("text", "config", "overrides", "expected"),
    [
        pytest.param("黄雪琴的律师", "s2twp", {}, "黃雪琴的律師", id="characters"),
        pytest.param("软件和信息", "s2twp", {}, "軟體和資訊", id="taiwan-phrasing"),
        pytest.param("软件和信息", "s2hk", {}, "軟件和信息", id="hong-kong"),
        pytest.param("广州市第一看守所", "s2twp", {"看守所": "看守所(官方)"}, "廣州市第一看守所(官方)",
                     id="glossary-form-wins"),
    ],
)
def test_convert_text(text: str, config: str, overrides: dict[str, str], expected: str) -> None:
    assert convert_text(text, config, overrides) == expected


@pytest.fixture(scope="module")
def shipped() -> Glossary:
    return load_glossary(SHIPPED)


# OpenCC's Taiwan phrasing (s2twp) gets some official names wrong; the glossary's forms win.
# The last column is OpenCC's own output, to show what each case corrects.
GLOSSARY_CASES = [
    pytest.param("二人均已向广东省高级人民法院提起上诉。", "zh_Hans", "zh_Hant",
                 "二人均已向廣東省高級人民法院提起上訴。", "廣東省高階人民法院", id="court-title"),
    pytest.param("台湾人权促进会等32个组织发表联合声明", "zh_Hans", "zh_Hant",
                 "台灣人權促進會等32個組織發表聯合聲明", "臺灣人權促進會", id="own-name-and-statement"),
    pytest.param("致联合国人权事务高级专员巴切莱特女士", "zh_Hans", "zh_TW",
                 "致聯合國人權事務高級專員巴切萊特女士", "高階專員", id="un-title-zh-tw"),
    pytest.param("十个联合国特别程序机制", "zh_Hans", "zh_Hant", "十個聯合國特別程序機制",
                 "特別程式", id="special-procedures"),
    pytest.param("联合国人权事务高级专员办事处", "zh_Hans", "zh_Hant", "聯合國人權事務高級專員辦事處",
                 "高階專員辦事處", id="longest-form-first"),
    pytest.param("保护卫士和中国人权捍卫者", "zh_Hans", "zh_HK", "保護衞士和中國人權捍衞者",
                 None, id="derived-form-hong-kong-characters"),
    pytest.param("保护卫士和中国人权捍卫者", "zh_Hans", "zh_Hant", "保護衛士和中國人權捍衛者",
                 None, id="derived-form-taiwan-characters"),
    pytest.param("软件和信息", "zh_Hans", "zh_Hant", "軟體和資訊", None,
                 id="no-glossary-term-plain-opencc"),
    pytest.param("臺灣人權促進會和人權公約施行監督聯盟", "zh_Hant", "zh_Hans",
                 "台湾人权促进会和人权公约施行监督联盟", None, id="to-simplified"),
    pytest.param("向廣東省高級人民法院上訴", "zh_TW", "zh_CN", "向广东省高级人民法院上诉", None,
                 id="to-simplified-from-taiwan"),
]


@pytest.mark.parametrize(("text", "source", "target", "expected", "opencc_alone"), GLOSSARY_CASES)
def test_glossary_forms_win(
    shipped: Glossary, text: str, source: str, target: str, expected: str, opencc_alone: str | None
) -> None:
    config = opencc_config(source, target)
    overrides = glossary_overrides(shipped, source, target)
    assert convert_text(text, config, overrides) == expected
    if opencc_alone is not None:
        assert opencc_alone in convert_text(text, config, {})


@pytest.mark.parametrize(
    ("source", "target", "form", "wanted"),
    [
        pytest.param("zh_Hans", "zh_Hant", "黄雪琴", "黃雪琴", id="derived"),
        pytest.param("zh_Hans", "zh_Hant", "人权公约施行监督联盟", "人權公約施行監督聯盟",
                     id="given-in-traditional-only"),
        pytest.param("zh_Hans", "zh_Hant", "广州中院", "廣州中院", id="variant"),
        pytest.param("zh_Hant", "zh_Hans", "國際特赦組織", "国际特赦组织", id="given-both"),
        pytest.param("zh_Hant", "zh_Hans", "人權公約施行監督聯盟", "人权公约施行监督联盟",
                     id="derived-simplified"),
    ],
)
def test_glossary_overrides(source: str, target: str, form: str, wanted: str) -> None:
    overrides = glossary_overrides(load_glossary(TEST_GLOSSARY), source, target)
    assert overrides[form] == wanted
    assert all(has_cjk(key) for key in overrides)  # Latin forms are no business of OpenCC


def test_no_overrides_between_other_scripts(shipped: Glossary) -> None:
    assert glossary_overrides(shipped, "en", "zh_Hant") == {}
    assert glossary_overrides(shipped, "zh_Hans", "zh_CN") == {}


SIMPLIFIED = 'msgid "Free her"\nmsgstr "释放黄雪琴"\n\nmsgid "Lawyer"\nmsgstr "律师"\n\nmsgid "New"\nmsgstr ""\n'


def test_fills_untranslated_as_fuzzy_with_origin() -> None:
    target = catalogue("zh_Hant", 'msgid "Free her"\nmsgstr ""\n\nmsgid "Lawyer"\nmsgstr ""\n\n'
                                  'msgid "New"\nmsgstr ""\n')
    assert convert_catalogue(catalogue("zh_Hans", SIMPLIFIED), target, "zh_Hans", "s2twp", {}) == (2, 0)
    free = target.find("Free her")
    assert free is not None and free.msgstr == "釋放黃雪琴" and free.fuzzy
    assert free.tcomment.startswith("advocacy: converted from zh_Hans by OpenCC (s2twp) [")
    new = target.find("New")
    assert new is not None and new.msgstr == "" and not new.fuzzy


def test_reviewed_translation_is_kept_until_its_source_changes() -> None:
    target = catalogue("zh_Hant", 'msgid "Free her"\nmsgstr ""\n\nmsgid "Lawyer"\nmsgstr "律師們"\n')
    simplified = catalogue("zh_Hans", SIMPLIFIED)
    convert_catalogue(simplified, target, "zh_Hans", "s2twp", {})
    free = target.find("Free her")
    assert free is not None
    free.msgstr, free.flags = "立即釋放黃雪琴", []  # the reviewer's own wording, unfuzzied
    lawyer = target.find("Lawyer")
    assert lawyer is not None and lawyer.msgstr == "律師們"  # a translator's, never touched
    before = format_catalog(target)
    assert convert_catalogue(simplified, target, "zh_Hans", "s2twp", {}) == (0, 2)
    assert format_catalog(target) == before
    changed = simplified.find("Free her")
    assert changed is not None
    changed.msgstr = "立即无条件释放黄雪琴"
    assert convert_catalogue(simplified, target, "zh_Hans", "s2twp", {}) == (1, 1)
    assert free.msgstr == "立即無條件釋放黃雪琴" and free.fuzzy
    assert "before the source changed: 立即釋放黃雪琴" in free.tcomment


def test_converted_fuzzy_entry_is_stable() -> None:
    target = catalogue("zh_Hant", 'msgid "Free her"\nmsgstr ""\n')
    simplified = catalogue("zh_Hans", SIMPLIFIED)
    convert_catalogue(simplified, target, "zh_Hans", "s2twp", {})
    text = format_catalog(target)
    assert convert_catalogue(simplified, target, "zh_Hans", "s2twp", {}) == (0, 0)
    assert format_catalog(target) == text


def test_not_a_script_change() -> None:
    with pytest.raises(Exception, match="not a change of Chinese script"):
        opencc_config("en", "zh_Hant")


ZH_SOURCE = """---
lang: zh_Hans
---

# 致黄雪琴

台湾人权促进会与我们一同发表联合声明，呼吁广东省高级人民法院纠正错误。
"""


def _workspace(tmp_path: Path) -> Workspace:
    """An English source (with a Simplified catalogue to convert) and a Simplified source."""
    (tmp_path / "source_texts").mkdir()
    (tmp_path / "locales").mkdir()
    (tmp_path / "locales" / "glossary.toml").write_bytes(SHIPPED.read_bytes())
    shutil.copy(ROOT / "source_texts" / "urgent-action-2024.md", tmp_path / "source_texts")
    (tmp_path / "source_texts" / "letter-zh.md").write_text(ZH_SOURCE, encoding="utf-8")
    return Workspace.open(tmp_path)


def test_source_written_in_the_script_converted_from(tmp_path: Path) -> None:
    """A Simplified source has no Simplified catalogue: its Traditional one comes from the text."""
    workspace = _workspace(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["--root", str(tmp_path), "extract"]).exit_code == 0
    results = {r.document: r for r in convert(workspace, "zh_Hans", "zh_Hant")}
    assert set(results) == {"letter-zh"}  # urgent-action-2024 has no zh_Hans catalogue yet
    assert results["letter-zh"].converted == 2 and results["letter-zh"].written
    traditional = read_catalog(tmp_path / "locales" / "zh_Hant" / "LC_MESSAGES" / "letter-zh.po")
    texts = {entry.msgid: entry for entry in traditional}
    body = texts["台湾人权促进会与我们一同发表联合声明，呼吁广东省高级人民法院纠正错误。"]
    assert body.msgstr == "台灣人權促進會與我們一同發表聯合聲明，呼籲廣東省高級人民法院糾正錯誤。"
    assert body.fuzzy and "advocacy: converted from zh_Hans by OpenCC (s2twp)" in body.tcomment
    assert texts["致黄雪琴"].msgstr == "致黃雪琴"
    body.flags.remove("fuzzy")  # reviewed: kept by the next conversion
    write_catalog(tmp_path / "locales" / "zh_Hant" / "LC_MESSAGES" / "letter-zh.po", traditional)
    again = convert(workspace, "zh_Hans", "zh_Hant")
    assert [(r.converted, r.kept, r.written) for r in again] == [(0, 1, False)]
    # The other way, the Simplified source is in its own language: nothing to fill.
    assert [r.document for r in convert(workspace, "zh_Hant", "zh_Hans")] == []
    assert not (tmp_path / "locales" / "zh_Hans" / "LC_MESSAGES" / "letter-zh.po").exists()


def test_convert_command(tmp_path: Path) -> None:
    _workspace(tmp_path)
    runner = CliRunner()
    for command in (["extract"], ["update", "-l", "zh_Hans"]):
        assert runner.invoke(cli, ["--root", str(tmp_path), *command]).exit_code == 0
    simplified = tmp_path / "locales" / "zh_Hans" / "LC_MESSAGES" / "urgent-action-2024.po"
    po = read_catalog(simplified)
    for entry in po:
        entry.msgstr = "黄雪琴和王建兵向广东省高级人民法院上诉"
    write_catalog(simplified, po)
    result = runner.invoke(cli, ["--root", str(tmp_path), "convert", "zh_Hans", "zh_Hant"])
    assert result.exit_code == 0, result.output
    assert "urgent-action-2024.po: 38 converted (fuzzy, to review), 0 reviewed kept" in result.output
    assert "letter-zh.po: 2 converted (fuzzy, to review), 0 reviewed kept" in result.output
    traditional = read_catalog(
        tmp_path / "locales" / "zh_Hant" / "LC_MESSAGES" / "urgent-action-2024.po"
    )
    assert all(e.msgstr == "黃雪琴和王建兵向廣東省高級人民法院上訴" and e.fuzzy for e in traditional)
    assert traditional.metadata["Language"] == "zh_Hant"
    again = runner.invoke(cli, ["--root", str(tmp_path), "convert", "zh_Hans", "zh_Hant"])
    assert again.output.endswith("2 catalogues, 0 written\n")
    bad = runner.invoke(cli, ["--root", str(tmp_path), "convert", "zh_Hans", "en"])
    assert bad.exit_code == 2 and "not a change of Chinese script" in bad.stderr
