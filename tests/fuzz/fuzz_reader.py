"""Atheris harness: any bytes through the catalogue reader, and what it reads through the writer.

    .venv/bin/python tests/fuzz/fuzz_reader.py -workers=1 -max_total_time=1800 \
        -max_len=16384 -timeout=30 -rss_limit_mb=2048 CORPUS_DIR tests/data

The properties are `properties.reader`'s; `tests/fuzz/session.sh` runs a whole session.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).parent))
with atheris.instrument_imports(include=["toolkit", "polib", "properties"]):
    import properties
from _harness import guarded

if __name__ == "__main__":
    atheris.Setup(sys.argv, guarded(properties.reader))
    atheris.Fuzz()
