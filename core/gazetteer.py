"""Names of Prizren's settlements, regions, buildings and bodies in each official language.

The names ship as data (core/data/settlements.json); a name the gazetteer lacks gives None, so
callers leave that text to a translator rather than guess.
"""

import json
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "settlements.json"
SECTIONS = ("settlements", "regions", "buildings", "bodies")
# "A, B dhe C" in each language.
AND = {"sq": " dhe ", "sr": " i ", "tr": " ve "}


def gazetteer_language(language_code):
    """The gazetteer's key for a site language: Serbian in either script is `sr`."""
    code = language_code.lower().split("-")[0]
    return code if code in AND else None


@cache
def _load():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    index = {}
    for section in SECTIONS:
        for entry in data[section]:
            for form in (entry["sq"], *entry.get("sq_forms", [])):
                index[(section, form.casefold())] = entry
    return data, index


def entries(section):
    return _load()[0][section]


def name(text, language_code, sections=SECTIONS):
    """The name `text` (Albanian, any listed form) in a language, or None if unknown."""
    key = gazetteer_language(language_code)
    if key is None:
        return None
    index = _load()[1]
    for section in sections:
        entry = index.get((section, text.strip().casefold()))
        if entry is not None:
            return entry.get(key)
    return None


def name_list(text, language_code, sections=("settlements",)):
    """'Piranë, Zojz dhe Medvec' in a language, or None if any name is unknown."""
    key = gazetteer_language(language_code)
    if key is None:
        return None
    head, _sep, last = text.rpartition(AND["sq"])
    parts = [part for part in head.split(",") if part.strip()] + [last] if head else [text]
    names = [name(part, language_code, sections) for part in parts]
    if not names or None in names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + AND[key] + names[-1]


_PLACE = re.compile(r"^(?P<building>.+?)\s*[-–]\s*(?P<where>[^-–]+)$")
_KIND = re.compile(r"^(?P<kind>fshati|lagja|qyteti i)\s+(?P<name>.+)$")


def _kind_and_name(text, language_code):
    match = _KIND.match(text.strip())
    if match is None:
        return name(text, language_code)
    key = gazetteer_language(language_code)
    kind = next(row for row in entries("settlement_kinds") if row["sq"] == match["kind"])
    translated = name(match["name"], language_code)
    if translated is None:
        return None
    return f"{translated} {kind[key]}" if kind.get(f"{key}_after") else f"{kind[key]} {translated}"


def place(text, language_code):
    """A record's place in a language, or None: 'Objekti i shkollës-Zhur' (a building and a
    settlement), 'fshati Zhur', 'lagja Kurrilla, qyteti i Prizrenit', or a known name."""
    if gazetteer_language(language_code) is None or not text.strip():
        return None
    known = name(text, language_code)
    if known is not None:
        return known
    match = _PLACE.match(text.strip())
    if match is not None:
        building = name(match["building"], language_code, ("buildings",))
        where = name(match["where"], language_code)
        if building is not None and where is not None:
            return f"{building} – {where}"
        return None
    parts = [part.strip() for part in text.split(",")]
    translated = [_kind_and_name(part, language_code) for part in parts]
    if None in translated:
        return None
    return ", ".join(translated)
