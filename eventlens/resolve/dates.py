"""Event dates: find an event's temporal expression and resolve it against the publication date.

Our own resolver, in two steps:

1. ``find_expressions(text, base=0)`` finds temporal expressions with regular expressions: absolute
   ("9 February 2025", "February 9, 2025", "2025-02-09", "in November 2024", "in 2023", "late 2024"),
   partial ("On January 10", "10 January", "in March"), weekdays ("on Monday", "last Friday") and
   relative ones ("yesterday", "last week", "earlier this month", "three days ago"). Durations ("for
   over 70 years", "since 2014", "over the past week") are found too, so that they hide the numbers in
   them, but carry no date.
2. ``resolve(expr, reference, direction)`` turns one into a (date, precision): a partial date takes the
   year that puts it nearest the reference on the side the tense points to (direction -1 past, +1
   future, 0 either).

``resolve_event_date(sent, action_tokens, publication_date) -> DateResolution`` picks the expression
that belongs to the event: one attached (through the parse) to the action or to a verb governing it
("On January 10, it was reported that Japan imposed ..." dates the imposing). A future date attached to
"take effect", "come into force" and the like is the sentence's ``effective_date``, not the event's
date. Nothing found: the publication date, precision "day", text None.

``infer_publication_date(doc_or_text, metadata_date=None) -> (date | None, confidence, inferred)``:
metadata wins (1.0); else a dateline near the top (0.9); else the article's own dates bound it (the
latest past-tense date below, future ones above) and ``inferred`` is True.

Precision is "day", "week" (``date`` is that week's Monday), "month" or "year" (``date`` is the first
day of the period).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
            "sunday": 6}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3,
                "a few": 3, "few": 3, "a couple of": 2}

# Month names only capitalised: "may" and "march" are also verbs.
_MONTH = (r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
          r"(?![a-z])")
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<{g}>(?:1[89]|20)\d\d)(?![\d-])"
_PHASE = r"(?i:(?P<phase>early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of)[\s-]+)?"
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
_NUM = r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)"
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"


def _p(template: str, **groups: str) -> str:
    out = template
    for name, part in groups.items():
        out = out.replace("{" + name + "}", part.replace("{g}", name))
    return out


PATTERNS: list[tuple[str, re.Pattern]] = [(kind, re.compile(rx, re.I if kind.startswith("rel") or kind == "duration" else 0)) for kind, rx in [
    # Durations first: they hide the numbers in them from the date patterns.
    ("duration", r"\b(?:for|over|during|in|within)\s+(?:the\s+)?(?:past\s+|last\s+|next\s+|coming\s+)?"
                 r"(?:over\s+|more\s+than\s+|nearly\s+|almost\s+|about\s+|around\s+|some\s+|at\s+least\s+)?"
                 r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
                 r"a\s+few|a\s+couple\s+of|many|few|\w+ty(?:-\w+)?)\s+(?:days?|weeks?|months?|years?|decades?|centuries|century)\b"),
    ("duration", r"\b(?:for|over|in|during)\s+(?:the\s+)?(?:past|last|coming|next)\s+(?:days?|weeks?|months?|years?|decades?)\b"
                 r"|\bfor\s+(?:decades|years|months|weeks|days)\b"),
    ("duration", _p(r"\b(?:since|from)\s+(?:early\s+|mid-?|late\s+)?(?:{m}\s+)?(?:{d},?\s+)?{y}",
                    m=_MONTH, d=_DAY, y=_YEAR).replace("(?P<m>", "(?:").replace("(?P<d>", "(?:").replace("(?P<y>", "(?:")),
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b"),
    ("mdy", _p(r"\b{m}\s+{d},?\s+{y}", m=_MONTH, d=_DAY, y=_YEAR)),
    ("dmy", _p(r"\b{d}\s+(?:of\s+)?{m},?\s+{y}", m=_MONTH, d=_DAY, y=_YEAR)),
    ("my", _p(r"\b" + _PHASE + r"{m},?\s+(?:of\s+)?{y}", m=_MONTH, y=_YEAR)),
    ("md", _p(r"\b{m}\s+{d}(?![\d,]*\s*(?:19|20)\d\d)", m=_MONTH, d=_DAY)),
    ("dm", _p(r"\b(?:the\s+)?{d}\s+(?:of\s+)?{m}", m=_MONTH, d=_DAY)),
    ("y", _p(r"\b(?i:(?:in|during|by|of|until|throughout)\s+(?:early\s+|late\s+|mid-?)?|(?:early|late|mid)[\s-]+){y}",
             y=_YEAR)),
    ("m", _p(r"\b(?i:(?P<rel>last|this|next|in|on|during|by|until|earlier\s+in|later\s+in)\s+)"
             r"(?i:(?:early|late|mid)[\s-]+)?{m}", m=_MONTH)),
    ("wd", r"\b(?i:(?P<rel>last|next|this|on|by|until|from|since)\s+)?" + _WEEKDAY +
           r"(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("rel_day", r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|"
                r"tomorrow|last\s+night|earlier\s+today|later\s+today|this\s+(?:morning|afternoon|evening))\b"),
    ("rel_ago", r"\b" + _NUM + r"\s+" + _UNIT + r"\s+ago\b"),
    ("rel_unit", r"\b(?P<rel>last|this|next|earlier\s+this|later\s+this|late\s+last|early\s+last|"
                 r"earlier\s+last|the\s+previous|the\s+following|early\s+this|late\s+this)\s+(?P<unit>week|month|year)\b"),
]]

PAST, EITHER, FUTURE = -1, 0, 1
EFFECT_VERBS = frozenset({"effect", "force", "effective", "expire", "lapse", "start", "begin", "commence"})
FUTURE_MARKERS = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_GOVERNORS = frozenset({"set", "due", "scheduled", "expected", "plan", "planned", "intend", "aim",
                              "going", "slated", "poised", "hope", "prepare"})
PAST_AUX = frozenset({"was", "were", "had", "did"})


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    text: str
    start: int
    end: int
    kind: str  # a PATTERNS kind: duration, iso, mdy, dmy, my, md, dm, y, m, wd, rel_day, rel_ago, rel_unit
    groups: tuple[tuple[str, str], ...]

    def group(self, name: str) -> str | None:
        return dict(self.groups).get(name)

    @property
    def is_duration(self) -> bool:
        return self.kind == "duration"

    @property
    def has_year(self) -> bool:
        return self.kind in ("iso", "mdy", "dmy", "my", "y")


@dataclass(slots=True)
class DateResolution:
    date: str | None  # YYYY-MM-DD; first day of the week, month or year for coarser precision
    precision: str | None  # day | week | month | year | None
    text: str | None = None  # the expression's words; None when the publication date stands in
    start: int | None = None  # article character offsets of `text`
    end: int | None = None
    effective_date: str | None = None  # a scheduled date the act takes effect on
    effective_text: str | None = None

    def to_dict(self) -> dict:
        return {"date": self.date, "precision": self.precision, "text": self.text, "start": self.start,
                "end": self.end, "effective_date": self.effective_date, "effective_text": self.effective_text}


def find_expressions(text: str, base: int = 0) -> list[TemporalExpression]:
    """Temporal expressions of `text`, non-overlapping, in order; offsets are `base` + position."""
    taken: list[tuple[int, int]] = []
    found = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind in ("md", "dm") and not 1 <= int(match.group("d")) <= 31:
                continue
            taken.append((s, e))
            groups = tuple((k, v) for k, v in match.groupdict().items() if v is not None)
            found.append(TemporalExpression(match.group(), base + s, base + e, kind, groups))
    found.sort(key=lambda x: x.start)
    return found


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _pick(candidates: list[dt.date], reference: dt.date, direction: int, strict: bool = False) -> dt.date | None:
    """The candidate nearest `reference` on the side `direction` points to (either side for 0)."""
    if direction == PAST:
        side = [c for c in candidates if (c < reference if strict else c <= reference)]
        return max(side) if side else None
    if direction == FUTURE:
        side = [c for c in candidates if (c > reference if strict else c >= reference)]
        return min(side) if side else None
    return min(candidates, key=lambda c: (abs((c - reference).days), c > reference)) if candidates else None


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _count(word: str) -> int:
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word, 1)


def resolve(expr: TemporalExpression, reference: dt.date | None, direction: int = EITHER
            ) -> tuple[dt.date, str] | None:
    """(date, precision) of one expression; None for durations and for relative dates without a reference."""
    g = expr.group
    kind = expr.kind
    if kind == "duration":
        return None
    if kind == "iso":
        day = _safe_date(int(g("y")), int(g("mo")), int(g("d")))
        return (day, "day") if day else None
    if kind in ("mdy", "dmy"):
        day = _safe_date(int(g("y")), _month(g("m")), int(g("d")))
        return (day, "day") if day else None
    if kind == "my":
        return dt.date(int(g("y")), _month(g("m")), 1), "month"
    if kind == "y":
        return dt.date(int(g("y")), 1, 1), "year"
    if reference is None:
        return None
    if kind in ("md", "dm"):
        month, dom = _month(g("m")), int(g("d"))
        options = [d for d in (_safe_date(reference.year + k, month, dom) for k in (-1, 0, 1)) if d]
        chosen = _pick(options, reference, direction)
        return (chosen, "day") if chosen else None
    if kind == "m":
        rel = (g("rel") or "").lower()
        month = _month(g("m"))
        if rel == "last":
            direction = PAST
        elif rel == "next":
            direction = FUTURE
        this_month = dt.date(reference.year, reference.month, 1)
        options = [dt.date(reference.year + k, month, 1) for k in (-1, 0, 1)]
        if rel == "this":
            return dt.date(reference.year, month, 1), "month"
        chosen = _pick(options, this_month, direction, strict=rel in ("last", "next"))
        return (chosen, "month") if chosen else None
    if kind == "wd":
        rel = (g("rel") or "").lower()
        weekday = WEEKDAYS[g("wd").lower()]
        options = [reference + dt.timedelta(days=k) for k in range(-7, 8)
                   if (reference + dt.timedelta(days=k)).weekday() == weekday]
        if rel == "last":
            return _pick(options, reference, PAST, strict=True), "day"
        if rel == "next":
            return _pick(options, reference, FUTURE, strict=True), "day"
        if direction == FUTURE:
            return _pick(options, reference, FUTURE, strict=True), "day"
        # News mostly reports what has happened: "on Monday" in the present tense is the last Monday.
        return _pick(options, reference, PAST), "day"
    if kind == "rel_day":
        words = " ".join(expr.text.lower().split())
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}.get(words, 0)
        return reference + dt.timedelta(days=offset), "day"
    if kind == "rel_ago":
        n, unit = _count(g("n")), g("unit").lower()
        if unit == "day":
            return reference - dt.timedelta(days=n), "day"
        if unit == "week":
            day = reference - dt.timedelta(weeks=n)
            return day - dt.timedelta(days=day.weekday()), "week"
        if unit == "month":
            return _shift_month(reference, -n), "month"
        years = n * (10 if unit == "decade" else 1)
        return dt.date(reference.year - years, 1, 1), "year"
    if kind == "rel_unit":
        rel = " ".join(g("rel").lower().split())
        step = -1 if ("last" in rel or "previous" in rel) else 1 if ("next" in rel or "following" in rel) else 0
        unit = g("unit").lower()
        if unit == "week":
            monday = reference - dt.timedelta(days=reference.weekday())
            return monday + dt.timedelta(weeks=step), "week"
        if unit == "month":
            return _shift_month(reference, step), "month"
        return dt.date(reference.year + step, 1, 1), "year"
    return None


# --- tense, through the parse ----------------------------------------------------------------

def _governing_verb(token):
    """The verb a word hangs from: the first VERB or AUX on the way up the parse."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head != token and seen < 12:
        token, seen = token.head, seen + 1
    return token if token.pos_ in ("VERB", "AUX") else None


def tense_direction(verb) -> int:
    """PAST, FUTURE or EITHER for the clause of `verb` (a spaCy token)."""
    if verb is None:
        return EITHER
    chain = [verb]
    # "set to take effect", "plans to visit": the infinitive's governor says it is ahead.
    node = verb
    while node.dep_ in ("xcomp", "ccomp", "advcl") and node.head != node and len(chain) < 4:
        node = node.head
        chain.append(node)
    for i, v in enumerate(chain):
        auxes = [c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(a in FUTURE_MARKERS for a in auxes):
            return FUTURE
        if i > 0 and v.lemma_.lower() in FUTURE_GOVERNORS and chain[i - 1].dep_ == "xcomp":
            return FUTURE
        if v.lower_ in ("set", "due", "scheduled", "slated", "poised") and any(c.dep_ == "xcomp" for c in v.children):
            return FUTURE
        if i == 0:
            if v.tag_ == "VBD" or any(a in PAST_AUX for a in auxes) or (
                    v.tag_ == "VBN" and any(a in ("has", "have", "had", "was", "were") for a in auxes)):
                return PAST
            if v.tag_ in ("VB",) and "to" in auxes:
                continue
            if v.tag_ in ("VBZ", "VBP", "VBG"):
                return EITHER
    return EITHER


_FUTURE_WORDS = re.compile(r"\b(?:will|shall|set to|due to|scheduled|expected to|plans? to|planned|going to|"
                           r"to take effect|slated|next|upcoming)\b", re.I)
_PAST_WORDS = re.compile(r"\b(?:was|were|had|did|said|reported|announced|\w{3,}ed)\b", re.I)


def text_direction(clause: str) -> int:
    """Tense without a parse: future and past words of a clause, for plain-text input."""
    if _FUTURE_WORDS.search(clause):
        return FUTURE
    if _PAST_WORDS.search(clause):
        return PAST
    return EITHER


def _is_effect(verb, expr_root) -> bool:
    """Whether a date hangs from "take effect", "come into force", "effective (from)"..."""
    if expr_root is not None:
        for tok in [expr_root.head, expr_root.head.head]:
            if tok.lower_ in ("effective",):
                return True
    if verb is None:
        return False
    if verb.lemma_.lower() in ("expire", "lapse", "commence"):
        return True
    words = {c.lower_ for c in verb.children} | {g.lower_ for c in verb.children for g in c.children}
    return bool(words & {"effect", "force"}) and verb.lemma_.lower() in ("take", "come", "enter", "go", "become", "put")


def resolve_event_date(sent, action_tokens, publication_date: dt.date | None) -> DateResolution:
    """The date of the event whose action words are `action_tokens` in the spaCy sentence `sent`."""
    doc = sent.doc
    action = list(action_tokens)
    fallback = DateResolution(publication_date.isoformat() if publication_date else None,
                              "day" if publication_date else None)
    expressions = [e for e in find_expressions(sent.text, sent.start_char) if not e.is_duration]
    if not expressions:
        return fallback
    action_ids = {t.i for t in action}
    anchor = next((t for t in action if t.pos_ in ("VERB", "AUX")), action[0] if action else sent.root)
    chain = []
    node = anchor
    while True:
        chain.append(node)
        if node.head == node or len(chain) > 20:
            break
        node = node.head
    chain_ids = [t.i for t in chain]
    best, best_rank = None, None
    effective = None
    loose = []
    for expr in expressions:
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        root = span.root if span is not None else None
        verb = _governing_verb(root) if root is not None else None
        direction = tense_direction(verb)
        if direction != PAST and _is_effect(verb, root):
            # What is yet to take effect is a scheduled date of the act, not the act's date.
            resolved = resolve(expr, publication_date, FUTURE)
            if resolved and effective is None:
                effective = (resolved, expr)
            continue
        rank = None
        if root is not None:
            # The first word of the chain (action words first, then their governors) the date hangs from.
            up, hops = root, 0
            while up.head != up and hops < 12 and up.i not in chain_ids and up.i not in action_ids:
                if up.pos_ in ("VERB", "AUX") and up is not root:
                    break
                up, hops = up.head, hops + 1
            # Nearer the action first; then fewer hops ("closed the border on May 22" beats "after
            # the attack on May 20", which hangs from the same verb through a noun).
            if up.i in action_ids:
                rank = (0, hops)
            elif up.i in chain_ids:
                rank = (chain_ids.index(up.i), hops)
        if rank is None:
            if verb is None:
                loose.append(expr)
            continue
        resolved = resolve(expr, publication_date, direction)
        if resolved is None:
            continue
        if best_rank is None or rank < best_rank:
            best, best_rank = (resolved, expr), rank
    if best is None and loose:
        expr = min(loose, key=lambda e: abs(e.start - anchor.idx))
        resolved = resolve(expr, publication_date, tense_direction(anchor))
        if resolved:
            best = (resolved, expr)
    out = fallback
    if best is not None:
        (day, precision), expr = best
        out = DateResolution(day.isoformat(), precision, expr.text, expr.start, expr.end)
    if effective is not None:
        (day, _), expr = effective
        out.effective_date, out.effective_text = day.isoformat(), expr.text
    return out


def effective_date_in(sent, reference: dt.date | None) -> tuple[str, str] | None:
    """(date, words) of a "take effect on ..." date in a sentence, for events of the sentence before."""
    doc = sent.doc
    for expr in find_expressions(sent.text, sent.start_char):
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None or expr.is_duration:
            continue
        verb = _governing_verb(span.root)
        if _is_effect(verb, span.root):
            resolved = resolve(expr, reference, FUTURE if tense_direction(verb) != PAST else PAST)
            if resolved:
                return resolved[0].isoformat(), expr.text
    return None


# --- publication date ------------------------------------------------------------------------

_DATELINE_LABEL = re.compile(r"\b(?:published|posted|updated|date)\s*[:\-]?\s*", re.I)


def _sentences(doc_or_text):
    """(text, offset, direction-of(expr)) per sentence, with the parse's tense where there is one."""
    if isinstance(doc_or_text, str):
        for match in re.finditer(r"[^.!?\n]+(?:[.!?]+|$)", doc_or_text):
            text = match.group()
            yield text, match.start(), None
    else:
        for sent in doc_or_text.sents:
            yield sent.text, sent.start_char, sent


def _dateline(text: str) -> dt.date | None:
    head = text[:400]
    first_line = head.split("\n", 1)[0]
    for scope in (first_line, *[head[m.end():m.end() + 40] for m in _DATELINE_LABEL.finditer(head)]):
        for expr in find_expressions(scope):
            if expr.kind in ("iso", "mdy", "dmy") and (scope is not first_line or expr.start < 80):
                resolved = resolve(expr, None)
                if resolved:
                    return resolved[0]
    return None


def infer_publication_date(doc_or_text, metadata_date: dt.date | None = None
                           ) -> tuple[dt.date | None, float, bool]:
    """(date, confidence, inferred) for an article: metadata, else a dateline, else its own dates."""
    if metadata_date is not None:
        return metadata_date, 1.0, False
    text = doc_or_text if isinstance(doc_or_text, str) else doc_or_text.text
    dateline = _dateline(text)
    if dateline is not None:
        return dateline, 0.9, False
    absolute_past, absolute_future, partial = [], [], []
    for sent_text, offset, sent in _sentences(doc_or_text):
        for expr in find_expressions(sent_text, offset):
            if expr.is_duration or expr.kind.startswith("rel") or expr.kind == "wd":
                continue
            if sent is not None:
                span = sent.doc.char_span(expr.start, expr.end, alignment_mode="expand")
                verb = _governing_verb(span.root) if span is not None else None
                direction = tense_direction(verb)
                if _is_effect(verb, span.root if span is not None else None) and direction != PAST:
                    direction = FUTURE
            else:
                direction = text_direction(sent_text[expr.end - offset:] + " " + sent_text[:expr.start - offset])
            if expr.has_year:
                day, precision = resolve(expr, None) or (None, None)
                if day is None:
                    continue
                (absolute_future if direction == FUTURE else absolute_past).append((day, precision))
            else:
                partial.append((expr, direction))
    if not absolute_past and not absolute_future:
        return None, 0.0, False
    lower = max((d for d, _ in absolute_past), default=None)
    upper = min((d for d, _ in absolute_future), default=None)
    precision = max(absolute_past, key=lambda x: x[0])[1] if absolute_past else "year"
    anchor = lower or dt.date(upper.year, 1, 1)
    for expr, direction in sorted(partial, key=lambda p: p[1]):
        # Each month-day without a year is taken as its first occurrence after what is known so far.
        resolved = resolve(expr, anchor, FUTURE)
        if resolved is None:
            continue
        day, part_precision = resolved
        if direction == FUTURE:
            upper = day if upper is None else min(upper, day)
        else:
            if lower is None or day > lower:
                lower, precision = day, part_precision
            anchor = lower
    if lower is None:
        return None, 0.0, False
    estimate = lower
    confidence = {"day": 0.6, "week": 0.55, "month": 0.5, "year": 0.3}.get(precision, 0.3)
    if upper is not None:
        if upper >= lower:
            confidence += 0.15 if (upper - lower).days <= 62 else 0.05
        else:
            confidence -= 0.2
    return estimate, round(max(confidence, 0.05), 2), True


__all__ = ["DateResolution", "TemporalExpression", "find_expressions", "resolve", "resolve_event_date",
           "effective_date_in", "infer_publication_date", "tense_direction", "text_direction",
           "PAST", "FUTURE", "EITHER"]
