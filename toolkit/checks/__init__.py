"""The checks: importing this package registers every check family."""

from toolkit.checks import completeness, format, script  # noqa: F401  (registration by import)
