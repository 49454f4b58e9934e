"""The result cache: a stored result reads back equal, and a broken entry reads as absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from toolkit.check import check
from toolkit.checks import cache
from toolkit.checks.analyse import FileResult
from toolkit.checks.engine import Options
from toolkit.checks.suppress import Suppression
from toolkit.fsutil import write_cache_file
from toolkit.model import Category, Finding, Location, Severity

FULL = Finding(
    code="M102",
    name="code-changed",
    category=Category.MARKUP,
    severity=Severity.ERROR,
    message="code `len` of the source is missing or changed: copy it unchanged",
    location=Location("locales/zh_Hans/LC_MESSAGES/a.po", 12),
    document="a",
    locale="zh_Hans",
    msgctxt="heading",
    msgid="Call `len`.\n",
    msgstr="调用 `长度`。\n",
    source=Location("source_texts/a.md", 3),
)
BARE = Finding(
    code="F101",
    name="unreadable",
    category=Category.FORMAT,
    severity=Severity.ERROR,
    message='line 4: unterminated string "王建兵',
    location=Location("b.po", None),
)

RESULTS = [
    FileResult("empty.po"),
    FileResult("b.po", entries=0, findings=[BARE], unreadable=True),
    FileResult(
        "a.po",
        entries=7,
        findings=[FULL, BARE],
        suppressions=[Suppression(12, ("M102", "code-changed"), False), Suppression(3, (), True)],
        keys="9f86d081884c7d65",
    ),
]


@pytest.mark.parametrize("result", RESULTS, ids=[r.shown for r in RESULTS])
def test_a_stored_result_reads_back_equal(tmp_path: Path, result: FileResult) -> None:
    cache.store(tmp_path, "ab" + "0" * 62, result)
    assert cache.load(tmp_path, "ab" + "0" * 62) == result


@pytest.mark.parametrize(
    "content",
    ["", "{", "[]", '{"shown": "a.po"}', '{"shown": "a.po", "entries": 1, "findings": [[1]], '
     '"suppressions": [], "unreadable": false, "keys": null}'],
)  # fmt: skip
def test_a_broken_entry_reads_as_absent(tmp_path: Path, content: str) -> None:
    """A cache entry cut short by a crash (it is not flushed to disk) or of an older layout."""
    (tmp_path / "ab").mkdir()
    (tmp_path / "ab" / f"ab{'0' * 62}.json").write_text(content, encoding="utf-8")
    assert cache.load(tmp_path, "ab" + "0" * 62) is None


def test_cache_file_written_whole_leaving_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "entry.json"  # its folder made on the way
    write_cache_file(target, "黄雪琴")
    assert target.read_text(encoding="utf-8") == "黄雪琴"
    # What a killed writer of this process's number left is overwritten, then renamed away.
    (target.parent / f".entry.json.{os.getpid()}.tmp").write_text("half", encoding="utf-8")
    write_cache_file(target, "王建兵")
    assert target.read_text(encoding="utf-8") == "王建兵"
    assert sorted(os.listdir(target.parent)) == ["entry.json"]


def _catalogues(folder: Path, count: int) -> list[Path]:
    """``count`` catalogues, each with findings of its own (an untranslated and a fuzzy entry,
    a number lost) so that results differ from file to file."""
    paths = []
    for index in range(count):
        path = folder / f"doc{index:02}" / "zh_Hans.po"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = (
            'msgid ""\nmsgstr ""\n"Language: zh_Hans\\n"\n\n'
            f'msgid "Held for {index + 2} years."\nmsgstr "被关押{index + 3}年。"\n\n'
            'msgid "Free them."\nmsgstr ""\n\n'
            + "".join(f'#, fuzzy\nmsgid "Line {n}."\nmsgstr "第{n}行。"\n\n' for n in range(index))
        )
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def test_workers_and_cache_give_the_results_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files dealt out to workers (largest first) as they are found uncached, the others read
    from the cache: the report is the one a single process without a cache gives."""
    monkeypatch.setenv("ADVOCACY_CACHE_DIR", str(tmp_path / "cache"))
    paths = _catalogues(tmp_path / "corpus", 20)

    def report(jobs: int, use_cache: bool) -> list[Finding]:
        return check(paths, None, Options(jobs=jobs, use_cache=use_cache)).findings

    expected = report(1, False)
    assert {f.code for f in expected} >= {"C101", "C102", "Q101"}
    assert report(2, True) == expected  # every file checked by the workers, then kept
    assert len(list((tmp_path / "cache").glob("??/*.json"))) == 20
    assert report(2, True) == expected  # every file from the cache: no worker started
    paths[7].write_text(paths[7].read_text(encoding="utf-8").replace("3年", "30年"), "utf-8")
    paths[12].write_text('msgid "Free them.\nmsgstr ""\n', encoding="utf-8")  # unterminated
    changed = report(1, False)
    assert changed != expected
    assert report(2, True) == changed  # one file checked again, one unreadable, others cached
