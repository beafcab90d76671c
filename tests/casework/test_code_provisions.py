"""The Code 2024 as data: every provision once, in order, with the Code's timescales."""

import pytest

from casework.code_provisions import (
    CODE_URL,
    EDITION,
    IN_FORCE_FROM,
    OBLIGATIONS,
    SECTIONS,
    Provision,
    all_provisions,
    provision,
)

# Copied by hand from shared/CODE-2024.md, so a provision dropped from the data fails here.
EXPECTED_NUMBERS = [
    *(f"1.{n}" for n in range(1, 7)),
    *(f"2.{n}" for n in range(1, 6)),
    *(f"3.{n}" for n in range(1, 8)),
    *(f"4.{n}" for n in range(1, 4)),
    *(f"5.{n}" for n in range(1, 16)),
    *(f"6.{n}" for n in range(1, 21)),
    *(f"7.{n}" for n in range(1, 5)),
    *(f"8.{n}" for n in range(1, 6)),
    *(f"9.{n}" for n in range(1, 9)),
]


def test_expected_list_is_the_source_table():
    assert len(EXPECTED_NUMBERS) == 73
    assert EXPECTED_NUMBERS[:3] == ["1.1", "1.2", "1.3"]
    assert EXPECTED_NUMBERS[-1] == "9.8"


def test_every_provision_present_once_in_order():
    numbers = [p.number for p in all_provisions()]
    assert numbers == EXPECTED_NUMBERS
    assert len(set(numbers)) == len(numbers)


def test_sections_one_to_nine_in_order():
    assert [s.number for s in SECTIONS] == list(range(1, 10))
    assert SECTIONS[0].title == "Definition of a complaint"
    assert all(s.title.strip() and s.introduction.strip() for s in SECTIONS)


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: f"section-{s.number}")
def test_numbers_in_a_section_are_consecutive_from_one(section):
    expected = [f"{section.number}.{n}" for n in range(1, len(section.provisions) + 1)]
    assert [p.number for p in section.provisions] == expected


@pytest.mark.parametrize("item", all_provisions(), ids=lambda p: p.number)
def test_summary_is_short_plain_text(item):
    assert isinstance(item.summary, str)
    assert item.summary.strip()
    assert len(item.summary) < 300
    assert "unverified" not in item.summary.lower()
    assert item.obligation in OBLIGATIONS


@pytest.mark.parametrize(
    ("number", "timescale"),
    [
        ("2.3", "12 months"),
        ("6.2", "5 working days"),
        ("6.3", "10 working days"),
        ("6.4", "10 working days"),
        ("6.11", "5 working days"),
        ("6.14", "20 working days"),
        ("6.15", "20 working days"),
    ],
)
def test_key_timescales(number, timescale):
    assert timescale in provision(number).summary


def test_lookup_by_number():
    found = provision("6.13")
    assert isinstance(found, Provision)
    assert found.number == "6.13"
    assert found.obligation == "must"


@pytest.mark.parametrize("number", ["6.21", "10.1", "0.1", "", "6.13 "])
def test_unknown_number_raises_key_error(number):
    with pytest.raises(KeyError):
        provision(number)


def test_all_provisions_returns_a_fresh_list():
    first = all_provisions()
    first.clear()
    assert len(all_provisions()) == len(EXPECTED_NUMBERS)


def test_edition_facts():
    assert EDITION == "2024"
    assert IN_FORCE_FROM.isoformat() == "2024-04-01"
    assert CODE_URL.startswith("https://www.housing-ombudsman.org.uk/")
