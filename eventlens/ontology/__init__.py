"""CAMEO and PLOVER: codes, names, Goldstein weights, QuadClass and the CAMEO->PLOVER mapping."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import OntologyError

QUAD_CLASS_NAMES = {1: "Verbal Cooperation", 2: "Material Cooperation", 3: "Verbal Conflict", 4: "Material Conflict"}
PLOVER_EVENTS = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int
    root_code: str
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None

    @property
    def base_code(self) -> str:
        return self.code[:3]


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    text = resources.files(__package__).joinpath("data/cameo.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    table: dict[str, CameoCode] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        table[row["code"]] = CameoCode(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            root_code=row["root_code"],
            plover_event=row["plover_event"] or None,
            plover_mode=row["plover_mode"] or None,
            plover_context=row["plover_context"] or None,
        )
    return table


def lookup(code: str) -> CameoCode:
    """The CAMEO code's record; raises OntologyError for a code CAMEO does not have."""
    try:
        return cameo_table()[code]
    except KeyError:
        raise OntologyError(f"unknown CAMEO event code {code!r}",
                            fix="use a code from eventlens/ontology/data/cameo.tsv") from None


def is_code(code: str) -> bool:
    return code in cameo_table()


def plover_for(code: str) -> tuple[str | None, str | None]:
    """PLOVER (event, mode) for a CAMEO code, falling back to the nearest mapped ancestor."""
    table = cameo_table()
    for prefix in (code, code[:3], code[:2]):
        rec = table.get(prefix)
        if rec and rec.plover_event:
            return rec.plover_event, rec.plover_mode if prefix == code else rec.plover_mode
    return None, None


__all__ = ["CameoCode", "cameo_table", "lookup", "is_code", "plover_for", "QUAD_CLASS_NAMES", "PLOVER_EVENTS"]
