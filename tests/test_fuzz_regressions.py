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
    # Control characters Python strips (U+001C) but Markdown keeps put a segment past its line.
    ("segmenter-control-whitespace.md", None),
    ("segmenter-control-whitespace-wrapped.md", None),
    # A setext heading with a hard line break was rebuilt on one line, with other messages.
    ("segmenter-setext-hard-break.md", None),
    ("segmenter-setext-backslash.md", None),
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
