"""The TABARI/PETRARCH dictionary reader, on small dictionaries written for these tests."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventlens.actors.petrarch import load_actor_dictionary, load_agent_dictionary, regular_plural
from eventlens.errors import DictionaryError

DATA = Path(__file__).parent / "data" / "petrarch"
D = dt.date


def line_of(path: Path, text: str) -> int:
    """Line number of the first line of `path` containing `text`, so tests follow the files."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def entries_for(entries, phrase):
    return [e for e in entries if e.phrase.casefold() == phrase.casefold()]


def codes_on(entries, phrase, day):
    return sorted(e.code for e in entries_for(entries, phrase) if e.holds_on(day))


@pytest.fixture(scope="module")
def actors():
    return load_actor_dictionary(DATA / "sample.actors.txt")


@pytest.fixture(scope="module")
def agents():
    return load_agent_dictionary(DATA / "sample.agents.txt")


# ---------------------------------------------------------------- actors


def test_sample_actor_file_loads_without_errors(actors):
    entries, errors = actors
    assert errors == []
    assert all(e.kind == "actor" for e in entries)


def test_primary_and_synonyms_share_the_code_with_spaces_in_original_case(actors):
    entries, _ = actors
    for phrase in ("JAPAN", "JAPANESE", "NIPPON", "TOKYO"):
        found = entries_for(entries, phrase)
        assert [(e.phrase, e.code, e.name, e.country, e.sector) for e in found] == [
            (phrase, "JPN", "JAPAN", "JPN", None)
        ]
    assert [e.phrase for e in entries_for(entries, "prime minister ishiba")] == ["PRIME MINISTER ISHIBA"] * 2


def test_comments_of_every_kind_are_skipped(actors):
    entries, _ = actors
    assert not [e for e in entries if e.code == "XXX"]  # inside a multi-line <!-- --> block
    assert entries_for(entries, "NIPPON")  # survives an inline <!-- --> and a ; comment
    assert not [e for e in entries if "<" in e.phrase or "#" in e.phrase or ";" in e.phrase]


def test_greater_and_less_than_dates_are_inclusive(actors):
    entries, _ = actors
    for phrase in ("SHIGERU ISHIBA", "ishiba shigeru"):
        assert codes_on(entries, phrase, D(2024, 9, 30)) == ["JPNLEG"]
        assert codes_on(entries, phrase, D(2024, 10, 1)) == ["JPNGOV"]
        assert codes_on(entries, phrase, D(2026, 1, 1)) == ["JPNGOV"]


def test_default_code_fills_the_days_around_a_dated_range(actors):
    entries, _ = actors
    assert codes_on(entries, "FUMIO KISHIDA", D(2020, 5, 1)) == ["JPNLEG"]
    assert codes_on(entries, "FUMIO KISHIDA", D(2021, 10, 4)) == ["JPNGOV"]
    assert codes_on(entries, "FUMIO KISHIDA", D(2024, 10, 1)) == ["JPNGOV"]
    assert codes_on(entries, "FUMIO KISHIDA", D(2024, 10, 2)) == ["JPNLEG"]


def test_six_digit_dates_and_a_default_given_on_its_own_line(actors):
    entries, _ = actors
    gov = [e for e in entries_for(entries, "JUNICHIRO KOIZUMI") if e.code == "JPNGOV"]
    assert [(e.start, e.end) for e in gov] == [(D(2001, 4, 26), D(2006, 9, 26))]
    assert codes_on(entries, "JUNICHIRO KOIZUMI", D(2001, 4, 25)) == ["JPNELI"]
    assert codes_on(entries, "JUNICHIRO KOIZUMI", D(2006, 9, 27)) == ["JPNELI"]


def test_several_dated_codes_leave_exactly_one_code_each_day(actors):
    entries, _ = actors
    assert codes_on(entries, "ANTONIO GUTERRES", D(1990, 1, 1)) == ["PRTELI"]
    assert codes_on(entries, "ANTONIO GUTERRES", D(2000, 1, 1)) == ["PRTGOV"]
    assert codes_on(entries, "ANTONIO GUTERRES", D(2010, 1, 1)) == ["PRTELI"]
    assert codes_on(entries, "ANTONIO GUTERRES", D(2016, 12, 31)) == ["PRTELI"]
    assert codes_on(entries, "ANTONIO GUTERRES", D(2017, 1, 1)) == ["IGOUNO"]


def test_dated_code_on_the_phrase_line_applies_only_in_its_period(actors):
    entries, _ = actors
    for phrase in ("SANAE TAKAICHI", "TAKAICHI SANAE"):
        assert codes_on(entries, phrase, D(2025, 10, 20)) == []
        assert codes_on(entries, phrase, D(2025, 10, 21)) == ["JPNGOV"]


def test_country_and_sector_come_from_the_code(actors):
    entries, _ = actors
    by_code = {e.code: (e.country, e.sector) for e in entries}
    assert by_code["JPNGOV"] == ("JPN", "GOV")
    assert by_code["PRTELI"] == ("PRT", "ELI")
    assert by_code["IGOUNO"] == (None, "IGO")
    assert by_code["EUR"] == ("EUR", None)  # a CAMEO region code


def test_null_code_gives_no_entry(actors):
    entries, errors = actors
    assert entries_for(entries, "ANONYMOUS SPOKESPERSON") == []
    assert errors == []


def test_origin_names_file_and_line_of_the_phrase(actors):
    entries, _ = actors
    path = DATA / "sample.actors.txt"
    (entry,) = entries_for(entries, "UN SECURITY COUNCIL")
    assert entry.origin == f"sample.actors.txt:{line_of(path, '+UN_SECURITY_COUNCIL_')}"
    assert entry.name == "UNITED NATIONS"


def test_bad_actor_lines_are_reported_and_the_rest_loads():
    path = DATA / "broken.actors.txt"
    entries, errors = load_actor_dictionary(path)
    where = {e.where: e.message for e in errors}

    def problem_at(text):
        return where.get(f"broken.actors.txt:{line_of(path, text)}", "")

    assert "no actor above" in problem_at("\t[JPNGOV]")
    assert "unbalanced bracket" in problem_at("BAD_BRACKET_")
    assert "empty code" in problem_at("EMPTY_CODE_")
    assert "not a real day" in problem_at("20240231")
    assert "ends before it starts" in problem_at("20250101-20240101")
    assert "has no code" in problem_at("NO_CODE_AT_ALL_")
    assert "indented" in problem_at("INDENTED_PHRASE_")
    assert "not YYYYMMDD" in problem_at("2024-10-01")
    assert "outside [ ]" in problem_at("TRAILING_TEXT_")
    assert "takes no [code]" in problem_at("+SEVEN_WITH_CODE")
    assert "never closed" in problem_at("<!-- this comment")
    assert len(errors) == 11
    assert all(e.fix for e in errors) and all(e.code == "E002" for e in errors)

    loaded = {e.phrase: e.code for e in entries}
    for phrase, code in [("GOOD ONE", "JPN"), ("GOOD TWO", "KOR"), ("GOOD THREE", "CHN"),
                         ("GOOD FOUR", "PRK"), ("GOOD FIVE", "TWN"), ("GOOD SIX", "MNG"),
                         ("GOOD SEVEN", "IND"), ("SEVENTH GOOD", "IND"), ("BAD DAY", "JPNLEG")]:
        assert loaded.get(phrase) == code
    # a bad code does not leak to the actor above, and nothing after the open comment loads
    assert [e.code for e in entries_for(entries, "BAD DAY")] == ["JPNLEG"]
    assert not {"BAD BRACKET", "BACKWARDS", "TRAILING TEXT", "SEVEN WITH CODE", "NEVER SEEN"} & set(loaded)


def test_overlapping_and_open_ranges_leave_the_default_only_in_real_gaps(tmp_path):
    path = tmp_path / "overlap.actors.txt"
    path.write_text(
        "SOMEONE_\n"
        "\t[USAGOV 20100101-20121231]\n"
        "\t[USALEG 20120101-20141231]\n"
        "\t[USAGOV >20200101]\n"
        "\t[USAELI]\n"
        "OTHER_PERSON_\n"
        "\t[GBRGOV <19991231]\n"
        "\t[GBRELI]\n",
        encoding="utf-8",
    )
    entries, errors = load_actor_dictionary(path)
    assert errors == []
    eli = sorted(((e.start, e.end) for e in entries_for(entries, "SOMEONE") if e.code == "USAELI"),
                 key=lambda span: span[0] or dt.date.min)
    assert eli == [(None, D(2009, 12, 31)), (D(2015, 1, 1), D(2019, 12, 31))]
    assert codes_on(entries, "SOMEONE", D(2012, 6, 1)) == ["USAGOV", "USALEG"]  # the file overlaps
    assert codes_on(entries, "OTHER PERSON", D(1999, 12, 31)) == ["GBRGOV"]
    assert codes_on(entries, "OTHER PERSON", D(2000, 1, 1)) == ["GBRELI"]


def test_stop_line_ends_the_file_and_latin1_bytes_load(tmp_path):
    path = tmp_path / "legacy.actors.txt"
    path.write_bytes(b"JOS\xc9_MANUEL_BARROSO_ [PRTGOV]\n---STOP---\nAFTER_STOP_ [USA]\n")
    entries, errors = load_actor_dictionary(path)
    assert errors == []
    assert [e.phrase for e in entries] == ["JOS\u00c9 MANUEL BARROSO"]


def test_utf8_with_byte_order_mark_and_windows_line_ends(tmp_path):
    path = tmp_path / "windows.actors.txt"
    path.write_bytes("\ufeffMARIA_\u00c7ELIK_\r\n\t[TURLEG >20230601]\r\n".encode("utf-8"))
    entries, errors = load_actor_dictionary(path)
    assert errors == []
    assert [(e.phrase, e.code, e.start) for e in entries] == [("MARIA \u00c7ELIK", "TURLEG", D(2023, 6, 1))]


# ---------------------------------------------------------------- agents


def test_agents_have_sector_codes_and_no_country(agents):
    entries, errors = agents
    assert errors == []
    assert all(e.kind == "agent" and e.country is None and e.sector == e.code for e in entries)
    codes = {e.phrase: e.code for e in entries}
    assert codes["PRESIDENT"] == "GOV"
    assert codes["MINISTER OF DEFENCE"] == "GOVMIL"
    assert codes["SOLDIER"] == "MIL"  # written without ~
    assert codes["HUMAN RIGHTS GROUP"] == "NGO"  # written NGO~


def test_regular_plurals_are_generated(agents):
    entries, _ = agents
    phrases = {e.phrase for e in entries}
    assert {"PRESIDENTS", "ARMIES", "WITNESSES", "SOLDIERS", "opposition leaders"} <= phrases
    assert {e.name for e in entries if e.phrase == "ARMIES"} == {"ARMY"}


def test_braces_give_irregular_plurals_or_none(agents):
    entries, _ = agents
    phrases = {e.phrase for e in entries}
    assert {"SPOKESMAN", "SPOKESMEN", "CHIEF OF STAFF", "CHIEFS OF STAFF"} <= phrases
    assert "SPOKESMANS" not in phrases and "CHIEF OF STAFFS" not in phrases
    assert [e.phrase for e in entries if e.phrase.startswith("POLICE")] == ["POLICE"]


def test_substitution_sets_expand_to_every_member(agents):
    entries, _ = agents
    phrases = {e.phrase for e in entries}
    assert {"FOREIGN MINISTER", "FOREIGN MINISTERS", "FOREIGN MINISTRY", "FOREIGN MINISTRIES"} <= phrases
    assert {"MINISTER OF DEFENCE", "MINISTRIES OF DEFENCE"} <= phrases  # !MINIST! uses !minist!
    assert {"CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN", "CONGRESSWOMEN"} <= phrases
    assert not [p for p in phrases if "!" in p]
    # substituted forms are not pluralised again
    assert not {"FOREIGN MINISTRYS", "FOREIGN MINISTRIESES", "CONGRESSMANS"} & phrases


def test_bad_agent_lines_are_reported_and_the_rest_loads():
    path = DATA / "broken.agents.txt"
    entries, errors = load_agent_dictionary(path)
    where = {e.where: e.message for e in errors}

    def problem_at(text):
        return where.get(f"broken.agents.txt:{line_of(path, text)}", "")

    assert "no [code]" in problem_at("NO_CODE_HERE")
    assert "unbalanced bracket" in problem_at("ENVIRONMENT_AGENCY")
    assert "empty code" in problem_at("EMPTY [~]")
    assert "unbalanced brace" in problem_at("GOALKEEPER")
    assert "no members" in problem_at("!NOBODY!")
    assert "not defined" in problem_at("VICE_!UNKNOWN!")
    assert "exactly one" in problem_at("TWO_CODES")
    assert len(errors) == 7
    codes = {e.phrase: e.code for e in entries}
    for phrase, code in [("DIPLOMAT", "GOV"), ("JUDGE", "JUD"), ("REBEL", "REB"), ("LAWMAKER", "LEG"),
                         ("FARMER", "AGR"), ("GENERAL", "MIL"), ("TEACHER", "EDU")]:
        assert codes.get(phrase) == code
    assert not [p for p in codes if p.startswith(("ENVIRONMENT", "GOALKEEPER", "VICE", "TWO"))]


def test_regular_plural_keeps_the_case_of_the_word():
    assert regular_plural("Prime Minister") == "Prime Ministers"
    assert regular_plural("ATTORNEY") == "ATTORNEYS"
    assert regular_plural("militia") == "militias"
    assert regular_plural("SECURITY AGENCY") == "SECURITY AGENCIES"
    assert regular_plural("CHURCH") == "CHURCHES"


# ---------------------------------------------------------------- files


@pytest.mark.parametrize("loader", [load_actor_dictionary, load_agent_dictionary])
def test_unreadable_file_raises_with_its_path(tmp_path, loader):
    missing = tmp_path / "nowhere.actors.txt"
    with pytest.raises(DictionaryError) as caught:
        loader(missing)
    assert caught.value.where == str(missing)
    with pytest.raises(DictionaryError) as caught:
        loader(tmp_path)
    assert caught.value.where == str(tmp_path)


def test_hundred_thousand_lines_load_completely(tmp_path):
    """Large files load whole; their speed is measured by bench/, not asserted here."""
    actor_path = tmp_path / "big.actors.txt"
    with actor_path.open("w", encoding="utf-8") as out:
        for n in range(25_000):
            out.write(f"PERSON_NUMBER_{n}_  # generated\n+NUMBER_{n}_PERSON\n"
                      f"\t[JPNGOV 2001{n % 12 + 1:02d}01-20051231]\n\t[JPNELI]\n")
    agent_path = tmp_path / "big.agents.txt"
    with agent_path.open("w", encoding="utf-8") as out:
        out.write("!KIND! = OFFICER, OFFICIAL\n")
        for n in range(100_000):
            out.write(f"GRADE_{n}_!KIND! [~GOV]\n" if n % 2 else f"CLERK_{n} [~GOV]\n")
    actors, actor_errors = load_actor_dictionary(actor_path)
    agents, agent_errors = load_agent_dictionary(agent_path)
    assert actor_errors == [] and agent_errors == []
    assert len(actors) == 25_000 * 2 * 3  # two phrases, each a dated code and two default gaps
    assert len(agents) == 100_000 * 2
