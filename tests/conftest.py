"""Shared test options and fixtures."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from toolkit.glossary.conversions import remembered

# Property tests that do not set their own number of examples: modest by default, so that the
# suite stays fast in CI; HYPOTHESIS_PROFILE=long for a local soak of many more.
settings.register_profile("ci", max_examples=40, deadline=None)
settings.register_profile("long", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session", autouse=True)
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The suite's own cache folder (results, OpenCC's conversions), never the user's: tests
    that need theirs set ``ADVOCACY_CACHE_DIR`` again."""
    patch = pytest.MonkeyPatch()
    patch.setenv("ADVOCACY_CACHE_DIR", str(tmp_path_factory.mktemp("advocacy-cache")))
    remembered.cache_clear()  # its folder is chosen on first use
    yield
    patch.undo()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output instead of comparing",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files."""
    return bool(request.config.getoption("--update-golden"))


# The real catalogues of ../shared/corpus/ (beside the repository): robustness and speed data.
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """A test taking `corpus_file` runs once per real .po/.pot file (skipped without them)."""
    if "corpus_file" in metafunc.fixturenames:
        files = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".po", ".pot"))
        params = [pytest.param(p, id=p.relative_to(CORPUS).as_posix()) for p in files]
        absent = f"no real catalogues: {CORPUS} (shared/corpus beside the repository) is missing"
        none = pytest.param(None, id="no-corpus", marks=pytest.mark.skip(reason=absent))
        metafunc.parametrize("corpus_file", params or [none])


@pytest.fixture(scope="session")
def msgcat() -> Callable[[Path, int], str]:
    """GNU msgcat as a function: its text for a catalogue at a width (0 means --no-wrap).

    --force-po only makes it write a catalogue that holds nothing but a header.
    """
    if shutil.which("msgcat") is None:
        pytest.skip("GNU gettext's msgcat is not installed")

    def run(path: Path, width: int = 79) -> str:
        option = "--no-wrap" if width == 0 else f"--width={width}"
        done = subprocess.run(
            ["msgcat", "--force-po", option, str(path)], capture_output=True, check=False
        )
        assert done.returncode == 0, f"msgcat failed on {path}: {done.stderr.decode()}"
        return done.stdout.decode("utf-8")

    return run
