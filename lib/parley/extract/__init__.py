"""Extraction, one article at a time: an `Article` in, its rows of facts out.

Reads one article (from `parley.read`) and the knowledge tables; writes each article's
rows for people, events, quantities and positions. `run` maps it over a corpus, in
parallel, cached per article in `.cache/parley/`. Every module here is a pure function
of one article: whatever looks across articles is in `parley.across`.
"""
