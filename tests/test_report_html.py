"""advocacy report --html: highlighted spans, the row model, escaping, links, the command, and
the page itself in headless Chromium (filters, a screenshot, no network request)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import toolkit.checks  # noqa: F401  (registers every check)
from toolkit.checks.registry import RULES, Scope
from toolkit.cli import cli
from toolkit.glossary import Glossary, load_glossary
from toolkit.model import Finding, Location, Pair
from toolkit.review import Review, ReviewOptions, Span, Status, render_review, review
from toolkit.review.render import _marked
from toolkit.review.spans import Text, finding_spans
from toolkit.workspace import Workspace

REPOSITORY = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
CATALOGUE = Path("locales/zh_Hans/LC_MESSAGES/appeal.po")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(DATA / "glossary" / "glossary.toml")


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Check results cached in a folder of this module's own, not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ADVOCACY_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


# Spans: what a finding is about, from the messages the real checks write --------------------


def _findings(code: str, source: Text, target: Text | None, glossary: Glossary) -> list[Finding]:
    rule = RULES[code]
    given = {"glossary": glossary} if "glossary" in rule.needs else {}
    if target is None:
        messages = list(rule.function(source.text, source.locale, **given))
    elif rule.scope is Scope.TEXT:
        messages = list(rule.function(target.text, target.locale, **given))
    else:
        pair = Pair(source.text, target.text, target.locale, source.locale, 1)
        messages = list(rule.function(pair, **given))
    where = Location("x.po" if target else "x.md", 1)
    locale = target.locale if target else source.locale
    return [
        Finding(code, rule.name, rule.category, rule.severity, m, where, "x", locale)
        for m in messages
    ]


SPANS = [
    pytest.param(
        "D101", "They were arrested on 19 September 2021.", "他们于2021年9月9日被捕。",
        ["19 September 2021"], ["2021年9月9日"], id="date-changed",
    ),
    pytest.param(
        "D102", "Sentenced on 14 June 2024.", "2024年6月14日被判刑，2024年6月20日上诉。",
        [], ["2024年6月20日"], id="date-added",
    ),
    pytest.param(
        "D103", "Friday 22 September 2023", "2023年9月22日星期四", [], ["2023年9月22日"],
        id="weekday-on-the-translation",
    ),
    pytest.param(
        "Q101", "Huang was sentenced to five years.", "黄雪琴被判处有期徒刑六年。",
        ["five years"], ["六年"], id="number-changed",
    ),
    pytest.param(
        "Q102", "They were detained.", "他们被拘留了3个月。", [], ["3个月"], id="number-added"
    ),
    pytest.param(
        "Q103", "She was held for nearly 250 days.", "她被关押了250天。",
        ["nearly 250 days"], ["250天"], id="qualifier-dropped",
    ),
    pytest.param(
        "N101", "Huang Xueqin is a journalist.", "Huang Xueqin是一名记者。",
        ["Huang Xueqin"], ["Huang Xueqin"], id="name-left-in-pinyin",
    ),
    pytest.param(
        "N107", "Huang Xueqin is a journalist.", "她是一名记者。", ["Huang Xueqin"], ["她"],
        id="name-turned-pronoun",
    ),
    pytest.param(
        "N106", "She is a journalist.", "黄雪琴是一名记者。", [], ["黄雪琴"], id="name-added"
    ),
    pytest.param(
        "N104", "Wang Jianbing and Huang Xueqin.", "王建冰和黄雪琴。", [], ["王建冰"],
        id="homophone-by-column-only",
    ),
    pytest.param(
        "P101", "They were arrested, then released.", "他们被捕,然后获释。", [], [","],
        id="any-category-by-column",
    ),
    pytest.param(
        "N102", "Huang Xuegin was arrested.", None, ["Xuegin"], [], id="forbidden-in-a-source"
    ),
]  # fmt: skip


@pytest.mark.parametrize(("code", "source", "target", "in_source", "in_target"), SPANS)
def test_spans(
    code: str,
    source: str,
    target: str | None,
    in_source: list[str],
    in_target: list[str],
    glossary: Glossary,
) -> None:
    left = Text(source, "en")
    right = Text(target, "zh_Hans") if target is not None else None
    findings = _findings(code, left, right, glossary)
    assert findings, f"{code} finds nothing in this case"
    marked: tuple[list[str], list[str]] = ([], [])
    for finding in findings:
        places = finding_spans(finding, left, right, glossary)
        for side, text in ((0, source), (1, target or "")):
            marked[side].extend(text[start:end] for start, end, _ in places[side])
    assert marked == (in_source, in_target)


def test_span_kinds(glossary: Glossary) -> None:
    left, right = (
        Text("Arrested on 19 September 2021.", "en"),
        Text("2021年9月9日被捕。", "zh_Hans"),
    )
    (finding,) = _findings("D101", left, right, glossary)
    assert {kind for _, _, kind in finding_spans(finding, left, right, glossary)[1]} == {"dates"}


# The row model: a small workspace with planted problems -------------------------------------


def _plant(root: Path) -> None:
    """A date changed (D101), a fuzzy entry, an untranslated one, and a misspelt name followed
    by a script tag, in the small build workspace (with a glossary, for the names checks)."""
    shutil.copy(DATA / "glossary" / "glossary.toml", root / "locales" / "glossary.toml")
    path = root / CATALOGUE
    text = path.read_text(encoding="utf-8")
    for old, new in (
        ("她于2024年6月14日被判刑", "她于2024年6月4日被判刑"),
        ('msgstr "黄雪琴是一名记者。"', 'msgstr "黄雪芹是一名记者。<script>alert(1)</script>"'),
        ('msgstr "补充信息"', 'msgstr ""'),
        ("#: source_texts/appeal.md:26\n", "#: source_texts/appeal.md:26\n#, fuzzy\n"),
    ):
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory, cache: None) -> Path:
    root = tmp_path_factory.mktemp("small") / "campaign"
    shutil.copytree(DATA / "build" / "workspace", root)
    _plant(root)
    return root


@pytest.fixture(scope="module")
def small_review(small: Path) -> Review:
    return review(Workspace.open(small))


def _row(result: Review, start: str) -> Any:
    (document,) = result.documents
    return next(row for row in document.rows if row.cells[0].text.startswith(start))


ROWS = [
    pytest.param("Free Huang", Status.TRANSLATED, "释放黄雪琴", [], id="translated"),
    pytest.param("Please send", Status.FUZZY, "请将以下信件", ["C102"], id="fuzzy"),
    pytest.param("Additional", Status.UNTRANSLATED, None, ["C101"], id="untranslated"),
    pytest.param("I am writing", Status.TRANSLATED, "我写信", ["D101"], id="date-changed"),
    pytest.param(
        "Huang Xueqin is", Status.TRANSLATED, "黄雪芹", ["N101", "N104", "P106"], id="names"
    ),
]


@pytest.mark.parametrize(("source", "status", "text", "codes"), ROWS)
def test_rows(
    small_review: Review, source: str, status: Status, text: str | None, codes: list[str]
) -> None:
    row = _row(small_review, source)
    source_cell, target = row.cells
    assert (source_cell.status, source_cell.locale, target.locale) == (
        Status.SOURCE,
        "en",
        "zh_Hans",
    )
    assert target.status is status
    assert (target.text or "").startswith(text or "") and (text is not None) == bool(target.text)
    assert sorted(small_review.findings[i].code for i in row.findings) == codes


def test_rows_follow_the_source(small_review: Review, small: Path) -> None:
    (document,) = small_review.documents
    segments = Workspace.open(small).documents()[0].segments
    assert [row.cells[0].text for row in document.rows] == [s.text for s in segments]
    assert [row.cells[0].line for row in document.rows] == [s.line for s in segments]
    assert [(c.locale, c.source) for c in document.columns] == [("en", True), ("zh_Hans", False)]


def test_gaps(tmp_path: Path, cache: None) -> None:
    """A segment newer than its catalogue, and a locale with no catalogue at all."""
    root = tmp_path / "campaign"
    shutil.copytree(DATA / "build" / "workspace", root)
    (root / "advocacy.toml").write_text('locales = ["en", "zh_Hans", "zh_Hant"]\n')
    with (root / "source_texts" / "appeal.md").open("a", encoding="utf-8") as source:
        source.write("\nA paragraph added since.\n")
    catalogue = root / CATALOGUE  # a suppression that suppresses nothing: F103, of no document
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(
        text.replace("#. type: heading\n", "# advocacy: ignore[D101] ok\n#. type: heading\n", 1)
    )
    result = review(Workspace.open(root))
    (document,) = result.documents
    # On no segment: no zh_Hant catalogue (C103), a template behind its source (C104), F103.
    assert sorted(result.findings[i].code for i in document.findings) == ["C103", "C104", "F103"]
    assert result.general == ()
    assert [c.problem for c in document.columns] == [
        None,
        None,
        "no catalogue (run advocacy update)",
    ]
    statuses = [[cell.status.value for cell in row.cells[1:]] for row in document.rows[-2:]]
    assert statuses == [["translated", "no-catalogue"], ["missing", "no-catalogue"]]
    hant = result.summaries[-1]
    assert (hant.locale, hant.catalogues, hant.translated, hant.untranslated) == (
        "zh_Hant",
        0,
        0,
        19,
    )
    page = render_review(result, root / "review.html")
    assert "not in the catalogue (run advocacy update)" in page


def test_mismatched_date_highlighted_in_both_columns(small_review: Review) -> None:
    row = _row(small_review, "I am writing")
    marked = [
        [(cell.text or "")[s.start : s.end] for s in cell.spans if s.kind == "dates"]
        for cell in row.cells
    ]
    assert marked == [["14 June 2024"], ["2024年6月4日"]]


def test_summary(small_review: Review) -> None:
    en, zh = small_review.summaries
    assert (en.locale, en.catalogues, en.total) == ("en", 0, 0)
    assert (zh.locale, zh.translated, zh.fuzzy, zh.untranslated) == ("zh_Hans", 16, 1, 1)
    assert {c.value: n for c, n in zh.by_category.items()} == {
        "names": 2,
        "dates": 1,
        "punctuation": 1,
        "completeness": 2,
    }


# Escaping and links ---------------------------------------------------------------------------

MARKED = [
    pytest.param("<b>x</b>", (), "&lt;b&gt;x&lt;/b&gt;", id="tags-escaped"),
    pytest.param(
        'a "<i>" 2024', (Span(8, 12, "dates", (0,)),),
        'a &#34;&lt;i&gt;&#34; <mark class="hl hl-dates" data-refs="f0" title="D101 date-mismatch">'
        "2024</mark>",
        id="span-in-escaped-text",
    ),
    pytest.param(
        "x<y", (Span(1, 2, "names", (0,)),),
        'x<mark class="hl hl-names" data-refs="f0" title="D101 date-mismatch">&lt;</mark>y',
        id="span-of-a-bracket",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "spans", "html"), MARKED)
def test_marked(text: str, spans: tuple[Span, ...], html: str) -> None:
    rule = RULES["D101"]
    finding = Finding("D101", rule.name, rule.category, rule.severity, "m", Location("x", 1))
    assert str(_marked(text, spans, [finding])) == html


def test_translation_escaped_in_page(small_review: Review, tmp_path: Path) -> None:
    page = render_review(small_review, tmp_path / "review.html")
    assert "黄雪芹</mark>是一名记者。&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script") == 1  # ours, at the end
    assert "<script>alert" not in page


def test_links(small_review: Review, small: Path, tmp_path: Path) -> None:
    beside = render_review(small_review, small / "build" / "review.html")
    assert 'href="../locales/zh_Hans/LC_MESSAGES/appeal.po"' in beside
    assert 'href="../source_texts/appeal.md"' in beside
    vscode = render_review(small_review, tmp_path / "review.html", "vscode")
    catalogue = (small / CATALOGUE).resolve().as_posix()
    line = next(f.location.line for f in small_review.findings if f.code == "D101")
    assert f'href="vscode://file{catalogue}:{line}"' in vscode
    assert f">{CATALOGUE.as_posix()}:{line}</a>" in vscode


# The command ----------------------------------------------------------------------------------


def test_command(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "review.html"
    runner = CliRunner()
    first = runner.invoke(cli, ["--root", str(small), "report", "--html", str(out)])
    assert first.exit_code == 0, first.output
    assert first.stdout.endswith(": 1 document, 6 findings\n")
    data = out.read_bytes()
    again = runner.invoke(cli, ["--root", str(small), "report", "--html", str(out)])
    assert again.stdout.endswith("(unchanged)\n")
    assert out.read_bytes() == data  # reproducible: no timestamp


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--document", "nope"], "--document: no source text has the id 'nope'"),
        (["--locale", "xx_Nope"], "--locale: unknown locale 'xx_Nope'"),
    ],
)
def test_command_bad_usage(small: Path, tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "review.html"
    result = CliRunner().invoke(cli, ["--root", str(small), "report", "--html", str(out), *args])
    assert (result.exit_code, message in result.stderr, out.exists()) == (2, True, False)


# The shipped campaign --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory, cache: None) -> Path:
    """A copy of the repository's own workspace (its sources and catalogues) and its page."""
    root = tmp_path_factory.mktemp("shipped") / "campaign"
    for folder in ("source_texts", "locales"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    page = root / "review.html"
    result = CliRunner().invoke(cli, ["--root", str(root), "report", "--html", str(page)])
    assert result.exit_code == 0, result.output
    return page


def test_shipped_columns(shipped: Path) -> None:
    result = review(Workspace.open(shipped.parent), ReviewOptions())
    columns = {d.id: [c.locale for c in d.columns] for d in result.documents}
    assert columns["solidarity-message-2024"] == ["zh_Hans", "en", "zh_Hant"]  # a Chinese source
    assert columns["urgent-action-2024"] == ["en", "zh_Hans", "zh_Hant"]
    only = review(
        Workspace.open(shipped.parent), ReviewOptions(("zh_Hant",), ("press-release-2023",))
    )
    assert [[c.locale for c in d.columns] for d in only.documents] == [["en", "zh_Hant"]]


# In headless Chromium -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """The system's Chromium driven by Playwright (no browser of Playwright's own)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


@pytest.fixture
def opened(browser: Any) -> Iterator[Any]:
    """A function opening a page from its file: URL, recording every request and error."""
    pages: list[Any] = []

    def open_page(path: Path) -> Any:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.requests, page.errors = [], []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("console", lambda message: page.errors.append(message.text))
        page.goto(path.resolve().as_uri())
        pages.append(page)
        return page

    yield open_page
    for page in pages:
        page.close()


def _screenshot(page: Any, path: Path, full_page: bool = True) -> None:
    page.screenshot(path=str(path), full_page=full_page)
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000


def test_page_filters(small: Path, tmp_path: Path, opened: Any) -> None:
    out = tmp_path / "review.html"
    CliRunner().invoke(cli, ["--root", str(small), "report", "--html", str(out)])
    page = opened(out)
    d101 = page.locator("li.finding", has_text="D101")
    marks = page.locator("tr.segment", has_text="I am writing").locator("mark.hl-dates")
    assert d101.is_visible()
    assert marks.all_inner_texts() == ["14 June 2024", "2024年6月4日"]
    assert page.locator("#shown-count").inner_text() == "6"

    page.get_by_label("error").uncheck()  # severity: errors hidden, their highlights off
    assert d101.is_hidden() and page.locator("#shown-count").inner_text() == "3"
    assert marks.evaluate_all("ms => ms.map(m => m.classList.contains('off'))") == [True, True]
    page.get_by_label("error").check()
    assert d101.is_visible()

    page.get_by_label("completeness").uncheck()  # category
    assert page.locator("li.finding", has_text="C101").is_hidden()
    page.get_by_label("only with a finding or a gap").check()  # rows: 4 with a finding or a gap
    assert page.locator("tr.segment:visible").count() == 4
    assert page.locator("tr.segment", has_text="Please send").is_visible()  # fuzzy: a gap
    assert page.locator("tr.segment", has_text="I urge you to").is_hidden()
    _screenshot(page, tmp_path / "problems.png")

    page.get_by_label("zh_Hans", exact=True).uncheck()  # locale: the column and its findings
    assert page.locator('th[data-column="zh_Hans"]').is_hidden()
    assert page.locator("thead th").filter(has_text="source").is_visible()
    assert page.locator("li.finding:visible").count() == 0
    assert page.locator(".nothing").is_visible()
    _screenshot(page, tmp_path / "filtered.png")
    assert page.requests == [out.resolve().as_uri()] and page.errors == []


def test_page_of_shipped_campaign(shipped: Path, tmp_path: Path, opened: Any) -> None:
    page = opened(shipped)
    assert page.locator("section.document").count() == 6
    hant = page.locator('td[data-column="zh_Hant"]')
    assert hant.first.is_visible()
    page.get_by_label("zh_Hant", exact=True).uncheck()
    assert hant.first.is_hidden() and page.locator('td[data-column="zh_Hans"]').first.is_visible()
    assert page.locator('td[data-column="en"]').first.is_visible()  # the Chinese source's English
    _screenshot(page, tmp_path / "shipped.png", full_page=False)
    assert page.requests == [shipped.resolve().as_uri()] and page.errors == []
