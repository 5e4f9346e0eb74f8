from pathlib import Path

import polib
import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
LANGUAGES = ["sq", "sr_Latn", "tr"]
# The project catalogue (templates/, core/) and one per app.
CATALOGUES = sorted(
    path.relative_to(PROJECT_DIR)
    for path in PROJECT_DIR.glob("*/locale/*/LC_MESSAGES/django.po")
    if not str(path).startswith(str(PROJECT_DIR / ".venv"))
) + sorted(
    path.relative_to(PROJECT_DIR) for path in PROJECT_DIR.glob("locale/*/LC_MESSAGES/django.po")
)


def test_every_language_has_a_catalogue_everywhere():
    directories = {path.parent.parent.parent for path in CATALOGUES}
    for directory in directories:
        for language in LANGUAGES:
            assert (PROJECT_DIR / directory / language / "LC_MESSAGES" / "django.po").exists()


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=str)
def test_every_interface_string_is_translated(catalogue):
    po = polib.pofile(str(PROJECT_DIR / catalogue))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=str)
def test_compiled_catalogue_matches_the_source(catalogue):
    """The committed .mo is what Django reads: it must carry every .po translation."""
    po = polib.pofile(str(PROJECT_DIR / catalogue))
    mo = polib.mofile(str((PROJECT_DIR / catalogue).with_suffix(".mo")))
    compiled = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in mo}
    for entry in po.translated_entries():
        if entry.msgid_plural:
            continue
        assert compiled.get((entry.msgctxt, entry.msgid)) == entry.msgstr, entry.msgid
