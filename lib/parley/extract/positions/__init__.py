"""Positions: which side demands, proposes, rejects or agrees to what, issue by issue.

For every issue cue of the codebook found in an article, `article.extract_positions`
asks who holds a position on it and which one, reading the dependency parse upwards
from the issue phrase:

- the **subject** of the clause the issue sits in ("Israel demanded the release of all
  detainees"), inherited along coordinated and controlled verbs ("Hamas went on to
  insist on ...");
- a **possessive** or adjective on a position noun ("Hamas's plan includes", "the
  Israeli draft, which calls for");
- the **document** last mentioned with its side, when the text describes a document
  rather than a party ("Under the draft, there would be ...", "It also says ...",
  "Its main goals include ...");
- a bulleted **list** introduced by a sentence ending in ":" takes that sentence's side
  and stance;
- a joint subject ("the two sides", "both parties") that **agrees** gives a row for each
  of the article's two main parties, as does an agreement the talks ended in;
- otherwise a **speaker**: "..., the minister said" (people's sides come from `people_rows`).

The stance is the cue word closest in the parse to where the side was found (the verb
of the side, then the words between it and the issue, then position nouns of the
clause); a negated issue phrase ("no limits on ... army", "non-recognition of ...
annexation") is a rejection. A clause that refers back to a position ("an offer the
other side turned down", "terms Israel called unacceptable") gives the other side's
answer to the issues stated before it.

Only sentences with a side and a stance word give rows: an issue merely mentioned
("shelling along the border") is not a position.

The modules, each depending only on those above it:

- `sentences`: the units read (sentences within a paragraph) and parse helpers;
- `agents`: who holds a position (`Agents`: subjects, possessives, pronouns, documents);
- `attribution`: walking up the parse from an issue phrase to its agent or speaker;
- `stance_cues`: the stance cue that speaks for the agent, and negation;
- `issues`: the positions stated about one issue mention;
- `answers`: positions taken on a position just stated;
- `lists`: bulleted lists and an agreement's listed terms;
- `conditions`: a condition a side sets ("would not join talks until ...", "only if ..."), its demand;
- `article`: `extract_positions`, the sentence-by-sentence reading and its rows.
- `learned`: a sentence classifier's issue for sentences the rules found no position in, with
  the rules' stance cue and agent (attribution `learned`; off unless the project file says so).
"""
