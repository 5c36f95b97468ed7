"""Headlines in title case ("Brazil Slams Israeli Strikes On Gaza") fool the tagger: every capitalised
word looks like a name, so the verb is tagged PROPN and the parse has no predicate. For a sentence that
is set in title case, the pipeline parses a copy in which the capitalised common words are lower-cased
(same length, so every offset holds) and takes that copy's tags, lemmas and dependencies. The text, and
the named entities found on the original capitals, stay as written.
"""
from __future__ import annotations

from functools import lru_cache

FUNCTION_WORDS = frozenset(
    "a an the and or but nor of on in at to for from with without by over under after before amid "
    "against as into onto off out up down about across near since until via vs per than then "
    "is are was were be been being has have had do does did will would shall should can could may might "
    "must not no new its his her their our this that these those it he she they we who what why how".split())
KEEP_ENTITIES = frozenset({"GPE", "NORP", "LOC", "FAC"})  # places and peoples keep their capitals


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    from ..actors.countries import country_entries

    return frozenset(w.lower() for e in country_entries() for w in e.phrase.split())


def is_title_case(sent) -> bool:
    """At least four words, and every content word capitalised."""
    words = [t for t in sent if t.is_alpha]
    content = [t for t in words if t.lower_ not in FUNCTION_WORDS]
    return len(words) >= 4 and len(content) >= 3 and all(t.text[0].isupper() for t in content)


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """The last names of the people the actor dictionary knows ("Trump", "Brown", "May")."""
    from ..actors.people import people_entries

    return frozenset(e.phrase.split()[-1] for e in people_entries() if len(e.phrase.split()) > 1)


def _common(tok, index) -> bool:
    low = tok.lower_
    if low in FUNCTION_WORDS:
        return True
    if low in _country_words() or (tok.ent_type_ == "PERSON" and tok.text in _surnames()):
        return False  # "Erdogan Meets Trump": a known name keeps its capital, though English has the word
    if tok.ent_type_ in KEEP_ENTITIES:
        # The tagger reads a capitalised verb as a place too ("Britain to Expel 23 Russian Diplomats"); a
        # word English has only as a verb is lowered all the same
        return low in index.get("verb", ()) and low not in index.get("noun", ()) and low not in index.get("adj", ())
    stems = {low, low[:-1], low[:-2], low[:-3], low[:-3] + "e", low[:-2] + "e", low[:-1] + "e"} if len(low) > 4 \
        else {low, low[:-1]}
    return any(s in index.get("verb", ()) or s in index.get("noun", ()) or s in index.get("adj", ()) for s in stems)


def lowered_text(doc, index) -> str | None:
    """The doc's text with the capitalised common words of its title-case sentences lower-cased, or None
    where no sentence is in title case."""
    chars = list(doc.text)
    changed = False
    for sent in doc.sents:
        if not is_title_case(sent):
            continue
        for tok in sent:
            if tok.is_alpha and tok.text[0].isupper() and not tok.text.isupper() and _common(tok, index):
                chars[tok.idx] = tok.text[0].lower()
                changed = True
    return "".join(chars) if changed else None


# Headline verbs in the bare present ("Police Fire Tear Gas", "Leaders Sign Accord") read as nouns to a
# tagger trained on running text. Their past tense reads as a verb; these are the irregular ones.
IRREGULAR_PAST = {
    "arise": "arose", "begin": "began", "break": "broke", "bring": "brought", "build": "built",
    "buy": "bought", "cut": "cut", "drive": "drove", "fight": "fought", "find": "found", "flee": "fled",
    "forbid": "forbade", "freeze": "froze", "give": "gave", "hit": "hit", "hold": "held", "keep": "kept",
    "lead": "led", "leave": "left", "lose": "lost", "make": "made", "meet": "met", "overthrow": "overthrew",
    "put": "put", "quit": "quit", "rise": "rose", "say": "said", "seek": "sought", "sell": "sold",
    "send": "sent", "set": "set", "shoot": "shot", "shut": "shut", "sink": "sank", "speak": "spoke",
    "spend": "spent", "steal": "stole", "strike": "struck", "swear": "swore", "take": "took", "tell": "told",
    "throw": "threw", "undertake": "undertook", "uphold": "upheld", "win": "won", "withdraw": "withdrew",
    "withhold": "withheld",
}


def past_tense(word: str) -> str:
    """The simple past of a bare English verb, in lower case ("Fire" -> "fired", "Ban" -> "banned")."""
    low = word.lower()
    if low in IRREGULAR_PAST:
        return IRREGULAR_PAST[low]
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return low[:-1] + "ied"
    if (sum(c in "aeiou" for c in low) == 1 and len(low) >= 3 and low[-1] not in "aeiouwxy"
            and low[-2] in "aeiou"):
        return low + low[-1] + "ed"  # one syllable ending consonant-vowel-consonant: "stopped", "snubbed"
    return low + "ed"


def verbless_headlines(doc, copy, index) -> list:
    """The sentences of `copy` (the lower-cased parse of `doc`) that are title case in `doc` and whose
    parse has no verb at its root, or a word at it that English has no verb for ("Egypt's Army Ousts
    Morsi" parses with Morsi as the verb)."""
    verbs = index.get("verb", ())
    return [s for s in copy.sents if is_title_case(doc[s.start:s.end])
            and (s.root.pos_ not in ("VERB", "AUX")
                 or (s.root.lemma_.lower() not in verbs and s.root.lower_ not in verbs))]


def verb_stem(word: str, verbs) -> str | None:
    """The bare verb of a third-person form ("ousts" -> "oust", "rushes" -> "rush", "denies" -> "deny")."""
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(cut) and len(word) > len(cut) + 2 and word[:-len(cut)] + add in verbs:
            return word[:-len(cut)] + add
    return None


def verb_candidate(sent, index):
    """The word of a verbless headline that is most likely its verb: the first word after the opening
    noun phrase that English uses as a bare verb ("Congolese Police *Fire* Tear Gas at Marchers"); where
    there is none, the first in the third person ("Egypt's Army *Ousts* Morsi"), which the tagger reads as
    a plural noun as often as not. Returns the token and the verb's bare form."""
    verbs = index.get("verb", ())
    third = None
    for tok in sent:
        if tok.i == sent.start or tok.i + 1 >= sent.end or not tok.is_alpha or tok.lower_ in FUNCTION_WORDS:
            continue
        before = tok.doc[tok.i - 1]
        if before.pos_ in ("NOUN", "PROPN") and tok.lower_ in verbs and not tok.lower_.endswith("s"):
            return tok, tok.lower_
        # a name the tagger reads as an adjective ("Zimbabwe Summons ...") also ends the opening noun phrase
        if third is None and (before.pos_ in ("NOUN", "PROPN", "PART") or before.ent_type_) \
                and tok.lower_.endswith("s") and (stem := verb_stem(tok.lower_, verbs)):
            third = tok, stem
    return third
