"""Every input the fuzzers found a bug with, run through the fuzz properties again.

The files are in tests/data/fuzz/, each made as small as its failure by tests/fuzz/minimise.py
(reader inputs found by the atheris harness or by comparing the reader with GNU msgcat on the
fuzzer's corpus). ``None``: the input now passes every property; a text: the input is bad and
is refused with exactly that one-line error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzz import properties

from toolkit.catalog.reader import parse_catalog
from toolkit.errors import InputError

FUZZ = Path(__file__).parent / "data" / "fuzz"

CASES = [
    # polib took a msgid_plural with no msgid before it (GNU: syntax error).
    ("reader-plural-without-msgid.po", "fuzz.po:3: msgid_plural without msgid before it"),
    # polib took comments between the keywords of an entry (GNU: syntax error).
    (
        "reader-comment-after-msgctxt.po",
        "fuzz.po:2: comment inside an entry: comments go before its msgctxt or msgid",
    ),
    (
        "reader-comment-before-msgstr.po",
        "fuzz.po:2: comment inside an entry: comments go before its msgctxt or msgid",
    ),
    # `msgstr "` alone was read as an empty translation.
    ("reader-lone-quote.po", "fuzz.po:2: unterminated string (missing closing quote)"),
    # A bare `#~` line, which GNU skips, was "unknown keyword ''".
    ("reader-empty-obsolete-mark.po", None),
    # polib split keywords at any Unicode space (U+001E here) and skipped text before the quote.
    ("reader-keyword-odd-space.po", "fuzz.po:5: msgstr must be followed by a quoted string"),
    ("reader-plural-index-junk.po", "fuzz.po:3: msgstr[0] must be followed by a quoted string"),
    # A reference "./", written (as msgcat writes it) as an empty name, "#:  是不-at": the next
    # reading drops it, so writing is no fixed point there, for msgcat either.
    ("reader-dot-slash-reference.po", None),
    # Found comparing the reader with msgcat on the second session's corpus: polib took a quote
    # inside a msgstr[n] string, a quote after an escaped backslash (`\\"`), a msgstr[n]
    # after a comment (as an entry with no msgid), a line of U+001F alone (skipped as blank).
    ("reader-msgstr-index-inner-quote.po", 'fuzz.po:3: unescaped double quote inside a string (write \\")'),
    ("reader-escaped-backslash-then-quote.po", 'fuzz.po:1: unescaped double quote inside a string (write \\")'),
    ("reader-msgstr-index-after-comment.po", "fuzz.po:5: msgstr without msgid before it"),
    ("reader-stray-control-line.po", "fuzz.po:3: stray character '\\x1f' on a line of its own"),
    # `#~#` and a bare `#|`, which GNU reads as comments, were syntax errors.
    ("reader-bare-comment-marks.po", None),
    # Control characters Python strips (U+001C) but Markdown keeps put a segment past its line.
    ("segmenter-control-whitespace.md", None),
    ("segmenter-control-whitespace-wrapped.md", None),
    # After a hard break, a line of U+001C (stripped by Python, text to Markdown) left an empty
    # line in the message: its rebuild split the paragraph in two.
    ("segmenter-control-line-after-break.md", None),
    # A setext heading with a hard line break was rebuilt on one line, with other messages.
    ("segmenter-setext-hard-break.md", None),
    ("segmenter-setext-backslash.md", None),
    # A two-line setext heading with a pipe, rebuilt on one line above its `--`: a table.
    ("segmenter-setext-pipe-table.md", None),
    # The same with a quote whose lazy lines, joined, stood above a `---` rule.
    ("segmenter-quote-pipe-table.md", None),
    # A front matter value written with a YAML escape came back spelt otherwise.
    ("segmenter-yaml-escape.md", None),
]


def test_every_regression_file_is_in_the_table() -> None:
    assert sorted(path.name for path in FUZZ.iterdir()) == sorted(name for name, _ in CASES)


@pytest.mark.parametrize(("name", "error"), CASES, ids=[name for name, _ in CASES])
def test_fuzz_regression(name: str, error: str | None) -> None:
    check = properties.reader if name.startswith("reader-") else properties.segmenter
    data = (FUZZ / name).read_bytes()
    if error is None:
        check(data)
        return
    with pytest.raises(InputError) as caught:
        check(data)
    assert str(caught.value) == error


# Found by the property tests (tests/test_fuzz_properties.py): what GNU reads, read the same.
READ_AS_GNU = [
    # A backslash before a line end is nothing to GNU's lexer, in a comment too: the next line
    # joins the comment (later lines keep their numbers).
    (
        '# see C:\\\n#: src.md:3\nmsgid "ab\\\ncd"\nmsgstr "x"\n\nmsgid "e"\nmsgstr "f"\n',
        [("abcd", "see C:#: src.md:3", 3), ("e", "", 7)],
    ),
    # \a in a previous msgid (#| and #~|) is the bell character, as in any string.
    (
        '#| msgid "old\\a"\nmsgid "c"\nmsgstr "d"\n\n#~| msgid "x\\a"\n#~ msgid "e"\n#~ msgstr "f"\n',
        [("c", "", 2), ("e", "", 6)],
    ),
]


@pytest.mark.parametrize(("text", "entries"), READ_AS_GNU)
def test_read_as_gnu(text: str, entries: list[tuple[str, str, int]]) -> None:
    catalogue = parse_catalog(text, Path("x.po"))
    assert [(e.msgid, e.tcomment, e.linenum) for e in catalogue] == entries
    assert [e.previous_msgid for e in catalogue if e.previous_msgid] in ([], ["old\a", "x\a"])


def test_header_values_keep_odd_separators() -> None:
    """polib cut a header value at U+001E or U+2028 (``splitlines``); GNU lines end at LF only."""
    text = 'msgid ""\nmsgstr ""\n"X-Name: a\u2028b\x1ec\\n"\n"Language: fr\\n"\n'
    assert parse_catalog(text, Path("x.po")).metadata == {"X-Name": "a\u2028b\x1ec", "Language": "fr"}


@pytest.mark.parametrize("string", ['msgid "a\x04b"', 'msgid "a\\004b"', 'msgctxt "\x04"\nmsgid "a"'])
def test_eot_in_a_string_is_refused(string: str) -> None:
    with pytest.raises(InputError, match="U\\+0004"):
        parse_catalog(f'{string}\nmsgstr "b"\n', Path("x.po"))
