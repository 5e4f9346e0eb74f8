"""Serbian in Cyrillic: /sr-cyrl/… is the Serbian (Latin) site transliterated at response time.

There is no second tree: a request for /sr-cyrl/<path> is served as /sr-latn/<path>, and the
response's Serbian text (text and readable attributes of elements whose language is Serbian,
never those marked as another language, scripts, styles or URLs) is written in Cyrillic by
core.transliteration; `lang="sr-Latn"` becomes `sr-Cyrl` and the site's /sr-latn/ links point
to /sr-cyrl/, except the links that offer the Latin script itself (hreflang="sr-Latn").
"""

from html import escape
from html.parser import HTMLParser
from io import BytesIO
from xml.etree import ElementTree

from core.transliteration import latin_to_cyrillic

LATIN, CYRILLIC = "sr-latn", "sr-cyrl"
LATIN_PREFIX, CYRILLIC_PREFIX = f"/{LATIN}/", f"/{CYRILLIC}/"
LATIN_TAG, CYRILLIC_TAG = "sr-Latn", "sr-Cyrl"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr", "param"}
RAW = {"script", "style"}
TEXT_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder", "aria-description"}
URL_ATTRIBUTES = {"href", "action", "src"}
# <meta> whose content is text, and whose content is a URL (the page's social-card metadata).
TEXT_METADATA = {"description", "og:title", "og:description", "og:site_name", "og:image:alt"}
TEXT_METADATA |= {"twitter:title", "twitter:description", "twitter:image:alt"}
URL_METADATA = {"og:url", "twitter:url"}


def cyrillic_path(url):
    """The Cyrillic URL of a Serbian Latin one, a path or absolute (others unchanged)."""
    origin, _sep, path = url.partition("://")
    if _sep:
        host, slash, rest = path.partition("/")
        return f"{origin}://{host}" + cyrillic_path(slash + rest) if slash else url
    if url.startswith(LATIN_PREFIX):
        return CYRILLIC_PREFIX + url[len(LATIN_PREFIX) :]
    return url


def _is_serbian(lang):
    return lang is not None and lang.lower().startswith("sr")


class _Transliterator(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.langs = []  # (tag, lang) of the open elements
        self.raw = 0

    @property
    def lang(self):
        return self.langs[-1][1] if self.langs else None

    def _tag(self, tag, attrs, closing):
        attributes = dict(attrs)
        offers_latin = (attributes.get("hreflang") or "").lower() == LATIN
        lang = attributes.get("lang", self.lang)
        changed = []
        for name, value in attrs:
            if value is None:
                changed.append(f" {name}")
                continue
            if name == "lang" and value == LATIN_TAG and not offers_latin:
                value = CYRILLIC_TAG
            elif name in URL_ATTRIBUTES and not offers_latin:
                value = cyrillic_path(value)
            elif name in TEXT_ATTRIBUTES and _is_serbian(lang):
                value = latin_to_cyrillic(value)
            elif name == "content" and tag == "meta":
                metadata = attributes.get("property") or attributes.get("name")
                if metadata in TEXT_METADATA and _is_serbian(lang):
                    value = latin_to_cyrillic(value)
                elif metadata in URL_METADATA:
                    value = cyrillic_path(value)
            changed.append(f' {name}="{escape(value, quote=True)}"')
        self.out.append(f"<{tag}{''.join(changed)}{' /' if closing else ''}>")
        return "x-kept" if offers_latin else lang

    def handle_starttag(self, tag, attrs):
        lang = self._tag(tag, attrs, closing=False)
        if tag in VOID:
            return
        self.langs.append((tag, lang))
        if tag in RAW:
            self.raw += 1

    def handle_startendtag(self, tag, attrs):
        self._tag(tag, attrs, closing=True)

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in VOID:
            return
        for index in range(len(self.langs) - 1, -1, -1):
            if self.langs[index][0] == tag:
                del self.langs[index:]
                break
        if tag in RAW:
            self.raw = max(0, self.raw - 1)

    def handle_data(self, data):
        if not self.raw and _is_serbian(self.lang):
            data = latin_to_cyrillic(data)
        self.out.append(data)

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")


def transliterate_html(html):
    parser = _Transliterator()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def transliterate_xml(xml):
    """A feed: the Serbian text of its elements (xml:lang says which are not Serbian), its
    links to the Serbian site pointing to the Cyrillic one."""
    # The site's own feed, rendered a moment ago (not outside input).
    events = ElementTree.iterparse(BytesIO(xml.encode()), ["start-ns"])  # noqa: S314
    for _event, (prefix, uri) in events:
        ElementTree.register_namespace(prefix, uri)
    root = ElementTree.fromstring(xml.encode())  # noqa: S314

    def walk(element, lang):
        lang = element.get(XML_LANG, lang)
        if element.get(XML_LANG) == LATIN_TAG:
            element.set(XML_LANG, CYRILLIC_TAG)
        serbian = _is_serbian(lang)
        if element.text and serbian and not element.text.lstrip().startswith("http"):
            element.text = latin_to_cyrillic(element.text)
        elif element.text and element.text.strip().startswith("http"):
            element.text = cyrillic_path(element.text.strip())
        if element.get("href"):
            element.set("href", cyrillic_path(element.get("href")))
        for child in element:
            walk(child, lang)
            if child.tail and serbian:
                child.tail = latin_to_cyrillic(child.tail)

    walk(root, LATIN_TAG)
    return ElementTree.tostring(root, encoding="unicode", xml_declaration=True)


class SerbianCyrillicMiddleware:
    """Outermost of the site's middleware (config.settings): /sr-cyrl/ is served as /sr-latn/
    and written in Cyrillic on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if not (path == f"/{CYRILLIC}" or path.startswith(CYRILLIC_PREFIX)):
            return self.get_response(request)
        latin = LATIN_PREFIX + path[len(CYRILLIC_PREFIX) :]
        request.path_info = latin
        request.path = request.path[: len(request.path) - len(path)] + latin
        request.serbian_script = "cyrl"
        response = self.get_response(request)
        return self.to_cyrillic(response)

    @staticmethod
    def to_cyrillic(response):
        if response.has_header("Location"):
            response["Location"] = cyrillic_path(response["Location"])
        content_type = response.get("Content-Type", "")
        if getattr(response, "streaming", False):
            return response
        if content_type.startswith("text/html"):
            convert = transliterate_html
        elif "xml" in content_type:
            convert = transliterate_xml
        else:
            return response
        charset = response.charset or "utf-8"
        response.content = convert(response.content.decode(charset)).encode(charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        if response.has_header("ETag"):
            del response["ETag"]
        return response
