"""Source edits and updates, end to end: no translation ever disappears."""

from __future__ import annotations

from pathlib import Path

import polib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.catalog.merge import merge_catalog
from toolkit.catalog.reader import parse_catalog
from toolkit.catalog.writer import format_catalog
from toolkit.extract import build_template
from toolkit.settings import load_settings
from toolkit.source import load_document

WORDS = ["release", "Huang", "Wang", "detained", "lawyer", "family", "trial", "court", "appeal",
         "health", "torture", "September", "unconditionally", "the", "and", "of", "activists"]
ZH = "nplurals=1; plural=0;"

sentence = st.lists(st.sampled_from(WORDS), min_size=4, max_size=12).map(
    lambda words: " ".join(words).capitalize() + "."
)
operation = st.tuples(
    st.sampled_from(["edit", "insert", "delete", "move", "restore"]),
    st.integers(min_value=0, max_value=50),
    sentence,
)


def translate(text: str) -> str:
    return "译：" + text[::-1]


def merged(root: Path, paragraphs: list[str], old: polib.POFile | None) -> polib.POFile:
    """Write the source, extract its template and merge it, as extract + update do."""
    source = root / "source_texts" / "letter.md"
    source.write_text("---\ntitle: Letter\nlang: en\n---\n\n" + "\n\n".join(paragraphs) + "\n",
                      encoding="utf-8")
    template = build_template(load_document(source), load_settings(root), "2024-01-01 00:00+0000")
    catalogue = merge_catalog(template, old, language="zh_Hans", plural_forms=ZH)
    # What is kept is what a reader gets back from the written file.
    return parse_catalog(format_catalog(catalogue), root / "letter.po")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.lists(sentence, min_size=3, max_size=8, unique=True),
       operations=st.lists(operation, max_size=8))
def test_no_translation_disappears(
    tmp_path: Path, start: list[str], operations: list[tuple[str, int, str]]
) -> None:
    (tmp_path / "source_texts").mkdir(exist_ok=True)
    paragraphs = list(start)
    catalogue = merged(tmp_path, paragraphs, None)
    for entry in catalogue:
        entry.msgstr = translate(entry.msgid)
    ever = {entry.msgstr for entry in catalogue}
    removed: list[str] = []
    for kind, index, text in operations:
        restored = None
        if kind == "edit" and paragraphs:
            position = index % len(paragraphs)
            removed.append(paragraphs[position])
            paragraphs[position] = paragraphs[position][:-1] + " " + text.lower()
        elif kind == "insert":
            paragraphs.insert(index % (len(paragraphs) + 1), text)
        elif kind == "delete" and len(paragraphs) > 1:
            removed.append(paragraphs.pop(index % len(paragraphs)))
        elif kind == "move" and len(paragraphs) > 1:
            paragraphs.insert(index % len(paragraphs), paragraphs.pop(0))
        elif kind == "restore" and removed:
            restored = removed.pop(index % len(removed))
            if restored not in paragraphs:
                paragraphs.append(restored)
        catalogue = merged(tmp_path, paragraphs, catalogue)
        kept = {entry.msgstr for entry in catalogue}
        assert ever <= kept, f"lost after {kind}: {ever - kept}"
        if restored is not None and restored in start:
            [entry] = [e for e in catalogue if e.msgid == restored and not e.obsolete]
            assert entry.msgstr == translate(restored)
