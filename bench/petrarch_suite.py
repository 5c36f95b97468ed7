"""PETRARCH-2's validation suite, coded with its own dictionaries in `--lexicon file` mode.

    python bench/petrarch_suite.py                   # the table: exact-set %, P, R per category, vs PETRARCH-2
    python bench/petrarch_suite.py --show            # also every record that is not exact
    python bench/petrarch_suite.py --show --category COMPOUND
    python bench/petrarch_suite.py --json            # the scores as JSON

The suite lives in ../shared/petrarch (see its README.md for how it is scored); it is not part of
this repository. PETRARCH-2's own figures come from its recorded output there.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from eventlens.evaluate.petrarch_suite import (format_suite, read_reference, read_suite,  # noqa: E402
                                               score_coded, score_suite, suite_articles)

SUITE = REPO.parent / "shared" / "petrarch"


def dictionaries(folder: Path) -> dict:
    return dict(actor_files=[str(folder / "PETR.Validate.actors.txt")],
                agent_files=[str(folder / "PETR.Validate.agents.txt")],
                verb_files=[str(folder / "PETR.Validate.verbs.txt")],
                discard_files=[str(folder / "PETR.Validate.discards.txt")], lexicon_mode="file")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, default=SUITE, help="folder with the suite and its dictionaries")
    parser.add_argument("--show", action="store_true", help="print each record that is not exact")
    parser.add_argument("--category", help="only this category (with --show)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)

    xml = args.suite / "PETR.UnitTest.records.xml"
    if not xml.exists():
        print(f"petrarch_suite: {xml} not found", file=sys.stderr)
        return 1
    records = read_suite(xml)
    from eventlens.run import coder_fn  # loads spaCy

    started = time.perf_counter()
    code = coder_fn(**dictionaries(args.suite))
    coded = code(suite_articles(records))
    result = score_coded(records, coded)
    reference = None
    ref_path = args.suite / "petrarch2_output.jsonl"
    if ref_path.exists():
        reference = score_suite(records, read_reference(ref_path))
    print(f"petrarch_suite: {len(records)} records coded in {time.perf_counter() - started:.1f}s",
          file=sys.stderr)
    if args.json:
        strip = lambda r: {k: v for k, v in r.items() if k != "records"}  # noqa: E731
        print(json.dumps({"eventlens": strip(result), "petrarch2": strip(reference) if reference else None},
                         indent=2))
        return 0
    if args.show:
        by_id = {r.id: r for r in records}
        for row in result["records"]:
            if row["exact"] or (args.category and row["category"] != args.category.upper()):
                continue
            record = by_id[row["id"]]
            print(f"{row['id']} [{row['category']}] {record.date}: {record.text}")
            print(f"   expected {row['expected']}")
            print(f"   coded    {row['coded']}")
            for ev in coded.get(row["id"], ()):
                tgt = ev["target"]["code"] if ev.get("target") else None
                print(f"     {ev['source']['code']} -> {tgt} {ev['code']}{' (negated)' if ev.get('negated') else ''}"
                      f"  {ev['rule'][:110]}")
        print()
    print("eventlens (left) and PETRARCH-2 (ref), on the suite's scored records")
    print(format_suite(result, reference), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
