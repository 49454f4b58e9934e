"""Checks across files: a document across its locales, all documents of one locale."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from toolkit.check import check
from toolkit.checks.analyse import _pair, keys_digest
from toolkit.checks.engine import Options
from toolkit.checks.registry import RULES, Scope
from toolkit.checks.registry import check as register
from toolkit.cli import cli
from toolkit.model import CatalogueView, Category, Hit, Pair, Severity
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


_ENTRIES = [
    polib.POEntry(msgid="Free them.", msgstr="释放他们。", linenum=7),
    polib.POEntry(
        msgid="one year", msgid_plural="%d years", msgstr_plural={1: "%d 年", 0: "%d 年"},
        msgctxt="term", flags=["fuzzy", "c-format"], comment="demand: release",
        tcomment="advocacy: ignore[Q101] counted", occurrences=[("a.md", "3"), ("b.md", "")],
    ),
    polib.POEntry(msgid="", msgstr=""),
]  # fmt: skip


@pytest.mark.parametrize("entry", _ENTRIES, ids=["plain", "plural", "header"])
def test_a_pair_made_the_quick_way_is_the_dataclass(entry: polib.POEntry) -> None:
    forms = entry.msgstr_plural
    plural = tuple(forms[index] for index in sorted(forms)) if forms else ()
    expected = Pair(
        msgid=entry.msgid,
        msgstr=plural[0] if plural else entry.msgstr,
        locale="zh_Hans",
        source_locale="en",
        line=entry.linenum or 0,
        msgctxt=entry.msgctxt,
        msgid_plural=entry.msgid_plural or None,
        msgstr_plural=plural,
        flags=frozenset(entry.flags),
        fuzzy=entry.fuzzy,
        comment=entry.comment or "",
        tcomment=entry.tcomment or "",
        occurrences=tuple(entry.occurrences),
        document_date="2024-09-09",
    )
    made = _pair(entry, "zh_Hans", "en", "2024-09-09")
    assert made == expected
    assert vars(made) == vars(expected)
    assert hash(made) == hash(expected)


@pytest.mark.parametrize(
    "keys",
    [[], [(None, "a")], [("x", "b"), (None, "a"), ("", "a"), (None, "a"), ("", "王建兵")]],
)
def test_keys_digest_is_the_digest_of_each_key_in_order(keys: list[tuple[str | None, str]]) -> None:
    digest = hashlib.sha256()
    for context, msgid in sorted(set(keys), key=lambda key: (key[0] or "", key[1])):
        digest.update(f"{context or ''}\x04{msgid}\x00".encode())
    assert keys_digest(keys) == digest.hexdigest()[:16]
