"""The coder: a parsed article in, its events out. Rules find candidates (rules.py); this module
resolves their actors, applies CAMEO's treatment of intent, refusal, appeal, demand and negation, and
builds the Event records."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace

from spacy.attrs import POS
from spacy.parts_of_speech import IDS as POS_IDS

from .. import __version__, ontology
from ..actors import build_dictionary
from ..actors.countries import STATE_KINDS
from ..actors.resolve import ArticleActors
from ..models import ActorRef, Article, Event
from . import budgets, codes as cameo, explain
from .codes import coded_both_ways
from .nonpolitical import DISASTER_NOUNS, SPORT_ROOTS, business, is_sport
from .scene import inside_phrase
from .grammar import (DOCUMENT_NOUNS, REPORTING_VERBS, condition_subjects, described_by, lemma, reporter_subject,
                      subjects)
from ..errors import UsageError
from .lexicon import load_lexicon
from ..resolve.attributes import event_attributes
from ..resolve.dates import effective_date_in, infer_publication_date, resolve_event_date
from ..resolve.places import action_geo, clause_places, gazetteer
from .petrarch_actors import PatternCandidate, realize as realize_pattern
from .petrarch_verbs import load_discards, load_verb_dictionary
from .refusals import NAMING_VERBS, rejected_act, turns_down_a_charge
from .rules import (Candidate, conditional_threats, construction_candidates, drop_consequences, drop_covered,
                    drop_denied, drop_judged, drop_purposes, said_by_their_objects, verb_candidates)

VERB_IDS = {POS_IDS["VERB"], POS_IDS["AUX"]}
NOUN_ID = POS_IDS["NOUN"]

QUOTE_PAIRS = re.compile(r"\"[^\"]+\"|“[^”]+”")
# Negating these is refusing: "did not accept the proposal" is a rejection, not no event.
# Reactions whose object names an act told before ("the presidency dismissed the protests") answer
# whoever did that act
REACTION_ROOTS = {"01", "05", "11", "12"}
ACT_NOUNS = {"protest", "demonstration", "rally", "march", "strike", "attack", "raid", "bombing", "decision", "move",
             "accusation", "allegation", "claim", "demand", "request", "offer", "proposal", "criticism", "remark",
             "ruling", "verdict", "plan", "call", "appeal", "ultimatum", "warning", "threat", "step", "gesture",
             "initiative", "announcement"}
# Acts of meeting, cooperating, aiding and yielding: "will not X" is a refusal of X
WILL_NOT_IS_REFUSAL = {"04", "06", "07", "08"}
# ... but a trip not to be made is a plan, not a refusal of anyone: "will not travel to Beijing this month"
# (the corpus codes none of its 9 such trips; "will not attend the talks" stays a refusal)
TRIP_VERBS = {"travel", "visit", "go", "fly", "tour", "come"}
NEGATED_IS_REJECTION = {"accept", "agree", "approve", "endorse", "recognize", "recognise", "ratify", "support"}
# Codes that need no target: statements, protests and displays of force may be addressed to nobody.
TARGETLESS_ROOTS = {"01", "14", "15"}
# A state and those who take up arms or stand against it are two sides even within one country ("The
# Indonesian government and Aceh rebels signed a peace accord"); two of the state's own arms are not
# ("Kenyan police and soldiers").
STATE_SIDE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}
CHALLENGER_SECTORS = {"REB", "OPP", "SEP", "INS"}
# Whose killing or wounding by unnamed attackers is political news, not a crime report
POLITICAL_SECTORS = STATE_SIDE_SECTORS | {"OPP", "PTY", "ELI", "MED"}


PEOPLE_NOUNS = {"man", "woman", "men", "women", "teenager", "youth", "boy", "girl", "person", "suspect", "driver"}


def _someone(ref: ActorRef) -> bool:
    """An unnamed private person as actor: "a man", "two women", "a suspect"."""
    words = (ref.text or "").lower().split()
    return ref.sector in ("CVL", None) and bool(words) and words[-1] in PEOPLE_NOUNS


def parties_apart(actors) -> bool:
    """Whether listed actors are parties to an act between them: each of another country, or a state
    and its challengers."""
    if len(actors) < 2:
        return False
    if len({a.country for a in actors}) == len(actors):
        return True
    sides = [1 if a.sector in STATE_SIDE_SECTORS else 2 if a.sector in CHALLENGER_SECTORS else 0 for a in actors]
    return len(actors) == 2 and actors[0].country == actors[1].country and sorted(sides) == [1, 2]


@dataclass(frozen=True, slots=True)
class Published:
    """An article's publication date, and whether it was read from the input or inferred."""

    day: dt.date | None
    inferred: bool
    confidence: float | None


def _state_side(ref: ActorRef) -> bool:
    """The state itself, its government or its army."""
    return bool(ref.country) and ref.sector in (None, "GOV", "MIL")


def _own_word(cl, anchor, speaker, sources) -> bool:
    """Whether an act is told in its actor's own words: no one else reports it, its subject is a pronoun
    ("the EU said it could ease ... if"), or an official of its own country speaks ("Russia could sign ...,
    Deputy Chepa noted")."""
    return cl.reporter is None or any(x.pos_ == "PRON" for x in subjects(anchor)) or (
        speaker is not None and speaker.country in {x.country for x in sources})


def _country_geo(ref: ActorRef | None):
    """An actor's geography: its country's centroid, in GDELT's fields."""
    if ref is None or not ref.country:
        return None
    place = gazetteer().country(ref.country)
    return place.to_dict() if place is not None else None


def _span(ref: ActorRef | None):
    return [ref.start, ref.end] if ref is not None and ref.start is not None else None


def _one_of_each(tok, ref: ActorRef, actors):
    """"the leaders of Japan and South Korea": a role noun of a list of countries is one of each. `ref` is
    what the role noun resolved to (the first country's); the others follow with its sector."""
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for extra in (x for p in prep.children if p.dep_ == "pobj" for x in p.conjuncts):
            m = actors.by_token.get(extra.i)
            if m is not None and m.kind in STATE_KINDS and m.best.country:
                country = m.best.country
                yield replace(ref, code=country + ref.sector, name=f"{tok.text} of {extra.text}", country=country,
                              text=extra.text, start=extra.idx, end=extra.idx + len(extra.text),
                              via=f"{ref.via}; one of a list")


class Coder:
    """Holds the lexicon and dictionaries; codes parsed articles. One per process."""

    def __init__(self, *, actor_files=(), agent_files=(), lexicon_files=(), verb_files=(), discard_files=(),
                 lexicon_mode: str | None = None, keep_negated: bool = False, model: str = "learned",
                 min_confidence: float = 0.0):
        self.lexicon = load_lexicon(lexicon_files)
        self.dictionary, problems = build_dictionary(actor_files, agent_files)
        self.problems = list(problems) + list(self.lexicon.errors)
        # TABARI/PETRARCH verb-pattern dictionaries and discard lists (docs/petrarch-dictionaries.md).
        self.verb_dicts, self.discards = [], []
        self.warnings: list = []  # loaded, but not as written (a non-CAMEO code coded to its parent)
        for path in verb_files:
            found, errs = load_verb_dictionary(path)
            self.verb_dicts.append(found)
            self.problems += errs
            self.warnings += found.warnings
        for path in discard_files:
            found, errs = load_discards(path)
            self.discards.append(found)
            self.problems += errs
        self.lexicon_mode = lexicon_mode or ("file" if verb_files else "builtin")
        if self.lexicon_mode in ("file", "both") and not verb_files:
            raise UsageError(f"--lexicon {self.lexicon_mode} needs a verb dictionary",
                             fix="give one with --verbs FILE, or use --lexicon builtin")
        self.keep_negated = keep_negated
        # The learned target ranker (eventlens.learn.choose), or a recorder while training; None: rules only.
        # Verb-pattern files alone (--lexicon file) keep PETRARCH's own actor assignment.
        if model not in ("learned", "rules"):
            raise UsageError(f"unknown model {model!r}", fix="use --model learned or --model rules")
        self.model = model if self.lexicon_mode != "file" else "rules"
        self.target_chooser = self.source_chooser = None
        self.detector = self.detector_recorder = None  # the learned detector (eventlens.learn.detect)
        self.calibrator = None  # confidence as a calibrated probability (eventlens.learn.calibrate)
        self.signal_recorder: dict | None = None  # while training the calibrator: each event's signals by id
        self.min_confidence = min_confidence
        # `eventlens code --explain`: per sentence, every candidate with its scores and what became of it
        # (eventlens.coding.explain); None: not recorded.
        self.explanation: list[dict] | None = None
        self._why: str | None = None  # why the candidate being realized was dropped
        self._trace: dict | None = None  # the choosers' scored candidates for the one being realized
        if self.model == "learned":
            from ..learn.choose import default_chooser, default_source_chooser
            from ..learn.calibrate import shipped_calibrator
            from ..learn.detect import shipped_detector

            self.target_chooser = default_chooser()
            self.source_chooser = default_source_chooser()
            self.detector = shipped_detector()
            self.calibrator = shipped_calibrator()
        self.config = dict(actor_files=tuple(actor_files), agent_files=tuple(agent_files),
                           lexicon_files=tuple(lexicon_files), verb_files=tuple(verb_files),
                           discard_files=tuple(discard_files), lexicon_mode=self.lexicon_mode,
                           keep_negated=keep_negated, model=model, min_confidence=min_confidence)
        # Everything that changes which events come out is part of the version, so a store never
        # keeps events of one configuration as if they were another's.
        self.version = self._version(actor_files, agent_files, lexicon_files, verb_files, discard_files,
                                     options=f"{self.lexicon_mode}|negated={keep_negated}|model={self.model}"
                                             + (f"|min_confidence={min_confidence}" if min_confidence else ""))

    @staticmethod
    def _version(*file_groups, options: str = "") -> str:
        """The package version plus a hash of the lexicon, the dictionaries and the options in use."""
        from importlib import resources

        h = hashlib.sha1(options.encode())
        for pkg, names in (("eventlens.coding", ("data/verbs.tsv", "data/nouns.tsv")),
                           ("eventlens.learn", ("data/targets.npz", "data/sources.npz", "data/detector.npz",
                                               "data/calibration.npz")),
                           ("eventlens.actors", ("data/people.tsv", "data/sectors.tsv",
                                                 "data/organisations.tsv", "data/countries_extra.tsv"))):
            for name in names:
                try:
                    h.update(resources.files(pkg).joinpath(name).read_bytes())
                except FileNotFoundError:
                    pass
        for group in file_groups:
            for path in group:
                try:
                    with open(path, "rb") as fh:
                        h.update(fh.read())
                except OSError:
                    pass
        return f"{__version__}+{h.hexdigest()[:8]}"

    # -- one article ------------------------------------------------------------------------------
    def code_doc(self, doc, article: Article, deadline: float | None = None) -> list[Event]:
        """The events of a parsed article. `deadline` (time.monotonic()) is its time budget: past it,
        budgets.ArticleTimeout is raised between sentences and candidates."""
        if any(d.story_matches(article.text) for d in self.discards):
            return []
        if article.date is not None:
            published = Published(article.date, False, 1.0)
        else:
            day, confidence, inferred = infer_publication_date(doc)
            published = Published(day, inferred, round(confidence, 2) if day else None)
        actors = ArticleActors(doc, self.dictionary, published.day, text=article.text)
        quotes = [(m.start(), m.end()) for m in QUOTE_PAIRS.finditer(article.text)]
        sents = list(doc.sents)
        # Token objects are costly to build: pick the verbs and nouns from the POS array first.
        pos = doc.to_array([POS]).tolist()
        quote_speaker = self._quote_speakers(sents, quotes, actors)
        content = hashlib.sha1(article.text.encode("utf-8")).hexdigest()[:12]
        events: list[Event] = []
        people_by_sent: dict[int, list] = {}
        si_of = {s.start: i for i, s in enumerate(sents)}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                people_by_sent.setdefault(si_of.get(ent.sent.start, -1), []).append(ent)
        for si, sent in enumerate(sents):
            budgets.check(deadline)
            if budgets.cut_by_bound(sent):
                continue  # a piece of a run cut by the bound is no sentence (docs/reliability.md)
            people = self._remember_people(people_by_sent.get(si, ()), actors)
            seen: set[tuple] = set()
            if self.discards and any(d.matches(sent.text) for d in self.discards):
                continue
            if self.lexicon_mode != "file" and sent.text.rstrip().rstrip('"”’\'').endswith("?"):
                continue  # CODEBOOK: questions are not coded ("Will the EU provide more money?")
            entry = explain.sentence_entry(self.explanation, article, si, sent) if self.explanation is not None else None
            words = ([doc[i] for i in range(sent.start, sent.end) if pos[i] in VERB_IDS],
                     [doc[i] for i in range(sent.start, sent.end) if pos[i] == NOUN_ID])
            cands = self._candidates(sent, words)
            if self.detector is not None or self.detector_recorder is not None:
                actor_tokens = {i for i in range(sent.start, sent.end) if i in actors.by_token}
                rule_roots: dict[int, str] = {}
                for c in cands:
                    for t in c.action:
                        rule_roots.setdefault(t.i, c.code[:2] if c.code else "-")
                actor_kinds = {**people, **{i: f"{actors.by_token[i].kind}|{actors.by_token[i].best.sector or '-'}"
                                            for i in actor_tokens}, **self._coreferent_subjects(sent, actors)}
                if self.detector_recorder is not None:
                    self.detector_recorder.record(article.id, sent, actor_tokens, rule_roots, actor_kinds)
                if self.detector is not None:
                    taken = {t.i for c in cands for t in c.action}
                    taken |= {c.clause.governor.i for c in cands if c.clause.governor is not None}
                    cands = self.detector.recode(cands, actor_tokens, rule_roots)
                    cands += said_by_their_objects(cands, self.detector.propose(
                        sent, taken, actor_tokens, rule_roots, scored=entry["detector"] if entry else None))
                    cands = self._gate(cands, sent, actor_tokens, rule_roots, actor_kinds, entry, actors)
            cands = drop_purposes(drop_judged(drop_denied(drop_consequences(drop_covered(conditional_threats(cands))))))
            self._remember_group(sent, actors)
            coded = set()  # the candidates that gave an event
            for cand in cands:
                if len(seen) >= budgets.MAX_EVENTS_PER_SENTENCE:
                    break  # a bounded number of events per sentence (docs/reliability.md)
                budgets.check(deadline)
                self._why, self._trace = None, ({"targets": [], "sources": []} if entry else None)
                kept = []
                if any(id(c) in coded for c in cand.outdone_by):
                    if entry is not None:
                        entry["candidates"].append(explain.candidate_entry(
                            cand, [], "the threat it reports was coded from the act threatened", None))
                    continue
                for ev in self._realize(cand, si, sent, actors, quotes, quote_speaker.get(si), events,
                                        article, content, published):
                    key = (ev.source.code, ev.source.name, ev.target.code if ev.target else None,
                           ev.target.name if ev.target else None, ev.code)
                    if ev.root_code == "13":
                        # a threat and the act it threatens, each with its own words for the target
                        # ("Vilnius", "Lithuanian timber"), are one threat
                        key = (ev.source.code, None, ev.target.code if ev.target else None, None, ev.code)
                    if key in seen or len(seen) >= budgets.MAX_EVENTS_PER_SENTENCE:
                        continue
                    seen.add(key)
                    events.append(ev)
                    kept.append(ev)
                    coded.add(id(cand))
                if entry is not None:
                    entry["candidates"].append(explain.candidate_entry(cand, kept, self._why, self._trace))
            if not coded:
                self._remember_subjects(sent, actors)
        self._effective_dates(sents, events, published.day)
        if self.min_confidence:
            events = [e for e in events if e.confidence >= self.min_confidence]
        return events

    @staticmethod
    def _unclaimed_attack(cand: Candidate, actors: ArticleActors) -> bool:
        """Violence by unidentified attackers (UAF) on a political target: "gunmen shot dead a judge"; and
        a bombing by anyone armed, whoever it hits ("a suicide bomber blew himself up in a mosque")."""
        if (cand.code or "")[:2] not in ("18", "19", "20"):
            return False
        sources = [actors.resolve(t, remember=False) for t in cand.sources]
        if cand.code.startswith("183") and any(r is not None and r.sector in ("UAF", "REB") and r.country
                                                for r in sources):
            return True  # terror, not crime: CAMEO's 183 exists for it
        if not any(r is not None and r.sector == "UAF" for r in sources):
            return False
        targets = [actors.resolve(t, remember=False, owner="all") for t in cand.targets]
        return any(r is not None and r.sector in POLITICAL_SECTORS for r in targets)

    @staticmethod
    def _coreferent_subjects(sent, actors: ArticleActors) -> dict[int, str]:
        """Subjects that name an actor of an earlier sentence ("He", "It", "The bloc", "The two leaders"), by
        the kind the gate weighs them as: the dictionary finds no actor in them, but they are one."""
        out = {}
        for tok in sent:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.i in actors.by_token or tok.pos_ not in ("PRON", "NOUN"):
                continue
            group = actors.group_for(tok)
            ref = group[0] if group else actors.resolve(tok, remember=False)
            if ref is not None:
                out[tok.i] = f"coref|{ref.sector or '-'}"
        return out

    def _gate(self, cands: list[Candidate], sent, actor_tokens, rule_roots, actor_kinds, entry,
              actors: ArticleActors) -> list[Candidate]:
        """The sentence gate's verdict: no candidate survives a sentence it judges to hold no event."""
        if not cands:
            return cands
        p = self.detector.sentence_gate(sent, actor_tokens, rule_roots, actor_kinds)
        if p is None or p >= self.detector.gate_threshold:
            return cands
        # "Among those targeted were ...": a list that goes on with an earlier event is no new event,
        # and the gate judged that event's own sentence. An attack by gunmen no one names on a state
        # body or a public figure is an event all the same (CAMEO's UAF; the corpus mostly leaves such
        # attacks uncoded, and its gate learned so).
        kept = [c for c in cands if c.extend or self._unclaimed_attack(c, actors)]
        if entry is not None:
            why = f"the sentence gate puts an event here at p={p:.2f}, below {self.detector.gate_threshold:.2f}"
            entry["candidates"] += [explain.candidate_entry(c, [], why, None) for c in cands if not c.extend]
        return kept

    @staticmethod
    def _effective_dates(sents, events: list[Event], day) -> None:
        """"The restrictions are set to take effect on February 9": a scheduled date stated after the
        event belongs to the nearest event at most two sentences before it."""
        if not events:
            return
        for si, sent in enumerate(sents):
            if "effect" not in sent.text and "force" not in sent.text:
                continue
            found = effective_date_in(sent, day)
            if found is None:
                continue
            for ev in events:
                if si - 2 <= ev.sentence_index <= si:
                    ev.attributes.setdefault("effective_date", found[0])
                    ev.attributes.setdefault("effective_text", found[1])

    def _candidates(self, sent, words) -> list[Candidate]:
        """Candidates from the verb-pattern files and/or the built-in lexicon, then the constructions.
        A verb a pattern file has decided (coded, or blocked with [---]) is not coded again."""
        cands: list[Candidate] = []
        decided = []
        if self.lexicon_mode in ("file", "both"):
            for vd in self.verb_dicts:
                found = vd.match(sent, petrarch=self.lexicon_mode == "file")
                cands += [c for c in found.candidates if not any(m.covers(c) for m in decided)]
                decided.append(found)
        if self.lexicon_mode in ("builtin", "both"):
            cands += [c for c in verb_candidates(self.lexicon, sent, words) if not any(m.covers(c) for m in decided)]
        return cands + construction_candidates(self.lexicon, sent, words)

    @staticmethod
    def _remember_people(people, actors: ArticleActors) -> dict[int, str]:
        """Read the people named in a sentence in order, so later surnames and pronouns find them; the
        ones who are actors ("Biden", "Putin"), as token -> "person|SECTOR"."""
        found = {}
        for ent in people:
            ref = actors.resolve(ent.root)
            if ref is not None and ref.code:
                found[ent.root.i] = f"person|{ref.sector or '-'}"
        return found

    def _remember_subjects(self, sent, actors: ArticleActors) -> None:
        """A sentence with no event still says who the story is about: "Iraq's president halted flights.
        He also asked Turkey ..." -- its main clause's subject is remembered for later pronouns and role
        nouns, as the actors of coded sentences are."""
        root = sent.root
        if root.pos_ in ("VERB", "AUX"):
            self._resolve_all(subjects(root), actors, None, False)

    @staticmethod
    def _remember_group(sent, actors: ArticleActors) -> None:
        """"Greece and Turkey said they would resume talks": the list that is the main clause's subject is
        who "they" in its reported clause stands for, before any event of the sentence has named it."""
        tokens = sorted({x for s in subjects(sent.root) for x in (s, *s.conjuncts)}, key=lambda t: t.i)
        if len(tokens) < 2:
            return
        actors.remember_group(tokens[0].i, [r for r in (actors.resolve(t, remember=False) for t in tokens)
                                            if r is not None])

    def _quote_speakers(self, sents, quotes, actors: ArticleActors) -> dict[int, ActorRef]:
        """Sentences inside a quotation, mapped to the speaker named around it."""
        out: dict[int, ActorRef] = {}
        previous: tuple[ActorRef, int] | None = None  # the last quote's speaker and its last sentence
        for qs, qe in quotes:
            inside = [i for i, s in enumerate(sents) if s.start_char >= qs - 1 and s.end_char <= qe + 2]
            touching = [i for i, s in enumerate(sents) if s.start_char < qe and s.end_char > qs]
            speaker = None
            for i in reversed(touching):
                s = sents[i]
                for tok in s:
                    if lemma(tok) in REPORTING_VERBS and (tok.idx >= qe or tok.idx < qs):
                        subj = reporter_subject(tok)
                        if subj is not None:
                            speaker = actors.resolve(subj, remember=False)
                            if speaker:
                                break
                if speaker:
                    break
            if speaker is None and previous is not None and touching and touching[0] <= previous[1] + 1:
                speaker = previous[0]  # a quote that goes on after its attribution: the same speaker
            if speaker:
                for i in set(inside) | set(touching):
                    out.setdefault(i, speaker)
                previous = (speaker, max(touching) if touching else -1)
        return out

    @staticmethod
    def _resolve_all(tokens, actors, speaker, in_quote, owner=False) -> list[ActorRef]:
        out = []
        # "the American and Japanese navies": each nationality joined to the noun's own names an actor
        # too ("economic and military ties" name none)
        joined = [extra for tok in tokens for mod in tok.children if mod.dep_ == "amod"
                  for extra in mod.conjuncts if extra.dep_ == "conj" and extra.i in actors.by_token
                  and actors.by_token[extra.i].kind in STATE_KINDS]
        for tok in [*tokens, *joined]:
            ref = actors.resolve(tok, speaker=speaker, in_quote=in_quote, owner=owner)
            if ref is not None and all((r.code, r.name) != (ref.code, ref.name) for r in out):
                out.append(ref)
            if ref is not None and ref.sector and ref.country:
                for extra in _one_of_each(tok, ref, actors):
                    if all(r.country != extra.country for r in out):
                        out.append(extra)
        if out:
            actors.remember_group(tokens[0].i, out)  # "Sudan and South Sudan signed ... They agreed ..."
        elif len(tokens) == 1:
            out = actors.group_for(tokens[0])
        return out

    def _realize(self, cand: Candidate, si, sent, actors: ArticleActors, quotes, quote_speaker,
                 previous: list[Event], article: Article, content: str, published) -> list[Event]:
        if self.lexicon_mode == "file" and isinstance(cand, PatternCandidate):
            # verb-pattern files alone: actors as PETRARCH assigns them (petrarch_actors.py)
            return realize_pattern(self, cand, si, sent, actors, article, content, published)
        cl = cand.clause
        if lemma(cand.action[0]) == "ask" and cand.action[0].tag_ == "VBN" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "agent") for c in cand.action[0].children):
            # "Asked whether Muscat would join ...", "said when asked about the reports": a reporter's
            # question (the corpus codes none of its 19)
            return self._drop("a question put by reporters is no appeal")
        if cl.in_condition:
            return self._drop("inside an 'if' clause: a conditional act is not coded")
        if cl.alleged:
            return self._drop("alleged by an accusation: the accusation is the event (CODEBOOK)")
        anchor = cand.action[0]
        in_quote = any(qs <= anchor.idx < qe for qs, qe in quotes)
        speaker = None
        if cl.reporter is not None:
            subj = reporter_subject(cl.reporter)
            if subj is not None:
                speaker = actors.resolve(subj, speaker=quote_speaker, in_quote=in_quote)
            # "Russia has indicated ..., the Russian Foreign Ministry stated": the ministry is the
            # more specific voice of the same country.
            for outer in cl.outer_reporters:
                osubj = reporter_subject(outer)
                oref = actors.resolve(osubj, remember=False) if osubj is not None else None
                if oref is not None and (speaker is None or (speaker.sector is None and oref.country == speaker.country)):
                    speaker = oref
            if speaker is not None:
                actors.last_speaker = speaker
        if speaker is None and in_quote:
            speaker = quote_speaker
        code = cand.code
        rule = cand.rule
        source_choice, target_choice = ("parse", None), ("parse", None)  # how each actor was chosen
        src_tokens, tgt_tokens = cand.sources, cand.targets
        kind = cl.governor_kind
        if kind in ("appeal", "demand") and cl.governor is not None:
            # "urged Russia to withdraw": the urger is the source, the one urged the target.
            src_tokens, tgt_tokens = subjects(cl.governor), (cand.sources or cand.targets)
        # "Ukrainian drones hit ...": a source may be named by its country's adjective, not by "X's".
        sources = self._resolve_all(src_tokens, actors, speaker, in_quote, owner="modifier")
        if not sources and cand.rule.startswith("construction: conditional"):
            gov = anchor.head
            while not sources and gov.head != gov:
                gov = gov.head
                sources = self._resolve_all(subjects(gov), actors, speaker, in_quote)
        extended = None  # the earlier event that "among those targeted were ..." goes on with
        if cand.extend:
            extended = next((e for e in reversed(previous) if e.sentence_index >= si - 2), None)
            if extended is None and not code:
                return self._drop("extends no earlier event")
            if extended is not None:
                code = code or extended.code
                sources = [extended.source]
                rule += f" (extends the event of sentence {extended.sentence_index})"
        echoed = None  # the earlier event that "a similar stance was voiced by X" repeats
        if cand.echo:
            # The stance of the latest sentence that took one; of its events, the likeliest to be right.
            stances = [e for e in previous if e.root_code != "01"]
            latest = [e for e in stances if e.sentence_index == stances[-1].sentence_index] if stances else []
            echoed = max(reversed(latest), key=lambda e: e.confidence) if latest else None
            if echoed is None:
                return self._drop("repeats no earlier event")
            code = echoed.code
            cl.modality = echoed.modality
            rule += f" (repeats event of sentence {echoed.sentence_index})"
        if (not sources and speaker is not None
                and (cand.source_is_reporter or (not cand.echo and cand.rule.startswith("construction")))):
            sources = [speaker]  # "their sovereignty is not up for discussion", Moscow maintains
        if not sources and any(lemma(x) in DISASTER_NOUNS for x in subjects(anchor)):
            # "an earthquake struck the Atlas mountains": nature is no actor (CODEBOOK)
            return self._drop("a natural disaster is no actor")
        if (not sources and code and self.source_chooser is not None and extended is None and echoed is None
                and not cand.reciprocal):
            chosen = self.source_chooser(anchor=anchor, sent=sent, code=code, actors=actors, si=si, speaker=speaker,
                                         in_quote=in_quote, lemma=lemma(anchor), article_id=article.id,
                                         trace=self._trace["sources"] if self._trace else None)
            if chosen is not None:
                sources, note, source_choice = chosen
                rule += note
        if not sources or not code:
            return self._drop("no source: no actor acts here")
        if speaker is not None:
            sources = [self._speaker_for_country(s, speaker) for s in sources]
        if cand.echo and speaker is None:
            speaker = sources[0]  # "a similar stance has been voiced by X": X is the one speaking
        targets = self._resolve_all(tgt_tokens, actors, speaker, in_quote, owner="all")
        if not targets and (code.startswith("13") or kind == "threat"):
            # "Moscow would use nuclear weapons if NATO troops were deployed": a threat is aimed at the
            # one whose act would set it off
            targets = [t for t in self._resolve_all(condition_subjects(anchor), actors, speaker, in_quote,
                                                    owner="all") if t.country not in {x.country for x in sources}]
        if not targets and not cand.reciprocal:
            # "offered to mediate between Riyadh and Beirut", "a broker among the factions": the sides
            # the act is between are its targets, not the co-subjects ("Oman, Qatar and Kuwait").
            near = [anchor, *(t for c in anchor.children if c.dep_ in ("dobj", "prep")
                              for t in ([c] if c.dep_ == "dobj" else c.children) if t.dep_ in ("dobj", "pobj"))]
            between = [t for head in near for prep in head.children
                       if prep.dep_ == "prep" and prep.lower_ in ("between", "among")
                       for pobj in prep.children if pobj.dep_ == "pobj" for t in (pobj, *pobj.conjuncts)]
            targets = self._resolve_all(between, actors, speaker, in_quote, owner="all")
        if not targets and cand.victims:
            # "shelled a district of Kharkiv, killing three civilians": the people it killed, not the place
            targets = self._resolve_all(cand.victims, actors, speaker, in_quote, owner="all")
        if not targets and tgt_tokens and sources:
            targets = self._place_targets(tgt_tokens, sources[0], actors)
        described = described_by(anchor)
        described_act = described is not None and lemma(described) in ACT_NOUNS  # "a charge New Delhi rejected"
        if (cand.attrs.get("verdict") or code[:2] in REACTION_ROOTS) and described_act and not [
                t for t in targets if t.text and described.idx <= t.start]:
            targets = []  # "an accusation Pristina dismissed": the reaction is to the act, not to a word in it
        if not targets and (cand.attrs.get("verdict") or (
                code[:2] in REACTION_ROOTS
                and (any(c.dep_ == "dobj" and lemma(c) in ACT_NOUNS for c in anchor.children) or described_act))):
            # ("dismissed the protests", "rejected the accusation", "a charge New Delhi rejected": a reaction
            # to the act just reported)
            # "... called the attack a cowardly crime": a verdict is on whoever did the act just reported
            def side(ref):  # a state's bodies are one side; its rebels or opposition another
                state = ref.sector is None or ref.sector in STATE_SIDE_SECTORS
                return (ref.country or ref.code, state or ref.sector)

            mine = {side(s) for s in sources}
            done = next((e for e in reversed(previous) if e.sentence_index >= si - 2
                         and side(e.source) not in mine), None)
            if done is not None:
                targets = [replace(done.source, text=None, start=None, end=None,
                                   via=f"the one who acted in the event judged ({done.source.name})")]
        if extended is not None and targets:
            country = extended.target.country if extended.target else None
            targets = [t if t.country or not country else
                       replace(t, code=country + (t.sector or ""), country=country,
                               via=t.via + f"; country of the listed targets ({country})") for t in targets]
        if not targets and echoed is not None and echoed.target is not None:
            targets = [echoed.target]
        # Apply CAMEO's treatment of how the clause stands.
        negated = cl.negated
        modality = cl.modality
        root = code[:2]
        if kind in ("refusal", "appeal", "demand", "threat") and cl.governor is not None:
            new = cameo.transform(kind, code)
            if kind == "threat" and root not in cameo.HOSTILE_ROOTS:
                new = "130"
            rule += f"; {kind} by '{cl.governor.text}' turns {code} into {new}"
            code = new
            if kind == "refusal":
                negated = False
            if kind == "threat":
                modality = "intended"
        elif modality != "asserted" and not cand.rule.startswith("construction: conditional"):
            if cl.speculative and not negated and (modality == "hypothetical" or (
                    modality == "conditional" and root not in cameo.HOSTILE_ROOTS
                    and not _own_word(cl, anchor, speaker, sources))):
                # ("diplomats say Honduras could restore ties with Taiwan if the opposition wins": others'
                # guess on a condition; what an actor says it could do if another acts is its offer)
                # "the two navies might hold drills", "Lima could in theory offer asylum": a possibility,
                # not an act or a promise (of the corpus's 517 records that say "could", "might" or "may",
                # 274 have no event: twice its share of records without one)
                return self._drop("what could or might happen is not an event")
            if root in cameo.COOPERATIVE_ROOTS and root != "03":
                new = cameo.transform("intent", code)
                rule += f"; {modality} turns {code} into {new}"
                code = new
            elif root in cameo.HOSTILE_ROOTS and root != "13":
                if modality == "intended":
                    new = cameo.transform("threat", code)
                    rule += f"; intended hostile act {code} is a threat {new}"
                    code = new
                elif cand.threat_if:
                    # "Tehran would hit Israeli cities if Israel attacked": the act the "if" sets off is
                    # a threat (CODEBOOK: the threat that carries an "if" clause is coded)
                    new = cameo.transform("threat", code)
                    rule += f"; hostile act {code} on a condition is a threat {new}"
                    code, modality = new, "conditional"
                else:
                    return self._drop("speculation about violence is not an event")
        if negated and kind != "refusal":
            if lemma(anchor) in NEGATED_IS_REJECTION and not any(c.lower_ == "yet" for c in anchor.children):
                # "did not accept the proposal" turns it down; "has not yet ratified" has not got to it
                rule += f"; negated '{anchor.text}' is a rejection"
                code = "120"
                negated = False
            elif (modality in ("intended", "conditional") and cand.code[:2] in WILL_NOT_IS_REFUSAL
                  and lemma(anchor) not in TRIP_VERBS
                  and code[:2] in ("03", *WILL_NOT_IS_REFUSAL)):
                # "the government would not lift its ban on the union", "will not negotiate with the
                # rebels": an act of yielding or meeting announced as not to come is a refusal (CODEBOOK's
                # evaluation writers code it 12x; "did not meet", a fact, stays uncoded); "will not release
                # them until Ottawa drops the case" is a refusal with its condition
                new = cameo.transform("refusal", cand.code)  # the act itself, not the intention made of it
                rule += f"; '{anchor.text}' announced as not to come turns {cand.code} into {new}"
                code, negated, modality = new, False, "asserted"
            elif code[:2] == "12" and (cand.scores.get("recoded") or cand.rule.startswith("model")):
                # "would not lift sanctions", "will not negotiate with terrorists": the detector, which
                # learned the corpus's refusals (214 of its 695 "would not X"), reads this one as a refusal
                rule += f"; negated '{anchor.text}' is a refusal"
                negated = False
            elif not self.keep_negated:
                return self._drop("negated: an act that did not happen is not coded (--keep-negated keeps it)")
        if (code == "120" or code == "111" and (cand.attrs.get("verdict") or lemma(anchor) in NAMING_VERBS)
                ) and turns_down_a_charge(anchor, cand):
            # "a charge New Delhi rejected", "an accusation Pristina dismissed as propaganda", "called the
            # claim a lie": turning down an accusation is a denial (CAMEO 016), as the corpus codes 27 of
            # the 47 such phrases it has
            rule += f"; what was turned down is an accusation, so {code} is 016"
            code = "016"
        if code == "120":
            act = rejected_act(self.lexicon, anchor, previous, si, sources)
            if act is not None and cameo.transform("refusal", act) != code:
                new = cameo.transform("refusal", act)
                rule += f"; what was rejected asks for {act}, so {code} is {new}"
                code = new
        root = code[:2]
        if not targets and cand.rule.startswith("construction: reported obligation"):
            # "relations should be reinforced"
            return self._drop("an obligation laid on no actor is no demand")
        if root in ("18", "19", "20"):
            # "Drones struck the Kremlin": a seat of government under fire is the place, not its government.
            targets = [replace(t, code=t.country, sector=None, via=t.via + "; a place under attack")
                       if "(seat of government" in t.via and t.country else t for t in targets]
        construction = cand.rule.startswith("construction")
        # A target the lexicon entry's slots or a construction found stands (right in 92% of the corpus's
        # events that have one); the ranker chooses where they found none.
        meta = self.detector.meta if self.detector is not None else {}
        action_words = [t.text for t in cand.action]
        both_ways = coded_both_ways(code, action_words, meta.get("mutual_codes", ()))
        distinct = parties_apart(sources)
        # ("Spain and Morocco said they shared the same view": accord expressed together is mutual too)
        # ... but what a joint statement or resolution says is said outward ("issued a joint statement
        # backing a two-state solution")
        joint = (distinct and not (anchor.dep_ == "acl" and lemma(anchor.head) in DOCUMENT_NOUNS)
                 and (code[:2] in cameo.COOPERATIVE_ROOTS or code == "019" or both_ways))
        # "Ukraine and Russia blamed each other": whatever the act, each is the other's target
        each_other = any(t.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in t.children)
                         for t in tgt_tokens) or "each other" in sent.text or "one another" in sent.text
        joint = joint or (distinct and each_other and not targets)
        if code[:2] == "13" and lemma(anchor) in ("warn", "caution"):
            # "Biden warned that Russian forces could seize Kyiv": a warning of what another may do is an
            # alert, not the warner's threat ("Tehran warned it could change its doctrine" is one)
            told = [s for c in anchor.children if c.dep_ == "ccomp" for s in subjects(c)]
            others = [r for r in self._resolve_all(told, actors, speaker, in_quote, owner="all")
                      if r.country and r.country not in {s.country for s in sources}]
            if told and others:
                return self._drop("a warning of what another may do is no threat of the warner's")
        if code == "041" and any(c.dep_ == "dobj" for c in anchor.children) and (
                not [t for t in targets if t.code not in {s.code for s in sources}]
                or any(c.dep_ == "dobj" and c.lower_ in ("it", "this", "that") for c in anchor.children)):
            # "called the case politically motivated", "calling it cowardly" ("it" is no one called, even
            # where it resolves to the speaker): what was called is a thing,
            # so this names it (a verdict), it is no call to anyone. rules.match_verb drops the lexicon's
            # "call" where the parse marks the complement (oprd, xcomp); this needs the resolved object, and
            # catches the parses that hang the complement elsewhere and the detector's 041s.
            return self._drop("'called' a thing something: a verdict on it, not a call")
        if (self.target_chooser is not None and extended is None and echoed is None and not cand.reciprocal
                # "India and Pakistan exchanged fire": each the other's target, also where the only targets
                # found are the co-subjects themselves ("the two ministers announced")
                and not joint
                and not [t for t in targets if t.code not in {s.code for s in sources}]):
            chosen = self.target_chooser(anchor=anchor, sent=sent, sources=sources, rule_targets=targets,
                                         code=code, actors=actors, si=si, speaker=speaker, in_quote=in_quote,
                                         lemma=lemma(anchor), article_id=article.id,
                                         may_drop=not construction,
                                         trace=self._trace["targets"] if self._trace else None)
            if chosen is not None:
                targets, note, target_choice = chosen
                rule += note
                if not targets:
                    return self._drop("no target: the target model prefers none (CODEBOOK: events are dyadic)")
        if not targets and root not in TARGETLESS_ROOTS and not joint:  # a joint act is between its sources
            implied = self._implied_target(actors, sources[0], si)
            if implied is not None:
                targets = [implied]
                target_choice = ("fallback", None)
        own_state = {s.country for s in sources if _state_side(s)}
        coup = root in ("17", "18", "19", "20") and any(s.sector == "MIL" for s in sources)
        if targets and all(_state_side(s) for s in sources) and not coup and all(
                t.text is None and _state_side(t) and t.country in own_state for t in targets):
            # "Thailand's junta ruled out buying Russian jets": a state acts on no one where the only target
            # left is itself (its own government or army, implied); CODEBOOK leaves such acts uncoded. Soldiers
            # who seize or detain their own government stage a coup, and that stays.
            return self._drop("the only target implied is the source's own state")
        if is_sport(sent) and root in SPORT_ROOTS:
            return self._drop("a sports page: no political event")
        if all(s.sector == "BUS" for s in sources) and (
                all(business(t) for t in targets) if targets else joint and len(sources) > 1):
            # "A Swiss trader sued its Brazilian rival", "the airline signed a code-share deal with a Qatari
            # carrier", "a state oil firm and a British major signed a contract": commerce between companies
            # is business news, not a political event (CODEBOOK)
            return self._drop("companies acting on companies: business, not politics")
        if root in ("18", "19", "20") and all(_someone(s) for s in sources) and not any(
                t.sector in POLITICAL_SECTORS for t in targets):
            # "A man stabbed a British tourist in Lisbon": crime with no political actor (CODEBOOK); "a man
            # stabbed the opposition leader" is an event
            return self._drop("crime by someone unnamed on no political target")
        pairs = []
        # "India and China began pulling back troops": joint cooperative acts are done to each other.
        # "Sudan and South Sudan ... The two leaders agreed to reopen the pipeline": a target the chooser
        # found among the sources themselves makes the act one between them.
        among = distinct and targets and all(any(t.code == s.code for s in sources) for t in targets)
        mutual = distinct and ((not targets and (joint or each_other)) or among)
        if cand.reciprocal or mutual:
            for a in sources:
                for b in sources:
                    if a.code != b.code:
                        pairs.append((a, b))
        else:
            for s in sources:
                if any(inside_phrase(s, t, sent, anchor) for t in targets):
                    # "Shots were fired at a Sudanese army checkpoint": a word inside the target's own
                    # phrase is no one acting on it
                    continue
                # an actor acting on itself ("lift the curfew in Bangkok", said of Thailand) has no target;
                # nor does a state that expels diplomats of its own (the country was guessed, not named)
                aimed = [self._own_for(t, s) for t in targets if t.code != s.code and not (
                    code[:3] == "174" and t.country == s.country and t.sector == "GOV")]
                if targets and not aimed and code[:3] == "174":
                    continue
                for t in aimed or [None]:
                    pairs.append((s, t))
            single = meta.get("mutual_single_codes")
            if len(sources) == 1 and (both_ways if single is None else coded_both_ways(code, action_words, single)):
                # "Japan signed an agreement with Vietnam", "met his Russian counterpart": an act the corpus
                # codes both ways where one actor is its subject (train.mutual_single_codes) is
                # also the named target's act; "pledged to share radar data with Peru" is not
                pairs += [(t, s) for s, t in pairs if t is not None and t.start is not None
                          and parties_apart([s, t]) and (t, s) not in pairs]
        if not pairs:
            return self._drop("the source would act on itself")
        when = resolve_event_date(sent, cand.action, published.day)
        where = action_geo(sent, cand.action, actors.countries)
        # met in a third country: 044, also where the detector refined "met" into a visit (042/043)
        meeting = code == "040" or (code in ("042", "043") and lemma(anchor) == "meet")
        if meeting and where is not None and where.country_code and targets and all(
                where.country_code not in (s.country, t.country) for s, t in pairs if t is not None):
            code = "044"  # CAMEO: a meeting in a country neither side belongs to
            rule += f"; met in {where.full_name}, a third country: 044"
        by_pair = {}  # a code per direction, where the two sides of one act differ
        if (code[:2] == "04" and lemma(anchor) == "meet" and where is not None and where.country_code
                and (len(pairs) <= 2 or len(sources) == 1) and all(t is not None for _, t in pairs)):
            # "X met his Vietnamese counterpart in Hanoi": X visits (042), Vietnam hosts (043)
            for s, t in list(pairs):
                if where.country_code in (s.country, t.country) and s.country != t.country:
                    host, guest = (s, t) if where.country_code == s.country else (t, s)
                    by_pair[(guest.code, host.code)], by_pair[(host.code, guest.code)] = "042", "043"
                    if (t, s) not in pairs:
                        pairs.append((t, s))
            if by_pair:
                rule += f"; met in {where.full_name}: the host's country, 043 for the host, 042 for the guest"
        attrs = dict(cand.attrs)
        attrs.update(event_attributes(sent, cand.action, tgt_tokens))
        if when.effective_date:
            attrs["effective_date"], attrs["effective_text"] = when.effective_date, when.effective_text
        if extended is not None:
            # "Among those targeted were ...": the same event, so the same date
            expression = extended.date_expression or {}
            when = replace(when, date=extended.date, precision=extended.date_precision,
                           text=expression.get("text"), start=expression.get("start"), end=expression.get("end"))
        origin = "detector" if cand.rule.startswith("model") else cand.rule.split(" ", 1)[0].rstrip(":")
        signals = {"origin": origin, "rule_confidence": cand.confidence, "detector": cand.scores.get("detector"),
                   "recoded": cand.scores.get("recoded", False), "root": code[:2], "target": target_choice,
                   "source": source_choice, "modality": modality, "in_quote": in_quote,
                   "events_in_sentence": len(pairs)}
        context = (when, where, attrs, published, signals, actors.countries)
        s0, t0 = pairs[0]
        if t0 is not None and s0.country and t0.country and s0.country != t0.country:
            actors.last_pair = (anchor.i, [s0, t0])
        out = []
        for s, t in pairs:
            pair_code, pair_rule = by_pair.get((s.code, t.code if t else None), code), rule
            if modality == "asserted":
                acted = cameo.by_actors(pair_code, s.sector, t.sector if t else None, t.text if t else None,
                                        cand.entry.form if cand.entry is not None else lemma(anchor))
                if acted != pair_code:
                    pair_rule += f"; by {s.sector} against {t.sector if t else 'no one'}: {pair_code} is {acted}"
                    pair_code = acted
            out.append(self._event(pair_code, pair_rule, cand, s, t, speaker, negated, modality, sent, si,
                                   article, content, context))
        return out

    def _drop(self, why: str) -> list:
        """No event from this candidate; `why` is what --explain shows."""
        self._why = why
        return []

    @staticmethod
    def _own_for(target: ActorRef, source: ActorRef) -> ActorRef:
        """"Zimbabwe, Zambia and Malawi staged strikes": an implied own government or country is each
        listed source's own, not the first one's."""
        if (not target.via.startswith("implied: the source's own") or not source.country
                or source.country == target.country):
            return target
        code = source.country + (target.sector or "")
        return replace(target, code=code, country=source.country, name=f"government of {source.country}"
                       if target.sector == "GOV" else source.country)

    @staticmethod
    def _place_targets(tokens, source: ActorRef, actors: ArticleActors) -> list[ActorRef]:
        """"Russia annexed Crimea", "Zelensky visited Hiroshima": a place acted on stands for the
        country it belongs to, when that is not the source's own."""
        out = []
        for tok in tokens:
            if tok.pos_ != "PROPN" and tok.ent_type_ not in ("GPE", "LOC", "FAC"):
                continue
            words = [t for t in tok.subtree if t.dep_ in ("compound", "flat") or t == tok]
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            place = gazetteer().lookup(actors.text[start:end], actors.countries)
            if place is None or not place.country_code or place.country_code == source.country:
                continue
            if (tok.ent_type_ in ("PERSON", "ORG") and place.kind == "city" and place.population < 100_000
                    and place.country_code not in actors.countries):
                continue  # "a pact with Kim" names a man, not the Indian town of Kim
            out.append(ActorRef(code=place.country_code, name=place.full_name, country=place.country_code,
                                sector=None, text=actors.text[start:end], start=start, end=end,
                                via=f"place {place.full_name} ({place.origin})"))
        return out

    @staticmethod
    def _speaker_for_country(source: ActorRef, speaker: ActorRef) -> ActorRef:
        """A state's stance reported by its own official is that official's: "Russia could sign ...,
        Deputy Chepa noted" is coded RUSLEG, as the speaker speaks for the state. A capital keeps its
        bare code: "Brazil's president said Brasilia would mediate" is BRA (CODEBOOK: capitals)."""
        if ("(capital: the state)" not in source.via and source.sector is None and source.country and source.country == speaker.country
                and source.code == source.country and speaker.code != source.code):
            return replace(source, code=speaker.code, sector=speaker.sector, name=speaker.name,
                           via=f"{source.via}; stated by {speaker.name}, who speaks for {source.country}")
        return source

    @staticmethod
    def _implied_target(actors: ArticleActors, source: ActorRef, si: int) -> ActorRef | None:
        country = actors.counterpart(source.country, si)
        if country is None:
            return None
        from ..actors.countries import country_name

        return ActorRef(code=country, name=country_name(country) or country, country=country, sector=None,
                        text=None, start=None, end=None,
                        via="implied: the other country this article is about")

    def _event(self, code, rule, cand, source, target, speaker, negated, modality, sent, si,
               article: Article, content: str, context) -> Event:
        when, where, attrs, published, signals, article_countries = context
        rec = ontology.lookup(code)
        entry = cand.entry
        plover_event, plover_mode = ontology.plover_for(code)
        if entry is not None and entry.code == code:
            plover_event = entry.plover or plover_event
            plover_mode = entry.mode or plover_mode
        tgt_code = target.code if target else ""
        ident = hashlib.sha1(f"{content}|{si}|{source.code}|{tgt_code}|{code}|{self.version}".encode()).hexdigest()[:16]
        action = sorted({(t.idx, t.idx + len(t.text)) for t in cand.action})
        if self.calibrator is not None:
            # P(right at root code, source and target country), fitted on text the models never saw
            confidence = self.calibrator.probability(signals)
            rule += f"; confidence by {self.calibrator.name}"
        else:  # the rules alone: the rule's own prior, lowered for implied targets and coreference
            confidence = cand.confidence
            if target is not None and target.start is None:
                confidence *= 0.7
            if "coreference" in source.via:
                confidence *= 0.85
        if self.signal_recorder is not None:
            self.signal_recorder[ident] = signals
        pub = published.day.isoformat() if published.day else None
        expression = ({"text": when.text, "start": when.start, "end": when.end} if when.text else None)
        return Event(
            id=ident, article_id=article.id, sentence_index=si, sentence=sent.text.strip(),
            source=source, target=target, code=code, base_code=code[:3], root_code=code[:2],
            name=rec.name, plover={"event": plover_event, "mode": plover_mode},
            goldstein=rec.goldstein, quad_class=rec.quad_class, date=when.date or pub,
            date_precision=when.precision if when.date else None, date_expression=expression,
            publication_date=pub, publication_date_inferred=published.inferred,
            publication_date_confidence=published.confidence,
            action_geo=where.to_dict() if where is not None else None,
            source_geo=_country_geo(source), target_geo=_country_geo(target),
            speaker=speaker, negated=negated, modality=modality,
            evidence={"source": _span(source), "action": [list(a) for a in action],
                      "target": _span(target), "speaker": _span(speaker)},
            rule=rule, confidence=round(confidence, 3), attributes=dict(attrs),
            coder_version=self.version,
            # the same countries action_geo preferred, so both read "Geneva" as the same place
            places=clause_places(sent, cand.action, article_countries=article_countries,
                exclude=[(source.start, source.end)] + ([(target.start, target.end)] if target else [])))
