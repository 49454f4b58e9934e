"""The pre-commit hooks of ``.pre-commit-hooks.yaml``, run by pre-commit itself on real commits.

pre-commit installs hooks from a git repository at a revision, so the project's working tree
(uncommitted changes included) is copied into a temporary repository and committed; a campaign
repository then uses it as its hook repository, as a user's ``.pre-commit-config.yaml`` would.
pre-commit builds its own virtualenv and pip-installs the project into it (about 25 s, once for
the module).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from toolkit.cli import cli

pytest.importorskip("pre_commit")

ROOT = Path(__file__).resolve().parents[1]
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
SOURCE = """\
---
title: A short note
lang: en
date: 2025-01-15
---

Example Person was detained on 19 September 2021.

Write to the authorities today.
"""
TRANSLATED = {
    "A short note": "简短说明",
    "Example Person was detained on 19 September 2021.": "示例人于2021年9月19日被拘留。",
    "Write to the authorities today.": "今天就写信给当局。",
}
CATALOGUE = "locales/zh_Hans/LC_MESSAGES/note.po"

if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=check, timeout=900
    )


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Git and pre-commit isolated from the user's configuration and caches."""
    home = tmp_path_factory.mktemp("home")
    (home / "gitconfig").write_text(
        "[user]\n\tname = Test\n\temail = test@example.org\n"
        "[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GIT_CONFIG_GLOBAL", str(home / "gitconfig"))
        patch.setenv("GIT_CONFIG_NOSYSTEM", "1")
        patch.setenv("PRE_COMMIT_HOME", str(home / "pre-commit"))
        patch.setenv("ADVOCACY_CACHE_DIR", str(home / "advocacy-cache"))
        yield


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory, environment: None) -> tuple[Path, str]:
    """A git repository holding the project's working tree, and its commit."""
    repo = tmp_path_factory.mktemp("hooks")
    shutil.copytree(
        ROOT / "toolkit", repo / "toolkit", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hooks under test")
    return repo, git(repo, "rev-parse", "HEAD").stdout.strip()


def translate(path: Path, translations: dict[str, str]) -> None:
    """Fill a catalogue's msgstr lines (one-line messages only, as in ``SOURCE``)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for index, line in enumerate(lines[:-1]):
        msgid = line.removeprefix('msgid "').removesuffix('"\n')
        if line.startswith('msgid "') and msgid in translations:
            assert lines[index + 1] == 'msgstr ""\n'
            lines[index + 1] = f'msgstr "{translations[msgid]}"\n'
    path.write_text("".join(lines), encoding="utf-8")


def make_campaign(repo: Path, config: str) -> Path:
    """A campaign repository with ``config`` as its pre-commit configuration, hooks installed."""
    (repo / "advocacy.toml").write_text('locales = ["en", "zh_Hans"]\n', encoding="utf-8")
    (repo / "source_texts").mkdir()
    (repo / "source_texts" / "note.md").write_text(SOURCE, encoding="utf-8")
    for command in ("extract", "update"):
        assert CliRunner().invoke(cli, ["--root", str(repo), command]).exit_code == 0
    translate(repo / CATALOGUE, TRANSLATED)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(repo, "init", "-q")
    subprocess.run([*PRE_COMMIT, "install"], cwd=repo, check=True, capture_output=True)
    built = subprocess.run(
        [*PRE_COMMIT, "install-hooks"], cwd=repo, capture_output=True, text=True, timeout=900
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return repo


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory, hooks_repo: tuple[Path, str]) -> Path:
    """A campaign repository using the hooks repository, as in the README."""
    hooks, rev = hooks_repo
    config = readme_configs()[0].replace("https://github.com/your-org/advocacy-toolkit", str(hooks))
    config = re.sub(r"rev: \S+", f"rev: {rev}", config)
    return make_campaign(tmp_path_factory.mktemp("campaign"), config)


def readme_configs() -> list[str]:
    """The README's two ``.pre-commit-config.yaml`` examples: the hooks repository's, the local."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Before every commit\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)


def commit(repo: Path, *paths: str) -> tuple[int, str]:
    """Stage ``paths`` and commit: the hook's exit status and everything it printed."""
    git(repo, "add", "--", *paths)
    done = git(repo, "commit", "-m", "change", check=False)
    return done.returncode, done.stdout + done.stderr


def finding_at(repo: Path, path: str, code: str) -> str:
    """``path:line: CODE`` of a finding, as ``advocacy check`` reports it."""
    result = CliRunner().invoke(
        cli, ["--root", str(repo), "check", str(repo / path), "--format", "json"]
    )
    [line] = [f["line"] for f in json.loads(result.stdout)["findings"] if f["code"] == code]
    return f"{path}:{line}: {code}"


def test_clean_catalogue_commits(campaign: Path) -> None:
    # A note in capitals beside the sources is no source text: the filter leaves it out.
    (campaign / "source_texts" / "NOTES.md").write_text("Notes, not a document.\n", "utf-8")
    code, out = commit(campaign, ".")
    assert code == 0, out
    assert "advocacy check" in out and "Passed" in out
    assert "advocacy extract --check" in out
    assert git(campaign, "status", "--porcelain").stdout == ""


def test_catalogue_with_an_error_fails_the_commit(campaign: Path) -> None:
    catalogue = campaign / CATALOGUE
    good = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(good.replace("2021年9月19日", "2021年9月9日"), "utf-8")
    commits = git(campaign, "rev-list", "--count", "HEAD").stdout
    code, out = commit(campaign, CATALOGUE)
    assert code == 1, out
    assert "advocacy check" in out and "Failed" in out
    assert finding_at(campaign, CATALOGUE, "D101") in out  # path:line: D101 of the wrong date
    assert git(campaign, "rev-list", "--count", "HEAD").stdout == commits
    catalogue.write_text(good, "utf-8")
    git(campaign, "add", CATALOGUE)
    assert git(campaign, "status", "--porcelain").stdout == ""


def test_only_staged_files_are_checked(campaign: Path) -> None:
    catalogue = campaign / CATALOGUE
    good = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(good.replace("2021年9月19日", "2021年9月9日"), "utf-8")  # not staged
    (campaign / "advocacy.toml").write_text(
        '# the campaign\nlocales = ["en", "zh_Hans"]\n', encoding="utf-8"
    )
    code, out = commit(campaign, "advocacy.toml")
    assert code == 0, out
    assert catalogue.read_text(encoding="utf-8") != good  # pre-commit gave the change back
    catalogue.write_text(good, "utf-8")


def test_stale_template_fails_the_commit(campaign: Path) -> None:
    source = campaign / "source_texts" / "note.md"
    source.write_text(SOURCE + "\nA new paragraph.\n", encoding="utf-8")
    code, out = commit(campaign, "source_texts/note.md")
    assert code == 1, out
    assert "advocacy extract --check" in out and "Failed" in out
    assert "locales/note.pot: out of date (run advocacy extract)" in out
    assert CliRunner().invoke(cli, ["--root", str(campaign), "extract"]).exit_code == 0
    assert CliRunner().invoke(cli, ["--root", str(campaign), "update"]).exit_code == 0
    code, out = commit(campaign, ".")
    assert code == 0, out  # the new message is untranslated: a warning, not an error


def test_manifest_is_valid() -> None:
    done = subprocess.run(
        [*PRE_COMMIT, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_readme_uses_the_hooks_ids() -> None:
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    remote, local = (yaml.safe_load(config) for config in readme_configs())
    ids = [hook["id"] for hook in manifest]
    assert [hook["id"] for hook in remote["repos"][0]["hooks"]] == ids
    assert [hook["id"] for hook in local["repos"][0]["hooks"]] == ids
    for ours, theirs in zip(manifest, local["repos"][0]["hooks"], strict=True):
        for key in ("files", "exclude", "require_serial", "pass_filenames"):
            assert ours.get(key) == theirs.get(key), key
        assert theirs["entry"] == " ".join([ours["entry"], *ours["args"]])


def test_local_system_hooks_from_the_readme(
    tmp_path: Path, environment: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's offline alternative: ``language: system`` hooks run advocacy from PATH."""
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    repo = make_campaign(tmp_path, readme_configs()[1])
    code, out = commit(repo, ".")
    assert code == 0, out
    catalogue = repo / CATALOGUE
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8").replace("2021年9月19日", "2021年9月9日"), "utf-8"
    )
    code, out = commit(repo, CATALOGUE)
    assert code == 1, out
    assert finding_at(repo, CATALOGUE, "D101") in out
