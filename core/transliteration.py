"""Serbian between its two scripts: Cyrillic to Latin letter by letter, and Latin to Cyrillic
with the exceptions Serbian writing keeps in Latin (foreign names, codes, URLs, acronyms)."""

import re

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


# Љ, Њ, Џ beside another capital are a word in capitals: ЉУБАВ is LJUBAV, not LjUBAV.
_CAPITAL_DIGRAPH = re.compile(
    r"(?<=[\u0402-\u040f\u0410-\u042f])[ЉЊЏ]|[ЉЊЏ](?=[\u0402-\u040f\u0410-\u042f])"
)


def cyrillic_to_latin(text):
    text = _CAPITAL_DIGRAPH.sub(lambda match: _LOWER[match.group().lower()].upper(), text)
    return text.translate(CYRILLIC_TO_LATIN_TABLE)


# --- Latin to Cyrillic -------------------------------------------------------------------------

_LATIN_LOWER = {latin: cyrillic for cyrillic, latin in _LOWER.items()}
_DIGRAPHS = ("lj", "nj", "dž")
# Words where the two letters are two sounds, not one (prefix + root): kon-junktura, nad-živeti.
_SPLIT_DIGRAPHS = re.compile(
    r"(?i)(?<![a-zčćđšž])(in|kon|van|nad|od|pod)(?=(j(ekc|unkt|ug|ezič)|živ|žnj|žanr|žup|žal))"
)
# Words Serbian Cyrillic keeps in Latin: letters Serbian has not, or a known foreign name.
_FOREIGN_LETTERS = re.compile(r"[qwxyäöüëçşğıéèáàâîôûß]")  # matched on the word in lower case
_SERBIAN_LETTERS = re.compile(r"[čćđšž]")
KEPT_WORDS = frozenset(
    {
        "Facebook",
        "Google",
        "Instagram",
        "YouTube",
        "Wagtail",
        "Django",
        "Office",
        "iOS",
        "Android",
        "Atom",
        "RSS",
    }
)
# Acronyms that Serbian Cyrillic writes in Cyrillic (others, like USAID or PDF, stay Latin).
CONVERTED_ACRONYMS = frozenset({"SAD", "EU", "UN", "OEBS", "SRJ", "NATO", "KFOR", "JP"})
_TOKEN = re.compile(
    r"(?P<kept>[a-z][a-z0-9+.-]*://\S+|www\.\S+|\S+@\S+\.\w+"
    r"|\b\w*\d\w*(?:[./-]\w+)*)"  # a URL, an e-mail address, a code or a number with letters
    r"|(?P<word>[^\W\d_]+)"
)


def _word_to_cyrillic(word):
    lower = word.lower()
    if word in KEPT_WORDS or _FOREIGN_LETTERS.search(lower):
        return word
    if (
        2 <= len(word) <= 5
        and word.isupper()
        and word not in CONVERTED_ACRONYMS
        and not _SERBIAN_LETTERS.search(lower)
    ):
        return word  # a Latin acronym: USAID, PDF, KAB (words in capitals are converted)
    marked = _SPLIT_DIGRAPHS.sub(lambda match: match.group(1) + "\u200b", word)
    out = []
    index = 0
    while index < len(marked):
        pair = marked[index : index + 2]
        if pair.lower() in _DIGRAPHS:
            letter = _LATIN_LOWER[pair.lower()]
            out.append(letter.upper() if pair[0].isupper() else letter)
            index += 2
            continue
        char = marked[index]
        index += 1
        if char == "\u200b":
            continue
        letter = _LATIN_LOWER.get(char.lower())
        if letter is None:
            out.append(char)
        else:
            out.append(letter.upper() if char.isupper() else letter)
    return "".join(out)


def latin_to_cyrillic(text):
    """Serbian Latin text in Cyrillic. URLs, e-mail addresses, codes with digits, Latin
    acronyms and words with letters Serbian has not (foreign names) are kept as written."""

    def replace(match):
        if match.group("kept"):
            return match.group("kept")
        return _word_to_cyrillic(match.group("word"))

    return _TOKEN.sub(replace, text)
