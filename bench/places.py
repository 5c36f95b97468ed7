"""Accuracy of the offline geocoder on the team's set of place mentions.

    python bench/places.py                  # bench/data/places.jsonl
    python bench/places.py --errors         # also list every miss

Each record is a sentence, one place mention in it, the article's countries (ISO-3), the expected
country (null for open seas) and coordinates with a tolerance in kilometres. Three figures: the
mention found by places_in in the parsed sentence; the country right; and country and coordinates
(within the tolerance) right. The same for a bare gazetteer lookup of the mention's words.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_SET = REPO / "bench" / "data" / "places.jsonl"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def judge(place, rec) -> tuple[bool, bool]:
    if place is None:
        return False, False
    country_ok = place.country_code == rec["country"]
    near = distance_km(place.lat, place.lon, rec["lat"], rec["lon"]) <= rec["tolerance_km"]
    return country_ok, country_ok and near


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_SET)
    parser.add_argument("--errors", action="store_true", help="print each miss")
    args = parser.parse_args(argv)

    from eventlens.nlp import load_pipeline
    from eventlens.resolve.places import gazetteer, places_in

    nlp = load_pipeline()
    started = time.perf_counter()
    gaz = gazetteer()
    built = time.perf_counter() - started
    records = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = country = full = lk_country = lk_full = 0
    misses = []
    started = time.perf_counter()
    for rec in records:
        doc = nlp(rec["sentence"])
        at = rec["sentence"].index(rec["mention"])
        span = (at, at + len(rec["mention"]))
        hits = [p for p, s, e in places_in(next(doc.sents), rec["article_countries"]) if s < span[1] and span[0] < e]
        place = hits[0] if hits else None
        found += place is not None
        c_ok, f_ok = judge(place, rec)
        country += c_ok
        full += f_ok
        looked = gaz.lookup(rec["mention"], rec["article_countries"])
        lc, lf = judge(looked, rec)
        lk_country += lc
        lk_full += lf
        if not f_ok:
            misses.append((rec, place, looked))
    seconds = time.perf_counter() - started
    n = len(records)
    print(f"place mentions: {n} records from {args.data.name} (gazetteer built in {built:.1f} s, {len(gaz)} names)")
    print(f"  in sentences (places_in): found {found}/{n} = {found / n:.1%}, country right {country / n:.1%}, "
          f"country and coordinates right {full}/{n} = {full / n:.1%}")
    print(f"  bare lookup:              country right {lk_country / n:.1%}, "
          f"country and coordinates right {lk_full}/{n} = {lk_full / n:.1%}")
    print(f"  {seconds:.1f} s with parsing")
    if args.errors:
        for rec, place, looked in misses:
            def show(p):
                return "none" if p is None else f"{p.full_name} [{p.country_code}] ({p.lat:.2f}, {p.lon:.2f})"
            print(f"  MISS {rec['mention']!r} in {rec['sentence']!r}: expected {rec['country']} "
                  f"({rec['lat']}, {rec['lon']}); places_in {show(place)}; lookup {show(looked)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
