def bcp47(code):
    """Django's `sr-latn` as HTML's `lang` and `hreflang` want it: `sr-Latn`."""
    language, _sep, script = code.partition("-")
    return f"{language}-{script.title()}" if script else language


_locale_codes = {}


def language_code_of_locale(locale_id):
    """The language code of a Locale row, without a query per page of a listing.

    A Locale's code never changes (Wagtail offers no way to edit it), so the mapping is kept
    for the life of the process, reloaded for an id it has not seen and forgotten whenever a
    Locale is saved or deleted (core.apps).
    """
    if locale_id not in _locale_codes:
        from wagtail.models import Locale

        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes.get(locale_id, "")


def forget_locale_codes(**kwargs):
    _locale_codes.clear()
