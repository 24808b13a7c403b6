"""Check an annotated corpus: every name, role and evidence verbatim in its article, the
schema's values only, the split whole by negotiation.

    python3 corpora/check.py corpora/dev            # the whole corpus (gold.json + split.csv)
    python3 corpora/check.py corpora/dev --part-file corpora/dev/parts/x.json
                                                     # one annotator's part before it is merged

Standard library only, so it runs before the project's environment exists. Exit 0 when
the corpus holds; otherwise one line per problem and exit 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ISSUES = {
    "ceasefire", "prisoners", "children", "civilians", "humanitarian", "territory", "nato_eu",
    "sanctions", "reparations", "security_guarantees", "military_limits", "leaders_meeting",
    "monitoring", "other",
}
STANCES = {"demands", "proposes", "rejects", "agrees"}
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
PARTS = {"train", "check"}
# What the corpus must hold (issue 10): articles, negotiations, and the check part's share.
MIN_ARTICLES, MIN_NEGOTIATIONS, MIN_CHECK_SHARE = 50, 15, 1 / 3


def problems_in_entry(entry: dict, text: str) -> list[str]:
    """Everything wrong with one gold entry against its article's text."""
    where = entry.get("file", "?")
    found = []

    def verbatim(value, what):
        if isinstance(value, str) and value and value not in text:
            found.append(f"{where}: {what} {value!r} is not verbatim in the article")

    published = entry.get("published")
    if published is not None and not (isinstance(published, str) and ISO_DATE.fullmatch(published)):
        found.append(f"{where}: published {published!r} is not an ISO date or null")
    outlet = entry.get("outlet")
    if outlet is not None and not (isinstance(outlet, str) and outlet.strip()):
        found.append(f"{where}: outlet must be a non-empty string or null")
    names = Counter()
    for person in entry.get("people", []):
        if not person.get("name"):
            found.append(f"{where}: a person without a name")
            continue
        names[person["name"]] += 1
        verbatim(person["name"], "name")
        verbatim(person.get("role"), "role")
        if not person.get("side"):
            found.append(f"{where}: {person['name']} has no side (use \"other\" for no party)")
    found += [f"{where}: {name!r} is listed {n} times" for name, n in names.items() if n > 1]
    for event in entry.get("events", []):
        if not (isinstance(event.get("date"), str) and ISO_DATE.fullmatch(event["date"])):
            found.append(f"{where}: event date {event.get('date')!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        verbatim(event.get("evidence") or "(missing)", "event evidence")
    for quantity in entry.get("quantities", []):
        if not isinstance(quantity.get("value"), (int, float)) or isinstance(quantity.get("value"), bool):
            found.append(f"{where}: quantity value {quantity.get('value')!r} is not a number")
        if not quantity.get("unit"):
            found.append(f"{where}: quantity {quantity.get('value')!r} has no unit")
        verbatim(quantity.get("evidence") or "(missing)", "quantity evidence")
    for position in entry.get("positions", []):
        if position.get("issue") not in ISSUES:
            found.append(f"{where}: issue {position.get('issue')!r} is not one of the codebook's ids")
        if position.get("stance") not in STANCES:
            found.append(f"{where}: stance {position.get('stance')!r} is not one of {sorted(STANCES)}")
        if not position.get("side") or position.get("side") == "other":
            found.append(f"{where}: a position needs a party as its side")
        verbatim(position.get("evidence") or "(missing)", "position evidence")
    return found


def check_entries(entries: list[dict], articles: Path) -> list[str]:
    found, files = [], Counter(e.get("file") for e in entries)
    found += [f"{name}: annotated {n} times" for name, n in files.items() if n > 1]
    for entry in entries:
        path = articles / str(entry.get("file"))
        if not path.is_file():
            found.append(f"{entry.get('file')}: no such article in {articles}")
            continue
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                text = handle.read()
        except UnicodeDecodeError:
            found.append(f"{path.name}: not UTF-8")
            continue
        found += problems_in_entry(entry, text)
    return found


def check_split(corpus: Path, entries: list[dict]) -> list[str]:
    split_path = corpus / "split.csv"
    if not split_path.is_file():
        return [f"{split_path}: missing"]
    with split_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    found = []
    annotated = {e["file"] for e in entries}
    on_disk = {p.name for p in (corpus / "articles").iterdir() if p.is_file()}
    listed = {r["file"] for r in rows}
    found += [f"{f}: an article with no gold entry" for f in sorted(on_disk - annotated)]
    found += [f"{f}: annotated but not in split.csv" for f in sorted(annotated - listed)]
    found += [f"{f}: in split.csv but not in articles/" for f in sorted(listed - on_disk)]
    parts_of = defaultdict(set)
    for row in rows:
        if row["part"] not in PARTS:
            found.append(f"{row['file']}: part {row['part']!r} is neither train nor check")
        parts_of[row["negotiation"]].add(row["part"])
    found += [f"negotiation {n!r} is split across {sorted(p)}" for n, p in parts_of.items() if len(p) > 1]
    n_check = sum(r["part"] == "check" for r in rows)
    if len(rows) < MIN_ARTICLES:
        found.append(f"{len(rows)} articles; the corpus needs at least {MIN_ARTICLES}")
    if len(parts_of) < MIN_NEGOTIATIONS:
        found.append(f"{len(parts_of)} negotiations; the corpus needs at least {MIN_NEGOTIATIONS}")
    if rows and n_check / len(rows) < MIN_CHECK_SHARE:
        found.append(f"check part is {n_check}/{len(rows)} articles, less than a third")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with articles/, gold.json and split.csv")
    parser.add_argument("--part-file", type=Path, help="check only this JSON list of entries")
    args = parser.parse_args(argv)
    articles = args.corpus / "articles"
    if args.part_file:
        entries = json.loads(args.part_file.read_text(encoding="utf-8"))
        found = check_entries(entries, articles)
    else:
        entries = json.loads((args.corpus / "gold.json").read_text(encoding="utf-8"))
        found = check_entries(entries, articles) + check_split(args.corpus, entries)
    for line in found:
        print(line)
    print(f"{len(entries)} entries checked, {len(found)} problems", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
