"""Read actor and agent dictionaries written in the TABARI/PETRARCH text format.

Users bring years of curated entries in this format; these loaders turn them into DictEntry
records that sit beside the built-in dictionaries. A bad line becomes a DictionaryError naming
the file and line, and the rest of the file still loads. Files are read line by line, so a
dictionary of a hundred thousand lines costs one pass and no more memory than its entries.

The format and every choice made where it is ambiguous are described in
docs/petrarch-dictionaries.md.
"""
from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import DictionaryError
from ..models import DictEntry

# CAMEO region codes and country codes that are not (current or historic) ISO 3166 alpha-3 codes.
CAMEO_EXTRA_COUNTRY_CODES = frozenset({
    "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM",
    "MEA", "MDT", "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST",
    "KSV", "XKX",  # Kosovo has no ISO code; both of these are in use
    "ROM",  # Romania's alpha-3 code before 2002, still common in older dictionaries
})

NULL_CODE = "---"  # TABARI's "no code": the phrase is recognised but gives no actor
STOP_MARKER = "---STOP---"  # PETRARCH stops reading a dictionary at this line
MAX_EXPANSIONS = 1000  # one agent line with several substitution sets must not explode

_CODE_RE = re.compile(r"[A-Za-z0-9]+")
_DATE_RE = re.compile(r"\d{6}|\d{8}")
_MARKER_DEF_RE = re.compile(r"!([^!\s=]+)!\s*=(.*)")
_MARKER_USE_RE = re.compile(r"!([^!\s]*)!")

Problem = tuple[str, str]  # (message, fix) for one bad piece of a line


@lru_cache(maxsize=1)
def _iso_alpha3() -> frozenset[str]:
    import pycountry

    codes = {country.alpha_3 for country in pycountry.countries}
    codes.update(getattr(c, "alpha_3", "") for c in pycountry.historic_countries)
    codes.discard("")
    return frozenset(codes)


def is_country_code(code: str) -> bool:
    """True for an ISO 3166 alpha-3 code (current or historic) or a CAMEO region/extra code."""
    code = code.upper()
    return code in CAMEO_EXTRA_COUNTRY_CODES or code in _iso_alpha3()


@lru_cache(maxsize=8192)
def split_actor_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) implied by a full CAMEO actor code such as JPNGOV or IGOUNO.

    Without a country in front, the leading three letters are the actor's type (IGO, NGO, MNC,
    or a bare sector) and stand as its sector, so IGOUNO gives (None, "IGO").
    """
    if len(code) >= 3 and is_country_code(code[:3]):
        return code[:3], (code[3:6] or None)
    return None, (code[:3] or None)


# ---------------------------------------------------------------- reading lines


@dataclass(slots=True)
class _Line:
    number: int
    text: str  # comments removed, right-stripped
    indented: bool


def _decode(raw: bytes) -> str:
    # The format is documented as ASCII; older files are often Latin-1, so never fail on bytes.
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _open(path: Path):
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "is a directory")
        return path.open("rb")
    except OSError as exc:
        raise DictionaryError(
            f"cannot read dictionary file: {exc.strerror or exc}",
            where=str(path),
            fix="check the path and that the file is readable",
        ) from exc


def _strip_comments(text: str, in_block: bool) -> tuple[str, bool]:
    """Remove `#` and `;` comments and `<!-- -->` blocks, which may span lines."""
    if not in_block and "#" not in text and ";" not in text and "<!--" not in text:
        return text, False
    kept: list[str] = []
    i = 0
    while i < len(text):
        if in_block:
            end = text.find("-->", i)
            if end < 0:
                return "".join(kept), True
            i, in_block = end + 3, False
            continue
        positions = [p for p in (text.find("<!--", i), text.find("#", i), text.find(";", i)) if p >= 0]
        if not positions:
            kept.append(text[i:])
            break
        first = min(positions)
        kept.append(text[i:first])
        if text.startswith("<!--", first):
            i, in_block = first + 4, True
        else:
            break  # a line comment runs to the end of the line
    return "".join(kept), in_block


def _lines(path: Path, handle, errors: list[DictionaryError]) -> Iterator[_Line]:
    in_block = False
    block_opened_at = 0
    for number, raw in enumerate(handle, start=1):
        text = _decode(raw).rstrip("\r\n")
        if number == 1:
            text = text.lstrip("\ufeff")  # editors on Windows often start UTF-8 files with a BOM
        if not in_block and text.strip() == STOP_MARKER:
            return
        was_in_block = in_block
        text, in_block = _strip_comments(text, in_block)
        if in_block and not was_in_block:
            block_opened_at = number
        text = text.rstrip()
        if text.strip():
            yield _Line(number, text, text[:1] in (" ", "\t"))
    if in_block:
        errors.append(DictionaryError(
            "comment opened with <!-- is never closed; everything after it was skipped",
            where=f"{path.name}:{block_opened_at}",
            fix="close the comment with -->",
        ))


# ---------------------------------------------------------------- pieces of a line


def _phrase(text: str) -> str:
    """Words joined by underscores or spaces, as one space-separated phrase in the original case.

    A trailing underscore (TABARI's "whole word only" mark) carries no meaning here.
    """
    return " ".join(text.replace("_", " ").split())


def _parse_date(text: str) -> dt.date:
    if not _DATE_RE.fullmatch(text):
        raise ValueError(f"date {text!r} is not YYYYMMDD or YYMMDD")
    if len(text) == 6:  # the KEDS/TABARI rule: YY 00-30 is 20YY, the rest 19YY
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"date {text!r} is not a real day") from None


@dataclass(frozen=True, slots=True)
class _Code:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    dated: bool = False


_DATE_FIX = "write [CODE], [CODE >YYYYMMDD], [CODE <YYYYMMDD] or [CODE YYYYMMDD-YYYYMMDD]"


def _parse_actor_code(inner: str) -> _Code:
    parts = inner.split(None, 1)
    if not parts:
        raise ValueError("empty code in [ ]")
    code, restriction = parts[0].upper(), (parts[1].strip() if len(parts) > 1 else "")
    # [A/B] is a compound actor: the phrase names both A and B (one event each)
    if code != NULL_CODE and not all(_CODE_RE.fullmatch(piece) for piece in code.split("/")):
        raise ValueError(f"code {parts[0]!r} is not letters and digits")
    if not restriction:
        return _Code(code)
    if restriction[0] in "<>":
        day = _parse_date(restriction[1:].strip())
        if restriction[0] == "<":
            return _Code(code, end=day, dated=True)
        return _Code(code, start=day, dated=True)
    if "-" in restriction:
        first, _, last = restriction.partition("-")
        start, end = _parse_date(first.strip()), _parse_date(last.strip())
        if end < start:
            raise ValueError(f"date range {restriction!r} ends before it starts")
        return _Code(code, start=start, end=end, dated=True)
    raise ValueError(f"date restriction {restriction!r} not understood")


def _split_codes(text: str) -> tuple[list[str], Problem | None]:
    """The insides of the [ ] groups making up `text`, which must hold nothing else."""
    groups: list[str] = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        if text[i] != "[":
            return groups, (f"unexpected text {text[i:].strip()!r} outside [ ]",
                            "put only [CODE] groups after the phrase")
        close = text.find("]", i + 1)
        reopen = text.find("[", i + 1)
        if close < 0 or (0 <= reopen < close):
            return groups, ("unbalanced bracket: '[' is not closed by ']'", "close the code with ]")
        groups.append(text[i + 1:close])
        i = close + 1
    return groups, None


def _split_phrase_and_codes(text: str) -> tuple[str, list[str], Problem | None]:
    cut = text.find("[")
    head, tail = (text, "") if cut < 0 else (text[:cut], text[cut:])
    if "]" in head:
        return head, [], ("unbalanced bracket: ']' without '['", "open the code with [")
    groups, problem = _split_codes(tail)
    return head, groups, problem


# ---------------------------------------------------------------- actors


@dataclass(slots=True)
class _Actor:
    phrases: list[tuple[str, int]]  # (phrase, line)
    default: str | None = None
    dated: list[_Code] = field(default_factory=list)
    had_error: bool = False


def _gaps(dated: list[_Code]) -> list[tuple[dt.date | None, dt.date | None]]:
    """The days no dated code covers: where the actor's default code applies."""
    low, high = dt.date.min, dt.date.max
    day = dt.timedelta(days=1)
    gaps: list[tuple[dt.date | None, dt.date | None]] = []
    covered_until: dt.date | None = None  # last day covered so far by the sorted spans
    for start, end in sorted((c.start or low, c.end or high) for c in dated):
        first_free = low if covered_until is None else covered_until + day
        if start > first_free:
            gaps.append((None if first_free == low else first_free, start - day))
        if covered_until is None or end > covered_until:
            covered_until = end
        if covered_until == high:
            return gaps
    gaps.append((None if covered_until is None else covered_until + day, None))
    return gaps


def _emit_actor(actor: _Actor, file_name: str, seen: set, entries: list[DictEntry],
                errors: list[DictionaryError]) -> None:
    if actor.default is None and not actor.dated:
        if not actor.had_error:
            errors.append(DictionaryError(
                f"actor {actor.phrases[0][0]!r} has no code",
                where=f"{file_name}:{actor.phrases[0][1]}",
                fix="add [CODE] after the phrase or on an indented line below it",
            ))
        return
    periods = [(c.code, c.start, c.end) for c in actor.dated]
    if actor.default is not None:
        periods += [(actor.default, start, end) for start, end in _gaps(actor.dated)]
    name = actor.phrases[0][0]
    for phrase, line in actor.phrases:
        for code, start, end in periods:
            key = (phrase.casefold(), code, start, end)
            if code == NULL_CODE or key in seen:
                continue
            seen.add(key)
            country, sector = split_actor_code(code)
            entries.append(DictEntry(
                phrase=phrase, kind="actor", code=code, name=name, country=country,
                sector=sector, start=start, end=end, origin=f"{file_name}:{line}",
            ))


def load_actor_dictionary(path: str | os.PathLike) -> tuple[list[DictEntry], list[DictionaryError]]:
    """Entries and per-line errors of a TABARI/PETRARCH actor dictionary.

    One entry per phrase (primary or `+` synonym) per code period. A default code (one without a
    date) is given for the days none of the actor's dated codes covers, so on any known date
    DictEntry.holds_on picks the code in force. Raises DictionaryError if the file cannot be read.
    """
    path = Path(path)
    entries: list[DictEntry] = []
    errors: list[DictionaryError] = []
    seen: set = set()
    actor: _Actor | None = None

    def fail(line: _Line, problem: Problem) -> None:
        errors.append(DictionaryError(problem[0], where=f"{path.name}:{line.number}", fix=problem[1]))
        if actor is not None:
            actor.had_error = True

    def add_codes(line: _Line, groups: list[str]) -> None:
        parsed: list[_Code] = []
        for inner in groups:
            try:
                parsed.append(_parse_actor_code(inner))
            except ValueError as exc:
                fail(line, (f"{exc}; line skipped", _DATE_FIX))
                return
        for code in parsed:
            if code.dated:
                actor.dated.append(code)
            else:
                actor.default = code.code  # as in PETRARCH, a later plain code replaces the default

    with _open(path) as handle:
        for line in _lines(path, handle, errors):
            text = line.text.strip()
            if text.startswith("["):
                if actor is None:
                    fail(line, ("code line with no actor above it", "put the actor's phrase on the line above"))
                    continue
                groups, problem = _split_codes(text)
                if problem:
                    fail(line, problem)
                else:
                    add_codes(line, groups)
                continue
            if text.startswith("+") and actor is None:
                fail(line, ("synonym line with no actor above it", "put the actor's primary phrase above the + lines"))
                continue
            if not text.startswith("+") and line.indented:
                fail(line, ("an indented line must be a [CODE] line", "remove the indentation to start a new actor"))
                continue
            head, groups, problem = _split_phrase_and_codes(text[1:] if text.startswith("+") else text)
            phrase = _phrase(head)
            if not text.startswith("+"):
                if actor is not None:
                    _emit_actor(actor, path.name, seen, entries, errors)
                    actor = None
                if not phrase:
                    fail(line, ("line has a code but no phrase", "write the phrase before the [CODE]"))
                    continue
                # the phrase starts a new actor even when its code is bad, so the lines below it
                # are not wrongly given to the actor above
                actor = _Actor([(phrase, line.number)])
            elif not phrase:
                fail(line, ("empty synonym after +", "write the synonym phrase after the +"))
                continue
            elif groups or problem:
                # a synonym shares the actor's codes; a code of its own is ambiguous (this phrase
                # only, or the whole actor?), so the line is refused rather than guessed at
                fail(line, ("a + synonym line takes no [code]; line skipped",
                            "give the code on the actor's line or an indented [CODE] line, or make the phrase its own actor"))
                continue
            else:
                actor.phrases.append((phrase, line.number))
            if problem:
                fail(line, problem)
            elif groups:
                add_codes(line, groups)
        if actor is not None:
            _emit_actor(actor, path.name, seen, entries, errors)
    return entries, errors


# ---------------------------------------------------------------- agents


def regular_plural(phrase: str) -> str:
    """English plural of a phrase's last word, in the word's own case."""
    head, _, last = phrase.rpartition(" ")
    lower = last.lower()
    if len(lower) > 1 and lower.endswith("y") and lower[-2] not in "aeiou":
        plural, suffix = last[:-1], "ies"
    elif lower.endswith(("s", "x", "z", "ch", "sh")):
        plural, suffix = last, "es"
    else:
        plural, suffix = last, "s"
    if last.isupper():
        suffix = suffix.upper()
    return f"{head} {plural}{suffix}" if head else plural + suffix


# Origins (file:line) of agents written [X~]: in PETRARCH their code goes before the country's.
_AGENT_FIRST: set[str] = set()


def agent_goes_first(entry: DictEntry) -> bool:
    """True for an agent written `[X~]` (NGOARN rather than ARNNGO)."""
    return entry.kind == "agent" and entry.origin in _AGENT_FIRST


def _parse_agent_code(inner: str) -> str:
    text = inner.strip()
    if not text or text == "~":
        raise ValueError("empty code in [ ]")
    if len(text.split()) > 1:
        raise ValueError(f"agent code {text!r} has more than one word (agents take no dates)")
    code = text[1:] if text.startswith("~") else text[:-1] if text.endswith("~") else text
    if not _CODE_RE.fullmatch(code):
        raise ValueError(f"code {text!r} is not letters and digits with one ~")
    return code.upper()


def _expand_markers(text: str, sets: dict[str, list[str]]) -> list[str]:
    """Every form of `text` with each !name! replaced by each member of its set."""
    if text.count("!") % 2:
        raise ValueError("unpaired ! in substitution marker")
    pieces = _MARKER_USE_RE.split(text)  # literal, name, literal, name, ...
    choices: list[list[str]] = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            choices.append([piece])
        elif piece.casefold() not in sets:
            raise ValueError(f"substitution set !{piece}! is not defined above this line")
        else:
            choices.append(sets[piece.casefold()])
    count = 1
    for options in choices:
        count *= len(options)
    if count > MAX_EXPANSIONS:
        raise ValueError(f"substitution sets expand this line into {count} phrases")
    return ["".join(combo) for combo in itertools.product(*choices)]


def load_agent_dictionary(path: str | os.PathLike) -> tuple[list[DictEntry], list[DictionaryError]]:
    """Entries and per-line errors of a TABARI/PETRARCH agent dictionary.

    Each entry's code and sector are the agent code without its `~` (GOV for [~GOV]); the country
    comes from the actor found beside the agent in the text, so it is None here. Raises
    DictionaryError if the file cannot be read.
    """
    path = Path(path)
    entries: list[DictEntry] = []
    errors: list[DictionaryError] = []
    seen: set[tuple[str, str]] = set()
    sets: dict[str, list[str]] = {}

    def fail(line: _Line, message: str, fix: str) -> None:
        errors.append(DictionaryError(message, where=f"{path.name}:{line.number}", fix=fix))

    def add(phrase: str, code: str, name: str, line: _Line) -> None:
        key = (phrase.casefold(), code)
        if phrase and key not in seen:
            seen.add(key)
            entries.append(DictEntry(phrase=phrase, kind="agent", code=code, name=name,
                                     sector=code, origin=f"{path.name}:{line.number}"))

    with _open(path) as handle:
        for line in _lines(path, handle, errors):
            text = line.text.strip()
            definition = _MARKER_DEF_RE.fullmatch(text)
            if definition:
                members = [m.strip() for m in definition.group(2).split(",") if m.strip()]
                if not members:
                    fail(line, f"substitution set !{definition.group(1)}! has no members",
                         "list the members after =, separated by commas")
                else:
                    sets[definition.group(1).casefold()] = members
                continue
            if "[" not in text:
                if "]" in text:
                    fail(line, "unbalanced bracket: ']' without '['", "open the code with [")
                else:
                    fail(line, "agent has no [code]", "add a code such as [~GOV] after the phrase")
                continue
            head, groups, problem = _split_phrase_and_codes(text)
            if problem:
                fail(line, *problem)
                continue
            if len(groups) != 1:
                fail(line, "an agent takes exactly one [code]", "keep one code such as [~GOV]")
                continue
            try:
                code = _parse_agent_code(groups[0])
            except ValueError as exc:
                fail(line, str(exc), "write the code as [~GOV], [GOV~] or [GOV]")
                continue
            if groups[0].strip().endswith("~"):
                _AGENT_FIRST.add(f"{path.name}:{line.number}")
            singular_text, plural_text, has_braces = head, "", False
            if "{" in head or "}" in head:
                opened, closed = head.find("{"), head.find("}")
                if opened < 0 or closed < opened or head.count("{") != 1 or head.count("}") != 1:
                    fail(line, "unbalanced brace in plural form", "write the plural as {PLURAL} or {} for none")
                    continue
                if head[closed + 1:].strip():
                    fail(line, "text after the {plural} form", "put {PLURAL} right after the phrase")
                    continue
                singular_text, plural_text, has_braces = head[:opened], head[opened + 1:closed], True
            try:
                singulars = _expand_markers(singular_text.strip(), sets)
                plurals = _expand_markers(plural_text.strip(), sets) if plural_text.strip() else []
            except ValueError as exc:
                fail(line, str(exc), "define the set first: !NAME! = FORM, FORM, ...")
                continue
            if not _phrase(singulars[0]):
                fail(line, "agent has a code but no phrase", "write the phrase before the [CODE]")
                continue
            uses_markers = "!" in singular_text
            for form in singulars:
                singular = _phrase(form)
                add(singular, code, singular, line)
                # substituted forms are taken as written (the sets list their own plurals)
                if not has_braces and not uses_markers:
                    add(regular_plural(singular), code, singular, line)
            name = _phrase(singulars[0])
            for form in plurals:
                add(_phrase(form), code, name, line)
    return entries, errors
