"""advocacy build: golden letters, the gate, escaping, recipients, PDF and reproducibility."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.build.html import long_date
from toolkit.catalog.reader import read_catalog
from toolkit.catalog.writer import write_catalog
from toolkit.cli import cli

DATA = Path(__file__).parent / "data" / "build"
REPOSITORY = Path(__file__).resolve().parents[1]
CATALOGUE = Path("locales/zh_Hans/LC_MESSAGES/appeal.po")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the small build workspace: one letter to two officials, en source, zh_Hans."""
    root = tmp_path / "campaign"
    shutil.copytree(DATA / "workspace", root)
    return root


def build(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--root", str(root), "build", *args])
    return result.exit_code, result.stdout, result.stderr


def edit(root: Path, change: Callable[[dict[str, object]], None]) -> None:
    """Change entries of the zh_Hans catalogue through a table keyed by msgid prefix."""
    path = root / CATALOGUE
    catalogue = read_catalog(path)
    table: dict[str, object] = {}
    change(table)
    for entry in catalogue:
        for prefix, value in table.items():
            if entry.msgid.startswith(prefix):
                if value == "fuzzy":
                    entry.flags.append("fuzzy")
                else:
                    assert isinstance(value, str)
                    entry.msgstr = value
    write_catalog(path, catalogue)


# Golden files --------------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["en", "zh_Hans"])
@pytest.mark.parametrize("name", ["appeal.director.md", "appeal.director.html", "appeal.md"])
def test_golden(workspace: Path, locale: str, name: str, update_golden: bool) -> None:
    status, _, stderr = build(workspace, "--sender", "Li Ming")
    assert status == 0, stderr
    produced = (workspace / "build" / locale / name).read_text(encoding="utf-8")
    golden = DATA / "golden" / locale / name
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert produced == golden.read_text(encoding="utf-8")


def test_markdown_keeps_every_byte_that_is_not_a_segment(workspace: Path) -> None:
    assert build(workspace, "--locale", "zh_Hans", "--format", "md")[0] == 0
    built = (workspace / "build/zh_Hans/appeal.md").read_text(encoding="utf-8")
    source = (workspace / "source_texts/appeal.md").read_text(encoding="utf-8")
    for line in (
        "<!-- advocacy: letter -->",
        "<!-- advocacy: end letter -->",
        "---",
        "kind: letter",
    ):
        assert built.count(line) == source.count(line)
    assert built.splitlines()[:4] == ["---", "id: appeal", "title: 释放黄雪琴", "lang: en"]
    assert len(built.splitlines()) == len(source.splitlines())


def test_source_language_letter_is_the_source(workspace: Path) -> None:
    assert build(workspace, "--locale", "en", "--format", "md")[0] == 0
    built = (workspace / "build/en/appeal.md").read_bytes()
    assert built == (workspace / "source_texts/appeal.md").read_bytes()


# The gate ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            {"Please send": ""},
            [r"appeal\.po:\d+: untranslated: Please send the letter"],
            id="one-untranslated-segment",
        ),
        pytest.param(
            {"Stop harassing": "fuzzy"},
            [r"appeal\.po:\d+: fuzzy: Stop harassing", r"appeal\.po:\d+: A101 "],
            id="fuzzy-demand",
        ),
        pytest.param(
            {"Release Huang": "立即释放黄雪琴；"},
            [r"appeal\.po:\d+: A102 "],
            id="unapproved-demand",
        ),
        pytest.param(
            {"Stop harassing": "立即无条件释放黄雪琴；"},
            [r"appeal\.po:\d+: A10[34] "],
            id="demand-replaced",
        ),
        pytest.param(
            {
                "I am writing": "我写信是为了记者**黄雪琴**，她于2024年6月4日被判刑。请阅读[呼吁书](https://example.org/appeal)。"
            },
            [r"appeal\.po:\d+: D101 "],
            id="error-finding-wrong-date",
        ),
    ],
)
def test_gate_refuses_and_lists_every_reason(
    workspace: Path, change: dict[str, str], expected: list[str]
) -> None:
    assert build(workspace)[0] == 0
    edit(workspace, lambda table: table.update(change))
    status, stdout, stderr = build(workspace)
    assert status == 1
    assert "appeal (zh_Hans): refused, not built:" in stderr
    for pattern in expected:
        assert re.search(r"locales/zh_Hans/LC_MESSAGES/" + pattern, stderr), stderr
    # The refused letter's earlier files are gone; the English ones still stand.
    assert not list((workspace / "build/zh_Hans").glob("appeal.*"))
    assert (workspace / "build/en/appeal.director.html").is_file()
    assert "1 letter built, 1 refused" in stdout


def test_gate_missing_catalogue(workspace: Path) -> None:
    (workspace / CATALOGUE).unlink()
    status, _, stderr = build(workspace)
    assert status == 1
    assert "locales/zh_Hans/LC_MESSAGES/appeal.po: no catalogue for zh_Hans" in stderr


def test_gate_unreadable_catalogue(workspace: Path) -> None:
    path = workspace / CATALOGUE
    path.write_text(path.read_text(encoding="utf-8") + '\nmsgid "broken\n', encoding="utf-8")
    status, _, stderr = build(workspace)
    assert status == 1
    assert re.search(r"appeal\.po:\d+: unreadable catalogue", stderr), stderr


def test_allow_incomplete_marks_what_is_missing(workspace: Path) -> None:
    edit(workspace, lambda table: table.update({"Please send": "", "Stop harassing": "fuzzy"}))
    status, _, stderr = build(workspace, "--allow-incomplete")
    assert status == 0
    assert "appeal (zh_Hans): built incomplete (--allow-incomplete):" in stderr
    md = (workspace / "build/zh_Hans/appeal.md").read_text(encoding="utf-8")
    assert "<!-- advocacy: incomplete zh_Hans build, not for sending:" in md
    assert "Please send the letter below to each official. <!-- advocacy: untranslated" in md
    assert "- Stop harassing human rights defenders. <!-- advocacy: fuzzy" in md
    html = (workspace / "build/zh_Hans/appeal.html").read_text(encoding="utf-8")
    assert '<aside class="incomplete" role="alert">' in html
    assert re.search(r'<mark class="untranslated" lang="en"[^>]*>Please send the letter', html)
    letter = (workspace / "build/zh_Hans/appeal.director.html").read_text(encoding="utf-8")
    assert re.search(r'<mark class="untranslated"[^>]*>Stop harassing human rights', letter)
    assert "\ue000" not in html + letter + md


def test_allow_incomplete_marks_front_matter_values(workspace: Path) -> None:
    edit(workspace, lambda table: table.update({"Director of Guangzhou": ""}))
    assert build(workspace, "--allow-incomplete", "--format", "html")[0] == 0
    letter = (workspace / "build/zh_Hans/appeal.director.html").read_text(encoding="utf-8")
    assert re.search(
        r'<span class="title"><mark class="untranslated"[^>]*>Director of Guangzhou', letter
    )


# Escaping ------------------------------------------------------------------------------------

HOSTILE = {
    "I am writing": "<script>alert(1)</script> [点击](javascript:alert(2)) <img src=x onerror=alert(3)>",
    "Zhang Rui": "<b onmouseover=alert(4)>张</b>",
    "Yours sincerely": "[x](JaVaScRiPt:alert(5)) ![y](data:text/html;base64,PHNjcmlwdD4=)",
    "Free Huang": "</title><script>alert(6)</script>",
}


def test_everything_from_a_catalogue_is_escaped(workspace: Path) -> None:
    edit(workspace, lambda table: table.update(HOSTILE))
    assert build(workspace, "--allow-incomplete", "--format", "html")[0] == 0
    for name in ("appeal.html", "appeal.director.html"):
        html = (workspace / "build/zh_Hans" / name).read_text(encoding="utf-8")
        assert "<script" not in html.lower()
        assert "<img" not in html and "<b " not in html
        # Links to script or data are left as plain text: nothing a browser would follow.
        assert not re.search(r"""(href|src)\s*=\s*["']?\s*(javascript|data):""", html, re.I)
        assert "<a " not in html.replace('<a href="https://example.org/appeal">', "")
    letter = (workspace / "build/zh_Hans/appeal.director.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in letter
    assert "&lt;b onmouseover=alert(4)&gt;张&lt;/b&gt;" in letter


# Recipients, options ------------------------------------------------------------------------


def test_one_letter_per_recipient(workspace: Path) -> None:
    assert build(workspace, "--format", "md,html")[0] == 0
    names = sorted(path.name for path in (workspace / "build/zh_Hans").iterdir())
    assert names == [
        "appeal.director.html",
        "appeal.director.md",
        "appeal.html",
        "appeal.md",
        "appeal.procurator.html",
        "appeal.procurator.md",
    ]
    director = (workspace / "build/zh_Hans/appeal.director.html").read_text(encoding="utf-8")
    procurator = (workspace / "build/zh_Hans/appeal.procurator.html").read_text(encoding="utf-8")
    assert "尊敬的Zhang Rui局长：" in director and "Zhang Jian" not in director
    assert "尊敬的Zhang Jian检察长：" in procurator and "Zhang Rui" not in procurator
    # The letter is the marked section: no instructions, no additional information.
    assert "请将以下信件" not in director and "补充信息" not in director
    assert "请将以下信件" in (workspace / "build/zh_Hans/appeal.html").read_text(encoding="utf-8")


def test_only_the_recipient_asked_for(workspace: Path) -> None:
    assert build(workspace, "--recipient", "procurator", "--format", "html")[0] == 0
    names = sorted(path.name for path in (workspace / "build/zh_Hans").iterdir())
    assert names == ["appeal.procurator.html"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--recipient", "nobody"], "--recipient: appeal has no recipient 'nobody'"),
        (["--document", "nothing"], "--document: no source text has the id 'nothing'"),
        (["--format", "md,docx"], "choose among md, html, pdf"),
        (["--locale", "xx_!!"], "--locale"),
        (["--date", "9 September"], "'9 September' does not match the format"),
    ],
)
def test_bad_options(workspace: Path, args: list[str], message: str) -> None:
    document = [] if "--document" in args else ["--document", "appeal"]
    status, _, stderr = build(workspace, *document, *args)
    assert status == 2
    assert message in stderr
    assert "Traceback" not in stderr


def test_sender_and_date_in_the_letters_language(workspace: Path) -> None:
    args = ("--sender", "Li Ming", "--date", "2024-10-01", "--format", "html,md")
    assert build(workspace, *args)[0] == 0
    english = (workspace / "build/en/appeal.director.html").read_text(encoding="utf-8")
    chinese = (workspace / "build/zh_Hans/appeal.director.html").read_text(encoding="utf-8")
    assert '<time datetime="2024-10-01">1 October 2024</time>' in english
    assert '<time datetime="2024-10-01">2024年10月1日</time>' in chinese
    assert chinese.count("Li Ming") == 2
    assert '<html lang="zh-Hans">' in chinese and '<html lang="en">' in english
    # The stylesheet is ours, inlined as written: an escaped quote would void the font stacks.
    assert 'font-family: "Noto Serif CJK SC"' in chinese and "&#34;" not in chinese


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", "9 September 2024"),
        ("en_US", "September 9, 2024"),
        ("zh_Hans", "2024年9月9日"),
        ("zh_Hant", "2024年9月9日"),
        ("fr", "9 septembre 2024"),
    ],
)
def test_long_date(locale: str, expected: str) -> None:
    assert long_date(datetime.date(2024, 9, 9), locale) == expected


def test_index_page(workspace: Path) -> None:
    edit(workspace, lambda table: table.update({"Please send": ""}))
    assert build(workspace)[0] == 1
    index = (workspace / "build/index.html").read_text(encoding="utf-8")
    assert '<a href="en/appeal.director.html">director.html</a>' in index
    assert "status-refused" in index and "17/18 (94%)" in index
    assert "untranslated: Please send the letter" in index


def test_no_progress_bar_without_a_terminal(workspace: Path) -> None:
    _, stdout, stderr = build(workspace)
    assert "Building" not in stdout + stderr


def test_reproducible(workspace: Path, tmp_path: Path) -> None:
    other = tmp_path / "again"
    shutil.copytree(workspace, other)
    assert build(workspace, "--format", "md,html,pdf")[0] == 0
    assert build(other, "--format", "md,html,pdf")[0] == 0
    first = {p.relative_to(workspace): p.read_bytes() for p in (workspace / "build").rglob("*.*")}
    second = {p.relative_to(other): p.read_bytes() for p in (other / "build").rglob("*.*")}
    assert first == second
    assert len(first) == 1 + 2 * 3 * 3
    # A second build into the same folder writes nothing.
    status, stdout, _ = build(workspace, "--format", "md,html,pdf")
    assert status == 0 and "(0 written)" in stdout


# PDF -----------------------------------------------------------------------------------------


def _poppler(tool: str, path: Path) -> str:
    assert shutil.which(tool), f"{tool} is missing: apt-get install poppler-utils"
    return subprocess.run(
        [tool, str(path), "-"] if tool == "pdftotext" else [tool, str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_pdf_has_chinese_text_and_an_embedded_cjk_font(workspace: Path) -> None:
    assert build(workspace, "--locale", "zh_Hans", "--format", "pdf")[0] == 0
    pdf = workspace / "build/zh_Hans/appeal.director.pdf"
    assert "黄雪琴" in _poppler("pdftotext", pdf)
    fonts = _poppler("pdffonts", pdf).splitlines()[2:]
    embedded = [line for line in fonts if re.search(r"\byes\s+yes\s+yes\b", line)]
    assert any(re.search(r"CJK|WenQuanYi|Han|Hei|Song|Ming", line) for line in embedded), fonts


# The shipped campaign -------------------------------------------------------------------------


def test_shipped_campaign_builds_every_letter(tmp_path: Path) -> None:
    root = tmp_path / "shipped"
    for folder in ("source_texts", "locales"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    status, stdout, stderr = build(root)
    assert status == 0, stderr
    documents = sorted(path.stem for path in (root / "source_texts").glob("*.md"))
    documents.remove("CORRECTIONS")
    for locale in ("en", "zh_Hans", "zh_Hant"):
        for document in documents:
            assert (root / "build" / locale / f"{document}.html").is_file(), (locale, document)
        assert (root / "build" / locale / "urgent-action-2024.zhang-rui.html").is_file()
        assert (root / "build" / locale / "urgent-action-2024.zhang-jian.md").is_file()
    assert "0 refused" in stdout


def test_pdf_fetches_nothing(workspace: Path) -> None:
    """An image in a source or a translation is neither downloaded nor read from disk."""
    import http.server
    import threading

    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/cover.png"
        source = workspace / "source_texts/appeal.md"
        text = source.read_text(encoding="utf-8")
        source.write_text(
            text.replace(
                "# Free Huang Xueqin\n",
                f"# Free Huang Xueqin\n\n![cover]({url})\n![local](/etc/passwd)\n",
                1,
            ),
            encoding="utf-8",
        )
        status, _, stderr = build(workspace, "--locale", "en", "--format", "pdf")
        assert status == 0, stderr
        assert (workspace / "build/en/appeal.pdf").is_file()
    finally:
        server.shutdown()
    assert hits == []
