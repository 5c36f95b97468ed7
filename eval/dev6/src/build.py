"""Build eval/dev6/dev6.jsonl from the hand-written batch files b1.py ... b8.py in this folder.

Each batch defines RECS, a list made with R(...) and E(...). plover and mode are filled from
eventlens/ontology/data/cameo.tsv by CAMEO code (02x appeals, which the table leaves blank, get REQUEST).
Usage: python build.py N   (include batches 1..N)
"""
import csv
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TSV = HERE.parents[2] / "eventlens" / "ontology" / "data" / "cameo.tsv"
OUT = HERE.parent / "dev6.jsonl"

with TSV.open(encoding="utf-8") as fh:
    ROWS = {r["code"]: r for r in csv.DictReader((l for l in fh if not l.startswith("#")), delimiter="\t")}


def R(date, style, domain, text, events=()):
    return {"date": date, "style": style, "domain": domain, "text": text, "events": list(events)}


def E(trigger, src, scode, tgt, tcode, code, mod="asserted", so=1, to=1, trig_occ=1, spk=None, date=None):
    return dict(trigger=trigger, src=src, scode=scode, tgt=tgt, tcode=tcode, code=code, mod=mod, so=so,
                to=to, trig_occ=trig_occ, spk=spk, date=date)


def plover_mode(code):
    row = ROWS[code]
    p = row["plover_event"] or None
    if p is None and code.startswith("02"):
        p = "REQUEST"
    return p, (row["plover_mode"] or None)


def span_ok(text, words, occ):
    """Index of the occ-th occurrence, moved on to the next one bounded by non-word characters."""
    start, n = -1, 0
    while True:
        start = text.find(words, start + 1)
        if start < 0:
            return None, None
        n += 1
        before = text[start - 1] if start else " "
        after = text[start + len(words)] if start + len(words) < len(text) else " "
        bounded = not (before.isalnum() and words[0].isalnum()) and not (after.isalnum() and words[-1].isalnum())
        if n >= occ and bounded:
            return start, n


def build(n):
    recs, warn = [], []
    for i in range(1, n + 1):
        spec = importlib.util.spec_from_file_location(f"b{i}", HERE / f"b{i}.py")
        mod = importlib.util.module_from_spec(spec)
        mod.R, mod.E = R, E
        spec.loader.exec_module(mod)
        recs.extend(mod.RECS)
    out = []
    for k, r in enumerate(recs, 1):
        rid = f"dev6-{k:04d}"
        text = r["text"]
        evs = []
        for e in r["events"]:
            p, m = plover_mode(e["code"])
            ev = {}
            s, occ = span_ok(text, e["trigger"], e["trig_occ"])
            if s is None:
                warn.append(f"{rid}: trigger {e['trigger']!r} not found")
                occ = e["trig_occ"]
            elif occ != e["trig_occ"]:
                warn.append(f"{rid}: trigger {e['trigger']!r} moved to occurrence {occ}")
            ev["trigger"] = e["trigger"]
            if occ != 1:
                ev["trigger_occurrence"] = occ
            for role, words, code, o in (("source", e["src"], e["scode"], e["so"]),
                                          ("target", e["tgt"], e["tcode"], e["to"])):
                if words is None:
                    ev[role] = {"text": None, "code": code, "implied": True}
                    continue
                s, occ = span_ok(text, words, o)
                if s is None:
                    warn.append(f"{rid}: {role} {words!r} not found")
                    occ = o
                elif occ != o:
                    warn.append(f"{rid}: {role} {words!r} moved to occurrence {occ}")
                ev[role] = {"text": words, "code": code}
                if occ != 1:
                    ev[role]["occurrence"] = occ
            ev["code"] = e["code"]
            ev["plover"] = p
            ev["mode"] = m
            ev["modality"] = e["mod"]
            if e["spk"]:
                st, sc = e["spk"]
                if span_ok(text, st, 1)[0] is None:
                    warn.append(f"{rid}: speaker {st!r} not found")
                ev["speaker"] = {"text": st, "code": sc}
            if e["date"]:
                ev["date"] = e["date"]
            evs.append(ev)
        out.append({"id": rid, "text": text, "date": r["date"], "style": r["style"], "domain": r["domain"],
                    "events": evs})
    OUT.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), encoding="utf-8")
    for w in warn:
        print("WARN", w)
    print(f"wrote {len(out)} records, {sum(1 for o in out if not o['events'])} without events, "
          f"{sum(len(o['events']) for o in out)} events")


if __name__ == "__main__":
    build(int(sys.argv[1]))
