"""PETRARCH's validation-suite XML (`PETR.UnitTest.records.xml`): read it and score a coder on it.

A suite file holds `<Sentence date id category>` records, each with its `<Text>`, the expected
`<EventCoding sourcecode targetcode eventcode>` triples (or `noevents="True"`, or `error="..."`
when the record tests an error) and a `<Parse>` tree. The parse is never read: eventlens codes the
text with its own parser. `<Config option value>` elements between records change PETRARCH's
options for the records after them; the one that changes what is coded, `require_dyad`, is kept
with each record.

Scoring follows `../shared/petrarch/README.md`: records that expect an error, the final record,
records with a code outside CAMEO and records with a quoted actor ("new actors" PETRARCH writes in
quotes) are left out. A record is exact when the set of (source, target, code) triples coded equals
the expected set; precision and recall count triples. A missing actor is written `---`, as
PETRARCH writes it, and an agent with no country keeps `---` for the country (`---GOV`).
Where `require_dyad` is in force (PETRARCH's default), an event without a source or without a target
(`---`) is not coded; an agent with no country (`---GOV`) still counts as an actor.
"""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Article
from ..ontology import is_code

NULL = "---"
Triple = tuple[str, str, str]


@dataclass(slots=True)
class SuiteRecord:
    id: str
    category: str
    date: dt.date | None
    text: str
    expected: list[Triple]  # (source, target, code); empty with noevents or an expected error
    noevents: bool = False
    error: str | None = None  # the error the record expects ("dateline", "storydiscard", ...)
    require_dyad: bool = True  # PETRARCH's option in force for this record
    origin: str = ""  # file:id

    @property
    def scored(self) -> bool:
        """Whether the record counts in the suite's score (see the module docstring)."""
        if self.error is not None or self.id.upper().startswith("FINAL"):
            return False
        for source, target, code in self.expected:
            if not is_code(code) or source.startswith('"') or target.startswith('"'):
                return False
        return True


def _bool(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "yes")


def _date(value: str | None, where: str) -> dt.date | None:
    if not value or not value.strip():
        return None
    try:
        return dt.datetime.strptime(value.strip(), "%Y%m%d").date()
    except ValueError:
        raise InputError(f"date {value!r} is not YYYYMMDD", where=where) from None


def _code(value: str | None) -> str:
    value = (value or "").strip()
    return value.upper() if value and not value.startswith('"') else (value or NULL)


def read_suite(path: str | Path) -> list[SuiteRecord]:
    """Every `<Sentence>` record of a suite file, in file order, with the options in force."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except OSError as exc:
        raise InputError(f"cannot read suite file: {exc.strerror or exc}", where=str(path)) from None
    except ET.ParseError as exc:
        raise InputError(f"not a PETRARCH suite: the XML does not parse ({exc})", where=str(path)) from None
    options: dict[str, str] = {}
    records: list[SuiteRecord] = []
    seen: set[str] = set()
    for el in root.iter():
        if el.tag == "Config":
            options[(el.get("option") or "").strip()] = (el.get("value") or "").strip()
            continue
        if el.tag != "Sentence":
            continue
        rid = (el.get("id") or "").strip()
        where = f"{path}:{rid or '?'}"
        if not rid:
            raise InputError("a <Sentence> has no id", where=where)
        if rid in seen:
            # the published suite uses two ids twice; the later record is told apart by a suffix
            n = 2
            while f"{rid}~{n}" in seen:
                n += 1
            rid = f"{rid}~{n}"
        seen.add(rid)
        text_el = el.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        expected: list[Triple] = []
        noevents, error = False, None
        for coding in el.findall("EventCoding"):
            if coding.get("error") is not None:
                error = coding.get("error").strip()
            elif _bool(coding.get("noevents") or ""):
                noevents = True
            else:
                expected.append((_code(coding.get("sourcecode")), _code(coding.get("targetcode")),
                                 (coding.get("eventcode") or "").strip()))
        records.append(SuiteRecord(
            id=rid, category=(el.get("category") or "").strip().upper(), date=_date(el.get("date"), where),
            text=text, expected=expected, noevents=noevents, error=error,
            require_dyad=_bool(options.get("require_dyad", "true")), origin=where))
    if not records:
        raise InputError("no <Sentence> records found", where=str(path),
                         fix="give PETRARCH's PETR.UnitTest.records.xml or a file in its format")
    return records


def is_suite_file(path: str | Path) -> bool:
    """True for an .xml file, which `eventlens eval` reads as a PETRARCH suite."""
    return str(path).lower().endswith(".xml")


def suite_articles(records: Iterable[SuiteRecord]) -> list[Article]:
    return [Article(id=r.id, text=r.text, date=r.date, origin=r.origin) for r in records]


def _actor_code(actor: Mapping[str, Any] | None) -> str:
    """An event dict's actor as PETRARCH writes it: `---` for none, `---GOV` for a sector alone."""
    if not actor:
        return NULL
    code = (actor.get("code") or "").upper()
    if not code:
        return NULL
    if not actor.get("country") and actor.get("sector") and code == str(actor.get("sector")).upper():
        return NULL + code  # an agent the text gives no country for
    return code


def predicted_triples(events: Sequence[Mapping[str, Any]], *, require_dyad: bool = True) -> set[Triple]:
    """(source, target, code) of each coded event dict (Event.to_dict()); negated events are left out."""
    out: set[Triple] = set()
    for ev in events:
        if ev.get("negated"):
            continue
        source, target = _actor_code(ev.get("source")), _actor_code(ev.get("target"))
        if require_dyad and NULL in (source, target):
            continue
        out.add((source, target, str(ev.get("code"))))
    return out


def _rates(exact: int, records: int, tp: int, fp: int, fn: int) -> dict[str, Any]:
    return {"records": records, "exact": exact, "exact_rate": exact / records if records else None,
            "tp": tp, "fp": fp, "fn": fn,
            "precision": tp / (tp + fp) if tp + fp else None, "recall": tp / (tp + fn) if tp + fn else None}


def score_suite(records: Sequence[SuiteRecord], predicted: Mapping[str, set[Triple] | Iterable[Triple]]
                ) -> dict[str, Any]:
    """Exact-set rate, precision and recall over the scored records, overall and per category.

    `predicted` maps a record id to its coded triples (a record absent from it coded nothing).
    """
    per: dict[str, list[int]] = {}
    total = [0, 0, 0, 0, 0]  # exact, records, tp, fp, fn
    details = []
    for record in records:
        if not record.scored:
            continue
        want = set(record.expected)
        got = set(predicted.get(record.id, ()))
        tp = len(want & got)
        row = [int(want == got), 1, tp, len(got - want), len(want - got)]
        for counts in (total, per.setdefault(record.category, [0, 0, 0, 0, 0])):
            for k, v in enumerate(row):
                counts[k] += v
        details.append({"id": record.id, "category": record.category, "exact": want == got,
                        "expected": sorted(want), "coded": sorted(got)})
    return {"overall": _rates(*total), "categories": {c: _rates(*v) for c, v in sorted(per.items())},
            "records": details}


def score_coded(records: Sequence[SuiteRecord], coded: Mapping[str, Sequence[Mapping[str, Any]]]
                ) -> dict[str, Any]:
    """score_suite over event dicts as a coder returns them, keyed by record id."""
    return score_suite(records, {r.id: predicted_triples(coded.get(r.id, ()), require_dyad=r.require_dyad)
                                 for r in records})


def read_reference(path: str | Path) -> dict[str, set[Triple]]:
    """Another coder's output, JSONL of {"id", "events": [[source, target, code], ...]}, as triples."""
    out: dict[str, set[Triple]] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            out[str(obj["id"])] = {(str(s), str(t), str(c)) for s, t, c in obj.get("events") or ()}
        except (ValueError, KeyError, TypeError):
            raise InputError("not a line {\"id\", \"events\": [[source, target, code]]}",
                             where=f"{path}:{number}") from None
    return out


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def format_suite(result: Mapping[str, Any], reference: Mapping[str, Any] | None = None) -> str:
    """A table: exact-set %, precision and recall per category and overall, beside a reference's."""
    header = ["category", "records", "exact %", "P", "R"]
    if reference is not None:
        header += ["ref exact %", "ref P", "ref R"]
    rows = []
    names = list(result["categories"]) + ["ALL"]
    for name in names:
        entry = result["overall"] if name == "ALL" else result["categories"][name]
        row = [name, str(entry["records"]), _pct(entry["exact_rate"]), _pct(entry["precision"]),
               _pct(entry["recall"])]
        if reference is not None:
            ref = reference["overall"] if name == "ALL" else reference["categories"].get(name)
            row += ([_pct(ref["exact_rate"]), _pct(ref["precision"]), _pct(ref["recall"])] if ref else ["-"] * 3)
        rows.append(row)
    widths = [max(len(r[k]) for r in [header, *rows]) for k in range(len(header))]
    lines = ["  ".join([r[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(r[1:], widths[1:]))]) for r in
             [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"




def evaluate_suite(path: str | Path, *, code_fn, errors_path: str | Path | None = None) -> dict[str, Any]:
    """Read a suite file, code its records' texts with `code_fn` (as `evaluate` takes it), score.
    With `errors_path`, each scored record that is not exact is written there as a JSON line."""
    records = read_suite(path)
    result = score_coded(records, code_fn(suite_articles(records)))
    if errors_path is not None:
        lines = [json.dumps(row, ensure_ascii=False) for row in result["records"] if not row["exact"]]
        Path(errors_path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return result


def looks_like_suite(path: str | Path) -> bool:
    """An .xml file, or any file whose first character is '<': `eventlens eval` reads it as a suite."""
    if is_suite_file(path):
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(256).lstrip().startswith(b"<")
    except OSError:
        return False


__all__ = ["NULL", "SuiteRecord", "evaluate_suite", "format_suite", "is_suite_file", "looks_like_suite",
           "predicted_triples", "read_reference", "read_suite", "score_coded", "score_suite", "suite_articles"]
