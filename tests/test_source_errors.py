"""Bad sources: one ``path:line: message`` error, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.source import load_document, load_documents

CASES = [
    pytest.param(b"---\ntitle: [unclosed\n---\n", 3, "invalid YAML", id="bad-yaml"),
    pytest.param(b"---\ntitle: x\n", 1, "never closed", id="unclosed-front-matter"),
    pytest.param(b"---\n- a\n- b\n---\n", 2, "mapping", id="front-matter-not-mapping"),
    pytest.param(b"---\nid: Bad_Id\n---\n", 2, "a-z, 0-9", id="bad-id"),
    pytest.param(b"---\ndate: next week\n---\n", 2, "ISO date", id="bad-date"),
    pytest.param(b"---\nlang: klingon-x\n---\n", 2, "unknown locale", id="bad-lang"),
    pytest.param(b"ok\n\xff\xfe bad\n", 2, "UTF-8", id="not-utf8"),
    pytest.param(b"---\na: &x [1, 2]\nb: *x\n---\n", 3, "aliases are not allowed", id="yaml-alias"),
    pytest.param(
        b"---\nrecipients:\n  - name: N\n---\n", 3, "needs an 'id'", id="recipient-without-id"
    ),
    pytest.param(b"---\nrecipients: x\n---\n", 2, "must be a list", id="recipients-not-list"),
]


@pytest.mark.parametrize(("data", "line", "message"), CASES)
def test_bad_source(tmp_path: Path, data: bytes, line: int, message: str) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        load_document(path)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:{line}: ")
    assert "\n" not in str(caught.value)


def test_file_name_used_as_id_must_be_valid(tmp_path: Path) -> None:
    path = tmp_path / "000_seed.txt"
    path.write_text("Text\n", encoding="utf-8")
    with pytest.raises(InputError, match="file name '000_seed'"):
        load_document(path)


def test_two_documents_with_one_id(tmp_path: Path) -> None:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text("---\nid: same\n---\nA\n", encoding="utf-8")
    second.write_text("---\nid: same\n---\nB\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_documents([first, second])
    assert str(caught.value) == f"{second}:2: id 'same' is already used by {first}"


def test_bom_and_crlf_are_read(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes(b"\xef\xbb\xbf# Title\r\n\r\nBody\r\n")
    assert [s.text for s in load_document(path).segments] == ["Title", "Body"]
