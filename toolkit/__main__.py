"""``python -m toolkit``: the same command line as ``advocacy``."""

from toolkit.cli import main

main()
