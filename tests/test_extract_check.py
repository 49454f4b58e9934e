"""``advocacy extract --check``: says which templates are out of date and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.extract import extract
from toolkit.workspace import Workspace

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "source_texts").mkdir()
    (tmp_path / "locales").mkdir()
    shutil.copy(DATA / "constructs.md", tmp_path / "source_texts" / "constructs.md")
    return tmp_path


def files(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(root).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def run(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--root", str(root), "extract", *args])
    return result.exit_code, result.stdout


def test_library_check_writes_nothing(root: Path) -> None:
    workspace = Workspace.open(root)
    before = files(root)
    [missing] = extract(workspace.documents(), workspace.settings, write=False)
    assert (missing.changed, missing.written) == (True, False)
    assert files(root) == before
    [made] = extract(workspace.documents(), workspace.settings)
    assert (made.changed, made.written) == (True, True)
    [same] = extract(workspace.documents(), workspace.settings, write=False)
    assert (same.changed, same.written) == (False, False)


def test_cli_check_exit_status_and_lines(root: Path) -> None:
    code, out = run(root, "--check")
    assert code == 1
    assert out.splitlines() == [
        "locales/constructs.pot: missing (run advocacy extract)",
        "1 templates, 1 out of date",
    ]
    assert not (root / "locales" / "constructs.pot").exists()
    assert run(root)[0] == 0
    assert run(root, "--check") == (0, "1 templates, 0 out of date\n")
    source = root / "source_texts" / "constructs.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    before = files(root)
    code, out = run(root, "--check")
    assert code == 1
    assert out.splitlines()[0] == "locales/constructs.pot: out of date (run advocacy extract)"
    assert files(root) == before


def test_plain_extract_unchanged(root: Path) -> None:
    code, out = run(root)
    assert code == 0
    assert out.splitlines()[-1] == "1 templates, 1 written"
    assert run(root) == (0, "1 templates, 0 written\n")
