"""The project's catalogues for the admin of the upstream packages (Wagtail, wagtail-localize).

Wagtail ships no Albanian catalogue, only JavaScript stubs for Serbian and an incomplete Turkish
one, so the project keeps its own, one per upstream app and domain, laid out as upstream lays
them out (`locale/upstream/<app>/<lang>/LC_MESSAGES/<domain>.po`) so that each can be offered
back as it is. Every directory is one entry of LOCALE_PATHS (config.settings.base), which take
precedence over the packages' own catalogues; an untranslated entry falls through to them.
"""

from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings

from core.transliteration import cyrillic_to_latin

UPSTREAM_PACKAGES = ("wagtail", "wagtail_localize")
LANGUAGES = ("sq", "sr_Latn", "tr")
DOMAINS = ("django", "djangojs")
PLURAL_FORMS = {
    "sq": "nplurals=2; plural=(n != 1);",
    "sr_Latn": (
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
    ),
    "tr": "nplurals=2; plural=(n > 1);",
}
# Where an upstream catalogue of a related language exists, a new entry starts from it
# (Serbian Cyrillic transliterated); a reviewer then checks it like any other entry.
UPSTREAM_SEEDS = {"sq": (), "sr_Latn": ("sr_Latn", "sr"), "tr": ("tr", "tr_TR")}


def catalogues_root():
    return Path(settings.BASE_DIR) / "locale" / "upstream"


@dataclass(frozen=True)
class Catalogue:
    app: str  # dotted upstream app, e.g. "wagtail.admin"
    domain: str
    language: str

    @property
    def path(self):
        return catalogues_root() / self.app / self.language / "LC_MESSAGES" / f"{self.domain}.po"


def upstream_app_dirs():
    """(dotted app name, directory, English catalogue) of every installed upstream app."""
    site_packages = Path(polib.__file__).resolve().parent
    for package in UPSTREAM_PACKAGES:
        base = site_packages / package
        for english in sorted(base.glob("**/locale/en/LC_MESSAGES/*.po")):
            app_dir = english.parents[3]
            dotted = ".".join(app_dir.relative_to(site_packages).parts)
            if dotted in settings.INSTALLED_APPS:
                yield dotted, app_dir, english


def _key(entry):
    return (entry.msgctxt, entry.msgid)


def _seed_translations(app_dir, domain, language):
    seeds = {}
    for code in reversed(UPSTREAM_SEEDS[language]):
        path = app_dir / "locale" / code / "LC_MESSAGES" / f"{domain}.po"
        if not path.exists():
            continue
        convert = cyrillic_to_latin if code == "sr" else str
        for entry in polib.pofile(str(path)):
            if entry.translated() and "fuzzy" not in entry.flags:
                seeds[_key(entry)] = (
                    convert(entry.msgstr),
                    {int(k): convert(v) for k, v in entry.msgstr_plural.items()},
                )
    return seeds


def _plural_count(language):
    return int(PLURAL_FORMS[language].split(";")[0].split("=")[1])


def sync(app, app_dir, english_path, language):
    """Bring one catalogue in line with the installed upstream English one.

    Keeps every translation already made here, starts new entries from the upstream seed of
    the language where there is one, drops entries upstream no longer has. Returns the path.
    """
    domain = english_path.stem
    catalogue = Catalogue(app, domain, language)
    existing = {}
    if catalogue.path.exists():
        existing = {_key(entry): entry for entry in polib.pofile(str(catalogue.path))}
    seeds = _seed_translations(app_dir, domain, language)
    result = polib.POFile(wrapwidth=100)
    result.metadata = {
        "Project-Id-Version": f"{app} (Prizren municipality translation)",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[language],
    }
    plurals = _plural_count(language)
    for source in polib.pofile(str(english_path)):
        if source.obsolete or not source.msgid:
            continue
        entry = polib.POEntry(
            msgid=source.msgid,
            msgid_plural=source.msgid_plural,
            msgctxt=source.msgctxt,
            occurrences=source.occurrences,
            comment=source.comment,
            flags=[flag for flag in source.flags if flag != "fuzzy"],
        )
        old = existing.get(_key(source))
        seed = seeds.get(_key(source))
        if source.msgid_plural:
            entry.msgstr_plural = {index: "" for index in range(plurals)}
            if old is not None and any(old.msgstr_plural.values()):
                entry.msgstr_plural.update(old.msgstr_plural)
                entry.flags = old.flags
            elif seed is not None and len(seed[1]) == plurals:
                entry.msgstr_plural.update(seed[1])
        else:
            if old is not None and old.msgstr:
                entry.msgstr = old.msgstr
                entry.flags = old.flags
            elif seed is not None:
                entry.msgstr = seed[0]
        result.append(entry)
    catalogue.path.parent.mkdir(parents=True, exist_ok=True)
    result.save(str(catalogue.path))
    return catalogue.path


def all_catalogues(languages=LANGUAGES):
    for app, app_dir, english in upstream_app_dirs():
        for language in languages:
            yield app, app_dir, english, language


@dataclass(frozen=True)
class Coverage:
    catalogue: Catalogue
    translated: int
    total: int

    @property
    def share(self):
        return self.translated / self.total if self.total else 1.0


def coverage(catalogue):
    """Translated entries (upstream's own catalogue counted too) over all entries."""
    entries = [entry for entry in polib.pofile(str(catalogue.path)) if not entry.obsolete]
    translated = sum(1 for e in entries if e.translated() and "fuzzy" not in e.flags)
    return Coverage(catalogue, translated, len(entries))
