"""The mapping file: which WordPress content becomes which kind of page, in which language.

A small TOML file the municipality edits (prizren_mapping.toml is the default for the old
Prizren site). A mistake in it is reported with its place before anything is imported.
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_MAPPING = Path(__file__).resolve().parent / "prizren_mapping.toml"

PAGE_TARGETS = (
    "press_release",
    "decision_month",
    "consultation",
    "hearing",
    "meeting",
    "standard_page",
)
HOLDING = "holding"
SITE_LANGUAGES = ("sq", "sr-latn", "tr")


class MappingError(Exception):
    pass


@dataclass
class Rule:
    target: str
    post_types: tuple = ()
    categories: tuple = ()

    def matches(self, item):
        if self.post_types and item.post_type not in self.post_types:
            return False
        if self.categories:
            slugs = {term.slug for term in item.terms_of("category")}
            return bool(slugs & set(self.categories))
        return True


@dataclass
class Mapping:
    rules: list
    time_zone: ZoneInfo
    old_base_urls: list = field(default_factory=list)
    languages: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)
    holding_title: str = "Nga uebfaqja e vjetër"
    holding_slug: str = "nga-uebfaqja-e-vjeter"

    def target_for(self, item):
        for rule in self.rules:
            if rule.matches(item):
                return rule.target
        return HOLDING

    def language_of(self, slug):
        return self.languages.get((slug or "").lower())


def _strings(value, where):
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        raise MappingError(f"{where}: expected a list of strings")
    return tuple(value)


def load_mapping(path=None):
    path = Path(path or DEFAULT_MAPPING)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MappingError(f"{path}: {error.strerror}") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise MappingError(f"{path}: {error}") from error
    rules = []
    for number, entry in enumerate(data.get("rules", []), start=1):
        where = f"{path}: rule {number}"
        target = entry.get("target")
        if target not in PAGE_TARGETS + (HOLDING,):
            raise MappingError(
                f"{where}: target {target!r} is not one of {', '.join(PAGE_TARGETS)}"
            )
        rules.append(
            Rule(
                target=target,
                post_types=_strings(entry.get("post_types", []), f"{where}: post_types"),
                categories=_strings(entry.get("categories", []), f"{where}: categories"),
            )
        )
    try:
        time_zone = ZoneInfo(data.get("time_zone", "Europe/Belgrade"))
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise MappingError(f"{path}: unknown time_zone {data.get('time_zone')!r}") from error
    languages = {str(key).lower(): value for key, value in data.get("languages", {}).items()}
    for key, value in languages.items():
        if value not in SITE_LANGUAGES:
            raise MappingError(f"{path}: language {key!r} maps to {value!r}, not a site language")
    holding = data.get("holding", {})
    return Mapping(
        rules=rules,
        time_zone=time_zone,
        old_base_urls=list(_strings(data.get("old_base_urls", []), f"{path}: old_base_urls")),
        languages=languages,
        topics=dict(data.get("topics", {})),
        holding_title=holding.get("title", "Nga uebfaqja e vjetër"),
        holding_slug=holding.get("slug", "nga-uebfaqja-e-vjeter"),
    )
