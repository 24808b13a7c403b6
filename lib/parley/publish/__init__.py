"""Publishing: the tables in, the reports out.

Reads the tables and the notebooks; writes the output folder (`reports/` by default):
executed notebooks, HTML pages, figures, `index.html`, and the README's generated
tables.

- `pipeline`: `parley run`, the notebooks in order with papermill, published at once;
- `stage_cache`: reusing a notebook whose inputs and code are unchanged;
- `output_folder`: publishing without ever overwriting a file Parley did not write;
- `report`, `templates/`: tidying executed notebooks, their HTML, the index page;
- `figures/`: one module per figure;
- `notebooks`: helpers the notebooks call; `docs`: the README's generated tables;
- `browser`: headless Chromium, to check the pages.
"""

import sys

# nbformat validates notebooks with jsonschema, whose format checkers import rfc3987_syntax
# for the "iri" formats; that package builds some 35 Lark parsers as it is imported, over
# 2 s of every `parley run` and every process that writes pages (python-jsonschema/jsonschema
# issue 1428). No notebook schema checks an iri format, so publishing goes without it. A
# process that imported it already (a JupyterLab server) keeps it.
sys.modules.setdefault("rfc3987_syntax", None)
