"""The example GitHub Actions workflow: it parses, its commands exist, and its steps work."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from shellwords import assert_advocacy_parses, commands

from toolkit.cli import cli

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / "docs" / "github-workflow.yml"
# Words a run: line may start a command with that are no programs on PATH.
SHELL_WORDS = {"[", "test", "if", "then", "else", "fi", "for", "do", "done", "echo", "cd", "true"}


def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps() -> list[dict[str, Any]]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


def test_workflow_parses_and_triggers() -> None:
    data = workflow()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert set(triggers) == {"push", "pull_request"}
    assert data["jobs"]["check"]["permissions"]["security-events"] == "write"


def test_run_lines_use_commands_that_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    invoked: list[list[str]] = []
    for step in steps():
        for words in commands(step.get("run", "")):
            if words[0] == "advocacy":
                invoked.append(words[1:])
                assert_advocacy_parses(words[1:], monkeypatch)
            else:
                assert words[0] in SHELL_WORDS or shutil.which(words[0]), words
    subcommands = {words[0] for words in invoked}
    assert subcommands == {"extract", "check"}
    formats = {words[words.index("--format") + 1] for words in invoked if "--format" in words}
    assert formats == {"sarif", "github"}


def test_sarif_step_feeds_the_upload() -> None:
    [upload] = [s for s in steps() if s.get("uses", "").startswith("github/codeql-action/upload")]
    [sarif] = [s for s in steps() if "--format sarif" in s.get("run", "")]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert sarif["run"].endswith(f"> {upload['with']['sarif_file']}")
    assert "always()" in upload["if"]  # findings are uploaded when the check step fails


def test_readme_shows_the_workflow() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    body = WORKFLOW.read_text(encoding="utf-8")
    body = body[body.index("name: advocacy") :]
    assert f"```yaml\n{body}```" in readme
    assert "docs/github-workflow.yml" in readme


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_annotation_step_on_a_pull_request(tmp_path: Path) -> None:
    """The annotation step's script, run by bash as GitHub runs it, on a branch of a campaign."""
    [step] = [s for s in steps() if "--format github" in s.get("run", "")]
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_BASE_REF": "main",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "ADVOCACY_CACHE_DIR": str(tmp_path / "cache"),
    }
    repo = tmp_path / "campaign"

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)

    for arguments in (["init", str(repo)], ["--root", str(repo), "extract"]):
        assert CliRunner().invoke(cli, arguments).exit_code == 0
    (repo / "source_texts" / "CORRECTIONS.md").write_text("Notes.\n", encoding="utf-8")
    assert run("git", "init", "-q", "-b", "main").returncode == 0
    run("git", "add", "-A")
    assert run("git", "commit", "-q", "-m", "base").returncode == 0
    run("git", "update-ref", "refs/remotes/origin/main", "HEAD")
    run("git", "checkout", "-q", "-b", "change")
    assert CliRunner().invoke(cli, ["--root", str(repo), "update", "-l", "zh_Hans"]).exit_code == 0
    notes = repo / "source_texts" / "CORRECTIONS.md"
    notes.write_text("More notes.\n", encoding="utf-8")  # a note: never checked as a source
    run("git", "add", "-A")
    assert run("git", "commit", "-q", "-m", "zh_Hans").returncode == 0
    done = run("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"])
    assert done.returncode == 123, done.stderr  # xargs: advocacy check exited 1 (A101 errors)
    lines = done.stdout.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ")) for line in lines)
    assert {re.search(r"file=([^,]+)", line).group(1) for line in lines} == {  # type: ignore[union-attr]
        "locales/zh_Hans/LC_MESSAGES/example-appeal.po"
    }
    assert any(",line=" in line and "A101" in line for line in lines)
