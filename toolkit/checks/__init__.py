"""The checks: importing this package registers every check family."""

from toolkit.checks import (
    completeness,
    format,
    markup,
    placeholders,
    punctuation,
    script,
    typography,
)

FAMILIES = (completeness, format, markup, placeholders, punctuation, script, typography)
