"""The built-in event lexicon (verbs.tsv, nouns.tsv) and its loader.

Data checks: every line parses, every code is a CAMEO code, coverage of the roots, no ambiguous
entries, and every example sentence shows its word. Loader checks: parsing of the object and target
columns, specificity order, errors with their file and line, and extra user files.
"""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from eventlens import ontology
from eventlens.coding.lexicon import (
    BUILTIN_FILES,
    DEFAULT_NOUN_TARGETS,
    DEFAULT_VERB_TARGETS,
    load_lexicon,
    read_lexicon_file,
    read_lexicon_text,
)
from eventlens.errors import DictionaryError

ROOTS = [f"{n:02d}" for n in range(1, 21)]

# Past forms that do not start with the first three letters of the lemma, for the example check.
IRREGULAR_FORMS = {
    "blow": ("blew",), "break": ("broke",), "bring": ("brought",), "buy": ("bought",),
    "drive": ("drove",), "feed": ("fed",), "fight": ("fought",), "fly": ("flew",),
    "freeze": ("froze",), "give": ("gave",), "hold": ("held",), "keep": ("kept",),
    "lay": ("laid",), "meet": ("met",), "rise": ("rose",), "seek": ("sought",), "sell": ("sold",),
    "sink": ("sank",), "speak": ("spoke",), "spy": ("spied",), "stand": ("stood",),
    "take": ("took",), "tear": ("tore",),
}


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_builtin_files_exist_and_every_line_parses():
    for path in BUILTIN_FILES:
        assert path.is_file(), path
        entries, errors = read_lexicon_file(path)
        assert errors == [], [e.one_line() for e in errors]
        assert entries, path


def test_counts(lexicon):
    kinds = defaultdict(int)
    for entry in lexicon.entries:
        kinds[entry.kind] += 1
    assert kinds["verb"] >= 600
    assert kinds["noun"] >= 200


def test_every_code_is_a_cameo_code(lexicon):
    unknown = [(e.origin, e.code) for e in lexicon.entries if not ontology.is_code(e.code)]
    assert unknown == []


def test_all_twenty_roots_are_covered(lexicon):
    roots = {ontology.lookup(code).root_code for code in lexicon.codes()}
    assert roots == set(ROOTS)


def test_at_least_200_distinct_codes(lexicon):
    assert len(lexicon.codes()) >= 200


def test_entries_use_specific_codes_not_bare_roots(lexicon):
    # a two-digit root is a category heading in CAMEO, not an event code a coder should emit
    assert [e.origin for e in lexicon.entries if len(e.code) == 2] == []


def test_no_identical_entries_with_different_codes(lexicon):
    codes_by_key = defaultdict(set)
    for entry in lexicon.entries:
        codes_by_key[entry.key].add(entry.code)
    ambiguous = {key: codes for key, codes in codes_by_key.items() if len(codes) > 1}
    assert ambiguous == {}


def test_no_object_lemma_names_two_codes_for_one_word(lexicon):
    # stricter than identical keys: two entries of one word and preposition must not share a lemma
    seen: dict[tuple, tuple[str, str]] = {}
    clashes = []
    for entry in lexicon.entries:
        for lemma in entry.object_lemmas:
            key = (entry.kind, entry.form, entry.object_prep, lemma)
            if key in seen and seen[key][0] != entry.code:
                clashes.append((lemma, seen[key][1], entry.origin))
            seen.setdefault(key, (entry.code, entry.origin))
    assert clashes == []


def test_exact_duplicates_are_absent(lexicon):
    seen = set()
    duplicates = []
    for entry in lexicon.entries:
        key = (entry.key, entry.code)
        if key in seen:
            duplicates.append(entry.origin)
        seen.add(key)
    assert duplicates == []


def test_every_example_shows_its_word(lexicon):
    missing = []
    for entry in lexicon.entries:
        text = entry.example.lower()
        forms = (entry.word[:3],) + IRREGULAR_FORMS.get(entry.word, ())
        if not any(form in text for form in forms):
            missing.append((entry.origin, entry.word, entry.example))
        if entry.particle and entry.particle not in re.findall(r"[a-z]+", text):
            missing.append((entry.origin, entry.particle, entry.example))
        for modifier in entry.modifiers:
            if modifier[:3] not in text:
                missing.append((entry.origin, modifier, entry.example))
    assert missing == []


def test_examples_are_sentences(lexicon):
    odd = [e.origin for e in lexicon.entries
           if not (e.example[0].isupper() and e.example.endswith("."))]
    assert odd == []


def test_object_lemmas_are_in_examples_when_required(lexicon):
    # an object-constrained entry's example must contain one of its object words
    missing = []
    for entry in lexicon.entries:
        if entry.object_lemmas:
            text = entry.example.lower()
            if not any(lemma[:4] in text for lemma in entry.object_lemmas):
                missing.append((entry.origin, sorted(entry.object_lemmas)[:3], entry.example))
    assert missing == []


def test_plain_reporting_verbs_are_not_events(lexicon):
    for verb in ("say", "state", "tell", "note", "add", "emphasize"):
        assert verb not in lexicon.verbs


def test_known_readings(lexicon):
    def codes_of(word, lemma=None, prep=None, particle=None):
        return {e.code for e in lexicon.verbs[word]
                if e.particle == particle and e.object_prep == prep
                and (lemma is None and not e.object_lemmas or lemma in e.object_lemmas)}

    assert codes_of("impose", "sanction") == {"163"}
    assert codes_of("lift", "sanction") == {"085"}
    assert codes_of("halt", "consultation") == {"164"}
    assert codes_of("sign", "treaty") == {"057"}
    assert codes_of("recall", "ambassador") == {"161"}
    assert codes_of("call", "ceasefire", prep="for") == {"0256"}
    assert codes_of("call", "talk", particle="off") == {"164"}
    assert codes_of("accuse", "aggression", prep="of") == {"1123"}
    assert codes_of("shell") == {"194"}


def test_verbs_are_sorted_most_specific_first(lexicon):
    for word, entries in lexicon.verbs.items():
        ranks = [e.specificity for e in entries]
        assert ranks == sorted(ranks, reverse=True), word


# ---- loader behaviour on small hand-written files ----

HEADER = "code\tverb\tobject\ttarget\tplover\tmode\texample"


def _verbs(*rows: str) -> str:
    return "\n".join(["# a comment", HEADER, *rows]) + "\n"


def test_parses_object_prep_particle_and_targets():
    text = _verbs(
        "0256\tcall\tfor:ceasefire|truce\t\t\t\tEgypt called for a ceasefire.",
        "164\tcall_off\ttalk\tprep:with\t\t\tChina called off talks with Japan.",
        "114\tprotest\t*\tdobj,prep:by\t\t\tJapan protested the incursion by China.",
        "041\tcall\t\tdobj\t\t\tJapan called Russia.",
    )
    entries, errors = read_lexicon_text(text, "verbs.tsv")
    assert errors == []
    call_for, call_off, protest, call = entries
    assert (call_for.word, call_for.particle, call_for.object_prep) == ("call", None, "for")
    assert call_for.object_lemmas == frozenset({"ceasefire", "truce"})
    assert call_for.targets == DEFAULT_VERB_TARGETS
    assert (call_off.word, call_off.particle, call_off.form) == ("call", "off", "call_off")
    assert call_off.targets == (("prep", frozenset({"with"})),)
    assert protest.requires_object and not protest.object_lemmas
    assert protest.targets == (("dobj",), ("prep", frozenset({"by"})))
    assert call.origin == "verbs.tsv:6" and call.kind == "verb"
    assert call_for.specificity > call_off.specificity > call.specificity
    assert call_off.specificity > protest.specificity > call.specificity


def test_noun_compounds_are_indexed_by_head():
    text = "\n".join([
        "code\tnoun\tobject\ttarget\tplover\tmode\texample",
        "142\thunger_strike\t\t\t\t\tPrisoners began a hunger strike.",
        "0841\trelease\tprisoner|hostage\t\t\t\tIran announced the release of prisoners.",
    ])
    entries, errors = read_lexicon_text(text, "nouns.tsv")
    assert errors == []
    strike, release = entries
    assert (strike.word, strike.modifiers, strike.form, strike.kind) == ("strike", ("hunger",), "hunger_strike", "noun")
    assert strike.targets == DEFAULT_NOUN_TARGETS
    assert release.object_lemmas == frozenset({"prisoner", "hostage"}) and release.object_prep is None


@pytest.mark.parametrize("row, message", [
    ("999\tattack\t\t\t\t\tRussia attacked Ukraine.", "unknown CAMEO code"),
    ("190\tattack\t\t\t\tRussia attacked Ukraine.", "columns"),
    ("190\tAttack!\t\t\t\t\tRussia attacked Ukraine.", "bad verb"),
    ("190\tattack\t\tsomewhere\t\t\tRussia attacked Ukraine.", "unknown target spec"),
    ("190\tattack\t\tnone,dobj\t\t\tRussia attacked Ukraine.", "cannot be combined"),
    ("190\tattack\tfor:\t\t\t\tRussia attacked Ukraine.", "bad object lemma"),
    ("190\tattack\t\t\tSMASH\t\tRussia attacked Ukraine.", "unknown PLOVER"),
    ("190\tattack\t\t\t\t\t", "example sentence is missing"),
    ("190\tcall_off_on\t\t\t\t\tRussia attacked Ukraine.", "more than one particle"),
])
def test_malformed_lines_are_reported_with_file_and_line(row, message):
    text = _verbs("190\tattack\t\t\t\t\tRussia attacked Ukraine.", row)
    entries, errors = read_lexicon_text(text, "verbs.tsv")
    assert len(entries) == 1  # the good line still loads
    assert len(errors) == 1
    error = errors[0]
    assert isinstance(error, DictionaryError)
    assert error.where == "verbs.tsv:4"
    assert message in error.message


def test_bad_header_is_an_error():
    entries, errors = read_lexicon_text("code\tword\n190\tattack\n", "mine.tsv")
    assert entries == [] and errors[0].where == "mine.tsv:1"


def test_extra_files_are_merged_and_strict_mode_raises(tmp_path, lexicon):
    extra = tmp_path / "my_verbs.tsv"
    extra.write_text(_verbs("195\tdronestrike\t\tdobj\t\t\tTurkey dronestriked Syria."), encoding="utf-8")
    merged = load_lexicon([extra])
    assert len(merged.entries) == len(lexicon.entries) + 1
    assert merged.verbs["dronestrike"][0].origin == "my_verbs.tsv:3"
    assert "dronestrike" not in load_lexicon().verbs  # the cached built-in lexicon is untouched

    broken = tmp_path / "broken.tsv"
    broken.write_text(_verbs("999\tattack\t\t\t\t\tRussia attacked Ukraine."), encoding="utf-8")
    assert len(load_lexicon([broken]).errors) == 1
    with pytest.raises(DictionaryError) as caught:
        load_lexicon([broken], strict=True)
    assert caught.value.where == "broken.tsv:3"


def test_missing_extra_file_is_an_error(tmp_path):
    lexicon = load_lexicon([tmp_path / "absent.tsv"])
    assert any("cannot read" in e.message for e in lexicon.errors)
