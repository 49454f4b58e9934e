"""Where the toolkit keeps what it may compute again: check results, OpenCC's conversions."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """``$ADVOCACY_CACHE_DIR``, else ``$XDG_CACHE_HOME/advocacy-toolkit/check``, else
    ``~/.cache/advocacy-toolkit/check``; None with neither variable and no home folder (a
    service account): nothing is cached then."""
    explicit = os.environ.get("ADVOCACY_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(base) / "advocacy-toolkit" / "check"
