"""OpenCC's conversions remembered between runs, and where the toolkit caches what it computes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.cachedir import cache_dir
from toolkit.glossary import conversions
from toolkit.glossary.conversions import Conversions


def test_a_conversion_is_kept_and_read_back_without_opencc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "opencc.json"
    first = Conversions(path)
    assert first.convert("s2t", "黄雪琴") == "黃雪琴"
    first.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {"s2t": {"黄雪琴": "黃雪琴"}}

    def refuse(config: str, text: str) -> str:
        raise AssertionError("OpenCC asked again")

    monkeypatch.setattr(conversions, "convert", refuse)
    assert Conversions(path).convert("s2t", "黄雪琴") == "黃雪琴"


@pytest.mark.parametrize(
    "content",
    [b"not json", b"[1, 2]", b'{"s2t": {"a": 3}}', b'{"s2t": "x"}', b"\xff\xfe"],
    ids=["not-json", "a-list", "not-a-string", "not-a-table", "not-utf8"],
)
def test_a_broken_memo_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "opencc.json"
    path.write_bytes(content)
    memo = Conversions(path)
    assert memo.convert("t2s", "黃雪琴") == "黄雪琴"
    memo.save()  # written again whole
    assert json.loads(path.read_text(encoding="utf-8")) == {"t2s": {"黃雪琴": "黄雪琴"}}


def test_a_memo_that_cannot_be_written_is_not_used(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    memo = Conversions(blocker / "opencc.json")  # its folder is a file
    assert memo.convert("s2t", "联合声明") == "聯合聲明"
    memo.save()  # no error


def test_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVOCACY_CACHE_DIR", str(tmp_path / "explicit"))
    assert cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("ADVOCACY_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "advocacy-toolkit" / "check"
    monkeypatch.delenv("XDG_CACHE_HOME")

    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", homeless)
    assert cache_dir() is None  # a service account without a home: nothing cached, no crash


def test_check_without_any_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No cache folder at all: the workspace is checked (its glossary read) and nothing kept."""
    from click.testing import CliRunner

    from toolkit.cli import cli

    root = Path(__file__).resolve().parents[1]
    monkeypatch.delenv("ADVOCACY_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", lambda: (_ for _ in ()).throw(RuntimeError("no home")))
    conversions.remembered.cache_clear()
    try:
        catalogue = root / "locales" / "zh_Hans" / "LC_MESSAGES" / "urgent-action-2024.po"
        for _ in range(2):
            result = CliRunner().invoke(cli, ["--root", str(root), "check", str(catalogue)])
            assert result.exit_code == 0, result.output
            assert "0 findings" in result.stdout
    finally:
        conversions.remembered.cache_clear()
