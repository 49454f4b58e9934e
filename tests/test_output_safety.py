"""Output safety: no text from a catalogue or a source can forge a report line, an annotation
or markup, in any output format (text, JSON, SARIF, GitHub, HTML letters, the index, PDF)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from toolkit.catalog.reader import read_catalog
from toolkit.catalog.writer import write_catalog
from toolkit.checks.engine import Report
from toolkit.cli import cli
from toolkit.model import Category, Finding, Location, Severity
from toolkit.report import as_json, github, one_line, sarif, text

BUILD = Path(__file__).parent / "data" / "build" / "workspace"
FORGED = "\n::error file=x,line=1::forged"
# Each a way for text to end a line, start a workflow command or drive a terminal.
HOSTILE = [
    pytest.param(f"ok{FORGED}", id="lf-workflow-command"),
    pytest.param("ok\r::error file=x::forged", id="cr"),
    pytest.param("ok\r\n::warning::forged", id="crlf"),
    pytest.param("ok %0A::error file=x::forged", id="pre-escaped-newline"),
    pytest.param("ok %25 100%", id="percent"),
    pytest.param("ok\x1b[2K\x1b[1Aforged", id="ansi-escape"),
    pytest.param("ok\u2028::error::forged\u2029", id="unicode-separators"),
    pytest.param("ok\x85::error::forged", id="next-line-c1"),
    pytest.param("ok\x00\x07\x7f", id="nul-bell-del"),
    pytest.param("ok\tand a tab", id="tab"),
]
ANNOTATION = re.compile(
    r"::(error|warning|notice) file=[^,:\n\r]*(,line=\d+)?,title=[^,:\n\r]+::[^\n\r]*"
)
TEXT_LINE = re.compile(r"[^\n\r\x1b]+: [A-Z]\d{3} \[(error|warning|note)\] [^\n\r\x1b]*")


def finding(message: str, path: str = "locales/zh_Hans/LC_MESSAGES/ua.po") -> Finding:
    return Finding(
        "M102",
        "code-span",
        Category.MARKUP,
        Severity.ERROR,
        message,
        Location(path, 7),
        document="ua",
        locale="zh_Hans",
        msgid="Free them",
        msgstr=message,
    )


def github_unescape(value: str) -> str:
    """What GitHub's runner makes of a command's message (actions/runner, ActionCommand)."""
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_github_has_one_annotation_per_finding(hostile: str) -> None:
    report = Report(findings=[finding(hostile), finding("second")], files=1, entries=2)
    lines = github(report).split("\n")
    assert lines[-1] == ""
    assert len(lines[:-1]) == 2
    for line in lines[:-1]:
        assert ANNOTATION.fullmatch(line), line
        assert "\x1b" not in line and "\x85" not in line and "\u2028" not in line
    message = lines[0].split("::", 2)[2]
    # Newlines survive as GitHub's %0A (a multi-line annotation), never as a new command;
    # the other controls are shown, not sent.
    expected = "".join(char if char in "\r\n" else one_line(char) for char in hostile)
    assert github_unescape(message) == expected


@pytest.mark.parametrize("hostile", HOSTILE)
def test_text_has_one_line_per_finding(hostile: str) -> None:
    report = Report(findings=[finding(hostile), finding("second")], files=1, entries=2)
    lines = text(report).split("\n")
    assert lines[-1] == ""
    assert len(lines) == 4  # two findings, the summary, the final newline
    for line in lines[:2]:
        assert TEXT_LINE.fullmatch(line), line
    assert "\x1b" not in text(report)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_json_and_sarif_keep_the_text_intact(hostile: str) -> None:
    report = Report(findings=[finding(hostile, f"odd, name:1 #{hostile}.po")], files=1, entries=1)
    [found] = json.loads(as_json(report))["findings"]
    assert found["message"] == hostile and found["msgstr"] == hostile
    assert found["path"] == f"odd, name:1 #{hostile}.po"
    [result] = json.loads(sarif(report))["runs"][0]["results"]
    assert result["message"]["text"] == hostile
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert re.fullmatch(r"[A-Za-z0-9%/._~-]+", uri), uri  # a valid URI reference
    assert unquote(uri) == f"odd, name:1 #{hostile}.po"


def test_github_escapes_a_path_with_a_comma_and_a_colon() -> None:
    report = Report(findings=[finding("x", "po/zh_CN,line=1::forged.po")], files=1, entries=1)
    assert github(report) == (
        "::error file=po/zh_CN%2Cline=1%3A%3Aforged.po,line=7,title=M102 code-span::x\n"
    )


# The whole chain: a hostile catalogue checked from the command line ----------------------------

EVIL = "\n::error file=x,line=1::forged\r\n\x1b[31m"
PAIRS = [
    ("Free Huang Xueqin now.", f"释放黄雪琴{EVIL}现在。"),
    (
        "Read [the appeal](https://example.org/appeal).",
        f"阅读[呼吁{EVIL}](https://example.org/x)。",
    ),
    ("Hello %s and {name}.", f"你好 %s{EVIL} {{name{EVIL}}}。"),
    ("Contact a@b.org now", f"联系 a@b.org{EVIL}x@y.org"),
    ("Sentenced to five years", f"判处{EVIL}六年"),
    ("Release **Wang Jianbing**", f"释放 **王{EVIL}建兵**"),
    (" leading", f" {EVIL} "),
    ("On 14 June 2024", f"2024年6月{EVIL}4日"),
    ("Email `code` here", f"`co{EVIL}de`"),
]


def _quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


@pytest.fixture
def hostile_catalogue(tmp_path: Path) -> Path:
    """A catalogue of hostile translations, in a file whose name has a comma and a colon."""
    lines = [
        'msgid ""',
        'msgstr ""',
        '"Language: zh_Hans\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        "",
    ]
    for msgid, msgstr in PAIRS:
        lines += [f"msgid {_quoted(msgid)}", f"msgstr {_quoted(msgstr)}", ""]
    path = tmp_path / "po" / "zh_CN,line=1::x.po"
    path.parent.mkdir()
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def check(path: Path, output: str) -> str:
    result = CliRunner().invoke(cli, ["check", "--no-cache", "--format", output, str(path)])
    assert result.exit_code == 1, result.output
    return result.stdout


def test_hostile_catalogue_in_every_format(hostile_catalogue: Path) -> None:
    findings = json.loads(check(hostile_catalogue, "json"))["findings"]
    assert len(findings) >= len(PAIRS)
    translations = {msgstr for _, msgstr in PAIRS}
    assert all(item["msgstr"] in translations for item in findings)  # intact, byte for byte
    annotations = check(hostile_catalogue, "github").splitlines()
    assert len(annotations) == len(findings)
    assert all(ANNOTATION.fullmatch(line) for line in annotations), annotations
    assert all("zh_CN%2Cline=1%3A%3Ax.po,line=" in line for line in annotations), annotations
    lines = check(hostile_catalogue, "text").splitlines()
    assert len(lines) == len(findings) + 2  # a note (not in a workspace) and the summary
    assert all(TEXT_LINE.fullmatch(line) for line in lines[: len(findings)]), lines
    assert not any("\x1b" in line for line in [*lines, *annotations])
    results = json.loads(check(hostile_catalogue, "sarif"))["runs"][0]["results"]
    assert [r["message"]["text"] for r in results] == [f["message"] for f in findings]


def test_sarif_of_a_hostile_catalogue_is_schema_valid(hostile_catalogue: Path) -> None:
    schema_file = Path.home() / ".cache" / "advocacy-toolkit" / "sarif-2.1.0.json"
    if not schema_file.is_file():
        pytest.skip("the SARIF schema is fetched by tests/test_report.py first")
    import jsonschema

    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    document = json.loads(check(hostile_catalogue, "sarif"))
    jsonschema.validators.validator_for(schema)(schema).validate(document)


# Build: the index page and PDF -----------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "campaign"
    shutil.copytree(BUILD, root)
    return root


def build(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--root", str(root), "build", *args])
    return result.exit_code, result.stdout, result.stderr


def test_index_escapes_titles_and_reasons(workspace: Path) -> None:
    """The index lists each document's title and every reason a letter was refused, and a
    reason quotes the source text: all of it is text in the page, never markup."""
    source = workspace / "source_texts/appeal.md"
    text_ = source.read_text(encoding="utf-8")
    text_ = text_.replace("title: Free Huang Xueqin", 'title: "</title><script>alert(1)</script>"')
    text_ = text_.replace(
        "Please send the letter below to each official.",
        "Please send <img src=x onerror=alert(2)> the letter below to each official.",
    )
    source.write_text(text_, encoding="utf-8")
    assert CliRunner().invoke(cli, ["--root", str(workspace), "extract"]).exit_code == 0
    assert CliRunner().invoke(cli, ["--root", str(workspace), "update"]).exit_code == 0
    status, _, stderr = build(workspace, "--format", "html")
    assert status == 1  # refused: the changed paragraph is untranslated
    assert "Please send <img src=x onerror=alert(2)>" in stderr
    index = (workspace / "build/index.html").read_text(encoding="utf-8")
    assert "<script" not in index and "<img" not in index
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert "Please send &lt;img src=x onerror=alert(2)&gt;" in index
    page = (workspace / "build/en/appeal.html").read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page


def test_a_translation_cannot_add_an_image_to_fetch(workspace: Path) -> None:
    """An image a translation adds (which a PDF build would fetch, and an HTML letter load)
    is an M104 error: the gate refuses the letter."""
    catalogue = read_catalog(workspace / "locales/zh_Hans/LC_MESSAGES/appeal.po")
    entry = next(e for e in catalogue if e.msgid.startswith("Please send"))
    entry.msgstr += " ![](http://169.254.169.254/latest/meta-data/x.png)"
    write_catalog(workspace / "locales/zh_Hans/LC_MESSAGES/appeal.po", catalogue)
    status, _, stderr = build(workspace, "--locale", "zh_Hans", "--format", "html")
    assert status == 1
    assert "M104 the translation adds image 'http://169.254.169.254/" in stderr
    assert not (workspace / "build/zh_Hans/appeal.html").exists()


def test_pdf_shows_markup_from_a_catalogue_as_text(workspace: Path) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is missing")
    path = workspace / "locales/zh_Hans/LC_MESSAGES/appeal.po"
    catalogue = read_catalog(path)
    entry = next(e for e in catalogue if e.msgid.startswith("Please send"))
    entry.msgstr = "<script>alert(1)</script> <b onmouseover=x>请</b>"
    write_catalog(path, catalogue)
    status, _, stderr = build(
        workspace, "--locale", "zh_Hans", "--format", "pdf", "--allow-incomplete"
    )
    assert status == 0, stderr
    pdf = workspace / "build/zh_Hans/appeal.pdf"
    shown = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "<script>alert(1)</script> <b onmouseover=x>请</b>" in shown


def test_build_reasons_quoting_a_translation_stay_on_their_line(workspace: Path) -> None:
    """``advocacy build`` lists why a letter is refused, quoting the translation: in CI, a
    line it printed starting with ``::`` would be a workflow command."""
    source = workspace / "source_texts/appeal.md"
    text_ = source.read_text(encoding="utf-8")
    source.write_text(
        text_.replace(
            "Please send the letter below to each official.",
            "Please send the letter below to each official, quoting `FREE-HX`.",
        ),
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["--root", str(workspace), "extract"]).exit_code == 0
    assert runner.invoke(cli, ["--root", str(workspace), "update"]).exit_code == 0
    path = workspace / "locales/zh_Hans/LC_MESSAGES/appeal.po"
    catalogue = read_catalog(path)
    entry = next(e for e in catalogue if e.msgid.startswith("Please send"))
    entry.msgstr = "请将以下信件寄给每一位官员，注明`FREE\x1b[2K\n::error file=x,line=1::forged`。"
    entry.flags = []
    write_catalog(path, catalogue)
    status, _, stderr = build(workspace, "--locale", "zh_Hans", "--format", "md")
    assert status == 1
    assert "M102" in stderr and "\\x1b[2K" in stderr
    assert "\x1b" not in stderr
    assert not any(line.startswith("::") for line in stderr.splitlines())


def test_an_error_quoting_a_file_stays_on_its_line(workspace: Path) -> None:
    """A command's one-line error may quote the file it could not read: its control characters
    are shown (\\x1b), never sent to the terminal."""
    catalogue = next(workspace.glob("locales/*/LC_MESSAGES/*.po"))
    catalogue.write_text('msgid "a"\nmsg\x1b[2Kstr "b"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["--root", str(workspace), "update"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "\x1b" not in result.stderr and "\\x1b[2K" in result.stderr
