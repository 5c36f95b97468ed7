"""Property-based fuzzing (hypothesis) of every reader and of code_text with hostile input (issue 13).

    .venv/bin/python bench/fuzz.py                 # >= 10,000 cases in all; prints the count and failures
    .venv/bin/python bench/fuzz.py --scale 0.02    # a quick pass (tests/test_fuzz.py runs about this)

Properties, for every generated input:
  - the readers (txt, JSONL, HTML, RSS/Atom, CSV, gzip, stdin) raise nothing and yield only Articles and
    one-line InputErrors;
  - a bad record costs only itself: good JSONL lines, CSV rows and feed entries around hostile ones are
    all read, with their own ids and texts;
  - code_text raises nothing but its documented errors, never fails inside the coder (no E010), and every
    event is valid against the documented record (docs/event-record.md): fields documented, codes and
    QuadClass consistent, Goldstein in [-10, 10], evidence offsets inside the text, the sentence taken
    from the text, and the record JSON-serialisable.
Hostile text: NUL bytes, invalid UTF-8 mid-file, cp1252, BOMs, right-to-left and zero-width characters,
emoji, very long lines; fixed cases add a 1 MB line, HTML nested 5,000 deep, a 3 MB CSV field and a feed
of 100,000 entries.
"""
from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import re
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from eventlens.errors import EventlensError, InputError  # noqa: E402
from eventlens.models import Article  # noqa: E402

# --- hostile text --------------------------------------------------------------------------------------

ODD = ["\x00", "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u202e", "\u202d", "\u200f", "\u061c",
       "\u0627\u0644\u0633\u0644\u0627\u0645", "\u05e9\u05dc\u05d5\u05dd", "😀", "🇯🇵", "👩‍👩‍👧", "\u0301",
       "\r", "\r\n", "\n\n", "\t", "\x0b", "\x0c", "\x1c", "\u2028", "\u2029", "\x85", "<script>alert(1)</script>",
       "\"", "'", "\\", "{", "}", "<", ">", "&amp;", "&#0;", "]]>", "\udcff"[:0]]
NEWS = ["Japan imposed sanctions on Russia.", "The United Nations condemned the attack on Kyiv.",
        "France and Germany signed a trade agreement on Friday.", "Iran accused Israel of the strike.",
        "PARIS (Reuters) - President Macron met Xi Jinping.", "Protesters clashed with police in Lagos."]

words = st.sampled_from(NEWS) | st.sampled_from(ODD) | st.text(max_size=30) | \
    st.text(alphabet=st.characters(min_codepoint=0x590, max_codepoint=0x6ff), max_size=20)
hostile_text = st.lists(words, max_size=25).map("".join) | st.builds(
    lambda w, n: w * n, st.sampled_from(["word ", "Japan ", "😀", "\u200b", "condemned "]), st.integers(1, 3000))
# Bytes: the text as UTF-8, cp1252 or with bytes that are not UTF-8 at all, with or without a BOM.
encodings = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"])


@st.composite
def hostile_bytes(draw):
    text = draw(hostile_text)
    data = text.encode(draw(encodings), errors="replace")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]  # invalid UTF-8 mid-file
    return data


# --- checks --------------------------------------------------------------------------------------------

_DOC = (ROOT / "docs" / "event-record.md").read_text("utf-8")
# Table rows, plus the fields a row names in backquotes (the keys of `places`' objects).
DOC_FIELDS = set(re.findall(r"^\| `([a-z_0-9]+)` \|", _DOC, re.M)) | set(re.findall(r"`([a-z_0-9]+)`", _DOC))


def check_items(items) -> tuple[list[Article], list[InputError]]:
    arts, errs = [], []
    for item in items:
        if isinstance(item, Article):
            assert isinstance(item.text, str) and item.text.strip(), item
            arts.append(item)
        else:
            assert isinstance(item, InputError), f"a reader yielded {type(item).__name__}"
            assert "\n" not in item.one_line(), item.one_line()
            errs.append(item)
    return arts, errs


def _keys(obj):
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            if k != "attributes":
                yield from _keys(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _keys(v)


def check_event(record: dict, text: str) -> None:
    undocumented = set(_keys(record)) - DOC_FIELDS
    assert not undocumented, f"fields not in docs/event-record.md: {undocumented}"
    json.dumps(record, ensure_ascii=False).encode("utf-8")
    code = record["code"]
    assert isinstance(code, str) and code.isdigit() and 2 <= len(code) <= 4, code
    assert record["base_code"] == code[:3] and record["root_code"] == code[:2]
    assert record["quad_class"] in (1, 2, 3, 4)
    assert -10 <= record["goldstein"] <= 10
    assert isinstance(record["sentence_index"], int) and record["sentence_index"] >= 0
    assert record["sentence"] and record["sentence"] in text
    assert record["source"] and record["source"]["code"]
    for name, span in (record.get("evidence") or {}).items():
        spans = span if name == "action" else [span]
        for s in spans or []:
            if s is not None:
                assert 0 <= s[0] <= s[1] <= len(text), (name, s, len(text))


# --- the properties -----------------------------------------------------------------------------------

COUNTS: dict[str, int] = {}


def _count(name: str) -> None:
    COUNTS[name] = COUNTS.get(name, 0) + 1


def read(path: Path, **options):
    from eventlens.ingest.formats import iter_rich_inputs

    return list(iter_rich_inputs([str(path)], **options))


@contextlib.contextmanager
def folder():
    with tempfile.TemporaryDirectory(prefix="eventlens-fuzz-") as name:
        yield Path(name)


def prop_txt(data: bytes, gz: bool) -> None:
    _count("txt" + (".gz" if gz else ""))
    with folder() as f:
        path = f / ("a.txt.gz" if gz else "a.txt")
        path.write_bytes(gzip.compress(data) if gz else data)
        arts, errs = check_items(read(path))
    assert len(arts) + len(errs) == 1
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return
    if "\x00" not in text and text.strip():
        assert arts and arts[0].text == text


def good_record(i: int, text: str) -> str:
    return json.dumps({"id": f"good-{i}", "text": f"Japan imposed sanctions on Russia {i}. {text}".strip()})


def prop_jsonl(bad_lines: list[bytes], goods: list[str], gz: bool) -> None:
    """Good records interleaved with hostile lines: every good record comes through."""
    _count("jsonl" + (".gz" if gz else ""))
    lines, want = [], {}
    for i, text in enumerate(goods):
        lines.append(good_record(i, text).encode())
        want[f"good-{i}"] = json.loads(lines[-1])["text"]
        if i < len(bad_lines):
            lines.append(bad_lines[i].replace(b"\n", b" ").replace(b"\r", b" "))
    data = b"\n".join(lines) + b"\n"
    with folder() as f:
        path = f / ("a.jsonl.gz" if gz else "a.jsonl")
        path.write_bytes(gzip.compress(data) if gz else data)
        arts, _ = check_items(read(path))
    got = {a.id: a.text for a in arts if a.id.startswith("good-")}
    assert got == want


def prop_stdin(data: bytes) -> None:
    _count("stdin")
    from eventlens.ingest import iter_inputs

    class Stdin:
        buffer = io.BytesIO(data)

    saved = sys.stdin
    sys.stdin = Stdin()
    try:
        check_items(iter_inputs(["-"]))
    finally:
        sys.stdin = saved


def prop_html(body: str, depth: int, enc: str) -> None:
    _count("html")
    page = (f"<html><head><meta charset='{enc}'><title>{body[:50]}</title></head><body>"
            + "<div>" * depth + f"<p>{body}</p>" + "</div>" * depth + "</body></html>")
    with folder() as f:
        path = f / "a.html"
        path.write_bytes(page.encode(enc, errors="replace"))
        arts, errs = check_items(read(path))
    assert len(arts) + len(errs) == 1


def prop_feed(entries: list[str], atom: bool) -> None:
    """A feed whose entries are hostile: each entry is an article or one error."""
    _count("atom" if atom else "rss")
    from xml.sax.saxutils import escape

    clean = [re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", "", e) for e in entries]
    if atom:
        items = "".join(f"<entry><id>e{i}</id><title>t</title><summary>{escape(e)}</summary></entry>"
                        for i, e in enumerate(clean))
        xml = f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>{items}</feed>"
    else:
        items = "".join(f"<item><guid>e{i}</guid><description>{escape(e)}</description></item>"
                        for i, e in enumerate(clean))
        xml = f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>x</title>{items}</channel></rss>"
    with folder() as f:
        path = f / ("a.atom" if atom else "a.rss")
        path.write_bytes(xml.encode("utf-8"))
        arts, errs = check_items(read(path))
    if any(e.strip() for e in clean):
        assert len(arts) + len(errs) == len(clean), (len(arts), len(errs), len(clean))


def prop_csv(cells: list[str], big: int) -> None:
    """Rows of hostile text, one with a big field: each row is an article or one error."""
    _count("csv")
    import csv as csvmod

    out = io.StringIO()
    writer = csvmod.writer(out, lineterminator="\n")
    writer.writerow(["id", "text", "date"])
    for i, cell in enumerate(cells):
        writer.writerow([f"r{i}", (cell * big if i == 0 else cell).replace("\x00", ""), "2025-01-02"])
    writer.writerow(["good", "Japan imposed sanctions on Russia.", "2025-01-02"])
    with folder() as f:
        path = f / "a.csv"
        path.write_bytes(out.getvalue().encode("utf-8", errors="replace"))
        arts, errs = check_items(read(path))
    assert "good" in {a.id for a in arts}


_CODER = {}


def prop_code_text(text: str) -> None:
    _count("code_text")
    from eventlens.coding import Coder, code_articles

    coder = _CODER.setdefault("c", None) or _CODER.setdefault("c", Coder())
    if "c" in _CODER and _CODER["c"] is None:
        _CODER["c"] = coder = Coder()
    (result,) = code_articles([Article(id="fuzz", text=text)], coder=coder, processes=1)
    assert result.error is None or result.error.code == "E011", result.error and result.error.one_line()
    for event in result.events:
        check_event(event.to_dict(), text)


def fixed_cases() -> list[tuple[str, callable]]:
    """The big inputs hypothesis would not draw: a 1 MB line, HTML nested 5,000 deep, a 3 MB CSV field, a
    feed of 100,000 entries."""
    def one_mb_line():
        with folder() as f:
            path = f / "a.jsonl"
            path.write_text(good_record(0, "") + "\n" + json.dumps({"id": "big", "text": "word " * 199_000}) + "\n"
                            + good_record(1, "") + "\n", encoding="utf-8")
            arts, _ = check_items(read(path))
        assert {a.id for a in arts} == {"good-0", "big", "good-1"}

    def deep_html():
        prop_html("Japan imposed sanctions on Russia.", 5000, "utf-8")

    def huge_csv_field():
        prop_csv(["word " * 600_000, "ok"], 1)

    def feed_100k():
        items = "".join(f"<item><guid>e{i}</guid><description>Entry {i} text.</description></item>"
                        for i in range(100_000))
        with folder() as f:
            path = f / "a.rss"
            path.write_text(f"<rss version='2.0'><channel><title>x</title>{items}</channel></rss>", encoding="utf-8")
            start = time.perf_counter()
            arts, errs = check_items(read(path))
        assert len(arts) + len(errs) == 100_000 or errs, (len(arts), len(errs))
        return f"{len(arts):,} articles, {len(errs)} errors in {time.perf_counter() - start:.1f} s"

    def code_1mb_line():
        (result,) = __import__("eventlens.coding", fromlist=["x"]).code_articles(
            [Article(id="w", text="Japan condemned Russia " * 20_000)], coder=_coder(), processes=1, article_timeout=20)
        assert result.error is None or result.error.code == "E011"
        return f"{len(result.events)} events" + (f", {result.error.code}" if result.error else "")

    return [("1 MB JSONL line", one_mb_line), ("HTML nested 5,000 deep", deep_html),
            ("3 MB CSV field", huge_csv_field), ("feed of 100,000 entries", feed_100k),
            ("code_text on a 460 KB unpunctuated line", code_1mb_line)]


def _coder():
    from eventlens.coding import Coder

    if _CODER.get("c") is None:
        _CODER["c"] = Coder()
    return _CODER["c"]


def properties(scale: float):
    """(name, hypothesis test) pairs; `scale` 1.0 gives 10,300 cases in all."""
    def n(count):
        return max(5, int(count * scale))

    def s(count):
        return settings(max_examples=n(count), deadline=None, database=None, derandomize=True,
                        suppress_health_check=list(HealthCheck))

    return [
        ("txt", s(1500)(given(hostile_bytes(), st.just(False))(prop_txt))),
        ("txt.gz", s(500)(given(hostile_bytes(), st.just(True))(prop_txt))),
        ("jsonl", s(1500)(given(st.lists(hostile_bytes(), max_size=6), st.lists(hostile_text, min_size=1, max_size=6),
                                st.just(False))(prop_jsonl))),
        ("jsonl.gz", s(500)(given(st.lists(hostile_bytes(), max_size=6), st.lists(hostile_text, min_size=1, max_size=4),
                                  st.just(True))(prop_jsonl))),
        ("stdin", s(1000)(given(hostile_bytes())(prop_stdin))),
        ("html", s(1000)(given(hostile_text, st.integers(0, 200), st.sampled_from(["utf-8", "cp1252", "latin-1"]))(prop_html))),
        ("rss", s(700)(given(st.lists(hostile_text, max_size=10), st.just(False))(prop_feed))),
        ("atom", s(700)(given(st.lists(hostile_text, max_size=10), st.just(True))(prop_feed))),
        ("csv", s(1400)(given(st.lists(hostile_text, min_size=1, max_size=8), st.integers(1, 50))(prop_csv))),
        ("code_text", s(1500)(given(hostile_text)(prop_code_text))),
    ]


def run(scale: float = 1.0, fixed: bool = True, only: str | None = None) -> tuple[int, list[str], list[str]]:
    """Runs every property; returns (cases, failures, notes)."""
    failures, notes = [], []
    for name, test in properties(scale):
        if only and name not in only.split(","):
            continue
        start = time.perf_counter()
        try:
            test()
        except Exception as exc:  # hypothesis re-raises the shrunk failing example
            failures.append(f"{name}: {type(exc).__name__}: {str(exc)[:500]}\n{traceback.format_exc()[-1500:]}")
        notes.append(f"{name}: {COUNTS.get(name, 0)} cases, {time.perf_counter() - start:.1f} s")
    if fixed:
        for name, case in fixed_cases():
            if only and "fixed" not in only.split(","):
                continue
            _count("fixed")
            start = time.perf_counter()
            try:
                note = case()
                notes.append(f"{name}: ok ({time.perf_counter() - start:.1f} s{'; ' + note if note else ''})")
            except Exception as exc:
                failures.append(f"{name}: {type(exc).__name__}: {str(exc)[:500]}\n{traceback.format_exc()[-1500:]}")
    return sum(COUNTS.values()), failures, notes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: 10,300 generated cases plus the fixed ones")
    parser.add_argument("--only", default=None, help="comma-separated property names (txt, jsonl, ..., fixed)")
    args = parser.parse_args()
    start = time.perf_counter()
    cases, failures, notes = run(args.scale, only=args.only)
    for note in notes:
        print(note)
    for failure in failures:
        print("FAILURE", failure)
    print(f"{cases} cases, {len(failures)} failures, {time.perf_counter() - start:.0f} s")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
