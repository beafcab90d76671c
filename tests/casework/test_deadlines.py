"""The working-day calendar and the Code's clocks.

Every expected date here was counted by hand on a printed calendar against the bank holidays
published on GOV.UK (and nidirect, mygov.scot) for each nation, never computed with the code
under test. In the comments, "(3)" after a day means "the 3rd working day counted".
"""

from datetime import UTC, date, datetime, timedelta

import holidays
import pytest

from casework.code import Nation, Timescales
from casework.deadlines import (
    WorkingDayCalendar,
    bank_holidays,
    days_left,
    extended_due,
    extension_problem,
    is_overdue,
    local_date,
    ombudsman_evidence_due,
    stage1_acknowledgement_due,
    stage1_response_due,
    stage2_acknowledgement_due,
    stage2_response_due,
)

ENG, WLS, SCT, NIR = "ENG", "WLS", "SCT", "NIR"


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def cal(nation: str = ENG, *closed: str) -> WorkingDayCalendar:
    return WorkingDayCalendar(Nation(nation), frozenset(d(day) for day in closed))


# Bank holidays that fall on a weekday (so take a working day away), 2024-2028, by hand.
ENGLAND_AND_WALES = """
    2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26
    2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26
    2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28
    2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28
    2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 2028-12-25 2028-12-26
"""
SCOTLAND = """
    2024-01-01 2024-01-02 2024-03-29 2024-05-06 2024-05-27 2024-08-05 2024-12-02 2024-12-25
    2024-12-26
    2025-01-01 2025-01-02 2025-04-18 2025-05-05 2025-05-26 2025-08-04 2025-12-01 2025-12-25
    2025-12-26
    2026-01-01 2026-01-02 2026-04-03 2026-05-04 2026-05-25 2026-06-15 2026-08-03 2026-11-30
    2026-12-25 2026-12-28
    2027-01-01 2027-01-04 2027-03-26 2027-05-03 2027-05-31 2027-08-02 2027-11-30 2027-12-27
    2027-12-28
    2028-01-03 2028-01-04 2028-04-14 2028-05-01 2028-05-29 2028-08-07 2028-11-30 2028-12-25
    2028-12-26
"""
NORTHERN_IRELAND = """
    2024-01-01 2024-03-18 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-07-12 2024-08-26
    2024-12-25 2024-12-26
    2025-01-01 2025-03-17 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-07-14 2025-08-25
    2025-12-25 2025-12-26
    2026-01-01 2026-03-17 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-07-13 2026-08-31
    2026-12-25 2026-12-28
    2027-01-01 2027-03-17 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-07-12 2027-08-30
    2027-12-27 2027-12-28
    2028-01-03 2028-03-17 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-07-12 2028-08-28
    2028-12-25 2028-12-26
"""
WEEKDAY_BANK_HOLIDAYS = {
    ENG: ENGLAND_AND_WALES,
    WLS: ENGLAND_AND_WALES,
    SCT: SCOTLAND,
    NIR: NORTHERN_IRELAND,
}


@pytest.mark.parametrize("nation", [ENG, WLS, SCT, NIR])
def test_every_day_2024_to_2028_is_a_working_day_unless_weekend_or_bank_holiday(nation):
    expected_holidays = {d(day) for day in WEEKDAY_BANK_HOLIDAYS[nation].split()}
    calendar = cal(nation)
    day, wrong = date(2024, 1, 1), []
    while day.year < 2029:
        expected = day.weekday() < 5 and day not in expected_holidays
        if calendar.is_working_day(day) != expected:
            wrong.append(day)
        day += timedelta(days=1)
    assert wrong == []


# Working days in each whole year: weekdays (2024: 262, 2025-2027: 261, 2028: 260) less the
# weekday bank holidays above.
@pytest.mark.parametrize(
    ("nation", "year", "working_days"),
    [
        (ENG, 2024, 254), (ENG, 2025, 253), (ENG, 2026, 253), (ENG, 2027, 253), (ENG, 2028, 252),
        (WLS, 2024, 254), (WLS, 2025, 253), (WLS, 2026, 253), (WLS, 2027, 253), (WLS, 2028, 252),
        (SCT, 2024, 253), (SCT, 2025, 252), (SCT, 2026, 251), (SCT, 2027, 252), (SCT, 2028, 251),
        (NIR, 2024, 252), (NIR, 2025, 251), (NIR, 2026, 251), (NIR, 2027, 251), (NIR, 2028, 250),
    ],
)  # fmt: skip
def test_working_days_in_a_year(nation, year, working_days):
    calendar = cal(nation)
    assert calendar.working_days_between(date(year - 1, 12, 31), date(year, 12, 31)) == working_days


# (nation, start, n, expected): the Nth working day strictly after start.
ADD_WORKING_DAYS = [
    # The rule itself: the start day never counts, whatever it is.
    (ENG, "2026-03-06", 5, "2026-03-13"),  # Fri -> next Fri
    (ENG, "2026-03-07", 5, "2026-03-13"),  # Sat -> Mon 9 (1) .. Fri 13 (5)
    (ENG, "2026-03-08", 5, "2026-03-13"),  # Sun -> the same Friday
    (ENG, "2026-05-25", 5, "2026-06-01"),  # on a bank holiday: Tue 26 (1) .. Mon 1 Jun (5)
    (ENG, "2026-03-07", 0, "2026-03-07"),  # n=0 leaves even a Saturday alone
    (ENG, "2026-12-25", 0, "2026-12-25"),
    (ENG, "2026-12-29", -1, "2026-12-24"),  # backwards over 28, 25 Dec
    (ENG, "2027-01-04", -5, "2026-12-23"),  # 31, 30, 29, 24, 23 Dec
    # New Year 2024: 2 Jan is Scotland's too.
    (ENG, "2023-12-29", 1, "2024-01-02"),
    (SCT, "2023-12-29", 1, "2024-01-03"),
    # Christmas 2024 (Wed, Thu); New Year 2025 (Wed, and Thu 2 Jan in Scotland).
    (ENG, "2024-12-20", 5, "2024-12-31"),  # 23 (1), 24 (2), 27 (3), 30 (4), 31 (5)
    (SCT, "2024-12-20", 5, "2024-12-31"),
    (ENG, "2024-12-23", 10, "2025-01-09"),  # 24, 27, 30, 31, 2 Jan (5), 3, 6, 7, 8, 9 (10)
    (NIR, "2024-12-23", 10, "2025-01-09"),
    (SCT, "2024-12-23", 10, "2025-01-10"),  # 2 Jan is a holiday: 3 Jan (5) .. 10 Jan (10)
    # Christmas 2025 (Thu, Fri); New Year 2026 (Thu, and Fri 2 Jan in Scotland).
    (ENG, "2025-12-22", 5, "2025-12-31"),  # 23, 24, 29, 30, 31
    (ENG, "2025-12-24", 5, "2026-01-05"),  # 29, 30, 31, 2 Jan (4), 5 Jan (5)
    (WLS, "2025-12-24", 5, "2026-01-05"),
    (NIR, "2025-12-24", 5, "2026-01-05"),
    (SCT, "2025-12-24", 5, "2026-01-06"),  # 29, 30, 31, 5 Jan (4), 6 Jan (5)
    # Christmas 2026 (Fri; Boxing Day Sat -> Mon 28); New Year 2027 (Fri; 2 Jan Sat -> Mon 4
    # in Scotland).
    (ENG, "2026-12-22", 5, "2026-12-31"),  # 23, 24, 29, 30, 31
    (SCT, "2026-12-22", 5, "2026-12-31"),
    (ENG, "2026-12-24", 1, "2026-12-29"),
    (ENG, "2026-12-31", 1, "2027-01-04"),
    (SCT, "2026-12-31", 1, "2027-01-05"),
    (ENG, "2026-12-26", 5, "2027-01-05"),  # Sat: 29, 30, 31, 4 Jan, 5 Jan
    (SCT, "2026-12-26", 5, "2027-01-06"),  # Sat: 29, 30, 31, 5 Jan, 6 Jan
    # Christmas 2027 (Sat, Sun -> Mon 27 and Tue 28); New Year 2028 (Sat -> Mon 3 Jan; Scotland's
    # 2 Jan is Sun -> Tue 4 Jan).
    (ENG, "2027-12-24", 1, "2027-12-29"),
    (ENG, "2027-12-23", 5, "2028-01-04"),  # 24 (1), 29, 30, 31 (4), 4 Jan (5)
    (WLS, "2027-12-23", 5, "2028-01-04"),
    (NIR, "2027-12-23", 5, "2028-01-04"),
    (SCT, "2027-12-23", 5, "2028-01-05"),  # 24 (1), 29, 30, 31 (4), 5 Jan (5)
    # Christmas 2028 (Mon, Tue); New Year 2029 (Mon, and Tue 2 Jan in Scotland).
    (ENG, "2028-12-22", 5, "2029-01-03"),  # 27, 28, 29, 2 Jan (4), 3 Jan (5)
    (SCT, "2028-12-22", 5, "2029-01-04"),  # 27, 28, 29, 3 Jan (4), 4 Jan (5)
    # St Andrew's Day, Scotland only: Sat 30 Nov 2024 -> Mon 2 Dec; Sun 2025 -> Mon 1 Dec.
    (SCT, "2024-11-29", 1, "2024-12-03"),
    (ENG, "2024-11-29", 1, "2024-12-02"),
    (SCT, "2025-11-28", 1, "2025-12-02"),
    (ENG, "2025-11-28", 1, "2025-12-01"),
    (SCT, "2026-11-27", 1, "2026-12-01"),  # Mon 30 Nov
    (ENG, "2026-11-27", 1, "2026-11-30"),
    (SCT, "2027-11-29", 1, "2027-12-01"),  # Tue 30 Nov
    (ENG, "2027-11-29", 1, "2027-11-30"),
    (SCT, "2028-11-29", 1, "2028-12-01"),  # Thu 30 Nov
    (ENG, "2028-11-29", 1, "2028-11-30"),
    # Easter: Good Friday everywhere, Easter Monday not in Scotland.
    (ENG, "2024-03-28", 1, "2024-04-02"),
    (WLS, "2024-03-28", 1, "2024-04-02"),
    (NIR, "2024-03-28", 1, "2024-04-02"),
    (SCT, "2024-03-28", 1, "2024-04-01"),
    (ENG, "2025-04-17", 1, "2025-04-22"),
    (NIR, "2025-04-17", 1, "2025-04-22"),
    (SCT, "2025-04-17", 1, "2025-04-21"),
    (ENG, "2026-04-01", 5, "2026-04-10"),  # 2 Apr (1), 7, 8, 9, 10 (5)
    (SCT, "2026-04-01", 5, "2026-04-09"),  # 2 Apr (1), 6, 7, 8, 9 (5)
    (ENG, "2028-04-13", 1, "2028-04-18"),
    (WLS, "2028-04-13", 1, "2028-04-18"),
    (NIR, "2028-04-13", 1, "2028-04-18"),
    (SCT, "2028-04-13", 1, "2028-04-17"),
    # St Patrick's Day, Northern Ireland only (Sun 17 Mar 2024 -> Mon 18), then Easter.
    (NIR, "2024-03-15", 1, "2024-03-19"),
    (ENG, "2024-03-15", 1, "2024-03-18"),
    (NIR, "2024-03-15", 10, "2024-04-03"),  # 19 .. 28 Mar (8), 2 Apr (9), 3 Apr (10)
    (ENG, "2024-03-15", 10, "2024-04-02"),  # 18 .. 28 Mar (9), 2 Apr (10)
    (SCT, "2024-03-15", 10, "2024-04-01"),  # 18 .. 28 Mar (9), 1 Apr (10)
    (NIR, "2025-03-14", 1, "2025-03-18"),
    (ENG, "2025-03-14", 1, "2025-03-17"),
    (NIR, "2026-03-16", 1, "2026-03-18"),
    (ENG, "2026-03-16", 1, "2026-03-17"),
    (NIR, "2026-03-14", 5, "2026-03-23"),  # Sat: 16, 18, 19, 20, 23
    (ENG, "2026-03-14", 5, "2026-03-20"),
    (NIR, "2027-03-15", 10, "2027-04-01"),  # 16, 18, 19, 22, 23, 24, 25 (7), 30, 31, 1 Apr
    (ENG, "2027-03-15", 10, "2027-03-31"),  # 16 .. 25 (8), 30, 31
    (SCT, "2027-03-15", 10, "2027-03-30"),  # 16 .. 25 (8), 29, 30
    (NIR, "2028-03-16", 1, "2028-03-20"),
    (ENG, "2028-03-16", 1, "2028-03-17"),
    # Early May and spring bank holidays, all nations.
    (ENG, "2024-05-03", 1, "2024-05-07"),
    (SCT, "2024-05-24", 1, "2024-05-28"),
    (NIR, "2025-05-02", 5, "2025-05-12"),  # 6, 7, 8, 9, 12
    (WLS, "2026-05-22", 1, "2026-05-26"),
    (SCT, "2027-05-28", 1, "2027-06-01"),
    (NIR, "2028-04-28", 1, "2028-05-02"),
    # One-offs: the 2023 coronation; no holiday on Fri 8 May 2026 (VE Day was moved only in
    # 2020); Scotland's World Cup holiday, Mon 15 Jun 2026.
    (ENG, "2023-05-05", 1, "2023-05-09"),
    (SCT, "2023-05-05", 1, "2023-05-09"),
    (NIR, "2023-05-05", 1, "2023-05-09"),
    (ENG, "2026-05-07", 1, "2026-05-08"),
    (SCT, "2026-06-12", 1, "2026-06-16"),
    (ENG, "2026-06-12", 1, "2026-06-15"),
    # Battle of the Boyne, Northern Ireland only (Sat 2025 -> Mon 14; Sun 2026 -> Mon 13).
    (NIR, "2024-07-11", 1, "2024-07-15"),
    (ENG, "2024-07-11", 1, "2024-07-12"),
    (NIR, "2025-07-11", 1, "2025-07-15"),
    (ENG, "2025-07-11", 1, "2025-07-14"),
    (NIR, "2026-07-10", 1, "2026-07-14"),
    (ENG, "2026-07-10", 1, "2026-07-13"),
    (NIR, "2027-07-09", 1, "2027-07-13"),
    (ENG, "2027-07-09", 1, "2027-07-12"),
    (NIR, "2028-07-11", 1, "2028-07-13"),
    (ENG, "2028-07-11", 1, "2028-07-12"),
    # August: Scotland's first Monday, everyone else's last Monday.
    (SCT, "2024-08-02", 1, "2024-08-06"),
    (ENG, "2024-08-02", 1, "2024-08-05"),
    (ENG, "2024-08-23", 1, "2024-08-27"),
    (SCT, "2024-08-23", 1, "2024-08-26"),
    (SCT, "2025-08-01", 1, "2025-08-05"),
    (NIR, "2025-08-01", 1, "2025-08-04"),
    (NIR, "2025-08-22", 1, "2025-08-26"),
    (SCT, "2025-08-22", 1, "2025-08-25"),
    (SCT, "2026-07-31", 1, "2026-08-04"),
    (ENG, "2026-07-31", 1, "2026-08-03"),
    (WLS, "2026-08-28", 1, "2026-09-01"),
    (SCT, "2026-08-28", 1, "2026-08-31"),
    (SCT, "2027-07-30", 1, "2027-08-03"),
    (ENG, "2027-07-30", 1, "2027-08-02"),
    (ENG, "2027-08-27", 1, "2027-08-31"),
    (SCT, "2027-08-27", 1, "2027-08-30"),
    (SCT, "2028-08-04", 1, "2028-08-08"),
    (ENG, "2028-08-04", 1, "2028-08-07"),
    (NIR, "2028-08-25", 1, "2028-08-29"),
    (SCT, "2028-08-25", 1, "2028-08-28"),
    # Long counts across year ends (whole-year totals from the table above).
    (ENG, "2025-12-01", 40, "2026-01-29"),  # 20 left in Dec, then 2 Jan (21) .. 29 Jan (40)
    (SCT, "2025-12-01", 40, "2026-01-30"),  # 20 left in Dec, then 5 Jan (21) .. 30 Jan (40)
    (ENG, "2024-12-31", 253, "2025-12-31"),
    (SCT, "2024-12-31", 252, "2025-12-31"),
    (ENG, "2023-12-31", 1265, "2028-12-29"),  # 254 + 253 + 253 + 253 + 252
]


@pytest.mark.parametrize(("nation", "start", "n", "expected"), ADD_WORKING_DAYS)
def test_add_working_days(nation, start, n, expected):
    assert cal(nation).add_working_days(d(start), n) == d(expected)


@pytest.mark.parametrize(("nation", "start", "n", "expected"), ADD_WORKING_DAYS)
def test_working_days_between_undoes_add_working_days(nation, start, n, expected):
    assert cal(nation).working_days_between(d(start), d(expected)) == n


@pytest.mark.parametrize(
    ("nation", "day", "expected"),
    [
        (ENG, "2026-12-24", "2026-12-29"),
        (SCT, "2026-12-31", "2027-01-05"),
        (ENG, "2026-03-06", "2026-03-09"),
        (ENG, "2026-03-09", "2026-03-10"),
    ],
)
def test_next_working_day(nation, day, expected):
    assert cal(nation).next_working_day(d(day)) == d(expected)


@pytest.mark.parametrize(
    ("nation", "start", "end", "expected"),
    [
        (ENG, "2026-12-22", "2026-12-22", 0),
        (ENG, "2026-12-22", "2026-12-31", 5),
        (ENG, "2026-12-31", "2026-12-22", -5),  # end before start: negative
        (ENG, "2026-12-25", "2026-12-28", 0),  # Sat, Sun, Boxing Day (substitute)
        (ENG, "2026-03-06", "2026-03-07", 0),  # Fri to Sat
        (ENG, "2026-03-06", "2026-03-09", 1),
        (ENG, "2026-12-31", "2027-01-05", 2),
        (SCT, "2026-12-31", "2027-01-05", 1),
    ],
)
def test_working_days_between(nation, start, end, expected):
    assert cal(nation).working_days_between(d(start), d(end)) == expected


@pytest.mark.parametrize(
    ("closed", "expected"),
    [
        ((), "2026-12-31"),  # 23, 24, 29, 30, 31
        (("2026-12-29", "2026-12-30", "2026-12-31"), "2027-01-06"),  # 23, 24, 4, 5, 6 Jan
        (("2026-12-29",), "2027-01-04"),  # 23, 24, 30, 31, 4 Jan
        (("2026-12-25", "2026-12-29"), "2027-01-04"),  # closed on a bank holiday: no double count
        (("2026-12-26",), "2026-12-31"),  # closed on a Saturday: no difference
    ],
)
def test_closure_days_are_not_working_days(closed, expected):
    assert cal(ENG, *closed).add_working_days(d("2026-12-22"), 5) == d(expected)


def test_calendar_takes_plain_values_and_stays_hashable():
    calendar = WorkingDayCalendar("SCT", [d("2026-12-29")])
    assert calendar == WorkingDayCalendar(Nation.SCOTLAND, frozenset({d("2026-12-29")}))
    assert calendar.nation is Nation.SCOTLAND
    assert hash(calendar) == hash(WorkingDayCalendar(Nation.SCOTLAND, {d("2026-12-29")}))
    assert not calendar.is_working_day(d("2026-12-29"))
    assert WorkingDayCalendar().nation is Nation.ENGLAND


def test_bank_holidays_include_weekend_dates_and_are_cached():
    assert cal(ENG).is_bank_holiday(d("2026-12-26"))  # Saturday; Monday 28 is the substitute
    assert cal(ENG).is_bank_holiday(d("2026-12-28"))
    before = bank_holidays.cache_info().hits
    bank_holidays(Nation.WALES, 2027)
    bank_holidays("WLS", 2027)
    assert bank_holidays.cache_info().hits > before


def test_holidays_package_names_substitute_days_observed():
    # Worth knowing when showing a reason to a resident: the package marks substitute days.
    england = holidays.country_holidays("GB", subdiv="ENG", years=2027)
    assert england[d("2027-12-27")] == "Christmas Day (observed)"
    assert england[d("2027-12-28")] == "Boxing Day (observed)"


# Dates and times: what counts is the day in the UK.
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (d("2026-06-30"), "2026-06-30"),
        (datetime(2026, 6, 30, 23, 30), "2026-06-30"),  # naive: already UK time
        (datetime(2026, 6, 30, 23, 30, tzinfo=UTC), "2026-07-01"),  # 00:30 BST
        (datetime(2026, 12, 21, 23, 30, tzinfo=UTC), "2026-12-21"),  # GMT: same day
    ],
)
def test_local_date(value, expected):
    assert local_date(value) == d(expected)


def test_received_late_evening_in_summer_counts_from_the_uk_date():
    # Wed 1 Jul 2026 00:30 BST: 2, 3, 6, 7, 8 Jul. From 30 Jun it would be 7 Jul.
    received = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    assert stage1_acknowledgement_due(received, Timescales(), cal()) == d("2026-07-08")
    assert stage1_acknowledgement_due(d("2026-06-30"), Timescales(), cal()) == d("2026-07-07")


# The clocks, with the Code's maxima.
def test_stage1_clocks_over_christmas_2026():
    calendar, timescales = cal(ENG), Timescales()
    acknowledgement = stage1_acknowledgement_due(d("2026-12-22"), timescales, calendar)
    assert acknowledgement == d("2026-12-31")  # Code 6.2
    response = stage1_response_due(acknowledgement, timescales, calendar)
    assert response == d("2027-01-15")  # Code 6.3: 4 Jan (1) .. 15 Jan (10)
    assert extended_due(response, 10, calendar) == d("2027-01-29")  # Code 6.4


@pytest.mark.parametrize(
    ("nation", "acknowledgement", "response", "extended"),
    [
        (ENG, "2026-12-29", "2027-01-27", "2027-02-24"),  # 30, 31, 4 Jan (3) .. 27 Jan (20)
        (SCT, "2026-12-29", "2027-01-28", "2027-02-25"),  # 30, 31, 5 Jan (3) .. 28 Jan (20)
    ],
)
def test_stage2_clocks(nation, acknowledgement, response, extended):
    calendar, timescales = cal(nation), Timescales()
    # Code 6.11: escalation asked for on Fri 18 Dec: 21, 22, 23, 24, 29 Dec.
    assert stage2_acknowledgement_due(d("2026-12-18"), timescales, calendar) == d(acknowledgement)
    assert stage2_response_due(d(acknowledgement), timescales, calendar) == d(response)  # 6.14
    assert extended_due(d(response), 20, calendar) == d(extended)  # Code 6.15


@pytest.mark.parametrize(("nation", "expected"), [(ENG, "2027-04-07"), (NIR, "2027-04-08")])
def test_ombudsman_evidence_due(nation, expected):
    # Requested Mon 15 Mar 2027; Good Friday, Easter Monday, and St Patrick's Day in NI.
    assert ombudsman_evidence_due(d("2027-03-15"), Timescales(), cal(nation)) == d(expected)


def test_clocks_use_the_landlords_shorter_timescales():
    timescales = Timescales(stage1_acknowledgement=3, stage1_response=7)
    acknowledgement = stage1_acknowledgement_due(d("2026-03-07"), timescales, cal())  # a Saturday
    assert acknowledgement == d("2026-03-11")
    assert stage1_response_due(acknowledgement, timescales, cal()) == d("2026-03-20")


@pytest.mark.parametrize(
    ("nation", "expected"),
    [(ENG, "2028-01-11"), (SCT, "2028-01-12")],  # 24 Dec, 29, 30, 31, then 4 or 5 Jan (5)
)
def test_extended_due_over_christmas_2027(nation, expected):
    assert extended_due(d("2027-12-23"), 10, cal(nation)) == d(expected)


# Extensions (Code 6.4, 6.15).
@pytest.mark.parametrize(
    ("stage", "days", "timescales", "reason", "expected_words"),
    [
        (1, 10, Timescales(), "", None),
        (1, 1, Timescales(), "", None),
        (1, 11, Timescales(), "", "Code 6.4"),
        (1, 11, Timescales(), "   ", "Code 6.4"),
        (1, 11, Timescales(), "Waiting for the surveyor's damp report", None),
        (2, 20, Timescales(), "", None),
        (2, 21, Timescales(), "", "Code 6.15"),
        (2, 40, Timescales(), "The resident asked us to wait until after surgery", None),
        (1, 6, Timescales(stage1_extension=5), "", "up to 5 working days"),
        (1, 5, Timescales(stage1_extension=5), "", None),
        (1, 0, Timescales(), "", "at least 1 working day"),
        (2, -3, Timescales(), "a reason does not help", "at least 1 working day"),
    ],
)
def test_extension_problem(stage, days, timescales, reason, expected_words):
    problem = extension_problem(stage, days, timescales, reason)
    if expected_words is None:
        assert problem is None
    else:
        assert expected_words in problem


def test_extension_problem_knows_only_two_stages():
    with pytest.raises(ValueError, match="stages 1 and 2"):
        extension_problem(3, 5, Timescales(), "")


# How a clock stands.
@pytest.mark.parametrize(
    ("due", "today", "expected"),
    [
        ("2026-12-31", "2026-12-22", 5),
        ("2027-01-05", "2026-12-24", 5),  # 29, 30, 31, 4, 5
        ("2026-03-13", "2026-03-13", 0),  # due today
        ("2026-03-13", "2026-03-12", 1),
        ("2026-03-14", "2026-03-13", 0),  # a Saturday due date: no working day left
        ("2026-03-13", "2026-03-14", -1),  # a passed deadline is never 0
        ("2026-03-13", "2026-03-16", -1),
        ("2026-03-13", "2026-03-17", -2),
        ("2026-03-13", "2026-03-20", -5),
        ("2026-12-24", "2026-12-30", -2),  # 29, 30; not 25 or 28
    ],
)
def test_days_left(due, today, expected):
    assert days_left(d(due), d(today), cal()) == expected


@pytest.mark.parametrize(
    ("due", "today", "expected"),
    [
        (d("2026-03-13"), d("2026-03-12"), False),
        (d("2026-03-13"), d("2026-03-13"), False),
        (d("2026-03-13"), d("2026-03-14"), True),
        (d("2026-03-13"), datetime(2026, 3, 13, 23, 30, tzinfo=UTC), False),  # GMT
        (d("2026-06-30"), datetime(2026, 6, 30, 23, 30, tzinfo=UTC), True),  # 1 Jul BST
    ],
)
def test_is_overdue(due, today, expected):
    assert is_overdue(due, today) is expected
