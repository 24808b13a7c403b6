"""Temporal expressions: each form, read against a publication date (or without one)."""

import datetime as dt

import pytest
from dateparser.search import search_dates

from parley.extract.dates import dateparser_baseline, find_dates, year_near

MONDAY = "2025-06-02"  # a Monday
SATURDAY = "2025-05-31"


def only(text, published=MONDAY):
    """The single date found in `text`."""
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


def reading(text, published=MONDAY):
    m = only(text, published)
    return m.date, m.precision, m.basis


# --- absolute forms ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expression, date",
    [
        ("Talks were held on May 16, 2025, in the city.", "May 16, 2025", "2025-05-16"),
        ("Talks were held on 16 May 2025 in the city.", "16 May 2025", "2025-05-16"),
        ("It was signed on Monday, June 2, 2025 at noon.", "Monday, June 2, 2025", "2025-06-02"),
        ("The file is dated 2024-11-03.", "2024-11-03", "2024-11-03"),
        ("Updated 02-Jun-2025 by the desk.", "02-Jun-2025", "2025-06-02"),
        ("The 3rd of March 2023 was cold.", "3rd of March 2023", "2023-03-03"),
    ],
)
def test_full_dates_are_explicit_days(text, expression, date):
    m = only(text)
    assert (m.text, m.date, m.precision, m.basis, m.resolved) == (expression, date, "day", "explicit", True)


def test_offsets_point_at_the_expression():
    text = "After a pause, on May 16, 2025, they met."
    m = only(text)
    assert text[m.start : m.end] == "May 16, 2025"


def test_yearless_day_takes_the_publication_year():
    assert reading("The first round on May 16 ended in a swap.") == ("2025-05-16", "day", "published")
    assert reading("They will meet again on 23 July.") == ("2025-07-23", "day", "published")
    assert reading("The vote on June 2nd was close.") == ("2025-06-02", "day", "published")


def test_yearless_day_lies_at_most_two_months_after_publication():
    # In an article of 5 January, "December 28" is the December just past ...
    assert reading("Shelling resumed on December 28.", "2025-01-05")[0] == "2024-12-28"
    # ... and "February 10" the coming one; "September 1" in a June article last September.
    assert reading("Talks are due on February 10.", "2025-01-05")[0] == "2025-02-10"
    assert reading("The offensive began on September 1.", MONDAY)[0] == "2024-09-01"
    assert year_near(dt.date(2025, 6, 2), 8, 1) == 2025  # 60 days after: still this year


def test_month_and_year_is_month_precision():
    assert reading("The war began in February 2022.") == ("2022-02", "month", "explicit")


@pytest.mark.parametrize("text, expression", [
    ("The previous talks in mid-May ended quickly.", "mid-May"),
    ("The previous talks in late May ended quickly.", "late May"),
    ("Fighting eased in early May, officials said.", "early May"),
    ("The deal expired in May, officials said.", "May"),
])
def test_month_only_takes_the_publication_year(text, expression):
    m = only(text)
    assert (m.text, m.date, m.precision, m.basis) == (expression, "2025-05", "month", "published")


def test_month_only_in_the_future_window_and_last_month_name():
    assert reading("Elections are planned for later in July.")[0] == "2025-07"
    assert reading("Fighting flared in December.")[0] == "2024-12"
    assert reading("They last met last May.", "2025-06-02")[0] == "2025-05"
    assert reading("They last met last June.", "2025-06-02")[0] == "2024-06"


@pytest.mark.parametrize("text, expression", [
    ("It was the most structured round since the 2022 Istanbul negotiations.", "2022"),
    ("Ukraine has been at war since 2014 in the east.", "2014"),
    ("It rejected any territorial claims post-2014.", "post-2014"),
    ("It wants a return to pre-2014 borders.", "pre-2014"),
])
def test_year_only_is_year_precision(text, expression):
    m = only(text)
    assert (m.text, m.date[:2], m.precision, m.basis) == (expression, "20", "year", "explicit")
    assert m.date == expression[-4:]


# --- weekdays -----------------------------------------------------------------------------


def test_weekday_naming_the_publication_day_is_that_day():
    assert reading("Delegations resumed negotiations on Monday in the city.") == ("2025-06-02", "day", "published")


def test_other_weekdays_are_the_last_such_day_before_publication():
    assert reading("On Sunday, the army launched an attack.")[0] == "2025-06-01"
    assert reading("The minister spoke on Wednesday.")[0] == "2025-05-28"
    assert reading("The minister spoke on Sunday.", SATURDAY)[0] == "2025-05-25"


def test_overnight_saturday_is_the_saturday():
    m = only("Russia launched a record number of drones overnight Saturday.")
    assert (m.text, m.date) == ("overnight Saturday", "2025-05-31")


def test_weekday_with_a_part_of_the_day():
    m = only("The talks lasted a little less than four hours on Monday afternoon.")
    assert (m.text, m.date, m.precision) == ("Monday afternoon", "2025-06-02", "day")


def test_last_and_next_weekday_and_future_tense():
    assert reading("He spoke last Monday.")[0] == "2025-05-26"
    assert reading("They meet next Monday.")[0] == "2025-06-09"
    assert reading("The delegations will meet again on Thursday.")[0] == "2025-06-05"
    assert reading("The deal, which would take effect on Sunday, was signed.", "2025-01-15")[0] == "2025-01-19"


def test_a_modal_looks_ahead_even_in_reported_speech():
    # said on or just before the publication day: the day it names comes after the saying
    assert reading("The Kremlin said it would respond on Thursday.")[0] == "2025-06-05"
    assert reading("He said the first ships could sail as early as Saturday.")[0] == "2025-06-07"
    assert reading("The envoys could have met on Thursday, he said.")[0] == "2025-05-29"


def test_an_abbreviation_does_not_end_the_sentence_a_future_cue_governs():
    assert reading("Ukraine will put its plan to U.S. officials in Jeddah on Tuesday.")[0] == "2025-06-03"
    assert reading("Kyiv will decide. Talks resumed in Gaza. Envoys met on Tuesday.")[0] == "2025-05-27"


# --- relative phrases ------------------------------------------------------------------------


@pytest.mark.parametrize("phrase, date, precision", [
    ("yesterday", "2025-06-01", "day"),
    ("today", "2025-06-02", "day"),
    ("this afternoon", "2025-06-02", "day"),
    ("tomorrow", "2025-06-03", "day"),
    ("two days ago", "2025-05-31", "day"),
    ("last month", "2025-05", "month"),
    ("earlier this month", "2025-06", "month"),
    ("last year", "2024", "year"),
    ("three years ago", "2022", "year"),
])
def test_relative_phrases_against_the_publication_date(phrase, date, precision):
    m = only(f"The envoy said {phrase} that a deal was near.")
    assert (m.text, m.date, m.precision, m.basis, m.resolved) == (phrase, date, precision, "published", True)


def test_possessive_relative_phrase():
    assert reading("Before today's talks got underway, he spoke.")[0] == "2025-06-02"
    assert reading("He attended last month's round.")[:2] == ("2025-05", "month")


def test_same_day_follows_the_date_before_it():
    found = find_dates("The strike came on May 30. Earlier the same day, talks were cancelled. The next day, they resumed.", MONDAY)
    assert [(m.text, m.date, m.basis) for m in found] == [
        ("May 30", "2025-05-30", "published"),
        ("Earlier the same day", "2025-05-30", "previous"),
        ("The next day", "2025-05-31", "previous"),
    ]


@pytest.mark.parametrize("phrase", ["this week", "over the weekend", "last week", "two weeks ago"])
def test_stretches_longer_than_a_day_are_found_but_vague(phrase):
    m = only(f"Both sides launched drone attacks {phrase}, officials said.")
    assert (m.text, m.date, m.resolved, m.basis) == (phrase, "", False, "vague")


# --- without a publication date ------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Delegations resumed negotiations on Monday.",
    "The envoy said yesterday that a deal was near.",
    "He attended last month's round.",
    "The meeting is planned for this afternoon at 1:00 pm.",
])
def test_relative_expressions_stay_unresolved_without_publication_date(text):
    m = only(text, "")
    assert (m.date, m.resolved, m.basis, m.needs_year) == ("", False, "unresolved", False)


def test_yearless_date_takes_the_year_of_the_articles_latest_full_date():
    found = find_dates("On May 16, 2025, the sides met. The exchange went on, with a second day on May 24.", "")
    assert [(m.text, m.date, m.basis) for m in found] == [("May 16, 2025", "2025-05-16", "explicit"), ("May 24", "2025-05-24", "article")]


def test_yearless_date_without_any_year_needs_one():
    found = find_dates("They met on June 2, after a May 16 meeting and the 2022 talks; mid-May was calm.", "")
    by_text = {m.text: m for m in found}
    assert by_text["June 2"].needs_year and by_text["June 2"].partial == "--06-02" and not by_text["June 2"].resolved
    assert by_text["May 16"].partial == "--05-16" and by_text["May 16"].date == ""
    assert by_text["mid-May"].partial == "--05" and by_text["mid-May"].precision == "month"
    assert by_text["2022"].date == "2022"  # a year alone does not date the month-days


# --- not dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "The image may not adhere to the agency's editorial policy.",
    "The presence of Turkey may have aided proceedings.",
    "Ukraine proposed a 30-day renewable ceasefire.",
    "Talks lasted four hours.",
    "It ends over three years of war.",
    "Prisoners under 18 will be exchanged.",
    "The delegation would withdraw for one week to consider it.",
    "This has been discussed for months now.",
    "The meeting starts at 1:00 pm local time.",
    "The second day of talks, the first round and the 14-member delegation.",
    "Resolution 2254 was cited; the curfew starts at 2300 GMT; 1,000 prisoners were swapped.",
    "The Good Friday Agreement was quoted by the Sunday Times.",
    "She spoke to May and to March organisers.",
])
def test_not_dates(text):
    assert find_dates(text, MONDAY) == []


# --- dateparser, and what the wrapper fixes ---------------------------------------------------------


def _dateparser(text, published, **settings):
    base = dt.datetime.fromisoformat(published)
    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base, **settings}) or []
    return [(t, d.date().isoformat()) for t, d in found]


def test_dateparser_reads_the_verb_may_as_a_month():
    text = "The presence of Turkey may have aided proceedings."
    assert _dateparser(text, MONDAY) == [("may", "2025-05-02")]
    assert find_dates(text, MONDAY) == []


def test_dateparser_preferring_the_past_puts_the_publication_monday_a_week_earlier():
    text = "Talks resumed on Monday in the city."
    assert _dateparser(text, MONDAY, PREFER_DATES_FROM="past")[0][1] == "2025-05-26"
    assert only(text).date == "2025-06-02"


def test_dateparser_puts_a_weekday_in_the_future_tense_in_the_past():
    text = "The delegations will meet again on Thursday."
    assert _dateparser(text, MONDAY) == [("on Thursday", "2025-05-29")]
    assert only(text).date == "2025-06-05"


def test_dateparser_reads_durations_and_yearless_days_wrongly():
    assert _dateparser("Talks lasted four hours on Monday afternoon.", MONDAY) == [("four hours on Monday afternoon", "2025-04-02")]
    assert _dateparser("This follows a May 16 meeting.", MONDAY) == [("a May 16", "2016-05-01")]
    assert _dateparser("He would withdraw for one week.", MONDAY) == [("one week", "2025-05-26")]
    assert only("Talks lasted four hours on Monday afternoon.").date == "2025-06-02"
    assert only("This follows a May 16 meeting.").date == "2025-05-16"
    assert find_dates("He would withdraw for one week.", MONDAY) == []


def test_dateparser_misses_month_parts_and_gives_days_for_months():
    assert _dateparser("The previous talks in mid-May ended.", MONDAY) == []
    assert _dateparser("The war began in February 2022.", MONDAY) == [("in February 2022", "2022-02-02")]
    assert only("The previous talks in mid-May ended.").date == "2025-05"
    assert only("The war began in February 2022.").date == "2022-02"


def test_dateparser_baseline_is_dateparser_with_the_publication_date():
    text = "Talks resumed on Monday; the previous round was on May 16, 2025."
    assert dateparser_baseline(text, MONDAY) == [("on Monday", "2025-06-02"), ("on May 16, 2025", "2025-05-16")]
    assert dateparser_baseline("They met yesterday.", "", fallback_base=MONDAY) == [("yesterday", "2025-06-01")]


def test_a_date_glued_to_the_next_word_keeps_its_year():
    # web pages lose the space between a date line and the outlet's name
    [mention] = find_dates("March 05, 2024Frontline Wire", "")
    assert (mention.text, mention.date, mention.basis) == ("March 05, 2024", "2024-03-05", "explicit")


# --- issue 11: an article's own anchor ---------------------------------------------------


def test_an_undated_article_reads_its_weekdays_from_its_own_full_date():
    text = "The third round opened on Wednesday, July 23, 2025. On Friday the delegations met again."
    found = {m.text: m for m in find_dates(text, "")}
    assert found["Friday"].date == "2025-07-25" and found["Friday"].basis == "article"


def test_an_undated_article_reads_last_year_and_earlier_this_month_from_its_own_date():
    text = "Talks resumed on 3 June 2024. Earlier this month the envoys met; last year they did not."
    found = {m.text.lower(): m.date for m in find_dates(text, "")}
    assert found["earlier this month"] == "2024-06" and found["last year"] == "2023"


def test_today_is_not_read_from_a_date_the_article_reports():
    found = {m.text: m for m in find_dates("On 3 June 2024 the first round ended. Talks resume today.", "")}
    assert found["today"].date == "" and not found["today"].resolved


def test_a_deadline_looks_ahead_and_is_no_antecedent():
    found = find_dates("Iran will answer by 15 December. Earlier in the day Amano met Salehi.", "2015-07-14")
    assert [(m.text, m.date) for m in found] == [("15 December", "2015-12-15"), ("Earlier in the day", "")]


def test_the_end_of_a_month_and_that_night():
    found = {m.text: m.date for m in find_dates("They meet by the end of August. Late that night they met again.",
                                                 "2025-07-24")}
    assert found["the end of August"] == "2025-08"


def test_an_undated_article_reads_a_weekday_as_the_one_full_date_it_states_on_that_day():
    text = ("The order was signed on Thursday, 25 August 2016. The ceasefire began on Monday, 29 August 2016. "
            "At a press conference the same Thursday, the negotiator spoke.")
    dates = [(m.text, m.date) for m in find_dates(text)]
    assert ("Thursday", "2016-08-25") in dates


def test_earlier_in_the_day_refers_to_a_day_already_past_not_a_scheduled_one():
    text = ("The deal was signed on Saturday. Talks are to open on March 10. "
            "Earlier in the day the envoy was received by the emir.")
    dates = {m.text: m.date for m in find_dates(text, "2020-02-29")}
    assert dates["Earlier in the day"] == "2020-02-29"
    future = {m.text: m.date for m in find_dates("Talks will open on March 10 and the same day prisoners will go free.",
                                                   "2020-02-29")}
    assert future["the same day"] == "2020-03-10"


def test_an_abbreviation_is_no_date_expression():
    # the pattern that tells an abbreviation's full stop is for sentence ends, not a date
    assert [m.text for m in find_dates("The envoys met on Monday in the U.S.", MONDAY)] == ["Monday"]


def test_a_day_of_the_month_alone_takes_the_month_of_the_date_before():
    found = {m.text: m for m in find_dates("The truce took effect on September 3 and collapsed on the 15th.", "2025-09-17")}
    assert (found["the 15th"].date, found["the 15th"].basis) == ("2025-09-15", "previous")
    # with no date before it, the publication month (or the one before, for a day still to come)
    assert reading("Talks in Geneva collapsed on the 15th.", "2025-09-17")[:2] == ("2025-09-15", "day")
    assert reading("Talks in Geneva collapsed on the 15th.", "2025-09-10")[0] == "2025-08-15"
    # an ordinal before a noun numbers a thing
    assert find_dates("They met on the 15th floor; it was the 20th round, on the 3rd day.", MONDAY) == []


@pytest.mark.parametrize("text, expression, date", [
    ("The two delegations met in Geneva in March last year.", "March last year", "2024-03"),
    ("The envoys met in early March of last year.", "early March of last year", "2024-03"),
    ("The truce was signed on May 3 last year.", "May 3 last year", "2024-05-03"),
    ("Talks resume on 3 October this year, he said.", "3 October this year", "2025-10-03"),
])
def test_a_month_followed_by_last_year_takes_that_year(text, expression, date):
    m = only(text, "2025-09-17")
    assert (m.text, m.date) == (expression, date)


@pytest.mark.parametrize("text, expression", [
    ("Talks were held in Geneva between 10 and 12 July, the UN said.", "10 and 12 July"),
    ("Talks were held in Geneva from 10 to 12 July, the UN said.", "10 to 12 July"),
    ("Talks were held in Geneva on 10\u201312 July, the UN said.", "10\u201312 July"),
])
def test_a_range_of_days_is_dated_by_its_first_day(text, expression):
    m = only(text, "2025-09-17")
    assert (m.text, m.date, m.precision) == (expression, "2025-07-10", "day")


def test_the_evening_before_is_the_day_before_the_date_told_before():
    found = find_dates("The accord reached Congress on 25 August. It had been concluded in Havana the evening before.",
                       "2016-08-26")
    assert [(m.text, m.date) for m in found] == [("25 August", "2016-08-25"), ("the evening before", "2016-08-24")]


def test_a_weekday_before_a_yearless_date_picks_the_year_it_falls_in():
    # 14 November is a Thursday in 2024, a Friday in 2025
    assert reading("Talks were held on Thursday, November 14, the UN said.", "2025-09-17")[0] == "2024-11-14"
    assert reading("Talks were held on Friday, November 14, the UN said.", "2025-09-17")[0] == "2025-11-14"


def test_the_first_week_of_a_month_is_that_month():
    m = only("The envoys met in Doha in the first week of March.", "2025-09-17")
    assert (m.text, m.date, m.precision) == ("the first week of March", "2025-03", "month")


def test_by_the_afternoon_and_hours_later_are_the_day_told_before():
    found = find_dates("The truce began on May 24. By the afternoon the first hostages had crossed. "
                       "Hours later the army shelled the port.", MONDAY)
    assert [(m.text, m.date) for m in found] == [("May 24", "2025-05-24"), ("By the afternoon", "2025-05-24"),
                                                  ("Hours later", "2025-05-24")]


def test_hours_before_is_the_day_told_before():
    found = find_dates("The deal was signed on May 24. Hours before the ceremony, the envoys argued.", MONDAY)
    assert [(m.text, m.date) for m in found] == [("May 24", "2025-05-24"), ("Hours before", "2025-05-24")]


def test_a_day_of_last_or_next_month():
    found = find_dates("The truce held from the 3rd of last month; talks on the 5th of next month will decide.", "2025-09-17")
    assert [(m.text, m.date) for m in found] == [("the 3rd of last month", "2025-08-03"), ("the 5th of next month", "2025-10-05")]


@pytest.mark.parametrize("text, expression, date", [
    ("The talks opened on May 3. Three days later, the delegations walked out.", "Three days later", "2025-05-06"),
    ("The talks opened on May 3. A week later, the delegations walked out.", "A week later", "2025-05-10"),
    ("The truce collapsed on May 20. Two weeks earlier, the envoys had met.", "Two weeks earlier", "2025-05-06"),
    ("The talks opened on May 3. That same evening, the envoys dined together.", "That same evening", "2025-05-03"),
])
def test_a_count_of_days_later_is_counted_from_the_date_told_before(text, expression, date):
    m = next(m for m in find_dates(text, MONDAY) if m.text == expression)
    assert (m.date, m.precision, m.basis) == (date, "day", "previous")


@pytest.mark.parametrize("text, day_first, date", [
    ("The accord was signed on 30.05.2025 in Doha.", False, "2025-05-30"),  # a day above 12 decides
    ("The accord was signed on 05/30/2025 in Doha.", True, "2025-05-30"),
    ("The accord was signed on 03/04/2025 in Doha.", True, "2025-04-03"),
    ("The accord was signed on 03/04/2025 in Doha.", False, "2025-03-04"),
])
def test_numeric_dates_in_the_articles_order(text, day_first, date):
    (m,) = find_dates(text, MONDAY, day_first=day_first)
    assert (m.date, m.precision, m.basis) == (date, "day", "explicit")


def test_numeric_dates_are_read_only_when_the_order_is_known():
    assert find_dates("The accord was signed on 03/04/2025 in Doha.", MONDAY) == []


@pytest.mark.parametrize("text, expression, date", [
    ("Elections are expected in October, officials said.", "October", "2025-10"),
    ("The two sides will meet again in March.", "March", "2026-03"),
    ("A referendum is scheduled for November.", "November", "2025-11"),
])
def test_a_month_in_the_future_tense_lies_ahead(text, expression, date):
    m = only(text)
    assert (m.text, m.date, m.precision) == (expression, date, "month")


def test_a_month_in_the_past_tense_stays_behind():
    assert only("The two sides met in October, officials said.").date == "2024-10"


@pytest.mark.parametrize("phrase, date, precision", [
    ("The troops will withdraw by the end of the year.", "2025", "year"),
    ("A deal is expected before the end of the month.", "2025-06", "month"),
    ("Talks stalled this spring.", "2025", "year"),
])
def test_a_limit_or_season_of_the_publication_year(phrase, date, precision):
    m = only(phrase)
    assert (m.date, m.precision, m.basis) == (date, precision, "published")


def test_the_second_month_of_a_pair():
    found = find_dates("The envoys met in January and February, and again between March and April.", MONDAY)
    assert [(m.text, m.date) for m in found] == [
        ("January", "2025-01"), ("February", "2025-02"), ("March", "2025-03"), ("April", "2025-04")]


def test_a_count_of_days_later_without_a_day_before_it_is_no_date():
    assert find_dates("The talks opened in March. Three days later, the envoys left.", MONDAY)[-1].text == "March"
    (m,) = [m for m in find_dates("They met on May 3. About ten days later, the envoys left.", MONDAY) if m.basis != "published"]
    assert (m.text, m.basis, m.date) == ("ten days later", "vague", "")


@pytest.mark.parametrize("text, expression, date, precision", [
    ("The war began in February 2022. A month later, negotiators met in Istanbul.", "A month later", "2022-03", "month"),
    ("The war began in February 2022. Two years later, the envoys met.", "Two years later", "2024", "year"),
    ("The deal was signed on May 3, 2019. The following year, it collapsed.", "The following year", "2020", "year"),
    ("The deal was signed on May 3, 2019. Later that month, it collapsed.", "Later that month", "2019-05", "month"),
])
def test_a_month_or_year_counted_from_the_date_told_before(text, expression, date, precision):
    m = next(m for m in find_dates(text, MONDAY) if m.text == expression)
    assert (m.date, m.precision, m.basis) == (date, precision, "previous")


def test_months_later_without_a_date_before_is_a_duration():
    assert find_dates("Three months later, it collapsed.", MONDAY) == []


def test_the_first_letters_look_ahead_changes_no_match(monkeypatch):
    from parley import config
    from parley.extract import dates

    texts = [p.read_text(encoding="utf-8") for p in sorted((config.PROJECT_ROOT / "seeds").glob("*.txt"))]
    texts += ["EARLIER THIS WEEK, and Later That Day; the Following Month. In mid-March and LATE April 2024.",
              "yeſterday, \u212aater, İn March, ıN May, Mid\u2011June, 'll meet next week, would meet 3 days ago"]
    quick = dates._patterns()
    assert "(?=(?i:[" in quick["relative_days"].pattern
    monkeypatch.setattr(dates, "_first_letters", lambda words: "")
    dates._patterns.cache_clear()
    try:
        plain = dates._patterns()
        assert "(?=(?i:[" not in plain["relative_days"].pattern
        for kind, pattern in quick.items():
            for text in texts:
                assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == \
                       [(m.span(), m.groupdict()) for m in plain[kind].finditer(text)], kind
    finally:
        dates._patterns.cache_clear()
