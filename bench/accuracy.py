"""Accuracy of the real coder on every gold set found: one line per set.

    python bench/accuracy.py                 # dev, dev2 to dev7, test, blind and ../shared GSR
    python bench/accuracy.py --json          # the full results (without the error lists) as JSON
    python bench/accuracy.py my.jsonl --errors-dir /tmp/errs

The columns are described in docs/eval.md. A set that is not there is skipped with a message.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

from eventlens.evaluate import evaluate, format_comparison, to_json  # noqa: E402

DEFAULT_SETS = {
    "dev": REPO / "eval" / "gold" / "dev.jsonl",
    "dev2": REPO / "eval" / "dev2" / "dev2.jsonl",
    "dev3": REPO / "eval" / "dev3" / "dev3.jsonl",
    "dev4": REPO / "eval" / "dev4" / "dev4.jsonl",
    "dev5": REPO / "eval" / "dev5" / "dev5.jsonl",
    "dev6": REPO / "eval" / "dev6" / "dev6.jsonl",
    "dev7": REPO / "eval" / "dev7" / "dev7.jsonl",
    "test": REPO / "eval" / "gold" / "test.jsonl",
    "blind": REPO / "eval" / "blind" / "blind.jsonl",
    "plover_gsr": REPO.parent / "shared" / "eval" / "plover_gsr.jsonl",
}


def real_code_fn(processes: int = 1, model: str = "learned"):
    """The project's coder as a code_fn, the same one `eventlens eval` uses; imported only now,
    because it loads spaCy."""
    from eventlens.run import coder_fn

    return coder_fn(processes=processes, model=model)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: the dev, dev2 to dev7, test, blind and GSR sets)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    parser.add_argument("--errors-dir", type=Path, help="write NAME.errors.jsonl per gold set here")
    parser.add_argument("--include-negated", action="store_true", help="score negated predictions too")
    parser.add_argument("--processes", type=int, default=2, help="worker processes for the coder")
    parser.add_argument("--model", choices=["learned", "rules"], default="learned",
                        help="the learned target ranker over the rules (default), or the rules alone")
    args = parser.parse_args(argv)

    sets = {path.stem: path for path in args.gold} if args.gold else DEFAULT_SETS
    present = {}
    for name, path in sets.items():
        if path.exists():
            present[name] = path
        else:
            print(f"accuracy: skipping {name}: {path} not found", file=sys.stderr)
    if not present:
        print("accuracy: no gold set found", file=sys.stderr)
        return 1

    code_fn = real_code_fn(args.processes, args.model)
    if args.errors_dir:
        args.errors_dir.mkdir(parents=True, exist_ok=True)
    results = {}
    for name, path in present.items():
        started = time.perf_counter()
        errors_path = args.errors_dir / f"{name}.errors.jsonl" if args.errors_dir else None
        results[name] = evaluate(path, code_fn=code_fn, errors_path=errors_path,
                                 include_negated=args.include_negated)
        print(f"accuracy: {name}: {results[name]['records']} records in {time.perf_counter() - started:.1f}s",
              file=sys.stderr)

    if args.json:
        print(to_json({name: {k: v for k, v in r.items() if k != "errors"} for name, r in results.items()}))
    else:
        print(format_comparison(results), end="")
        print("\nconfidence against the share right (root code, country actors), per set:")
        for name, result in results.items():
            cells = [f"{b['bin']}: {b['events']} ev, conf {100 * b['mean_confidence']:.0f}% right {100 * b['right']:.0f}%"
                     for b in result.get("reliability") or [] if b["events"]]
            if cells:
                print(f"  {name}: " + "; ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
