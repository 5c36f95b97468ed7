"""Resolve noun phrases of a parsed article to CAMEO actors, with the article's memory: people named
earlier (a bare surname after the full name is the same person), the last speaker, and the last actor
of each sector (for "the ministry", "the politician", "he")."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace

from ..models import ActorRef, DictEntry
from ..nlp import find_dateline
from .countries import STATE_KINDS
from .matcher import ActorDictionary, Mention

# Dependencies that stay inside one actor's noun phrase.
NP_DEPS = {"compound", "amod", "poss", "nmod", "flat", "appos", "npadvmod"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
FIRST_PERSON = {"we", "us", "our", "i", "my", "me"}
# Weapons and platforms the sectors file makes MIL ("Israeli jets struck"): actors only with an owner.
PLATFORM_WORDS = {"jet", "bomber", "helicopter", "gunship", "drone", "missile", "artillery", "howitzer", "tank",
                  "destroyer", "frigate", "corvette", "gunboat", "submarine", "carrier", "battleship", "warship",
                  "warplane"}
# Titles that name one person: "the U.S. secretary of state ... He met ..." -- a later "he" or "she" is
# the holder even when the text never gives the name.
PERSON_TITLES = {"minister", "secretary", "president", "premier", "chancellor", "king", "queen", "emir",
                 "sultan", "prince", "leader", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
                 "commander", "chief", "governor", "mayor", "prosecutor", "judge", "counterpart", "general"}
# Nouns by which wire copy names an international or non-governmental body again ("The bloc said",
# "the alliance's chief"): the last such body named before, whatever was named since.
ORG_NOUNS = {"bloc", "alliance", "organisation", "organization", "grouping", "union", "commission"}
# "Thousands rallied", "Hundreds marched": a crowd told by its size
CROWD_NUMBERS = {"thousands", "hundreds", "dozens", "scores", "tens"}
# "The group said", "the movement claimed": the last armed group, party or other non-state body named
# (the corpus writes "the group" 61 times as an actor, 53 of them rebels).
GROUP_NOUNS = {"group", "movement"}
GROUP_SECTORS = {"REB", "SEP", "OPP", "PTY", "NGO", "UAF", "CRM", "RAD", "INS"}
# A title with no name still names a person or body ("the politician said").
ROLE_NOUNS = {"politician", "official", "leader", "spokesman", "spokeswoman", "spokesperson",
              "minister", "diplomat", "lawmaker", "deputy", "envoy", "ambassador", "president",
              "premier", "chancellor", "ministry", "government", "statement", "army", "military", *ORG_NOUNS}
# Words that make a named thing a business whatever its title words say ("TsMRBank Vice President").
BUSINESS_NAME = re.compile(r"(bank|corp|corporation|llc|inc|ltd|plc|group|holding|company|gmbh|jsc|pjsc)$",
                           re.IGNORECASE)
# Sectors that name a state's institutions: coded only with their country.
STATE_SECTORS = {"GOV", "LEG", "JUD", "BUS", "ELI", "MED"}
# Divided countries whose halves wire copy calls "the North" and "the South".
DIVIDED = (("PRK", "KOR"), ("SDN", "SSD"))
# How far after a list of actors (in words) "they" may still stand for it.
GROUP_REACH = 80
NAME_PARTICLES = {"da", "de", "do", "dos", "das", "del", "di", "al", "el", "la", "le", "van", "von", "bin"}
PLACE_NOUNS = {"city", "town", "village", "district", "region", "province", "suburb", "outskirts", "port",
               "capital", "neighbourhood", "neighborhood", "area", "county", "state"}
SPEECH_NOUNS = {"statement", "communique", "communiqué", "declaration", "report", "release", "spokesperson"}
# Words for the people of a body: "members of a cartel" are the cartel. (Sector words such as "fighters"
# or "gunmen" are actors of their own, found by the dictionary, and never reach this.)
MEMBER_NOUNS = {"member", "supporter", "loyalist", "operative", "cell", "unit", "faction", "wing", "element"}
# Things a sector word before them classifies rather than owns: "military aid" is aid of a kind, given by
# whoever gives it; "opposition supporters" or "army headquarters" do belong to the opposition or the army.
KIND_NOUNS = {"aid", "assistance", "support", "help", "cooperation", "equipment", "hardware", "spending",
              "budget", "funding", "ties", "relations", "action", "option", "pressure", "intervention",
              "reform", "exercise", "drill", "solution", "deal", "agreement", "pact", "package"}
# Verbs whose subject "it" stands for nothing ("It seems", "It emerged that", "It took three days").
IMPERSONAL_VERBS = {"be", "seem", "appear", "emerge", "remain", "happen", "follow", "come", "take", "mean",
                    "matter", "become", "look", "sound"}
# Government bodies that wire copy names again by the bare noun ("The ministry said ..."): they are the
# body of that name named before, else the government of the state the story's last clause is about,
# not whichever official was named last (often the envoy that state summoned).
INSTITUTION_NOUNS = {"ministry", "government", "presidency", "cabinet", "administration", "spokesman",
                     "spokeswoman", "spokesperson"}


def _of_a_place(tok) -> bool:
    """"the Old City of Mosul", "the port of Sudan": a part named for the place it is of, which the
    place after "of" tells better than the part's own name (an Old City is also Jerusalem's)."""
    return tok.pos_ == "PROPN" and any(
        p.lower_ == "of" and any(o.pos_ == "PROPN" for o in p.children if o.dep_ == "pobj")
        for p in tok.children if p.dep_ == "prep")


@dataclass(slots=True)
class _Person:
    code: str
    name: str
    country: str | None
    sector: str | None
    via: str


def _span_of(tok) -> dict:
    """The text, start and end of one token, as an ActorRef gives them."""
    return dict(text=tok.text, start=tok.idx, end=tok.idx + len(tok.text))


def _code(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return country + sector
    return country or sector


class ArticleActors:
    """Actor resolution over one parsed article."""

    def __init__(self, doc, dictionary: ActorDictionary, day: dt.date | None, text: str | None = None):
        self.doc = doc
        self.text = text if text is not None else doc.text  # Doc.text joins every token each time
        self.dictionary = dictionary
        self.day = day
        self.by_token: dict[int, Mention] = {}
        self.country_mentions: Counter[str] = Counter()
        self.country_sentences: dict[str, set[int]] = {}
        sents = list(doc.sents)
        # Token.sent walks the document's sentences each time: keep each token's sentence bounds.
        self.sent_bounds = [(0, 0)] * len(doc)
        for sent in sents:
            for i in range(sent.start, sent.end):
                self.sent_bounds[i] = (sent.start, sent.end)
        # A dateline names where the story was filed, not an actor; its country is the story's home.
        self.dateline = find_dateline(self.text)
        self.home_country: str | None = None
        if self.dateline is not None:
            self.home_country = self._dateline_country(self.dateline[2])
        actor_countries: Counter[str] = Counter()
        for si, found in enumerate(dictionary.find_in_doc(doc, sents, day)):
            if self.dateline is not None:
                found = [m for m in found if not self._in_dateline(doc[m.start].idx)]
            for m in found:
                for i in range(m.start, m.end):
                    self.by_token[i] = m
                country = m.best.country
                if country and m.kind in STATE_KINDS:
                    self.country_mentions[country] += 1
                    self.country_sentences.setdefault(country, set()).add(si)
                elif country:
                    actor_countries[country] += 1
        # The article's countries, most-mentioned first: the context for places and implied targets.
        self.countries = [c for c, _ in self.country_mentions.most_common()]
        # Where it names none, the countries of the actors it names ("Boko Haram fighters seized a
        # military base": the base is Nigeria's)
        self.actor_countries = [c for c, _ in actor_countries.most_common()]
        self.people: dict[str, _Person] = {}  # surname (lower) -> person named earlier
        self.last_person: ActorRef | None = None
        self.last_subject_person: tuple[int, ActorRef] | None = None  # (its sentence's start, the person)
        self.last_by_sector: dict[str, ActorRef] = {}
        self.last_by_country: dict[str, ActorRef] = {}  # the latest named body of each country
        self.last_actor: ActorRef | None = None
        # The actors named so far, latest last, each once: whom a reaction in a later sentence answers
        # ("The EU imposed tariffs on Chinese steel. ... Beijing condemned the decision").
        self.recent: list[ActorRef] = []
        self.last_institution: dict[str, ActorRef] = {}  # "ministry" -> the last ministry named
        self.last_subject_state: str | None = None  # the country of the last state or government subject
        # The last body (a state, its organs, an organisation, an armed group: no person) that was a clause's
        # subject, with its head's index: "It" opening a later sentence goes on with it.
        self.last_subject_body: tuple[int, ActorRef] | None = None
        self.last_speaker: ActorRef | None = None
        # The last list of actors of different countries named as one subject, and the index of its
        # first word: "they", "both" or "the two" after it stand for the list.
        self.last_group: tuple[int, list[ActorRef]] | None = None
        # The two sides of the last event between actors of two countries: "the two leaders" after
        # "X received a call from his Iranian counterpart" are X and the caller.
        self.last_pair: tuple[int, list[ActorRef]] | None = None

    def _in_dateline(self, offset: int) -> bool:
        return self.dateline is not None and self.dateline[0] <= offset < self.dateline[1]

    def _dateline_country(self, place: str) -> str | None:
        from ..resolve.places import gazetteer

        found = gazetteer().lookup(place.title())
        return found.country_code if found is not None else None

    # -- noun phrase ------------------------------------------------------------------------------
    def np_tokens(self, head) -> list:
        """The head and the modifiers that belong to its name: titles, adjectives, appositions."""
        out = [head]
        stack = [head]
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.dep_ in NP_DEPS or (child.dep_ == "prep" and child.lower_ == "of"
                                             and (tok.i == head.i or tok.dep_ == "appos")):
                    out.append(child)
                    stack.append(child)
                elif child.dep_ == "pobj" and tok.dep_ == "prep":
                    out.append(child)
                    stack.append(child)
                elif child.dep_ == "det" and child.lower_ in ("the",):
                    continue
        return sorted((t for t in out if not self._in_dateline(t.idx)), key=lambda t: t.i)

    def resolve(self, head, *, speaker: ActorRef | None = None, in_quote: bool = False,
                remember: bool = True, owner: bool = False) -> ActorRef | None:
        """The actor named by the noun phrase headed by `head`, or None when it names none."""
        doc = self.doc
        low = head.lower_
        if self._in_dateline(head.idx):
            return None
        same = self._object_again(head)
        if same is not None:
            # the object itself, else what it is of ("the licence of an Australian company")
            for obj in (same, *(p for prep in same.children if prep.dep_ == "prep" and prep.lower_ == "of"
                                for p in prep.children if p.dep_ == "pobj")):
                ref = self.resolve(obj, speaker=speaker, in_quote=in_quote, remember=False, owner=owner)
                if ref is not None:
                    return replace(ref, **_span_of(head),
                                   via=f"coreference: {ref.name} (the object of '{same.head.text}')")
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS:
            return self._pronoun(head, speaker, in_quote)
        if head.pos_ == "NOUN" and self.group_for(head):
            return None  # "the two leaders": both sides named before (ArticleActors.group_for), not one
        if head.lemma_.lower() in ("country", "nation", "government", "side", "state") and any(
                c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in head.children):
            return self._pronoun(next(c for c in head.children if c.dep_ == "poss"), speaker, in_quote)
        if ((low in ROLE_NOUNS or low in GROUP_NOUNS) and head.pos_ == "NOUN" and head.tag_ == "NN"
                and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
                and not any(c.dep_ in ("amod", "compound", "poss") or c.dep_ == "prep" and c.lower_ == "of"
                            and any(self.by_token.get(p.i) for p in c.children) for c in head.children)):
            # "the politician said", "the ministry added": someone named before, not a new actor
            ref = self._role_noun(head, speaker)
            if ref is not None:
                return ref
        if low in ("north", "south") and head.pos_ == "PROPN":
            half = self._half(head)
            if half is not None:
                return half
        tokens = self.np_tokens(head)
        mentions: list[Mention] = []
        seen = set()
        for tok in tokens:
            m = self.by_token.get(tok.i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                mentions.append(m)
        head_mention = self.by_token.get(head.i)
        person_ent = head.ent_type_ == "PERSON"
        org_ent = head.ent_type_ in ("ORG", "NORP", "GPE")
        business = any(BUSINESS_NAME.search(t.text) and t.pos_ in ("PROPN", "NOUN") and t.i != head.i
                       and t.text[:1].isupper() for t in tokens)
        named = head.pos_ == "PROPN" and (business or any(m.kind in ("sector", "agent", "organisation")
                                                          for m in mentions))
        if (head_mention is None and low not in self.people and head.is_title
                and (head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.ent_type_ in ("", "PERSON", "ORG", "NORP")))
                and head.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT")):
            entry = self.dictionary.by_surname(head.text, self.day)
            np_countries = {m.best.country for m in mentions if m.kind in ("country", "demonym")}
            # Only a bare surname: "Carrie Lam" is not Vietnam's To Lam.
            given = [c for c in head.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"
                     and c.i not in self.by_token]
            if entry is not None and not given and not any(m.kind == "person" for m in mentions) and (
                    not np_countries or entry.country in np_countries):
                ref = ActorRef(code=_code(entry.country, entry.sector) or entry.code, name=entry.name,
                               country=entry.country, sector=entry.sector, text=head.text, start=head.idx,
                               end=head.idx + len(head.text), via=f"{entry.origin} (by surname)")
                if remember:
                    self.note(ref, person=True)
                return ref
        if head_mention is None and head.lemma_.lower() in MEMBER_NOUNS:
            # "members of a drug cartel", "fighters of the group": the body they belong to
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                    for pobj in prep.children:
                        ref = self.resolve(pobj, remember=remember) if pobj.dep_ == "pobj" else None
                        if ref is not None:
                            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                            return replace(ref, text=self.text[start:end], start=start, end=end,
                                           via=ref.via + f"; '{head.text} of' it")
        if head_mention is not None and head_mention.kind in ("sector", "agent"):
            for c in head.children:
                if c.dep_ == "poss" and c.lower_ in ORG_NOUNS:
                    # "the bloc's spokesman": the body named before speaks through him
                    body = self._role_noun(c, speaker)
                    if body is not None:
                        return replace(body, text=self.text[tokens[0].idx:head.idx + len(head.text)],
                                       start=tokens[0].idx, end=head.idx + len(head.text),
                                       via=body.via + f"; its {low}")
        if (head_mention is None and low in CROWD_NUMBERS and head.dep_ == "nsubj"
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)):
            # "Thousands rallied in Tunis": a crowd, the people of where it gathered
            country = self._country_from_context(head, "CVL")
            if country is not None:
                ref = ActorRef(code=country + "CVL", name=f"people of {country}", country=country, sector="CVL",
                               **_span_of(head), via="a crowd counted, not named")
                if remember:
                    self.note(ref, person=False, tokens=tokens)
                return ref
        led_by = self._led_by(head, tokens) if head_mention is None else None
        if led_by is not None:
            # "the Saudi-led coalition", "Saudi-led coalition aircraft": the leading state's forces
            ref = ActorRef(code=led_by + "MIL", name=f"coalition led by {led_by}", country=led_by, sector="MIL",
                           text=self.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)],
                           start=tokens[0].idx, end=tokens[-1].idx + len(tokens[-1].text),
                           via="a coalition led by a state")
            if remember:
                self.note(ref, person=False, tokens=tokens)
            return ref
        if head_mention is None and not person_ent and not org_ent and not named:
            surname = self.people.get(low)
            if surname is None:
                if low in ROLE_NOUNS and head.pos_ == "NOUN":
                    return self._role_noun(head, speaker)
                return self._owner(head, mentions, speaker, in_quote, possessor=owner == "all") if owner else None
        country = sector = None
        name = None
        code = None
        via = "text"
        person_entry: DictEntry | None = None
        org_entry: DictEntry | None = None
        for m in mentions:
            best = m.best
            if best.kind == "person" and person_entry is None:
                person_entry = best
            elif best.kind in ("organisation", "actor") and org_entry is None:
                org_entry = best
            elif best.kind in STATE_KINDS and country is None:
                country = best.country
            elif best.kind in ("sector", "agent"):
                # The title nearest the head decides: "Deputy Foreign Minister" is GOV, "Duma Deputy" LEG.
                sector = best.sector or best.code
        span_start = tokens[0].idx
        span_end = tokens[-1].idx + len(tokens[-1].text)
        text = self.text[span_start:span_end]
        if person_entry is not None:
            holds = person_entry.holds_on(self.day)
            name = person_entry.name
            if not holds and country and sector:
                # Out of the office we know, in one the text names: "Polish opposition leader Donald Tusk".
                via = f"text; {person_entry.origin} (not in that office on this date)"
            else:
                country = person_entry.country or country
                sector = person_entry.sector if holds else "ELI"
                via = person_entry.origin + ("" if holds else " (out of office on this date: elite)")
            code = _code(country, sector) or person_entry.code  # UN and NATO officials: the body's code
        elif org_entry is not None:
            code = org_entry.code
            name = org_entry.name
            country = org_entry.country or country
            sector = org_entry.sector or sector
            via = org_entry.origin
            if person_ent or (head.pos_ == "PROPN" and head_mention is None):
                # "Alrosa CEO Pavel Marynichev": the person, coded by the organisation he works for.
                name = self._person_name(tokens, head)
                code = _code(org_entry.country, org_entry.sector) if org_entry.country else org_entry.code
            if code.startswith("IMG"):
                # "Islamic State fighters killed 40 villagers in northeastern Nigeria": a movement that fights
                # in many countries is, in the story, the insurgents of the country it fights in (NGAREB),
                # as the evaluation sets code it; with no country in sight it keeps its own code
                local = country or self._country_from_context(head, "REB")
                if local is not None:
                    code, country, sector = local + "REB", local, "REB"
                    via += f" (fighting in {local})"
        else:
            known = self.people.get(low) or self._surname_of_phrase(tokens)
            if known is not None and not country:
                return ActorRef(code=known.code, name=known.name, country=known.country,
                                sector=known.sector, text=text, start=span_start, end=span_end,
                                via=f"same person as {known.name} earlier in the article")
            if business:
                sector = "BUS"
            if person_ent or (head.pos_ == "PROPN" and head_mention is None):
                name = self._person_name(tokens, head)
            if head_mention is not None and head_mention.kind in STATE_KINDS:
                best = head_mention.best
                country = best.country
                name = name or best.name
                via = best.origin
                if head_mention.kind == "seat" and sector is None:
                    # "the Kremlin", "Downing Street" stand for the government; a capital ("Moscow
                    # said") stands for the state, coded as the bare country (CODEBOOK: actor codes).
                    sector = "GOV"
                    via += " (seat of government)"
                elif head_mention.kind == "capital" and sector is None:
                    via += " (capital: the state)"
                if sector is None and head.dep_ in ("conj", "amod", "compound") and head_mention.kind in ("country", "demonym"):
                    # "Armenian and Azerbaijani forces": the second adjective shares the first's noun
                    shared = self._shared_sector(head)
                    if shared is not None:
                        sector = shared
                        via += " (shares the noun of the adjective it is joined to)"
                elif head_mention.kind == "demonym" and sector is None and head.tag_ in ("NNS", "NNPS"):
                    sector = "CVL"  # "Russians" are people, RUSCVL; "Russia" is the state (CODEBOOK)
                    via += " (a people: civilians)"
            elif head_mention is not None and head_mention.kind in ("sector", "agent"):
                via = head_mention.best.origin
            if country is None and head.lemma_.lower() in PLATFORM_WORDS and sector in (None, "MIL"):
                # "New Delhi delivered four helicopters": a weapon no country owns in the text is a thing
                # given, sold or seen, not an actor ("Indian jets", "Russia's missiles" are).
                return None
            if country is None and sector is not None:
                country = self._possessor_country(head, speaker, in_quote) or self._country_from_context(head, sector)
            if country is None and (sector is None or sector in STATE_SECTORS):
                # "world leaders", "markets": institutions are always some country's; without the
                # country they are not a codable actor. Groups ("the militia", "protesters") are.
                return None
            code = _code(country, sector)
            if name is None:
                name = text
        ref = ActorRef(code=code, name=name or text, country=country, sector=sector, text=text,
                       start=span_start, end=span_end, via=via)
        if remember:
            titled = head.tag_ == "NN" and head.lower_ in PERSON_TITLES and head_mention is not None
            self.note(ref, person=person_entry is not None or person_ent or titled, tokens=tokens)
            if ref.country and ref.sector == "GOV" and head.lemma_.lower() in INSTITUTION_NOUNS:
                self.last_institution[head.lemma_.lower()] = ref
            if ref.country and ref.sector in (None, "GOV", "MIL", "SPY", "COP", "JUD", "LEG") and head.dep_ in (
                    "nsubj", "nsubjpass"):
                self.last_subject_state = ref.country  # ("Moldova's intelligence service ... The ministry said")
            if (person_entry is not None or person_ent or titled) and ref.country and head.dep_ == "nsubj":
                self.last_subject_person = (self.sent_bounds[head.i][0], ref)
            elif (head.dep_ == "nsubj" and head.pos_ != "PRON"
                  and not (person_entry is not None or person_ent or titled)
                  and (self.last_subject_body is None or self.last_subject_body[0] <= head.i)):
                # the last by position: a sentence's reporter ("..., the army said") is resolved first
                self.last_subject_body = (head.i, ref)
        return ref

    def _owner(self, head, mentions, speaker, in_quote, possessor: bool = True) -> ActorRef | None:
        """A thing stands for its owner: "Ukraine's power grid" -> Ukraine, "Ukrainian cities" -> Ukraine."""
        for c in head.children:
            if c.dep_ == "poss" and possessor:
                ref = self.resolve(c, speaker=speaker, in_quote=in_quote, remember=False)
                if ref is not None:
                    return replace(ref, via=ref.via + f"; owner of '{head.text}'")
        for m in mentions:
            # "Ukrainian cities", "NATO allies", "a Russian military helicopter": the owner's code.
            if m.kind in (*STATE_KINDS, "organisation", "actor") and any(
                    self.doc[i].dep_ in ("amod", "compound", "nmod") and self.doc[i].head == head
                    for i in range(m.start, m.end)):
                best = m.best
                start = self.doc[m.start].idx
                end = self.doc[head.i].idx + len(head.text)
                sector = next((x.best.sector for x in mentions if x.kind in ("sector", "agent")), None)
                if m.kind in ("organisation", "actor"):
                    code, sector = best.code, best.sector
                else:
                    code = _code(best.country, sector)
                return ActorRef(code=code, name=best.name, country=best.country, sector=sector,
                                text=self.text[start:end], start=start, end=end,
                                via=best.origin + f"; owner of '{head.text}'")
        for m in mentions:
            # "an opposition demand", "opposition supporters", "army headquarters": a group's thing
            # or followers stand for the group, in the country the text places it in. But a sector word
            # before aid, ties or drills says what kind they are, not whose ("$500 million in military aid").
            if head.lemma_.lower() in KIND_NOUNS:
                break
            if m.kind in ("sector", "agent") and m.best.sector and any(
                    self.doc[i].dep_ in ("amod", "compound") and self.doc[i].head == head
                    for i in range(m.start, m.end)):
                country = self._country_from_context(head, m.best.sector)
                if country is None:
                    return None
                start = self.doc[m.start].idx
                end = self.doc[head.i].idx + len(head.text)
                return ActorRef(code=_code(country, m.best.sector), name=self.text[start:end], country=country,
                                sector=m.best.sector, text=self.text[start:end], start=start, end=end,
                                via=m.best.origin + f"; owner of '{head.text}'")
        return None

    def _person_name(self, tokens, head) -> str:
        """The proper nouns that end at the head and are not a title or an organisation:
        "Alexei Chepa" of "State Duma Deputy Alexei Chepa", "Alexei Budnev" of "Alexei Budnev, the
        owner of LLC Technology"."""
        doc = head.doc
        chain = [head]
        i = head.i - 1
        while (i >= 0 and doc[i].pos_ == "PROPN" and doc[i].head.i in {t.i for t in chain}
               and i not in self.by_token and not self.dictionary.is_word(doc[i].lower_)):
            chain.insert(0, doc[i])
            i -= 1
        return " ".join(t.text for t in chain)

    def _surname_of_phrase(self, tokens):
        for tok in reversed(tokens):
            if tok.pos_ == "PROPN" and tok.lower_ in self.people:
                return self.people[tok.lower_]
        return None

    def note(self, ref: ActorRef, *, person: bool, tokens=()) -> None:
        """Remember an actor for later bare surnames, role nouns and pronouns."""
        self.last_actor = ref
        self.recent = [r for r in self.recent[-11:] if r.code != ref.code] + [ref]
        if ref.sector:
            self.last_by_sector[ref.sector] = ref
            if ref.country:
                self.last_by_country[ref.country] = ref
        if person and ref.country:
            self.last_person = ref
            parts = ref.name.split()
            if len(parts) >= 2:
                self.people[parts[-1].lower()] = _Person(ref.code, ref.name, ref.country, ref.sector, ref.via)

    def _pronoun(self, head, speaker: ActorRef | None, in_quote: bool) -> ActorRef | None:
        low = head.lower_
        at = _span_of(head)
        if low in PERSON_PRONOUNS and head.dep_ in ("nsubj", "nsubjpass") and self.last_subject_person is not None \
                and self.last_subject_person[0] < self.sent_bounds[head.i][0]:
            # "Brazil's president telephoned his French counterpart ... He urged Paris": a subject
            # pronoun opening a new sentence goes on with the last sentence's subject, not its object
            ref = self.last_subject_person[1]
            return replace(ref, **at, via=f"coreference: {ref.name} (the subject before)")
        if low in PERSON_PRONOUNS and self.last_person is not None:
            return replace(self.last_person, **at, via=f"coreference: {self.last_person.name}")
        if low in FIRST_PERSON and in_quote and speaker is not None and speaker.country:
            return ActorRef(code=_code(speaker.country, "GOV" if speaker.sector in (None, "GOV") else speaker.sector),
                            name=speaker.name, country=speaker.country,
                            sector=speaker.sector or "GOV", **at, via=f"first person in a quote of {speaker.name}")
        if low == "it" and self._opens_sentence(head) and self.last_subject_body is not None \
                and self.last_subject_body[0] < self.sent_bounds[head.i][0]:
            # "Indian troops fired on a patrol, the Pakistani army said. It vowed to retaliate": a subject
            # "it" opening a sentence, with a verb of its own, goes on with the last body that was a subject
            ref = self.last_subject_body[1]
            return replace(ref, **at, via=f"coreference: {ref.name} (the subject before)")
        if low == "it" and head.dep_ in ("nsubj", "nsubjpass"):
            # "Russia has indicated it will consider ...": "it" is the subject of the governing clause.
            # (An object "it" is a thing: "condemned the bombing, calling it cowardly".)
            gov = head.head
            while gov.dep_ in ("ccomp", "xcomp", "conj", "advcl") and gov.head != gov:
                gov = gov.head
                for child in gov.children:
                    if child.dep_ == "nsubj" and child.i != head.i and child.pos_ in ("PROPN", "NOUN"):
                        ref = self.resolve(child, remember=False)
                        if ref is not None:
                            return replace(ref, **at, via=f"coreference: {ref.name}")
        return None

    @staticmethod
    def _object_again(head):
        """"expelled two Kenyan diplomats, accusing them of spying", "suspended the licence of an Australian
        company, accusing the firm of ...": the object of a participle clause, a pronoun or a bare "the"
        noun, is the object of the act the clause hangs on. That object's head, else None."""
        verb = head.head
        if head.dep_ != "dobj" or verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.head.i == verb.i:
            return None
        # ("accusing the firm of ...": the parser may hang the "of" on the noun)
        bare = head.pos_ == "NOUN" and [c.lower_ for c in head.children if c.dep_ != "prep"] == ["the"]
        if not (bare or head.lower_ in ("them", "him", "her")):  # "calling it a provocation": the act
            return None
        return next((c for c in verb.head.children if c.dep_ == "dobj"), None)

    def _opens_sentence(self, head) -> bool:
        """A subject "it" that opens its sentence and does something ("It vowed to retaliate"), not the
        empty "it" of "It was the third attack" or "It emerged that ..."."""
        verb = head.head
        return (head.dep_ in ("nsubj", "nsubjpass") and head.i == self.sent_bounds[head.i][0]
                and verb.pos_ == "VERB" and verb.lemma_.lower() not in IMPERSONAL_VERBS)

    def _possessor_country(self, head, speaker: ActorRef | None, in_quote: bool) -> str | None:
        """"said his army would shell ...", "warned that its forces would strike ...": a sector word owned by
        a pronoun is of the country of whoever the pronoun stands for, not of a country named nearby."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their")),
                     None)
        if owner is None:
            return None
        if owner.lower_ in ("his", "her"):
            ref = self._pronoun(owner, speaker, in_quote)
            return ref.country if ref is not None else None
        plural = owner.lower_ == "their"
        gov = head.head  # "its"/"their": the subject of the clause it is said in, or of one above it
        while True:
            for child in gov.children:
                if (child.dep_ == "nsubj" and child.i != head.i and child.pos_ in ("PROPN", "NOUN")
                        and plural == (child.tag_ in ("NNS", "NNPS") or bool(child.conjuncts))):
                    # "Caracas ordered their diplomats to leave": "their" is not Caracas's
                    ref = self.resolve(child, remember=False)
                    if ref is not None and ref.country:
                        return ref.country
            if gov.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or gov.head == gov:
                return None
            gov = gov.head


    def _half(self, head) -> ActorRef | None:
        """"The North fired artillery": in a story about a divided country, "the North" and "the South"
        are its two states (wire usage for the Koreas and the Sudans)."""
        kids = list(head.children)
        if not any(c.lower_ == "the" for c in kids) or any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in kids):
            return None  # "the Korean North", "Europe's South": a region named, not a state
        for north, south in DIVIDED:
            if north in self.country_mentions or south in self.country_mentions:
                country = north if head.lower_ == "north" else south
                return ActorRef(code=country, name=head.text, country=country, sector=None, **_span_of(head),
                                via=f"'the {head.text}' of a story about {north} and {south}")
        return None

    def remember_group(self, first: int, refs: list[ActorRef]) -> None:
        """Keep actors of different countries named together (the list's first word at `first`) for a later
        "they", "both" or "the two"."""
        if len(refs) >= 2 and len({r.country for r in refs}) == len(refs):
            self.last_group = (first, refs)

    def group_for(self, head) -> list[ActorRef]:
        """"They", "both", "the two (leaders)" within a few sentences of a list: the list's actors."""
        low = head.lower_
        # "the two leaders", "both sides"; not "two Russian diplomats", a new party named by its nationality
        two = (any(c.lower_ == "both" for c in head.children if c.dep_ in ("det", "predet"))
               or (any(c.lower_ == "two" for c in head.children if c.dep_ == "nummod")
                   and any(c.lower_ == "the" for c in head.children if c.dep_ == "det"))) and not any(
            c.dep_ in ("amod", "compound") and c.i in self.by_token and self.by_token[c.i].kind in STATE_KINDS
            for c in head.children)
        group = self.last_group
        if two and self.last_pair is not None and (group is None or self.last_pair[0] > group[0]):
            group = self.last_pair  # "the two leaders": the latest two sides, listed or not
        if group is None or not 0 < head.i - group[0] <= GROUP_REACH:
            return []
        if low not in ("they", "both") and not (two and head.pos_ == "NOUN"):
            return []
        at = _span_of(head)
        return [replace(ref, **at, via=f"coreference: {ref.name}, one of the two sides named before")
                for ref in group[1]]

    def _role_noun(self, head, speaker: ActorRef | None) -> ActorRef | None:
        """"the politician", "the ministry", "the statement": the last compatible actor."""
        at = _span_of(head)
        low = head.lower_
        if low in SPEECH_NOUNS and self.last_speaker is not None:
            return replace(self.last_speaker, **at, via=f"the statement of {self.last_speaker.name}")
        if low in ORG_NOUNS:
            body = next((r for r in reversed(self.recent) if r.code.startswith(("IGO", "NGO"))), None)
            return replace(body, **at, via=f"coreference: {body.name} (the {low} named before)") if body else None
        if low in GROUP_NOUNS:
            # by position, not by what was resolved: "Houthi positions" names the group as a modifier
            for i in range(head.i - 1, -1, -1):
                m = self.by_token.get(i)
                if m is None:
                    continue
                if (m.best.sector in GROUP_SECTORS or (m.best.code or "").startswith(("IMG", "NGO"))) and (
                        m.kind in ("organisation", "actor") or self.doc[i].pos_ == "NOUN"):
                    group = self.resolve(self.doc[i], speaker=speaker, remember=False)
                    if group is not None:
                        return replace(group, **at, via=f"coreference: {group.name} (the {low} named before)")
            return None
        m = self.by_token.get(head.i)
        sector = m.best.sector if m is not None else None
        country = self._institution_country(head) if sector == "GOV" else None
        if country is not None:
            return ActorRef(code=_code(country, "GOV"), name=head.text, country=country, sector="GOV", **at,
                            via=f"coreference: the {low} of {country} named before")
        if sector and sector in self.last_by_sector:
            ref = self.last_by_sector[sector]
            return replace(ref, **at, via=f"coreference: {ref.name}")
        if low in ("politician", "official", "leader", "diplomat") and self.last_person is not None:
            return replace(self.last_person, **at, via=f"coreference: {self.last_person.name}")
        return None

    def _led_by(self, head, tokens) -> str | None:
        """The state in "<state>-led coalition" when the phrase headed by `head` names such a coalition."""
        if not any(t.lemma_.lower() == "coalition" for t in tokens):
            return None
        for led in tokens:
            if led.lower_ == "led" and led.dep_ == "amod":
                for tok in led.children:
                    m = self.by_token.get(tok.i)
                    if m is not None and m.kind in STATE_KINDS and m.best.country:
                        return m.best.country
        return None

    def _institution_country(self, head) -> str | None:
        """"The (foreign) ministry said": the country of the ministry named before, else of the state
        that was last a clause's subject ("Japan summoned the Chinese ambassador. The ministry said ...")."""
        lemma = head.lemma_.lower()
        if lemma not in INSTITUTION_NOUNS:
            return None
        before = self.last_institution.get(lemma)
        if before is not None:
            return before.country
        if self.sent_bounds[head.i][0] == 0:
            return None  # nothing said before this sentence
        return self.last_subject_state

    def _shared_sector(self, tok) -> str | None:
        """The sector of the noun that a chain of joined modifiers describes ("Ethiopian and Eritrean
        forces" -> MIL for "Eritrean"), or None when the first of them modifies no sector word."""
        first = tok
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        if first.dep_ not in ("amod", "compound"):
            return None
        m = self.by_token.get(first.head.i)
        return m.best.sector if m is not None and m.kind in ("sector", "agent") else None

    def _country_from_context(self, head, sector: str) -> str | None:
        """A sector word without a country: the place it is in ("police in Paris"), the country of the
        same sector named just before, the place or the only country the sentence names; a sector other
        than government also takes the dateline's country, else the country the article names most."""
        if head.tag_ == "NNS" and head.lemma_ not in ("minister", "ministry") and any(
                c.dep_ == "amod" and c.lower_ in ("foreign", "overseas") for c in head.children):
            return None  # "accused foreign firms", "foreign donors": whoever they are, not the text's country
        # "Aceh rebels", "Darfur militias": the place named before them, when it lies in a country the
        # article names, if it names any ("Shan" is also a town in China), and the parser takes it for a
        # place (the gazetteer also has towns called "Jang" and "Song")
        for mod in head.children:
            if mod.dep_ == "compound" and mod.pos_ == "PROPN" and mod.ent_type_ in ("GPE", "LOC"):
                country = self._place_country(mod)
                if country is not None and (not self.countries or country in self.countries):
                    return country
        # "negotiators for Sudan's army": whose they are
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for pobj in prep.children:
                    country = self._named_country(pobj, ("poss", "compound", "amod")) if pobj.dep_ == "pobj" else None
                    if country is not None:
                        return country
        # "protesters in Dagestan", "police in Nairobi": the place they are in
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN":
                        country = self._place_country(pobj)
                        if country is not None:
                            return country
        # "The Sri Lankan government and Tamil rebels signed a ceasefire in Oslo": listed with an actor of
        # a known country, they are of that country, not of the place where the two met
        for other in head.conjuncts:
            country = self._named_country(other, ("amod", "compound", "poss", "nmod"), STATE_KINDS)
            if country is not None:
                return country
        institution = self._institution_country(head) if sector == "GOV" else None
        if institution is not None:
            return institution
        prev = self.last_by_sector.get(sector)
        if prev is not None and prev.country:
            return prev.country
        start, end = self.sent_bounds[head.i]
        states = [(self.doc[i], m.best.country) for i, m in self.by_token.items()
                  if start <= i < end and m.best.country and m.kind in STATE_KINDS]
        countries = {country for _, country in states}
        if sector == "GOV":
            # "Colombian rebels threatened to quit the talks in Havana unless the government ...": the
            # government of the country the sentence names, not of the venue
            named = {country for tok, country in states
                     if not (tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near"))}
            if len(named) == 1:
                return next(iter(named))
        place = self._sentence_place_country(start, end)
        if place is not None:
            return place  # "a drone strike in Kabul killed ten civilians"
        if len(countries) == 1:
            return next(iter(countries))
        if sector != "GOV":
            # "the army", in a story filed from Port Sudan; else the country the article names most
            return self.home_country or next(iter(self.countries or self.actor_countries), None)
        if len(self.countries) == 1 and self.home_country in (None, self.countries[0]):
            # "Thousands marched in Bishkek. The authorities blocked two news sites": the one country
            # the article names is the only one whose government it can mean
            return self.countries[0]
        return None

    def _named_country(self, tok, deps, kinds=None) -> str | None:
        """The country of the actor a word names, itself or through its modifiers of the dependency labels
        `deps` ("Sudan's army", "the Sri Lankan government"), of one of `kinds` if given."""
        for t in (tok, *(c for c in tok.children if c.dep_ in deps)):
            m = self.by_token.get(t.i)
            if m is not None and m.best.country and (kinds is None or m.kind in kinds):
                return m.best.country
        return None

    def _sentence_place_country(self, start: int, end: int) -> str | None:
        """The country of the place a sentence says things happened in ("a strike in Kabul"), when
        the places after in/at/near all lie in one country."""
        countries = set()
        for i in range(start, end):
            tok = self.doc[i]
            # "in Kabul", and "a district of Kharkiv", "the city of Kherson"
            at_place = tok.head.lower_ in ("in", "at", "near") or (
                tok.head.lower_ == "on" and tok.lemma_.lower() in ("road", "highway")) or (
                tok.head.lower_ == "of" and (tok.head.head.lemma_.lower() in PLACE_NOUNS
                                             or _of_a_place(tok.head.head)))
            if tok.dep_ != "pobj" or not at_place or self._in_dateline(tok.idx) or _of_a_place(tok):
                continue
            m = self.by_token.get(i)
            if m is not None and m.best.country and not self._longer_name(tok):
                countries.add(m.best.country)
                continue
            if tok.pos_ == "PROPN":
                country = self._place_country(tok)
                if country is not None:
                    countries.add(country)
            elif tok.lemma_.lower() in PLACE_NOUNS or tok.lemma_.lower() in ("road", "highway"):
                # "in Balkh province", "on the Maiduguri-Damboa road": the named place the noun is of
                owner = self._owner_country(tok)
                if owner is not None:  # "Myanmar's Chin state", never China's
                    countries.add(owner)
                    continue
                for name in (c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"):
                    country = self._place_country(name)
                    if country is not None:
                        countries.add(country)
                        break
        return next(iter(countries)) if len(countries) == 1 else None

    def _place_country(self, tok) -> str | None:
        """The country of a place name: the actor it names, the place that owns it ("Honiara's
        Chinatown" lies in Solomon Islands, whatever other Chinatowns the gazetteer knows), or the
        gazetteer's reading of the whole name ("Cox's Bazar", never "Bazar" alone)."""
        from ..resolve.places import gazetteer

        longer = self._longer_name(tok)
        if longer:
            # "Mocimboa da Praia" is one name, a town in Mozambique, not Cape Verde's capital
            place = gazetteer().lookup(self.doc[longer[0].i:tok.i + 1].text, self.countries)
            if place is not None and place.country_code:
                return place.country_code
        m = self.by_token.get(tok.i)
        if m is not None and m.best.country:
            return m.best.country
        owner = self._owner_country(tok)
        if owner is not None:
            return owner
        parts = [c for c in tok.children if c.dep_ in ("compound", "flat") or (c.dep_ == "poss" and c.pos_ != "PRON")]
        first = min([tok.i, *(t.i for c in parts for t in c.subtree)])
        place = gazetteer().lookup(self.doc[first:tok.i + 1].text, self.countries)
        return place.country_code if place is not None and place.country_code else None

    def _longer_name(self, tok) -> list:
        """The words before a place name that are part of it ("Mocimboa da" of "Mocimboa da Praia")."""
        out = []
        i = tok.i - 1
        while i >= tok.left_edge.i and (self.doc[i].pos_ == "PROPN" and self.doc[i].dep_ in ("compound", "flat")
                                        or self.doc[i].lower_ in NAME_PARTICLES and self.doc[i].dep_ != "det"):
            out.insert(0, self.doc[i])
            i -= 1
        return out if any(t.lower_ in NAME_PARTICLES for t in out) else []

    def _owner_country(self, tok) -> str | None:
        """The country of the actor that owns a place ("Honiara's Chinatown", "Myanmar's Chin state")."""
        for owner in (c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"):
            known = self.by_token.get(owner.i)
            if known is not None and known.best.country:
                return known.best.country
        return None

    def last_other(self, codes: set[str], before: int) -> ActorRef | None:
        """The latest actor named before offset `before` (in an earlier sentence: the current one's actors
        are candidates of their own, its reporter among them) that is none of `codes` nor, where those are
        a state, that state again."""
        # A state does not answer itself: "Bishkek condemned the decision" after "wanted in Bishkek".
        states = {c for c in codes if len(c) == 3} | {c[:3] for c in codes if c.endswith("GOV")}
        return next((r for r in reversed(self.recent) if r.start is not None and r.start < before
                     and r.code not in codes and not (r.country in states and r.sector in (None, "GOV"))), None)

    def counterpart(self, country: str | None, sentence_index: int) -> str | None:
        """The country the article is about besides `country`, when the article makes it plain:
        the most-mentioned other country, named in at least one other sentence."""
        if not country:
            return None
        ranked = [(c, n) for c, n in self.country_mentions.most_common() if c != country]
        if not ranked:
            return None
        best, n = ranked[0]
        if len(ranked) > 1 and ranked[1][1] == n:
            return None
        if not (self.country_sentences.get(best, set()) - {sentence_index}):
            return None
        if self.country_mentions.get(country, 0) == 0:
            return None
        return best
