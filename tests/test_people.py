"""The built-in people dictionary: its data file is well formed and its facts hang together."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import combinations

import pycountry
import pytest

from eventlens.actors.people import (
    ORGANISATION_CODES, ROLES, ascii_spelling, parse_people, people_entries, people_on, people_rows, role_of,
)
from eventlens.errors import DictionaryError

HEADER = "name\taliases\tcountry\tsector\trole\tstart\tend\tnote\n"
HEADS_OF_STATE = {"head_of_state", "head_of_state_and_government"}
HEADS_OF_GOVERNMENT = {"head_of_government", "head_of_state_and_government"}


def test_every_row_parses_and_gives_entries():
    rows = people_rows()
    assert len(rows) >= 170
    entries = people_entries()
    origins = {entry.origin for entry in entries}
    assert origins == {row.origin for row in rows}
    assert all(entry.kind == "person" for entry in entries)


def test_at_least_150_distinct_people():
    assert len({row.name for row in people_rows()}) >= 150


def test_country_codes_are_iso_alpha3_or_documented_organisations():
    for row in people_rows():
        known = pycountry.countries.get(alpha_3=row.country) is not None or row.country in ORGANISATION_CODES
        assert known, f"{row.origin}: unknown country code {row.country}"


def test_dates_are_ordered_and_roles_known():
    for row in people_rows():
        assert row.role in ROLES
        if row.start and row.end:
            assert row.start <= row.end, row.origin
        if row.end is None:
            assert "in office as of" in row.note, f"{row.origin}: open tenure without 'in office as of'"


def test_aliases_are_not_bare_surnames():
    for row in people_rows():
        surname = row.name.split()[-1]
        for alias in row.aliases:
            assert alias != surname, f"{row.origin}: bare surname {alias!r} as an alias"


def _overlaps(a, b) -> bool:
    # A handover day belongs to both the outgoing and the incoming tenure, so touching ends are fine.
    far = dt.date.max
    return a.start < (b.end or far) and b.start < (a.end or far)


@pytest.mark.parametrize("office, roles", [("head of state", HEADS_OF_STATE),
                                           ("head of government", HEADS_OF_GOVERNMENT)])
def test_no_two_people_hold_one_top_office_at_once(office, roles):
    by_country = defaultdict(list)
    for row in people_rows():
        if row.role in roles:
            assert row.start is not None, f"{row.origin}: a {office} needs a start date"
            by_country[row.country].append(row)
    clashes = [f"{a.origin} {a.name} / {b.origin} {b.name}"
               for rows in by_country.values() for a, b in combinations(rows, 2) if _overlaps(a, b)]
    assert not clashes, f"overlapping {office} tenures: {clashes}"


def test_overlap_check_catches_a_clash():
    rows = parse_people(HEADER + "A One\t\tXXA\tGOV\thead_of_state\t2020-01-01\t2022-01-01\t\n"
                                 "B Two\t\tXXA\tGOV\thead_of_state\t2021-06-01\t\t\n")
    assert _overlaps(rows[0], rows[1])
    handover = parse_people(HEADER + "A One\t\tXXA\tGOV\thead_of_state\t2020-01-01\t2022-01-01\t\n"
                                     "B Two\t\tXXA\tGOV\thead_of_state\t2022-01-01\t\t\n")
    assert not _overlaps(handover[0], handover[1])


def test_ishiba_is_japanese_government_only_while_prime_minister():
    found = people_on(dt.date(2024, 12, 1), "Shigeru Ishiba")
    assert [entry.code for entry in found] == ["JPNGOV"]
    assert found[0].country == "JPN" and found[0].sector == "GOV"
    assert role_of(found[0]) == "head_of_government"
    assert people_on(dt.date(2024, 9, 1), "Shigeru Ishiba") == []


def test_kishida_is_japanese_government_in_2022():
    assert {entry.code for entry in people_on(dt.date(2022, 1, 1), "Fumio Kishida")} == {"JPNGOV"}


def test_tenure_picks_the_right_office():
    putin_2010 = people_on(dt.date(2010, 6, 1), "Vladimir Putin")
    assert [role_of(entry) for entry in putin_2010] == ["head_of_government"]
    assert {role_of(entry) for entry in people_on(dt.date(2016, 3, 1), "Boris Johnson")} == set()
    assert {role_of(entry) for entry in people_on(dt.date(2017, 3, 1), "Boris Johnson")} == {"foreign_minister"}


def test_aliases_and_accent_free_spellings_resolve_to_the_person():
    for written in ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "Tayyip Erdogan", "recep tayyip erdogan"):
        found = people_on(dt.date(2020, 1, 1), written)
        assert [entry.name for entry in found] == ["Recep Tayyip Erdogan"], written
    assert {e.name for e in people_on(dt.date(2024, 1, 1), "Lula")} == {"Luiz Inácio Lula da Silva"}
    assert ascii_spelling("Radosław Sikorski") == "Radoslaw Sikorski"
    assert people_on(dt.date(2024, 1, 1), "Radoslaw Sikorski")


def test_initialisms_are_case_sensitive():
    found = people_on(dt.date(2023, 1, 1), "MBS")
    assert found and all(entry.case_sensitive and entry.code == "SAUGOV" for entry in found)
    assert people_on(dt.date(2023, 1, 1), "mbs") == []


def test_organisation_people_carry_the_organisation_code_and_no_country():
    found = people_on(dt.date(2020, 1, 1), "António Guterres")
    assert [(e.code, e.country, e.sector) for e in found] == [("IGOUNO", None, None)]
    assert [e.code for e in people_on(dt.date(2025, 1, 1), "Ursula von der Leyen")] == ["EURGOV"]


@pytest.mark.parametrize("line, problem", [
    ("A B\t\tJPN\tGOV\thead_of_state\t2020-13-01\t\t", "not a real date"),
    ("A B\t\tJPN\tGOV\thead_of_state\t2020/01/01\t\t", "YYYY-MM-DD"),
    ("A B\t\tJPN\tGOV\tking\t2020-01-01\t\t", "role"),
    ("A B\t\tJapan\tGOV\thead_of_state\t2020-01-01\t\t", "country"),
    ("A B\t\tJPN\tBUS\thead_of_state\t2020-01-01\t\t", "sector"),
    ("A B\t\tIGOUNO\tGOV\tother\t2020-01-01\t\t", "no sector"),
    ("A B\t\tJPN\tGOV\thead_of_state\t2021-01-01\t2020-01-01\t", "before start"),
    ("A B\tJPN\tGOV\thead_of_state", "columns"),
])
def test_malformed_rows_raise_with_their_line(line, problem):
    with pytest.raises(DictionaryError) as caught:
        parse_people("# comment\n" + HEADER + line + "\n")
    assert caught.value.where == "people.tsv:3"
    assert problem in caught.value.message
