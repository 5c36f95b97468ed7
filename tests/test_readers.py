"""Every input form `eventlens code` accepts, and every way an input can be bad."""
from __future__ import annotations

import builtins
import datetime as dt
import io
import json
import os
import sys
from pathlib import Path

import pytest

from eventlens.errors import InputError
from eventlens.ingest import iter_inputs, parse_date
from eventlens.models import Article

BODY = "Foreign ministers of Japan and South Korea met in Seoul on Monday to discuss trade."


def run(*paths, **kwargs) -> list[Article | InputError]:
    return list(iter_inputs([str(p) for p in paths], **kwargs))


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def errors(items) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


def only_error(items) -> InputError:
    found = errors(items)
    assert len(found) == 1, items
    assert not articles(items), items
    return found[0]


def write_jsonl(path: Path, *lines) -> Path:
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    return path


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2024-03-05", "20240305", " 2024-03-05\n"])
def test_parse_date_accepts_both_forms(text):
    assert parse_date(text) == dt.date(2024, 3, 5)


@pytest.mark.parametrize("text", ["05/03/2024", "2024-3-5", "2024-02-30", "March 5, 2024", "", "2024030", "２０２４０３０５"])
def test_parse_date_rejects_other_forms(text):
    with pytest.raises(ValueError):
        parse_date(text)


# --- text files ------------------------------------------------------------------------------


def test_text_file_is_one_article_with_the_path_as_id(tmp_path):
    path = tmp_path / "seoul.txt"
    path.write_text(BODY + "\n\nSecond paragraph.\n", encoding="utf-8")
    (article,) = run(path)
    assert isinstance(article, Article)
    assert article.id == str(path)
    assert article.origin == str(path)
    assert article.text == BODY + "\n\nSecond paragraph.\n"
    assert article.date is None


def test_text_file_takes_the_default_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BODY)
    (article,) = run(path, default_date=dt.date(2023, 7, 1))
    assert article.date == dt.date(2023, 7, 1)


def test_text_file_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff".encode() + BODY.encode())
    (article,) = run(path)
    assert article.text == BODY


def test_text_file_keeps_non_ascii(tmp_path):
    path = tmp_path / "u.txt"
    path.write_text("President Erdoğan met Chancellor Merz in Berlin.", encoding="utf-8")
    (article,) = run(path)
    assert "Erdoğan" in article.text


# --- JSONL files -----------------------------------------------------------------------------


def test_jsonl_records_carry_all_fields(tmp_path):
    path = write_jsonl(
        tmp_path / "news.jsonl",
        {"id": "wire-1", "text": BODY, "date": "2024-03-05", "title": "Talks", "url": "http://x/1", "source": "Wire"},
        {"id": "wire-2", "text": "Second story.", "date": "20240306"},
    )
    first, second = run(path)
    assert (first.id, first.text, first.date) == ("wire-1", BODY, dt.date(2024, 3, 5))
    assert (first.title, first.url, first.source) == ("Talks", "http://x/1", "Wire")
    assert first.origin == f"{path}:1"
    assert (second.id, second.date, second.title, second.origin) == ("wire-2", dt.date(2024, 3, 6), None, f"{path}:2")


def test_jsonl_record_without_id_is_named_by_path_and_line(tmp_path):
    path = write_jsonl(tmp_path / "n.jsonl", {"text": "One."}, "", {"id": "", "text": "Three."}, {"id": 7, "text": "Four."})
    items = run(path)
    assert [a.id for a in items] == [f"{path}:1", f"{path}:3", "7"]


def test_record_date_wins_over_default_date(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", {"id": "a", "text": "x", "date": "2020-01-02"}, {"id": "b", "text": "y"},
                       {"id": "c", "text": "z", "date": None})
    a, b, c = run(path, default_date=dt.date(1999, 12, 31))
    assert a.date == dt.date(2020, 1, 2)
    assert b.date == dt.date(1999, 12, 31)
    assert c.date == dt.date(1999, 12, 31)


def test_jsonl_blank_lines_are_skipped_but_counted(tmp_path):
    path = tmp_path / "gaps.jsonl"
    path.write_text('\n{"id": "a", "text": "x"}\n   \n{"text": "y"}\n')
    a, b = run(path)
    assert a.origin == f"{path}:2"
    assert b.id == f"{path}:4"


def test_jsonl_is_read_as_a_stream(tmp_path):
    """The first article arrives before a bad line further down is even reached."""
    path = write_jsonl(tmp_path / "s.jsonl", {"id": "a", "text": "x"}, "not json")
    stream = iter_inputs([str(path)])
    first = next(stream)
    assert isinstance(first, Article) and first.id == "a"
    assert isinstance(next(stream), InputError)
    assert next(stream, None) is None


# --- directories -----------------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "z.txt").write_text("zed")
    (tmp_path / "a.txt").write_text("ay")
    (tmp_path / "b" / "c.jsonl").write_text('{"id": "c1", "text": "see"}\n{"id": "c2", "text": "sea"}\n')
    (tmp_path / "b" / "deep" / "d.txt").write_text("dee")
    (tmp_path / "b" / "notes.md").write_text("not an article")
    (tmp_path / "b" / "data.csv").write_text("x,y")
    (tmp_path / ".hidden" / "h.txt").write_text("hidden")
    items = run(tmp_path)
    assert not errors(items)
    assert [a.id for a in items] == [
        str(tmp_path / "a.txt"),
        "c1",
        "c2",
        str(tmp_path / "b" / "deep" / "d.txt"),
        str(tmp_path / "z.txt"),
    ]


def test_directory_without_articles_is_an_error(tmp_path):
    (tmp_path / "readme.md").write_text("nothing here")
    error = only_error(run(tmp_path))
    assert error.where == str(tmp_path)
    assert ".txt" in error.message


def test_several_paths_are_read_in_the_order_given(tmp_path):
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text("1")
    two.write_text("2")
    assert [a.text for a in run(two, one)] == ["2", "1"]


# --- standard input --------------------------------------------------------------------------


def test_stdin_plain_text_is_one_article(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n" + BODY + "\n{not json}\n"))
    (article,) = run("-", default_date=dt.date(2024, 1, 1))
    assert article.id == "-"
    assert article.text == "\n" + BODY + "\n{not json}\n"
    assert article.date == dt.date(2024, 1, 1)


def test_stdin_starting_with_a_brace_is_jsonl(monkeypatch):
    lines = ["", '  {"id": "s1", "text": "one", "date": "2022-02-02"}', "[1, 2]", '{"text": "three"}']
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    items = run("-")
    assert [a.id for a in articles(items)] == ["s1", "-:4"]
    assert articles(items)[0].date == dt.date(2022, 2, 2)
    assert [e.where for e in errors(items)] == ["-:3"]


def test_stdin_bytes_are_read_from_the_binary_buffer(monkeypatch):
    stream = io.TextIOWrapper(io.BytesIO('{"id": "b", "text": "Kyiv – talks"}\n'.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    (article,) = run("-")
    assert article.text == "Kyiv – talks"


def test_stdin_binary_is_an_error(monkeypatch):
    stream = io.TextIOWrapper(io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    error = only_error(run("-"))
    assert error.where == "-"
    assert "binary" in error.message


def test_empty_stdin_is_an_error(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("  \n\n"))
    assert "empty" in only_error(run("-")).message


# --- errors ----------------------------------------------------------------------------------


def test_missing_path(tmp_path):
    error = only_error(run(tmp_path / "nope.txt"))
    assert error.where == str(tmp_path / "nope.txt")
    assert "no such file" in error.message
    assert error.fix


def test_unreadable_file_reported_not_raised(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("text")
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    error = only_error(run(path))
    assert error.where == str(path)
    assert "Permission denied" in error.message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_by_permissions(tmp_path):
    path = tmp_path / "locked.jsonl"
    path.write_text('{"text": "x"}\n')
    path.chmod(0)
    try:
        assert "cannot read" in only_error(run(path)).message
    finally:
        path.chmod(0o644)


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_nul_bytes_mean_binary(tmp_path, suffix):
    path = tmp_path / f"image{suffix}"
    path.write_bytes(b'{"text": "x"}\n' + b"\x00\x01\x02" * 50 + b"\n" + b"\x00" * 10 + b"\n")
    items = run(path)
    if suffix == ".jsonl":
        # The good first line still counts; the binary part gives one error, not one per line.
        assert [a.text for a in articles(items)] == ["x"]
        (error,) = errors(items)
    else:
        error = only_error(items)
    assert "binary" in error.message
    assert error.where == str(path)


def test_text_file_that_is_not_utf8_is_binary(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Président de la République".encode("latin-1"))
    error = only_error(run(path))
    assert "binary" in error.message and "UTF-8" in error.message


def test_jsonl_line_that_is_not_utf8_is_skipped(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"id": "ok", "text": "fine"}\n')
    items = run(path)
    assert [a.id for a in articles(items)] == ["ok"]
    (error,) = errors(items)
    assert error.where == f"{path}:1"
    assert "UTF-8" in error.message


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('{"id": "a", "text": "x"', "bad JSON"),
        ("[1, 2, 3]", "array, not an object"),
        ('"just a string"', "string, not an object"),
        ('{"id": "a", "body": "x"}', 'no "text"'),
        ('{"id": "a", "text": null}', 'no "text"'),
        ('{"id": "a", "text": ["x"]}', "not a string"),
        ('{"id": "a", "text": "   \\n "}', "empty"),
        ('{"id": "a", "text": "x", "date": "05/03/2024"}', "date"),
        ('{"id": "a", "text": "x", "date": "2024-13-01"}', "date"),
        ('{"id": "a", "text": "x", "date": 3.5}', "date"),
    ],
)
def test_bad_jsonl_line_is_reported_and_the_stream_goes_on(tmp_path, line, words):
    path = write_jsonl(tmp_path / "bad.jsonl", {"id": "before", "text": "b"}, line, {"id": "after", "text": "a"})
    items = run(path)
    assert [a.id for a in articles(items)] == ["before", "after"]
    (error,) = errors(items)
    assert error.where == f"{path}:2"
    assert words in error.message
    assert error.fix
    assert error.code == "E001"
    assert str(error).startswith(f"[E001] {path}:2:")


def test_bad_date_says_the_expected_form(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", {"text": "x", "date": "yesterday"})
    assert "YYYY-MM-DD" in only_error(run(path)).fix


def test_integer_date_is_accepted(tmp_path):
    path = write_jsonl(tmp_path / "d.jsonl", {"text": "x", "date": 20240305})
    (article,) = run(path)
    assert article.date == dt.date(2024, 3, 5)


def test_empty_text_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text(" \n\t\n")
    error = only_error(run(path))
    assert "empty" in error.message
    assert error.where == str(path)


@pytest.mark.parametrize("size", [101, 1000])
def test_text_over_max_chars(tmp_path, size):
    path = tmp_path / "long.txt"
    path.write_text("x" * size)
    error = only_error(run(path, max_chars=100))
    assert "--max-chars" in error.fix
    assert "100" in error.message


def test_text_at_max_chars_is_fine(tmp_path):
    path = tmp_path / "edge.txt"
    path.write_text("é" * 100, encoding="utf-8")
    (article,) = run(path, max_chars=100)
    assert len(article.text) == 100


def test_jsonl_text_over_max_chars(tmp_path):
    path = write_jsonl(tmp_path / "l.jsonl", {"id": "long", "text": "y" * 50}, {"id": "short", "text": "ok"})
    items = run(path, max_chars=20)
    assert [a.id for a in articles(items)] == ["short"]
    assert errors(items)[0].where == f"{path}:1"


def test_huge_jsonl_line_is_refused_without_stopping(tmp_path):
    """A line too long even to parse is skipped whole; the next line is still read."""
    path = write_jsonl(tmp_path / "h.jsonl", {"id": "huge", "text": "z" * 200_000}, {"id": "next", "text": "ok"})
    items = run(path, max_chars=10)
    assert [a.id for a in articles(items)] == ["next"]
    (error,) = errors(items)
    assert error.where == f"{path}:1"
    assert "--max-chars" in error.fix


def test_one_bad_input_never_stops_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(BODY)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    items = run(tmp_path / "missing.txt", empty, good)
    assert [type(i) for i in items] == [InputError, InputError, Article]
