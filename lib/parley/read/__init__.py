"""Reading: a folder of article files in, clean articles and their metadata out.

Reads the `.txt` files under the seeds folder (and `data/boilerplate.yml`, `data/outlets.csv`);
writes nothing. `corpus` turns each file into an `Article` (clean body, a map back to the
file's offsets, what was removed) or a skipped file with its reason; `metadata` reads the
title, outlet, author and publication date where the text states them.
"""
