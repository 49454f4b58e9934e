"""A new campaign workspace (``advocacy init``): settings, folders and commented examples."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from toolkit.errors import InputError

# Where each template (package data in ``toolkit/init/templates/``) goes in the new workspace.
FILES = (
    ("advocacy.toml", "advocacy.toml"),
    ("example-appeal.md", "source_texts/example-appeal.md"),
    ("glossary.toml", "locales/glossary.toml"),
    ("campaign.toml", "locales/campaign.toml"),
)


def template(name: str) -> str:
    """The text of one template file."""
    return (files("toolkit.init") / "templates" / name).read_text(encoding="utf-8")


def init_workspace(folder: Path) -> list[Path]:
    """Make a campaign workspace in ``folder`` (created if needed); the files written, in order.

    Nothing is overwritten: when any of the files exists already, nothing is written and an
    ``InputError`` names it.
    """
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, None, "exists and is not a folder")
    targets = [(folder / relative, template(name)) for name, relative in FILES]
    for path, _ in targets:
        if path.exists() or path.is_symlink():
            raise InputError(path, None, "already exists: advocacy init never overwrites a file")
        for parent in path.relative_to(folder).parents:
            if (folder / parent).exists() and not (folder / parent).is_dir():
                raise InputError(folder / parent, None, "exists and is not a folder")
    written: list[Path] = []
    for path, text in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # "x": a file that appeared meanwhile is still not overwritten.
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
        except FileExistsError:
            raise InputError(
                path, None, "already exists: advocacy init never overwrites a file"
            ) from None
        written.append(path)
    return written
