"""Settings: defaults, discovery and one clear error for a bad value."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.settings import find_root, load_settings


def test_defaults(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    assert settings.locales == ("en", "zh_Hans", "zh_Hant")
    assert settings.wrap == 79
    assert settings.source_dir == tmp_path.resolve() / "source_texts"
    assert settings.catalogue_path("ua", "zh_Hans") == (
        tmp_path.resolve() / "locales" / "zh_Hans" / "LC_MESSAGES" / "ua.po"
    )


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.advocacy]\nlocales = ["en", "zh_CN"]\nwrap = 0\nsource_dir = "docs"\n',
        encoding="utf-8",
    )
    settings = load_settings(tmp_path)
    assert settings.locales == ("en", "zh_CN")
    assert settings.wrap == 0
    assert settings.source_dir.name == "docs"
    assert find_root(tmp_path) == tmp_path.resolve()


BAD = [
    pytest.param('wrap = "wide"\n', 1, "'wrap' must be a whole number", id="wrap-string"),
    pytest.param("wrap = -1\n", 1, "'wrap' must be a whole number", id="wrap-negative"),
    pytest.param('locales = "en"\n', 1, "'locales' must be a non-empty list", id="locales-string"),
    pytest.param('\nlocales = ["xx_Klingon"]\n', 2, "unknown locale", id="locale-unknown"),
    # parse_locale alone reads "en./../x" as en (what follows the dot as an encoding).
    pytest.param('locales = ["en./../x"]\n', 1, "has 'en./../x': write locales as ll", id="locale-path"),
    pytest.param("colour = 1\n", 1, "'colour' is unknown", id="unknown-key"),
    pytest.param("wrap = \n", 1, "invalid TOML", id="bad-toml"),
    pytest.param("source_dir = 3\n", 1, "'source_dir' must be a folder", id="path-not-string"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD)
def test_bad_settings(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "advocacy.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_settings(tmp_path)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path.resolve()}:{line}: ")


def test_tool_advocacy_must_be_a_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool]\nadvocacy = "yes"\n', encoding="utf-8")
    with pytest.raises(InputError, match="must be a table"):
        load_settings(tmp_path)
