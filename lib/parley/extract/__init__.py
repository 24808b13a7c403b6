"""Extraction, one article at a time: an `Article` in, its rows of facts out.

Reads one article (from `parley.read`) and the knowledge tables (`parley.knowledge`);
writes each article's rows for people.csv, events.csv, quantities.csv and
positions.csv, before anything is resolved across articles. Every reading here is a
pure function of one article and its spaCy Doc; whatever looks across articles is in
`parley.across`.

- `run`: `extract_article` and `extract_corpus`, in parallel (or on Dask), cached per
  article in `.cache/parley/` under the code's fingerprint;
- `people/`: people, their roles and sides;
- `dates`, `events`: dates in the text and the events they date;
- `quantities`: numbers and what they count;
- `positions/`: which side demands, proposes, rejects or agrees to what, issue by issue;
- `stances`: a second, broader reading of positions from every stance word.
"""
