"""Commands of the event store: ingest, recode, errors, events, dyad, actors, sql, export.

`register(main)` adds them to the `eventlens` click group. Each command validates its arguments and
calls eventlens.store; query commands open the store read-only.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import json
import sys

import click

from .errors import EventlensError

_DB_HELP = "The store file [default: eventlens.duckdb in the working directory]."


def _fail(err: EventlensError) -> None:
    click.echo(f"eventlens: {err.one_line()}", err=True)


def db_option(fn):
    return click.option("--db", "db", default="eventlens.duckdb", metavar="FILE", help=_DB_HELP)(fn)


def filter_options(fn):
    """The event filters shared by `events` and `export`."""
    @click.option("--source", default=None, metavar="CODE", help="Source actor: a country (JPN) or a code prefix (JPNGOV).")
    @click.option("--target", default=None, metavar="CODE", help="Target actor: a country or a code prefix.")
    @click.option("--code", default=None, metavar="CAMEO", help="CAMEO code prefix: 16 matches 160-166.")
    @click.option("--since", default=None, metavar="YYYY-MM-DD", help="Events on or after this date.")
    @click.option("--until", default=None, metavar="YYYY-MM-DD", help="Events on or before this date.")
    @click.option("--limit", type=click.IntRange(1), default=None, help="At most this many events.")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


def _filters(kwargs) -> dict:
    return {key: kwargs.pop(key) for key in ("source", "target", "code", "since", "until", "limit")}


def _jsonable(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


# The columns a person reads first, per command; the rest stay in --format csv|jsonl.
KEY_COLUMNS = {
    "events": ["date", "source_code", "target_code", "code", "name", "goldstein", "num_mentions",
               "num_sources", "num_articles", "place", "event_id", "sentence"],
    "actors": ["code", "name", "as_source", "as_target", "mentions", "events", "first_date", "last_date"],
    "errors": ["input", "problem", "fix", "code"],
}


def default_format(fmt: str | None) -> str:
    """A table on a terminal; CSV when standard output is a file or a pipe."""
    if fmt is not None:
        return fmt
    return "table" if sys.stdout.isatty() else "csv"


def print_rows(rows: list[dict], fmt: str | None, title: str | None = None,
               key_columns: list[str] | None = None) -> None:
    """Rows as a table that fits the terminal, JSON lines or CSV on standard output."""
    out = sys.stdout
    fmt = default_format(fmt)
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=_jsonable) + "\n")
        return
    if fmt == "csv":
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows({k: ("" if v is None else v) for k, v in row.items()} for row in rows)
        return
    from .output import fitted_table, table_console

    console = table_console(out)
    if not rows:
        console.print("(no rows)")
        return
    table, hidden = fitted_table(rows, console.width, key_columns=key_columns, title=title)
    console.print(table)
    if hidden:
        console.print(f"{len(hidden)} more column(s) not shown ({', '.join(hidden)}): "
                      "use --format csv or --format jsonl for every column", style="dim")


@contextlib.contextmanager
def _progress(label: str):
    """A live count on a terminal; nothing at all when standard error is a file or a pipe."""
    if not sys.stderr.isatty():
        yield lambda articles, mentions: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"),
                  TextColumn("{task.fields[mentions]} events"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None, mentions=0)
        yield lambda articles, mentions: bar.update(task, completed=articles, mentions=mentions)


def _open_read_only(db: str):
    from .store import open_store

    try:
        return open_store(db, read_only=True)
    except EventlensError as err:
        _fail(err)
        sys.exit(2)


def _report(verb: str, stats) -> None:
    click.echo(f"eventlens: {stats.articles} articles {verb}, {stats.mentions} event mentions, "
               f"{stats.unchanged} unchanged, {stats.skipped} skipped; the store holds {stats.events} events "
               f"(coder {stats.coder_version})", err=True)
    if stats.skipped or stats.dictionary_problems:
        sys.exit(1)


def _ingest(paths, db, date, text_col, id_col, date_col, max_chars, processes, batch_size, commit_every,
            article_timeout=60.0, **dictionaries):
    """Code articles and keep their events in a store. PATH: .txt, .jsonl, .html, .rss/.atom/.xml, .csv,
    any of them .gz, a directory of them, or - for stdin. Articles already stored are not coded again."""
    from .store import ingest_paths

    day = date  # parsed by the shared --date option
    try:
        with _progress("ingest") as progress:
            stats = ingest_paths(list(paths), db=db, default_date=day, text_col=text_col, id_col=id_col,
                                 date_col=date_col, max_chars=max_chars, processes=processes, batch_size=batch_size,
                                 batch_articles=commit_every, article_timeout=article_timeout or None,
                                 warn=_fail, progress=progress, **dictionaries)
    except EventlensError as err:
        _fail(err)
        sys.exit(2)
    _report("coded and stored", stats)


def _recode(db, processes, batch_size, commit_every, recode_all, article_timeout=60.0, **dictionaries):
    """Code the stored articles again with the current lexicon and dictionaries; each article's new
    events replace its old ones in one transaction, then events are deduplicated again."""
    import os

    from .store import recode_store

    if not os.path.exists(db):
        _fail(EventlensError("no store here", where=db, fix="create one with `eventlens ingest`"))
        sys.exit(2)
    try:
        with _progress("recode") as progress:
            stats = recode_store(db=db, processes=processes, batch_size=batch_size, batch_articles=commit_every,
                                 force=recode_all, article_timeout=article_timeout or None, warn=_fail,
                                 progress=progress, **dictionaries)
    except EventlensError as err:
        _fail(err)
        sys.exit(2)
    _report("recoded", stats)


def _coding_options(fn, processes_option, article_timeout_option=None):
    if article_timeout_option is not None:
        fn = article_timeout_option(fn)
    fn = click.option("--commit-every", type=click.IntRange(1, 100_000), default=64, show_default=True,
                      help="Articles written per transaction; a killed run loses at most this many.")(fn)
    fn = click.option("--batch-size", type=click.IntRange(1, 1024), default=32, show_default=True,
                      help="Texts per spaCy batch.")(fn)
    fn = processes_option(fn)
    return fn


def _format_option(choices=("table", "jsonl", "csv")):
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=None,
                        help="Output format [default: table on a terminal, csv when piped or redirected].")


def _query(run):
    """Run a query function, turning eventlens errors into a message and exit status 2."""
    try:
        return run()
    except EventlensError as err:
        _fail(err)
        sys.exit(2)


def register(main: click.Group) -> None:
    """Add the store's commands to the `eventlens` group."""
    # Taken from the group's own module: under `python -m eventlens.cli` that module is __main__, and
    # importing eventlens.cli here would load a second copy of it.
    cli_module = sys.modules[main.callback.__module__]
    dictionary_options, date_option = cli_module.dictionary_options, cli_module.date_option
    coding_options = functools.partial(_coding_options, processes_option=cli_module.processes_option,
                                       article_timeout_option=getattr(cli_module, "article_timeout_option", None))
    ingest = click.argument("paths", nargs=-1, required=True)(_ingest)
    for option in (
        dictionary_options,
        coding_options,
        click.option("--max-chars", type=click.IntRange(1, 1_000_000), default=1_000_000, show_default=True,
                     help="Longest article text accepted; longer ones are recorded as errors."),
        click.option("--date-col", default="date", show_default=True, help="CSV column with the publication date."),
        click.option("--id-col", default="id", show_default=True, help="CSV column with the article id."),
        click.option("--text-col", default="text", show_default=True, help="CSV column with the article text."),
        date_option,
        db_option,
        click.option("--keep-negated", is_flag=True,
                     help="Also store negated acts (negated: true); part of the coder version."),
    ):
        ingest = option(ingest)
    main.command("ingest")(ingest)

    recode = _recode
    for option in (dictionary_options, coding_options,
                   click.option("--all", "recode_all", is_flag=True,
                                help="Recode every article, also those already coded by this coder version."),
                   db_option):
        recode = option(recode)
    main.command("recode")(recode)

    @main.command("errors")
    @db_option
    @click.option("--run", default="last", show_default=True, metavar="last|all|RUN_ID",
                  help="Errors of the last run, of every run, or of one run id.")
    @_format_option()
    def errors_command(db, run, fmt):
        """List the inputs that were skipped, with the reason and the fix."""
        from .store import query

        con = _open_read_only(db)
        print_rows(_query(lambda: query.errors(con, run)), fmt, title=f"errors ({run} run)",
                   key_columns=KEY_COLUMNS["errors"])

    @main.command("events")
    @db_option
    @filter_options
    @_format_option()
    def events_command(db, fmt, **kwargs):
        """List deduplicated events, with how many mentions, sources and articles report each."""
        from .store import query

        filters = _filters(kwargs)
        fmt = default_format(fmt)
        if fmt == "table" and filters["limit"] is None:
            filters["limit"] = 100
        con = _open_read_only(db)
        print_rows(_query(lambda: query.events(con, filters)), fmt, title="events",
                   key_columns=KEY_COLUMNS["events"])

    @main.command("dyad")
    @click.argument("actor_a")
    @click.argument("actor_b")
    @db_option
    @click.option("--by", type=click.Choice(["day", "week", "month"]), default="month", show_default=True,
                  help="Period to count by.")
    @click.option("--code", default=None, metavar="CAMEO", help="Only events whose code starts with this.")
    @click.option("--since", default=None, metavar="YYYY-MM-DD", help="Events on or after this date.")
    @click.option("--until", default=None, metavar="YYYY-MM-DD", help="Events on or before this date.")
    @_format_option()
    def dyad_command(actor_a, actor_b, db, by, code, since, until, fmt):
        """Events between two actors, both directions, per period: QuadClass counts and Goldstein."""
        from .store import query

        con = _open_read_only(db)
        rows = _query(lambda: query.dyad(con, actor_a, actor_b, by=by,
                                         filters={"code": code, "since": since, "until": until}))
        print_rows(rows, fmt, title=f"{actor_a.upper()} and {actor_b.upper()} by {by}")

    @main.command("actors")
    @db_option
    @click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="How many actors.")
    @_format_option()
    def actors_command(db, limit, fmt):
        """The most active actors, with their mention and event counts."""
        from .store import query

        con = _open_read_only(db)
        print_rows(_query(lambda: query.actors(con, limit)), fmt, title="actors", key_columns=KEY_COLUMNS["actors"])

    @main.command("sql")
    @click.argument("statement")
    @db_option
    @click.option("--limit", type=click.IntRange(1), default=None, help="At most this many rows.")
    @_format_option()
    def sql_command(statement, db, limit, fmt):
        """Run one read-only SQL query on the store (tables: docs/store.md)."""
        from .store import query

        print_rows(_query(lambda: query.sql(db, statement, limit)), fmt)

    @main.command("export")
    @db_option
    @click.option("--format", "fmt", type=click.Choice(["gdelt", "plover", "parquet", "csv"]), required=True,
                  help="GDELT 2.0 events TSV, PLOVER JSON lines, Parquet or CSV.")
    @click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True),
                  help="File to write.")
    @filter_options
    def export_command(db, fmt, out, **kwargs):
        """Write the deduplicated events for other tools: GDELT, PLOVER, Parquet or CSV."""
        from .export import write_export
        from .store import query

        filters = _filters(kwargs)
        con = _open_read_only(db)
        count = _query(lambda: write_export(fmt, query.rows_for_export(con, filters), out))
        click.echo(f"eventlens: {count} events written to {out}", err=True)
