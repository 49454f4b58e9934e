"""Rebuilding: translations replace their segments' spans and nothing else moves."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from toolkit.frontmatter import emit_scalar
from toolkit.model import Document
from toolkit.rebuild import rebuild
from toolkit.source import discover, load_document

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
SHIPPED = discover(ROOT / "source_texts")
FIXTURES = sorted((DATA / "extract").iterdir())


def test_shipped_corpus_is_there() -> None:
    assert len(SHIPPED) == 6


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.stem)
def test_identity_catalogue_gives_the_source_back(path: Path) -> None:
    document = load_document(path)
    assert document.segments
    assert rebuild(document, lambda segment: segment.text) == document.text


@pytest.mark.parametrize("path", [*SHIPPED, *FIXTURES], ids=lambda path: path.name)
def test_identity_rebuild_is_stable(tmp_path: Path, path: Path) -> None:
    """Rebuilt with its own text, a document has the same messages (wrapped lines are joined)."""
    document = load_document(path)
    rebuilt = tmp_path / path.name
    rebuilt.write_text(rebuild(document, lambda segment: segment.text), encoding="utf-8")
    again = load_document(rebuilt)
    assert [(s.context, s.text) for s in again.segments] == [
        (s.context, s.text) for s in document.segments
    ]


def _outside_segments(document: Document, text: str) -> str:
    """The text between segments, recomputed by re-reading the rebuilt document."""
    pieces, position = [], 0
    for segment in document.segments:
        pieces.append(text[position : segment.start])
        position = segment.end
    pieces.append(text[position:])
    return "\x00".join(pieces)


@pytest.mark.parametrize("path", [*SHIPPED, *FIXTURES], ids=lambda path: path.name)
def test_translation_keeps_every_other_byte(tmp_path: Path, path: Path) -> None:
    document = load_document(path)
    translated_path = tmp_path / path.name
    translated_path.write_text(
        rebuild(document, lambda segment: f"译文〔{segment.text[:12]}〕"), encoding="utf-8"
    )
    translated = load_document(translated_path)
    assert len(translated.segments) == len(document.segments)
    assert all(segment.text.startswith("译文〔") for segment in translated.segments)
    if path.suffix == ".md" and all("\n" not in s.text for s in document.segments):
        original = _outside_segments(document, document.text)
        assert _outside_segments(translated, translated.text) == original


def test_golden_translated_constructs(update_golden: bool) -> None:
    document = load_document(DATA / "extract" / "constructs.md")
    result = rebuild(document, lambda segment: f"T[{segment.text}]|pipe\nline two")
    golden = DATA / "rebuild" / "constructs.translated.md"
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(result, encoding="utf-8")
    assert result == golden.read_text(encoding="utf-8")


def test_untranslated_segments_keep_the_source() -> None:
    document = load_document(DATA / "extract" / "constructs.md")
    assert rebuild(document, lambda segment: None) == document.text


EMIT = [
    pytest.param("plain text", "", "", "plain text", id="plain"),
    pytest.param("黄雪琴", "", "", "黄雪琴", id="plain-chinese"),
    pytest.param("a: b", "", "", '"a: b"', id="colon-needs-quotes"),
    pytest.param("#tag", "", "", '"#tag"', id="hash-needs-quotes"),
    pytest.param("yes", "", "", '"yes"', id="boolean-word-quoted"),
    pytest.param("2024-01-01", "", "", '"2024-01-01"', id="date-like-quoted"),
    pytest.param(" padded", "", "", '" padded"', id="leading-space"),
    pytest.param("it's", "'", "", "'it''s'", id="single-quoted"),
    pytest.param('say "x"', '"', "", '"say \\"x\\""', id="double-quoted"),
    pytest.param("l1\nl2", "|", "  ", "|-\n  l1\n  l2\n", id="literal"),
    pytest.param("l1\nl2\n", "|", "    ", "|\n    l1\n    l2\n", id="literal-clip"),
    pytest.param("one\ntwo", "", "", '"one\\ntwo"', id="newline-in-plain"),
    pytest.param(" x\ny", "|", "  ", '" x\\ny"', id="literal-leading-space-quoted"),
]


@pytest.mark.parametrize(("value", "style", "indent", "expected"), EMIT)
def test_emit_scalar(value: str, style: str, indent: str, expected: str) -> None:
    emitted = emit_scalar(value, style, indent)
    assert emitted == expected
    assert yaml.safe_load(f"k: {emitted}") == {"k": value}
