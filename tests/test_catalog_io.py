"""Catalogue reader and writer, judged by GNU itself: msgcat's layout, msgfmt's checks."""



from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import zlib
from collections.abc import Callable
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.catalog.reader import parse_catalog, read_catalog
from toolkit.catalog.writer import format_catalog, write_catalog
from toolkit.errors import InputError

Msgcat = Callable[[Path, int], str]

HEADER = """\
# Test catalogue.
#
msgid ""
msgstr ""
"Project-Id-Version: advocacy-toolkit test\\n"
"Language: zh_CN\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""
LONG_ZH = (
    "当局因该律师在法庭上行使为其当事人辩护的权利而将其拘留。我们呼吁立即无条件释放她，"
    "并确保她能够不受恐吓和骚扰地继续执业，同时保障其家人的人身安全与通信自由。"
)

# Small catalogues, each laid out by msgcat itself at several widths: the reference is GNU, not
# an expectation typed by hand. (No corpus file disagrees with GNU: msgcat of msgcat's output is
# byte-identical for all 541 of them, at -w 79 and with --no-wrap, gettext 0.21.)
CASES = [
    pytest.param(f'msgid "The lawyer was detained."\nmsgstr "{LONG_ZH}"\n', id="cjk-long-msgstr"),
    pytest.param(
        'msgid "Huang Xueqin was detained in Guangzhou on 19 September 2019."\n'
        'msgstr "黄雪琴（Huang Xueqin）于2019年9月19日在广州被拘留，详见 '
        "https://example.org/cases/huang-xueqin-2019 以及《人权观察》报告第3.2节“任意拘留”"
        '部分，和 `check --select D101` 的输出。"\n',
        id="cjk-mixed-ascii",
    ),
    pytest.param(
        'msgid "Punctuation at the edge"\n'
        'msgstr "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二，三四五六七'
        "八九十一二三四五六七八九十一二三四五六七八九十一二三。（四五六七八九十）一二三四五六"
        '七八九十一二三四五六七八九十一二三四五六七八九十《一二》……——一二三四五六七八九十"\n',
        id="cjk-punctuation",
    ),
    pytest.param(
        'msgid "First line.\\nThe second line is long enough that it has to be wrapped because '
        'it goes past the width.\\n"\nmsgstr "第一行。\\n\\n第三行。\\n"\n\n'
        'msgid "Only a final newline\\n"\nmsgstr "仅末尾换行\\n"\n',
        id="newline-inside",
    ),
    pytest.param(
        'msgid "Tab\\there, quote \\"q\\", backslash \\\\ and a bell \\a, form feed \\f, vertical '
        'tab \\v, return \\r, backspace \\b, octal \\001 and hex \\x1b[0m end"\nmsgstr ""\n\n'
        'msgid "Sometimes it can be scary to put your opinion out to the world and say \\"this '
        'ticket is correct\\" or \\"this patch needs work\\", but it is the only way."\n'
        'msgstr "在接下来显示变更预览的页面，你可以单击 \\"Create pull request\\"。你可以单击 '
        '\\"Create pull request\\"。"\n',
        id="escapes",
    ),
    pytest.param(
        "".join(f'msgid "{n}\\n"\nmsgstr "{"律" * n}\\n"\n\n' for n in range(30, 40))
        + 'msgid "backslashes"\nmsgstr "'
        + "\\\\" * 50
        + '"\n',
        id="escape-at-break",
    ),
    pytest.param(
        "#, c-format\n"
        'msgid "%d political prisoner was released after a long campaign by families and '
        'supporters"\n'
        'msgid_plural "%d political prisoners were released after a long campaign by families '
        'and supporters"\n'
        f'msgstr[0] "{LONG_ZH}%d"\nmsgstr[1] "%d 名政治犯获释"\n',
        id="plural",
    ),
    pytest.param(
        'msgctxt "front-matter:title"\nmsgid "Release"\nmsgstr "释放"\n\n'
        'msgctxt "demand release, a very long context that explains where the text comes from"\n'
        'msgid "Release"\nmsgstr "放人"\n',
        id="msgctxt",
    ),
    pytest.param(
        "#, fuzzy\n"
        '#| msgctxt "old context"\n'
        '#| msgid "The old source sentence was edited, and it is longer than one line of seventy'
        '-nine columns."\n'
        'msgid "The new source sentence."\nmsgstr "新的源句子。"\n',
        id="fuzzy-previous",
    ),
    pytest.param(
        'msgid "Kept"\nmsgstr "保留"\n\n'
        '#~| msgid "An older source sentence of this obsolete entry, long enough to be wrapped by '
        'GNU."\n#~ msgid "Obsolete"\n#~ msgstr "已废弃"\n\n'
        '#~ msgid "Obsolete and untranslated"\n#~ msgstr ""\n\n'
        '#~ msgctxt "ctx"\n#~ msgid "one"\n#~ msgid_plural "many"\n'
        '#~ msgstr[0] "一"\n#~ msgstr[1] "多"\n',
        id="obsolete",
    ),
    pytest.param(
        "#: source_texts/letter-to-the-minister.md:12 ./source_texts/a.md:007 "
        "source_texts/letter-to-the-minister.md:12 source_texts/b.md:1 source_texts/c.md:22 "
        "source_texts/信件.md:3 source_texts/d.md:4 source_texts/e.md:5 no-line-number.md\n"
        'msgid "Referenced"\nmsgstr "已引用"\n\n'
        "#: source_texts/nineteen-characters.md:12 source_texts/nineteen-characterz.md:12\n"
        'msgid "Two references that fill exactly eighty columns"\nmsgstr "两处引用"\n',
        id="references",
    ),
    pytest.param(
        "#, python-format, fuzzy, no-c-format, range: 0..10\n"
        'msgid "%(count)d detained"\nmsgstr "%(count)d 人被拘留"\n\n'
        "#, awk-format, sh-format, c-format\n"
        'msgid "%d held"\nmsgstr "%d 人被关押"\n\n'
        "#, fuzzy\n"
        'msgid "Fuzzy but untranslated"\nmsgstr ""\n\n'
        "#, no-wrap\n"
        'msgid "A long source line that the no-wrap flag keeps on one line, however long it '
        'gets, even past seventy-nine columns"\nmsgstr "一\\n二"\n',
        id="flags",
    ),
    pytest.param(
        "#  two spaces and trailing blanks   \n#\n##double\n#nospace\n#. extracted\n#.\n"
        "#.no space\n"
        'msgid "Comments"\nmsgstr "注释"\n\n'
        "#. extracted first\n# translator second\n"
        'msgid "Comment order"\nmsgstr "注释顺序"\n',
        id="comments",
    ),
    pytest.param(
        'msgid "A string of exactly seventy-one characters, so that msgid fits in 79."\n'
        'msgstr "A string of exactly seventy-two characters, so that msgstr does not fi."\n\n'
        'msgid "Seventy-one plus a space: the break goes before the last word or not. xx"\n'
        'msgstr ""\n',
        id="width-boundary",
    ),
    pytest.param(
        'msgid "Combining: Cafe\u0301 cre\u0300me"\n'
        'msgstr "Café crème 👩‍👩‍👧 🇨🇳🇹🇼 שָׁלוֹם-עולם תל־אביב Ελλάδα Москва '
        "ｆｕｌｌｗｉｄｔｈ　空格 가나다라마바사 カタカナ・ひらがな ㈱ 𠀀𠀁 ​zero​width"
        ' line\u2028separator"\n',
        id="scripts-and-emoji",
    ),
]


HEADERS = [
    pytest.param(
        '# Comment\n#, fuzzy\nmsgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n"a line without a colon\\n"\n'
        '"X-Spaced:   value  \\n"\n\nmsgid "a"\nmsgstr "甲"\n',
        id="fuzzy-odd-header",
    ),
    pytest.param('# Top comment\n#. extracted\nmsgid "a"\nmsgstr ""\n', id="no-header"),
    pytest.param(HEADER, id="header-only"),
]


@pytest.mark.parametrize("text", HEADERS)
def test_headers_match_msgcat(text: str, msgcat: Msgcat, tmp_path: Path) -> None:
    path = _write(tmp_path, text)
    assert format_catalog(read_catalog(path)) == msgcat(path, 79)


def test_changed_metadata_rebuilds_the_header(msgcat: Msgcat, tmp_path: Path) -> None:
    body = 'msgid "a"\nmsgstr "甲"\n'
    catalogue = parse_catalog(HEADER + body, tmp_path / "x.po")
    catalogue.metadata["Language"] = "zh_TW"
    edited = _write(tmp_path, HEADER.replace("zh_CN", "zh_TW") + body)
    assert format_catalog(catalogue) == msgcat(edited, 79)


def _write(tmp_path: Path, text: str, name: str = "case.po") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _diff(expected: str, actual: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(), actual.splitlines(), "msgcat", "ours", lineterm="", n=1
    )
    return "\n".join(list(lines)[:40])


@pytest.mark.parametrize("body", CASES)
def test_crafted_cases_match_msgcat(body: str, msgcat: Msgcat, tmp_path: Path) -> None:
    path = _write(tmp_path, HEADER + body)
    catalogue = read_catalog(path)
    for width in (79, 40, 15, 0):  # msgcat takes 15 as 20, its minimum
        expected = msgcat(path, width)
        actual = format_catalog(catalogue, width=width)
        assert actual == expected, f"width {width}:\n{_diff(expected, actual)}"


def test_flags_gnu_does_not_know_are_kept(tmp_path: Path) -> None:
    """msgcat drops them; we keep them after GNU's own, so suppressions survive (a deliberate
    difference, the only one: the corpus has no such flag)."""
    body = '#, ignore-doubled-word, python-format, fuzzy, max-length:80\nmsgid "a"\nmsgstr "甲"\n'
    path = _write(tmp_path, HEADER + body)
    written = format_catalog(read_catalog(path))
    assert "#, fuzzy, python-format, ignore-doubled-word, max-length:80\n" in written
    out = tmp_path / "ours.po"
    out.write_text(written, encoding="utf-8")
    _assert_msgfmt_check(out)


@pytest.mark.parametrize("body", CASES)
def test_crafted_cases_pass_msgfmt_check(body: str, tmp_path: Path) -> None:
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext's msgfmt is not installed")
    out = tmp_path / "ours.po"
    write_catalog(out, parse_catalog(HEADER + body, tmp_path / "case.po"))
    _assert_msgfmt_check(out)


def _assert_msgfmt_check(path: Path) -> None:
    done = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr.decode()


def test_corpus_matches_msgcat(corpus_file: Path, msgcat: Msgcat, tmp_path: Path) -> None:
    """Every real catalogue comes out as msgcat -w 79 writes it; a sample also as --no-wrap,
    and that sample passes msgfmt --check."""
    catalogue = read_catalog(corpus_file)
    sample = zlib.crc32(corpus_file.name.encode()) % 8 == 0
    for width in (79, 0) if sample else (79,):
        expected, actual = msgcat(corpus_file, width), format_catalog(catalogue, width=width)
        if actual != expected and _gnu_disagrees(expected, width, msgcat, tmp_path):
            pytest.skip(f"GNU disagrees with itself on {corpus_file.name} at width {width}")
        assert actual == expected, f"width {width}:\n{_diff(expected, actual)}"
    if sample and shutil.which("msgfmt"):
        out = tmp_path / corpus_file.name
        write_catalog(out, catalogue)
        _assert_msgfmt_check(out)


def _gnu_disagrees(text: str, width: int, msgcat: Msgcat, tmp_path: Path) -> bool:
    """Whether msgcat lays out its own output differently (then GNU is no reference)."""
    return msgcat(_write(tmp_path, text, "gnu.po"), width) != text


# Bits of text random strings are made of: scripts, spaces, punctuation, escapes, marks, emoji.
_PIECE_TEXT = (
    ' |  |word|Lawyer|-|/|.|,|(|)|"|\\|\t|\n|%s|http://x.org/a-b|黄雪琴|律师|，|。|（|）|《|》|“|”|……|'
    "——|、|：|2019|年|カタ|ー|한국|é|e\u0301|👩\u200d👧|🇨🇳|\xa0|\u200b|\u3000|１２|€|%|$|!|?|;|'|…|·"
)
_PIECES = st.sampled_from(_PIECE_TEXT.split("|"))


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    texts=st.lists(st.lists(_PIECES, max_size=40).map("".join), min_size=1, max_size=3),
    width=st.sampled_from([79, 33, 20]),
)
def test_any_text_wraps_as_msgcat(
    texts: list[str], width: int, msgcat: Msgcat, tmp_path: Path
) -> None:
    """Random mixes of scripts, spaces, punctuation and escapes break where GNU breaks them."""
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for number, text in enumerate(texts):
        catalogue.append(polib.POEntry(msgctxt=str(number), msgid=text, msgstr=text[::-1]))
    path = _write(tmp_path, format_catalog(catalogue, width=0))
    expected, actual = msgcat(path, width), format_catalog(catalogue, width=width)
    assert actual == expected, _diff(expected, actual)


ERRORS = [
    pytest.param(
        'msgid "a"\nmsgstr "b"\n\nmsgid "open\nmsgstr "x"\n',
        4,
        "unterminated string",
        id="unterminated-string",
    ),
    pytest.param(
        'msgid ""\n"abc\nmsgstr "x"\n', 2, "unterminated string", id="unterminated-continuation"
    ),
    pytest.param(
        'msgid "a"\nmsgstr "b"\n\nmsgid "no msgstr"\n\nmsgid "c"\nmsgstr "d"\n',
        4,
        "msgstr missing after msgid",
        id="missing-msgstr",
    ),
    pytest.param(
        'msgid "a"\nmsgstr "b"\n\nmsgid "last"\n',
        4,
        "msgstr missing after msgid",
        id="missing-msgstr-at-end",
    ),
    pytest.param(
        'msgid "a"\nmsgstr "b"\n\n#: x.md:1\nmsgid "a"\nmsgstr "c"\n',
        5,
        "duplicate message definition (first defined at line 1)",
        id="duplicate",
    ),
    pytest.param(
        'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n',
        4,
        "duplicate message definition",
        id="duplicate-obsolete",
    ),
    pytest.param(
        'msgid "a"\nmsgstr "b"\ngarbage here\n',
        3,
        "unknown keyword 'garbage'",
        id="unknown-keyword",
    ),
    pytest.param(
        'msgid "a\\q"\nmsgstr "c"\n', 1, "invalid escape sequence \\q", id="invalid-escape"
    ),
    pytest.param('msgstr "x"\n', 1, "msgstr without msgid", id="msgstr-first"),
    pytest.param(
        'msgid "a"\nmsgid_plural "as"\nmsgstr "c"\n',
        3,
        "needs msgstr[0]",
        id="plural-without-index",
    ),
    pytest.param('msgid "a"\nmsgstr[0] "c"\n', 2, "needs a msgid_plural", id="index-no-plural"),
    pytest.param('msgid "a"b"\nmsgstr ""\n', 1, "unescaped double quote", id="inner-quote"),
    pytest.param(
        'msgid abc\nmsgstr ""\n', 1, "msgid must be followed by a quoted string", id="no-quote"
    ),
    pytest.param(
        '"orphan"\nmsgid "a"\nmsgstr "b"\n',
        1,
        "continuation string without a keyword",
        id="orphan-continuation",
    ),
]


@pytest.mark.parametrize(("text", "line", "message"), ERRORS)
def test_reader_errors(text: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_catalog(text, Path("bad.po"))
    assert caught.value.line == line
    assert message in caught.value.message
    assert str(caught.value).startswith(f"bad.po:{line}: ")


def test_invalid_utf8_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.po"
    path.write_bytes(HEADER.encode() + b'msgid "a"\nmsgstr "caf\xe9"\n')
    with pytest.raises(InputError) as caught:
        read_catalog(path)
    assert caught.value.line == HEADER.count("\n") + 2
    assert "0xe9 is not valid utf-8" in caught.value.message.lower()


def test_declared_charset_bom_and_crlf_are_read(tmp_path: Path) -> None:
    text = HEADER + '# 註釋\nmsgid "a"\nmsgstr "繁體中文"\n'
    plain = format_catalog(parse_catalog(text, tmp_path / "plain.po"))
    big5 = tmp_path / "big5.po"
    big5.write_bytes(text.replace("charset=UTF-8", "charset=BIG5").encode("big5"))
    assert format_catalog(read_catalog(big5)) == plain.replace("charset=UTF-8", "charset=BIG5")
    crlf = tmp_path / "crlf.po"
    crlf.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert format_catalog(read_catalog(crlf)) == plain


def test_entries_keep_their_msgid_line_and_what_polib_drops() -> None:
    text = HEADER + (
        '#, fuzzy\nmsgid "a"\nmsgstr "b"\n\n'
        '#~| msgid "older"\n#~ msgid "gone"\n#~ msgstr "\\a\\101\\x42"\n'
    )
    catalogue = parse_catalog(text, Path("x.po"))
    first, obsolete = catalogue
    assert first.linenum == HEADER.count("\n") + 2
    assert obsolete.linenum == HEADER.count("\n") + 6
    assert obsolete.previous_msgid == "older"
    assert obsolete.msgstr == "\aAB"
    assert catalogue.header == "Test catalogue.\n"


def test_write_catalog_leaves_an_unchanged_file_alone(tmp_path: Path) -> None:
    catalogue = parse_catalog(HEADER + 'msgid "a"\nmsgstr "b"\n', tmp_path / "x.po")
    path = tmp_path / "out" / "x.po"
    assert write_catalog(path, catalogue) is True
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert write_catalog(path, catalogue) is False
    assert path.stat().st_mtime_ns == 1_000_000_000
    assert path.read_text(encoding="utf-8") == format_catalog(catalogue)
