"""The inputs `eventlens ingest` reads beyond `code`'s: HTML pages, RSS/Atom feeds, CSV, and gzip.

`iter_rich_inputs` yields Article | InputError exactly like `iter_inputs` (which it calls for .txt,
.jsonl, standard input and any unknown file named explicitly): one bad page, entry or row is one
InputError and the rest goes on.
"""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import os
import re
import zlib
from collections.abc import Iterator, Sequence

from eventlens.errors import InputError
from eventlens.ingest.readers import (
    _article_from_text, _numbered_lines, _read_jsonl_stream, _too_long, iter_inputs, parse_date,
)
from eventlens.models import Article

HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
CSV_SUFFIXES = (".csv",)
TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
KNOWN_SUFFIXES = HTML_SUFFIXES + FEED_SUFFIXES + CSV_SUFFIXES + TEXT_SUFFIXES + JSONL_SUFFIXES
# Markup weighs more than the text it carries: a page may be this many times --max-chars in bytes.
_MARKUP_FACTOR = 20


def iter_rich_inputs(
    paths: Sequence[str],
    default_date: dt.date | None = None,
    text_col: str = "text",
    id_col: str = "id",
    date_col: str = "date",
    max_chars: int = 1_000_000,
) -> Iterator[Article | InputError]:
    """Every article under `paths`: .txt, .jsonl, .html/.htm, .rss/.atom/.xml feeds, .csv, any of
    these gzipped (.gz), directories of them (recursively, sorted), or "-" for standard input."""
    options = (default_date, text_col, id_col, date_col, max_chars)
    for path in paths:
        if path == "-":
            yield from iter_inputs([path], default_date=default_date, max_chars=max_chars)
        elif os.path.isdir(path):
            yield from _read_directory(path, options)
        elif os.path.exists(path):
            yield from _read_file(path, options)
        else:
            yield InputError("no such file or directory", where=path,
                             fix="check the path; give a file, a directory, or - for stdin")


def _inner_suffix(path: str) -> str:
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1]


def _read_directory(root: str, options) -> Iterator[Article | InputError]:
    found = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and _inner_suffix(name) in KNOWN_SUFFIXES:
                full = os.path.join(folder, name)
                found.append((tuple(os.path.relpath(full, root).split(os.sep)), full))
    if not found:
        yield InputError("directory holds no readable article files", where=root,
                         fix="use .txt, .jsonl, .html, .rss/.atom/.xml, .csv or any of them gzipped")
        return
    for _, full in sorted(found):
        yield from _read_file(full, options)


def _read_file(path: str, options) -> Iterator[Article | InputError]:
    default_date, text_col, id_col, date_col, max_chars = options
    gzipped = path.lower().endswith(".gz")
    suffix = _inner_suffix(path)
    if not gzipped and suffix in TEXT_SUFFIXES + JSONL_SUFFIXES:
        yield from iter_inputs([path], default_date=default_date, max_chars=max_chars)
        return
    if gzipped and suffix in JSONL_SUFFIXES:
        # Streamed, so a large compressed file is never held in memory whole.
        try:
            with gzip.open(path, "rb") as handle:
                yield from _read_jsonl_stream(path, _numbered_lines(handle, max_chars), default_date, max_chars)
        except (OSError, EOFError, zlib.error) as exc:
            yield _bad_gzip(path, exc)
        return
    limit = (_MARKUP_FACTOR if suffix in HTML_SUFFIXES + FEED_SUFFIXES + CSV_SUFFIXES else 4) * max_chars + 4
    raw = _read_bounded(path, gzipped, limit)
    if isinstance(raw, InputError):
        yield raw
        return
    if raw is None:
        yield _too_long(path, max_chars, more_than=True)
        return
    if suffix in HTML_SUFFIXES:
        yield _article_from_html(path, raw, default_date, max_chars)
    elif suffix in FEED_SUFFIXES:
        yield from _articles_from_feed(path, raw, default_date, max_chars)
    elif suffix in CSV_SUFFIXES:
        yield from _articles_from_csv(path, raw, options)
    else:
        # A gzipped .txt, or a gzipped file of unknown kind: plain text, as `code` treats unknown files.
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield InputError(f"binary file (not UTF-8 at byte {exc.start}), not text", where=path,
                             fix="give plain UTF-8 text")
            return
        if "\x00" in text:
            yield InputError("binary file (NUL bytes), not text", where=path, fix="give plain UTF-8 text")
            return
        yield from _article_from_text(path, path, text, default_date, max_chars)


def _read_bounded(path: str, gzipped: bool, limit: int) -> bytes | None | InputError:
    try:
        opener = gzip.open if gzipped else open
        with opener(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        return _bad_gzip(path, exc)
    except OSError as exc:
        return InputError(f"cannot read file: {exc.strerror or exc}", where=path,
                          fix="check that the file exists and is readable")
    return None if len(raw) > limit else raw


def _bad_gzip(path: str, exc: Exception) -> InputError:
    return InputError(f"not a readable gzip file ({exc})", where=path, fix="re-compress it with gzip")


def _date_or_default(text: str | None, default_date: dt.date | None) -> dt.date | None:
    """A page's metadata date, unless the user gave --date: a user's date always wins over metadata."""
    if default_date is not None or not text:
        return default_date
    try:
        return parse_date(text[:10])
    except ValueError:
        return default_date


def _article_from_html(path: str, raw: bytes, default_date, max_chars) -> Article | InputError:
    import json

    import trafilatura

    try:
        extracted = trafilatura.extract(raw, output_format="json", with_metadata=True, include_comments=False)
    except Exception as exc:  # a malformed page must cost that page only
        return InputError(f"cannot parse the HTML ({type(exc).__name__}: {exc})", where=path,
                          fix="check that the file is an HTML page")
    data = json.loads(extracted) if extracted else {}
    text = (data.get("text") or "").strip()
    if not text:
        return InputError("no article text found in the HTML page", where=path,
                          fix="give the article's own page, not an index or an empty page")
    if len(text) > max_chars:
        return _too_long(path, max_chars, length=len(text))
    return Article(id=path, text=text, date=_date_or_default(data.get("date"), default_date),
                   title=data.get("title") or None, url=data.get("source") or None,
                   source=data.get("source-hostname") or data.get("hostname") or None, origin=path)


_BLOCK_TAGS = re.compile(r"(?i)<\s*(?:/p|br\s*/?|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")


def html_fragment_text(fragment: str) -> str:
    """Text of a feed entry's HTML: block ends become line breaks (sentence boundaries)."""
    if "<" not in fragment:
        import html

        return html.unescape(fragment).strip()
    import lxml.html

    marked = _BLOCK_TAGS.sub(lambda m: m.group(0) + "\n", fragment)
    try:
        text = lxml.html.fragment_fromstring(marked, create_parent="div").text_content()
    except Exception:
        text = re.sub(r"<[^>]+>", " ", marked)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def _articles_from_feed(path: str, raw: bytes, default_date, max_chars) -> Iterator[Article | InputError]:
    import feedparser

    feed = feedparser.parse(raw)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.bozo else ""
        yield InputError(f"no feed entries found{reason}", where=path, fix="give an RSS or Atom feed file")
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{path}:entry {number}"
        contents = entry.get("content") or []
        body = contents[0].get("value") if contents else None
        text = html_fragment_text(body or entry.get("summary") or "")
        if not text:
            yield InputError("feed entry has no content or summary", where=where,
                             fix="the feed carries only titles; fetch the linked pages and ingest them as HTML")
            continue
        if len(text) > max_chars:
            yield _too_long(where, max_chars, length=len(text))
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        day = default_date or (dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None)
        yield Article(id=entry.get("id") or entry.get("link") or where, text=text, date=day,
                      title=entry.get("title") or None, url=entry.get("link") or None, source=outlet, origin=where)


def _articles_from_csv(path: str, raw: bytes, options) -> Iterator[Article | InputError]:
    default_date, text_col, id_col, date_col, max_chars = options
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield InputError(f"CSV is not UTF-8 (bad byte at {exc.start})", where=path, fix="save the file as UTF-8")
        return
    csv.field_size_limit(max(csv.field_size_limit(), 4 * max_chars + 4))
    reader = csv.DictReader(io.StringIO(decoded, newline=""))
    columns = reader.fieldnames or []
    if text_col not in columns:
        yield InputError(f"CSV has no {text_col!r} column (columns: {', '.join(columns) or 'none'})", where=path,
                         fix="name the text column with --text-col")
        return
    try:
        for row in reader:
            where = f"{path}:{reader.line_num}"
            text = row.get(text_col) or ""
            if not text.strip():
                yield InputError("article text is empty", where=where, fix="fill in the text column or drop the row")
                continue
            if len(text) > max_chars:
                yield _too_long(where, max_chars, length=len(text))
                continue
            day = default_date
            raw_date = (row.get(date_col) or "").strip()
            if raw_date:
                try:
                    day = parse_date(raw_date[:10] if len(raw_date) > 10 else raw_date)
                except ValueError:
                    yield InputError(f"bad date {raw_date!r} in column {date_col!r}", where=where,
                                     fix="use YYYY-MM-DD (or YYYYMMDD), or name the date column with --date-col")
                    continue
            yield Article(id=(row.get(id_col) or "").strip() or where, text=text, date=day,
                          title=row.get("title") or None, url=row.get("url") or None,
                          source=row.get("source") or None, origin=where)
    except csv.Error as exc:
        yield InputError(f"bad CSV: {exc}", where=f"{path}:{reader.line_num}", fix="check the file's quoting")
