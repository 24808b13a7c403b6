"""Write the numbered notebooks in notebooks/ from the cell lists below.

The notebooks are the source users open in JupyterLab; this script only exists so
that their structure (steps, a `parameters` cell, stable cell ids) stays uniform.
Run `python tools/make_notebooks.py`, then `make refresh-notebooks` to store outputs.
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
CHECK = "# NBVAL_CHECK_OUTPUT\n"

PARAMETERS = '''# Parameters: `parley run` and papermill replace these values.
seeds_dir = ""  # folder of articles; "" means the project's seeds/ (relative paths start at the project root)
out_dir = ""  # where tables and figures are written; "" means the scratch folder .cache/scratch/ (only `parley run` publishes reports/)'''

SETUP = '''from IPython.display import Markdown, display

from parley import analysis, notebooks, tables

notebooks.show_whole_tables()
out = notebooks.out_dir(out_dir)
results = analysis.load(seeds_dir)'''


def md(cell_id, text):
    cell = new_markdown_cell(text.strip())
    cell["id"] = cell_id
    return cell


def code(cell_id, text, tags=()):
    cell = new_code_cell(text.strip())
    cell["id"] = cell_id
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def notebook(name, cells):
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    path = ROOT / "notebooks" / name
    old = nbformat.read(path, as_version=4) if path.exists() else None
    if old is not None:  # keep stored outputs of cells whose source did not change
        previous = {c.get("id"): c for c in old.cells}
        for cell in nb.cells:
            before = previous.get(cell["id"])
            if cell.cell_type == "code" and before is not None and before.source == cell.source:
                cell.outputs, cell.execution_count = before.outputs, before.execution_count
    nbformat.validate(nb)
    path.write_text(nbformat.writes(nb), encoding="utf-8")
    print("wrote", path.relative_to(ROOT))


notebook("01_extraction.ipynb", [
    md("title", """
# 1. Extraction: the articles, and who sat at the table

Steps:
1. Read every article in `seeds_dir`: metadata, the clean story text, what was cleaned away, and any file that could not be read.
2. Extract each article's facts on its own (people, dated events, quantities, positions); results are cached per article.
3. Resolve people across articles: one person however the name is spelled, with every role and variant seen.
4. Show the delegations side by side, then the people the articles disagree about.
5. Write `documents.csv`, `skipped.csv`, `people.csv` and `persons.csv`.
"""),
    code("parameters", PARAMETERS, tags=["parameters"]),
    code("setup", SETUP),
    md("articles-md", """
## The articles

One row per article read. `published` is filled only where the text states the date (a date line, an "Updated …" line, a dateline); it is never guessed. `words` counts story text after boilerplate was removed.
"""),
    code("articles", CHECK + 'results["documents"][["doc_id", "title", "outlet", "author", "published", "words"]]'),
    md("cleaned-md", """
## What was cleaned away

Consent banners, share buttons, picture captions and credits, repeated headlines, tag lists: removed before any extraction, each listed here with its kind. Offsets in every table still point into the file as stored.
"""),
    code("cleaned", CHECK + 'from parley.corpus import removed_table\n\nremoved_table(results.corpus)'),
    code("skipped", CHECK + 'if results.skipped.empty:\n    print("Every file in the folder was read.")\nelse:\n    display(Markdown("**Files skipped** (reported, not fatal):"))\n    display(results.skipped)'),
    md("people-md", """
## Who sat at the table

People are found by spaCy's named-entity recogniser and by patterns built from a table of title words (`lib/parley/data/`), which catch what the model misses, such as names in bulleted lists. Each person's side comes from what the text says about them: a nationality or possessive in their title, an organisation (Kremlin, SBU, …), or the delegation a list or sentence puts them in. A side the text does not give stays empty.
"""),
    code("counts", CHECK + '''people, persons = results["people"], results["persons"]
print(f"{len(results['documents'])} articles, {len(people)} person mentions, {len(persons)} people after resolution")
print(persons["side"].replace("", "(unknown)").value_counts().sort_index().to_string())'''),
    md("delegations-md", """
### The delegations, side by side

For each side: its members, the roles the articles give them, and how many articles name each.
"""),
    code("delegations", CHECK + '''from parley.people import delegations

delegations(people, persons)'''),
    md("persons-md", """
### Every person across articles

`variants` lists every spelling seen (transliterations such as Medinsky/Medinskii are one person); `roles` every title the articles give.
"""),
    code("persons", CHECK + 'persons[["person_id", "name", "side", "roles", "variants", "n_docs"]]'),
    md("conflicts-md", """
### Where the articles disagree about people

A person whose role differs between articles, or two people sharing a surname whose first names or roles disagree, become a row here with the quotes that disagree, rather than being silently merged.
"""),
    code("conflicts", CHECK + '''conflicts = results["conflicts"]
people_conflicts = conflicts[conflicts["kind"].str.startswith("person")]
people_conflicts if len(people_conflicts) else print("No disagreement about people.")'''),
    md("write-md", "## Tables written"),
    code("write", '''for name in ("documents", "skipped", "people", "persons"):
    tables.write_table(results[name], out, name)
    print(f"data/{name}.csv: {len(results[name])} rows")'''),
])

notebook("02_timeline.ipynb", [
    md("title", """
# 2. Timeline: what happened when, according to whom

Steps:
1. Find every time expression in each article and resolve it against the article's publication date.
2. Place dates the article leaves without a year, using the article's own dates first and then the corpus.
3. Keep one row per dated event mention (`events.csv`), with the clause it belongs to.
4. Merge mentions of the same happening on the same date across articles into one timeline (`timeline.csv`).
5. List what could not be resolved, and the dates the articles disagree on.
"""),
    code("parameters", PARAMETERS, tags=["parameters"]),
    code("setup", SETUP),
    md("method-md", """
## Method

* **Absolute dates** ("May 16, 2025", "23 July", "February 2022", "the 2022 Istanbul talks") are read as written, with their precision: `day`, `month` or `year`.
* **Relative dates** ("on Sunday", "overnight Saturday", "last month") need the publication date. A weekday naming the publication day itself is that day, not a week earlier; "overnight Saturday" is the Saturday. Where an article states no publication date, relative expressions stay unresolved: nothing is guessed.
* **Not dates**: durations and ages ("30-day", "four hours", "three years", "under 18") and the verb "may".
* **Yearless dates** ("on June 2") take the year of the publication date; in an article without one, the year of the article's own latest full date, and failing that the corpus's publication year (marked `basis = corpus`).
* **Merging**: two mentions are one event when they fall on the same date and describe the same happening (shared words and participants), whatever the wording or the article.
"""),
    code("counts", CHECK + '''events, timeline = results["events"], results["timeline"]
resolved = events[events["date"] != ""]
print(f"{len(events)} time expressions tied to events, {len(resolved)} resolved to a date")
print(f"{len(timeline)} events on the timeline, {int((timeline['n_sources'].astype(int) >= 2).sum())} reported by two or more articles")'''),
    md("timeline-md", """
## The timeline

One row per happening, earliest first, with the number of articles that report it and their ids. `quotes` in `timeline.csv` holds the sentence from each.
"""),
    code("timeline", CHECK + 'timeline[["date", "precision", "description", "n_sources", "doc_ids"]]'),
    md("events-md", """
## Every dated mention, with its quote

The rows behind the timeline: each article's sentence, the expression as written, and how the date was resolved.
"""),
    code("events", CHECK + '''columns = [c for c in ["doc_id", "date", "date_text", "basis", "description", "quote"] if c in events.columns]
resolved[columns]'''),
    md("unresolved-md", """
## What could not be resolved

Time expressions whose date the text does not determine, for example a weekday in an article that states no publication date.
"""),
    code("unresolved", CHECK + '''unresolved = events[events["date"] == ""]
unresolved[columns] if len(unresolved) else print("Every time expression was resolved.")'''),
    md("conflicts-md", "## Dates the articles disagree on"),
    code("conflicts", CHECK + '''date_conflicts = results["conflicts"][results["conflicts"]["kind"].str.contains("date")]
date_conflicts if len(date_conflicts) else print("No article dates an event differently from another.")'''),
    md("write-md", "## Tables written"),
    code("write", '''for name in ("events", "timeline"):
    tables.write_table(results[name], out, name)
    print(f"data/{name}.csv: {len(results[name])} rows")'''),
])

notebook("03_comparison.ipynb", [
    md("title", """
# 3. Positions compared: what each side demands, proposes, rejects and agrees

Steps:
1. Find each statement of a side's position, with its issue (from the codebook) and stance.
2. Extract the numbers the articles report (prisoners exchanged, drones launched, …) with their units.
3. Set the sides next to each other, issue by issue, with how many articles support each cell.
4. State where the sides converge and where they clash, from the data.
5. Collect every disagreement between articles (people, dates, numbers) into `conflicts.csv`.
"""),
    code("parameters", PARAMETERS, tags=["parameters"]),
    code("setup", SETUP),
    md("codebook-md", """
## The codebook

Issues and their cue words are data (`lib/parley/data/codebook.yml`); each issue maps to a category of the PA-X peace agreements database where one exists. Adding a cue word there changes the results without touching code.
"""),
    code("codebook", CHECK + '''from parley import codebook

codebook.table()'''),
    md("positions-md", """
## Positions, statement by statement

A side is the subject of the verb, a possessive ("Ukraine's proposal includes"), the side whose document is being described, or both parties when "the two sides agreed". Negation turns a stance around: "no restrictions on Ukraine's military" rejects military limits.
"""),
    code("positions", CHECK + '''positions = results["positions"]
print(f"{len(positions)} position statements in {positions['doc_id'].nunique()} articles")
positions[["doc_id", "side", "issue", "stance", "quote"]]'''),
    md("comparison-md", """
## Side by side

Each cell is a side's stance on an issue as most articles report it; `n_sources` is how many articles support it.
"""),
    code("matrix", CHECK + '''from parley import compare

compare.matrix(results["comparison"])'''),
    md("convergence-md", "## Where the sides converge, and where they clash"),
    code("convergence", CHECK + '''display(Markdown(compare.convergence_markdown(results.convergence)))'''),
    md("quantities-md", """
## The numbers

Numbers with what they count, in figures or in words; dates, times of day and ordinals are not quantities.
"""),
    code("quantities", CHECK + 'results["quantities"][["doc_id", "value", "unit", "quote"]]'),
    md("conflicts-md", """
## Every disagreement between the articles

People, dates and numbers on which the articles differ, each with the articles involved.
"""),
    code("conflicts", CHECK + 'results["conflicts"]'),
    md("write-md", "## Tables written"),
    code("write", '''for name in ("positions", "quantities", "comparison", "conflicts"):
    tables.write_table(results[name], out, name)
    print(f"data/{name}.csv: {len(results[name])} rows")'''),
])

notebook("04_figures.ipynb", [
    md("title", """
# 4. Figures

Steps:
1. Draw the delegations, the timeline and the positions matrix from the tables of the earlier notebooks.
2. Build the sources view: which article reports which fact, and where the articles disagree (`sources.csv`).
3. Write every figure as PNG and SVG under `figures/`.
"""),
    code("parameters", PARAMETERS, tags=["parameters"]),
    code("setup", SETUP + '''

from IPython.display import Image

from parley import people, sources
from parley.figures.delegations import plot_delegations
from parley.figures.positions import plot_positions
from parley.figures.sources import plot_sources
from parley.figures.timeline import plot_timeline'''),
    md("delegations-md", """
## Who sat at the table

Each side's delegation; the number beside a name is how many articles name that person.
"""),
    code("delegations", 'Image(plot_delegations(people.delegations(results["people"], results["persons"]), out))'),
    md("timeline-md", """
## What happened when

The top strip spans every year the articles mention; the lower panel zooms into the densest weeks. Marker size is the number of articles reporting the event.
"""),
    code("timeline", 'Image(plot_timeline(results["timeline"], out))'),
    md("positions-md", """
## Positions, issue by issue

Rows are issues, columns are sides; colour and symbol give the stance, the number how many articles support it.
"""),
    code("positions", 'Image(plot_positions(results["comparison"], out))'),
    md("sources-md", """
## Sources: how much each claim rests on

One row per fact, one column per article: a dot where the article reports the fact. Facts the articles disagree on are highlighted.
"""),
    code("sources-table", CHECK + '''sources_view = sources.sources_table(results.tables)
tables.write_table(sources_view, out, "sources")
print(f"{len(sources_view)} facts; {int((sources_view['n_sources'].astype(int) >= 2).sum())} reported by two or more articles")'''),
    code("sources", 'Image(plot_sources(sources_view, results["documents"], out))'),
])

notebook("05_evaluation.ipynb", [
    md("title", """
# 5. How good is it? Parley against a hand-annotated reading

Steps:
1. Load the gold annotation for these articles (`gold_path`); with no gold for this corpus, say so and stop.
2. Score Parley's own tables against it: documents, people, dated events, quantities, positions. Where a `split.csv` sits beside the gold (as for the development corpus), score each part too: `train`, the articles rules may be written from, and `check`, the held-out ones.
3. Score an off-the-shelf baseline on the same articles, run live: spaCy's named-entity recogniser alone for people, dateparser's `search_dates` alone for dates.
4. List the errors themselves, each with its article and quote.
"""),
    code("parameters", PARAMETERS + '''
gold_path = ""  # the gold annotation; "" means tests/data/seeds_gold.json''', tags=["parameters"]),
    code("setup", SETUP + '''

from parley import evaluate

evaluation = evaluate.evaluate_corpus(results, gold_path)
if evaluation is None:
    display(Markdown("**No gold annotation matches these articles**, so there is nothing to score. Point `gold_path` at one to evaluate."))'''),
    md("scores-md", """
## Scores, next to the baselines

`parley` is this pipeline; `baseline` is the off-the-shelf tool on the same articles (blank where it does not attempt the task: spaCy finds names, not sides or roles); `n` is the number of gold items behind the score. With a split, one column group per part.
"""),
    code("scores", CHECK + '''evaluate.scores_by_part(evaluation.table) if evaluation is not None else None'''),
    md("errors-md", """
## The errors

What was missed and what was spurious, each with its article and quote, so the scores can be checked by reading.
"""),
    code("errors", CHECK + '''evaluation.errors if evaluation is not None else None'''),
    code("write", '''if evaluation is not None:
    tables.write_table(evaluation.table, out, "evaluation")
    tables.write_table(evaluation.errors, out, "evaluation_errors")
    print(f"data/evaluation.csv: {len(evaluation.table)} rows; data/evaluation_errors.csv: {len(evaluation.errors)} rows")'''),
])
