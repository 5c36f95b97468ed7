"""Build eval/dev7/dev7.jsonl from the hand-written batch files (src/batchNN.py).

Run from /work/main:  .venv/bin/python eval/dev7/src/build.py
- assigns ids dev7-0001 ... in file order,
- fills `plover` and `mode` from eventlens/ontology/data/cameo.tsv by CAMEO code
  (02x appeals have no PLOVER type in that file; they get REQUEST, see README),
- checks that every span sits on word boundaries,
- prints coverage counts (roots, codes, countries, passages).
"""
import collections
import csv
import importlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE))

import dsl  # noqa: E402

TSV = ROOT / "eventlens" / "ontology" / "data" / "cameo.tsv"


def load_tsv():
    with TSV.open(encoding="utf-8") as fh:
        rows = csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t")
        return {r["code"]: r for r in rows}


def span(text, words, occ):
    start = -1
    for _ in range(max(1, occ)):
        start = text.find(words, start + 1)
        if start < 0:
            return None
    return start, start + len(words)


def on_boundary(text, s, e):
    ok_left = s == 0 or not text[s - 1].isalnum() or not text[s].isalnum()
    ok_right = e == len(text) or not text[e].isalnum() or not text[e - 1].isalnum()
    return ok_left and ok_right


def main():
    batches = sorted(HERE.glob("batch*.py"))
    for b in batches:
        importlib.import_module(b.stem)
    tsv = load_tsv()
    problems = []
    out = []
    for i, rec in enumerate(dsl.RECORDS, 1):
        rid = f"dev7-{i:04d}"
        text = rec["text"]
        for ev in rec["events"]:
            row = tsv.get(ev["code"])
            if row is None:
                problems.append(f"{rid}: unknown code {ev['code']}")
                continue
            plover = row["plover_event"] or None
            if plover is None and ev["code"].startswith("02"):
                plover = "REQUEST"
            ev["plover"] = plover
            ev["mode"] = row["plover_mode"] or None
            checks = [("trigger", ev["trigger"], ev.get("trigger_occurrence", 1))]
            for role in ("source", "target", "speaker"):
                a = ev.get(role)
                if a and a.get("text") is not None:
                    checks.append((role, a["text"], a.get("occurrence", 1)))
            for role, words, occ in checks:
                sp = span(text, words, occ)
                if sp is None:
                    problems.append(f"{rid}: {role} {words!r} not in text")
                elif not on_boundary(text, *sp):
                    problems.append(f"{rid}: {role} {words!r} not on a word boundary")
            # key order
        rec_out = {"id": rid, "text": text, "date": rec["date"], "style": rec["style"],
                   "domain": rec["domain"], "events": [
                       {k: ev[k] for k in ("trigger", "trigger_occurrence", "source", "target", "speaker",
                                           "code", "plover", "mode", "modality", "date") if k in ev}
                       for ev in rec["events"]]}
        out.append(rec_out)
    dest = HERE.parent / "dev7.jsonl"
    with dest.open("w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    # coverage
    roots = collections.Counter()
    codes = collections.Counter()
    countries = set()
    sectors = collections.Counter()
    for r in out:
        for ev in r["events"]:
            roots[ev["code"][:2]] += 1
            codes[ev["code"]] += 1
            for role in ("source", "target"):
                c = ev[role]["code"]
                if c[:3] in ("IGO", "NGO", "MNC"):
                    sectors[c] += 1
                else:
                    countries.add(c[:3])
                    sectors[c[3:6] or "(bare)"] += 1
    passages = sum(1 for r in out if len(re.findall(r"[.!?][\"']? +(?=[\"A-Z])", r["text"].strip())) >= 1)
    print(f"records {len(out)}  no-event {sum(1 for r in out if not r['events'])}  "
          f"events {sum(len(r['events']) for r in out)}  passages(>=2 sentences) {passages}")
    print("roots", dict(sorted(roots.items())))
    print("codes", len(codes), "countries", len(countries))
    print("sectors", dict(sectors.most_common()))
    print("countries:", " ".join(sorted(countries)))
    for p in problems:
        print("PROBLEM", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
