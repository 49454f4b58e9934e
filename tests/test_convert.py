"""``advocacy convert``: Traditional from Simplified with OpenCC, reviewed entries respected."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from toolkit.catalog.reader import parse_catalog
from toolkit.catalog.writer import format_catalog
from toolkit.convert import convert_catalogue, convert_text, opencc_config

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


def test_convert_command(tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from toolkit.catalog.reader import read_catalog
    from toolkit.catalog.writer import write_catalog
    from toolkit.cli import cli

    root = Path(__file__).resolve().parents[1]
    shutil.copytree(root / "source_texts", tmp_path / "source_texts")
    (tmp_path / "locales").mkdir()
    runner = CliRunner()
    for command in (["extract"], ["update", "-l", "zh_Hans"]):
        assert runner.invoke(cli, ["--root", str(tmp_path), *command]).exit_code == 0
    simplified = tmp_path / "locales" / "zh_Hans" / "LC_MESSAGES" / "urgent-action-2024.po"
    po = read_catalog(simplified)
    for entry in po:
        entry.msgstr = "黄雪琴和王建兵的律师"
    write_catalog(simplified, po)
    result = runner.invoke(cli, ["--root", str(tmp_path), "convert", "zh_Hans", "zh_Hant"])
    assert result.exit_code == 0, result.output
    assert "38 converted (fuzzy, to review), 0 reviewed kept" in result.output
    traditional = read_catalog(tmp_path / "locales" / "zh_Hant" / "LC_MESSAGES" / "urgent-action-2024.po")
    assert all(e.msgstr == "黃雪琴和王建兵的律師" and e.fuzzy for e in traditional)
    assert traditional.metadata["Language"] == "zh_Hant"
    again = runner.invoke(cli, ["--root", str(tmp_path), "convert", "zh_Hans", "zh_Hant"])
    assert again.output.endswith("5 catalogues, 0 written\n")
    bad = runner.invoke(cli, ["--root", str(tmp_path), "convert", "zh_Hans", "en"])
    assert bad.exit_code == 2 and "not a change of Chinese script" in bad.stderr
