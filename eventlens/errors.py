"""One error hierarchy for eventlens. Every error carries a short code (E001...) and says the fix."""
from __future__ import annotations


class EventlensError(Exception):
    """Base of every error eventlens raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, where: str | None = None, fix: str | None = None):
        self.message = message
        self.where = where
        self.fix = fix
        super().__init__(self.one_line())

    def one_line(self) -> str:
        parts = [f"[{self.code}]"]
        if self.where:
            parts.append(f"{self.where}:")
        parts.append(self.message)
        if self.fix:
            parts.append(f"-- {self.fix}")
        return " ".join(parts)


class InputError(EventlensError):
    """An input article could not be read: it is skipped and the batch goes on."""

    code = "E001"


class DictionaryError(EventlensError):
    """A line of a dictionary or lexicon file could not be read: it is skipped, the rest loads."""

    code = "E002"


class UsageError(EventlensError):
    """The command line asked for something that cannot be done."""

    code = "E003"


class OntologyError(EventlensError):
    """A CAMEO or PLOVER code that does not exist in the ontology tables."""

    code = "E004"
