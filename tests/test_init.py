"""``advocacy init``: a new workspace whose files load and on which every step of the workflow runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.campaign import load_campaign
from toolkit.cli import cli
from toolkit.errors import InputError
from toolkit.glossary import load_glossary
from toolkit.init import FILES, init_workspace
from toolkit.settings import load_settings
from toolkit.workspace import Workspace


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_init_writes_a_workspace(tmp_path: Path) -> None:
    root = tmp_path / "campaign"
    code, out, _ = run("init", str(root))
    assert code == 0
    written = sorted(
        path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()
    )
    assert written == sorted(relative for _, relative in FILES)
    assert "workspace ready" in out
    settings = load_settings(root)
    assert settings.locales == ("en", "zh_Hans", "zh_Hant")
    assert settings.config_path == root / "advocacy.toml"
    assert not load_glossary(settings.glossary).entries  # empty: every example is commented
    campaign = load_campaign(settings.campaign)
    assert set(campaign.demands) == {"release", "family-access"}  # the example letter's marker
    assert not campaign.facts


def test_example_source_is_an_invented_letter(tmp_path: Path) -> None:
    init_workspace(tmp_path)
    [document] = Workspace.open(tmp_path).documents()
    assert document.id == "example-appeal"
    assert document.lang == "en"
    assert {"id", "title", "lang", "date", "kind", "recipients"} <= set(document.meta)
    assert len(document.meta["recipients"]) == 1
    assert all("Example" in recipient["name"] for recipient in document.meta["recipients"])
    text = document.path.read_text(encoding="utf-8")
    assert "<!-- advocacy: letter -->" in text and "<!-- advocacy: end letter -->" in text
    assert "<!-- advocacy: demands release, family-access -->" in text
    assert "Example Person" in text and "invented" in text
    demands = [segment.demand for segment in document.segments if segment.demand is not None]
    assert demands == ["release", "family-access"]


def test_whole_workflow_runs_in_the_new_workspace(tmp_path: Path) -> None:
    root = str(tmp_path)
    assert run("init", root)[0] == 0
    assert run("--root", root, "check")[0] == 0  # only warnings: no catalogue yet
    code, out, _ = run("--root", root, "extract")
    assert (code, out.splitlines()[-1]) == (0, "1 templates, 1 written")
    assert run("--root", root, "extract", "--check")[0] == 0
    code, out, _ = run("--root", root, "update")
    assert (code, out.splitlines()[-1]) == (0, "2 catalogues, 2 written")
    code, out, _ = run("--root", root, "check", "--format", "json")
    assert code == 1  # the demands are not translated yet: A101 errors, and nothing worse
    assert '"A101"' in out and '"F1' not in out
    code, out, _ = run("--root", root, "build", "--allow-incomplete")
    assert code == 0, out
    assert (tmp_path / "build" / "zh_Hans" / "example-appeal.example-official.html").is_file()
    assert run("--root", root, "glossary", "check")[0] == 0
    assert run("--root", root, "stats")[0] == 0


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "locales").mkdir()
    glossary = tmp_path / "locales" / "glossary.toml"
    glossary.write_text("# mine\n", encoding="utf-8")
    code, out, err = run("init", str(tmp_path))
    assert code == 2
    assert err.strip().splitlines() == [
        f"{glossary}: already exists: advocacy init never overwrites a file"
    ]
    assert glossary.read_text(encoding="utf-8") == "# mine\n"
    assert not (tmp_path / "advocacy.toml").exists()  # nothing written at all
    assert out == ""


def test_init_twice_refuses(tmp_path: Path) -> None:
    init_workspace(tmp_path)
    with pytest.raises(InputError, match="already exists"):
        init_workspace(tmp_path)


def test_init_defaults_to_root_then_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("--root", str(tmp_path / "a"), "init")[0] == 0
    assert (tmp_path / "a" / "advocacy.toml").is_file()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "b")
    assert run("init")[0] == 0
    assert (tmp_path / "b" / "source_texts" / "example-appeal.md").is_file()


def test_init_on_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("", encoding="utf-8")
    code, _, err = run("init", str(target))
    assert code == 2
    assert "is a file" in err
    with pytest.raises(InputError, match="not a folder"):
        init_workspace(target)


@pytest.mark.parametrize("name", ["source_texts", "locales"])
def test_a_file_where_a_folder_goes_writes_nothing(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("mine\n", encoding="utf-8")
    code, out, err = run("init", str(tmp_path))
    assert code == 2
    assert err.strip().splitlines() == [f"{tmp_path / name}: exists and is not a folder"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [name]  # nothing written
    assert out == ""
