"""The command line: each command validates its arguments and calls the library."""
from __future__ import annotations

import functools
import sys

import click

from . import __version__
from .errors import EventlensError


def dictionary_options(fn):
    """--actors / --agents, shared by every command that codes."""
    @click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
                  help="PETRARCH/TABARI-format actor dictionary to add to the built-in one (repeatable).")
    @click.option("--agents", "agent_files", multiple=True, type=click.Path(dir_okay=False),
                  help="PETRARCH/TABARI-format agent dictionary to add (repeatable).")
    @click.option("--verbs", "verb_files", multiple=True, type=click.Path(dir_okay=False),
                  help="TABARI/PETRARCH verb-pattern dictionary (repeatable).")
    @click.option("--discards", "discard_files", multiple=True, type=click.Path(dir_okay=False),
                  help="Phrases that make a sentence or story uncodable, PETRARCH style (repeatable).")
    @click.option("--lexicon", "lexicon_mode", type=click.Choice(["builtin", "file", "both"]), default=None,
                  help="Which verbs code events: the built-in lexicon, the --verbs files, or both "
                       "[default: file when --verbs is given, else builtin].")
    @click.option("--model", "model", type=click.Choice(["learned", "rules"]), default="learned", show_default=True,
                  help="learned: the trained detector and actor rankers over the rules (docs/learned-coder.md); "
                       "rules: the lexicon and parse rules alone.")
    @click.option("--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0), default=0.0,
                  show_default=True,
                  help="Keep only events whose confidence (with --model learned, a calibrated probability "
                       "that the event is right; docs/learned-coder.md) is at least this.")
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


class ProcessesType(click.ParamType):
    """A number of worker processes, or `auto`: the available cores, one for a small input."""

    name = "N|auto"

    def convert(self, value, param, ctx):
        if isinstance(value, int) or str(value).strip().lower() == "auto":
            return value if isinstance(value, int) else "auto"
        try:
            number = int(value)
        except ValueError:
            number = 0
        if not 1 <= number <= 256:
            self.fail(f"{value!r} is not a number of processes (1-256) or 'auto'", param, ctx)
        return number


def processes_option(fn):
    """--processes, shared by every command that codes."""
    return click.option("--processes", type=ProcessesType(), default="auto", show_default=True,
                        help="Worker processes, each loading the pipeline once; auto: the available cores, "
                             "one for an input too small to pay for a second.")(fn)


def article_timeout_option(fn):
    """--article-timeout, shared by every command that codes (eventlens.coding.budgets)."""
    return click.option("--article-timeout", "article_timeout", type=click.FloatRange(0, 86_400), default=60.0,
                        show_default=True, metavar="SECONDS",
                        help="Time budget per article: one that takes longer is stopped and reported as an "
                             "error, and the batch goes on. 0 turns the budget off.")(fn)


def _parse_date_option(ctx, param, value):
    if value is None:
        return None
    from .ingest import parse_date

    try:
        return parse_date(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def date_option(fn):
    """--date, shared by every command that reads articles: parsed once, here."""
    return click.option("--date", "date", default=None, metavar="YYYY-MM-DD", callback=_parse_date_option,
                        help="Publication date for inputs that carry none.")(fn)


def _fail(err: EventlensError) -> None:
    click.echo(f"eventlens: {err.one_line()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventlens")
def main():
    """eventlens: code news text into political events (CAMEO, PLOVER), offline and explainably."""


@main.command("code")
@click.argument("paths", nargs=-1, required=True)
@date_option
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default=None,
              help="Output: a table per article (default on a terminal), JSON lines (default otherwise), or one JSON document.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write events to this file instead of standard output.")
@processes_option
@click.option("--batch-size", type=click.IntRange(1, 1024), default=32, show_default=True,
              help="Texts per spaCy batch.")
@click.option("--max-chars", type=click.IntRange(1, 1_000_000), default=1_000_000, show_default=True,
              help="Longest article text accepted; longer ones are skipped with a message.")
@click.option("--keep-negated", is_flag=True, help="Also emit negated events (negated: true) instead of dropping them.")
@click.option("--explain", is_flag=True,
              help="Instead of events, show per sentence every candidate event with the models' scores (the "
                   "detector's, and each target and source weighed) and why each candidate gave its events or none.")
@article_timeout_option
@dictionary_options
def code_command(paths, date, fmt, output, processes, batch_size, max_chars, keep_negated, explain, article_timeout,
                 **dictionaries):
    """Code articles: PATH is a .txt file, a .jsonl file (id, text, date, ...), a directory, or - for stdin."""
    from .run import code_paths

    day = date
    if fmt is None:
        fmt = "table" if (output is None and sys.stdout.isatty()) else "jsonl"
    try:
        stats = code_paths(list(paths), default_date=day, fmt=fmt, output=output, processes=processes,
                           batch_size=batch_size, max_chars=max_chars, keep_negated=keep_negated,
                           article_timeout=article_timeout or None, warn=_fail, explain=explain, **dictionaries)
    except EventlensError as err:
        _fail(err)
        sys.exit(2)
    click.echo(f"eventlens: {stats.articles} articles coded, {stats.events} events, "
               f"{stats.skipped} skipped", err=True)
    if stats.skipped or stats.dictionary_problems:
        sys.exit(1)


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write the misses and false events, with their sentences, to this JSONL file.")
@processes_option
@click.option("--include-negated", is_flag=True, help="Score negated predictions too.")
@dictionary_options
def eval_command(gold, fmt, errors_path, processes, include_negated, **dictionaries):
    """Score the coder against a gold file: {id, text, date?, expected: [{source, target, code}], plover?},
    or a PETRARCH validation suite (.xml): exact-set, precision and recall per category."""
    from .evaluate import evaluate, format_table, to_json
    from .evaluate.petrarch_suite import evaluate_suite, format_suite, looks_like_suite
    from .run import coder_fn

    suite = looks_like_suite(gold)
    try:
        code_fn = coder_fn(processes=processes, keep_negated=include_negated, **dictionaries)
        if suite:
            result = evaluate_suite(gold, code_fn=code_fn, errors_path=errors_path)
        else:
            result = evaluate(gold, code_fn=code_fn, errors_path=errors_path, include_negated=include_negated)
    except EventlensError as err:
        _fail(err)
        sys.exit(2)
    if suite:
        click.echo(to_json({k: v for k, v in result.items() if k != "records"}) if fmt == "json"
                   else format_suite(result), nl=fmt == "json")
        return
    click.echo(to_json(result) if fmt == "json" else format_table(result))

from .cli_store import register; register(main)  # noqa: E402
from .cli_serve import register as _register_serve; _register_serve(main)  # noqa: E402
from .cli_scale import register as _register_scale; _register_scale(main)  # noqa: E402  (after cli_store: wraps ingest)


if __name__ == "__main__":
    main()
