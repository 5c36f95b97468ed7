"""TABARI/PETRARCH verb-pattern dictionaries and discard lists, on small files written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventlens.coding.petrarch_verbs import load_discards, load_verb_dictionary, parse_pattern
from eventlens.errors import DictionaryError

DATA = Path(__file__).parent / "data" / "petrarch"
VERBS = DATA / "sample.verbs.txt"


def line_of(path: Path, text: str) -> int:
    """Line number of the first line of `path` containing `text`, so tests follow the files."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


@pytest.fixture(scope="module")
def verbs():
    return load_verb_dictionary(VERBS)


# ---------------------------------------------------------------- loading, no parser needed


def test_sample_file_loads_without_errors(verbs):
    vd, errors = verbs
    assert errors == []
    assert vd.pattern_count == sum(1 for line in VERBS.read_text().splitlines() if line.startswith("- "))


def test_regular_and_irregular_forms_index_the_same_block(verbs):
    vd, _ = verbs
    for form in ("impose", "imposes", "imposed", "imposing", "slaps"):
        assert [f.block.name for f in vd.lookup(form)] == ["IMPOSE"]
    assert [f.block.name for f in vd.lookup("met")] == ["MEET"]
    assert vd.lookup("meeted") == []  # irregular forms replace the regular ones
    assert [f.block.name for f in vd.lookup("sent")] == ["SEND"]


def test_block_default_and_verb_code(verbs):
    vd, _ = verbs
    (accuse,) = vd.lookup("accuse")
    (condemn,) = vd.lookup("condemn")
    assert accuse.block.code == "112" and accuse.code is None
    assert condemn.code == "111" and condemn.block is accuse.block
    assert vd.lookup("impose")[0].block.code == "---"


def test_multi_word_verbs(verbs):
    vd, _ = verbs
    (call,) = vd.lookup("called")
    assert (call.word, call.before, call.after) == ("called", (), ("off",))
    tapped = vd.lookup("tapped")[0]
    assert (tapped.before, tapped.after, tapped.code) == (("wire",), (), "173")


def test_tabari_style_block_without_header(verbs):
    vd, _ = verbs
    (protest,) = vd.lookup("protested")
    assert protest.block.name == "PROTEST" and protest.block.code == "141"
    assert vd.lookup("demonstrates")[0].block is protest.block
    assert [p.code for p in protest.block.patterns] == ["1411"]


def test_synonym_sets_and_plurals(verbs):
    vd, _ = verbs
    penalty = vd.synsets["&PENALTY"]
    assert ("sanctions",) in penalty and ("trade", "bans") in penalty
    assert ("diplomatss",) not in vd.synsets["&ENVOY"]  # label ends in _: no plurals
    assert ("ambassadors",) not in vd.synsets["&ENVOY"]
    assert ("peace", "talks") in vd.synsets["&TALKS"] and ("talkss",) not in vd.synsets["&TALKS"]
    assert ("cease", "-", "fire") in vd.synsets["&TRUCE"] and ("cease-fire",) in vd.synsets["&TRUCE"]


def test_longest_most_specific_pattern_comes_first(verbs):
    vd, _ = verbs
    block = vd.lookup("impose")[0].block
    assert [p.code for p in block.patterns] == ["1621", "163", "---"]


def test_parse_pattern_sides_and_glue():
    pat = parse_pattern("+ WAS_* BY $ [193]", "x:1")
    assert [e.kind for e in pat.before] == ["word", "+"]  # nearest the verb first
    assert pat.before[0].glue and not pat.before[1].glue
    assert [e.kind for e in pat.after] == ["word", "$"] and not pat.after[0].glue
    paired = parse_pattern("* TIES WITH + [050:050]", "x:2")
    assert (paired.code, paired.paired) == ("050", "050")
    assert parse_pattern("SANCTIONS ON + [163]", "x:3").before == ()  # no *: the verb comes first


def test_broken_file_names_each_bad_line_and_loads_the_rest():
    path = DATA / "broken.verbs.txt"
    vd, errors = load_verb_dictionary(path)
    bad = [n for n, line in enumerate(path.read_text().splitlines(), start=1) if "# BAD" in line]
    assert sorted(int(e.where.split(":")[1]) for e in errors) == bad + [line_of(path, "<!-- never closed")]
    assert all(isinstance(e, DictionaryError) and e.where.startswith("broken.verbs.txt:") for e in errors)
    messages = " | ".join(e.message for e in errors)
    for text in ("before any verb block", "defined twice", "words only", "unbalanced { }",
                 "more than one *", "unknown CAMEO code '9999'", "no [CODE]", "disjunctive",
                 "&NOWHERE is not defined", "nothing but the verb", "never closed"):
        assert text in messages
    # what was good still loaded: the first &GOOD, PRAISE and its good pattern, HAIL after the bad header
    assert vd.synsets["&GOOD"] == (("ally",), ("allies",))
    assert [p.text for p in vd.lookup("praise")[0].block.patterns] == ["- * &GOOD [051]"]
    assert [p.text for p in vd.lookup("hail")[0].block.patterns] == ["- * COURAGE [051]"]
    assert vd.lookup("friend") == []  # the + lines of the duplicate set are not read as verbs


def test_unreadable_file_raises(tmp_path):
    with pytest.raises(DictionaryError) as caught:
        load_verb_dictionary(tmp_path / "missing.verbs.txt")
    assert "missing.verbs.txt" in caught.value.where


# ---------------------------------------------------------------- discards


def test_discards_sentence_story_stem_and_whole_word():
    discards, errors = load_discards(DATA / "sample.discards.txt")
    assert errors == []
    assert discards.matches("Brazil lost the world  cup final on Sunday.") == "WORLD CUP"
    assert discards.matches("Kenya won three Olympics medals.") == "OLYMPIC"  # a stem
    assert discards.matches("The chess champion resigned.") == "CHESS_"
    assert discards.matches("A chessboard was sold.") is None  # CHESS_ is a whole word
    assert discards.matches("Japan imposed sanctions on Russia.") is None
    assert discards.matches("Today's horoscope says.") == "HOROSCOPE"
    assert discards.story_matches("Today's horoscope says.") == "HOROSCOPE"
    assert discards.story_matches("Brazil lost the World Cup final.") is None  # sentence-level only


def test_broken_discards():
    discards, errors = load_discards(DATA / "broken.discards.txt")
    assert [e.where for e in errors] == ["broken.discards.txt:2", "broken.discards.txt:3"]
    assert [p for p, _, _ in discards.phrases] == ["TENNIS", "RUGBY"]


# ---------------------------------------------------------------- matching, with the real parser


@pytest.fixture(scope="module")
def nlp():
    from eventlens.nlp import load_pipeline

    return load_pipeline()


def run(nlp, vd, text):
    doc = nlp(text)
    return vd.match(next(iter(doc.sents)))


def summary(match):
    return [(c.code, [t.text for t in c.sources], [t.text for t in c.targets]) for c in match.candidates]


CASES = [
    # sentence, expected (code, sources, targets), the pattern line that must be the rule
    ("Japan imposed sanctions on Russia.", [("163", ["Japan"], ["Russia"])], "- * &PENALTY ON + [163]"),
    ("Japan imposed new sanctions on Russia.", [("1621", ["Japan"], ["Russia"])], "NEW_&PENALTY"),
    ("Japan met with China.", [("040", ["Japan"], ["China"])], "- * WITH + [040]"),
    ("Japan and China met in Geneva.", [("044", ["Japan", "China"], [])], "- % * IN [044]"),
    ("Turkey called off the talks with Greece.", [("164", ["Turkey"], ["Greece"])], "&TALKS WITH +"),
    ("The convoy was attacked by rebels near the border.", [("193", ["rebels"], ["convoy"])], "WAS_* BY $"),
    ("Rebels attacked the town with rockets.", [("194", ["Rebels"], ["town"])], "- $ * + WITH ^ [194]"),
    ("Germany sent troops to Lithuania.", [("150", ["Germany"], ["Lithuania"])], "TROOPS TO +"),
    ("Germany sent weapons to Ukraine.", [("070", ["Germany"], ["Ukraine"])], "- * ^ TO + [070]"),
    ("Iran agreed to release the prisoners.", [("0841", ["Iran"], ["prisoners"])], "AGREED TO * &PRISONER"),
    ("Farmers protested against the government.", [("1411", ["Farmers"], ["government"])], "AGAINST +"),
    ("Both sides violated the cease-fire on Monday.", [("196", ["sides"], ["fire"])], "- * &TRUCE [196]"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected,rule", CASES, ids=[c[0] for c in CASES])
def test_patterns_code_sentences(nlp, verbs, text, expected, rule):
    vd, _ = verbs
    match = run(nlp, vd, text)
    assert summary(match) == expected
    (cand,) = match.candidates
    pattern_line = cand.rule.split(": ", 1)[1]
    assert rule in pattern_line
    assert cand.rule.startswith(f"sample.verbs.txt:{line_of(VERBS, pattern_line)}: ")
    assert not cand.clause.negated


@pytest.mark.slow
def test_glue_requires_adjacent_words(nlp, verbs):
    vd, _ = verbs
    match = run(nlp, vd, "The convoy was reportedly attacked by rebels.")
    (cand,) = match.candidates
    assert "WAS_*" not in cand.rule and cand.code == "190"  # the block default, not the glued pattern
    assert cand.rule.startswith(f"sample.verbs.txt:{line_of(VERBS, '--- ATTACK [190] ---')}: ")


@pytest.mark.slow
def test_default_codes_and_null_codes(nlp, verbs):
    vd, _ = verbs
    assert summary(run(nlp, vd, "France condemned Iran.")) == [("111", ["France"], ["Iran"])]
    assert summary(run(nlp, vd, "France accused Iran of lying.")) == [("112", ["France"], ["Iran"])]
    quiet = run(nlp, vd, "Japan imposed a curfew.")  # block default [---], no pattern: nothing
    assert quiet.candidates == [] and quiet.blocked == set()


@pytest.mark.slow
def test_null_pattern_blocks_the_verb(nlp, verbs):
    vd, _ = verbs
    doc = nlp("Japan imposed a tax on imports. Rebels attacked the truce.")
    for sent, verb in zip(doc.sents, ("imposed", "attacked")):
        match = vd.match(sent)
        assert match.candidates == []
        assert [doc[i].text for i in match.blocked] == [verb]


@pytest.mark.slow
def test_paired_code_gives_both_directions(nlp, verbs):
    vd, _ = verbs
    match = run(nlp, vd, "Egypt restored ties with Qatar.")
    assert summary(match) == [("050", ["Egypt"], ["Qatar"]), ("050", ["Qatar"], ["Egypt"])]


@pytest.mark.slow
def test_separated_particle_and_negation(nlp, verbs):
    vd, _ = verbs
    assert summary(run(nlp, vd, "Turkey called the talks off.")) == [("164", ["Turkey"], ["talks"])]
    negated = run(nlp, vd, "Russia did not impose sanctions on Japan.")
    assert [c.code for c in negated.candidates] == ["163"] and negated.candidates[0].clause.negated


@pytest.mark.slow
def test_reporting_verb_default_is_looked_through(nlp, tmp_path):
    path = tmp_path / "say.verbs.txt"
    path.write_text("--- SAY [010] ---\nSAY {SAYS SAID SAYING}\n- * + WAS_BEHIND [112]\n\n"
                    "--- ACCUSE [112] ---\nACCUSE\n", encoding="utf-8")
    vd, errors = load_verb_dictionary(path)
    assert errors == []
    match = run(nlp, vd, "Japan said that China accused Korea.")
    assert summary(match) == [("112", ["China"], ["Korea"])]
    assert match.candidates[0].clause.reporter is not None and match.candidates[0].clause.reporter.text == "said"
    assert [c.code for c in run(nlp, vd, "Japan said Russia was behind the attack.").candidates] == ["112"]


@pytest.mark.slow
def test_covers_marks_builtin_candidates_on_decided_verbs(nlp, verbs):
    from eventlens.coding.lexicon import load_lexicon
    from eventlens.coding.rules import verb_candidates

    vd, _ = verbs
    doc = nlp("Japan imposed a tax on imports and condemned Iran.")
    sent = next(iter(doc.sents))
    match = vd.match(sent)
    builtin = verb_candidates(load_lexicon(), sent)
    assert builtin, "the built-in lexicon should code something here"
    kept = [c for c in builtin if not match.covers(c)]
    assert all(c.action[0].text not in ("imposed", "condemned") for c in kept)


# ---------------------------------------------------------------- PETRARCH-2 groups and code forms

GROUPS = DATA / "groups.verbs.txt"


@pytest.fixture(scope="module")
def groups():
    return load_verb_dictionary(GROUPS)


def test_groups_file_loads_with_one_warning(groups):
    vd, errors = groups
    assert errors == []
    (warning,) = vd.warnings
    assert warning.where == f"groups.verbs.txt:{line_of(GROUPS, '[0110]')}"
    assert "'0110' is not in the CAMEO ontology; coded as its parent 011" in warning.message
    assert vd.pattern_count == sum(1 for line in GROUPS.read_text().splitlines() if line.startswith("- "))


def test_group_elements_are_parsed():
    pat = parse_pattern("* + (WITH {WAR CRIMES}) [1124]", "x:1")
    assert [e.kind for e in pat.after] == ["+", "prep"]
    prep = pat.after[1]
    assert prep.forms == (("with",),) and [e.kind for e in prep.inner] == ["np"]
    assert [e.forms for e in prep.inner[0].inner] == [(("war",),), (("crimes",),)]
    assert pat.rank == (3, 1)  # with, war, crimes; one slot
    alt = parse_pattern("* (OVER/ACROSS FRONTIER) [011]", "x:2")
    assert alt.after[0].forms == (("over",), ("across",))
    back = parse_pattern("* (BEFORE JUDGE) [:173]", "x:3")
    assert (back.code, back.paired) == ("", "173")
    notes = []
    assert parse_pattern("* RIOT [1456]", "x:4", notes).code == "145" and "parent 145" in notes[0]


def test_header_and_verb_code_forms(groups):
    vd, _ = groups
    (consult,) = vd.lookup("consults")
    assert (consult.block.code, consult.block.paired) == ("040", "040")
    (snub,) = vd.lookup("snubbed")
    assert snub.block.code == "120"  # "[120]---" read as [120]
    assert [f.word for f in vd.lookup("struck")] == ["struck"] and vd.lookup("strikes") == []  # {}: no forms made
    assert vd.lookup("shooting")[0].after == ("down",)  # commas between irregular forms


def test_broken_group_lines_are_named(tmp_path):
    path = DATA / "broken_groups.verbs.txt"
    vd, errors = load_verb_dictionary(path)
    bad = [n for n, line in enumerate(path.read_text().splitlines(), start=1) if "# BAD" in line]
    assert sorted(int(e.where.split(":")[1]) for e in errors) == bad
    messages = " | ".join(e.message for e in errors)
    for text in ("not closed", "inside another group", "actor mark $ inside", "empty { } group",
                 "must start with a word", "unbalanced ')'", "unknown CAMEO code '903'",
                 "nothing after the ':'", "transformation rules (~) are not supported"):
        assert text in messages
    assert [p.text for p in vd.lookup("ship")[0].block.patterns] == ["- * (TO +) [070]"]


GROUP_CASES = [
    ("Russia shipped rifles to the separatists.", [("072", ["Russia"], ["separatists"])], "&ARMS (TO +)"),
    ("Russia shipped grain to Egypt.", [("070", ["Russia"], ["Egypt"])], "- * (TO +) [070]"),
    ("The smugglers shipped the goods across the frontier.", [("011", ["smugglers"], ["goods"])],
     "(OVER/ACROSS FRONTIER)"),
    ("Prosecutors charged the general with war crimes.", [("1124", ["Prosecutors"], ["general"])],
     "(WITH {WAR CRIMES})"),
    ("Prosecutors charged the general with fraud.", [("112", ["Prosecutors"], ["general"])], "(WITH ^)"),
    ("Iran faced fresh sanctions from Japan.", [("163", ["Japan"], ["Iran"])], "[:163]"),
    ("Border guards launched an attack.", [("190", ["guards"], ["attack"])], "{BORDER GUARDS} *"),
    ("Israel launched raids on Gaza.", [("190", ["Israel"], ["Gaza"])], "RAIDS (ON +)"),
    ("The senators struck down the bill in a vote.", [("1041", ["senators"], ["bill"])], "(IN VOTE)"),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,expected,rule", GROUP_CASES, ids=[c[0] for c in GROUP_CASES])
def test_group_patterns_code_sentences(nlp, groups, text, expected, rule):
    vd, _ = groups
    match = run(nlp, vd, text)
    assert summary(match) == expected
    (cand,) = match.candidates
    assert rule in cand.rule


@pytest.mark.slow
def test_groups_need_their_words_in_the_right_phrase(nlp, groups):
    vd, _ = groups
    # the words of {WAR CRIMES} are there, but not in one noun phrase: the plainer (WITH ^) pattern codes it
    split = run(nlp, vd, "Prosecutors charged the general with crimes of war.")
    assert [c.code for c in split.candidates] == ["112"]
    # "to" outside the verb's own phrase is not its prepositional group: only the block default, [---]
    assert run(nlp, vd, "Russia shipped grain, and Egypt went to the summit.").candidates == []


@pytest.mark.slow
def test_paired_default_on_header(nlp, groups):
    vd, _ = groups
    assert summary(run(nlp, vd, "Japan consulted China.")) == [("040", ["Japan"], ["China"]),
                                                             ("040", ["China"], ["Japan"])]
