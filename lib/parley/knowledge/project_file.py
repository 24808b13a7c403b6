"""The user's own knowledge: a project file (`parley.toml`) that adds to the library's.

A researcher studying another kind of negotiation (trade, fisheries, a merger of
parties) teaches Parley its issues, finer topics, cue words, stance words, parties and
their aliases, and title words in `parley.toml` in the seeds folder, or in a file given
with `parley run --config FILE`, without touching `lib/parley/data/`:

    [topics.tariffs]                  # a finer topic under an issue of the codebook
    issue = "sanctions"
    cues = ["tariff*", "carbon border tax", "import duties"]

    [parties."Mercosur"]              # a party and the words that name it
    kind = "bloc"
    aliases = ["Mercosur", "Mercosul", "Southern Common Market"]

(the README's "Studying another kind of negotiation" lists every section). The file
is read with tomllib and checked whole before anything runs; a mistake is one paragraph
naming the file, the key and what is expected.

What the file adds is in force for a whole process (`activate`): the codebook, the
parties and the title words that every extraction module reads are the library's with
the project's additions, and every cache of knowledge is forgotten when the project
changes. Extraction workers in other processes or on a Dask cluster are handed the
`Project` with their articles and activate it themselves (`parley.extract`), so no
worker uses knowledge its parent no longer holds. The project's text is part of
`extract.code_fingerprint`: editing the file extracts the articles again.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import yaml

from parley import config

FILE_NAME = "parley.toml"
SECTIONS = ("issues", "topics", "stances", "parties", "titles", "party_nouns", "positions")
_POSITIONS_KEYS = {"learned": "true or false: whether the sentence classifier adds rows (`parley.extract.positions.learned`)"}
STANCES = ("demands", "proposes", "rejects", "agrees")
# what a party is; "state" names a country (its aliases count as country names)
PARTY_KINDS = ("state", "igo", "agency", "bloc", "armed_group", "party", "institution", "ngo")
# the knowledge files a section adds word lists to, section by section
_WORD_LIST_FILES = {"titles": "titles.yml", "party_nouns": "party_nouns.yml"}
_ID = re.compile(r"[a-z][a-z0-9_]*")
_ISSUE_KEYS = ("label", "definition", "pa_x", "cues", "contrary_cues", "remove_cues")
_TOPIC_KEYS = ("issue", "label", "definition", "pa_x", "cues", "remove_cues")
_STANCE_KEYS = ("cues", "weak", "remove_cues")
_PARTY_KEYS = ("aliases", "kind")


class ProjectFileError(ValueError):
    """A project file that cannot be used; the message names the file, the key and what is expected."""


@dataclass(frozen=True)
class Project:
    """A project file as read: where it is, and its text (what workers are handed)."""

    path: str
    text: str

    @functools.cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @functools.cached_property
    def data(self) -> dict:
        return _checked(self.path, self.text)


# --- finding and reading ---------------------------------------------------------------


def find(seeds_dir: str | Path, config_file: str | Path | None = None) -> Path | None:
    """The project file in force for a run on `seeds_dir`: `config_file` when given (a
    relative path starts at the project root, as a notebook's parameters do), else
    `parley.toml` in the seeds folder if there is one, else none."""
    if config_file is not None and str(config_file).strip():
        path = config.resolve(config_file, config.PROJECT_ROOT)
        if not path.is_file():
            raise ProjectFileError(f"No project file at {path}: give --config the path of a TOML file "
                                   f"(see the README, \"Studying another kind of negotiation\").")
        return path
    candidate = Path(seeds_dir) / FILE_NAME
    return candidate if candidate.is_file() else None


def read(path: str | Path) -> Project:
    """The project file at `path`, checked whole (a `ProjectFileError` says what is wrong)."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as err:
        raise ProjectFileError(f"Cannot read the project file {path}: {err.strerror or err}.") from err
    except UnicodeDecodeError as err:
        raise ProjectFileError(f"The project file {path} is not UTF-8 text (byte {err.start}); save it as UTF-8.") from err
    project = Project(str(path), text)
    project.data  # noqa: B018 - checked now, before any work starts
    return project


def use(seeds_dir: str | Path, config_file: str | Path | None = None) -> Project | None:
    """Find, read and activate the project file for a run on `seeds_dir` (none: the
    library's knowledge alone). What `parley run` and every notebook's stage call first."""
    path = find(seeds_dir, config_file)
    project = read(path) if path is not None else None
    activate(project)
    return project


# --- the knowledge in force in this process --------------------------------------------

_active: Project | None = None


def active() -> Project | None:
    return _active


def activate(project: Project | None) -> None:
    """Make `project` (None: none) the knowledge of this process. Knowledge read before
    under another project is forgotten, so every module reads it again."""
    global _active
    if (project.sha256 if project else None) == (_active.sha256 if _active else None):
        _active = project or _active
        return
    _active = project
    _forget_cached_knowledge()


def fingerprint(code: str) -> str:
    """The library's code fingerprint `code` combined with the project in force: the
    key under which extraction results and stages are kept."""
    if _active is None:
        return code
    return hashlib.sha256(f"{code}\0{_active.sha256}".encode()).hexdigest()[:16]


# Caches that hold no knowledge and are costly to fill again (the spaCy model).
_KEPT_CACHES = ("parley.nlp",)


def _forget_cached_knowledge() -> None:
    """Every lru_cache of Parley's modules is emptied: they hold tables read from `data/`
    (aliases, codebook, title words) and what was computed from them."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "parley" or name.startswith("parley.")) or name.startswith(_KEPT_CACHES):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", None) == name:
                value.cache_clear()


# --- what each module reads ------------------------------------------------------------


def positions_setting(name: str):
    """A setting of the project file's [positions] section, or None where it gives none."""
    project = active()
    return (project.data.get("positions") or {}).get(name) if project else None


def codebook_data() -> dict:
    """The codebook in force, as the YAML data of `data/codebook.yml` with the project's
    issues, topics and stance cues merged in."""
    return copy.deepcopy(_codebook_data(_active.sha256 if _active else ""))


@functools.lru_cache(maxsize=4)
def _codebook_data(_key: str) -> dict:
    data = config.data_yaml("codebook.yml")
    return _merged_codebook(data, _active.data) if _active is not None else data


def codebook_source() -> Path:
    """The file the codebook in force comes from (the project file where there is one)."""
    return Path(_active.path) if _active is not None else config.data_file("codebook.yml")


def knowledge_yaml(name: str) -> dict:
    """A word-list file of `data/` (titles.yml, party_nouns.yml) with the project's
    words added to its lists (and, for a mapping, its entries)."""
    data = config.data_yaml(name)
    section = next((s for s, file in _WORD_LIST_FILES.items() if file == name), None)
    additions = (_active.data.get(section) or {}) if _active is not None and section else {}
    for key, added in additions.items():
        if isinstance(data.get(key), dict):
            data[key] = {**data[key], **added}
        else:
            data[key] = list(data.get(key) or []) + [w for w in added if w not in (data.get(key) or [])]
    return data


def party_aliases() -> list[tuple[str, str, str]]:
    """(party, alias, kind of party) for the project's parties, in the file's order."""
    if _active is None:
        return []
    return [(party, alias, spec.get("kind", "party")) for party, spec in (_active.data.get("parties") or {}).items()
            for alias in spec.get("aliases", [])]


def write_codebook(out_dir: str | Path) -> Path:
    """`OUT/codebook.yml`: the codebook this run used (the library's, with the project's
    additions), so a reader can check which cue gave which issue."""
    from parley.tables import write_atomic

    source = f"{config.data_file('codebook.yml').relative_to(config.PROJECT_ROOT).as_posix()}"
    if _active is not None:
        source += f" with the project file {Path(_active.path).name} (sha256 {_active.sha256[:16]})"
    header = f"# The codebook this run used: {source}.\n"
    body = yaml.safe_dump(codebook_data(), sort_keys=False, allow_unicode=True, width=100)
    return write_atomic(Path(out_dir) / "codebook.yml", (header + body).encode("utf-8"))


# --- merging into the codebook ---------------------------------------------------------


def _cue_key(cue) -> str:
    return " ".join(str(cue).lower().split())


def _merged_codebook(data: dict, project: dict) -> dict:
    """The library codebook `data` with the project's additions. A cue the project places
    under an issue or topic is taken out of wherever else the library had it: a cue names
    one thing, and the project's reading of its negotiation wins."""
    data = copy.deepcopy(data)
    issues = data.setdefault("issues", {})
    placed = {_cue_key(c) for spec in [*(project.get("issues") or {}).values(), *(project.get("topics") or {}).values()]
              for c in spec.get("cues", [])}
    for issue in issues.values():
        issue["cues"] = [c for c in issue.get("cues") or [] if _cue_key(c) not in placed]
        for topic in (issue.get("topics") or {}).values():
            topic["cues"] = [c for c in topic.get("cues") or [] if _cue_key(c) not in placed]
    for issue_id, spec in (project.get("issues") or {}).items():
        entry = issues.setdefault(issue_id, {"label": spec.get("label"), "definition": "", "pa_x": None, "cues": []})
        _apply(entry, spec)
    # `other` stays last: it takes what no other issue does
    if "other" in issues:
        issues["other"] = issues.pop("other")
    for topic_id, spec in (project.get("topics") or {}).items():
        home = next((i for i in issues.values() if topic_id in (i.get("topics") or {})), None)
        if home is None:
            home = issues[spec["issue"]]
            home.setdefault("topics", {})
            home["topics"] = home["topics"] or {}
            home["topics"][topic_id] = {"label": spec.get("label", topic_id), "definition": "", "pa_x": None, "cues": []}
        _apply(home["topics"][topic_id], {k: v for k, v in spec.items() if k != "issue"})
    stances = data.setdefault("stances", {})
    for stance, spec in (project.get("stances") or {}).items():
        entry = stances.setdefault(stance, {"label": stance, "cues": []})
        removed = {_cue_key(c) for c in spec.get("remove_cues", [])}
        for key in ("cues", "weak"):
            kept = [c for c in entry.get(key) or [] if _cue_key(c) not in removed]
            added = [c for c in spec.get(key, []) if _cue_key(c) not in {_cue_key(k) for k in kept}]
            if kept or added or key in entry:
                entry[key] = kept + added
    return data


def _apply(entry: dict, spec: dict) -> None:
    for key in ("label", "definition", "pa_x"):
        if key in spec:
            entry[key] = spec[key]
    removed = {_cue_key(c) for c in spec.get("remove_cues", [])}
    for key in ("cues", "contrary_cues"):
        kept = [c for c in entry.get(key) or [] if _cue_key(c) not in removed]
        added = [c for c in spec.get(key, []) if _cue_key(c) not in {_cue_key(k) for k in kept}]
        if kept or added or key == "cues":
            entry[key] = kept + added


# --- checking the file -----------------------------------------------------------------


def _checked(path: str, text: str) -> dict:
    """The file's data, or a `ProjectFileError` for its first mistake."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ProjectFileError(f"The project file {path} is not valid TOML: {err}. "
                               f"See the README, \"Studying another kind of negotiation\", for its form.") from err

    def fail(key: str, problem: str, expected: str) -> None:
        raise ProjectFileError(f"The project file {path}: `{key}` {problem}; {expected}.")

    for section in data:
        if section not in SECTIONS:
            fail(section, "is not a section Parley reads", f"the sections are {', '.join(SECTIONS)}")
        if not isinstance(data[section], dict):
            fail(section, "is not a table", f"write it as [{section}] or [{section}.NAME]")
    library = yaml.safe_load(config.data_file("codebook.yml").read_text(encoding="utf-8"))
    issues = library.get("issues") or {}
    library_topics = {t: i for i, spec in issues.items() for t in (spec.get("topics") or {})}
    for issue_id, spec in (data.get("issues") or {}).items():
        key = f"issues.{issue_id}"
        _check_entry(fail, key, spec, _ISSUE_KEYS)
        if not _ID.fullmatch(issue_id):
            fail(key, "is not an issue id", "an id is lower-case letters, digits and _ (for example tariffs)")
        if issue_id not in issues and "label" not in spec:
            fail(key, "is a new issue without a label",
                 f"give it a `label` (the codebook's issues are {', '.join(issues)})")
        _check_removed(fail, key, spec, (issues.get(issue_id, {}).get("cues") or [])
                       + (issues.get(issue_id, {}).get("contrary_cues") or []))
    known_issues = list(issues) + [i for i in data.get("issues") or {} if i not in issues]
    for topic_id, spec in (data.get("topics") or {}).items():
        key = f"topics.{topic_id}"
        _check_entry(fail, key, spec, _TOPIC_KEYS)
        if not _ID.fullmatch(topic_id):
            fail(key, "is not a topic id", "an id is lower-case letters, digits and _ (for example tariffs)")
        home = library_topics.get(topic_id)
        issue = spec.get("issue", home)
        if issue is None:
            fail(f"{key}.issue", "is missing", f"a new topic names its issue, one of {', '.join(known_issues)}")
        if issue not in known_issues:
            fail(f"{key}.issue", f"names the unknown issue \"{issue}\"",
                 f"expected one of the codebook's issues ({', '.join(known_issues)}) or an issue added under [issues]")
        if home is not None and issue != home:
            fail(f"{key}.issue", f"is \"{issue}\", but the library files topic {topic_id} under {home}",
                 f"leave `issue` out or write \"{home}\"")
        cues = (issues.get(home, {}).get("topics") or {}).get(topic_id, {}).get("cues") if home else []
        _check_removed(fail, key, spec, cues or [])
    for stance, spec in (data.get("stances") or {}).items():
        key = f"stances.{stance}"
        if stance not in STANCES:
            fail(key, "is not a stance", f"the stances are {', '.join(STANCES)}")
        _check_entry(fail, key, spec, _STANCE_KEYS)
        library_stance = (library.get("stances") or {}).get(stance) or {}
        _check_removed(fail, key, spec, (library_stance.get("cues") or []) + (library_stance.get("weak") or []))
    for party, spec in (data.get("parties") or {}).items():
        key = f"parties.{_quoted(party)}"
        if not party.strip():
            fail(key, "is an empty party name", "name the party as the tables should show it")
        _check_entry(fail, key, spec, _PARTY_KEYS)
        if not spec.get("aliases"):
            fail(f"{key}.aliases", "is missing or empty", "list the words articles name the party by, its name included")
        if spec.get("kind", "party") not in PARTY_KINDS:
            fail(f"{key}.kind", f"is \"{spec.get('kind')}\"", f"expected one of {', '.join(PARTY_KINDS)}")
    for key, expected in (data.get("positions") or {}).items():
        if key not in _POSITIONS_KEYS:
            fail(f"positions.{key}", "is not a setting Parley reads", f"the settings are {', '.join(_POSITIONS_KEYS)}")
        if not isinstance(data["positions"][key], bool):
            fail(f"positions.{key}", "is not true or false", expected)
    for section, name in _WORD_LIST_FILES.items():
        lists = yaml.safe_load(config.data_file(name).read_text(encoding="utf-8"))
        for list_name, words in (data.get(section) or {}).items():
            key = f"{section}.{list_name}"
            if list_name not in lists:
                fail(key, f"is not a word list of {name}", f"the lists are {', '.join(lists)}")
            if isinstance(lists[list_name], dict):
                if not isinstance(words, dict) or not all(isinstance(v, str) for v in words.values()):
                    fail(key, "is not a table of words", f"write it as [{section}.{list_name}] with lines word = \"variant\"")
            elif not _is_word_list(words):
                fail(key, "is not a list of words", "write it as a list of strings, [\"trade commissioner\", \"envoy\"]")
    return data


def _check_entry(fail, key: str, spec, allowed: tuple[str, ...]) -> None:
    if not isinstance(spec, dict):
        fail(key, "is not a table", f"write it as [{key}] followed by its keys ({', '.join(allowed)})")
    for name, value in spec.items():
        if name not in allowed:
            fail(f"{key}.{name}", "is not a key Parley reads here", f"the keys are {', '.join(allowed)}")
        if name in ("cues", "contrary_cues", "weak", "remove_cues", "aliases") and not _is_word_list(value):
            fail(f"{key}.{name}", "is not a list of words", "write it as a list of strings, [\"tariff*\", \"import duties\"]")
        if name in ("label", "definition", "pa_x", "issue", "kind") and not isinstance(value, str):
            fail(f"{key}.{name}", "is not a string", "write it in double quotes")


def _check_removed(fail, key: str, spec: dict, library_cues: list) -> None:
    known = {_cue_key(c) for c in library_cues}
    for cue in spec.get("remove_cues", []):
        if _cue_key(cue) not in known:
            fail(f"{key}.remove_cues", f"lists \"{cue}\", which is not a cue of {key} in the library's codebook",
                 "list only cues of lib/parley/data/codebook.yml to take out (see OUT/codebook.yml)")


def _is_word_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _quoted(name: str) -> str:
    """A key as TOML writes it: bare where it can be, else in quotes."""
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else f'"{name}"'
