"""One normaliser for search, used when indexing and when querying, on every backend.

Every backend (SQLite FTS5, PostgreSQL full text, Elasticsearch) receives text that is already
folded into plain `[a-z0-9]+` tokens separated by spaces, so each of them tokenises it the same
way and none of them needs language support of its own (docs/decisions/0030-search-normaliser.md).

Folding: NFKC, Serbian Cyrillic → Latin, Turkish İ/ı → i, lower case, diacritics removed
(ë→e, ç→c, č/ć→c, š→s, ž→z, đ→dj, ş→s, ğ→g).
Codes such as 01-016/2023-86 or 03/L-215 become one token ("01016202386", "03l215").
Stemming: a conservative suffix stripper per language (Albanian, Serbian, Turkish); no stock
stemmer exists for Albanian. Content is stemmed with the rules of its language; a query is
expanded to the stems of every language, since readers type words of any of them.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .transliteration import CYRILLIC_TO_LATIN_TABLE

LANGUAGES = ("sq", "sr", "tr")

# Letters without a Unicode decomposition, and Turkish dotted/dotless i (before lower()).
SPECIAL_LETTERS = str.maketrans(
    {"İ": "i", "I": "i", "ı": "i", "đ": "dj", "Đ": "dj", "ß": "ss", "ø": "o", "ł": "l"}
)

# A code: alphanumeric parts joined by - / . (at least one digit), e.g. 01-016/2023-86, 03/L-215.
CODE_RE = re.compile(r"[0-9a-z]+(?:[-/.][0-9a-z]+)+")
WORD_RE = re.compile(r"[0-9a-z]+")
TOKEN_RE = re.compile(r"[0-9a-z]+(?:[-/.][0-9a-z]+)*")

MAX_TOKEN_LENGTH = 40
MIN_STEM_LENGTH = 3

# Short function words; they are indexed, but a query does not require them.
STOPWORDS = frozenset(
    # Albanian
    "e i te ne per dhe me nga se si u a ka do ose mbi ku qe ne nje ky kjo jane eshte "
    # Serbian
    "i u na za sa od do o se je su da ili po iz kod pre sto "
    # Turkish
    "ve ile bir bu da de icin ki mi veya ya olan".split()
)

# Suffixes, longest first within each language. Each is stripped once (the longest that
# leaves a stem of MIN_STEM_LENGTH letters or more), then one trailing vowel.
SUFFIXES = {
    "sq": sorted(
        (
            "ave eve ise ive ite ete uar ura ur ja je ve it in et en es un ut ri ra t n s a e i"
        ).split(),
        key=len,
        reverse=True,
    ),
    "sr": sorted(
        "ovima evima ama ima ovi evi ova eva om em og oj ih im u a e i o".split(),
        key=len,
        reverse=True,
    ),
    "tr": sorted(
        (
            "lerin larin leri lari ler lar nin nun si su in un de da den dan te ta ten tan i u e a"
        ).split(),
        key=len,
        reverse=True,
    ),
}
VOWELS = "aeiou"


def fold(text):
    """Fold text to lower-case ASCII letters and digits (other characters are kept as they are)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = text.translate(CYRILLIC_TO_LATIN_TABLE)
    text = text.translate(SPECIAL_LETTERS).lower().translate(SPECIAL_LETTERS)
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def stem(token, language):
    """Strip one inflectional ending of `language` from a folded token (conservatively)."""
    if token.isdigit() or len(token) <= MIN_STEM_LENGTH + 1 or not token.isalpha():
        return token
    for suffix in SUFFIXES[language]:
        if token.endswith(suffix) and len(token) - len(suffix) >= MIN_STEM_LENGTH:
            token = token[: -len(suffix)]
            break
    if len(token) > MIN_STEM_LENGTH + 1 and token[-1] in VOWELS:
        token = token[:-1]
    return token


def language_of(code):
    """Map a site language code (sq, sr-latn, tr, sr-Cyrl…) to a stemmer language, or None."""
    code = (code or "").lower()
    for language in LANGUAGES:
        if code == language or code.startswith(language + "-"):
            return language
    return None


RAW_WORD_RE = re.compile(r"\w+(?:[-/.]\w+)*")


@lru_cache(maxsize=200_000)
def _fold_word(word):
    return tuple(t for t in TOKEN_RE.findall(fold(word)) if len(t) <= MAX_TOKEN_LENGTH * 2)


def raw_tokens(text):
    """Folded tokens, codes kept whole (01-016/2023-86 stays one token here).

    Words are folded one by one through a cache: texts repeat their words, and folding is
    the costly part of indexing."""
    tokens = []
    for word in RAW_WORD_RE.findall(unicodedata.normalize("NFKC", text or "")):
        tokens.extend(_fold_word(word))
    return tokens


def code_token(token):
    """01-016/2023-86 → 01016202386; a plain word is returned unchanged."""
    return re.sub(r"[-/.]", "", token)


def is_code(token):
    return bool(CODE_RE.fullmatch(token)) and any(ch.isdigit() for ch in token)


def index_text(text, language=None):
    """The folded, stemmed text to index: one string of `[a-z0-9]+` tokens.

    Every token is indexed as folded and as stemmed in the content's language (in every
    language when it is unknown). A code is indexed whole and as its parts.
    """
    languages = [language_of(language)] if language_of(language) else list(LANGUAGES)
    out = []
    for token in raw_tokens(text):
        if "-" in token or "/" in token or "." in token:
            parts = WORD_RE.findall(token)
            if is_code(token):
                out.append(code_token(token)[:MAX_TOKEN_LENGTH])
                # "Nr.001/011-38749": the number is also findable without its "Nr." prefix.
                first_number = next(i for i, part in enumerate(parts) if part[0].isdigit())
                if 0 < first_number < len(parts) - 1:
                    out.append("".join(parts[first_number:])[:MAX_TOKEN_LENGTH])
            tokens = parts
        else:
            tokens = [token]
        for word in tokens:
            word = word[:MAX_TOKEN_LENGTH]
            out.append(word)
            for lang in languages:
                stemmed = stem(word, lang)
                if stemmed != word:
                    out.append(stemmed)
    return " ".join(out)


@dataclass
class QueryTerm:
    """One word of a query: what was typed, and the index tokens that match it."""

    typed: str
    folded: str
    variants: list = field(default_factory=list)
    required: bool = True


def query_terms(query):
    """Split a query into terms; each term matches any of its variants (folded or stemmed)."""
    terms = []
    seen = set()
    for typed in re.findall(r"\w+(?:[-/.]\w+)*", unicodedata.normalize("NFKC", query or "")):
        for folded in raw_tokens(typed):
            if is_code(folded):
                words = [code_token(folded)[:MAX_TOKEN_LENGTH]]
            elif "-" in folded or "/" in folded or "." in folded:
                words = WORD_RE.findall(folded)
            else:
                words = [folded]
            for word in words:
                word = word[:MAX_TOKEN_LENGTH]
                if word in seen:
                    continue
                seen.add(word)
                variants = [word]
                if not is_code(folded):
                    for lang in LANGUAGES:
                        stemmed = stem(word, lang)
                        if stemmed not in variants:
                            variants.append(stemmed)
                terms.append(
                    QueryTerm(
                        typed=typed.lower(),
                        folded=word,
                        variants=variants,
                        required=word not in STOPWORDS,
                    )
                )
    if terms and not any(term.required for term in terms):
        for term in terms:
            term.required = True
    return terms


def matching_tokens(terms):
    """Every index token that one of the query terms matches."""
    return {variant for term in terms for variant in term.variants}


def word_matches(word, terms, language=None):
    """Whether a word of displayed text matches one of the query terms (for highlighting)."""
    wanted = matching_tokens(terms)
    for token in raw_tokens(word):
        candidates = {token, code_token(token)}
        for lang in LANGUAGES:
            candidates.add(stem(token, lang))
        if candidates & wanted:
            return True
    return False
