"""The scale-out options of `eventlens code` and `eventlens ingest`: --engine, --out, --workers,
--scheduler, --partition-size, and `ingest --from-parquet`.

`register(main)` adds these options to the two commands and puts a small dispatcher in front of each:
without them, the command runs exactly as before; with them, it codes through a runner
(eventlens.runners) into a Parquet dataset (eventlens.store.dataset). The commands themselves stay in
cli.py and cli_store.py; this module only chooses the engine.
"""
from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile

import click
from click.core import ParameterSource

from .errors import EventlensError, UsageError

SCHEDULER_ENV = "DASK_SCHEDULER_ADDRESS"


def _fail(err: EventlensError) -> None:
    click.echo(f"eventlens: {err.one_line()}", err=True)


def _size(ctx, param, value):
    from .runners.partitions import parse_size

    try:
        return parse_size(value)
    except UsageError as err:
        raise click.BadParameter(err.fix or str(err)) from None


def _engine_options(ingest: bool) -> list[click.Option]:
    options = [
        click.Option(["--engine"], type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where to code: this machine's processes, or a Dask cluster (needs --out for code)."),
        click.Option(["--out", "out"], default=None, metavar="DIR",
                     help="Write a Parquet dataset of event mentions to DIR (a folder or an fsspec URL)"
                          + ("; for ingest, the dataset staged before the store loads it [default: a temporary "
                             "folder beside --db]." if ingest else ".")),
        click.Option(["--workers"], type=click.IntRange(1, 1024), default=None,
                     help="--engine dask: start a local Dask cluster of N worker processes [default: one per core]."),
        click.Option(["--scheduler"], default=None, metavar="ADDRESS", envvar=SCHEDULER_ENV,
                     help=f"--engine dask: join the cluster of this scheduler (tcp://HOST:8786); also read from "
                          f"{SCHEDULER_ENV}."),
        click.Option(["--partition-size"], default="4MB", show_default=True, metavar="SIZE", callback=_size,
                     help="Input bytes per partition (one task, one file per month); e.g. 512KB, 4MB, 64MB."),
    ]
    if ingest:
        options.append(click.Option(["--from-parquet", "from_parquet"], default=None, metavar="DIR",
                                    type=click.Path(file_okay=False),
                                    help="Load a dataset written by `eventlens code --out DIR` into the store."))
    else:
        options += [
            click.Option(["--text-col"], default="text", show_default=True,
                         help="With --out: CSV/Parquet column with the article text."),
            click.Option(["--id-col"], default="id", show_default=True,
                         help="With --out: CSV/Parquet column with the article id."),
            click.Option(["--date-col"], default="date", show_default=True,
                         help="With --out: CSV/Parquet column with the publication date."),
        ]
    return options


_CODE_KEYS = ("engine", "out", "workers", "scheduler", "partition_size", "text_col", "id_col", "date_col")
_INGEST_KEYS = ("engine", "out", "workers", "scheduler", "partition_size", "from_parquet")


def _given(name: str) -> bool:
    return click.get_current_context().get_parameter_source(name) == ParameterSource.COMMANDLINE


def _check_engine(scale: dict) -> None:
    if scale["engine"] != "dask":
        for name in ("workers", "scheduler"):
            if _given(name):
                raise UsageError(f"--{name} chooses the Dask cluster", fix="add --engine dask")
    elif scale["workers"] and scale["scheduler"] and _given("workers") and _given("scheduler"):
        raise UsageError("--workers starts a cluster and --scheduler joins one", fix="give one of them")


def _runner(scale: dict, processes: int):
    from .runners import make_runner

    if scale["engine"] == "dask" and _given("processes"):
        raise UsageError("--processes is the local engine's", fix="with --engine dask, use --workers N")
    if processes in (None, "auto"):
        from .coding import available_cores

        processes = available_cores()
    return make_runner(scale["engine"], processes=processes, workers=scale["workers"],
                       scheduler=scale["scheduler"] if scale["engine"] == "dask" else None)


def _coder_options(kwargs: dict) -> dict:
    """The command's options that the Coder takes (dictionaries, --lexicon, --model, --keep-negated)."""
    import inspect

    from .coding import Coder

    accepted = inspect.signature(Coder.__init__).parameters
    return {key: value for key, value in kwargs.items() if key in accepted}


def _print_line(line: str) -> None:
    click.echo(f"eventlens: {line}", err=True)


def _progress():
    """A count of the partitions done, on a terminal only."""
    if not sys.stderr.isatty():
        return lambda result: None
    done = {"partitions": 0, "articles": 0, "events": 0}

    def show(result):
        done["partitions"] += 1
        done["articles"] += result["articles"]
        done["events"] += result["events"]
        click.echo(f"\r{done['partitions']} partitions, {done['articles']} articles, {done['events']} events",
                   err=True, nl=False)
    return show


def _code_dataset(kwargs: dict, scale: dict) -> None:
    from .coding import Coder
    from .runners.job import code_to_dataset

    if scale["out"] is None:
        raise UsageError("--engine dask writes a Parquet dataset", fix="give --out DIR")
    for name in ("output", "fmt"):
        if _given(name):
            raise UsageError("--out writes a Parquet dataset; -o/--format write events as text",
                             fix="give one of --out DIR and -o FILE")
    coder = Coder(**_coder_options(kwargs))
    for problem in list(coder.problems) + list(coder.warnings):
        _fail(problem)
    with _runner(scale, kwargs["processes"]) as runner:
        stats = code_to_dataset(list(kwargs["paths"]), out=scale["out"], runner=runner, coder=coder,
                                default_date=kwargs["date"], max_chars=kwargs["max_chars"],
                                text_col=scale["text_col"], id_col=scale["id_col"], date_col=scale["date_col"],
                                batch_size=kwargs["batch_size"], partition_size=scale["partition_size"],
                                warn=_print_line, on_result=_progress())
    if sys.stderr.isatty():
        click.echo("", err=True)
    click.echo(f"eventlens: {stats.articles} articles coded, {stats.events} events, {stats.skipped} skipped; "
               f"{stats.partitions} partitions in {scale['out']} ({stats.words / max(stats.seconds, 1e-9):,.0f} "
               f"words/s on {runner.describe()})", err=True)
    if stats.skipped or stats.dictionary_problems:
        sys.exit(1)


def _report_ingest(found: dict, coded_unchanged: int = 0, problems: int = 0) -> None:
    click.echo(f"eventlens: {found['articles']} articles coded and stored, {found['mentions']} event mentions, "
               f"{found['unchanged'] + coded_unchanged} unchanged, {found['skipped']} skipped; the store holds "
               f"{found['events']} events (coder {found['coder_version']})", err=True)
    if found["skipped"] or problems:
        sys.exit(1)


def _ingest_dataset(kwargs: dict, scale: dict) -> None:
    from .coding import Coder
    from .runners.job import code_to_dataset
    from .store import open_store
    from .store.dataset import import_dataset

    db = kwargs["db"]
    if scale["from_parquet"]:
        if kwargs["paths"]:
            raise UsageError("--from-parquet loads a dataset; PATH arguments code new articles",
                             fix="give either --from-parquet DIR or PATHs")
        _report_ingest(import_dataset(scale["from_parquet"], db=db))
        return
    if not kwargs["paths"]:
        raise UsageError("no PATH given", fix="give files, directories or URLs to ingest, or --from-parquet DIR")
    if scale["engine"] == "dask" and scale["scheduler"] and not scale["out"]:
        raise UsageError("workers on other machines cannot write into a folder on this one",
                         fix="give --out on storage every worker and this machine reach (a shared folder, s3://...)")
    coder = Coder(**_coder_options(kwargs))
    for problem in coder.problems:
        _fail(problem)
    # What the store already holds with this coder version is not coded again.
    con = open_store(db)
    try:
        known = frozenset(row[0][:16] for row in con.execute(
            "SELECT content_hash FROM articles WHERE coder_version = ?", [coder.version]).fetchall())
    finally:
        con.close()
    staging = scale["out"] or tempfile.mkdtemp(prefix=f".{os.path.basename(db)}.", suffix=".parquet",
                                               dir=os.path.dirname(os.path.abspath(db)))
    try:
        if not scale["out"]:
            os.rmdir(staging)  # code_to_dataset makes it, with its meta file
        with _runner(scale, kwargs["processes"]) as runner:
            stats = code_to_dataset(list(kwargs["paths"]), out=staging, runner=runner, coder=coder,
                                    default_date=kwargs["date"], max_chars=kwargs["max_chars"],
                                    text_col=kwargs["text_col"], id_col=kwargs["id_col"], date_col=kwargs["date_col"],
                                    batch_size=kwargs["batch_size"], partition_size=scale["partition_size"],
                                    skip_hashes=known or None, command="ingest", warn=_print_line,
                                    on_result=_progress())
        if sys.stderr.isatty():
            click.echo("", err=True)
        found = import_dataset(staging, db=db, command=f"ingest --engine {scale['engine']}")
    finally:
        if not scale["out"]:
            shutil.rmtree(staging, ignore_errors=True)
    _report_ingest(found, stats.unchanged, len(coder.problems))


def _dispatch(command: click.Command, keys: tuple[str, ...], run_scaled, wants_scaled) -> None:
    original = command.callback

    @functools.wraps(original)
    def callback(**kwargs):
        scale = {key: kwargs.pop(key) for key in keys}
        try:
            _check_engine(scale)
            if not wants_scaled(scale):
                return original(**kwargs)
            run_scaled(kwargs, scale)
        except EventlensError as err:
            _fail(err)
            sys.exit(2)

    command.callback = callback


def register(main: click.Group) -> None:
    """Add the engine options to `code` and `ingest`."""
    code = main.commands["code"]
    code.params.extend(_engine_options(ingest=False))
    _dispatch(code, _CODE_KEYS, _code_dataset, lambda s: s["engine"] != "local" or bool(s["out"]))

    ingest = main.commands["ingest"]
    ingest.params.extend(_engine_options(ingest=True))
    for param in ingest.params:
        if isinstance(param, click.Argument) and param.name == "paths":
            param.required = False  # --from-parquet needs none; the dispatcher asks for them otherwise
    _dispatch(ingest, _INGEST_KEYS, _ingest_dataset,
              lambda s: s["engine"] != "local" or bool(s["out"]) or bool(s["from_parquet"]))

    original_ingest = ingest.callback

    @functools.wraps(original_ingest)
    def needs_paths(**kwargs):
        if not kwargs.get("paths") and not kwargs.get("from_parquet"):
            raise click.UsageError("Missing argument 'PATHS...'.")
        return original_ingest(**kwargs)

    ingest.callback = needs_paths


__all__ = ["register"]
