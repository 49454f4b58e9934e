"""The plain reader: the same catalogue as the full reader (polib with GNU's checks), faster."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.catalog import decode, plain_strings, reader
from toolkit.catalog import plain as plain_reader
from toolkit.errors import InputError

TESTS = Path(__file__).parent
LOCAL = sorted(
    path
    for root in (TESTS, TESTS.parent / "locales")
    for path in root.rglob("*")
    if path.suffix in (".po", ".pot") and path.is_file()
)

Snapshot = tuple[object, ...]


def snapshot(catalogue: polib.POFile) -> Snapshot:
    """Everything a catalogue and its entries hold, with the types of the values."""

    def entry(item: polib.POEntry | None) -> object:
        return None if item is None else sorted((k, repr(v)) for k, v in vars(item).items())

    held = {
        key: entry(value) if key == "source_header" else repr(value)
        for key, value in vars(catalogue).items()
    }
    return type(catalogue), sorted(held.items()), [entry(item) for item in catalogue]


def full(text: str, path: Path) -> Snapshot:
    """What the full reader makes of a text: the catalogue, or the error at its line."""
    try:
        return snapshot(reader._read_full(text, path))
    except InputError as error:
        return ("error", error.line, error.message)


def text_of(path: Path) -> str | None:
    try:
        text = decode.decode_catalog(path.read_bytes(), path).removeprefix("\ufeff")
    except InputError:
        return None  # refused before parsing: neither reader sees it
    return text.replace("\r\n", "\n").replace("\r", "\n")


def assert_alike(text: str, path: Path) -> bool:
    """The plain reader reads ``text`` as the full reader does, or leaves it to it."""
    plain = plain_reader.read_plain(text, path)
    if plain is not None:
        assert snapshot(plain) == full(text, path)
        assert "\\\n" not in text  # else GNU joins lines: parse_catalog does it first
    by_strings = plain_reader._read(text, path, plain_reader._read_strings)
    if by_strings is not None:  # whole strings read as lines are read, or not at all
        assert snapshot(by_strings) == snapshot_or_none(
            plain_reader.read_plain_by_lines(text, path)
        )
    return plain is not None


def snapshot_or_none(catalogue: polib.POFile | None) -> Snapshot | None:
    return None if catalogue is None else snapshot(catalogue)


def test_plain_reader_reads_the_corpus_alike(corpus_file: Path) -> None:
    text = text_of(corpus_file)
    if text is not None:
        assert_alike(text, corpus_file)


@pytest.mark.parametrize("path", LOCAL, ids=lambda path: path.relative_to(TESTS.parent).as_posix())
def test_plain_reader_reads_test_catalogues_alike(path: Path) -> None:
    text = text_of(path)
    if text is not None:
        assert_alike(text, path)


def test_plain_reader_reads_a_plain_catalogue() -> None:
    text = (
        '# Header.\n#\nmsgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n'
        '#. extracted\n#: a.py:1 b.py\n#, fuzzy, python-format\nmsgctxt "c"\nmsgid "a\\"b"\n'
        'msgid_plural "as"\nmsgstr[0] "x\\\\y"\n"z"\nmsgstr[1] "w"\n'
    )
    assert assert_alike(text, Path("plain.po"))


# Lines of catalogues, plain and otherwise: assembled at random, both readers must agree.
LINES = st.sampled_from(
    [
        *("", "#", "# ", "# header", "#  two spaces", "#. extracted", "#.", "#: a.py:1 :5 x:y"),
        *("#, fuzzy", "#, c-format, no-wrap", "#,", '#| msgid "x"', '#~ msgid "x"', "#x"),
        *('msgctxt "c"', 'msgid "a"', 'msgid ""', 'msgid_plural "as"', 'msgstr "b"'),
        *('msgstr ""', 'msgstr[0] "x"', 'msgstr[1] "y"', 'msgstr[2] "z"', 'msgstr[10] "z"'),
        *('"cont"', '"a\\"b"', '"a\\\\"', '"\\x41"', '"\\\\x"', '"open', '"a"b"', ' msgid "x"'),
        *('msgid  "x"', 'msgid "x" ', '"x" ', '\t"x"', 'msgstr "\\n"', '"Language: zh_CN\\n"'),
        *('msgid "中文"', 'msgstr "译文"', '"\u3000"', "# trailing \u3000", "msgstr[0]"),
        *('"\\"', '"a\\\\\\"', "#:  ", "#: a.py:1 ", "#, fuzzy ", "#,fuzzy", "#:x", '"x"y"'),
        # Obsolete lines, as update writes them and otherwise.
        *('#~ msgstr "y"', '#~ "cont"', '#~ msgctxt "k"', '#~ msgid ""', '#~ msgstr ""'),
        *('#~ msgid_plural "ys"', '#~ msgstr[0] "z"', '#~ msgstr[1] "zz"', "#~", "#~ "),
        *('#~| msgid "x"', '#~ #, fuzzy', '#~  msgid "x"', '#~msgid "x"', '#~ msgid "a\\"b"'),
        # Comment lines ending in a backslash: GNU joins the next line to them.
        *("# note\\", "#: a.py:1\\", "#, fuzzy\\", "#. x\\", '#~ msgid "x"\\'),
        *("#: \u3000a.py:1", "#: a.py:1\u3000", "#: a.py:²", "#: é.py:3", "#: a b:1"),
    ]
)
ENTRY = st.sampled_from(
    [
        ['msgid "a"', 'msgstr "b"'],
        ["#. note", "#: x.md:3", 'msgid "c"', '"d"', 'msgstr "e"', '"f"', ""],
        ["#, fuzzy", 'msgctxt "k"', 'msgid "a"', 'msgstr ""'],
        ["#: a.py:1", "#, fuzzy, c-format", 'msgid "a\\"b"', '"c\\n"', 'msgstr ""', '"d"', "", ""],
        ['msgid "one"', 'msgid_plural "many"', 'msgstr[0] "x"', 'msgstr[1] "y"', ""],
        [
            'msgid ""',
            'msgstr ""',
            '"Language: zh_CN\\n"',
            '"Plural-Forms: nplurals=1; plural=0;\\n"',
        ],
        ["#: a.py:1", "#: b.py:2 c.py", 'msgid "a"', 'msgstr "b"', ""],
        ["#, fuzzy", '#~ msgid "old"', '#~ "er"', '#~ msgstr "alt"', '#~ "er"', ""],
        ['#~ msgctxt "k"', '#~ msgid "one"', '#~ msgid_plural "many"', '#~ msgstr[0] "x"'],
        ['#~ msgid ""', '#~ msgstr ""', '#~ "Language: zh_CN\\n"', ""],
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(LINES.map(lambda line: [line]), ENTRY), max_size=14))
def test_plain_reader_agrees_with_the_full_reader(pieces: list[list[str]]) -> None:
    text = "\n".join(line for piece in pieces for line in piece)
    assert_alike(text, Path("generated.po"))


def test_plain_reader_reads_obsolete_entries() -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n\n#: a.py:1\nmsgid "a"\nmsgstr "b"\n\n'
        '#, fuzzy\n#~ msgid "old"\n#~ "er"\n#~ msgstr "alt"\n\n#~ msgid "gone"\n#~ msgstr "x"\n'
    )
    assert assert_alike(text, Path("obsolete.po"))
    catalogue = plain_reader.read_plain(text, Path("obsolete.po"))
    assert catalogue is not None
    assert [(entry.msgid, entry.obsolete, entry.linenum) for entry in catalogue] == [
        ("a", 0, 6),
        ("older", 1, 10),
        ("gone", 1, 14),
    ]


@pytest.mark.parametrize(
    "text",
    [
        '# note \\\nmsgid ""\nmsgstr ""\n"Language: zh_CN\\n"\n',
        '#: a.py:1\\\n#: b.py:2\nmsgid "a"\nmsgstr "b"\n',
        '#, fuzzy\\\nmsgid "a"\nmsgstr "b"\n',
        '#: a.py:1\n#, fuzzy\\\nmsgid "a"\nmsgstr "b"\n',
        '#, fuzzy\\\n, c-format\nmsgid "a"\nmsgstr "b"\n',
        '#. x\\\nmsgid "a"\nmsgstr "b"\n',
        'msgid "a"\nmsgstr "b"\n\n#: a.py:1\\\nmsgid "c"\nmsgstr "d"\n',
    ],
)
def test_plain_reader_leaves_joined_lines_to_the_joining(text: str) -> None:
    """A comment line ending in a backslash swallows the next line (GNU's lexer): the plain
    reader refuses the text, which parse_catalog then joins and reads as the full reader."""
    path = Path("joined.po")
    assert plain_reader.read_plain(text, path) is None
    joined = reader._CONTINUED.sub(reader._joined, text)
    try:
        read = snapshot(reader.parse_catalog(text, path))
    except InputError as error:
        read = ("error", error.line, error.message)
    assert read == full(joined, path)


@pytest.mark.parametrize("text", ["", "\n", "a", "a\n", "\n\n", "ab\ncd\n\nef", "x" * 10 + "\ny\n"])
def test_lines_are_split_a_block_at_a_time(text: str) -> None:
    for block in (1, 2, 3, 100):
        assert list(plain_reader._lines(text, block)) == text.split("\n")


@given(st.text(alphabet=st.sampled_from([*'\\ntrvbf"a x', "中"]), max_size=20))
def test_unescape_as_polib_does(value: str) -> None:
    assert plain_strings.unescape(value) == polib.unescape(value)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from([*'\\ntrvbf"a x', "中"]), max_size=8), max_size=4))
def test_strings_read_whole_as_polib_reads_them(lines: list[str]) -> None:
    """A string's lines read at once: polib's value of each line joined, or not plain (the
    searches of _escaped hold to _STRINGS, the strict form of each line, matched whole)."""
    strings = "\n".join(f'"{line}"' for line in lines)
    if not lines:
        return
    try:
        value = plain_strings.string_value(strings)
    except plain_strings.NotPlain:
        assert not all(plain_strings.plain_inside(line) for line in lines)
    else:
        assert all(plain_strings.plain_inside(line) for line in lines)
        assert value == "".join(polib.unescape(line) for line in lines)
    valid = plain_strings.STRINGS.fullmatch(strings) is not None
    assert valid == all(plain_strings.plain_inside(line) for line in lines)
