"""Gold-standard records: the team's JSONL gold sets and the PLOVER GSR, read into one shape.

A team gold line is ``{"id", "text", "date"?, "expected": [{"source", "target", "code"}], "plover"?}``;
``expected: []`` says the sentence holds no event. A PLOVER GSR line (recognised by its
``event_plover_current`` field) carries PLOVER types and actor codes but no CAMEO codes, so its
record is marked ``has_codes=False`` and only the PLOVER and actor-only metrics look at it.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..ontology import PLOVER_EVENTS, is_code

# Labels a gold record's `plover` may take: the 16 types, plus NONE for "no event here".
PLOVER_LABELS = frozenset(PLOVER_EVENTS) | {"NONE"}

# GSR sectors that carry no role: "***" marks an actor the coders could not place.
_GSR_NO_SECTOR = {"***", ""}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event. `code` is None only for GSR records, which have no CAMEO codes."""

    source: str
    target: str | None
    code: str | None


@dataclass(slots=True)
class GoldRecord:
    id: str
    text: str
    date: dt.date | None
    expected: list[GoldEvent]
    plover: str | None = None
    has_codes: bool = True  # False: CAMEO-code metrics (exact match, full/base/root/quad) skip it
    has_actors: bool = True  # False: the actor-only metric skips it too (GSR line without a source)
    origin: str = ""  # file:line, for messages


def parse_date(value: object, *, where: str) -> dt.date | None:
    """YYYY-MM-DD or YYYYMMDD (a string or an int); None or "" for no date."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise InputError(f"date {value!r} is neither YYYY-MM-DD nor YYYYMMDD", where=where,
                     fix="write the date as 2024-05-17 or 20240517, or leave it out")


def _text_field(obj: dict, key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"field {key!r} must be a non-empty string", where=where)
    return value


def _plover_label(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or value.upper() not in PLOVER_LABELS:
        raise InputError(f"plover {value!r} is not a PLOVER event type", where=where,
                         fix="use one of " + ", ".join(sorted(PLOVER_LABELS)))
    return value.upper()


def _team_event(item: object, where: str) -> GoldEvent:
    if not isinstance(item, dict):
        raise InputError("each entry of 'expected' must be an object {source, target, code}", where=where)
    source = item.get("source")
    target = item.get("target")
    code = item.get("code")
    if not isinstance(source, str) or not source.strip():
        raise InputError("an expected event needs a source actor code", where=where)
    if target is not None and (not isinstance(target, str) or not target.strip()):
        raise InputError("an expected event's target must be an actor code or null", where=where)
    if not isinstance(code, str) or not is_code(code):
        raise InputError(f"expected event code {code!r} is not a CAMEO code", where=where,
                         fix="write the code as a string with its leading zero, e.g. \"036\"")
    return GoldEvent(source.strip().upper(), target.strip().upper() if target else None, code)


def record_from_team(obj: dict, *, where: str) -> GoldRecord:
    """A line of a team gold set (eval/gold/*.jsonl)."""
    expected = obj.get("expected")
    if expected is None and isinstance(obj.get("events"), list):
        # An annotated corpus record (eventlens.learn.corpus): its events, in the scored shape.
        from ..learn.corpus import expected_of

        expected = expected_of(obj)
    if not isinstance(expected, list):
        raise InputError("field 'expected' must be a list (empty for a sentence without events)", where=where)
    return GoldRecord(
        id=str(_text_field(obj, "id", where)),
        text=_text_field(obj, "text", where),
        date=parse_date(obj.get("date"), where=where),
        expected=[_team_event(item, where) for item in expected],
        plover=_plover_label(obj.get("plover"), where),
        has_codes=True,
        has_actors=True,
        origin=where,
    )


def _gsr_actor_code(actor: object) -> str | None:
    """Country (or bare IGO/NGO/IMG) code plus the primary sector: {"code": "HUN", "sector": "GOV"} -> HUNGOV.

    GSR sectors sometimes carry an ethnic or religious suffix ("CVLalb", "REBMOS"); only the first three
    letters are the CAMEO role, and strict matching against a coder's code only makes sense on those.
    """
    if not isinstance(actor, dict):
        return None
    code = actor.get("code")
    if not isinstance(code, str) or not code.strip():
        return None
    sector = actor.get("sector")
    role = sector.strip()[:3].upper() if isinstance(sector, str) and sector.strip() not in _GSR_NO_SECTOR else ""
    return code.strip().upper() + role


def record_from_gsr(obj: dict, *, where: str) -> GoldRecord:
    """A PLOVER GSR line: expected events are actor x recipient; no CAMEO code (has_codes=False).

    Where the markup says the actors act on each other ("SRC/TAR" spans) and no recipient is given,
    each actor is the target of the others: "A and B agreed" expects A->B and B->A. A line with
    actors but no recipient expects untargeted events; a line with no usable actor code (a passive
    sentence with no agent) is left out of the actor metric (has_actors=False).
    """
    sources = [c for c in map(_gsr_actor_code, obj.get("actor") or []) if c]
    targets = [c for c in map(_gsr_actor_code, obj.get("recipient") or []) if c]
    mutual = "SRC/TAR" in (obj.get("markup") or "")
    if not targets and mutual and len(sources) >= 2:
        pairs = [(a, b) for i, a in enumerate(sources) for j, b in enumerate(sources) if i != j]
    else:
        pairs = [(a, b) for a in sources for b in (targets or [None])]
    return GoldRecord(
        id=str(_text_field(obj, "id", where)),
        text=_text_field(obj, "text", where),
        date=parse_date(obj.get("date"), where=where),
        expected=[GoldEvent(a, b, None) for a, b in pairs],
        plover=_plover_label(obj.get("event_plover_current"), where),
        has_codes=False,
        has_actors=bool(pairs),
        origin=where,
    )


def is_gsr_line(obj: dict) -> bool:
    return "event_plover_current" in obj and "expected" not in obj


def read_gold(path: str | Path) -> list[GoldRecord]:
    """Every record of a gold file. Team lines and GSR lines may be mixed; blank lines are skipped.

    Raises InputError naming file:line for a line that is not JSON, lacks a field, has a code CAMEO
    does not have, or repeats an id. (A repeated id on a GSR line is renamed "ID~LINE" instead.)
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read gold file: {exc.strerror or exc}", where=str(path)) from None
    records: list[GoldRecord] = []
    seen: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON ({exc.msg})", where=where) from None
        if not isinstance(obj, dict):
            raise InputError("a gold line must be a JSON object", where=where)
        gsr = is_gsr_line(obj)
        record = record_from_gsr(obj, where=where) if gsr else record_from_team(obj, where=where)
        if gsr and record.id in seen:
            # The published GSR reuses an id for two different sentences; we cannot fix that file,
            # so the later record is told apart by its line number.
            record.id = f"{record.id}~{number}"
        if record.id in seen:
            raise InputError(f"id {record.id!r} already used at {seen[record.id]}", where=where)
        seen[record.id] = where
        records.append(record)
    return records


__all__ = ["GoldEvent", "GoldRecord", "PLOVER_LABELS", "is_gsr_line", "parse_date", "read_gold",
           "record_from_gsr", "record_from_team"]
