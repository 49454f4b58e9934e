"""Extraction: golden templates, deterministic output, writes only on change."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from toolkit.extract import extract
from toolkit.workspace import Workspace

DATA = Path(__file__).parent / "data" / "extract"
SOURCES = sorted(path for path in DATA.iterdir() if path.suffix in (".md", ".txt"))
EPOCH = "1726000000"  # 2024-09-10 20:26 UTC


def _workspace(root: Path, *sources: Path) -> Workspace:
    (root / "source_texts").mkdir(parents=True)
    (root / "locales").mkdir()
    for source in sources:
        shutil.copy(source, root / "source_texts" / source.name)
    return Workspace.open(root)


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_golden_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool, source: Path
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    workspace = _workspace(tmp_path, source)
    [result] = extract(workspace.documents(), workspace.settings)
    produced = result.path.read_text(encoding="utf-8")
    golden = DATA / f"{source.stem}.pot"
    if update_golden:
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")


def test_unchanged_source_leaves_template_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = _workspace(tmp_path, DATA / "constructs.md")
    [first] = extract(workspace.documents(), workspace.settings)
    assert first.written
    os.utime(first.path, (1, 1))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")  # a later clock changes nothing
    [second] = extract(workspace.documents(), workspace.settings)
    assert not second.written
    assert first.path.stat().st_mtime == 1


def test_changed_source_gets_new_creation_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    workspace = _workspace(tmp_path, DATA / "constructs.md")
    [_first] = extract(workspace.documents(), workspace.settings)
    source = tmp_path / "source_texts" / "constructs.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")
    [second] = extract(workspace.documents(), workspace.settings)
    text = second.path.read_text(encoding="utf-8")
    assert second.written
    assert '"POT-Creation-Date: 2033-05-18 03:33+0000\\n"' in text
    assert 'msgid "A new paragraph."' in text


def test_line_references_are_exact(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path, DATA / "constructs.md")
    [document] = workspace.documents()
    lines = document.text.split("\n")
    for segment in document.segments:
        first_line = lines[segment.line - 1]
        if segment.yaml_style in ("|", ">"):  # a block scalar: the line of its key
            assert first_line.strip().startswith(str(segment.context).rsplit(".", 1)[-1] + ":")
            continue
        assert segment.text.split("\n")[0].split(" ")[0].replace("|", "\\|") in first_line
