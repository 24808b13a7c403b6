"""Across articles: the per-article rows in, the corpus-wide tables out.

Reads the rows `parley.extract` wrote for every article; writes the tables that merge
them: the timeline (years placed, events merged), the comparison of positions issue by
issue, the sources view (which article reports which fact), and the disagreements
between articles. Candidates are compared within blocks, never all pairs.
"""
