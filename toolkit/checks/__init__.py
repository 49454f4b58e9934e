"""The checks: importing this package registers every check family."""

from toolkit.checks import completeness, format, markup, punctuation, script, typography  # noqa: F401  (registration by import)
