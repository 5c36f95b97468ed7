"""Property-based fuzzing of every reader and of code_text, a small number of cases (bench/fuzz.py runs
more than 10,000): hostile text never raises, events stay valid, a bad record costs only itself."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import fuzz  # noqa: E402  (bench/fuzz.py)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", ["txt", "txt.gz", "jsonl", "jsonl.gz", "stdin", "html", "rss", "atom", "csv",
                                  "code_text"])
def test_property_holds(name):
    cases, failures, notes = fuzz.run(scale=0.02, fixed=False, only=name)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("case", ["1 MB JSONL line", "HTML nested 5,000 deep", "3 MB CSV field"])
def test_big_inputs(case):
    dict(fuzz.fixed_cases())[case]()
