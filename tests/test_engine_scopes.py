"""Checks across files: a document across its locales, all documents of one locale."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.check import check
from toolkit.checks.engine import Options
from toolkit.checks.registry import RULES, Scope
from toolkit.checks.registry import check as register
from toolkit.cli import cli
from toolkit.model import CatalogueView, Category, Hit, Severity
from toolkit.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def grouped_rules() -> Iterator[None]:
    """Two rules that report what they were given, registered for one test only."""

    @register("Z901", "locale-sees", Category.CONSISTENCY, Severity.NOTE, Scope.LOCALE)
    def locale_sees(locale: str, catalogues: dict[str, CatalogueView]) -> Iterator[Hit]:
        """Reports which documents a locale rule sees."""
        for document, catalogue in catalogues.items():
            yield Hit(f"{locale} has {document}", path=catalogue.path, line=1, document=document)

    @register("Z902", "document-sees", Category.CONSISTENCY, Severity.NOTE, Scope.DOCUMENT)
    def document_sees(document: str, catalogues: dict[str, CatalogueView]) -> Iterator[Hit]:
        """Reports which locales a document rule sees."""
        first = next(iter(catalogues.values()))
        yield Hit(f"{document}: {','.join(sorted(catalogues))}", path=first.path,
                  pair=first.pairs[0], document=document)

    yield
    del RULES["Z901"], RULES["Z902"]


def test_document_and_locale_scopes(tmp_path: Path, grouped_rules: None) -> None:
    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    (tmp_path / "locales").mkdir()
    runner = CliRunner()
    assert runner.invoke(cli, ["--root", str(tmp_path), "extract"]).exit_code == 0
    assert runner.invoke(cli, ["--root", str(tmp_path), "update"]).exit_code == 0
    workspace = Workspace.open(tmp_path)
    report = check([], workspace, Options(select=("Z9",), use_cache=False))
    locale_hits = sorted(f.message for f in report.findings if f.code == "Z901")
    document_hits = sorted(f.message for f in report.findings if f.code == "Z902")
    assert len(locale_hits) == 12
    assert "zh_Hant has urgent-action-2024" in locale_hits
    assert document_hits[0] == "joint-statement-2023: zh_Hans,zh_Hant"
    assert len(document_hits) == 6
    [finding] = [f for f in report.findings if f.message.startswith("urgent-action-2024:")]
    assert finding.msgctxt == "front-matter:title" and finding.location.line is not None


def test_grouped_rules_skipped_for_paths(tmp_path: Path, grouped_rules: None) -> None:
    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    (tmp_path / "locales").mkdir()
    CliRunner().invoke(cli, ["--root", str(tmp_path), "extract"])
    report = check([tmp_path / "locales"], None, Options(select=("Z9",), use_cache=False))
    assert report.findings == []


def test_a_rule_is_not_called_where_its_locale_cannot_apply(tmp_path: Path) -> None:
    """``applies`` on the locale: the engine skips the rule's calls in other catalogues."""
    seen: list[str] = []

    @register(
        "Z903",
        "chinese-only",
        Category.CONSISTENCY,
        Severity.NOTE,
        Scope.TEXT,
        applies=lambda locale: locale.startswith("zh"),
    )
    def chinese_only(text: str, locale: str) -> Iterator[str]:
        """Reports every text it is given."""
        seen.append(locale)
        yield text

    try:
        for locale in ("zh_Hans", "fr"):
            folder = tmp_path / locale / "LC_MESSAGES"
            folder.mkdir(parents=True)
            (folder / "doc.po").write_text(
                f'msgid ""\nmsgstr ""\n"Language: {locale}\\n"\n\nmsgid "Free"\nmsgstr "X"\n',
                encoding="utf-8",
            )
        report = check([tmp_path], None, Options(select=("Z903",), use_cache=False))
    finally:
        del RULES["Z903"]
    assert seen == ["zh_Hans"]
    assert [finding.locale for finding in report.findings] == ["zh_Hans"]
