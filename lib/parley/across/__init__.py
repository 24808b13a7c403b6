"""Across articles: every article's rows in, the corpus-wide tables out.

Reads the rows `parley.extract` wrote for every article; writes persons.csv, the
resolved people.csv (with `person_id`) and events.csv (years placed), timeline.csv,
comparison.csv, conflicts.csv and sources.csv. Candidates are compared within
blocks, never all pairs, so the cost per article stays flat as a corpus grows.

- `persons`: one person however the name is spelled; the delegations view;
- `timeline`: yearless dates placed from the corpus, events merged into one timeline;
- `compare`: each side's stance on each issue across articles;
- `conflicts`: numbers that disagree between articles (people's and dates'
  disagreements come from `persons` and `timeline`);
- `sources`: which article reports which fact.
"""
