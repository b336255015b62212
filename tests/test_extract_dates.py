"""Time expressions read against the publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from geo.extract.dates import find_times

PUB = dt.date(2024, 2, 9)  # a Friday


def one(text: str, pub: dt.date = PUB):
    found = [t for t in find_times(text, pub) if t.date is not None]
    assert len(found) == 1, found
    return found[0]


def test_weekday_is_the_last_such_day_up_to_publication():
    assert one("jets struck on Tuesday").date == dt.date(2024, 2, 6)
    assert one("Late Monday the base was hit").date == dt.date(2024, 2, 5)
    assert one("strikes on Friday").date == PUB


def test_explicit_dates_with_and_without_year():
    assert one("On January 28th, 2024, drones").date == dt.date(2024, 1, 28)
    assert one("on February 3rd the US").date == dt.date(2024, 2, 3)
    assert one("on 28 January 2024").date == dt.date(2024, 1, 28)
    # a date later than publication belongs to the year before
    assert one("on December 30", dt.date(2024, 1, 5)).date == dt.date(2023, 12, 30)


def test_weekday_and_date_that_disagree_follow_the_weekday_and_say_so():
    t = one("Late Monday, November 13, the US struck", dt.date(2024, 11, 13))
    assert t.date == dt.date(2024, 11, 11)
    assert "Wednesday" in t.note and "2024-11-11" in t.note


def test_months_resolve_to_mid_month_with_a_span():
    t = one("In February the US launched", dt.date(2024, 11, 12))
    assert (t.date, t.precision, t.date_start, t.date_end) == (
        dt.date(2024, 2, 15), "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert one("in January 2023, the US").date == dt.date(2023, 1, 15)
    assert one("In May the militia", dt.date(2024, 3, 1)).date == dt.date(2023, 5, 15)


def test_may_the_modal_verb_is_not_a_month():
    assert find_times("Iran may feel compelled to respond", PUB) == []


def test_relative_expressions_have_their_own_precision():
    assert one("over the past 24 hours").date == dt.date(2024, 2, 8)
    week = one("last week")
    assert week.precision == "week" and week.date == dt.date(2024, 2, 2)
    month = one("earlier this month")
    assert month.precision == "month" and month.date_start == dt.date(2024, 2, 1)
    assert one("yesterday").date == dt.date(2024, 2, 8)


def test_second_day_marks_an_earlier_day_too():
    t = one("US jets hit Iraq for a second day on Thursday")
    assert t.date == dt.date(2024, 2, 8) and t.repeat_days == 1


def test_spans_are_qualified_so_they_never_date_one_event():
    quals = {t.text: t.qualifier for t in find_times("nearly 200 attacks since October 7", PUB)}
    assert quals == {"October 7": "since"}
    assert all(t.qualifier for t in find_times("From September 2023 until March of this year", PUB))


def test_without_a_publication_date_relative_days_stay_unknown():
    assert all(t.date is None for t in find_times("on Tuesday", None))
    assert find_times("on 28 January 2024", None)[0].date == dt.date(2024, 1, 28)


def test_a_day_of_the_month_alone_is_read_in_the_month_of_publication_or_the_one_before():
    import datetime as dt
    from geo.extract.dates import find_times

    pub = dt.date(2023, 10, 26)
    assert [t.date for t in find_times("On the 18th, two drones were launched.", pub)] == [dt.date(2023, 10, 18)]
    assert [t.date for t in find_times("on the 28th rockets fell", pub)] == [dt.date(2023, 9, 28)]
    assert find_times("soldiers of the 3rd Division", pub) == []


def test_at_the_weekend_is_the_saturday_and_sunday_before_publication():
    import datetime as dt
    from geo.extract.dates import find_times

    (t,) = find_times("a barrage on Ain al-Asad at the weekend", dt.date(2024, 1, 24))
    assert (t.date_start, t.date_end, t.precision) == (dt.date(2024, 1, 20), dt.date(2024, 1, 21), "week")


@pytest.mark.parametrize(("text", "day"), [
    ("a drone struck the base on Christmas morning", dt.date(2023, 12, 25)),
    ("rockets fell on New Year's Eve", dt.date(2023, 12, 31)),
    ("on Christmas Day, 2022, a strike", dt.date(2022, 12, 25)),
])
def test_a_fixed_holiday_is_the_last_one_before_publication_unless_a_year_is_given(text, day):
    found = [t for t in find_times(text, dt.date(2024, 1, 30)) if t.date]
    assert [(t.date, t.precision) for t in found] == [(day, "day")]


def test_a_date_without_a_year_takes_the_year_its_sentence_has_set():
    found = find_times("In the summer of 2019, blasts hit a depot on Aug. 12 of that year.", dt.date(2024, 4, 20))
    assert [t.date for t in found if t.precision == "day"] == [dt.date(2019, 8, 12)]
