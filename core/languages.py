def bcp47(code):
    """Django's `sr-latn` as HTML's `lang` and `hreflang` want it: `sr-Latn`."""
    language, _sep, script = code.partition("-")
    return f"{language}-{script.title()}" if script else language
