"""Rebuilding: translations replace their segments' spans and nothing else moves."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

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


def load_text(text: str) -> Document:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.md"
        path.write_text(text, encoding="utf-8")
        return load_document(path)


# A translation's line that would open another block stays text (its marker escaped); the
# rendered HTML has exactly the source's blocks.
BLOCK_LIKE = [
    pytest.param("# 标题", "\\# 标题", id="atx-heading"),
    pytest.param("- 项目", "\\- 项目", id="bullet"),
    pytest.param("+ 项目", "\\+ 项目", id="plus-bullet"),
    pytest.param("1. 第一", "1\\. 第一", id="ordered"),
    pytest.param("2021) 年", "2021\\) 年", id="ordered-paren"),
    pytest.param(">引用", "\\>引用", id="quote"),
    pytest.param("```python", "\\```python", id="fence"),
    pytest.param("~~~", "\\~~~", id="tilde-fence"),
    pytest.param("<div>", "\\<div>", id="html-block"),
    pytest.param("---", "\\---", id="thematic-break-or-setext"),
    pytest.param("===", "\\===", id="setext"),
    pytest.param("   - 缩进项目", "   \\- 缩进项目", id="indented-bullet"),
    pytest.param("#MeToo活动人士", "#MeToo活动人士", id="hashtag-is-text"),
    pytest.param("-5度", "-5度", id="minus-is-text"),
    pytest.param("1.5倍", "1.5倍", id="decimal-is-text"),
    pytest.param("普通文字", "普通文字", id="plain"),
]


@pytest.mark.parametrize(("line", "expected"), BLOCK_LIKE)
def test_translation_lines_never_open_a_block(line: str, expected: str) -> None:
    document = load_text("---\nid: t\nlang: en\n---\n\nFirst line\nsecond line.\n\n- item\n")
    paragraph, _item = document.segments
    rebuilt = rebuild(document, lambda s: f"开头\n{line}" if s is paragraph else line)
    assert f"开头\n{expected}\n" in rebuilt
    assert rebuilt.endswith(f"- {expected.lstrip()}\n")
    html = MarkdownIt("commonmark").render(rebuilt.split("---\n", 2)[2])
    assert html.count("<p>") == 1 and html.count("<li>") == 1
    assert not re.search(r"<(h\d|blockquote|pre|hr|ol)\b", html)


def test_first_line_indent_would_be_code() -> None:
    document = load_text("---\nid: t\nlang: en\n---\n\nSource.\n")
    rebuilt = rebuild(document, lambda segment: "    缩进的译文")
    assert rebuilt.endswith("\n缩进的译文\n")
