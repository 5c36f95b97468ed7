"""Event attributes: how many of what the act was aimed at, whom by name, and the issue in dispute.

``event_attributes(sent, action_tokens, target_tokens) -> dict`` reads the target's phrase and its
coordinated siblings in a spaCy sentence and returns only the keys it found:

- ``target_counts``: {kind: count} for counted targets ("three Russian banks, 29 legal entities, and
  11 individuals" -> {"banks": 3, "legal entities": 29, "individuals": 11}); the kind keeps common
  modifiers ("legal") and drops nationality and proper-name ones ("Russian"), so counts add up
  across articles;
- ``named_targets``: people and organisations named in the target phrase ("Alrosa CEO Pavel
  Marynichev" -> ["Pavel Marynichev"]);
- ``issue``: the matter in dispute where the sentence states it ("the territorial issue" ->
  "territorial issue", "a peace treaty" -> "peace treaty"), from ISSUE_PATTERNS.

Date attributes (``effective_date``) come from eventlens.resolve.dates.
"""
from __future__ import annotations

import re
from eventlens.nlp import sentence_ents

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 24,
    "a dozen": 12, "hundreds": 200, "thousand": 1000, "thousands": 2000,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# Issues in dispute, as news names them: (pattern, the issue's name). First match wins, so the more
# specific phrases come first.
ISSUE_PATTERNS: list[tuple[re.Pattern, str]] = [(re.compile(rx, re.I), name) for rx, name in [
    (r"\bterritorial (?:issue|dispute|question|problem|claims?)\b", "territorial issue"),
    (r"\b(?:issue|question|problem|dispute) (?:of|over) the (?:Northern Territories|Kuril(?:e)? Islands|Southern Kurils?)\b",
     "territorial issue"),
    (r"\bborder (?:dispute|issue|question|demarcation)\b", "border dispute"),
    (r"\bpeace (?:treaty|deal|agreement|accord|talks|process)\b", "peace treaty"),
    (r"\b(?:ceasefire|cease-fire|truce)\b", "ceasefire"),
    (r"\bnuclear (?:programme|program|deal|weapons?|talks|issue)\b", "nuclear programme"),
    (r"\bdenucleari[sz]ation\b", "nuclear programme"),
    (r"\b(?:trade (?:war|dispute|deal|agreement|talks)|tariffs?)\b", "trade"),
    (r"\b(?:prisoner|hostage)s? (?:swap|exchange|release|deal)\b", "prisoners"),
    (r"\b(?:humanitarian aid|humanitarian corridor|aid deliveries)\b", "humanitarian aid"),
    (r"\b(?:gas|oil|energy) (?:supplies|supply|deal|prices?|pipeline|transit)\b", "energy"),
    (r"\b(?:fishing rights|fisheries)\b", "fisheries"),
    (r"\b(?:sovereignty)\b", "sovereignty"),
    (r"\b(?:independence referendum|secession)\b", "independence"),
    (r"\b(?:maritime (?:dispute|boundary|claims?)|territorial waters)\b", "maritime boundary"),
    (r"\bhuman rights\b", "human rights"),
]]
PERSON_OR_ORG = frozenset({"PERSON", "ORG"})
# Modifiers that say whose, not what: dropped from a target's kind.
DROP_MODIFIER_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC"})
# Modifiers that say how many or which, not what ("two other executives").
DROP_MODIFIER_WORDS = frozenset({"other", "more", "additional", "further", "new", "such", "several", "many",
                                 "few", "same", "last", "first", "remaining"})


def parse_number(words: list[str]) -> int | None:
    """A count written in digits or words: "29", "1,200", "three", "twenty-five", "2 million"."""
    total, current = 0, 0
    seen = False
    for raw in words:
        word = raw.lower().replace(",", "")
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
            seen = True
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0
            seen = True
        elif "-" in word and all(part in NUMBER_WORDS for part in word.split("-")):
            current += sum(NUMBER_WORDS[part] for part in word.split("-"))
            seen = True
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
            seen = True
        elif word in ("and", "a"):
            continue
        else:
            return None
    return int(total + current) if seen else None


def _kind(noun) -> str:
    """The target's kind: the noun with its common-noun modifiers, without whose-words."""
    words = []
    for child in noun.lefts:
        if child.dep_ in ("amod", "compound") and child.ent_type_ not in DROP_MODIFIER_ENTS and \
                child.pos_ not in ("PROPN", "NUM") and not child.like_num and child.lower_ not in DROP_MODIFIER_WORDS:
            words.append(child.lower_)
    words.append(noun.lower_)
    return " ".join(words)


def _coordinated(token) -> list:
    """A noun and the nouns coordinated with it ("banks, entities, and individuals")."""
    out, stack = [], [token]
    while stack:
        node = stack.pop()
        if node in out:
            continue
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ in ("conj", "appos"))
    return sorted(out, key=lambda t: t.i)


def _target_heads(action_tokens, target_tokens) -> list:
    heads = []
    if target_tokens:
        ids = {t.i for t in target_tokens}
        heads = [t for t in target_tokens if t.head.i not in ids or t.head == t]
    if not heads:
        # No target words: the object of the action ("imposed sanctions on three banks").
        frontier = list(action_tokens)
        frontier += [c for t in action_tokens for c in t.children if c.dep_ == "dobj"]
        for tok in frontier:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "against", "to", "at"):
                    heads.extend(c for c in child.children if c.dep_ == "pobj")
                elif child.dep_ in ("dobj", "dative"):
                    heads.append(child)
    return heads


def event_attributes(sent, action_tokens, target_tokens=()) -> dict:
    """Attributes of one event; only the keys that the sentence supplies."""
    attrs: dict = {}
    counts: dict[str, int] = {}
    named: list[str] = []
    heads = _target_heads(list(action_tokens), list(target_tokens))
    for head in heads:
        for noun in _coordinated(head):
            numbers = [c for c in noun.children if c.dep_ == "nummod" or (c.like_num and c.dep_ in ("amod", "compound"))]
            if numbers and noun.pos_ in ("NOUN", "PROPN"):
                words = []
                for num in numbers:
                    words.extend(t.text for t in num.subtree if t.like_num or t.lower_ in SCALES or t.lower_ in NUMBER_WORDS)
                value = parse_number(words)
                if value is not None:
                    kind = _kind(noun)
                    counts[kind] = counts.get(kind, 0) + value
            for ent in sentence_ents(sent):
                if ent.label_ in PERSON_OR_ORG and noun.i in range(ent.start, ent.end) and ent.text not in named:
                    named.append(ent.text)
    if counts:
        attrs["target_counts"] = counts
    if named:
        attrs["named_targets"] = named
    issue = dispute_issue(sent.text)
    if issue:
        attrs["issue"] = issue
    return attrs


def dispute_issue(text: str) -> str | None:
    """The issue a sentence says is at stake, named as in ISSUE_PATTERNS, or None."""
    for pattern, name in ISSUE_PATTERNS:
        if pattern.search(text):
            return name
    return None


__all__ = ["event_attributes", "dispute_issue", "parse_number", "ISSUE_PATTERNS"]
