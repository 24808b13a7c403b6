"""Write lib/parley/data/countries.csv: every UN member and observer state (and the few
states news treats as parties though the UN does not seat them), with the names, demonyms
and capital that articles use for it.

    .venv/bin/pip install pycountry countryinfo   # development only; not runtime dependencies
    .venv/bin/python tools/build_countries.py

Names and codes come from pycountry (ISO 3166), demonyms and capitals from countryinfo;
news usage that neither knows (canonical short names such as "North Korea", plural
demonyms, "U.S.", "DRC", a demonym two states share) is in CURATED below. The table is
written once and committed, so Parley needs neither package at run time; rerun this
when ISO 3166 changes.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parents[1] / "lib" / "parley" / "data" / "countries.csv"

# ISO 3166 entries that are not states the UN seats or admits as observers.
TERRITORIES = set("""
ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF GUM HKG
HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA TKL UMI
VGB VIR WLF
""".split())
OBSERVERS = {"VAT", "PSE"}
# Parties in news though neither UN members nor observers (no ISO 3166 code for Kosovo).
EXTRA_STATES = {"XKX": "Kosovo"}
NOT_SEATED = {"TWN", "XKX"}

# How news names a state, where ISO's name is not it; the first name is the canonical party.
CURATED = {
    "BOL": {"party": "Bolivia"},
    "BRN": {"party": "Brunei"},
    "CIV": {"party": "Ivory Coast", "names": ["Côte d'Ivoire", "Cote d'Ivoire"], "demonyms": ["Ivorian", "Ivorians"]},
    # news (AP, Reuters) writes "Congo" for the Democratic Republic, "Republic of Congo" for Brazzaville
    "COD": {"party": "Democratic Republic of the Congo",
            "names": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Congo"],
            "demonyms": ["Congolese"]},
    "COG": {"party": "Republic of the Congo", "names": ["Congo-Brazzaville", "Republic of Congo"], "demonyms": [],
            "not_names": ["Congo"]},
    "CPV": {"party": "Cape Verde", "names": ["Cabo Verde"]},
    "CZE": {"party": "Czech Republic", "names": ["Czechia"]},
    "FSM": {"party": "Micronesia"},
    "GBR": {"party": "United Kingdom", "names": ["U.K.", "UK", "Britain", "Great Britain"],
            "demonyms": ["British", "Briton", "Britons"]},
    "IRN": {"party": "Iran"},
    "KOR": {"party": "South Korea", "names": ["ROK", "Republic of Korea"], "demonyms": ["South Korean", "South Koreans"]},
    "PRK": {"party": "North Korea", "names": ["DPRK", "Democratic People's Republic of Korea"],
            "demonyms": ["North Korean", "North Koreans"]},
    "LAO": {"party": "Laos", "demonyms": ["Lao", "Laotian"]},
    "MDA": {"party": "Moldova"},
    "MKD": {"party": "North Macedonia", "names": ["Macedonia"],  # its name in news until 2019
            "demonyms": ["North Macedonian", "Macedonian", "Macedonians"]},
    "MMR": {"party": "Myanmar", "names": ["Burma"], "demonyms": ["Burmese"]},
    "NLD": {"party": "Netherlands", "names": ["Holland"], "demonyms": ["Dutch"]},
    "PSE": {"party": "Palestinian Authority", "names": ["Palestine", "State of Palestine", "Palestinian Authority"],
            "demonyms": ["Palestinian", "Palestinians"], "capital": "Ramallah"},
    "RUS": {"party": "Russia", "names": ["Russian Federation"]},
    "SWZ": {"party": "Eswatini", "names": ["Swaziland"]},
    "SYR": {"party": "Syria"},
    "TZA": {"party": "Tanzania"},
    "TUR": {"party": "Turkey", "names": ["Türkiye", "Turkiye"], "demonyms": ["Turkish", "Turk", "Turks"]},
    "USA": {"party": "United States", "names": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
            "demonyms": ["American", "Americans"], "capital": "Washington"},
    "VAT": {"party": "Vatican", "names": ["Holy See", "Vatican City"]},
    "VEN": {"party": "Venezuela"},
    "VNM": {"party": "Vietnam", "names": ["Viet Nam"]},
    "ARE": {"party": "United Arab Emirates", "names": ["UAE", "U.A.E.", "the Emirates"], "demonyms": ["Emirati", "Emiratis"]},
    "SAU": {"names": ["KSA"], "demonyms": ["Saudi", "Saudis", "Saudi Arabian"]},
    "PHL": {"demonyms": ["Filipino", "Filipinos", "Philippine"]},
    "AFG": {"demonyms": ["Afghan", "Afghans"]},
    "ISR": {"capital": "Jerusalem"},
    "SSD": {"demonyms": ["South Sudanese"]},
    "YEM": {"capital": "Sanaa|Sana'a|Sana"},
    "UKR": {"capital": "Kyiv|Kiev"},
    "IND": {"capital": "New Delhi|Delhi"},
    "ETH": {"capital": "Addis Ababa|Addis Abeba"},
    "SDN": {"demonyms": ["Sudanese"]},
    "CHE": {"demonyms": ["Swiss"]},
    "GIN": {"demonyms": ["Guinean", "Guineans"]},
    "GNB": {"demonyms": ["Bissau-Guinean"]},
    "GNQ": {"demonyms": ["Equatorial Guinean", "Equatoguinean"]},
    "DOM": {"demonyms": ["Dominican", "Dominicans"]},
    "DMA": {"demonyms": ["Dominican (Dominica)"]},
    "NER": {"demonyms": ["Nigerien", "Nigeriens"]},
    "TWN": {"names": ["Republic of China", "Taipei"], "demonyms": ["Taiwanese"], "capital": "Taipei"},
    "XKX": {"names": ["Republic of Kosovo"], "demonyms": ["Kosovar", "Kosovars", "Kosovan"], "capital": "Pristina"},
}
ALL_CAPS_CODE = re.compile(r"[A-Z]{2,3}")


def _info(code: str) -> dict:
    try:
        return CountryInfo(code).info()
    except Exception:  # noqa: BLE001 - countryinfo lacks a few states; their rows use ISO alone
        return {}


def _plural(demonym: str) -> list[str]:
    """'Iranian' -> ['Iranian', 'Iranians']; 'Swiss', 'Chinese', 'British' take no -s."""
    if re.search(r"(an|i)$", demonym):
        return [demonym, demonym + "s"]
    return [demonym]


def rows() -> list[dict]:
    entries = []
    for country in pycountry.countries:
        if country.alpha_3 in TERRITORIES:
            continue
        entries.append((country.alpha_3, getattr(country, "common_name", None) or country.name,
                        [country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")]))
    entries += [(code, name, [name]) for code, name in EXTRA_STATES.items()]
    table = []
    for code, iso_name, iso_names in entries:
        curated = CURATED.get(code, {})
        info = _info(code) if code not in EXTRA_STATES else {}
        party = curated.get("party") or iso_name
        names = [party, *curated.get("names", []), *iso_names, info.get("name", "")]
        names += [s for s in info.get("altSpellings", []) if not ALL_CAPS_CODE.fullmatch(s) and "," not in s]
        names = [n for n in names if n not in curated.get("not_names", [])]  # a name news gives another state
        demonyms = curated.get("demonyms")
        if demonyms is None:
            demonyms = _plural(info["demonym"]) if info.get("demonym") else []
        capital = curated.get("capital") or info.get("capital") or ""
        table.append({
            "iso3": code,
            "party": party,
            "status": "observer" if code in OBSERVERS else ("other" if code in NOT_SEATED else "member"),
            "names": "|".join(dict.fromkeys(n for n in names if n and "," not in n)),
            "demonyms": "|".join(dict.fromkeys(d for d in demonyms if "(" not in d)),
            "capital": capital,
        })
    return sorted(table, key=lambda r: r["party"])


def _ambiguous(table: list[dict]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for row in table:
        for word in row["names"].split("|") + row["demonyms"].split("|") + row["capital"].split("|"):
            if word:
                seen.setdefault(word.lower(), []).append(row["party"])
    return {w: sorted(set(p)) for w, p in seen.items() if len(set(p)) > 1}


def main() -> int:
    table = rows()
    clashes = _ambiguous(table)
    for word, parties in sorted(clashes.items()):
        print(f"ambiguous, dropped from all: {word!r} -> {parties}", file=sys.stderr)
    for row in table:  # a word naming two states names neither: no side beats a wrong one
        for column in ("names", "demonyms"):
            kept = [w for w in row[column].split("|") if w and (w.lower() not in clashes or w == row["party"])]
            row[column] = "|".join(kept)
        row["capital"] = "|".join(c for c in row["capital"].split("|") if c and c.lower() not in clashes)
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["iso3", "party", "status", "names", "demonyms", "capital"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    print(f"wrote {OUT} ({len(table)} states)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
