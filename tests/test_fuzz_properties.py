"""Properties over generated catalogues and documents (tests/strategies.py): nothing raises.

The reader reads back what the writer wrote, exactly, and the writer lays it out as GNU msgcat
does; a catalogue mangled anywhere is refused with one line, never a traceback; the segmenter
and the rebuilder hold their invariants on any document; every check runs on any text, any
pair and any whole workspace without raising. The number of examples follows the Hypothesis
profile (conftest.py): HYPOTHESIS_PROFILE=long for a local soak.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polib
import pytest
from fuzz import properties
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import (
    catalogue_facts,
    catalogues,
    documents,
    message_text,
    nonempty_text,
)

import toolkit.checks  # noqa: F401  (registers every check)
from toolkit.campaign import load_campaign
from toolkit.catalog.merge import merge_catalog
from toolkit.catalog.reader import parse_catalog
from toolkit.catalog.writer import format_catalog
from toolkit.check import check
from toolkit.checks.engine import Options
from toolkit.checks.registry import RULES, Scope
from toolkit.errors import InputError
from toolkit.extract import build_template
from toolkit.glossary import load_glossary
from toolkit.locales import plural_forms
from toolkit.model import CatalogueView, Pair
from toolkit.rebuild import rebuild, translations
from toolkit.report import render
from toolkit.settings import load_settings
from toolkit.source import parse_document
from toolkit.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
PATH = Path("generated.po")


@given(catalogues(), st.sampled_from([79, 0, 33]))
def test_reader_reads_back_what_the_writer_wrote(catalogue: polib.POFile, width: int) -> None:
    written = format_catalog(catalogue, width=width)
    read = parse_catalog(written, PATH)
    assert catalogue_facts(read) == catalogue_facts(catalogue)
    assert format_catalog(read, width=width) == written


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalogue=catalogues())
def test_writer_lays_out_as_msgcat(
    catalogue: polib.POFile, msgcat: Callable[[Path, int], str], tmp_path: Path
) -> None:
    path = tmp_path / "generated.po"
    path.write_text(format_catalog(catalogue, width=0), encoding="utf-8")
    assert format_catalog(catalogue) == msgcat(path, 79)


# Edits a translator's editor (or a broken sync) might make: cut, duplicate, insert, replace.
edit = st.tuples(
    st.sampled_from(["cut", "repeat", "insert", "replace"]),
    st.integers(0, 10**6),
    st.integers(1, 40),
    st.sampled_from(['"', "\\", "\n", "#", "#~ ", "msgid ", "msgstr[1] ", "\r", "\xff", "é"]),
)


@given(catalogues(), st.lists(edit, min_size=1, max_size=4))
def test_mangled_catalogue_is_read_or_refused_in_one_line(
    catalogue: polib.POFile, edits: list[tuple[str, int, int, str]]
) -> None:
    data = format_catalog(catalogue).encode("utf-8")
    for kind, at, length, text in edits:
        at %= len(data) + 1
        piece = text.encode("utf-8", "surrogateescape") if text != "\xff" else b"\xff"
        if kind == "cut":
            data = data[:at] + data[at + length :]
        elif kind == "repeat":
            data = data[:at] + data[at : at + length] * 2 + data[at + length :]
        elif kind == "insert":
            data = data[:at] + piece + data[at:]
        else:
            data = data[:at] + piece + data[at + length :]
    try:
        properties.reader(data)
    except InputError as error:
        assert "\n" not in str(error)
        assert error.line is None or 1 <= error.line <= data.count(b"\n") + data.count(b"\r") + 1


@given(documents())
def test_documents_segment_and_rebuild(text: str) -> None:
    document = parse_document(text, Path("generated.md"))  # valid by construction: no error
    assert all(segment.text.strip() for segment in document.segments)
    properties.segmenter(text.encode("utf-8"))


@pytest.fixture(scope="module")
def workspace() -> Iterator[Path]:
    """One workspace for every example: the shipped glossary and campaign record, so that the
    checks needing them run too; each example writes its own document and catalogue."""
    root = Path(tempfile.mkdtemp(prefix="advocacy-generated-"))
    (root / "source_texts").mkdir()
    (root / "locales").mkdir()
    for name in ("glossary.toml", "campaign.toml"):
        shutil.copyfile(ROOT / "locales" / name, root / "locales" / name)
    yield root
    shutil.rmtree(root)


def _translated(draw: st.DrawFn, entry: polib.POEntry) -> str:
    """A translation as a volunteer might write it: anything, or the source slightly changed."""
    choice = draw(st.integers(0, 3))
    if choice == 0:
        return str(draw(message_text))
    if choice == 1:
        return entry.msgid[::-1]
    if choice == 2:
        return entry.msgid.replace("2021", "2012").replace("September", "九月") + "。"
    return entry.msgid


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(text=documents(), data=st.data())
def test_every_check_runs_on_a_generated_workspace(
    workspace: Path, text: str, data: st.DataObject
) -> None:
    for old in [*workspace.glob("source_texts/*"), *workspace.glob("locales/**/*.po*")]:
        old.unlink()
    source = workspace / "source_texts" / "generated.md"
    source.write_bytes(text.encode("utf-8"))
    settings_ = load_settings(workspace)
    document = parse_document(text, source)
    template = build_template(
        document,
        settings_,
        "2024-01-01 00:00+0000",
        load_campaign(workspace / "locales" / "campaign.toml"),
        load_glossary(workspace / "locales" / "glossary.toml"),
    )
    (workspace / "locales" / "generated.pot").write_text(format_catalog(template), "utf-8")
    locale = "en" if document.lang.startswith("zh") else data.draw(st.sampled_from(["zh_Hans", "zh_Hant"]))
    catalogue = merge_catalog(template, None, language=locale, plural_forms=plural_forms(locale))
    for entry in catalogue:
        entry.msgstr = _translated(data.draw, entry)
        entry.flags = data.draw(st.sampled_from([[], ["fuzzy"]]))
    path = workspace / "locales" / locale / "LC_MESSAGES" / "generated.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(format_catalog(catalogue), encoding="utf-8")
    report = check([], Workspace(settings_), Options(use_cache=False, jobs=1))
    assert report.unreadable == 0, [f.message for f in report.findings if f.code == "F101"]
    for finding in report.findings:
        assert finding.location.line is None or finding.location.line >= 1
    # One line a finding (a message may quote a text with line breaks: the report escapes them).
    lines = render(report, "text").splitlines()
    assert len(lines) == len(report.findings) + len(report.notes) + 1
    # The identity catalogue gives the source back.
    for entry in catalogue:
        entry.msgstr, entry.flags = entry.msgid, []
    assert rebuild(document, translations(catalogue)) == text


@pytest.fixture(scope="module")
def resources() -> dict[str, Any]:
    return {
        "glossary": load_glossary(ROOT / "locales" / "glossary.toml"),
        "campaign": load_campaign(ROOT / "locales" / "campaign.toml"),
    }


LOCALES = st.sampled_from(["en", "zh_Hans", "zh_Hant", "zh_TW", "fr"])


@given(
    st.lists(st.tuples(nonempty_text, message_text, LOCALES, st.booleans()), min_size=1, max_size=4)
)
def test_every_check_runs_on_any_text_and_pair(
    resources: dict[str, Any], pairs: list[tuple[str, str, str, bool]]
) -> None:
    made = tuple(
        Pair(
            msgid=msgid,
            msgstr=msgstr,
            locale=locale,
            source_locale="zh_Hans" if locale == "en" else "en",
            line=7 + number,
            msgid_plural=msgid if plural else None,
            msgstr_plural=(msgstr, msgstr) if plural else (),
            document_date="2024-09-09",
        )
        for number, (msgid, msgstr, locale, plural) in enumerate(pairs)
    )
    view = CatalogueView(
        path="generated.po",
        locale=made[0].locale,
        source_locale=made[0].source_locale,
        document="generated",
        metadata={"Language": made[0].locale, "Plural-Forms": "nplurals=2; plural=(n != 1);"},
        header_line=1,
        pairs=made,
    )
    for rule in RULES.values():
        given_ = {name: resources[name] for name in rule.needs}
        for pair in made:
            if rule.scope is Scope.TEXT:
                list(rule.function(pair.msgstr, pair.locale, **given_))
                list(rule.function(pair.msgid, pair.source_locale, **given_))
            elif rule.scope in (Scope.PAIR, Scope.ENTRY):
                list(rule.function(pair, **given_))
        if rule.scope is Scope.CATALOGUE:
            list(rule.function(view, **given_))
