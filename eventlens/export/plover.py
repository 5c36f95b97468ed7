"""PLOVER JSON lines: one record per stored event, with the field names of the PLOVER manual's
data-format chapter (id, date, actor, recipient, event, mode, context, event_text, text, ...).

Fields PLOVER does not name live under the "eventlens" key. docs/export.md lists every field.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from ..ontology import cameo_table
from .gdelt import event_day

CODEBOOK = "PLOVER 2021 (from CAMEO 1.1b3 through the eventlens CAMEO->PLOVER table)"

# GDELT geo type -> PLOVER location resolution (1 country, 2 province, 4 city).
_RESOLUTION = {1: 1, 2: 2, 3: 4, 4: 4, 5: 2}


def sentence_start(mention: Mapping[str, Any]) -> int | None:
    """Where the sentence starts in the article, recovered from spans whose words we know.

    The record keeps article offsets but not the sentence's own; every actor and date expression
    has both its words and their article offset, so each occurrence of those words in the sentence
    proposes a start. The start most anchors agree on wins, provided it puts every action span
    inside the sentence."""
    sentence = mention.get("sentence") or ""
    anchors = [mention.get(key) for key in ("source", "target", "speaker", "date_expression")]
    votes: Counter[int] = Counter()
    for anchor in anchors:
        if not anchor or not anchor.get("text") or anchor.get("start") is None:
            continue
        words, at = anchor["text"], int(anchor["start"])
        found = sentence.find(words)
        while found != -1:
            if at - found >= 0:
                votes[at - found] += 1
            found = sentence.find(words, found + 1)
    actions = (mention.get("evidence") or {}).get("action") or []
    for start, _count in votes.most_common():
        if all(start <= s and e <= start + len(sentence) for s, e in actions):
            return start
    return None


def rule_word(rule: str) -> str | None:
    """The lexicon word a rule names ("lexicon verbs.tsv:869: impose; ..." -> "impose")."""
    head = (rule or "").split(";")[0].strip()
    if not head.startswith("lexicon") or ": " not in head:
        return None
    word = head.rsplit(": ", 1)[1].split(" (")[0].strip()
    return word or None


def event_text(mention: Mapping[str, Any], start: int | None) -> list[str]:
    """The action words: each evidence.action span cut from the sentence, else the rule's word."""
    sentence = mention.get("sentence") or ""
    actions = (mention.get("evidence") or {}).get("action") or []
    if start is not None and actions:
        return [sentence[s - start:e - start] for s, e in actions]
    word = rule_word(mention.get("rule") or "")
    return [word] if word else []


def entity(actor: Mapping[str, Any]) -> dict[str, Any]:
    """A PLOVER entity object: top-level code (the country, else the code's first three letters),
    sector, the article's words and a readable name."""
    code = actor.get("code") or ""
    out: dict[str, Any] = {"code": actor.get("country") or code[:3] or None, "sector": actor.get("sector")}
    if actor.get("text"):
        out["entity_text"] = actor["text"]
    if actor.get("name"):
        out["identifier_text"] = actor["name"]
    return out


def location(place: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """PLOVER's location object from an eventlens place."""
    if not place:
        return None
    out: dict[str, Any] = {"resolved_place": place.get("full_name"), "lat": place.get("lat"),
                           "lon": place.get("lon"), "country_code": place.get("country_code")}
    feature = place.get("feature_id")
    if feature is not None and str(feature).isdigit():
        out["geonameid"] = int(feature)
    if place.get("type") in _RESOLUTION:
        out["resolution"] = _RESOLUTION[place["type"]]
    return out


def contexts(code: str) -> list[str]:
    rec = cameo_table().get(code) or cameo_table().get(code[:3]) or cameo_table().get(code[:2])
    if rec is None or not rec.plover_context:
        return []
    return [part.strip() for part in rec.plover_context.split(";") if part.strip()]


def plover_record(row: Mapping[str, Any]) -> dict[str, Any]:
    mention = row["mention"]
    plover = mention.get("plover") or {}
    start = sentence_start(mention)
    sentence = mention.get("sentence") or ""
    target = mention.get("target")
    coder = f"eventlens {mention.get('coder_version') or ''}".strip()
    record: dict[str, Any] = {
        "id": row["event_id"],
        "has_event": plover.get("event") is not None,
        "date": event_day(mention, str(row["date_added"])).isoformat(),
        "actor": [entity(mention["source"])],
        "recipient": [entity(target)] if target else [],
        "event": [plover["event"]] if plover.get("event") else [],
        "mode": [plover["mode"]] if plover.get("mode") else [],
        "context": contexts(mention["code"]),
        "event_loc": location(mention.get("action_geo")),
        "event_text": event_text(mention, start),
        "quad_code": mention.get("quad_class"),
        "event_scale": mention.get("goldstein"),
        "text": sentence,
        "text_info": {"sequence": mention.get("sentence_index"), "start": start,
                      "end": None if start is None else start + len(sentence)},
        "cite_info": {"url": row.get("source_url"), "citation": mention.get("article_id"),
                      "coder": coder, "codebook": CODEBOOK},
        "coder": coder,
        "eventlens": {
            "mention_id": mention.get("id"),
            "article_id": mention.get("article_id"),
            "cameo": {"code": mention.get("code"), "base_code": mention.get("base_code"),
                      "root_code": mention.get("root_code"), "name": mention.get("name")},
            "actor_code": mention["source"].get("code"),
            "recipient_code": target.get("code") if target else None,
            "speaker": mention.get("speaker"),
            "num_mentions": row.get("num_mentions"),
            "num_sources": row.get("num_sources"),
            "num_articles": row.get("num_articles"),
            "is_root_event": row.get("is_root_event"),
            "date_added": row.get("date_added"),
            "date_precision": mention.get("date_precision"),
            "publication_date": mention.get("publication_date"),
            "modality": mention.get("modality"),
            "negated": mention.get("negated"),
            "confidence": mention.get("confidence"),
            "rule": mention.get("rule"),
            "attributes": mention.get("attributes") or {},
            "action_geo": mention.get("action_geo"),
            "source_geo": mention.get("source_geo"),
            "target_geo": mention.get("target_geo"),
        },
    }
    return record


def write_plover(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        line = json.dumps(plover_record(row), ensure_ascii=False)
        # Raw line separators are valid JSON but split the line for readers using splitlines().
        out.write(line.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
        out.write("\n")
        count += 1
    return count
