"""SECURITY.md names real tests: each ``test_...`` it cites is defined in the test suite."""

from __future__ import annotations

import re
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]


def test_every_test_named_in_security_md_exists() -> None:
    cited = set(re.findall(r"\btest_[a-z0-9_]+\b", (REPOSITORY / "SECURITY.md").read_text("utf-8")))
    defined = {
        name
        for path in (REPOSITORY / "tests").rglob("test_*.py")
        for name in re.findall(r"^def (test_[a-z0-9_]+)", path.read_text("utf-8"), re.M)
    }
    files = {path.stem for path in (REPOSITORY / "tests").rglob("test_*.py")}
    assert cited - defined - files == set()
