"""The shipped campaign with three faults: a demand dropped, a demand repeated, a fact misstated.

Each is found by the check API and the command line at the ``path:line`` of its entry (the
msgid line, as the engine reports it), and ``advocacy stats`` counts the demands that are left.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.catalog.reader import read_catalog
from toolkit.catalog.writer import write_catalog
from toolkit.check import check
from toolkit.checks.engine import Options
from toolkit.cli import cli
from toolkit.stats import stats
from toolkit.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
UA_HANS = "locales/zh_Hans/LC_MESSAGES/urgent-action-2024.po"
UA_HANT = "locales/zh_Hant/LC_MESSAGES/urgent-action-2024.po"
UPDATE_HANT = "locales/zh_Hant/LC_MESSAGES/urgent-action-update-2025.po"
WANG_RIGHT, WANG_WRONG = "三年六個月", "三年零五個月"


def demand_translation(path: Path, demand: str) -> str:
    return next(e.msgstr for e in read_catalog(path) if f"type: demand {demand}" in e.comment)


def edit(path: Path, change: dict[str, str | Callable[[str], str]]) -> None:
    """Give the entries whose comment or translation holds a key the translation it maps to."""
    catalogue = read_catalog(path)
    done = set()
    for entry in catalogue:
        for key, msgstr in change.items():
            if key in entry.comment or key in entry.msgstr:
                entry.msgstr = msgstr(entry.msgstr) if callable(msgstr) else msgstr
                done.add(key)
    assert done == set(change), f"{path}: no entry for {set(change) - done}"
    write_catalog(path, catalogue)


def msgid_line(path: Path, marker: str) -> int:
    """The line of the ``msgid`` of the entry whose lines hold ``marker``, read from the file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks, start = [], 0
    for number, line in enumerate([*lines, ""], 1):
        if not line.strip():
            blocks.append((start, number - 1))
            start = number
    [(first, last)] = [(a, b) for a, b in blocks if any(marker in line for line in lines[a:b])]
    return next(n for n in range(first, last) if lines[n].startswith("msgid ")) + 1


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    shutil.copytree(ROOT / "locales", tmp_path / "locales")
    # zh_Hans: the third demand of the Urgent Action loses its translation.
    edit(tmp_path / UA_HANS, {"type: demand stop-harassment": ""})
    # zh_Hant: its third demand repeats the second.
    second = demand_translation(tmp_path / UA_HANT, "rights-in-detention")
    edit(tmp_path / UA_HANT, {"type: demand stop-harassment": second})
    # zh_Hant of the 2025 update: Wang Jianbing's sentence of three years and six months misstated.
    edit(tmp_path / UPDATE_HANT, {WANG_RIGHT: lambda text: text.replace(WANG_RIGHT, WANG_WRONG)})
    return tmp_path


def expected(root: Path) -> set[tuple[str, str, int]]:
    third_hans = msgid_line(root / UA_HANS, "type: demand stop-harassment")
    third_hant = msgid_line(root / UA_HANT, "type: demand stop-harassment")
    wang = msgid_line(root / UPDATE_HANT, WANG_WRONG)
    return {
        ("A101", UA_HANS, third_hans),  # demand-untranslated
        ("A103", UA_HANT, third_hant),  # demand-replaced: states rights-in-detention
        ("A104", UA_HANT, third_hant),  # demand-repeated
        ("K104", UPDATE_HANT, wang),  # fact-mismatch: sentence-wang
    }


def test_each_fault_found_at_its_entry(broken: Path) -> None:
    report = check([], Workspace.open(broken), Options(select=("A", "K104"), use_cache=False))
    errors = {(f.code, f.location.path, f.location.line) for f in report.findings
              if f.severity == "error"}
    assert errors == expected(broken)
    [fact] = [f for f in report.findings if f.code == "K104"]
    assert "(sentence-wang)" in fact.message and WANG_WRONG in fact.message
    assert fact.document == "urgent-action-update-2025" and fact.locale == "zh_Hant"
    [wording] = [f for f in report.findings if f.code == "A102"]  # the repeat's wording too
    assert (wording.location.path, wording.location.line) == (UA_HANT, msgid_line(
        broken / UA_HANT, "type: demand stop-harassment"))


def test_shipped_workspace_has_none_of_them() -> None:
    report = check([], Workspace.open(ROOT), Options(select=("A", "K"), use_cache=False))
    assert [f for f in report.findings if f.code in ("A101", "A103", "A104", "K104")] == []


def test_command_line_reports_path_and_line(broken: Path) -> None:
    result = CliRunner().invoke(cli, ["--root", str(broken), "check", "--no-cache",
                                      "--select", "A101,A103,A104,K104"])
    assert result.exit_code == 1
    lines = {line.split(" [")[0] for line in result.stdout.splitlines() if ": " in line}
    assert lines == {f"{path}:{line}: {code}" for code, path, line in expected(broken)}


def test_misstated_source_found_at_its_line(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    shutil.copytree(ROOT / "locales", tmp_path / "locales")
    source = tmp_path / "source_texts" / "urgent-action-2024.md"
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    [number] = [n for n, line in enumerate(lines, 1)
                if line.startswith("I am writing") and "three years and six months" in line]
    lines[number - 1] = lines[number - 1].replace("14 June 2024", "4 June 2024")
    source.write_text("".join(lines), encoding="utf-8")
    report = check([], Workspace.open(tmp_path), Options(select=("K104",), use_cache=False))
    assert [(f.location.path, f.location.line, f.locale) for f in report.findings] == [
        ("source_texts/urgent-action-2024.md", number, "en")
    ]
    assert "sentenced on 14 June 2024" in report.findings[0].message


def test_stats_count_the_demands_left(broken: Path) -> None:
    rows = {(row.document, row.locale): row.demands for row in stats(Workspace.open(broken))}
    assert (rows["urgent-action-2024", "zh_Hans"].present,
            rows["urgent-action-2024", "zh_Hans"].approved) == (2, 2)
    assert (rows["urgent-action-2024", "zh_Hant"].present,
            rows["urgent-action-2024", "zh_Hant"].approved) == (2, 2)  # the repeat is no demand
    assert rows["joint-statement-2023", "zh_Hant"].approved == 3
    assert rows["urgent-action-update-2025", "zh_Hant"].total == 0


def test_stats_table_and_json(broken: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(cli, ["--root", str(broken), "stats"]).stdout.splitlines()
    assert table[0].split()[-2:] == ["demands", "approved"]
    cells = {tuple(line.split()[:2]): line.split()[-2:] for line in table[1:]}
    assert cells["urgent-action-2024", "zh_Hans"] == ["2/3", "2/3"]
    assert cells["joint-statement-2023", "zh_Hant"] == ["3/3", "3/3"]
    assert cells["press-release-2023", "zh_Hans"] == ["—", "—"]
    result = runner.invoke(cli, ["--root", str(broken), "stats", "--format", "json"])
    rows = {(row["document"], row["locale"]): row for row in json.loads(result.stdout)["catalogues"]}
    assert rows["urgent-action-2024", "zh_Hant"]["demands"] == {
        "total": 3, "present": 2, "approved": 2}
    assert rows["press-release-2023", "zh_Hant"]["demands"] == {
        "total": 0, "present": 0, "approved": 0}
