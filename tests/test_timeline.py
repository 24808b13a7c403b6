"""The corpus steps: years for yearless dates, and one timeline merged across articles."""

import pandas as pd
import pytest

from parley import config, nlp
from parley.across.timeline import build_timeline, resolve_years
from parley.extract.events import extract_events
from parley.read.corpus import read_corpus


def mention(doc_id, date, description, actors="", statement=False, precision="day", start=0, **extra):
    return {
        "doc_id": doc_id, "date": date, "precision": precision, "date_text": "x", "description": description,
        "start": start, "end": start + 10, "quote": f"quote of {description}", "basis": "published",
        "resolved": bool(date), "needs_year": False, "partial": "", "actors": actors, "statement": statement, **extra,
    }


def documents(*published):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(published))], "published": list(published)})


# --- years from the corpus --------------------------------------------------------------------


def test_a_yearless_date_takes_the_year_another_article_gives_the_same_happening():
    events = pd.DataFrame([
        mention("a", "", "Ukrainian and Russian delegations resumed peace talks in Geneva", "Russia|Ukraine",
                partial="--06-02", needs_year=True, resolved=False),
        mention("b", "2025-06-02", "The delegations began their second round of peace talks in Geneva", "Russia|Ukraine"),
    ])
    out = resolve_years(events, documents("", "2025-06-02"))
    assert list(out["date"]) == ["2025-06-02", "2025-06-02"]
    assert list(out["basis"]) == ["corpus", "published"]
    assert list(out["needs_year"]) == [False, False] and list(out["resolved"]) == [True, True]


def test_the_corpus_never_lends_its_usual_year_to_a_lone_date():
    """"July 23" in an undated article beside articles of 2022 and 2025 about other
    happenings stays without a year: nothing in the corpus says which year it is."""
    events = pd.DataFrame([
        mention("a", "", "the envoys met again in Istanbul", partial="--07-23", needs_year=True, resolved=False),
        mention("b", "2022-03-29", "the talks in Turkey ended"),
        mention("c", "2025-07-23", "Russia shelled the port of Odesa overnight", "Russia"),
    ])
    out = resolve_years(events, documents("", "2022-03-29", "2025-07-23"))
    assert out.loc[0, "date"] == "" and bool(out.loc[0, "needs_year"])


def test_once_placed_an_article_gives_its_year_to_its_other_yearless_dates():
    events = pd.DataFrame([
        mention("a", "", "Ukrainian and Russian delegations resumed peace talks in Geneva", "Russia|Ukraine",
                partial="--06-02", needs_year=True, resolved=False),
        mention("a", "", "Moscow said it would consider a ceasefire", partial="--05-30", needs_year=True,
                resolved=False, start=40),
        mention("a", "", "the talks of last winter", partial="--12", needs_year=True, resolved=False,
                precision="month", start=80),
        mention("b", "2025-06-02", "The delegations began their second round of peace talks in Geneva", "Russia|Ukraine"),
    ])
    out = resolve_years(events, documents("", "2025-06-02"))
    assert list(out["date"]) == ["2025-06-02", "2025-05-30", "2024-12", "2025-06-02"]


def test_flags_read_back_from_csv_strings():
    events = pd.DataFrame([
        mention("a", "", "talks began in Geneva", partial="--06-02", needs_year="True", resolved="False"),
        mention("b", "2025-06-02", "talks began in Geneva", resolved="True"),
    ])
    assert resolve_years(events, documents("", "2025-06-02"))["date"].tolist() == ["2025-06-02", "2025-06-02"]


# --- merging ----------------------------------------------------------------------------------------


def test_same_happening_in_different_words_is_one_event():
    events = pd.DataFrame([
        mention("a", "2025-06-02", "Ukrainian and Russian delegations resumed peace negotiations in Geneva", "Russia|Ukraine"),
        mention("b", "2025-06-02", "The delegations began their second round of peace talks in Geneva", "Russia|Ukraine"),
        mention("c", "2025-06-02", "Peace negotiations between Ukraine and Russia lasted four hours", "Russia|Ukraine"),
        mention("c", "2025-06-02", "The Ukrainian delegation walked out of the talks", "Ukraine", start=50),
    ])
    timeline, conflicts = build_timeline(events)
    assert len(timeline) == 1 and conflicts == []
    (row,) = timeline.to_dict("records")
    assert (row["n_sources"], row["n_mentions"], row["doc_ids"]) == (3, 4, "a|b|c")
    assert row["date"] == "2025-06-02" and row["precision"] == "day"
    assert row["event_id"].startswith("2025-06-02-")


def test_different_happenings_on_one_day_stay_apart():
    events = pd.DataFrame([
        mention("a", "2025-06-01", "Ukraine launched one of its most ambitious attacks of the conflict", "Ukraine"),
        mention("b", "2025-06-01", "Ukraine struck Russian air bases in a series of bold drone attacks", "Ukraine"),
        mention("a", "2025-06-01", "Medinsky said that Moscow had received Ukraine's draft memorandum", "", True, start=40),
        mention("b", "2025-06-01", "The president said he would send a delegation for a second round of talks", "", True, start=40),
        mention("c", "2025-06-01", "Russia launched a record number of drones against Ukraine", "Russia"),
    ])
    timeline, _ = build_timeline(events)
    assert sorted(timeline["n_sources"]) == [1, 1, 1, 2]
    attack = timeline[timeline["n_sources"] == 2].iloc[0]
    assert attack["doc_ids"] == "a|b"
    assert timeline["event_id"].is_unique


def test_different_dates_or_precisions_are_different_events():
    events = pd.DataFrame([
        mention("a", "2025-05-16", "The first round of talks resulted in a prisoner swap"),
        mention("b", "2025-05", "the previous talks", precision="month"),
        mention("c", "2025-06-02", "The second round of talks began"),
    ])
    timeline, conflicts = build_timeline(events)
    assert list(timeline["date"]) == ["2025-05", "2025-05-16", "2025-06-02"]
    assert conflicts == []  # first and second rounds are not one happening dated twice


def test_unresolved_mentions_are_not_on_the_timeline():
    events = pd.DataFrame([mention("a", "", "the meeting is planned"), mention("b", "2025-06-02", "talks began")])
    timeline, _ = build_timeline(events)
    assert list(timeline["description"]) == ["talks began"]


def test_one_happening_dated_differently_is_a_conflict():
    events = pd.DataFrame([
        mention("a", "2025-03-03", "Israeli and Hamas negotiators resumed indirect talks in Doha", "Hamas|Israel"),
        mention("b", "2025-03-04", "Israel and Hamas resumed indirect talks in Doha", "Hamas|Israel"),
        mention("c", "2025-03-04", "Hamas negotiators resumed indirect talks in Doha", "Hamas"),
    ])
    timeline, conflicts = build_timeline(events)
    assert len(timeline) == 2
    (conflict,) = conflicts
    assert conflict["kind"] == "event_date"
    assert conflict["values"] == "2025-03-03|2025-03-04"
    assert conflict["doc_ids"] == "a|b|c"
    assert "Doha" in conflict["subject"] and "quotes" in conflict


def test_no_conflict_when_one_article_gives_both_dates_or_the_days_are_far_apart():
    same_article = pd.DataFrame([
        mention("a", "2025-03-03", "Israel and Hamas resumed indirect talks in Doha", "Hamas|Israel"),
        mention("a", "2025-03-04", "Israel and Hamas resumed indirect talks in Doha", "Hamas|Israel", start=90),
    ])
    far_apart = pd.DataFrame([
        mention("a", "2025-03-03", "Israel and Hamas resumed indirect talks in Doha", "Hamas|Israel"),
        mention("b", "2025-04-20", "Israel and Hamas resumed indirect talks in Doha", "Hamas|Israel"),
    ])
    assert build_timeline(same_article)[1] == []
    assert build_timeline(far_apart)[1] == []


def test_timeline_is_deterministic():
    events = pd.DataFrame([
        mention("b", "2025-06-02", "The delegations began their second round of peace talks in Geneva"),
        mention("a", "2025-06-02", "Delegations resumed peace negotiations in Geneva"),
        mention("a", "2025-06-01", "Ukraine struck air bases", "Ukraine", start=5),
    ])
    first, _ = build_timeline(events)
    second, _ = build_timeline(events.iloc[::-1].reset_index(drop=True))
    pd.testing.assert_frame_equal(first, second)
    assert list(first["date"]) == sorted(first["date"])
    as_read_from_csv = events.astype(str)  # every cell a string, offsets too ("5" sorts after "0")
    pd.testing.assert_frame_equal(build_timeline(as_read_from_csv)[0], first)


# --- the seeds ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_timeline():
    corpus = read_corpus(config.default_seeds_dir())
    rows = [row for a in corpus.articles for row in extract_events(a, nlp.parse(a.body))]
    events = resolve_years(pd.DataFrame(rows), corpus.documents())
    return build_timeline(events)


def test_seed_rounds_are_single_events_with_three_sources(seed_timeline):
    timeline, conflicts = seed_timeline
    for date in ("2025-05-16", "2025-06-02"):
        talks = timeline[(timeline["date"] == date) & timeline["description"].str.contains("talks|negotiations|round")]
        assert len(talks) == 1, talks
        assert talks.iloc[0]["n_sources"] >= 3
    assert conflicts == []


def test_seed_sunday_keeps_the_strikes_apart_from_the_memorandum(seed_timeline):
    timeline, _ = seed_timeline
    sunday = timeline[timeline["date"] == "2025-06-01"]
    strikes = sunday[sunday["description"].str.contains("attack|struck")]
    memo = sunday[sunday["description"].str.contains("memorandum")]
    assert len(strikes) == 1 and len(memo) == 1
    assert strikes.iloc[0]["event_id"] != memo.iloc[0]["event_id"]
    assert strikes.iloc[0]["n_sources"] == 2


# --- the figure ------------------------------------------------------------------------------------


def _timeline_rows():
    rows = [("2014", "year", "Annexation", 2), ("2022-02", "month", "The war began", 1)]
    rows += [(f"2025-05-{d}", "day", f"Happening on day {d}", n) for d, n in ((16, 3), (24, 1), (30, 1), (31, 2))]
    rows += [("2025-06-02", "day", "Talks resumed", 4)]
    return pd.DataFrame(
        [{"event_id": f"e{i}", "date": d, "precision": p, "description": t, "n_sources": n, "doc_ids": "a"}
         for i, (d, p, t, n) in enumerate(rows)]
    )


def test_figure_zooms_into_the_crowded_weeks(tmp_path):
    from parley.publish.figures.timeline import _dense_window, _events, plot_timeline

    events = _events(_timeline_rows())
    first, last = _dense_window(events)
    assert first <= pd.Timestamp("2025-05-16").date() and last >= pd.Timestamp("2025-06-02").date()
    assert (last - first).days < 60  # the zoom is weeks, not years
    path = plot_timeline(_timeline_rows(), tmp_path / "a")
    again = plot_timeline(_timeline_rows(), tmp_path / "b")
    assert path.name == "timeline.png" and path.with_suffix(".svg").is_file()
    assert path.read_bytes() == again.read_bytes()


def test_figure_without_a_long_span_has_one_panel_and_empty_is_drawn(tmp_path):
    from parley.publish.figures.timeline import _dense_window, _events, plot_timeline

    short = _timeline_rows().iloc[2:]
    assert _dense_window(_events(short)) is None
    assert plot_timeline(short, tmp_path / "short").is_file()
    empty = pd.DataFrame(columns=["event_id", "date", "precision", "description", "n_sources", "doc_ids"])
    assert plot_timeline(empty, tmp_path / "empty").is_file()


def test_descriptions_tagged_once_are_read_back_by_the_next_run_without_the_model(tmp_path, monkeypatch):
    from parley.across import timeline as timeline_module

    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(timeline_module, "_FEATURES", {})
    descriptions = ["delegations meet in Geneva", "ministers sign the second agreement"]
    timeline_module._prepare_features(descriptions)
    first = {d: timeline_module._FEATURES[d] for d in descriptions}

    monkeypatch.setattr(timeline_module, "_FEATURES", {})  # a new kernel
    monkeypatch.setattr(timeline_module.nlp, "load", lambda: (_ for _ in ()).throw(AssertionError("model loaded")))
    timeline_module._prepare_features(descriptions)
    assert {d: timeline_module._FEATURES[d] for d in descriptions} == first
    with pytest.raises(AssertionError, match="model loaded"):
        timeline_module._prepare_features(["a description never tagged"])


def test_a_figure_is_kept_while_what_it_draws_is_unchanged(tmp_path, monkeypatch, count_calls):
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache" / "parley"))
    from parley.publish.figures import timeline as timeline_figure
    from parley.publish.figures.timeline import plot_timeline

    timeline = pd.DataFrame({"event_id": ["e1", "e2"], "date": ["2025-06-02", "2025-06-05"], "precision": ["day", "day"],
                             "description": ["talks resumed", "talks ended"], "n_sources": [2, 1],
                             "doc_ids": ["a|b", "a"], "quotes": ["a: talks resumed|b: resumed", "a: ended"]})
    first = plot_timeline(timeline, tmp_path / "one").read_bytes()
    drawn = count_calls(timeline_figure, "save")
    # other quotes and articles, the same events drawn: the figure is copied back
    assert plot_timeline(timeline.assign(doc_ids=["a|c", "a"], quotes=["a: x|c: y", "a: z"]), tmp_path / "two").read_bytes() == first
    assert drawn == []
    assert plot_timeline(timeline.assign(n_sources=[3, 1]), tmp_path / "three").read_bytes() != first
    assert len(drawn) == 1


def test_the_zoom_and_the_rows_shown_are_those_of_comparing_every_pair():
    """`_dense_window` finds its window in one pass and `_best_supported` its rows by set:
    the same answers as the plain definitions, which compare every event with every other."""
    import datetime as dt
    import random

    from parley.publish.figures import timeline as figure

    def dense_by_every_pair(events):
        if not events or (figure._span(events)[1] - figure._span(events)[0]).days <= figure.ZOOM_WHEN_SPAN_DAYS:
            return None
        points = sorted(e["middle"] for e in events if e["precision"] != "year")
        best, best_count = None, 0
        for i, start in enumerate(points):
            inside = [p for p in points[i:] if (p - start).days <= figure.DENSE_WINDOW_DAYS]
            if len(inside) > best_count:
                best, best_count = (start, inside[-1]), len(inside)
        if best is None or best_count < figure.MIN_ZOOMED_EVENTS:
            return None
        return best[0] - dt.timedelta(days=2), best[1] + dt.timedelta(days=2)

    chance = random.Random(7)
    for _ in range(40):
        rows = []
        for i in range(chance.randint(0, 60)):
            day = dt.date(2024, 1, 1) + dt.timedelta(days=chance.choice([chance.randint(0, 700), chance.randint(300, 330)]))
            precision = chance.choice(["day", "day", "month", "year"])
            date = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]
            rows.append({"date": date, "precision": precision, "description": f"event {i % 25}",
                         "n_sources": chance.randint(1, 4)})
        events = figure._events(pd.DataFrame(rows, columns=["date", "precision", "description", "n_sources"]))
        assert figure._dense_window(events) == dense_by_every_pair(events)
        kept = sorted(events, key=lambda e: (-e["n_sources"], e["first"]))[: figure.MAX_ROWS]
        assert figure._best_supported(events) == ([e for e in events if e in kept] if len(events) > figure.MAX_ROWS else events)
        inside = events[::3]
        assert figure._not_among(events, inside) == [e for e in events if e not in inside]

