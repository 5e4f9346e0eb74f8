"""The Serbian and Turkish texts of records that follow from their data.

Each provider returns {segment path: text} for one page in one language: only the segments
whose Albanian text is exactly what the data gives (a month's name and year, a hearing with the
villages it gathered, a known place), so an edited Albanian text is never replaced by a
guess. What is left (a consultation's subject, a note) is free prose for translators.
`translate_record` writes them through core.data_translation (never over a person's work).
"""

import re

from django.utils import translation

from core import gazetteer
from core.data_translation import slug_of, translate_from_data
from core.seeding import SOURCE_LANGUAGE, TARGET_LANGUAGES

from . import structure
from .choices import MONTH_NAMES, ActivityKind
from .models import (
    ActivityPage,
    DecisionMonthPage,
    DecisionYearPage,
    ParticipatoryBudgetPage,
    YearOverviewPage,
)


def month_name(month, language_code):
    with translation.override(language_code):
        return str(MONTH_NAMES[month])


def kind_label(kind, language_code):
    with translation.override(language_code):
        return str(ActivityKind(kind).label)


def _lang(code):
    return gazetteer.gazetteer_language(code)


# --- titles of hearings and meetings: (Albanian pattern, {language: template}) -------------

_BUDGET = r"Dëgjimi buxhetor për buxhetin e vitit (?P<budget>\d{4})"
TITLES = [
    (
        re.compile(_BUDGET + r" me banorë të fshatrave (?P<villages>.+)$"),
        {
            "sr": "Budžetsko saslušanje o budžetu za {budget}. godinu sa stanovnicima sela "
            "{villages}",
            "tr": "{villages} köyleri sakinleriyle {budget} yılı bütçesi hakkında bütçe dinlemesi",
        },
    ),
    (
        re.compile(_BUDGET + r" me banorë të rajonit të (?P<region>\S+)$"),
        {
            "sr": "Budžetsko saslušanje o budžetu za {budget}. godinu sa stanovnicima regiona "
            "{region}",
            "tr": "{region} bölgesi sakinleriyle {budget} yılı bütçesi hakkında bütçe dinlemesi",
        },
    ),
    (
        re.compile(_BUDGET + r" me qytetarë - (?P<body>.+)$"),
        {
            "sr": "Budžetsko saslušanje o budžetu za {budget}. godinu sa građanima – {body}",
            "tr": "Vatandaşlarla {budget} yılı bütçesi hakkında bütçe dinlemesi – {body}",
        },
    ),
    (
        re.compile(_BUDGET + r" nga (?P<body>.+)$"),
        {
            "sr": "Budžetsko saslušanje o budžetu za {budget}. godinu – {body}",
            "tr": "{body} tarafından {budget} yılı bütçesi hakkında bütçe dinlemesi",
        },
    ),
    (
        re.compile(
            r"Takimi i parë publik me qytetarë për punën gjashtëmujore të kryetarit të komunës "
            r"për vitin (?P<year>\d{4})$"
        ),
        {
            "sr": "Prvi javni sastanak sa građanima o šestomesečnom radu predsednika opštine u "
            "{year}. godini",
            "tr": "Belediye başkanının {year} yılındaki altı aylık çalışmaları hakkında "
            "vatandaşlarla ilk halk toplantısı",
        },
    ),
    (
        re.compile(
            r"Takimi publik për punën njëvjeçare të kryetarit të komunës për vitin (?P<year>\d{4})$"
        ),
        {
            "sr": "Javni sastanak o jednogodišnjem radu predsednika opštine u {year}. godini",
            "tr": "Belediye başkanının {year} yılındaki bir yıllık çalışmaları hakkında halk "
            "toplantısı",
        },
    ),
]
_GROUPS = {
    "villages": lambda text, code: gazetteer.name_list(text, code),
    "region": lambda text, code: gazetteer.name(text, code, ("regions",)),
    "body": lambda text, code: gazetteer.name(text, code, ("bodies",)),
}


def activity_title(title, language_code):
    """The title of a hearing or meeting in a language, if it follows a known pattern."""
    key = _lang(language_code)
    for pattern, templates in TITLES:
        match = pattern.match(title.strip())
        if match is None or key not in templates:
            continue
        values = {}
        for group, text in match.groupdict().items():
            values[group] = _GROUPS[group](text, language_code) if group in _GROUPS else text
        if None in values.values():
            return None
        return templates[key].format(**values)
    return None


# --- providers ---------------------------------------------------------------------------------


def activity_segments(page, code):
    values = {}
    title = activity_title(page.title, code)
    if title is not None:
        values["title"] = title
    kind = kind_label(page.kind, code)
    values["slug"] = lambda translated: (
        f"{page.year}-{page.number}-" + slug_of(translated or kind, max_words=8)
    )
    if page.location:
        location = gazetteer.place(page.location, code)
        if location is not None:
            values["location"] = location
    return values


def decision_month_segments(page, code):
    values = {"slug": f"{page.month:02d}"}
    if page.title.strip() == f"{month_name(page.month, SOURCE_LANGUAGE)} {page.year}":
        values["title"] = f"{month_name(page.month, code)} {page.year}"
    return values


def _templated(page, text, code, params, keys=("title", "intro", "slug")):
    values = {}
    for key in keys:
        if key in text and getattr(page, key) == text[key][SOURCE_LANGUAGE].format(**params):
            values[key] = text[key][code].format(**params)
    return values


def decision_year_segments(page, code):
    return {
        "slug": str(page.year),
        **_templated(page, structure.YEAR_PAGE, code, {"year": page.year}),
    }


def budget_segments(page, code):
    params = {"year": page.year, "budget_year": page.budget_year or page.year + 1}
    values = _templated(page, structure.PARTICIPATORY_BUDGET, code, params)
    if page.supported_by and page.supported_by.isupper():  # an acronym (USAID) is kept
        values["supported_by"] = page.supported_by
    return values


def overview_segments(page, code):
    return _templated(page, structure.OVERVIEW, code, {"year": page.year})


PROVIDERS = {
    ActivityPage: activity_segments,
    DecisionMonthPage: decision_month_segments,
    DecisionYearPage: decision_year_segments,
    ParticipatoryBudgetPage: budget_segments,
    YearOverviewPage: overview_segments,
}


def segments_for(page, language_code):
    provider = PROVIDERS.get(type(page))
    return provider(page, language_code) if provider else {}


def translate_record(page, language_code, *, user=None, publish=True):
    """Write (or refresh) the translation of a record from its data. Returns strings written."""
    return translate_from_data(
        page, language_code, segments_for(page, language_code), user=user, publish=publish
    )


def translate_records(pages, *, codes=TARGET_LANGUAGES):
    """Translate each record page into each target language; [(page, code, strings written)]."""
    done = []
    for page in pages:
        page = type(page).objects.get(pk=page.pk)  # as saved, not a stale instance
        for code in codes:
            done.append((page, code, translate_record(page, code)))
    return done
