"""Knowledge: the tables of general knowledge in `data/`, loaded and looked up.

Reads `data/` (countries, organisations, party nouns, leaders, given names and places,
the issue codebook); writes nothing. Nothing here reads an article's facts, and
nothing names a person, place or date from the seed articles.

- `sides`: the parties and the words that name them (`find_parties`, `party_of`);
- `leaders`: heads of state and government and foreign ministers of every state, by date;
- `gazetteer`: places and given names;
- `codebook`: the issues, their cue words and the stance words.
"""
