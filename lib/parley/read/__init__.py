"""Reading: a folder of article files in, clean articles and their metadata out.

Reads the `.txt` files under the seeds folder (with `data/boilerplate.yml` and
`data/outlets.csv`); gives the rows of documents.csv and skipped.csv.

- `corpus`: each file as an `Article` (a clean body, a map back to the file's offsets,
  what was removed), or a skipped file with its reason;
- `metadata`: title, outlet, author and publication date, where the text states them.
"""
