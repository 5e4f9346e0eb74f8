"""The admin the unit works in (Wagtail, wagtail-localize) is translated by the project's own
catalogues of the upstream apps (core.upstream_catalogues, locale/upstream/)."""

import polib
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from core import upstream_catalogues

MINIMUM_SHARE = 0.98
# Languages whose admin catalogues are complete; a language joins when it reaches the minimum.
COMPLETE_LANGUAGES = ["sq", "sr_Latn", "tr"]
CATALOGUES = [
    upstream_catalogues.Catalogue(app, english.stem, language)
    for app, _dir, english, language in upstream_catalogues.all_catalogues(COMPLETE_LANGUAGES)
]


def _name(catalogue):
    return f"{catalogue.app}-{catalogue.domain}-{catalogue.language}"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=_name)
def test_admin_catalogue_is_translated(catalogue):
    assert upstream_catalogues.coverage(catalogue).share >= MINIMUM_SHARE


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=_name)
def test_admin_catalogue_is_compiled(catalogue):
    po = polib.pofile(str(catalogue.path))
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(catalogue.path.with_suffix(".mo")))
    }
    for entry in po.translated_entries():
        if not entry.msgid_plural:
            assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, entry.msgid


@pytest.mark.parametrize(
    ("language", "english", "expected"),
    [
        ("sq", "Save draft", "Ruaj draftin"),
        ("sq", "Submit for moderation", "Dërgo për moderim"),
        ("tr", "Snippets", "Parçacıklar"),
        ("sr-latn", "Save draft", "Sačuvaj nacrt"),
        ("sr-latn", "Pages", "Stranice"),
    ],
)
def test_project_catalogue_wins_over_the_package_one(language, english, expected):
    with translation.override(language):
        assert translation.gettext(english) == expected


def test_every_installed_upstream_app_has_a_catalogue_per_language():
    for app, _dir, english, language in upstream_catalogues.all_catalogues():
        assert upstream_catalogues.Catalogue(app, english.stem, language).path.exists(), app


def test_coverage_command_prints_the_table_and_fails_below_the_minimum(capsys):
    call_command("translation_coverage")
    table = capsys.readouterr().out
    assert table.splitlines()[-1].startswith("all")
    assert "wagtail.admin django" in table
    with pytest.raises(CommandError, match="below 101%"):  # no catalogue is above 100 %
        call_command("translation_coverage", minimum=1.01)
