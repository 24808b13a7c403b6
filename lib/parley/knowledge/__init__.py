"""Knowledge: the tables of general knowledge in `data/`, loaded and looked up.

Reads `data/` (countries, organisations, party nouns, leaders, given names and places,
the issue codebook); writes nothing. `sides` names the parties and finds them in text,
`leaders` says who held which office when, `gazetteer` tells places from given names,
`codebook` holds the issues and their cue words. Nothing here reads an article's facts.
"""
