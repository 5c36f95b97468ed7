"""Writers for stored events: GDELT 2.0 TSV, PLOVER JSON lines, Parquet and CSV.

The writers take the rows the store yields, one at a time, and never hold them all:
    {"event_id", "num_mentions", "num_sources", "num_articles", "is_root_event",
     "date_added" (YYYYMMDDHHMMSS), "source_url", "mention" (an event record, docs/event-record.md)}
docs/export.md documents every column and field.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .gdelt import write_gdelt
from .plover import write_plover
from .tabular import write_csv, write_parquet

FORMATS = ("gdelt", "plover", "parquet", "csv")


def write_export(fmt: str, rows: Iterable[Mapping[str, Any]], out_path: str | os.PathLike[str]) -> int:
    """Write rows to out_path in fmt ("gdelt", "plover", "parquet" or "csv"); returns rows written.

    The file is written beside its destination and renamed into place, so a failed export never
    leaves a half-written file under the requested name."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}", fix=f"use one of {', '.join(FORMATS)}")
    out_path = Path(out_path)
    partial = out_path.with_name(f".{out_path.name}.partial")
    try:
        if fmt == "parquet":
            count = write_parquet(rows, partial)
        else:
            writer = {"gdelt": write_gdelt, "plover": write_plover, "csv": write_csv}[fmt]
            # newline="" keeps "\n" as written (csv's quoted line breaks included) on every platform.
            with open(partial, "w", encoding="utf-8", newline="") as out:
                count = writer(rows, out)
        os.replace(partial, out_path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count


__all__ = ["FORMATS", "write_export", "write_gdelt", "write_plover", "write_csv", "write_parquet"]
