"""Serbian Cyrillic to Latin, letter by letter (Serbian Latin has a letter for each)."""

_LOWER = dict(
    zip(
        "абвгдђежзијклљмнњопрстћуфхцчџш",
        "a b v g d đ e ž z i j k l lj m n nj o p r s t ć u f h c č dž š".split(),
        strict=True,
    )
)
CYRILLIC_TO_LATIN_TABLE = str.maketrans(
    {**_LOWER, **{cyr.upper(): lat.capitalize() for cyr, lat in _LOWER.items()}}
)


def cyrillic_to_latin(text):
    return text.translate(CYRILLIC_TO_LATIN_TABLE)
