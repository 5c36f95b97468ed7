"""Turn the paths given to `eventlens code` into a stream of Articles.

Bad input never stops the stream: each problem is yielded as an InputError (not raised) so the
caller can report it and go on with the rest of the batch. JSONL files are read line by line with a
bounded line length, so neither a big file nor one huge line can exhaust memory.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from eventlens.errors import InputError
from eventlens.models import Article

STDIN = "-"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DIRECTORY_SUFFIXES = (".txt",) + JSONL_SUFFIXES

# A JSON line may spell each character of its text as a six-byte \uXXXX escape, and it carries
# other fields besides the text; this is how many bytes a line may take before it is refused unread.
_JSON_BYTES_PER_CHAR = 6
_JSON_LINE_OVERHEAD = 64 * 1024
_SKIP_CHUNK = 1 << 20

_DATE_FIX = "use YYYY-MM-DD (or YYYYMMDD)"
_TOO_LONG_FIX = "split the article or raise --max-chars"


def parse_date(text: str) -> dt.date:
    """Read a date written YYYY-MM-DD or YYYYMMDD; anything else raises ValueError."""
    if not isinstance(text, str):
        raise ValueError(f"not a date string: {text!r}")
    cleaned = text.strip()
    if len(cleaned) == 10 and cleaned[4] == "-" and cleaned[7] == "-":
        digits = cleaned[:4] + cleaned[5:7] + cleaned[8:]
    elif len(cleaned) == 8:
        digits = cleaned
    else:
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"not a YYYY-MM-DD date: {text!r}")
    # date() itself rejects impossible days such as 2024-02-30.
    return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))


def iter_inputs(
    paths: Sequence[str],
    default_date: dt.date | None = None,
    max_chars: int = 1_000_000,
) -> Iterator[Article | InputError]:
    """Yield an Article for every readable article under `paths`, an InputError for every problem.

    A path may be a .txt file (one article), a .jsonl file (one article a line), a directory (every
    .txt and .jsonl inside it, recursively, in sorted order) or "-" for standard input.
    `default_date` is the publication date of inputs that carry none; a record's own date wins.
    """
    for path in paths:
        if path == STDIN:
            yield from _read_stdin(default_date, max_chars)
        elif os.path.isdir(path):
            yield from _read_directory(path, default_date, max_chars)
        elif os.path.exists(path):
            yield from _read_file(path, default_date, max_chars)
        else:
            yield InputError(
                "no such file or directory",
                where=path,
                fix="check the path; give a .txt or .jsonl file, a directory, or - for stdin",
            )


def _read_file(path: str, default_date: dt.date | None, max_chars: int) -> Iterator[Article | InputError]:
    if path.lower().endswith(JSONL_SUFFIXES):
        yield from _read_jsonl_file(path, default_date, max_chars)
    else:
        # Any other file named explicitly is taken as plain text; only directory scans filter by suffix.
        yield from _read_text_file(path, default_date, max_chars)


def _read_directory(root: str, default_date: dt.date | None, max_chars: int) -> Iterator[Article | InputError]:
    found: list[tuple[tuple[str, ...], str]] = []
    for folder, subfolders, files in os.walk(root):
        # Hidden folders (.git, .cache) hold no articles and can be large.
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        for name in files:
            if name.startswith(".") or not name.lower().endswith(DIRECTORY_SUFFIXES):
                continue
            full = os.path.join(folder, name)
            rel_parts = tuple(os.path.relpath(full, root).split(os.sep))
            found.append((rel_parts, full))
    if not found:
        yield InputError(
            "directory holds no .txt or .jsonl files",
            where=root,
            fix="put articles in .txt (one article) or .jsonl (one a line) files",
        )
        return
    for _, full in sorted(found):
        yield from _read_file(full, default_date, max_chars)


def _read_text_file(path: str, default_date: dt.date | None, max_chars: int) -> Iterator[Article | InputError]:
    # UTF-8 takes at most 4 bytes a character, so more bytes than this means too many characters.
    byte_limit = 4 * max_chars + 4
    try:
        with open(path, "rb") as handle:
            raw = handle.read(byte_limit + 1)
    except OSError as exc:
        yield _unreadable(path, exc)
        return
    if b"\x00" in raw:
        yield _binary(path)
        return
    if len(raw) > byte_limit:
        yield _too_long(path, max_chars, more_than=True)
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield _binary(path, exc)
        return
    yield from _article_from_text(path, path, text, default_date, max_chars)


def _article_from_text(
    article_id: str, where: str, text: str, default_date: dt.date | None, max_chars: int
) -> Iterator[Article | InputError]:
    if not text.strip():
        yield _empty(where)
    elif len(text) > max_chars:
        yield _too_long(where, max_chars, length=len(text))
    else:
        yield Article(id=article_id, text=text, date=default_date, origin=where)


def _read_jsonl_file(path: str, default_date: dt.date | None, max_chars: int) -> Iterator[Article | InputError]:
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield _unreadable(path, exc)
        return
    with handle:
        try:
            yield from _read_jsonl_stream(path, _numbered_lines(handle, max_chars), default_date, max_chars)
        except OSError as exc:
            yield _unreadable(path, exc)


def _numbered_lines(handle: BinaryIO, max_chars: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, bytes) per line; bytes is None for a line too long to hold in memory."""
    byte_limit = _JSON_BYTES_PER_CHAR * max_chars + _JSON_LINE_OVERHEAD
    number = 0
    while True:
        line = handle.readline(byte_limit + 1)
        if not line:
            return
        number += 1
        if len(line) > byte_limit and not line.endswith(b"\n"):
            # Drop the rest of the oversized line in bounded chunks.
            while True:
                rest = handle.readline(_SKIP_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, line


def _read_jsonl_stream(
    label: str,
    lines: Iterable[tuple[int, bytes | None]],
    default_date: dt.date | None,
    max_chars: int,
) -> Iterator[Article | InputError]:
    binary: list[int] = []  # the run of lines with NUL bytes being read, reported as one error
    for number, raw in lines:
        where = f"{label}:{number}"
        if raw is not None and b"\x00" in raw:
            # NUL bytes never occur in JSON text: binary data. A run of such lines is one error, and the
            # lines after it are read on, so a corrupt stretch costs only itself.
            binary.append(number)
            continue
        if binary:
            yield _binary_lines(label, binary)
            binary = []
        if raw is None:
            yield _too_long(where, max_chars, more_than=True)
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield InputError(
                f"line is not UTF-8 text (bad byte at column {exc.start + 1})",
                where=where,
                fix="save the file as UTF-8",
            )
            continue
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        yield _article_from_json_line(line, label, number, default_date, max_chars)
    if binary:
        yield _binary_lines(label, binary)


def _binary_lines(label: str, numbers: list[int]) -> InputError:
    lines = f"line {numbers[0]}" if len(numbers) == 1 else f"lines {numbers[0]}-{numbers[-1]}"
    return InputError(f"binary file (NUL bytes on {lines}), not text; the other lines were read", where=label,
                      fix="give plain UTF-8 text: convert PDFs or Word files to .txt first")


def _article_from_json_line(
    line: str, label: str, number: int, default_date: dt.date | None, max_chars: int
) -> Article | InputError:
    where = f"{label}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(
            f"bad JSON at column {exc.colno}: {exc.msg}",
            where=where,
            fix='write one JSON object a line, e.g. {"id": "a1", "text": "..."}',
        )
    if not isinstance(record, dict):
        return InputError(
            f"line is a JSON {_json_kind(record)}, not an object",
            where=where,
            fix='write one JSON object a line, e.g. {"id": "a1", "text": "..."}',
        )
    if "text" not in record or record["text"] is None:
        return InputError(
            'record has no "text" field',
            where=where,
            fix='add the article body as "text"',
        )
    text = record["text"]
    if not isinstance(text, str):
        return InputError(
            f'"text" is a JSON {_json_kind(text)}, not a string',
            where=where,
            fix='put the article body in "text" as one string',
        )
    if not text.strip():
        return _empty(where)
    if len(text) > max_chars:
        return _too_long(where, max_chars, length=len(text))

    date = default_date
    raw_date = record.get("date")
    if raw_date not in (None, ""):
        try:
            date = parse_date(str(raw_date) if isinstance(raw_date, int) else raw_date)
        except ValueError:
            return InputError(f'bad "date" {raw_date!r}', where=where, fix=_DATE_FIX)

    raw_id = record.get("id")
    article_id = where if raw_id in (None, "") else str(raw_id)
    return Article(
        id=article_id,
        text=text,
        date=date,
        title=_optional_text(record.get("title")),
        url=_optional_text(record.get("url")),
        source=_optional_text(record.get("source")),
        origin=where,
    )


def _read_stdin(default_date: dt.date | None, max_chars: int) -> Iterator[Article | InputError]:
    lines = _stdin_lines(max_chars)
    # Look ahead to the first non-blank line to tell JSONL from plain text, keeping what was read.
    head: list[tuple[int, bytes | None]] = []
    first_char = ""
    for item in lines:
        head.append(item)
        raw = item[1]
        if raw is None:
            break
        stripped = raw.lstrip(b"\xef\xbb\xbf").strip()
        if stripped:
            first_char = stripped[:1].decode("latin-1")
            break
    if first_char == "{":
        yield from _read_jsonl_stream(STDIN, _chain(head, lines), default_date, max_chars)
        return

    byte_limit = 4 * max_chars + 4
    parts: list[bytes] = []
    size = 0
    for _, raw in _chain(head, lines):
        if raw is None:
            size = byte_limit + 1
            break
        parts.append(raw)
        size += len(raw)
        if size > byte_limit:
            break
    if size > byte_limit:
        yield _too_long(STDIN, max_chars, more_than=True)
        return
    raw_text = b"".join(parts)
    if b"\x00" in raw_text:
        yield _binary(STDIN)
        return
    try:
        text = raw_text.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield _binary(STDIN, exc)
        return
    yield from _article_from_text(STDIN, STDIN, text, default_date, max_chars)


def _stdin_lines(max_chars: int) -> Iterator[tuple[int, bytes | None]]:
    binary = getattr(sys.stdin, "buffer", None)
    if binary is not None:
        yield from _numbered_lines(binary, max_chars)
        return
    # A text-only stream (a test's StringIO, an embedding application): already decoded.
    for number, line in enumerate(sys.stdin, start=1):
        yield number, line.encode("utf-8", "surrogateescape")


def _chain(
    head: list[tuple[int, bytes | None]], rest: Iterator[tuple[int, bytes | None]]
) -> Iterator[tuple[int, bytes | None]]:
    yield from head
    yield from rest


def _optional_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def _json_kind(value: Any) -> str:
    kinds = {list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    if value is None:
        return "null"
    return kinds.get(type(value), type(value).__name__)


def _unreadable(where: str, exc: OSError) -> InputError:
    reason = exc.strerror or str(exc)
    return InputError(f"cannot read file: {reason}", where=where, fix="check that the file exists and is readable")


def _binary(where: str, exc: UnicodeDecodeError | None = None) -> InputError:
    detail = " (NUL bytes)" if exc is None else f" (not UTF-8 at byte {exc.start})"
    return InputError(
        f"binary file{detail}, not text",
        where=where,
        fix="give plain UTF-8 text: convert PDFs or Word files to .txt first",
    )


def _empty(where: str) -> InputError:
    return InputError("article text is empty", where=where, fix="remove the empty input or fill in its text")


def _too_long(where: str, max_chars: int, *, length: int | None = None, more_than: bool = False) -> InputError:
    size = f"more than {max_chars:,}" if more_than or length is None else f"{length:,}"
    return InputError(f"article text is {size} characters, over the limit of {max_chars:,}", where=where, fix=_TOO_LONG_FIX)
