"""Inputs cut into partitions of bounded size, and the articles of one partition.

The client only lists files and reads Parquet footers; the bytes of the articles are read by whoever
codes the partition (a worker), straight from the path or fsspec URL. What can be split is split:

  .jsonl / .ndjson   byte ranges of --partition-size; a line belongs to the range its first byte is in
  .parquet           runs of row groups up to --partition-size (uncompressed), the text in --text-col
  everything else    whole files (.txt, .html/.htm, .rss/.atom/.xml, .csv, and any file gzipped):
                     small ones are grouped into one partition, a big one is a partition alone,
                     since gzip cannot be entered mid-stream and a CSV field may hold line breaks

Articles read here are the same as `eventlens code`/`ingest` read (ids, dates, errors), with one
difference: in a JSONL file split into ranges, a line after the first range is named by its byte
offset (`big.jsonl:byte 1048576`) instead of its line number, which only a read from the start knows.
"""
from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import InputError, UsageError
from ..models import Article

JSONL = (".jsonl", ".ndjson")
TEXT = (".txt",)
HTML = (".html", ".htm")
FEEDS = (".rss", ".atom", ".xml")
CSV = (".csv",)
PARQUET = (".parquet", ".pq")
KNOWN = JSONL + TEXT + HTML + FEEDS + CSV + PARQUET
DEFAULT_PARTITION_SIZE = 4 << 20
_SIZE_UNITS = {"": 1, "B": 1, "K": 1 << 10, "KB": 1 << 10, "KIB": 1 << 10, "M": 1 << 20, "MB": 1 << 20,
               "MIB": 1 << 20, "G": 1 << 30, "GB": 1 << 30, "GIB": 1 << 30}


def parse_size(text: str | int) -> int:
    """'4MB', '512KB', '1G' or a number of bytes."""
    if isinstance(text, int):
        return text
    cleaned = str(text).strip().upper().replace(" ", "")
    digits = cleaned.rstrip("KMGIB")
    unit = cleaned[len(digits):]
    try:
        value = float(digits)
    except ValueError:
        value = -1
    if unit not in _SIZE_UNITS or value <= 0:
        raise UsageError(f"{text!r} is not a size", fix="write a size such as 4MB, 512KB or 1GB")
    return max(1, int(value * _SIZE_UNITS[unit]))


@dataclass(frozen=True, slots=True)
class Piece:
    """Part of one input: a whole file, a byte range of a JSONL file, or row groups of a Parquet file."""

    url: str  # the path as given (local) or the fsspec URL; article ids and error messages use it
    kind: str  # jsonl, text, html, feed, csv, parquet
    gzipped: bool = False
    start: int = 0  # byte offset (jsonl) or first row group (parquet)
    stop: int | None = None  # end offset (jsonl, exclusive) or row group after the last (parquet)
    size: int = 0  # bytes, for grouping
    first_row: int = 0  # parquet: number of the first row, for error messages


@dataclass(frozen=True, slots=True)
class Partition:
    index: int
    pieces: tuple[Piece, ...]

    @property
    def size(self) -> int:
        return sum(p.size for p in self.pieces)


def is_url(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def _kind(name: str) -> tuple[str | None, bool]:
    lower = name.lower()
    gzipped = lower.endswith(".gz")
    if gzipped:
        lower = lower[:-3]
    suffix = os.path.splitext(lower)[1]
    for kind, suffixes in (("jsonl", JSONL), ("text", TEXT), ("html", HTML), ("feed", FEEDS), ("csv", CSV),
                           ("parquet", PARQUET)):
        if suffix in suffixes:
            return (None, True) if kind == "parquet" and gzipped else (kind, gzipped)
    return None, gzipped


def _missing(path: str) -> InputError:
    return InputError("no such file or directory", where=path,
                      fix="check the path or URL; give files, directories or fsspec URLs")


def _empty_dir(path: str) -> InputError:
    return InputError("directory holds no readable article files", where=path,
                      fix="use .jsonl, .jsonl.gz, .txt, .html, .csv, .parquet (or .rss/.atom/.xml) files")


def list_inputs(path: str) -> Iterator[tuple[str, int, bool] | InputError]:
    """(name, size, named explicitly) for every file under a path, directory, glob or URL, sorted."""
    if path == "-":
        yield InputError("standard input cannot be split into partitions", where=path,
                         fix="save it to a file and give the file")
        return
    if not is_url(path):
        local = path[len("file://"):] if path.startswith("file://") else path
        if os.path.isdir(local):
            found = []
            for folder, subfolders, files in os.walk(local):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for name in files:
                    if not name.startswith(".") and _kind(name)[0] is not None:
                        full = os.path.join(folder, name)
                        found.append((tuple(os.path.relpath(full, local).split(os.sep)), full))
            if not found:
                yield _empty_dir(path)
            for _, full in sorted(found):
                yield full, os.path.getsize(full), False
            return
        if os.path.exists(local):
            yield local, os.path.getsize(local), True
            return
        if not any(ch in local for ch in "*?["):
            yield _missing(path)
            return
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(path)
        if any(ch in root for ch in "*?["):
            entries = fs.glob(root, detail=True)
            named = True
        elif fs.isdir(root):
            entries = fs.find(root, detail=True)
            named = False
        elif fs.exists(root):
            entries = {root: fs.info(root)}
            named = True
        else:
            yield _missing(path)
            return
    except (OSError, ValueError, ImportError) as exc:
        yield InputError(f"cannot list ({type(exc).__name__}: {exc})", where=path,
                         fix="check the URL and that its fsspec filesystem is installed and reachable")
        return
    names = []
    for name, info in sorted(entries.items()):
        if info.get("type") == "directory":
            continue
        base = name.rsplit("/", 1)[-1]
        if base.startswith(".") or (not named and _kind(base)[0] is None):
            continue
        names.append((fs.unstrip_protocol(name) if is_url(path) else name, int(info.get("size") or 0)))
    if not names:
        yield _empty_dir(path) if not named else _missing(path)
    for name, size in names:
        yield name, size, named


def _pieces(name: str, size: int, named: bool, partition_size: int, text_col: str) -> Iterator[Piece | InputError]:
    kind, gzipped = _kind(name)
    if kind is None:
        if not named:
            return
        kind = "text"  # a file named explicitly is plain text, as `eventlens code` reads it
    if kind == "jsonl" and not gzipped and size > partition_size:
        for start in range(0, size, partition_size):
            yield Piece(name, kind, start=start, stop=min(size, start + partition_size),
                        size=min(size, start + partition_size) - start)
        return
    if kind == "parquet":
        yield from _parquet_pieces(name, partition_size, text_col)
        return
    yield Piece(name, kind, gzipped=gzipped, stop=size if kind == "jsonl" and not gzipped else None, size=size)


def _parquet_pieces(name: str, partition_size: int, text_col: str) -> Iterator[Piece | InputError]:
    """Runs of row groups; only the file's footer is read here."""
    try:
        import pyarrow.parquet as pq

        with open_binary(name) as handle:
            meta = pq.ParquetFile(handle).metadata
            columns = set(pq.ParquetFile(handle).schema_arrow.names)
    except Exception as exc:  # a bad file costs that file
        yield InputError(f"not a readable Parquet file ({type(exc).__name__}: {exc})", where=name,
                         fix="check the file, or convert it to JSONL")
        return
    if text_col not in columns:
        yield InputError(f"Parquet file has no {text_col!r} column (columns: {', '.join(sorted(columns))})",
                         where=name, fix="name the text column with --text-col")
        return
    start, size, first_row, rows = 0, 0, 0, 0
    for group in range(meta.num_row_groups):
        size += meta.row_group(group).total_byte_size
        rows += meta.row_group(group).num_rows
        if size >= partition_size or group == meta.num_row_groups - 1:
            yield Piece(name, "parquet", start=start, stop=group + 1, size=size, first_row=first_row)
            start, size, first_row = group + 1, 0, first_row + rows
            rows = 0


def plan(paths: Iterable[str], partition_size: int = DEFAULT_PARTITION_SIZE,
         text_col: str = "text") -> Iterator[Partition | InputError]:
    """Partitions of at most about `partition_size` bytes (a file that cannot be split may be more),
    lazily: nothing but listings and Parquet footers is read."""
    index = 0
    pending: list[Piece] = []
    pending_size = 0
    for path in paths:
        for item in list_inputs(path):
            if isinstance(item, InputError):
                yield item
                continue
            for piece in _pieces(*item, partition_size, text_col):
                if isinstance(piece, InputError):
                    yield piece
                    continue
                if pending and pending_size + piece.size > partition_size:
                    yield Partition(index, tuple(pending))
                    index += 1
                    pending, pending_size = [], 0
                pending.append(piece)
                pending_size += piece.size
    if pending:
        yield Partition(index, tuple(pending))


# -- reading a partition (on a worker) -------------------------------------------------------------

def open_binary(url: str):
    """A binary file object for a local path or an fsspec URL, with readline(limit) and seek."""
    if not is_url(url):
        return open(url[len("file://"):] if url.startswith("file://") else url, "rb")
    import fsspec

    handle = fsspec.open(url, "rb").open()
    return handle if isinstance(handle, io.BufferedIOBase) and not hasattr(handle, "readuntil") \
        else io.BufferedReader(handle, buffer_size=1 << 20)


@dataclass(frozen=True, slots=True)
class ReadOptions:
    default_date: dt.date | None = None
    max_chars: int = 1_000_000
    text_col: str = "text"
    id_col: str = "id"
    date_col: str = "date"


def read_partition(partition: Partition, options: ReadOptions) -> Iterator[Article | InputError]:
    for piece in partition.pieces:
        try:
            yield from _read_piece(piece, options)
        except (OSError, EOFError, zlib.error, ValueError) as exc:
            yield InputError(f"cannot read ({type(exc).__name__}: {exc})", where=piece.url,
                             fix="check that the file exists, is readable and is not truncated")


def _read_piece(piece: Piece, options: ReadOptions) -> Iterator[Article | InputError]:
    from ..ingest.formats import _MARKUP_FACTOR, _article_from_html, _articles_from_feed
    from ..ingest.readers import _article_from_text, _read_jsonl_stream, _too_long

    day, max_chars = options.default_date, options.max_chars
    if piece.kind == "parquet":
        yield from _read_parquet(piece, options)
        return
    with open_binary(piece.url) as raw:
        handle = gzip.GzipFile(fileobj=raw, mode="rb") if piece.gzipped else raw
        if piece.kind == "jsonl":
            yield from _read_jsonl_stream(piece.url, _lines(handle, piece, max_chars), day, max_chars)
            return
        if piece.kind == "csv":
            yield from _read_csv(piece.url, handle, options)
            return
        factor = _MARKUP_FACTOR if piece.kind in ("html", "feed") else 4
        limit = factor * max_chars + 4
        data = handle.read(limit + 1)
    if len(data) > limit:
        yield _too_long(piece.url, max_chars, more_than=True)
    elif piece.kind == "html":
        yield _article_from_html(piece.url, data, day, max_chars)
    elif piece.kind == "feed":
        yield from _articles_from_feed(piece.url, data, day, max_chars)
    elif b"\x00" in data:
        yield InputError("binary file (NUL bytes), not text", where=piece.url,
                         fix="give plain UTF-8 text: convert PDFs or Word files to .txt first")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield InputError(f"binary file (not UTF-8 at byte {exc.start}), not text", where=piece.url,
                             fix="give plain UTF-8 text")
            return
        yield from _article_from_text(piece.url, piece.url, text, day, max_chars)


def _lines(handle, piece: Piece, max_chars: int) -> Iterator[tuple[int | str, bytes | None]]:
    """The lines of a JSONL piece, numbered from 1 when it starts the file, else by byte offset.
    Lines longer than the limit are skipped in bounded chunks and given as None."""
    from ..ingest.readers import _JSON_BYTES_PER_CHAR, _JSON_LINE_OVERHEAD, _SKIP_CHUNK

    byte_limit = _JSON_BYTES_PER_CHAR * max_chars + _JSON_LINE_OVERHEAD
    pos = piece.start
    if pos > 0:
        handle.seek(pos - 1)
        if handle.read(1) != b"\n":
            # That line began in the previous range, which reads it whole: skip it in bounded chunks.
            while True:
                rest = handle.readline(_SKIP_CHUNK)
                pos += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
    stop = piece.stop if (piece.stop is not None and not piece.gzipped) else None
    number = 0
    while stop is None or pos < stop:
        line = handle.readline(byte_limit + 1)
        if not line:
            return
        at, number = pos, number + 1
        pos += len(line)
        label: int | str = number if piece.start == 0 else f"byte {at}"
        if len(line) > byte_limit and not line.endswith(b"\n"):
            while True:
                rest = handle.readline(_SKIP_CHUNK)
                pos += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield label, None
        else:
            yield label, line


def _read_csv(where: str, handle, options: ReadOptions) -> Iterator[Article | InputError]:
    """A CSV streamed row by row (the whole file is never held), as `eventlens ingest` reads CSV."""
    import csv

    from ..ingest.readers import _too_long, parse_date

    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    csv.field_size_limit(max(csv.field_size_limit(), 4 * options.max_chars + 4))
    reader = csv.DictReader(text)
    try:
        columns = reader.fieldnames or []
        if options.text_col not in columns:
            yield InputError(f"CSV has no {options.text_col!r} column (columns: {', '.join(columns) or 'none'})",
                             where=where, fix="name the text column with --text-col")
            return
        for row in reader:
            here = f"{where}:{reader.line_num}"
            yield _article_from_fields(here, row.get(options.text_col), row.get(options.id_col),
                                       row.get(options.date_col), row, options, _too_long, parse_date)
    except UnicodeDecodeError as exc:
        yield InputError(f"CSV is not UTF-8 (bad byte at {exc.start})", where=where, fix="save the file as UTF-8")
    except csv.Error as exc:
        yield InputError(f"bad CSV: {exc}", where=f"{where}:{reader.line_num}", fix="check the file's quoting")
    finally:
        text.detach()


def _article_from_fields(where, text, raw_id, raw_date, row, options: ReadOptions, too_long, parse_date):
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    if not text.strip():
        return InputError("article text is empty", where=where, fix="fill in the text column or drop the row")
    if len(text) > options.max_chars:
        return too_long(where, options.max_chars, length=len(text))
    day = options.default_date
    if isinstance(raw_date, dt.datetime):
        day = raw_date.date()
    elif isinstance(raw_date, dt.date):
        day = raw_date
    elif raw_date not in (None, ""):
        raw = str(raw_date).strip()
        try:
            day = parse_date(raw[:10] if len(raw) > 10 else raw)
        except ValueError:
            return InputError(f"bad date {raw_date!r} in column {options.date_col!r}", where=where,
                              fix="use YYYY-MM-DD (or YYYYMMDD), or name the date column with --date-col")

    def optional(key):
        value = row.get(key)
        return None if value in (None, "") else str(value)

    article_id = "" if raw_id is None else str(raw_id).strip()
    return Article(id=article_id or where, text=text, date=day, title=optional("title"), url=optional("url"),
                   source=optional("source"), origin=where)


def _read_parquet(piece: Piece, options: ReadOptions) -> Iterator[Article | InputError]:
    import pyarrow.parquet as pq

    from ..ingest.readers import _too_long, parse_date

    with open_binary(piece.url) as handle:
        parquet = pq.ParquetFile(handle)
        present = set(parquet.schema_arrow.names)
        wanted = [c for c in (options.text_col, options.id_col, options.date_col, "title", "url", "source")
                  if c in present]
        number = piece.first_row
        for batch in parquet.iter_batches(batch_size=256, row_groups=list(range(piece.start, piece.stop)),
                                          columns=sorted(set(wanted))):
            for row in batch.to_pylist():
                number += 1
                where = f"{piece.url}:row {number}"
                yield _article_from_fields(where, row.get(options.text_col), row.get(options.id_col),
                                           row.get(options.date_col), row, options, _too_long, parse_date)


__all__ = ["DEFAULT_PARTITION_SIZE", "Partition", "Piece", "ReadOptions", "list_inputs", "open_binary",
           "parse_size", "plan", "read_partition"]
