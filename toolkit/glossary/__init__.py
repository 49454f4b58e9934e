"""The glossary (``locales/glossary.toml``): names and terms with their forms in every locale."""

from toolkit.glossary.index import Glossary, Homophone
from toolkit.glossary.load import load_glossary, read_glossary
from toolkit.glossary.match import Mention
from toolkit.glossary.model import Entry, Kind, Status

__all__ = [
    "Entry",
    "Glossary",
    "Homophone",
    "Kind",
    "Mention",
    "Status",
    "load_glossary",
    "read_glossary",
]
