"""Writers for `eventlens code`: a readable table per article, JSON lines, or one JSON document."""
from __future__ import annotations

import json
from typing import IO, Iterable

from .models import Event


def event_json(event: Event) -> str:
    return json.dumps(event.to_dict(), ensure_ascii=False)


class JsonLinesWriter:
    def __init__(self, out: IO[str]):
        self.out = out

    def write(self, article, events: Iterable[Event]) -> None:
        for ev in events:
            self.out.write(event_json(ev))
            self.out.write("\n")

    def close(self) -> None:
        self.out.flush()


class JsonDocumentWriter:
    """One JSON document: {"events": [...], "articles": n}. Written incrementally, not held in memory."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.first = True
        self.articles = 0
        self.out.write('{"events": [\n')

    def write(self, article, events: Iterable[Event]) -> None:
        self.articles += 1
        for ev in events:
            if not self.first:
                self.out.write(",\n")
            self.first = False
            self.out.write(event_json(ev))

    def close(self) -> None:
        self.out.write(f'\n], "articles": {self.articles}}}\n')
        self.out.flush()


# Widest a column may grow before its text wraps, and the width assumed when output is not a terminal
# and COLUMNS does not say.
MAX_COLUMN = 48
PIPE_WIDTH = 160


def table_console(out: IO[str]):
    """A rich console for tables: the terminal's width, else COLUMNS, else PIPE_WIDTH; never cropping."""
    import os

    from rich.console import Console

    width = None
    if not out.isatty():
        try:
            width = int(os.environ.get("COLUMNS", "")) or PIPE_WIDTH
        except ValueError:
            width = PIPE_WIDTH
    return Console(file=out, width=width, soft_wrap=False, highlight=False)


def fitted_table(rows: list[dict], width: int, *, key_columns: list[str] | None = None, title: str | None = None):
    """A rich Table of the columns that fit in `width`, most important first (key_columns, then the
    rest in order), and the names of the columns left out."""
    from rich.table import Table

    names = list(rows[0])
    order = [c for c in (key_columns or []) if c in names] + [c for c in names if c not in (key_columns or [])]

    def need(name: str) -> int:
        longest = max((len(str(r.get(name) if r.get(name) is not None else "")) for r in rows), default=0)
        return min(max(len(name), longest), MAX_COLUMN) + 3  # padding and the border

    shown, used = [], 1
    for name in order:
        w = need(name)
        if used + w <= width:
            shown.append(name)
            used += w
        elif w > 24 and width - used >= 24:
            # A long text column takes what is left and wraps there.
            shown.append(name)
            used = width
    shown = [n for n in order if n in shown]
    table = Table(title=title, title_justify="left")
    for name in shown:
        table.add_column(name, overflow="fold", max_width=MAX_COLUMN)
    for row in rows:
        table.add_row(*("" if row.get(n) is None else str(row.get(n)) for n in shown))
    return table, [n for n in names if n not in shown]


class TableWriter:
    """A rich table per article: source -> target, action, code, date, modality and evidence."""

    def __init__(self, out: IO[str]):
        self.console = table_console(out)

    def write(self, article, events: list[Event]) -> None:
        from rich.table import Table

        title = f"{article.id}  ({len(events)} events" + (f", published {article.date})" if article.date else ")")
        table = Table(title=title, title_justify="left", show_lines=False, expand=False)
        for col in ("#", "source", "→ target", "action", "code", "date", "mode", "said by", "evidence"):
            table.add_column(col, overflow="fold")
        for ev in events:
            tgt = f"{ev.target.code} ({ev.target.name})" if ev.target else "—"
            if ev.target is not None and ev.target.start is None:
                tgt += " [implied]"
            words = " ".join(article.text[s:e] for s, e in ev.evidence["action"])
            table.add_row(str(ev.sentence_index), f"{ev.source.code} ({ev.source.text or ev.source.name})", tgt,
                          f"{ev.name}", ev.code, ev.date or "", ev.modality if ev.modality != "asserted" else "",
                          ev.speaker.name if ev.speaker else "", words)
        self.console.print(table)

    def close(self) -> None:
        pass


WRITERS = {"jsonl": JsonLinesWriter, "json": JsonDocumentWriter, "table": TableWriter}
