"""Atheris harness: any bytes as a source text (Markdown and plain text), segmented and rebuilt.

    .venv/bin/python tests/fuzz/fuzz_segmenter.py -workers=1 -max_total_time=1800 \
        -max_len=16384 -timeout=30 -rss_limit_mb=2048 CORPUS_DIR tests/data

The properties are `properties.segmenter`'s; `tests/fuzz/session.sh` runs a whole session.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).parent))
with atheris.instrument_imports(
    include=["toolkit", "markdown_it", "mdit_py_plugins", "yaml", "properties"]
):
    import properties
from _harness import guarded

if __name__ == "__main__":
    atheris.Setup(sys.argv, guarded(properties.segmenter))
    atheris.Fuzz()
