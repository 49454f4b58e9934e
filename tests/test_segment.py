"""Segmentation: which blocks become messages, their text, kind and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.source import load_document

CASES = [
    pytest.param("# Title\n", [(1, "heading", "Title")], id="atx-heading"),
    pytest.param("## Title ##\n", [(1, "heading", "Title")], id="atx-closing-hashes"),
    pytest.param("Title\n=====\n", [(1, "heading", "Title")], id="setext-heading"),
    pytest.param("One\ntwo\n", [(1, "paragraph", "One two")], id="soft-break-joined"),
    pytest.param("中文\n继续\n", [(1, "paragraph", "中文继续")], id="cjk-joined-without-space"),
    pytest.param("中文\nand\n", [(1, "paragraph", "中文 and")], id="cjk-latin-joined-with-space"),
    pytest.param("被捕。\n2024年\n", [(1, "paragraph", "被捕。2024年")], id="after-cjk-punctuation"),
    pytest.param("Huang\n（黄雪琴）\n", [(1, "paragraph", "Huang（黄雪琴）")], id="before-cjk-punctuation"),
    pytest.param("One  \ntwo\n", [(1, "paragraph", "One  \ntwo")], id="hard-break-spaces"),
    pytest.param("One\\\ntwo\n", [(1, "paragraph", "One\\\ntwo")], id="hard-break-backslash"),
    pytest.param(
        "- a *b*\n- c\n  d\n", [(1, "list-item", "a *b*"), (2, "list-item", "c d")], id="list"
    ),
    pytest.param("1. x\n\n   y\n", [(1, "list-item", "x"), (3, "list-item", "y")], id="loose-list"),
    pytest.param("> q\n> r\n", [(1, "quote", "q r")], id="blockquote"),
    pytest.param("- > q\n", [(1, "list-item", "q")], id="quote-in-list"),
    pytest.param(
        "| A | B |\n|---|---|\n| c | d \\| e |\n",
        [
            (1, "table-cell", "A"),
            (1, "table-cell", "B"),
            (3, "table-cell", "c"),
            (3, "table-cell", "d | e"),
        ],
        id="table",
    ),
    pytest.param(
        "See [x](https://a.org/b) now.\n",
        [(1, "paragraph", "See [x](https://a.org/b) now.")],
        id="link-kept-inline",
    ),
    pytest.param("![](https://i.imgur.com/x.png)\n", [], id="image-alone-skipped"),
    pytest.param("<https://a.org>\n", [], id="autolink-alone-skipped"),
    pytest.param("    code\n", [], id="indented-code-skipped"),
    pytest.param("```\ncode\n```\n", [], id="fenced-code-skipped"),
    pytest.param("<div>html</div>\n", [], id="html-block-skipped"),
    pytest.param("2024\n", [], id="number-only-skipped"),
    pytest.param(
        "---\ntitle: T\nid: doc\n---\nBody\n",
        [(2, "front-matter", "T"), (5, "paragraph", "Body")],
        id="front-matter-title",
    ),
    pytest.param(
        "---\ntitle: Long title\n  over two lines\nlang: en\ndate: 2024-01-01\ncover: x\n---\n",
        [(2, "front-matter", "Long title over two lines")],
        id="front-matter-folded-plain",
    ),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_markdown_segments(
    tmp_path: Path, source: str, expected: list[tuple[int, str, str]]
) -> None:
    path = tmp_path / "doc.md"
    path.write_text(source, encoding="utf-8")
    document = load_document(path)
    assert [(s.line, s.kind.value, s.text) for s in document.segments] == expected


TEXT_CASES = [
    pytest.param("One\ntwo\n\nThree\n", [(1, "One two"), (4, "Three")], id="paragraphs"),
    pytest.param("黄雪琴和\n王建兵\n", [(1, "黄雪琴和王建兵")], id="cjk-unwrapped"),
    pytest.param("  indented\n  lines  \n\n\n\n", [(1, "indented lines")], id="whitespace"),
    pytest.param("e Free them\ne Now\n", [(1, "e Free them e Now")], id="pdf-bullets-kept-raw"),
    pytest.param("---\nid: t\n---\nBody\n", [(4, "Body")], id="front-matter-then-text"),
]


@pytest.mark.parametrize(("source", "expected"), TEXT_CASES)
def test_text_segments(tmp_path: Path, source: str, expected: list[tuple[int, str]]) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(source, encoding="utf-8")
    document = load_document(path)
    assert [(s.line, s.text) for s in document.segments] == expected


def test_front_matter_recipients_have_contexts(tmp_path: Path) -> None:
    path = tmp_path / "letter.md"
    path.write_text(
        "---\nrecipients:\n  - id: a\n    name: N\n    address: |-\n      L1\n      L2\n---\n",
        encoding="utf-8",
    )
    segments = load_document(path).segments
    assert [(s.context, s.text, s.line) for s in segments] == [
        ("front-matter:recipients.a.name", "N", 4),
        ("front-matter:recipients.a.address", "L1\nL2", 5),
    ]
