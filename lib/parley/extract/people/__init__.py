"""People named in an article, with the role and side the article gives them.

Per article (`article.extract_people`, a pure function of the article and its spaCy Doc):

1. *Names* are runs of capitalised name-like tokens ("Anna Berg", "Khalil al-Hayya").
   A run is a person when spaCy's NER says so, or when the text around it does: a
   title before it ("Defence Minister X", "presidential aide X", "Colonel X"), a title
   after it ("X, Minister of Defence"), a bulleted list item ("• X, Deputy Head of ..."),
   or a surname the article has already given in full ("Berg said"). The model
   misses names in bulleted lists and after long titles; these cues catch them.
2. *Roles* are read from the title phrase before the name (built from the title words
   in `data/titles.yml`), the appositive after it, or a possessive ("Lind's aide X",
   "Ukraine's Minister of Defence, X").
3. *Sides* come from what the article says, strongest first: a party named in the
   role ("Turkish Foreign Minister", "MİT chief", "of the Armed Forces of Ukraine");
   the person whose aide or envoy they are; the delegation a sentence or a bulleted
   list puts them in ("the Ukrainian delegation is led by X and includes Y",
   "Russia's team included:"); a paragraph about one side's delegation; kin and aides
   take the side of whose they are. Otherwise the one party named around the person
   (sentence, paragraph, the paragraph before) is a guess (`sides.NAMED_NEARBY`) that
   other articles override; else the side stays empty, to be filled from other articles.
4. Mentions of one person in the article (full name, later surname) become one row:
   `name` is the fullest form, `role` the first role given, `start`/`end`/`quote` the
   mention that gives it (role and name together), plus `surface`, `mentions`,
   `surfaces`, `roles_seen`, `role_of` (whose aide/envoy), `side_evidence` and
   `side_strength` (3 role, 2 delegation/list/possessor, 1 paragraph).

The modules, each depending only on those above it:

- `names`: the title and name lexicon, name-like words, name keys for comparing names;
- `context`: `Mention` and the article as the rules read it (`_Article`);
- `titles`: the title phrase before a name and the appositive after it;
- `roles`: a mention's role from its titles, plural titles shared, comparing roles;
- `mentions`: finding the names that are people (step 1);
- `sides`: the evidence of a person's side (step 3);
- `article`: `extract_people`, clustering one person's mentions into a row (step 4).

The same person across articles is found after, in `parley.across.persons`.
"""
