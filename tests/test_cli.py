"""The command line on a copy of the shipped workspace: exit codes, formats, no churn."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.cli import cli
from toolkit.locales import plural_forms

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    (tmp_path / "locales").mkdir()
    return tmp_path


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--root", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(path.relative_to(root)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_extract_update_stats(workspace: Path) -> None:
    assert run(workspace, "extract")[0] == 0
    code, out, _ = run(workspace, "update")
    assert code == 0
    assert "12 catalogues, 12 written" in out
    catalogues = sorted(workspace.glob("locales/*/LC_MESSAGES/*.po"))
    assert {path.parent.parent.name for path in catalogues} == {"en", "zh_Hans", "zh_Hant"}
    for path in catalogues:
        text = path.read_text(encoding="utf-8")
        assert f'"Language: {path.parent.parent.name}\\n"' in text
        assert f'"Plural-Forms: {plural_forms(path.parent.parent.name)}\\n"' in text
        subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)
    code, out, _ = run(workspace, "stats", "--format", "json")
    rows = json.loads(out)["catalogues"]
    assert code == 0
    assert len(rows) == 12
    assert all(row["translated"] == 0 and row["untranslated"] == row["total"] for row in rows)


def test_second_run_changes_no_byte(workspace: Path) -> None:
    run(workspace, "extract")
    run(workspace, "update")
    before = snapshot(workspace)
    assert run(workspace, "extract")[1].endswith("6 templates, 0 written\n")
    assert run(workspace, "update")[1].endswith("12 catalogues, 0 written\n")
    assert snapshot(workspace) == before


def test_stats_table_reports_missing_catalogues(workspace: Path) -> None:
    run(workspace, "extract")
    code, out, _ = run(workspace, "stats", "--locale", "zh_Hans")
    assert code == 0
    assert out.splitlines()[0].split() == [
        "document", "locale", "translated", "fuzzy", "untranslated", "total", "done", "demands",
        "approved",
    ]
    assert "missing" in out


def test_update_locale_option(workspace: Path) -> None:
    run(workspace, "extract")
    assert run(workspace, "update", "-l", "zh_TW")[0] == 0
    assert len(list(workspace.glob("locales/zh_TW/LC_MESSAGES/*.po"))) == 6
    code, _, err = run(workspace, "update", "-l", "xx_Nowhere")
    assert code == 2
    assert "unknown locale" in err


BAD_SOURCES = [
    pytest.param("broken.md", b"---\ntitle: [x\n---\n", "broken.md:3: invalid YAML", id="yaml"),
    pytest.param("bad_id.md", b"Text\n", "bad_id.md: file name 'bad_id'", id="id"),
    pytest.param("latin1.md", b"caf\xe9\n", "latin1.md:1: not valid UTF-8", id="encoding"),
    pytest.param(
        "again.md", b"---\nid: press-release-2023\n---\nx\n",
        "press-release-2023.md:2: id 'press-release-2023' is already used by",
        id="duplicate-id",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_SOURCES)
def test_bad_source_writes_nothing(workspace: Path, name: str, data: bytes, message: str) -> None:
    (workspace / "source_texts" / name).write_bytes(data)
    before = snapshot(workspace)
    code, out, err = run(workspace, "extract")
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err + out
    assert snapshot(workspace) == before


def test_unparseable_catalogue_writes_nothing(workspace: Path) -> None:
    run(workspace, "extract")
    run(workspace, "update")
    broken = workspace / "locales" / "zh_Hans" / "LC_MESSAGES" / "press-release-2023.po"
    broken.write_text(broken.read_text(encoding="utf-8") + '\nmsgid "unterminated\n', encoding="utf-8")
    (workspace / "source_texts" / "press-release-2023.md").open("a").write("\nNew paragraph.\n")
    run(workspace, "extract")
    before = snapshot(workspace)
    code, _, err = run(workspace, "update")
    assert code == 2
    assert err.startswith(f"{broken}:")
    assert len(err.strip().splitlines()) == 1
    assert snapshot(workspace) == before


def test_not_a_workspace(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "nowhere", "stats")
    assert code == 2
    assert "workspace folder does not exist" in err


def test_python_dash_m(workspace: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "toolkit", "--root", str(workspace), "extract"],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "6 templates, 6 written" in result.stdout
