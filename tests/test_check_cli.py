"""``advocacy check`` and ``advocacy rules``: the output contract, exit status, selection, suppression."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.checks.registry import CODE, NAME, RULES
from toolkit.cli import cli
from toolkit.model import Category
from toolkit.report import repository_base

ROOT = Path(__file__).resolve().parents[1]
HEADER = (
    'msgid ""\nmsgstr ""\n"Language: zh_Hans\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
)
FINDING_KEYS = {"code", "name", "category", "severity", "path", "line", "document", "locale",
                "msgctxt", "msgid", "msgstr", "message", "source"}


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVOCACY_CACHE_DIR", str(tmp_path / "cache"))


def write(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_registry_invariants() -> None:
    assert RULES, "no check registered"
    names = [rule.name for rule in RULES.values()]
    assert len(names) == len(set(names))
    for code, rule in RULES.items():
        assert CODE.fullmatch(code) and rule.code == code
        assert NAME.fullmatch(rule.name)
        assert isinstance(rule.category, Category)
        assert rule.summary and not rule.summary.endswith(":")


def test_every_rule_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [f"{code} {rule.name}" for code, rule in RULES.items()
               if f"| {code} | `{rule.name}` |" not in readme]
    assert not missing, f"add to the README's rule table: {missing}"


def test_every_rule_has_a_test_case() -> None:
    tests = "".join(path.read_text(encoding="utf-8") for path in (ROOT / "tests").glob("test_*.py"))
    untested = [code for code in RULES if f'"{code}"' not in tests]
    assert not untested, f"checks without a test case: {untested}"


def test_json_contract(tmp_path: Path) -> None:
    catalogue = write(tmp_path / "zh_Hans.po", 'msgid "Free them"\nmsgstr ""\n')
    code, out, _ = run("check", "--format", "json", str(catalogue))
    payload = json.loads(out)
    assert code == 0  # an untranslated entry is a warning
    assert payload["version"] == 1
    [finding] = payload["findings"]
    assert set(finding) == FINDING_KEYS
    assert finding["code"] == "C101" and finding["line"] == 7 and finding["locale"] == "zh_Hans"
    assert finding["msgid"] == "Free them" and finding["msgstr"] == ""
    assert payload["summary"] == {"files": 1, "entries": 1, "error": 0, "warning": 1, "note": 0}


def test_text_format_and_fail_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "po" / "zh_Hans.po", 'msgid "Free them"\nmsgstr ""\n')
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("check", "po/zh_Hans.po")
    assert code == 0
    assert out.startswith("po/zh_Hans.po:7: C101 [warning] not translated yet\n")
    assert "1 finding (0 errors, 1 warning, 0 notes) in 1 file, 1 entry" in out
    assert "not in a workspace" in out
    assert run("check", "--fail-on", "warning", "po")[0] == 1


def test_github_format(tmp_path: Path) -> None:
    catalogue = write(tmp_path / "zh_Hans.po", 'msgid "a"\nmsgstr ""\n')
    _, out, _ = run("check", "--format", "github", str(catalogue))
    assert out.startswith("::warning file=")
    assert ",line=7,title=C101 untranslated::not translated yet" in out


def test_unreadable_catalogue_is_reported_and_others_checked(tmp_path: Path) -> None:
    good = write(tmp_path / "a" / "zh_Hans.po", 'msgid "a"\nmsgstr ""\n')
    bad = write(tmp_path / "b" / "zh_Hans.po", 'msgid "a\nmsgstr ""\n')
    code, out, err = run("check", "--format", "json", str(good), str(bad))
    findings = json.loads(out)["findings"]
    assert code == 2
    assert {(f["code"], f["path"].endswith("b/zh_Hans.po")) for f in findings} == {
        ("C101", False), ("F101", True)
    }
    assert "Traceback" not in out + err


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param(["--select", "F"], set(), id="select-prefix"),
        pytest.param(["--select", "untranslated"], {"C101"}, id="select-name"),
        pytest.param(["--ignore", "C101"], {"C102"}, id="ignore-code"),
        pytest.param(["--select", "C101", "--extend-select", "fuzzy"], {"C101", "C102"},
                     id="extend-select"),
        pytest.param(["--select", "C101,C102"], {"C101", "C102"}, id="comma-list"),
    ],
)
def test_selection(tmp_path: Path, options: list[str], expected: set[str]) -> None:
    catalogue = write(tmp_path / "zh_Hans.po",
                      'msgid "a"\nmsgstr ""\n\n#, fuzzy\nmsgid "b"\nmsgstr "乙"\n')
    _, out, _ = run("check", "--format", "json", *options, str(catalogue))
    assert {f["code"] for f in json.loads(out)["findings"]} == expected


def test_unknown_rule_in_select_is_usage_error(tmp_path: Path) -> None:
    catalogue = write(tmp_path / "zh_Hans.po", 'msgid "a"\nmsgstr "甲"\n')
    code, _out, err = run("check", "--select", "no-such-rule", str(catalogue))
    assert code == 2
    assert err.strip() == "--select: unknown rule 'no-such-rule' (see advocacy rules)"


SUPPRESSION = [
    pytest.param('# advocacy: ignore[C101] waiting for the lawyer\nmsgid "a"\nmsgstr ""\n',
                 set(), id="comment-by-code"),
    pytest.param('# advocacy: ignore[untranslated]\nmsgid "a"\nmsgstr ""\n', set(),
                 id="comment-by-name"),
    pytest.param('#, ignore-untranslated\nmsgid "a"\nmsgstr ""\n', set(), id="weblate-flag"),
    pytest.param('# advocacy: ignore[C101]\nmsgid "a"\nmsgstr "甲"\n', {("F103", 8)},
                 id="unused-suppression"),
    pytest.param('# advocacy: ignore[no-such-check]\nmsgid "a"\nmsgstr "甲"\n', {("F102", 8)},
                 id="unknown-rule"),
    pytest.param('#, ignore-end-stop\nmsgid "a"\nmsgstr "甲"\n', set(),
                 id="weblate-own-flag-not-ours"),
]


@pytest.mark.parametrize(("body", "expected"), SUPPRESSION)
def test_suppression(tmp_path: Path, body: str, expected: set[tuple[str, int]]) -> None:
    catalogue = write(tmp_path / "zh_Hans.po", body)
    _, out, _ = run("check", "--format", "json", "--select", "C,F", str(catalogue))
    assert {(f["code"], f["line"]) for f in json.loads(out)["findings"]} == expected


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        pytest.param("name-added", set(), id="glossary-rule-did-not-run"),
        pytest.param("fact-mismatch", set(), id="campaign-rule-did-not-run"),
        pytest.param("doubled-word", {("F103", 8)}, id="rule-ran-and-found-nothing"),
    ],
)
def test_suppression_of_a_rule_that_did_not_run(
    tmp_path: Path, rule: str, expected: set[tuple[str, int]]
) -> None:
    """A lone catalogue has no glossary nor campaign record: their rules do not run on it, so a
    suppression of one is not reported as suppressing nothing."""
    catalogue = write(tmp_path / "zh_Hans.po",
                      f'# advocacy: ignore[{rule}] the source names her later\n'
                      'msgid "She was detained."\nmsgstr "她被拘留。"\n')
    _, out, _ = run("check", "--format", "json", "--select", "ALL", str(catalogue))
    assert {(f["code"], f["line"]) for f in json.loads(out)["findings"]} == expected


def test_workspace_settings_and_per_file_ignores(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    (tmp_path / "locales").mkdir()
    (tmp_path / "advocacy.toml").write_text(
        'locales = ["en", "zh_Hans"]\nselect = ["C"]\n'
        '[per-file-ignores]\n"locales/zh_Hans/LC_MESSAGES/press-*.po" = ["C101"]\n',
        encoding="utf-8",
    )
    assert run("--root", str(tmp_path), "extract")[0] == 0
    code, out, _ = run("--root", str(tmp_path), "check", "--format", "json")
    findings = json.loads(out)["findings"]
    assert code == 0
    assert {f["code"] for f in findings} == {"C103"}  # no catalogues yet: one per document
    assert len(findings) == 6  # five English sources lack zh_Hans, the Chinese one en
    assert run("--root", str(tmp_path), "update")[0] == 0
    _, out, _ = run("--root", str(tmp_path), "check", "--format", "json")
    paths = {f["path"] for f in json.loads(out)["findings"]}
    assert "locales/zh_Hans/LC_MESSAGES/urgent-action-2024.po" in paths
    assert not any(path.startswith("locales/zh_Hans/LC_MESSAGES/press-") for path in paths)


def test_stale_template_and_outdated_catalogue(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    (tmp_path / "locales").mkdir()
    run("--root", str(tmp_path), "extract")
    run("--root", str(tmp_path), "update")
    source = tmp_path / "source_texts" / "press-release-2023.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    _, out, _ = run("--root", str(tmp_path), "check", "--format", "json", "--select", "C104,C105")
    assert {(f["code"], f["path"]) for f in json.loads(out)["findings"]} == {
        ("C104", "locales/press-release-2023.pot")
    }
    run("--root", str(tmp_path), "extract")
    _, out, _ = run("--root", str(tmp_path), "check", "--format", "json", "--select", "C104,C105")
    assert {(f["code"], f["path"]) for f in json.loads(out)["findings"]} == {
        ("C105", "locales/zh_Hans/LC_MESSAGES/press-release-2023.po"),
        ("C105", "locales/zh_Hant/LC_MESSAGES/press-release-2023.po"),
    }


def test_cached_second_run_gives_the_same_report(tmp_path: Path) -> None:
    catalogue = write(tmp_path / "zh_Hans.po", 'msgid "a"\nmsgstr ""\n\n#, fuzzy\nmsgid "b"\nmsgstr "乙"\n')
    first = run("check", "--format", "json", str(catalogue))
    assert any((tmp_path / "cache").rglob("*.json"))
    assert run("check", "--format", "json", str(catalogue)) == first


def test_rules_command() -> None:
    code, out, _ = run("rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0
    assert [rule["code"] for rule in rules] == sorted(RULES)
    assert set(rules[0]) == {"code", "name", "category", "severity", "summary"}
    assert "C101  untranslated" in run("rules")[1]


def test_a_note_named_with_the_documents_is_passed_over(tmp_path: Path) -> None:
    """README.md or CORRECTIONS.md beside the sources is a note: named (a hook passes every
    staged file), it is skipped with a note, not reported as a broken source."""
    note = tmp_path / "CORRECTIONS.md"
    note.write_text("# Corrections\n\n- 2024-09-10: a date fixed.\n", encoding="utf-8")
    catalogue = write(tmp_path / "zh_Hans.po", 'msgid "Free them now."\nmsgstr "立即释放他们。"\n')
    status, out, _ = run("check", str(note), str(catalogue))
    assert status == 0, out
    assert "CORRECTIONS.md is a note, not a source text: not checked" in out
    assert "in 1 file," in out


@pytest.mark.parametrize("github_workspace", [False, True])
def test_annotations_and_sarif_paths_start_at_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, github_workspace: bool
) -> None:
    """A workspace in a subfolder of a repository: GitHub and code scanning place a finding by
    its path from the repository root (text and JSON keep workspace-relative paths)."""
    repository = tmp_path / "repository"
    workspace = repository / "campaigns" / "huang"
    (workspace / "locales" / "zh_Hans" / "LC_MESSAGES").mkdir(parents=True)
    (workspace / "advocacy.toml").write_text('locales = ["zh_Hans"]\n', encoding="utf-8")
    write(workspace / "locales" / "zh_Hans" / "LC_MESSAGES" / "letter.po", 'msgid "a"\nmsgstr ""\n')
    if github_workspace:
        monkeypatch.setenv("GITHUB_WORKSPACE", str(repository))
    else:
        monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
        (repository / ".git").mkdir()
    expected = "campaigns/huang/locales/zh_Hans/LC_MESSAGES/letter.po"
    _, out, _ = run("--root", str(workspace), "check", "--format", "github", "--select", "C101")
    assert out.startswith(f"::warning file={expected},line=7,")
    _, out, _ = run("--root", str(workspace), "check", "--format", "sarif", "--select", "C101")
    [result] = json.loads(out)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == expected
    _, out, _ = run("--root", str(workspace), "check", "--format", "json", "--select", "C101")
    assert json.loads(out)["findings"][0]["path"] == "locales/zh_Hans/LC_MESSAGES/letter.po"


def test_repository_base_outside_any_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    assert repository_base(tmp_path) == ""
    (tmp_path / ".git").mkdir()
    assert repository_base(tmp_path) == ""
    assert repository_base(tmp_path / "a" / "b") == "a/b/"


def test_a_glossary_broken_after_a_cached_run_is_reported(tmp_path: Path) -> None:
    """A cached run remembers that the glossary's bytes read well; other bytes are read again."""
    workspace = tmp_path / "workspace"
    (workspace / "locales").mkdir(parents=True)
    (workspace / "advocacy.toml").write_text('locales = ["zh_Hans"]\n', encoding="utf-8")
    shutil.copy(ROOT / "locales" / "glossary.toml", workspace / "locales" / "glossary.toml")
    catalogue = write(workspace / "locales" / "zh_Hans" / "LC_MESSAGES" / "letter.po", "")
    first = run("--root", str(workspace), "check", str(catalogue))
    assert first[0] == 0, first
    assert list((tmp_path / "cache" / "readable").iterdir())
    assert run("--root", str(workspace), "check", str(catalogue)) == first
    glossary = workspace / "locales" / "glossary.toml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n[broken\n", encoding="utf-8")
    status, out, _ = run("--root", str(workspace), "check", str(catalogue))
    assert status == 2
    assert "locales/glossary.toml:" in out and "F101" in out


def _campaign(root: Path) -> Path:
    """A workspace of the shipped sources with its templates and catalogues just made."""
    shutil.copytree(ROOT / "source_texts", root / "source_texts")
    (root / "locales").mkdir()
    assert run("--root", str(root), "extract")[0] == 0
    assert run("--root", str(root), "update")[0] == 0
    return root


def _add_paragraph(root: Path) -> None:
    source = root / "source_texts" / "press-release-2023.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")


COMPLETENESS = [
    pytest.param(lambda root: None, set(), id="all-made"),
    pytest.param(
        lambda root: (root / "locales/zh_Hant/LC_MESSAGES/press-release-2023.po").unlink(),
        {("C103", "source_texts/press-release-2023.md")},
        id="catalogue-missing",
    ),
    pytest.param(_add_paragraph, {("C104", "locales/press-release-2023.pot")}, id="source-changed"),
    pytest.param(
        lambda root: (_add_paragraph(root), run("--root", str(root), "extract")),
        {
            ("C105", "locales/zh_Hans/LC_MESSAGES/press-release-2023.po"),
            ("C105", "locales/zh_Hant/LC_MESSAGES/press-release-2023.po"),
        },
        id="template-changed",
    ),
    pytest.param(
        lambda root: (
            _add_paragraph(root),
            run("--root", str(root), "extract"),
            run("--root", str(root), "update"),
        ),
        set(),
        id="all-made-again",
    ),
]


@pytest.mark.parametrize(("change", "expected"), COMPLETENESS)
def test_completeness_across_files(
    tmp_path: Path, change: Callable[[Path], object], expected: set[tuple[str, str]]
) -> None:
    root = _campaign(tmp_path / "campaign")
    change(root)
    _, out, _ = run("--root", str(root), "check", "--format", "json", "--select", "C103,C104,C105")
    assert {(f["code"], f["path"]) for f in json.loads(out)["findings"]} == expected
