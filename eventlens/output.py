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


class TableWriter:
    """A rich table per article: source -> target, action, code, date, modality and evidence."""

    def __init__(self, out: IO[str]):
        from rich.console import Console

        self.console = Console(file=out, width=160 if not out.isatty() else None, soft_wrap=False)

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
            table.add_row(str(ev.sentence_index), f"{ev.source.code} ({ev.source.text})", tgt,
                          f"{ev.name}", ev.code, ev.date or "", ev.modality if ev.modality != "asserted" else "",
                          ev.speaker.name if ev.speaker else "", words)
        self.console.print(table)

    def close(self) -> None:
        pass


WRITERS = {"jsonl": JsonLinesWriter, "json": JsonDocumentWriter, "table": TableWriter}
