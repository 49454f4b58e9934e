"""Paths: ids, recipient ids, locale names and symbolic links that would lead out of the
workspace are refused with one line and exit 2; ``build`` writes nowhere but the build folder."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.catalog.reader import read_catalog
from toolkit.catalog.writer import write_catalog
from toolkit.cli import cli
from toolkit.errors import InputError
from toolkit.locales import check_name
from toolkit.lock import LOCK_NAME
from toolkit.paths import confine

DATA = Path(__file__).parent / "data" / "build" / "workspace"
CATALOGUE = "locales/zh_Hans/LC_MESSAGES/appeal.po"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The small build workspace (one letter, two recipients, en source, zh_Hans), with a
    folder ``outside`` beside it holding a secret and a catalogue-shaped file."""
    campaign = tmp_path / "campaign"
    shutil.copytree(DATA, campaign)
    outside = tmp_path / "outside"
    (outside / "LC_MESSAGES").mkdir(parents=True)
    (outside / "secret.md").write_text("---\nid: secret\n---\n\nThe secret.\n", encoding="utf-8")
    shutil.copy(campaign / CATALOGUE, outside / "LC_MESSAGES" / "appeal.po")
    shutil.copy(campaign / CATALOGUE, outside / "appeal.po")
    shutil.copy(campaign / "locales/appeal.pot", outside / "appeal.pot")
    return campaign


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--root", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (links not followed) with a digest of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink() and path.name != LOCK_NAME
    }


def one_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


# Names given on the command line ------------------------------------------------------------

ESCAPING_LOCALES = ["en./../../x", "zh_Hans/../../x", "../x", "/tmp/x", "zh_Hans@/../x", "..", ""]


@pytest.mark.parametrize("name", ESCAPING_LOCALES)
@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["update", "--locale"], id="update"),
        pytest.param(["build", "--locale"], id="build"),
        pytest.param(["stats", "--locale"], id="stats"),
        pytest.param(["convert", "zh_Hans"], id="convert-target"),
    ],
)
def test_locale_names_that_would_escape_are_refused(
    root: Path, command: list[str], name: str
) -> None:
    before = fingerprint(root.parent)
    status, _, stderr = run(root, *command, name)
    assert status == 2
    line = one_line(stderr)
    assert "not a locale name" in line or "empty locale name" in line
    assert fingerprint(root.parent) == before


def test_convert_source_locale_is_checked_too(root: Path) -> None:
    status, _, stderr = run(root, "convert", "zh_Hans./../..", "zh_Hant")
    assert status == 2
    assert one_line(stderr).startswith("convert: 'zh_Hans./../..' is not a locale name")


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("en", True),
        ("zh_Hans", True),
        ("zh_TW", True),
        ("pt_BR", True),
        ("en./../x", False),
        ("zh-Hant/..", False),
        ("en\n", False),
        ("zh_Hans ", False),
    ],
)
def test_check_name(name: str, ok: bool) -> None:
    if ok:
        check_name(name)
    else:
        with pytest.raises(ValueError, match="not a locale name"):
            check_name(name)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--document", "../appeal"], "--document: no source text has the id '../appeal'"),
        (["--document", "/etc/passwd"], "--document: no source text has the id '/etc/passwd'"),
        (["--recipient", "../../x"], "--recipient: no document has a recipient '../../x'"),
        (["--recipient", "/tmp/x"], "--recipient: no document has a recipient '/tmp/x'"),
    ],
)
def test_build_options_name_only_known_ids(root: Path, args: list[str], message: str) -> None:
    status, _, stderr = run(root, "build", *args)
    assert status == 2
    assert one_line(stderr) == message
    assert not (root / "build").exists()


# Ids inside source texts --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "id: appeal",
            "id: ../../escaped",
            "id must use only a-z, 0-9 and '-'; got '../../escaped'",
        ),
        ("id: appeal", "id: /tmp/escaped", "id must use only a-z, 0-9 and '-'; got '/tmp/escaped'"),
        ("id: appeal", "id: a/b", "id must use only a-z, 0-9 and '-'; got 'a/b'"),
        ("id: appeal", "id: ..", "id must use only a-z, 0-9 and '-'; got '..'"),
        ("id: appeal", 'id: "appeal\\n"', "id must use only a-z, 0-9 and '-'"),
        ("id: appeal", "<<: {id: ../x}", ""),  # refused: by its id, or merge keys as such
        ("id: director", "id: ../../escaped", "a recipient needs an 'id' of a-z, 0-9 and '-' only"),
        ("id: director", "id: /tmp/escaped", "a recipient needs an 'id' of a-z, 0-9 and '-' only"),
        ("id: director", "id: a/b", "a recipient needs an 'id' of a-z, 0-9 and '-' only"),
        ("id: director", "id: ..", "a recipient needs an 'id' of a-z, 0-9 and '-' only"),
    ],
    ids=[
        "doc-dotdot",
        "doc-absolute",
        "doc-slash",
        "doc-parent",
        "doc-newline",
        "doc-merge-key",
        "recipient-dotdot",
        "recipient-absolute",
        "recipient-slash",
        "recipient-parent",
    ],
)
@pytest.mark.parametrize("command", [["extract"], ["build"], ["check"]])
def test_ids_that_would_escape_are_refused(
    root: Path, old: str, new: str, expected: str, command: list[str]
) -> None:
    source = root / "source_texts/appeal.md"
    source.write_text(source.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    before = fingerprint(root.parent)
    status, stdout, stderr = run(root, *command)
    assert status == 2
    output = stdout if command == ["check"] else one_line(stderr)
    assert "source_texts/appeal.md:" in output and expected in output
    assert fingerprint(root.parent) == before
    assert not (root / "build").exists()


# Symbolic links -----------------------------------------------------------------------------

Link = Callable[[Path], Path]


def link_source(root: Path) -> Path:
    link = root / "source_texts/secret.md"
    link.symlink_to(root.parent / "outside/secret.md")
    return link


def link_locale_folder(root: Path) -> Path:
    shutil.rmtree(root / "locales/zh_Hans")
    link = root / "locales/zh_Hans"
    link.symlink_to(root.parent / "outside", target_is_directory=True)
    return link


def link_lc_messages(root: Path) -> Path:
    shutil.rmtree(root / "locales/zh_Hans/LC_MESSAGES")
    link = root / "locales/zh_Hans/LC_MESSAGES"
    link.symlink_to(root.parent / "outside/LC_MESSAGES", target_is_directory=True)
    return link


def link_catalogue(root: Path) -> Path:
    link = root / CATALOGUE
    link.unlink()
    link.symlink_to(root.parent / "outside/appeal.po")
    return link


def link_template(root: Path) -> Path:
    link = root / "locales/appeal.pot"
    link.unlink()
    link.symlink_to(root.parent / "outside/appeal.pot")
    return link


def link_other_locale_folder(root: Path) -> Path:
    """A folder of locales/ that is no configured locale: check would still read it."""
    link = root / "locales/fr"
    link.symlink_to(root.parent / "outside", target_is_directory=True)
    return link


LINKS = [
    pytest.param(link_source, "source text", id="source-text"),
    pytest.param(link_locale_folder, "locale folder", id="locale-folder"),
    pytest.param(link_lc_messages, "locale folder", id="lc-messages"),
    pytest.param(link_catalogue, "catalogue", id="catalogue"),
    pytest.param(link_template, "template", id="template"),
    pytest.param(link_other_locale_folder, "locale folder", id="other-locale-folder"),
]
WRITERS_AND_READERS = [
    ["extract"],
    ["update"],
    ["convert", "zh_Hans", "zh_Hant"],
    ["build", "--allow-incomplete"],
    ["check"],
    ["stats"],
]


@pytest.mark.parametrize(("make", "what"), LINKS)
@pytest.mark.parametrize("command", WRITERS_AND_READERS, ids=lambda c: c[0])
def test_links_out_of_the_workspace_are_refused(
    root: Path, make: Link, what: str, command: list[str]
) -> None:
    link = make(root)
    outside = fingerprint(root.parent / "outside")
    status, _, stderr = run(root, *command)
    assert status == 2
    target = link.resolve()
    assert one_line(stderr).endswith(
        f"{link}: {what} is a symbolic link to {target}, outside the workspace; refused"
        " (copy the file in instead)"
    )
    assert fingerprint(root.parent / "outside") == outside
    assert not (root / "build").exists()


def test_links_inside_the_workspace_are_followed(root: Path) -> None:
    """A source kept elsewhere in the workspace and linked in is a source like another."""
    drafts = root / "drafts"
    drafts.mkdir()
    (root / "source_texts/appeal.md").rename(drafts / "appeal.md")
    (root / "source_texts/appeal.md").symlink_to(drafts / "appeal.md")
    (root / "locales/zh_CN").symlink_to(root / "locales/zh_Hans", target_is_directory=True)
    status, _, stderr = run(root, "extract")
    assert status == 0, stderr
    status, _, stderr = run(root, "build", "--locale", "zh_Hans", "--format", "md")
    assert status == 0, stderr
    assert (root / "build/zh_Hans/appeal.md").is_file()


# The build folder ---------------------------------------------------------------------------


def test_build_writes_nowhere_but_the_build_folder(root: Path, tmp_path: Path) -> None:
    """A locale folder of build/ that links elsewhere (a link committed to the repository,
    say) is refused before anything is written through it."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "build").mkdir()
    (root / "build/zh_Hans").symlink_to(elsewhere, target_is_directory=True)
    status, _, stderr = run(root, "build", "--format", "md,html")
    assert status == 2
    line = one_line(stderr)
    assert line.startswith(f"{root}/build/zh_Hans/appeal.")
    assert f"build output resolves to {elsewhere}/appeal." in line
    assert line.endswith(f", outside {root}/build; refused")
    assert list(elsewhere.iterdir()) == []


def test_a_refused_build_deletes_nothing_outside(root: Path, tmp_path: Path) -> None:
    """A refused letter's earlier outputs are removed: never through a link out."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "appeal.html").write_text("someone else's file", encoding="utf-8")
    (root / "build").mkdir()
    (root / "build/zh_Hans").symlink_to(elsewhere, target_is_directory=True)
    catalogue = read_catalog(root / CATALOGUE)
    next(entry for entry in catalogue if entry.msgid).flags.append("fuzzy")  # refused now
    write_catalog(root / CATALOGUE, catalogue)
    status, _, stderr = run(root, "build", "--format", "md")
    assert status == 2
    assert "build output resolves to" in one_line(stderr)
    assert (elsewhere / "appeal.html").read_text(encoding="utf-8") == "someone else's file"


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ("build/en/appeal.md", False),
        ("build/en/../en/appeal.md", False),
        ("build/../outside.md", True),
        ("/etc/passwd", True),
    ],
)
def test_confine(tmp_path: Path, path: str, refused: bool) -> None:
    folder = tmp_path / "build"
    folder.mkdir()
    candidate = tmp_path / path
    if refused:
        with pytest.raises(InputError, match="outside"):
            confine(candidate, folder, "build output")
    else:
        assert confine(candidate, folder, "build output") == candidate


def test_settings_may_point_outside_the_root(root: Path, tmp_path: Path) -> None:
    """Settings are trusted: a build folder set outside the workspace root is used."""
    output = tmp_path / "published"
    settings = root / "advocacy.toml"
    settings.write_text(
        settings.read_text(encoding="utf-8") + f'build_dir = "{output}"\n', encoding="utf-8"
    )
    status, _, stderr = run(root, "build", "--locale", "en", "--format", "md")
    assert status == 0, stderr
    assert (output / "en/appeal.md").is_file()
