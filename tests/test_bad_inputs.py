"""Broken inputs, one file each in tests/data/bad/: every one is told in one ``path:line`` line.

Each file is dropped into a copy of a small healthy workspace (tests/data/bad/workspace/) in the
place its folder names (a catalogue in place of ``locales/zh_Hans/LC_MESSAGES/letter.po``, a
source in place of ``source_texts/letter.md``...), and a command is run on the workspace. The
table gives the exact line expected and the exit status:

- ``check``: an unreadable file is one F101 finding at the line where reading stopped, exit 2,
  and every other file is still checked (the C101 findings of ``other.po`` are reported); a file
  that reads but is wrong in format is a ``format`` finding (F104, F105, F106), exit 1;
- ``update``, ``extract``, ``stats``, ``convert``: one line on stderr, exit 2, and nothing in the
  workspace written; ``build`` the same for a bad source or setting, and for an unreadable
  catalogue refuses that letter (the reason at ``path:line``) and builds the others, exit 1;
- ``glossary check``: exit 1 for a glossary that reads but has problems, 2 when unreadable;
- a bad setting: one line, exit 2, whatever the command.

``None`` as the expected line means the file is read as it should be (an encoding converted, a
BOM or CR line ends understood): no line about it, and the status of a healthy workspace.
The 50 MB catalogue and the 1 MB line are generated in the test, not kept here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from toolkit.catalog.reader import read_catalog
from toolkit.catalog.writer import format_catalog
from toolkit.cli import cli
from toolkit.source import load_document

BAD = Path(__file__).parent / "data" / "bad"
WORKSPACE = BAD / "workspace"
# Where each kind of file goes in the workspace; files named below go elsewhere.
PLACES = {
    "catalogue": "locales/zh_Hans/LC_MESSAGES/letter.po",
    "template": "locales/letter.pot",
    "source": "source_texts/letter.md",
    "glossary": "locales/glossary.toml",
    "settings": "advocacy.toml",
    "campaign": "locales/campaign.toml",
}
ELSEWHERE = {
    # A French catalogue (the settings do not list fr: check reads it, update does not).
    "catalogue/latin1-declared.po": "locales/fr/LC_MESSAGES/letter.po",
    "catalogue/latin1-declared-but-utf8.po": "locales/fr/LC_MESSAGES/letter.po",
    "catalogue/unknown-locale-folder.po": "locales/xx_Bogus/LC_MESSAGES/letter.po",
    "source/front-matter-unclosed.txt": "source_texts/letter.txt",
    "settings/pyproject-advocacy-not-a-table.toml": "pyproject.toml",
    "settings/pyproject-select-not-a-list.toml": "pyproject.toml",
}
# What a healthy workspace reports: the other document's catalogues are not translated yet.
OTHERS = [
    f"locales/{locale}/LC_MESSAGES/other.po:{line}: C101 [warning] not translated yet"
    for locale in ("zh_Hans", "zh_Hant")
    for line in (25, 31)
]


def row(file: str, command: str, status: int, expected: str | None) -> object:
    return pytest.param(file, command, status, expected, id=f"{file}-{command.replace(' ', '-')}")


CASES = [
    row("campaign/date-not-a-date.toml", "check", 2, "locales/campaign.toml:1: F101 [error] fact 'arrest': a date's value is a TOML date (2021-09-19)"),
    row("campaign/date-not-a-date.toml", "extract", 2, "locales/campaign.toml:1: fact 'arrest': a date's value is a TOML date (2021-09-19)"),
    row("catalogue/bad-escape.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: F101 [error] invalid escape sequence \\q'),
    row("catalogue/bad-escape.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: invalid escape sequence \\q'),
    # A charset Python does not know is read as UTF-8 (as xgettext's placeholder CHARSET is).
    row("catalogue/bogus-charset.po", "check", 0, None),
    row("catalogue/bogus-charset.po", "update", 0, None),
    row("catalogue/bom-crlf.po", "check", 0, None),
    row("catalogue/bom-crlf.po", "update", 0, None),
    row("catalogue/bom.po", "check", 0, None),
    row("catalogue/bom.po", "update", 0, None),
    # A codec Python has that is no text charset (zlib, rot13, undefined) was a traceback.
    row("catalogue/charset-not-text.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:5: F101 [error] charset zlib is not a charset a catalogue can be written in: save the file as UTF-8 and declare charset=UTF-8'),
    row("catalogue/charset-not-text.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:5: charset zlib is not a charset a catalogue can be written in: save the file as UTF-8 and declare charset=UTF-8'),
    row("catalogue/comment-inside-entry.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: F101 [error] comment inside an entry: comments go before its msgctxt or msgid'),
    row("catalogue/comment-inside-entry.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: comment inside an entry: comments go before its msgctxt or msgid'),
    row("catalogue/compiled.mo.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:1: F101 [error] a compiled .mo file, not a .po catalogue (msgunfmt turns it back into one)'),
    row("catalogue/compiled.mo.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:1: a compiled .mo file, not a .po catalogue (msgunfmt turns it back into one)'),
    # Lone CRs (classic Mac OS) are line ends, as CRLF are; a BOM is dropped.
    row("catalogue/cr.po", "check", 0, None),
    row("catalogue/cr.po", "update", 0, None),
    row("catalogue/crlf.po", "check", 0, None),
    row("catalogue/crlf.po", "update", 0, None),
    # No line to point at: the file cannot be opened.
    row("catalogue/directory.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po: F101 [error] cannot read the file (Is a directory)'),
    row("catalogue/directory.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po: Is a directory'),
    row("catalogue/duplicate-entry.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:27: F101 [error] duplicate message definition (first defined at line 14)'),
    row("catalogue/duplicate-entry.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:27: duplicate message definition (first defined at line 14)'),
    row("catalogue/duplicate-header.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:10: F101 [error] duplicate message definition (first defined at line 1)'),
    row("catalogue/duplicate-header.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:10: duplicate message definition (first defined at line 1)'),
    row("catalogue/duplicate-obsolete.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:26: F101 [error] duplicate message definition (first defined at line 14)'),
    row("catalogue/duplicate-obsolete.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:26: duplicate message definition (first defined at line 14)'),
    row("catalogue/empty-obsolete-mark.po", "check", 0, None),
    row("catalogue/empty-obsolete-mark.po", "update", 0, None),
    # An empty catalogue reads as one with no header: a format finding; update fills it in.
    row("catalogue/empty.po", "check", 1, 'locales/zh_Hans/LC_MESSAGES/letter.po:1: F104 [error] no Language header: add "Language: zh_Hans"'),
    row("catalogue/empty.po", "update", 0, None),
    row("catalogue/escape-not-utf8.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: F101 [error] escape sequences that do not form valid UTF-8'),
    row("catalogue/escape-not-utf8.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: escape sequences that do not form valid UTF-8'),
    row("catalogue/gb2312-declared-but-utf8.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:12: F101 [error] byte 0xe9 is not valid GB2312; the file must be UTF-8 or declare its charset in the header'),
    row("catalogue/gb2312-declared-but-utf8.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:12: byte 0xe9 is not valid GB2312; the file must be UTF-8 or declare its charset in the header'),
    # Declared GB2312 (or Latin-1) and written so: converted; declared so but UTF-8: refused.
    row("catalogue/gb2312-declared.po", "check", 0, None),
    row("catalogue/gb2312-declared.po", "update", 0, None),
    row("catalogue/index-without-plural.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:27: F101 [error] msgstr[n] needs a msgid_plural before it'),
    row("catalogue/index-without-plural.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:27: msgstr[n] needs a msgid_plural before it'),
    row("catalogue/invalid-utf8.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:24: F101 [error] byte 0xff is not valid UTF-8; the file must be UTF-8 or declare its charset in the header'),
    row("catalogue/invalid-utf8.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:24: byte 0xff is not valid UTF-8; the file must be UTF-8 or declare its charset in the header'),
    row("catalogue/keyword-without-string.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:14: F101 [error] msgid must be followed by a quoted string'),
    row("catalogue/keyword-without-string.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:14: msgid must be followed by a quoted string'),
    row("catalogue/latin1-declared-but-utf8.po", "check", 2, 'locales/fr/LC_MESSAGES/letter.po:12: F101 [error] the header declares charset=ISO-8859-1 but the file is UTF-8: declare charset=UTF-8 in its Content-Type'),
    row("catalogue/latin1-declared.po", "check", 0, None),
    row("catalogue/lone-quote.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: F101 [error] unterminated string (missing closing quote)'),
    row("catalogue/lone-quote.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: unterminated string (missing closing quote)'),
    row("catalogue/msgctxt-without-msgid.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:26: F101 [error] msgid missing after msgctxt'),
    row("catalogue/msgctxt-without-msgid.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:26: msgid missing after msgctxt'),
    row("catalogue/msgstr-missing-at-end.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:26: F101 [error] msgstr missing after msgid'),
    row("catalogue/msgstr-missing-at-end.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:26: msgstr missing after msgid'),
    row("catalogue/msgstr-missing.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:14: F101 [error] msgstr missing after msgid'),
    row("catalogue/msgstr-missing.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:14: msgstr missing after msgid'),
    row("catalogue/no-language-header.po", "check", 1, 'locales/zh_Hans/LC_MESSAGES/letter.po:1: F104 [error] no Language header: add "Language: zh_Hans"'),
    row("catalogue/no-language-header.po", "update", 0, None),
    row("catalogue/nul-byte.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: F101 [error] NUL byte: a catalogue is text (is this a binary or a UTF-16 file?)'),
    row("catalogue/nul-byte.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: NUL byte: a catalogue is text (is this a binary or a UTF-16 file?)'),
    row("catalogue/only-comments.po", "check", 1, 'locales/zh_Hans/LC_MESSAGES/letter.po:1: F104 [error] no Language header: add "Language: zh_Hans"'),
    row("catalogue/only-comments.po", "update", 0, None),
    row("catalogue/orphan-continuation.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:1: F101 [error] continuation string without a keyword before it'),
    row("catalogue/orphan-continuation.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:1: continuation string without a keyword before it'),
    # Readable but wrong for the language: format findings, and the run goes on (exit 1).
    row("catalogue/plural-count.po", "check", 1, 'locales/zh_Hans/LC_MESSAGES/letter.po:26: F106 [error] 2 plural translations; the language has 1'),
    row("catalogue/plural-count.po", "update", 0, None),
    row("catalogue/plural-index-gap.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:29: F101 [error] msgstr[2] where msgstr[1] was expected: plural translations are numbered from 0, in order'),
    row("catalogue/plural-index-gap.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:29: msgstr[2] where msgstr[1] was expected: plural translations are numbered from 0, in order'),
    row("catalogue/plural-index-huge.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:28: F101 [error] msgstr[99999999999999999999] where msgstr[0] was expected: plural translations are numbered from 0, in order'),
    row("catalogue/plural-index-huge.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:28: msgstr[99999999999999999999] where msgstr[0] was expected: plural translations are numbered from 0, in order'),
    row("catalogue/plural-without-index.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:28: F101 [error] msgid_plural needs msgstr[0], msgstr[1]... not msgstr'),
    row("catalogue/plural-without-index.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:28: msgid_plural needs msgstr[0], msgstr[1]... not msgstr'),
    row("catalogue/unescaped-quote.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: F101 [error] unescaped double quote inside a string (write \\")'),
    row("catalogue/unescaped-quote.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: unescaped double quote inside a string (write \\")'),
    row("catalogue/unknown-keyword.po", "check", 2, "locales/zh_Hans/LC_MESSAGES/letter.po:15: F101 [error] unknown keyword 'msgtsr'"),
    row("catalogue/unknown-keyword.po", "update", 2, "locales/zh_Hans/LC_MESSAGES/letter.po:15: unknown keyword 'msgtsr'"),
    # A folder that names no locale: read and checked as any other (update reads only the
    # configured locales).
    row("catalogue/unknown-locale-folder.po", "check", 0, None),
    row("catalogue/unterminated-continuation.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: F101 [error] unterminated string (missing closing quote)'),
    row("catalogue/unterminated-continuation.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: unterminated string (missing closing quote)'),
    row("catalogue/unterminated-string.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:14: F101 [error] unterminated string (missing closing quote)'),
    row("catalogue/unterminated-string.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:14: unterminated string (missing closing quote)'),
    row("catalogue/unterminated-string.po", "stats", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:14: unterminated string (missing closing quote)'),
    # build refuses the letter whose catalogue is unreadable, builds the others, exits 1.
    row("catalogue/unterminated-string.po", "build", 1, '  locales/zh_Hans/LC_MESSAGES/letter.po:14: unreadable catalogue: unterminated string (missing closing quote)'),
    row("catalogue/nul-byte.po", "convert zh_Hans zh_Hant", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:15: NUL byte: a catalogue is text (is this a binary or a UTF-16 file?)'),
    row("catalogue/utf16-bom.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:1: F101 [error] the file is UTF-16 text: save it as UTF-8'),
    row("catalogue/utf16-bom.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:1: the file is UTF-16 text: save it as UTF-8'),
    row("catalogue/utf16-declared.po", "check", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:5: F101 [error] charset UTF-16 is not a charset a catalogue can be written in: save the file as UTF-8 and declare charset=UTF-8'),
    row("catalogue/utf16-declared.po", "update", 2, 'locales/zh_Hans/LC_MESSAGES/letter.po:5: charset UTF-16 is not a charset a catalogue can be written in: save the file as UTF-8 and declare charset=UTF-8'),
    row("catalogue/wrong-language.po", "check", 1, "locales/zh_Hans/LC_MESSAGES/letter.po:1: F104 [error] Language header says 'fr' but the catalogue is for 'zh_Hans'"),
    row("catalogue/wrong-language.po", "update", 0, None),
    row("catalogue/wrong-plural-forms.po", "check", 1, "locales/zh_Hans/LC_MESSAGES/letter.po:1: F105 [error] Plural-Forms is 'nplurals=2; plural=(n != 1);'; CLDR's rule for zh_Hans is 'nplurals=1; plural=0;'"),
    row("catalogue/wrong-plural-forms.po", "update", 0, None),
    # A glossary that reads but is wrong: glossary check exits 1; check and extract refuse it.
    row("glossary/array-of-tables.toml", "glossary check", 1, "locales/glossary.toml:15: 'wang-jianbing-2' must be an entry table: [wang-jianbing-2] with kind, status and forms"),
    row("glossary/array-of-tables.toml", "check", 2, "locales/glossary.toml:15: F101 [error] 'wang-jianbing-2' must be an entry table: [wang-jianbing-2] with kind, status and forms"),
    row("glossary/array-of-tables.toml", "extract", 2, "locales/glossary.toml:15: 'wang-jianbing-2' must be an entry table: [wang-jianbing-2] with kind, status and forms"),
    row("glossary/bad-toml.toml", "glossary check", 2, "locales/glossary.toml:15: invalid TOML: Expected ']' at the end of a table declaration"),
    row("glossary/bad-toml.toml", "check", 2, "locales/glossary.toml:15: F101 [error] invalid TOML: Expected ']' at the end of a table declaration"),
    row("glossary/bad-toml.toml", "extract", 2, "locales/glossary.toml:15: invalid TOML: Expected ']' at the end of a table declaration"),
    row("glossary/deep-nesting.toml", "glossary check", 2, 'locales/glossary.toml:16: invalid TOML: arrays or tables nested too deeply'),
    row("glossary/deep-nesting.toml", "check", 2, 'locales/glossary.toml:16: F101 [error] invalid TOML: arrays or tables nested too deeply'),
    row("glossary/deep-nesting.toml", "extract", 2, 'locales/glossary.toml:16: invalid TOML: arrays or tables nested too deeply'),
    row("glossary/duplicate-form.toml", "glossary check", 1, "locales/glossary.toml:15: entry 'sophia-huang': 'Sophia Huang Xueqin' is a form of entry 'huang-xueqin' (line 1) too: a form must name one entry"),
    row("glossary/duplicate-form.toml", "check", 2, "locales/glossary.toml:15: F101 [error] entry 'sophia-huang': 'Sophia Huang Xueqin' is a form of entry 'huang-xueqin' (line 1) too: a form must name one entry"),
    row("glossary/duplicate-form.toml", "extract", 2, "locales/glossary.toml:15: entry 'sophia-huang': 'Sophia Huang Xueqin' is a form of entry 'huang-xueqin' (line 1) too: a form must name one entry"),
    row("glossary/duplicate-table.toml", "glossary check", 2, "locales/glossary.toml:14: invalid TOML: Cannot declare ('huang-xueqin',) twice"),
    row("glossary/duplicate-table.toml", "check", 2, "locales/glossary.toml:14: F101 [error] invalid TOML: Cannot declare ('huang-xueqin',) twice"),
    row("glossary/duplicate-table.toml", "extract", 2, "locales/glossary.toml:14: invalid TOML: Cannot declare ('huang-xueqin',) twice"),
    row("glossary/not-utf8.toml", "glossary check", 2, 'locales/glossary.toml:6: not valid UTF-8 text (save the file as UTF-8)'),
    row("glossary/not-utf8.toml", "check", 2, 'locales/glossary.toml:6: F101 [error] not valid UTF-8 text (save the file as UTF-8)'),
    row("glossary/not-utf8.toml", "extract", 2, 'locales/glossary.toml:6: not valid UTF-8 text (save the file as UTF-8)'),
    row("glossary/wrong-type.toml", "glossary check", 1, "locales/glossary.toml:2: entry 'huang-xueqin': kind must be one of person, organisation, place, office, court, legal-term, event; got 3"),
    row("glossary/wrong-type.toml", "check", 2, "locales/glossary.toml:2: F101 [error] entry 'huang-xueqin': kind must be one of person, organisation, place, office, court, legal-term, event; got 3"),
    row("glossary/wrong-type.toml", "extract", 2, "locales/glossary.toml:2: entry 'huang-xueqin': kind must be one of person, organisation, place, office, court, legal-term, event; got 3"),
    row("settings/bad-toml.toml", "check", 2, 'advocacy.toml:1: invalid TOML: Invalid value'),
    row("settings/bad-toml.toml", "update", 2, 'advocacy.toml:1: invalid TOML: Invalid value'),
    row("settings/deep-nesting.toml", "check", 2, 'advocacy.toml:1: invalid TOML: arrays or tables nested too deeply'),
    row("settings/deep-nesting.toml", "update", 2, 'advocacy.toml:1: invalid TOML: arrays or tables nested too deeply'),
    row("settings/locales-a-table.toml", "check", 2, "advocacy.toml:3: setting 'locales' must be a non-empty list of locale names"),
    row("settings/locales-a-table.toml", "update", 2, "advocacy.toml:3: setting 'locales' must be a non-empty list of locale names"),
    row("settings/locales-not-a-list.toml", "check", 2, "advocacy.toml:1: setting 'locales' must be a non-empty list of locale names"),
    row("settings/locales-not-a-list.toml", "update", 2, "advocacy.toml:1: setting 'locales' must be a non-empty list of locale names"),
    row("settings/not-utf8.toml", "check", 2, 'advocacy.toml:1: not valid UTF-8 text (save the file as UTF-8)'),
    row("settings/not-utf8.toml", "update", 2, 'advocacy.toml:1: not valid UTF-8 text (save the file as UTF-8)'),
    row("settings/pyproject-advocacy-not-a-table.toml", "check", 2, 'pyproject.toml:5: [tool.advocacy] must be a table'),
    row("settings/pyproject-advocacy-not-a-table.toml", "update", 2, 'pyproject.toml:5: [tool.advocacy] must be a table'),
    row("settings/pyproject-select-not-a-list.toml", "check", 2, 'pyproject.toml:2: setting \'select\' must be a list of rule codes or names, e.g. ["M", "doubled-word"]'),
    row("settings/pyproject-select-not-a-list.toml", "update", 2, 'pyproject.toml:2: setting \'select\' must be a list of rule codes or names, e.g. ["M", "doubled-word"]'),
    row("settings/unknown-locale.toml", "check", 2, "advocacy.toml:1: setting 'locales' has unknown locale 'xx_Nowhere'"),
    row("settings/unknown-locale.toml", "update", 2, "advocacy.toml:1: setting 'locales' has unknown locale 'xx_Nowhere'"),
    row("settings/unknown-setting.toml", "check", 2, "advocacy.toml:1: setting 'colour' is unknown (known settings: locales, source_dir, locales_dir, build_dir, glossary, campaign, wrap, select, ignore, extend-select, per-file-ignores, fail-on, opencc)"),
    row("settings/unknown-setting.toml", "update", 2, "advocacy.toml:1: setting 'colour' is unknown (known settings: locales, source_dir, locales_dir, build_dir, glossary, campaign, wrap, select, ignore, extend-select, per-file-ignores, fail-on, opencc)"),
    row("settings/wrap-a-string.toml", "check", 2, "advocacy.toml:2: setting 'wrap' must be a whole number >= 0 (0 means no wrapping)"),
    row("settings/wrap-a-string.toml", "update", 2, "advocacy.toml:2: setting 'wrap' must be a whole number >= 0 (0 means no wrapping)"),
    row("settings/wrap-a-string.toml", "build", 2, "advocacy.toml:2: setting 'wrap' must be a whole number >= 0 (0 means no wrapping)"),
    row("settings/wrap-a-string.toml", "stats", 2, "advocacy.toml:2: setting 'wrap' must be a whole number >= 0 (0 means no wrapping)"),
    row("settings/wrap-negative.toml", "check", 2, "advocacy.toml:1: setting 'wrap' must be a whole number >= 0 (0 means no wrapping)"),
    row("settings/wrap-negative.toml", "update", 2, "advocacy.toml:1: setting 'wrap' must be a whole number >= 0 (0 means no wrapping)"),
    row("source/bad-id.md", "check", 2, "source_texts/letter.md:2: F101 [error] id must use only a-z, 0-9 and '-'; got 'Letter_2024'"),
    row("source/bad-id.md", "extract", 2, "source_texts/letter.md:2: id must use only a-z, 0-9 and '-'; got 'Letter_2024'"),
    row("source/bad-lang.md", "check", 2, "source_texts/letter.md:4: F101 [error] lang: unknown locale 'english-please' (write en, zh_Hans...)"),
    row("source/bad-lang.md", "extract", 2, "source_texts/letter.md:4: lang: unknown locale 'english-please' (write en, zh_Hans...)"),
    # Read as it should be: the same messages as the file with LF line ends.
    row("source/cr-line-ends.md", "check", 0, None),
    row("source/cr-line-ends.md", "extract", 0, None),
    # Nested past markdown-it's limit (20), the rest of the block would be dropped unseen.
    row("source/deep-blockquotes.md", "check", 2, 'source_texts/letter.md:8: F101 [error] lists and quotes nested more than 20 levels deep: Markdown readers stop here and drop the rest of the block'),
    row("source/deep-blockquotes.md", "extract", 2, 'source_texts/letter.md:8: lists and quotes nested more than 20 levels deep: Markdown readers stop here and drop the rest of the block'),
    row("source/deep-emphasis.md", "check", 0, None),
    row("source/deep-emphasis.md", "extract", 0, None),
    row("source/deep-lists.md", "check", 2, 'source_texts/letter.md:17: F101 [error] lists and quotes nested more than 20 levels deep: Markdown readers stop here and drop the rest of the block'),
    row("source/deep-lists.md", "extract", 2, 'source_texts/letter.md:17: lists and quotes nested more than 20 levels deep: Markdown readers stop here and drop the rest of the block'),
    row("source/empty.md", "check", 0, None),
    row("source/empty.md", "extract", 0, None),
    row("source/front-matter-bad-date.md", "check", 2, 'source_texts/letter.md:5: F101 [error] invalid value in front matter: month must be in 1..12'),
    row("source/front-matter-bad-date.md", "extract", 2, 'source_texts/letter.md:5: invalid value in front matter: month must be in 1..12'),
    row("source/front-matter-bad-yaml.md", "check", 2, "source_texts/letter.md:4: F101 [error] invalid YAML in front matter: expected ',' or ']', but got ':'"),
    row("source/front-matter-bad-yaml.md", "extract", 2, "source_texts/letter.md:4: invalid YAML in front matter: expected ',' or ']', but got ':'"),
    row("source/front-matter-billion-laughs.md", "check", 2, 'source_texts/letter.md:5: F101 [error] YAML anchors and aliases are not allowed in front matter'),
    row("source/front-matter-billion-laughs.md", "extract", 2, 'source_texts/letter.md:5: YAML anchors and aliases are not allowed in front matter'),
    row("source/front-matter-control-character.md", "check", 2, 'source_texts/letter.md:3: F101 [error] invalid YAML in front matter: character #x0007 is not allowed'),
    row("source/front-matter-control-character.md", "extract", 2, 'source_texts/letter.md:3: invalid YAML in front matter: character #x0007 is not allowed'),
    row("source/front-matter-date-not-iso.md", "check", 2, "source_texts/letter.md:5: F101 [error] date must be an ISO date (YYYY-MM-DD); got 'next Tuesday'"),
    row("source/front-matter-date-not-iso.md", "extract", 2, "source_texts/letter.md:5: date must be an ISO date (YYYY-MM-DD); got 'next Tuesday'"),
    row("source/front-matter-deep-nesting.md", "check", 2, 'source_texts/letter.md:4: F101 [error] front matter is nested more than 32 levels deep'),
    row("source/front-matter-deep-nesting.md", "extract", 2, 'source_texts/letter.md:4: front matter is nested more than 32 levels deep'),
    row("source/front-matter-duplicate-key.md", "check", 2, "source_texts/letter.md:5: F101 [error] key 'title' is given twice (first at line 3)"),
    row("source/front-matter-duplicate-key.md", "extract", 2, "source_texts/letter.md:5: key 'title' is given twice (first at line 3)"),
    row("source/front-matter-list-key.md", "check", 2, 'source_texts/letter.md:5: F101 [error] front matter keys must be strings'),
    row("source/front-matter-list-key.md", "extract", 2, 'source_texts/letter.md:5: front matter keys must be strings'),
    row("source/front-matter-merge-key.md", "check", 2, 'source_texts/letter.md:4: F101 [error] YAML merge keys (<<) are not allowed in front matter'),
    row("source/front-matter-merge-key.md", "extract", 2, 'source_texts/letter.md:4: YAML merge keys (<<) are not allowed in front matter'),
    row("source/front-matter-not-mapping.md", "check", 2, 'source_texts/letter.md:2: F101 [error] front matter must be a mapping of keys to values'),
    row("source/front-matter-not-mapping.md", "extract", 2, 'source_texts/letter.md:2: front matter must be a mapping of keys to values'),
    row("source/front-matter-python-tag.md", "check", 2, "source_texts/letter.md:3: F101 [error] invalid YAML in front matter: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    row("source/front-matter-python-tag.md", "extract", 2, "source_texts/letter.md:3: invalid YAML in front matter: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    row("source/front-matter-unclosed.md", "check", 2, "source_texts/letter.md:1: F101 [error] front matter opened with '---' is never closed by a '---' line"),
    row("source/front-matter-unclosed.md", "extract", 2, "source_texts/letter.md:1: front matter opened with '---' is never closed by a '---' line"),
    row("source/front-matter-unclosed.md", "build", 2, "source_texts/letter.md:1: front matter opened with '---' is never closed by a '---' line"),
    row("source/front-matter-unclosed.txt", "check", 2, "source_texts/letter.txt:1: F101 [error] front matter opened with '---' is never closed by a '---' line"),
    row("source/front-matter-unclosed.txt", "extract", 2, "source_texts/letter.txt:1: front matter opened with '---' is never closed by a '---' line"),
    row("source/invalid-utf8.md", "check", 2, 'source_texts/letter.md:10: F101 [error] not valid UTF-8 text (save the file as UTF-8)'),
    row("source/invalid-utf8.md", "extract", 2, 'source_texts/letter.md:10: not valid UTF-8 text (save the file as UTF-8)'),
    row("source/nul-byte.md", "check", 2, 'source_texts/letter.md:10: F101 [error] NUL byte: a source text is text (is this a binary file?)'),
    row("source/nul-byte.md", "extract", 2, 'source_texts/letter.md:10: NUL byte: a source text is text (is this a binary file?)'),
    row("source/only-front-matter.md", "check", 0, None),
    row("source/only-front-matter.md", "extract", 0, None),
    row("source/png-named-md.md", "check", 2, 'source_texts/letter.md:3: F101 [error] NUL byte: a source text is text (is this a binary file?)'),
    row("source/png-named-md.md", "extract", 2, 'source_texts/letter.md:3: NUL byte: a source text is text (is this a binary file?)'),
    row("source/recipient-duplicate-id.md", "check", 2, "source_texts/letter.md:9: F101 [error] recipient id 'zhang-rui' is given twice (first at line 7)"),
    row("source/recipient-duplicate-id.md", "extract", 2, "source_texts/letter.md:9: recipient id 'zhang-rui' is given twice (first at line 7)"),
    row("source/recipients-not-list.md", "check", 2, "source_texts/letter.md:6: F101 [error] 'recipients' must be a list"),
    row("source/recipients-not-list.md", "extract", 2, "source_texts/letter.md:6: 'recipients' must be a list"),
    row("source/utf16.md", "check", 2, 'source_texts/letter.md:1: F101 [error] the file is UTF-16 text: save it as UTF-8'),
    row("source/utf16.md", "extract", 2, 'source_texts/letter.md:1: the file is UTF-16 text: save it as UTF-8'),
    row("template/unterminated-string.pot", "check", 2, 'locales/letter.pot:15: F101 [error] unterminated string (missing closing quote)'),
    row("template/unterminated-string.pot", "update", 2, 'locales/letter.pot:15: unterminated string (missing closing quote)'),
    row("template/unterminated-string.pot", "stats", 2, 'locales/letter.pot:15: unterminated string (missing closing quote)'),
]


def place(file: str) -> str:
    return ELSEWHERE.get(file, PLACES[file.split("/")[0]])


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "workspace"
    shutil.copytree(WORKSPACE, root)
    monkeypatch.chdir(root)  # paths in messages are relative to the current folder
    monkeypatch.setenv("ADVOCACY_CACHE_DIR", str(tmp_path / "cache"))
    return root


def drop(root: Path, file: str) -> None:
    """Put the bad file in its place (a sibling source goes, so that ids stay unique)."""
    target = root / place(file)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix == ".txt":
        (root / "source_texts" / "letter.md").unlink()
    source = BAD / file
    if source.is_dir():
        target.unlink()
        shutil.copytree(source, target)
    else:
        shutil.copyfile(source, target)


def test_there_are_enough_bad_files() -> None:
    files = {case.values[0] for case in CASES}  # type: ignore[attr-defined]
    assert len(files) >= 40
    kept = {p.relative_to(BAD).parts[:2] for p in BAD.rglob("*") if "workspace" not in p.parts}
    assert {tuple(f.split("/")) for f in files} >= {k for k in kept if len(k) == 2}


@pytest.mark.parametrize(("file", "command", "status", "expected"), CASES)
def test_bad_input(
    workspace: Path, file: str, command: str, status: int, expected: str | None
) -> None:
    drop(workspace, file)
    before = snapshot(workspace)
    args = command.split() + (["--no-cache"] if command == "check" else [])
    result = CliRunner().invoke(cli, args)
    out, err = result.stdout, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), out + err
    assert "Traceback" not in out + err
    assert result.exit_code == status, out + err
    lines = (out + err).splitlines()
    if expected is not None:
        assert lines.count(expected) == 1, out + err
    else:
        assert not [line for line in lines if line.startswith(place(file)) and " F1" in line]
    if command == "check" and not file.startswith("settings/"):
        assert [line for line in lines if " F101 " in line] == ([expected] if status == 2 else [])
        assert set(OTHERS) <= set(lines), "the other files were not all checked"
    elif status == 2:
        assert err == f"{expected}\n", "one line on stderr, nothing else"
    if status == 2:
        assert snapshot(workspace) == before, "nothing is written when an input is bad"


# A file read in another encoding or with other line ends is the same catalogue as the plain
# UTF-8 one: same entries, same layout once written (the header keeps the charset it declared).
SAME_CATALOGUE = ["bom.po", "crlf.po", "cr.po", "bom-crlf.po", "gb2312-declared.po"]


@pytest.mark.parametrize("name", SAME_CATALOGUE)
def test_encodings_and_line_ends_read_as_utf8(name: str) -> None:
    plain = format_catalog(read_catalog(BAD / "catalogue" / "empty-obsolete-mark.po"))
    read = format_catalog(read_catalog(BAD / "catalogue" / name))
    plain = plain.split("\n\n#~", 1)[0] + "\n"  # that file has one obsolete entry more
    assert read.replace("charset=GB2312", "charset=UTF-8") == plain


def test_latin1_declared_is_converted() -> None:
    catalogue = read_catalog(BAD / "catalogue" / "latin1-declared.po")
    assert catalogue[1].msgstr == "Libérez-les maintenant"


def test_update_converts_a_latin1_catalogue_to_utf8(workspace: Path) -> None:
    (workspace / "advocacy.toml").write_text('locales = ["en", "fr"]\n', encoding="utf-8")
    drop(workspace, "catalogue/latin1-declared.po")
    result = CliRunner().invoke(cli, ["update"])
    assert result.exit_code == 0, result.stdout + result.stderr
    text = (workspace / "locales/fr/LC_MESSAGES/letter.po").read_bytes().decode("utf-8")
    assert '"Content-Type: text/plain; charset=UTF-8\\n"' in text
    assert 'msgstr "Libérez-les maintenant"' in text


def test_cr_line_ends_in_a_source_are_line_ends() -> None:
    crlf = load_document(BAD / "source" / "cr-line-ends.md")
    plain = load_document(WORKSPACE / "source_texts" / "letter.md")
    assert [(s.text, s.line) for s in crlf.segments] == [(s.text, s.line) for s in plain.segments]


def _write_big_catalogue(path: Path, size: int) -> int:
    """A catalogue of ``size`` bytes or a little more, written in pieces; its entry count."""
    header = (WORKSPACE / "locales/zh_Hans/LC_MESSAGES/letter.po").read_text(encoding="utf-8")
    header = header.split("\n\n", 1)[0] + "\n\n"
    count, written = 0, 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write(header)
        while written < size:
            block = "".join(
                f"#: source_texts/letter.md:{count + n}\n#. type: paragraph\n"
                f'msgid "Huang Xueqin was detained in Guangzhou, entry {count + n}."\n'
                f'msgstr "黄雪琴在广州被拘留，第{count + n}条。"\n\n'
                for n in range(1000)
            )
            handle.write(block)
            written += len(block.encode("utf-8"))
            count += 1000
    return count


def test_fifty_megabyte_catalogue_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.po"
    count = _write_big_catalogue(path, 50_000_000)
    # A fresh interpreter, so that its peak resident memory is the reading's alone.
    script = textwrap.dedent(
        f"""
        import resource, sys
        from pathlib import Path
        from toolkit.catalog.reader import read_catalog
        catalogue = read_catalog(Path({str(path)!r}))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(len(catalogue), peak)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    entries, peak_mb = map(int, done.stdout.split())
    assert entries == count
    assert peak_mb < 500, f"reading a 50 MB catalogue took {peak_mb} MB"


ONE_MB_EN = "Huang Xueqin and Wang Jianbing were detained in Guangzhou for their work. "
ONE_MB_ZH = "黄雪琴和王建兵因其工作在广州被拘留。"


def test_one_megabyte_line(workspace: Path) -> None:
    """A 1 MB line in a catalogue and in a source: read whole, checked, in bounded memory."""
    msgid = (ONE_MB_EN * (1_000_000 // len(ONE_MB_EN) + 1)).strip()
    msgstr = ONE_MB_ZH * (1_000_000 // len(ONE_MB_ZH.encode()) + 1)
    catalogue = workspace / "locales/zh_Hans/LC_MESSAGES/other.po"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text + f'\nmsgid "{msgid}"\nmsgstr "{msgstr}"\n', encoding="utf-8")
    source = workspace / "source_texts" / "other.md"
    source.write_text(source.read_text(encoding="utf-8") + f"\n{msgid}\n", encoding="utf-8")
    tracemalloc.start()
    try:
        entry = read_catalog(catalogue)[-1]
        document = load_document(source)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (entry.msgid, entry.msgstr) == (msgid, msgstr)
    assert document.segments[-1].text == msgid
    assert peak < 60_000_000, f"{peak / 1e6:.0f} MB to read 1 MB lines"
    result = CliRunner().invoke(cli, ["check", "--no-cache"])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "in 8 files, 30 entries" in result.stdout
    # The same line left unterminated: an error at its line, not a misreading.
    catalogue.write_text(text + f'\nmsgid "{msgid}"\nmsgstr "{msgstr}\n', encoding="utf-8")
    line = text.count("\n") + 3
    result = CliRunner().invoke(cli, ["check", "--no-cache"])
    assert result.exit_code == 2
    assert (
        f"locales/zh_Hans/LC_MESSAGES/other.po:{line}: F101 [error]"
        " unterminated string (missing closing quote)"
    ) in result.stdout.splitlines()
