"""What the dependency parse says about a clause: its subjects and objects, whether it is negated,
asserted or only intended, and who reports it. Word lists are English function words and verb
classes; the event meaning of words lives in the lexicon files."""
from __future__ import annotations

from dataclasses import dataclass

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Verbs whose complement clause is what someone said: the coder looks through them.
REPORTING_VERBS = {
    "say", "state", "tell", "note", "add", "emphasize", "emphasise", "stress", "reiterate", "assert",
    "declare", "announce", "claim", "insist", "maintain", "believe", "think", "argue", "explain",
    "indicate", "confirm", "affirm", "underline", "report", "write", "tweet", "remark", "comment",
    "acknowledge", "admit", "suggest", "signal", "recall", "predict", "assume", "contend", "observe",
    "mention", "point", "reply", "respond", "answer", "testify", "told", "disclose", "reveal", "hint",
}
# A governing verb that makes its complement an intention, not an act ("intends to sign").
INTENT_VERBS = {
    "intend", "plan", "hope", "seek", "aim", "want", "wish", "pledge", "vow", "promise", "expect",
    "pursue", "prepare", "agree", "offer", "propose", "decide", "commit", "strive", "try", "attempt",
    "look", "mean", "continue", "resolve", "endeavour", "endeavor", "undertake", "volunteer", "move",
}
THREAT_VERBS = {"threaten", "warn"}
REFUSAL_VERBS = {"refuse", "decline", "reject", "rule_out", "balk", "oppose"}
APPEAL_VERBS = {"urge", "call", "appeal", "ask", "request", "invite", "encourage", "press", "implore",
                "beg", "exhort", "advise", "persuade", "pressure", "pressurize", "lobby"}
DEMAND_VERBS = {"demand", "insist", "order", "require", "command", "instruct", "compel", "force"}
MODAL_INTENT = {"will", "'ll", "shall", "wo"}
MODAL_HYPOTHETICAL = {"could", "might", "may", "would", "can", "should", "must", "ought", "ca"}
# What may or could happen is a guess, not an act or a promise ("the two navies might hold drills");
# "would", "should" and "must" carry reported intent and obligation and are left to the rules.
MODAL_SPECULATIVE = {"could", "might", "may", "can"}
# "see no prospect of a deal", "have no doubt": a judgement made with "no", not an act left undone
SEEING_VERBS = {"see", "find", "expect", "hold", "have", "show", "take", "leave"}
CONDITION_MARKS = {"if", "unless", "provided", "providing", "once", "until", "after", "when"}
# Verbs whose complement, when it is someone else's act, is forecast: "analysts expect Venezuela to respond".
EXPECT_VERBS = {"expect", "anticipate", "forecast"}
# Verbs whose complement is weighed, not done: "will consider resuming talks".
CONSIDER_VERBS = {"consider", "weigh", "study", "examine", "explore", "mull", "contemplate", "discuss",
                  "debate", "review", "evaluate", "assess", "ponder"}
ADJ_INTENT = {"ready", "willing", "prepared", "eager", "determined", "keen", "set", "poised"}
# Nouns whose "to" clause is what their owner means to do ("readiness to mediate", "plans to impose").
INTENT_NOUNS = {"readiness", "willingness", "plan", "intention", "intent", "commitment", "determination",
                "desire", "pledge", "promise", "offer", "proposal", "wish", "hope", "aim", "goal", "vow",
                "eagerness", "preparedness"}
# ... and those whose "to" clause their owner did or tried ("decision to halt", "bid to join").
DEED_NOUNS = {"decision", "bid", "attempt", "effort", "move", "push", "drive", "campaign"}
# Verbs by which a subject states its own intention or deed; "welcomed the offer to mediate" is not
# the welcomer's offer, so the list is closed.
OWNING_VERBS = {"express", "announce", "voice", "reaffirm", "reiterate", "signal", "confirm", "show",
                "state", "declare", "make", "have", "unveil", "outline", "demonstrate", "indicate", "stress",
                "underline", "emphasize", "emphasise", "affirm", "repeat", "renew", "present", "submit",
                "launch", "table", "step", "reveal", "convey", "extend", "deliver"}


# "accused X of ...", "suspected of ...": what follows is alleged, not reported as done.
ALLEGING_WORDS = {"accuse", "accused", "accusing", "blame", "blamed", "blaming", "charge", "charged",
                  "charging", "suspect", "suspected", "convict", "convicted", "allege", "alleged", "guilty",
                  "accusation", "accusations", "charges", "allegations", "suspicion"}


# "reports that ...", "allegations that ...": the nouns whose "that" clause tells what is only said.
REPORT_NOUNS = {"report", "reports", "allegation", "allegations", "claim", "claims", "accusation", "accusations",
                "rumour", "rumours", "rumor", "rumors", "suggestion", "suggestions", "suspicion", "suspicions"}


@dataclass(slots=True)
class Clause:
    """How an event word's clause stands: negated? intended? reported by whom? embedded where?"""

    negated: bool = False
    modality: str = "asserted"  # asserted | intended | hypothetical | conditional
    governor: object = None  # the intent/refusal/appeal/demand verb above it, if any
    governor_kind: str | None = None  # intent | threat | refusal | appeal | demand
    reporter: object = None  # the nearest reporting verb above it, if any
    outer_reporters: tuple = ()  # reporting verbs further up ("Russia indicated ..., the ministry said")
    in_condition: bool = False  # inside an "if ..." clause: not asserted by anyone
    alleged: bool = False  # "accused Paris of arming Armenia": the arming is only alleged (CODEBOOK)
    speculative: bool = False  # "could", "might": a possibility weighed, by the actor or by others


def children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def particle(tok) -> str | None:
    for c in tok.children:
        if c.dep_ == "prt":
            return c.lower_
    return None


def lemma(tok) -> str:
    return tok.lemma_.lower()


def forms(tok) -> set[str]:
    """The lemma and the base forms an inflected verb may have: the small model's lemmatizer makes
    slips ("hopes" -> "hop"), and a verb class must still know the verb."""
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    if tok.pos_ in ("VERB", "AUX"):
        for suffix, repl in (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", "e"),
                             ("ed", ""), ("ing", "e"), ("ing", "")):
            if low.endswith(suffix) and len(low) - len(suffix) >= 2:
                out.add(low[: len(low) - len(suffix)] + repl)
    return out


def is_verb_in(tok, verbs: set[str]) -> bool:
    return not forms(tok).isdisjoint(verbs)


def is_passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


def expand_conj(tok) -> list:
    """A noun and the nouns coordinated with it ("Japan and South Korea")."""
    out = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(c)
                stack.append(c)
    return out


# "fired hundreds of drones", "thousands of students marched": the noun after "of" counts.
COUNT_NOUNS = {"hundred", "thousand", "million", "dozen", "score", "number", "lot", "couple", "group",
               "team", "batch", "handful", "wave", "series"}


def through_count(tok):
    if lemma(tok) in COUNT_NOUNS or tok.like_num:
        for prep in children(tok, "prep"):
            if prep.lower_ == "of":
                inner = children(prep, "pobj")
                if inner:
                    return through_count(inner[0])
    return tok


RELATIVE_PRONOUNS = {"which", "who", "that"}


def _intent_noun(verb):
    """The intention or deed noun whose "to" clause `verb` is ("the offer to mediate", "a bid to join"),
    or None."""
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and not forms(verb.head).isdisjoint(INTENT_NOUNS | DEED_NOUNS):
        return verb.head
    return None


# Texts that say or ask what their authors do: "a resolution condemning X" is its adopters' condemnation
# (not its vetoer's or critic's).
ISSUING_VERBS = {"adopt", "issue", "pass", "send", "release", "publish", "sign", "write", "approve", "circulate",
                 "put", "draft", "sponsor", "introduce", "file", "lodge"}
DOCUMENT_NOUNS = {"resolution", "statement", "letter", "declaration", "communique", "motion", "note", "message",
                  "petition", "decree", "bill", "law", "report", "appeal", "cable", "memorandum"}


SCENE_MARKS = {"after", "since", "as", "when", "while", "because"}


def hung_on_the_asked(verb) -> bool:
    """"Protesters demanded that the junta set a date, defying a ban on rallies": a participle after a
    comma that the parser hangs on what is demanded or urged, though it tells what the askers did."""
    head = verb.head
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in verb.children)
            and verb.left_edge.i > 0 and verb.doc[verb.left_edge.i - 1].text == ","
            and head.dep_ in ("ccomp", "xcomp") and is_verb_in(head.head, APPEAL_VERBS | DEMAND_VERBS))


def described_by(verb):
    """The noun a clause with its own subject describes: "a charge (that) New Delhi rejected", "a claim
    Lome called baseless" (the parser makes the second an acl)."""
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and any(c.dep_ == "nsubj" for c in verb.children)):
        return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
    return None


def subjects(verb) -> list:
    """The tokens naming who acts: the verb's own subject, a passive's agent, or the subject it
    shares with the verb it hangs on (xcomp, conj, relative clause)."""
    if is_passive(verb):
        for prep in children(verb, "agent"):
            for pobj in children(prep, "pobj"):
                return expand_conj(pobj)
        # "was suspended from the bloc by Argentina", "killed in an attack by rebels": the parser hangs
        # the agent's "by" on the nearer noun.
        for prep in children(verb, "prep"):
            for pobj in children(prep, "pobj"):
                for by in children(pobj, "prep"):
                    if by.lower_ == "by":
                        for agent in children(by, "pobj"):
                            return expand_conj(agent)
        if verb.dep_ == "acl":
            return []
    own = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if own and not (verb.dep_ == "relcl" and own[0].lower_ in RELATIVE_PRONOUNS):
        return expand_conj(through_count(own[0]))
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "France, Germany and Spain, which jointly criticised ...": the relative pronoun stands for the list
        return expand_conj(verb.head)
    noun = _intent_noun(verb)
    if noun is not None:
        # "Qatar's offer to mediate": the owner acts; "China expressed readiness to mediate": the one
        # who expressed it.
        owner = [c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if owner:
            return expand_conj(owner[0])
        if noun.dep_ == "dobj" and is_verb_in(noun.head, OWNING_VERBS):
            return subjects(noun.head)
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and lemma(verb.head) in DOCUMENT_NOUNS:
        # "adopted a resolution condemning Azerbaijan", "sent a letter urging Kyiv": the text speaks for
        # whoever owns it, or adopted, issued or sent it
        doc = verb.head
        owner = [c for c in doc.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        if owner:
            return expand_conj(owner[0])
        if doc.dep_ == "dobj" and is_verb_in(doc.head, OWNING_VERBS | ISSUING_VERBS):
            return subjects(doc.head)
        return []
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subjects(verb.head.head)  # "... after cutting ties with Taiwan": the main clause's subject
    if hung_on_the_asked(verb):
        return subjects(verb.head.head)
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head != verb:
        head = verb.head
        if verb.dep_ == "xcomp" and is_verb_in(head, APPEAL_VERBS | DEMAND_VERBS):
            # "urged Russia to withdraw", "called on Maduro to step down": the one asked acts.
            objs = children(head, "dobj") or [p for prep in children(head, "prep") if prep.lower_ in ("on", "upon")
                                              for p in children(prep, "pobj")]
            if objs:
                return expand_conj(objs[0])
        if head.pos_ in ("VERB", "AUX"):
            return subjects(head)
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") and head.head.pos_ in ("VERB", "AUX"):
            return subjects(head.head)  # "Syria is willing to withdraw": the subject of "is"
    return []


def judges_of_an_unowned_offer(verb) -> set[int]:
    """"Egypt welcomed the offer to mediate": the tokens of whoever took a stance on an offer (an intention
    or deed noun) that names no owner; they did not make it. Empty where the verb governing the noun owns
    it ("announced an offer to mediate") or the noun has an owner."""
    noun = _intent_noun(verb)
    if noun is None or any(c.dep_ == "poss" for c in noun.children) or noun.dep_ != "dobj" or is_verb_in(
            noun.head, OWNING_VERBS):
        return set()
    return {t.i for s in subjects(noun.head) for t in s.subtree}


OBLIGATION_MODALS = {"must", "should", "ought"}


def reported_obligation(verb):
    """"Russia said that Sudan must return the helicopter": the reporting verb, when what it reports is
    an obligation laid on someone else; CAMEO codes that as a demand."""
    if verb.dep_ not in ("ccomp", "parataxis") or not is_verb_in(verb.head, REPORTING_VERBS):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in verb.children):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return verb.head


def passive_subjects(verb) -> list:
    if not is_passive(verb):
        return []
    own = children(verb, "nsubjpass")
    if own:
        return expand_conj(own[0])
    if verb.dep_ == "acl":
        return [verb.head]
    return []


def clause_of(tok) -> Clause:
    """Walk up from an event word to the sentence root, collecting what governs it."""
    cl = Clause()
    verb = tok
    # A noun event takes the clause of the verb it hangs on ("pursue a resolution").
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb and verb.dep_ in (
            "dobj", "conj", "pobj", "prep", "attr", "nsubjpass", "oprd", "appos"):
        verb = verb.head
    own = verb
    aux = {c.lower_ for c in own.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "neg" for c in own.children) and own == tok or (
            own != tok and any(c.dep_ == "neg" for c in own.children) and tok.dep_ == "dobj"):
        cl.negated = True
    if tok.pos_ in ("VERB",) and any(c.dep_ == "neg" for c in tok.children):
        cl.negated = True
    if (own.dep_ == "conj" and any(c.dep_ == "neg" for c in own.head.children)
            and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in own.head.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in own.children)):
        cl.negated = True  # "did not board or detain the tanker": the "not" covers both
    if own.lemma_.lower() not in SEEING_VERBS and (any(
            c.dep_ in ("dobj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
            for c in own.children) or any(d.dep_ == "det" and d.lower_ == "no" for d in tok.children)):
        cl.negated = True  # "sent no delegation", "no agreement was reached": nothing was done
    if any(c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ == "det" and d.lower_ in ("neither", "no")
                                                    for d in c.children) for c in own.children):
        cl.negated = True  # "neither government has recalled its ambassador": no one did
    if own.dep_ == "xcomp" and own.head.lemma_ in ("have", "be") and any(
            c.dep_ == "advmod" and c.lower_ == "yet" for c in own.head.children):
        cl.negated = True  # "has yet to speak with", "is yet to respond": not done
    if any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in own.children):
        cl.in_condition = True  # "will withdraw unless ...": the act is the content of a threat
    if aux & MODAL_INTENT:
        cl.modality = "intended"
    elif aux & MODAL_HYPOTHETICAL:
        cl.modality = "hypothetical"
        cl.speculative = bool(aux & MODAL_SPECULATIVE)
    cur = own
    steps = 0
    topic = False  # the act hangs on a preposition above it: it is what is talked about, not refused
    while cur.head != cur and steps < 12:
        steps += 1
        dep = cur.dep_
        head = cur.head
        hf = forms(head)
        haux = {c.lower_ for c in head.children if c.dep_ == "aux"}
        topic = topic or dep == "pobj"
        if dep in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lower_ in REPORT_NOUNS and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in cur.children):
            # "investigating reports that soldiers had burned homes", "Sudan's claim that Ethiopian troops had
            # crossed": what a report or claim says is alleged (the corpus codes it in 3 of 129 records)
            cl.alleged = True
        if dep == "advcl" and {m.lower_ for m in cur.children if m.dep_ == "mark"} & SCENE_MARKS and any(
                c.dep_ == "nsubj" for c in cur.children) and (cur.tag_ == "VBD" or any(
                c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in cur.children)):
            # "demanded that the junta set a date, after police had arrested two activists": what others did
            # before is told as a fact, not as part of what is demanded, refused or intended
            break
        if hung_on_the_asked(cur):
            break  # the participle tells what the askers did, not what they ask
        if dep == "relcl" or (dep == "acl" and cur.tag_ == "VBN"):
            # "release a blogger who has been on hunger strike", "free the officers detained in May": a
            # clause that describes someone tells a fact of its own, not part of what is asked or refused
            break
        if dep == "pcomp" and head.lower_ == "of" and forms(head.head) & ALLEGING_WORDS:
            cl.alleged = True
        if dep == "advcl" and is_condition(cur):
            cl.in_condition = True
        if dep == "advcl" and {m.lower_ for m in cur.children if m.dep_ in ("mark", "advmod")} & {"until", "before"} \
                and (any(c.dep_ == "neg" for c in head.children) or haux & (MODAL_INTENT | {"would"})):
            # "will not free them until Dakar apologises": what is waited for has not happened
            cl.in_condition = True
        if dep in ("ccomp", "advcl", "xcomp") and any(m.dep_ == "mark" and m.lower_ == "whether" for m in cur.children):
            cl.in_condition = True  # "it was not clear whether the delegation would meet ...": an open question
        if dep == "xcomp" and haux & {"may", "might", "could"} and any(
                c.dep_ == "advcl" and is_condition(c) for c in head.children):
            # "if the rains fail, Nepal may have to import rice": what may follow a condition is weighed
            cl.in_condition = True
        if dep in ("ccomp", "xcomp") and hf & CONSIDER_VERBS:
            cl.in_condition = True  # "will consider resuming dialogue": weighed, not done or promised
        if dep in ("ccomp", "xcomp") and hf & EXPECT_VERBS and (
                is_passive(head) or children(cur, "nsubj", "nsubjpass") or children(head, "dobj")):
            # "talks are expected to resume", "analysts expect Venezuela to respond by sending troops":
            # what others expect of an actor is a forecast, not its act (the corpus codes 1 in 78); an
            # actor's own "expects to sign" stays an intention
            cl.in_condition = True
        if (dep == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
                and not any(c.dep_ == "dobj" for c in head.children)
                and hf & (INTENT_VERBS | THREAT_VERBS | REFUSAL_VERBS) and head.pos_ == "VERB"):
            # "offered on Tuesday to mediate", "refused on Friday to free them": a date or place between the
            # verb and its "to" clause makes the parser hang the clause as a purpose; it is the complement
            dep = "xcomp"
        if (dep in ("xcomp", "ccomp", "dobj") or dep == "acl" and head.pos_ == "NOUN") and cl.governor is None:
            if (hf & INTENT_VERBS and dep != "acl") or (head.pos_ == "ADJ" and hf & ADJ_INTENT) or (
                    dep == "acl" and hf & INTENT_NOUNS):
                cl.governor, cl.governor_kind = head, "intent"
            elif hf & THREAT_VERBS and dep == "xcomp":
                cl.governor, cl.governor_kind = head, "threat"
            elif hf & REFUSAL_VERBS and dep == "xcomp" and not topic:
                cl.governor, cl.governor_kind = head, "refusal"
            elif hf & APPEAL_VERBS and dep in ("xcomp", "ccomp"):
                cl.governor, cl.governor_kind = head, "appeal"
            elif hf & DEMAND_VERBS and dep in ("xcomp", "ccomp"):
                cl.governor, cl.governor_kind = head, "demand"
            if cl.governor is not None:
                if any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in head.children):
                    cl.negated = True  # "did not agree to", "has no plans to close the embassy"
                if cl.governor_kind == "intent" and cl.modality == "asserted":
                    cl.modality = "intended"
                if haux & MODAL_HYPOTHETICAL and cl.modality in ("asserted", "intended"):
                    cl.modality = "hypothetical"
                    cl.speculative = bool(haux & MODAL_SPECULATIVE)
        if dep in ("ccomp", "parataxis") and hf & REPORTING_VERBS:
            if cl.reporter is None:
                cl.reporter = head
            else:
                cl.outer_reporters += (head,)
            cur = head
            continue
        if cl.reporter is not None:
            break
        if dep in ("ccomp", "parataxis", "advcl") and cl.governor is not None:
            break
        if dep not in ("xcomp", "conj", "ccomp", "advcl", "dobj", "pobj", "prep", "acomp", "relcl", "acl") and not (
                dep == "pcomp" and head.lower_ == "by"):  # "respond by sending troops": the means of the act above
            break
        cur = head
    owners = [c for c in tok.children if c.dep_ == "poss"] if tok.pos_ == "NOUN" and own is not tok else []
    if owners:
        # "refused to condemn Russia's invasion", "urged an end to Israel's blockade": an owned act is
        # its owner's, told as a fact; the refusal, appeal or negation above is about the verb it hangs on.
        # Owned by a pronoun, it is the subject's own: "did not hold their annual talks" were not held.
        cl.governor = cl.governor_kind = None
        cl.negated = cl.negated and all(c.pos_ == "PRON" for c in owners)
        cl.modality = "asserted"
    if (cl.modality == "hypothetical" and cl.reporter is not None and "would" in aux
            and not aux & (MODAL_HYPOTHETICAL - {"would"})):
        cl.modality = "intended"  # "X said it would lift the curfew": reported "will"
    if cl.modality in ("hypothetical", "intended") and has_condition(own):
        cl.modality = "conditional"
    return cl


def condition_subjects(tok) -> list:
    """The subjects of the "if"/"unless" clauses under a word: who would set off what it threatens."""
    return [x for c in tok.subtree if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for x in (s, *s.conjuncts)]


def has_condition(verb) -> bool:
    """"could sign ... after reviewing", "will consider ... only after": a condition on the act."""
    for c in verb.subtree:
        if c.dep_ == "advcl" or (c.dep_ == "prep" and c.lower_ in ("after", "upon")):
            marks = {m.lower_ for m in c.children if m.dep_ in ("mark", "advmod")}
            if c.dep_ == "prep" or marks & CONDITION_MARKS:
                return True
    return False


def is_condition(clause) -> bool:
    """An adverbial clause that states a condition ("if ...", "unless ...", "only after ...")."""
    marks = {m.lower_ for m in clause.children if m.dep_ in ("mark", "advmod")}
    return bool(marks & {"if", "unless", "provided", "providing"}) or ("only" in marks and bool(marks & CONDITION_MARKS))


def condition_clauses(verb):
    """"only after Tokyo takes steps", "unless Japan changes course": clauses that state a condition
    another actor must meet."""
    for c in verb.children:
        if c.dep_ != "advcl":
            continue
        marks = {m.lower_ for m in c.children if m.dep_ in ("mark", "advmod")}
        if "unless" in marks or "provided" in marks or ("only" in marks and marks & CONDITION_MARKS):
            yield c


def reporter_subject(reporter):
    subs = [c for c in reporter.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subs and subs[0].lower_ == "it" and is_passive(reporter):
        return None  # "it was reported that": no speaker
    return subs[0] if subs else None
