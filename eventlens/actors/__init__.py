"""Actors: who is named in a text. Built-in dictionaries (countries, sectors, organisations, people),
PETRARCH-format imports, and the matcher that finds them in a parsed sentence."""
from __future__ import annotations

from functools import lru_cache

from ..models import DictEntry
from .matcher import ActorDictionary, Mention


@lru_cache(maxsize=1)
def builtin_entries() -> tuple[DictEntry, ...]:
    from .countries import country_entries
    from .people import people_entries
    from .sectors import organisation_entries, sector_entries

    return (*country_entries(), *sector_entries(), *organisation_entries(), *people_entries())


def build_dictionary(actor_files=(), agent_files=()) -> tuple[ActorDictionary, list]:
    """The built-in dictionary plus PETRARCH-format files; returns it with the problems found in files."""
    entries = list(builtin_entries())
    problems: list = []
    if actor_files or agent_files:
        from .petrarch import load_actor_dictionary, load_agent_dictionary

        for path in actor_files:
            found, errs = load_actor_dictionary(path)
            entries.extend(found)
            problems.extend(errs)
        for path in agent_files:
            found, errs = load_agent_dictionary(path)
            entries.extend(found)
            problems.extend(errs)
    return ActorDictionary(entries), problems


__all__ = ["ActorDictionary", "Mention", "builtin_entries", "build_dictionary"]
