"""The one date formatter and the reading of typed dates (issue 17, items 3 and 7)."""

from __future__ import annotations

import datetime as dt

import pytest

from workbook.dates import full_date, long_date, parse_typed_date, weekday_date, weeks

TODAY = dt.date(2026, 12, 1)
VALENTINE = dt.date(2027, 2, 14)


@pytest.mark.parametrize("typed", ["14022027", "14/02/2027", "14.2.2027", "14-02-27", "2027-02-14",
                                   "14 February 2027", "14 feb 2027", "February 14, 2027",
                                   " 14/2/2027 "])
def test_typed_dates_in_day_first_order(typed):
    assert parse_typed_date(typed, day_first=True, today=TODAY) == VALENTINE


@pytest.mark.parametrize("typed", ["02142027", "02/14/2027", "2/14/27", "Feb 14 2027"])
def test_typed_dates_in_month_first_order(typed):
    assert parse_typed_date(typed, day_first=False, today=TODAY) == VALENTINE


def test_a_day_and_month_alone_mean_this_year():
    assert parse_typed_date("3/12", today=TODAY) == dt.date(2026, 12, 3)


@pytest.mark.parametrize("typed", ["sen14February2027x Mar", "31/02/2027", "14/13/2027",
                                   "hello", "1/1/1850", "12345"])
def test_what_is_not_a_date_is_refused(typed):
    with pytest.raises(ValueError):
        parse_typed_date(typed, today=TODAY)


def test_empty_means_no_date():
    assert parse_typed_date("   ") is None


def test_dates_are_written_long_with_the_year_when_it_is_not_this_one():
    assert full_date(TODAY) == "1 December 2026"
    assert long_date(TODAY, TODAY) == "1 December"
    assert long_date(VALENTINE, TODAY) == "14 February 2027"
    assert weekday_date(TODAY, TODAY) == "Tuesday 1 December"
    assert [weeks(1), weeks(3)] == ["1 week", "3 weeks"]


def test_a_shared_date_answer_is_described_in_the_same_words():
    from workbook.answer_values import describe
    from workbook.content.model import Field, FieldKind
    field = Field(id="when", kind=FieldKind.DATE, prompt="When?")
    assert describe(field, dt.date(2027, 2, 4)) == "Thursday 4 February 2027"
