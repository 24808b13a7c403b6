"""Publishing: the tables in, the reports out.

Reads the tables and the executed notebooks; writes the output folder: figures, HTML
pages, `index.html`, the README's generated tables. `pipeline` runs the notebooks in
order (`parley run`), reusing unchanged ones (`stage_cache`), and publishes through
`output_folder`, which never overwrites a file Parley did not write.
"""
