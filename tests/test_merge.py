"""Merging a template into a catalogue: each matching step, headers, idempotence, GNU agreement."""



from __future__ import annotations

import random
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.catalog.merge import merge_catalog, update_file
from toolkit.catalog.reader import read_catalog
from toolkit.catalog.writer import format_catalog

ZH = "nplurals=1; plural=0;"
EN = "nplurals=2; plural=(n != 1);"

OLD_HEADER = r"""# Chinese (Simplified) translation of the letter.
# Translator: A. Translator <a@example.org>, 2024.
#
msgid ""
msgstr ""
"Project-Id-Version: letter\n"
"POT-Creation-Date: 2024-01-01 00:00+0000\n"
"PO-Revision-Date: 2024-02-01 10:00+0800\n"
"Last-Translator: A. Translator <a@example.org>\n"
"Language-Team: Chinese\n"
"Language: zh_Hans\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=1; plural=0;\n"
"X-Generator: Poedit 3.4\n"

"""

POT_HEADER = r"""# Translation template of the letter.
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: letter\n"
"Report-Msgid-Bugs-To: \n"
"POT-Creation-Date: 2024-03-01 00:00+0000\n"
"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n"
"Last-Translator: FULL NAME <EMAIL@ADDRESS>\n"
"Language-Team: LANGUAGE <LL@li.org>\n"
"Language: \n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"

"""


@dataclass(frozen=True)
class Row:
    """What a test expects of one result entry, in order."""

    msgid: str
    msgstr: str | tuple[str, ...]
    fuzzy: bool = False
    previous: str | None = None
    obsolete: bool = False
    msgctxt: str | None = None


def row_of(entry: polib.POEntry) -> Row:
    msgstr: str | tuple[str, ...] = entry.msgstr
    if entry.msgid_plural:
        msgstr = tuple(entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural))
    return Row(
        entry.msgid, msgstr, entry.fuzzy, entry.previous_msgid, entry.obsolete, entry.msgctxt
    )


def read_text(text: str, folder: Path, name: str) -> polib.POFile:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return read_catalog(path)


def merge_texts(
    old: str | None, pot: str, folder: Path, *, plural_forms: str = ZH, fuzzy: bool = True
) -> polib.POFile:
    template = read_text(POT_HEADER + pot, folder, "new.pot")
    catalogue = None if old is None else read_text(OLD_HEADER + old, folder, "old.po")
    return merge_catalog(
        template, catalogue, language="zh_Hans", plural_forms=plural_forms, fuzzy=fuzzy
    )


EDITED_OLD = """\
msgid "Write to the minister today and ask for her release."
msgstr "今天就写信给部长，要求释放她。"
"""
EDITED_POT = """\
msgid "Write to the minister today and ask for his release."
msgstr ""
"""
WRITE_HER = "Write to the minister today and ask for her release."
WRITE_HIS = "Write to the minister today and ask for his release."
WRITE_ZH = "今天就写信给部长，要求释放她。"

# (old catalogue body, template body, expected rows, options)
CASES = [
    pytest.param(
        '# keep this note\n#, ignore-names, no-wrap\nmsgid "Free her."\nmsgstr "释放她。"\n',
        '#. type: paragraph\n#: a.md:3\nmsgid "Free her."\nmsgstr ""\n',
        [Row("Free her.", "释放她。")],
        {},
        id="exact",
    ),
    pytest.param(
        '#, fuzzy\n#| msgid "Free him."\nmsgid "Free her."\nmsgstr "释放他。"\n',
        'msgid "Free her."\nmsgstr ""\n',
        [Row("Free her.", "释放他。", fuzzy=True, previous="Free him.")],
        {},
        id="exact-fuzzy-stays-fuzzy",
    ),
    pytest.param(
        'msgid "The  court\\n   hearing was postponed. "\nmsgstr "庭审被推迟。"\n',
        'msgid "The court hearing was postponed."\nmsgstr ""\n',
        [Row("The court hearing was postponed.", "庭审被推迟。")],
        {},
        id="whitespace-normalised-not-fuzzy",
    ),
    pytest.param(
        'msgid "Lead paragraph\\n"\nmsgstr "导语\\n"\n',
        'msgid "Lead paragraph"\nmsgstr ""\n',
        [
            Row("Lead paragraph", "导语\n", fuzzy=True, previous="Lead paragraph\n"),
            Row("Lead paragraph\n", "导语\n", obsolete=True),
        ],
        {},
        id="whitespace-trailing-newline-is-fuzzy",
    ),
    pytest.param(
        '#~ msgid "She was detained in 2021."\n#~ msgstr "她于2021年被拘留。"\n',
        'msgid "She was detained in 2021."\nmsgstr ""\n',
        [Row("She was detained in 2021.", "她于2021年被拘留。")],
        {},
        id="obsolete-revived",
    ),
    pytest.param(
        '#, fuzzy\n#~ msgid "She was detained in 2021."\n#~ msgstr "她于2021年被拘留。"\n',
        'msgid "She was detained in 2021."\nmsgstr ""\n',
        [Row("She was detained in 2021.", "她于2021年被拘留。", fuzzy=True)],
        {},
        id="obsolete-fuzzy-revived-fuzzy",
    ),
    pytest.param(
        '#~ msgid "She was  detained in 2021."\n#~ msgstr "她于2021年被拘留。"\n',
        'msgid "She was detained in 2021."\nmsgstr ""\n',
        [Row("She was detained in 2021.", "她于2021年被拘留。")],
        {},
        id="obsolete-revived-whitespace",
    ),
    pytest.param(
        '#, fuzzy\n#| msgid "The trial opens on 3 May."\n'
        'msgid "The trial opens on 4 May."\nmsgstr "审判于5月3日开庭。"\n',
        'msgid "The trial opens on 3 May."\nmsgstr ""\n',
        [
            Row(
                "The trial opens on 3 May.",
                "审判于5月3日开庭。",
                fuzzy=True,
                previous="The trial opens on 3 May.",
            )
        ],
        {},
        id="previous-msgid-restored-stays-fuzzy",
    ),
    pytest.param(
        '#, fuzzy\n#~| msgid "The trial opens on 3 May."\n'
        '#~ msgid "The trial opens on 4 May."\n#~ msgstr "审判于5月3日开庭。"\n',
        'msgid "The trial opens on 3 May."\nmsgstr ""\n',
        [
            Row(
                "The trial opens on 3 May.",
                "审判于5月3日开庭。",
                fuzzy=True,
                previous="The trial opens on 3 May.",
            )
        ],
        {},
        id="previous-msgid-of-obsolete-entry-restored",
    ),
    pytest.param(
        '#, fuzzy\n#~| msgid "The trial opens on 3 May."\n'
        '#~ msgid "The trial opens on 4 May."\n#~ msgstr "审判于5月3日开庭。"\n',
        'msgid "The trial opens on 4 May."\nmsgstr ""\n',
        [
            Row(
                "The trial opens on 4 May.",
                "审判于5月3日开庭。",
                fuzzy=True,
                previous="The trial opens on 3 May.",
            )
        ],
        {},
        id="obsolete-fuzzy-revived-keeps-its-previous",
    ),
    pytest.param(
        EDITED_OLD,
        EDITED_POT,
        [
            Row(WRITE_HIS, WRITE_ZH, fuzzy=True, previous=WRITE_HER),
            Row(WRITE_HER, WRITE_ZH, obsolete=True),
        ],
        {},
        id="fuzzy-with-previous-and-confirmed-source-kept",
    ),
    pytest.param(
        '#, fuzzy\n#| msgid "Write to the minister today."\n' + EDITED_OLD.replace("her", "its"),
        EDITED_POT,
        [Row(WRITE_HIS, WRITE_ZH, fuzzy=True, previous="Write to the minister today.")],
        {},
        id="fuzzy-from-fuzzy-source-keeps-its-previous",
    ),
    pytest.param(
        EDITED_OLD,
        EDITED_POT,
        [Row(WRITE_HIS, ""), Row(WRITE_HER, WRITE_ZH, obsolete=True)],
        {"fuzzy": False},
        id="no-fuzzy-mode",
    ),
    pytest.param(
        'msgid "Notes"\nmsgstr "注意"\n',
        'msgid "does"\nmsgstr ""\n',
        [Row("does", ""), Row("Notes", "注意", obsolete=True)],
        {},
        id="fuzzy-needs-a-shared-4-gram-as-msgmerge",
    ),
    pytest.param(
        'msgid "Kept."\nmsgstr "保留。"\n',
        'msgid "Brand new paragraph."\nmsgstr ""\n\nmsgid "Kept."\nmsgstr ""\n',
        [Row("Brand new paragraph.", ""), Row("Kept.", "保留。")],
        {},
        id="new-entry-untranslated-in-template-order",
    ),
    pytest.param(
        '# why\nmsgid "Gone and translated."\nmsgstr "已删除。"\n\n'
        'msgid "Gone untranslated."\nmsgstr ""\n\n'
        '#~ msgid "Old obsolete."\n#~ msgstr "旧的。"\n',
        'msgid "Something else entirely."\nmsgstr ""\n',
        [
            Row("Something else entirely.", ""),
            Row("Gone and translated.", "已删除。", obsolete=True),
            Row("Old obsolete.", "旧的。", obsolete=True),
        ],
        {},
        id="removed-become-obsolete-untranslated-dropped",
    ),
    pytest.param(
        'msgctxt "front-matter:title"\nmsgid "Free them"\nmsgstr "释放他们（标题）"\n\n'
        'msgid "Free them"\nmsgstr "释放他们"\n',
        'msgctxt "front-matter:title"\nmsgid "Free them"\nmsgstr ""\n\n'
        'msgctxt "front-matter:summary"\nmsgid "Free them now"\nmsgstr ""\n\n'
        'msgid "Free them"\nmsgstr ""\n',
        [
            Row("Free them", "释放他们（标题）", msgctxt="front-matter:title"),
            Row(
                "Free them now",
                "释放他们",
                fuzzy=True,
                previous="Free them",
                msgctxt="front-matter:summary",
            ),
            Row("Free them", "释放他们"),
        ],
        {},
        id="msgctxt-is-part-of-the-key",
    ),
    pytest.param(
        'msgid "one letter"\nmsgid_plural "%d letters"\nmsgstr[0] "一封信"\n',
        'msgid "one letter"\nmsgid_plural "%d letters"\nmsgstr[0] ""\nmsgstr[1] ""\n\n'
        'msgid "one day"\nmsgid_plural "%d days"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        [Row("one letter", ("一封信", "")), Row("one day", ("", ""))],
        {"plural_forms": EN},
        id="plural-padded-to-nplurals",
    ),
    pytest.param(
        'msgid "one letter"\nmsgid_plural "%d letters"\nmsgstr[0] "一封信"\nmsgstr[1] "%d 封信"\n',
        'msgid "one letter"\nmsgid_plural "%d letters"\nmsgstr[0] ""\n',
        [Row("one letter", ("一封信", "%d 封信"), fuzzy=True, previous="one letter")],
        {},
        id="plural-form-beyond-nplurals-kept-fuzzy",
    ),
    pytest.param(
        'msgid "a letter"\nmsgstr "一封信"\n',
        'msgid "a letter"\nmsgid_plural "%d letters"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        [Row("a letter", ("一封信", ""), fuzzy=True, previous="a letter")],
        {"plural_forms": EN},
        id="singular-becomes-plural-fuzzy",
    ),
    pytest.param(
        '#, c-format, ignore-dates\nmsgid "Day %d"\nmsgstr "第%d天"\n',
        'msgid "Day %d"\nmsgstr ""\n',
        [Row("Day %d", "第%d天")],
        {},
        id="translator-flag-kept-format-flag-from-template",
    ),
    pytest.param(
        'msgid "Day %d"\nmsgstr "某天"\n',
        '#, c-format\nmsgid "Day %d"\nmsgstr ""\n',
        [Row("Day %d", "某天", fuzzy=True, previous="Day %d")],
        {},
        id="new-format-flag-makes-fuzzy",
    ),
]


@pytest.mark.parametrize(("old", "pot", "expected", "options"), CASES)
def test_merge_steps(
    old: str, pot: str, expected: list[Row], options: dict[str, Any], tmp_path: Path
) -> None:
    merged = merge_texts(old, pot, tmp_path, **options)
    assert [row_of(entry) for entry in merged] == expected


@pytest.mark.parametrize(("old", "pot", "expected", "options"), CASES)
def test_merge_is_idempotent_and_passes_msgfmt(
    old: str, pot: str, expected: list[Row], options: dict[str, Any], tmp_path: Path
) -> None:
    merged = merge_texts(old, pot, tmp_path, **options)
    first = format_catalog(merged)
    template = read_catalog(tmp_path / "new.pot")
    again = merge_catalog(
        template,
        read_text(first, tmp_path, "merged.po"),
        language="zh_Hans",
        plural_forms=options.get("plural_forms", ZH),
        fuzzy=bool(options.get("fuzzy", True)),
    )
    assert format_catalog(again) == first
    assert_msgfmt_accepts(tmp_path / "merged.po")


def assert_msgfmt_accepts(path: Path) -> None:
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU msgfmt not installed")
    done = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_duplicate_of_translated_obsolete_is_revived() -> None:
    # GNU tools and our reader reject such a file; a catalogue built in memory may have it.
    old = polib.pofile(
        OLD_HEADER
        + 'msgid "Release her."\nmsgstr ""\n\n#~ msgid "Release her."\n#~ msgstr "释放她。"\n'
    )
    template = polib.pofile(POT_HEADER + 'msgid "Release her."\nmsgstr ""\n')
    merged = merge_catalog(template, old, language="zh_Hans", plural_forms=ZH)
    assert [row_of(entry) for entry in merged] == [Row("Release her.", "释放她。")]


def test_comments_and_flags(tmp_path: Path) -> None:
    old = (
        "# keep this note\n#. stale extracted comment\n#: old.md:1\n"
        '#, c-format, ignore-names, no-wrap\nmsgid "Free her %d."\nmsgstr "释放她 %d。"\n'
    )
    pot = '#. type: paragraph\n#: a.md:3\n#, python-format\nmsgid "Free her %d."\nmsgstr ""\n'
    (entry,) = merge_texts(old, pot, tmp_path)
    assert entry.tcomment == "keep this note"  # the translator's, from the catalogue
    assert entry.comment == "type: paragraph"  # extracted comments from the template
    assert entry.occurrences == [("a.md", "3")]
    # *-format flags from the template (a new one makes the entry fuzzy), the rest kept.
    assert entry.flags == ["fuzzy", "python-format", "ignore-names", "no-wrap"]


def test_translator_flags_survive_the_file(tmp_path: Path) -> None:
    old = '#, ignore-names\nmsgid "Free her."\nmsgstr "释放她。"\n'
    merged = merge_texts(old, 'msgid "Free her."\nmsgstr ""\n', tmp_path)
    assert "ignore-names" in format_catalog(merged)


def test_existing_header(tmp_path: Path) -> None:
    old = OLD_HEADER.replace('"Plural-Forms: nplurals=1; plural=0;\\n"\n', "")
    old = old.replace('"Project-Id-Version: letter\\n"\n', "")
    old = old.replace('"Language: zh_Hans\\n"', '"Language: zh_CN\\n"')
    template = read_text(POT_HEADER, tmp_path, "new.pot")
    catalogue = read_text(old, tmp_path, "old.po")
    merged = merge_catalog(template, catalogue, language="zh_Hans", plural_forms="nplurals=1;")
    assert merged.header == catalogue.header  # the translator's header comment survives
    assert list(merged.metadata.items()) == [
        ("Project-Id-Version", "letter"),
        ("Report-Msgid-Bugs-To", ""),
        ("POT-Creation-Date", "2024-03-01 00:00+0000"),
        ("PO-Revision-Date", "2024-02-01 10:00+0800"),
        ("Last-Translator", "A. Translator <a@example.org>"),
        ("Language-Team", "Chinese"),
        ("Language", "zh_Hans"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=UTF-8"),
        ("Content-Transfer-Encoding", "8bit"),
        ("Plural-Forms", "nplurals=1;"),
        ("X-Generator", "Poedit 3.4"),
    ]


def test_new_catalogue_header(tmp_path: Path) -> None:
    template = read_text(POT_HEADER + 'msgid "Hi."\nmsgstr ""\n', tmp_path, "new.pot")
    merged = merge_catalog(template, None, language="zh_Hans", plural_forms=ZH)
    assert not merged.metadata_is_fuzzy
    assert merged.header.split("\n") == [
        "Chinese (Simplified) translations for letter package.",
        "Copyright (C) 2024 THE letter'S COPYRIGHT HOLDER",
        "This file is distributed under the same license as the letter package.",
        "Automatically generated, 2024.",
        "",
    ]
    assert merged.metadata == {
        "Project-Id-Version": "letter",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": "2024-03-01 00:00+0000",
        "PO-Revision-Date": "2024-03-01 00:00+0000",
        "Last-Translator": "Automatically generated",
        "Language-Team": "none",
        "Language": "zh_Hans",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": ZH,
    }
    assert list(merged.metadata)[-1] == "Plural-Forms"
    path = tmp_path / "zh_Hans.po"
    path.write_text(format_catalog(merged), encoding="utf-8")
    assert_msgfmt_accepts(path)
    assert 'msgstr ""\n"Project-Id-Version: letter\\n"' in path.read_text(encoding="utf-8")


def test_update_file_writes_only_on_change(tmp_path: Path) -> None:
    pot = tmp_path / "letter.pot"
    po = tmp_path / "zh_Hans" / "letter.po"
    pot.write_text(POT_HEADER + EDITED_POT, encoding="utf-8")
    assert update_file(pot, po, language="zh_Hans", plural_forms=ZH)
    assert not update_file(pot, po, language="zh_Hans", plural_forms=ZH)
    # A new POT-Creation-Date alone does not touch the catalogue, as msgmerge --update.
    pot.write_text(POT_HEADER.replace("2024-03-01", "2024-04-01") + EDITED_POT, encoding="utf-8")
    before = po.read_bytes()
    assert not update_file(pot, po, language="zh_Hans", plural_forms=ZH)
    assert po.read_bytes() == before
    pot.write_text(POT_HEADER + EDITED_POT + '\nmsgid "More."\nmsgstr ""\n', encoding="utf-8")
    assert update_file(pot, po, language="zh_Hans", plural_forms=ZH)
    assert "More." in po.read_text(encoding="utf-8")


# -- Property: a random sequence of source edits never loses a translation ------------------

WORDS = [
    "the",
    "lawyer",
    "court",
    "release",
    "detained",
    "journalist",
    "trial",
    "June",
    "urgent",
    "minister",
    "letter",
    "health",
    "family",
    "prison",
    "charges",
    "appeal",
    "sentence",
    "torture",
    "visit",
    "rights",
    "defender",
    "campaign",
    "demand",
]


def translate(text: str) -> str:
    """The test translator: deterministic, distinct for distinct paragraphs."""
    return text[::-1].upper() + " 〔译〕"


sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=9).map(
    lambda words: " ".join(words).capitalize() + "."
)
paragraphs = st.lists(sentences, min_size=1, max_size=3).map(" ".join)
operations = st.tuples(
    st.sampled_from(["edit", "insert", "delete", "move", "restore"]),
    st.integers(0, 999),
    st.integers(0, 999),
    paragraphs,
)


@dataclass
class Paragraph:
    text: str
    original: str | None  # the text it was translated from, None for an inserted paragraph


def apply(
    doc: list[Paragraph], removed: list[Paragraph], op: tuple[str, int, int, str]
) -> Paragraph | None:
    """Apply one source edit; return the paragraph restored to its original text, if any."""
    kind, a, b, text = op
    present = {p.text for p in doc}
    if kind == "edit" and doc:
        para = doc[a % len(doc)]
        words = para.text.split(" ")
        words[b % len(words)] = WORDS[(a + b) % len(WORDS)]
        if " ".join(words) not in present:
            para.text = " ".join(words)
    elif kind == "insert" and text not in present:
        doc.insert(a % (len(doc) + 1), Paragraph(text, None))
    elif kind == "delete" and len(doc) > 1:
        removed.append(doc.pop(a % len(doc)))
    elif kind == "move" and doc:
        doc.insert(b % len(doc), doc.pop(a % len(doc)))
    elif kind == "restore":
        changed = [p for p in doc if p.original is not None and p.text != p.original]
        candidates = [p for p in removed + changed if p.original not in present | {None}]
        if candidates:
            para = candidates[a % len(candidates)]
            assert para.original is not None
            para.text = para.original
            if para in removed:
                removed.remove(para)
                doc.insert(b % (len(doc) + 1), para)
            return para
    return None


def template_of(doc: list[Paragraph]) -> polib.POFile:
    template = polib.POFile()
    template.metadata = {
        "Project-Id-Version": "doc",
        "POT-Creation-Date": "2024-01-01 00:00+0000",
        "Content-Type": "text/plain; charset=UTF-8",
    }
    for line, para in enumerate(doc, start=1):
        template.append(polib.POEntry(msgid=para.text, occurrences=[("doc.md", str(line))]))
    return template


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraphs, min_size=3, max_size=12, unique=True), st.lists(operations, max_size=8))
def test_no_translation_is_ever_lost(
    texts: list[str], ops: list[tuple[str, int, int, str]]
) -> None:
    doc = [Paragraph(text, text) for text in texts]
    removed: list[Paragraph] = []
    translations = {translate(text) for text in texts}
    catalogue = merge_catalog(template_of(doc), None, language="zh_Hans", plural_forms=ZH)
    for entry in catalogue:
        entry.msgstr = translate(entry.msgid)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.po"
        for op in ops:
            restored = apply(doc, removed, op)
            merged = merge_catalog(template_of(doc), catalogue, language="zh_Hans", plural_forms=ZH)
            path.write_text(format_catalog(merged), encoding="utf-8")
            catalogue = read_catalog(path)  # each step goes through the file, as in real use
            present = {entry.msgstr for entry in catalogue}
            assert translations <= present, op
            if restored is not None:
                assert restored.original is not None
                back = catalogue.find(restored.original)
                assert back is not None and not back.obsolete
                assert back.msgstr == translate(restored.original)
                # Rule 3: the confirmed original was kept as #~ when it served as a fuzzy
                # source, so an undone edit or deletion comes back NOT fuzzy.
                assert not back.fuzzy, op


# -- Agreement with GNU msgmerge --previous --------------------------------------------------

GNU_CASES = [
    pytest.param(
        EDITED_OLD + '\nmsgid "Kept."\nmsgstr "保留。"\n\nmsgid "Gone."\nmsgstr "走了。"\n'
        '\n#~ msgid "Back again."\n#~ msgstr "又回来了。"\n',
        'msgid "Back again."\nmsgstr ""\n\n' + EDITED_POT + '\nmsgid "Kept."\nmsgstr ""\n'
        '\nmsgid "New."\nmsgstr ""\n',
        {WRITE_HER},
        set(),
        id="edit-delete-revive-add",
    ),
    pytest.param(
        '#, fuzzy\n#| msgid "The trial opens on 3 May."\n'
        'msgid "The trial opens on 4 May."\nmsgstr "审判于5月3日开庭。"\n',
        'msgid "The trial opens on 3 May."\nmsgstr ""\n',
        set(),
        set(),
        id="previous-msgid-restore-same-as-gnu",
    ),
    pytest.param(
        'msgctxt "front-matter:title"\nmsgid "Free them"\nmsgstr "释放他们（标题）"\n\n'
        'msgid "Free them all"\nmsgstr "释放所有人"\n',
        'msgctxt "front-matter:title"\nmsgid "Free them"\nmsgstr ""\n\n'
        'msgctxt "front-matter:summary"\nmsgid "Free them all!"\nmsgstr ""\n',
        {"Free them all"},
        set(),
        id="contexts",
    ),
    pytest.param(
        'msgid "The  court hearing was postponed."\nmsgstr "庭审被推迟。"\n',
        'msgid "The court hearing was postponed."\nmsgstr ""\n',
        set(),
        {"The court hearing was postponed."},
        id="whitespace-differs-gnu-fuzzy",
    ),
]


def facts(catalogue: polib.POFile) -> tuple[list[tuple[str, str, bool]], list[tuple[str, str]]]:
    active = [(e.msgid, e.msgstr, e.fuzzy) for e in catalogue if not e.obsolete]
    obsolete = [(e.msgid, e.msgstr) for e in catalogue if e.obsolete]
    return active, obsolete


@pytest.mark.parametrize(("old", "pot", "kept_sources", "gnu_fuzzy_only"), GNU_CASES)
def test_agrees_with_msgmerge(
    old: str, pot: str, kept_sources: set[str], gnu_fuzzy_only: set[str], tmp_path: Path
) -> None:
    """Same entries, translations and fuzzy flags as msgmerge, but for two deliberate choices.

    - A whitespace-only change is not fuzzy here (msgmerge makes it fuzzy).
    - A confirmed entry used as a fuzzy source also stays as ``#~`` here (msgmerge drops it).
    """
    if shutil.which("msgmerge") is None:
        pytest.skip("GNU msgmerge not installed")
    ours = merge_texts(old, pot, tmp_path)
    out = tmp_path / "gnu.po"
    subprocess.run(
        [
            "msgmerge",
            "--previous",
            "-q",
            "-o",
            str(out),
            str(tmp_path / "old.po"),
            str(tmp_path / "new.pot"),
        ],
        check=True,
    )
    ours_active, ours_obsolete = facts(ours)
    gnu_active, gnu_obsolete = facts(read_catalog(out))
    gnu_active = [(i, s, f and i not in gnu_fuzzy_only) for i, s, f in gnu_active]
    assert ours_active == gnu_active
    assert [o for o in ours_obsolete if o[0] not in kept_sources] == gnu_obsolete
    assert {o[0] for o in ours_obsolete} - {o[0] for o in gnu_obsolete} == kept_sources


def test_previous_fields_match_msgmerge(tmp_path: Path) -> None:
    if shutil.which("msgmerge") is None:
        pytest.skip("GNU msgmerge not installed")
    old = (
        '#, fuzzy\n#| msgid "Write to the minister today."\n'
        + EDITED_OLD.replace("her", "its")
        + "\n"
        + 'msgid "Lead\\n"\nmsgstr "导语\\n"\n'
    )
    pot = EDITED_POT + '\nmsgid "Lead"\nmsgstr ""\n'
    ours = merge_texts(old, pot, tmp_path)
    out = tmp_path / "gnu.po"
    subprocess.run(
        [
            "msgmerge",
            "--previous",
            "-q",
            "-o",
            str(out),
            str(tmp_path / "old.po"),
            str(tmp_path / "new.pot"),
        ],
        check=True,
    )
    gnu = read_catalog(out)
    assert [(e.msgid, e.previous_msgid) for e in ours if not e.obsolete] == [
        (e.msgid, e.previous_msgid) for e in gnu if not e.obsolete
    ]
    assert re.search(r'#\| msgid "Lead\\n"', format_catalog(ours))


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not (CORPUS / "glib-po").is_dir(), reason="../shared/corpus not present")
@pytest.mark.parametrize("name", ["zh_CN", "zh_TW"])
def test_real_catalogue_against_msgmerge(name: str, tmp_path: Path) -> None:
    """A real catalogue (msgctxt, plurals, obsolete entries) and an edited template of it."""
    if shutil.which("msgmerge") is None:
        pytest.skip("GNU msgmerge not installed")
    old_path = tmp_path / "old.po"
    shutil.copyfile(CORPUS / "glib-po" / "po" / f"{name}.po", old_path)
    old = read_catalog(old_path)
    rnd = random.Random(name)
    template = polib.POFile()
    template.metadata = {"POT-Creation-Date": "2026-01-01 00:00+0000"}
    for entry in old:
        words = entry.msgid.split(" ")
        if entry.obsolete or rnd.random() < 0.03:
            continue  # deleted
        if rnd.random() < 0.1:
            words[rnd.randrange(len(words))] = rnd.choice(WORDS)
        msgid = " ".join(words)
        if template.find(msgid, msgctxt=entry.msgctxt or False) is None:
            template.append(
                polib.POEntry(
                    msgctxt=entry.msgctxt,
                    msgid=msgid,
                    msgid_plural=entry.msgid_plural,
                    flags=entry.flags,
                )
            )
    pot = tmp_path / "new.pot"
    pot.write_text(format_catalog(template), encoding="utf-8")
    ours = merge_catalog(
        read_catalog(pot),
        old,
        language=old.metadata["Language"],
        plural_forms=old.metadata["Plural-Forms"],
    )
    out = tmp_path / "gnu.po"
    subprocess.run(
        ["msgmerge", "--previous", "-q", "-o", str(out), str(old_path), str(pot)], check=True
    )
    gnu = read_catalog(out)
    mine = [(e.msgctxt, e.msgid, e.fuzzy) for e in ours if not e.obsolete]
    assert mine == [(e.msgctxt, e.msgid, e.fuzzy) for e in gnu if not e.obsolete]
    confirmed = [(e.msgid, e.msgstr, e.msgstr_plural) for e in ours if not (e.fuzzy or e.obsolete)]
    assert confirmed == [
        (e.msgid, e.msgstr, e.msgstr_plural) for e in gnu if not e.fuzzy | e.obsolete
    ]
    assert translations(old) <= translations(ours)
    written = tmp_path / "ours.po"
    written.write_text(format_catalog(ours), encoding="utf-8")
    assert_msgfmt_accepts(written)


def translations(catalogue: polib.POFile) -> set[str]:
    return {s for e in catalogue for s in [e.msgstr, *e.msgstr_plural.values()] if s}
