"""WordPress post content cleaned into Wagtail rich text.

WordPress keeps a post's HTML as typed (the classic editor leaves paragraphs as blank lines,
wpautop adds the <p> when it renders) with Gutenberg's block comments and shortcodes inside.
What comes out is the rich text the site's paragraph blocks allow: paragraphs, bold, italic,
lists and links; no script, style, frame, form or inline style; `javascript:` and other
non-web links dropped (their text kept). Images and embeds are lifted out of the text so the
page builder can make blocks of them.
"""

import re
from dataclasses import dataclass, field
from html import escape

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

SHORTCODE = re.compile(r"\[(/?)([A-Za-z][\w-]*)([^\]]*)\]")
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
DROPPED = {
    "script", "style", "iframe", "object", "embed", "form", "input", "button", "select",
    "textarea", "noscript", "template", "svg", "math", "link", "meta", "head", "title", "frame",
    "frameset", "applet", "base",
}  # fmt: skip
BLOCKS = {"p", "div", "section", "article", "blockquote", "figure", "figcaption", "pre",
          "address", "header", "footer", "main", "aside", "table", "tr", "center"}  # fmt: skip
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BOLD = {"b", "strong"}
ITALIC = {"i", "em", "cite"}
LISTS = {"ul", "ol"}
WEB_SCHEMES = ("http://", "https://", "mailto:", "tel:")
BLOCK_TAG = re.compile(r"<(p|div|ul|ol|h[1-6]|table|blockquote|figure)\b", re.IGNORECASE)


@dataclass
class Cleaned:
    html: str = ""
    images: list = field(default_factory=list)  # [(src or "", attachment id or 0, caption)]
    embeds: list = field(default_factory=list)  # [url]
    unresolved: list = field(default_factory=list)  # internal links not found (yet)
    dropped_links: int = 0

    @property
    def text(self):
        return BeautifulSoup(self.html, "html.parser").get_text(" ", strip=True)


def shortcode_attributes(text):
    return {
        m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
        for m in ATTRIBUTE.finditer(text)
    }


def expand_shortcodes(text, cleaned):
    """[caption] keeps its image and caption, [gallery ids=...] and [embed] become image and
    embed references; any other shortcode loses its brackets and keeps its inner text."""

    def caption(match):
        inner = match.group(2)
        soup = BeautifulSoup(inner, "html.parser")
        image = soup.find("img")
        words = soup.get_text(" ", strip=True)
        if image is not None:
            cleaned.images.append((image.get("src") or "", _attachment_id(image), words))
        return f"\n\n{escape(words)}\n\n" if words else "\n\n"

    text = re.sub(r"\[caption([^\]]*)\](.*?)\[/caption\]", caption, text, flags=re.S | re.I)

    def embed(match):
        url = match.group(2).strip()
        if url.startswith(("http://", "https://")):
            cleaned.embeds.append(url)
            return f'\n\n<a href="{escape(url)}">{escape(url)}</a>\n\n'
        return ""

    text = re.sub(r"\[embed([^\]]*)\](.*?)\[/embed\]", embed, text, flags=re.S | re.I)

    def other(match):
        closing, name, attributes = match.groups()
        if name.lower() == "gallery" and not closing:
            ids = shortcode_attributes(attributes).get("ids", "")
            for number in re.findall(r"\d+", ids):
                cleaned.images.append(("", int(number), ""))
        return ""

    return SHORTCODE.sub(other, text)


def _attachment_id(image):
    for css_class in image.get("class") or []:
        match = re.fullmatch(r"wp-image-(\d+)", css_class)
        if match:
            return int(match.group(1))
    return 0


def autop(text):
    """WordPress's wpautop, simply: blank lines separate paragraphs when the text has none."""
    if BLOCK_TAG.search(text):
        return text
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(f"<p>{part}</p>".replace("\n", "<br>") for part in paragraphs)


def clean(raw, resolve=lambda href: None):
    """Clean WordPress content; `resolve(href)` returns ("page"|"document", id) for an internal
    link, "missing" for an old-site link to nothing imported, or None for an outside link."""
    cleaned = Cleaned()
    text = re.sub(r"<!--.*?-->", "", raw or "", flags=re.S)  # Gutenberg block comments too
    text = expand_shortcodes(text, cleaned)
    soup = BeautifulSoup(autop(text), "html.parser")
    out = []
    _walk(soup, out, cleaned, resolve, inline=[])
    cleaned.html = _tidy("".join(out))
    return cleaned


def _walk(node, out, cleaned, resolve, inline):
    for child in list(node.children):
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            out.append(escape(re.sub(r"\s+", " ", str(child)), quote=False))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name in DROPPED:
            continue
        if name == "img":
            cleaned.images.append(
                (child.get("src") or "", _attachment_id(child), child.get("alt") or "")
            )
            continue
        if name == "br":
            out.append("<br/>")
        elif name in HEADINGS:
            out.append("</p><p><b>")
            _walk(child, out, cleaned, resolve, inline)
            out.append("</b></p><p>")
        elif name in BLOCKS or name in ("td", "th", "dd", "dt"):
            out.append("</p><p>")
            _walk(child, out, cleaned, resolve, inline)
            out.append("</p><p>")
        elif name in LISTS:
            out.append(f"</p><{name}>")
            for item in child.find_all("li", recursive=False):
                out.append("<li>")
                _walk(item, out, cleaned, resolve, inline)
                out.append("</li>")
            out.append(f"</{name}><p>")
        elif name in BOLD or name in ITALIC:
            tag = "b" if name in BOLD else "i"
            out.append(f"<{tag}>")
            _walk(child, out, cleaned, resolve, inline)
            out.append(f"</{tag}>")
        elif name == "a":
            opening = _link(child.get("href") or "", cleaned, resolve)
            out.append(opening or "")
            _walk(child, out, cleaned, resolve, inline)
            out.append("</a>" if opening else "")
        else:  # span, font, u, sup, li outside a list ...: the text only
            _walk(child, out, cleaned, resolve, inline)


def _link(href, cleaned, resolve):
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    target = resolve(href)
    if isinstance(target, tuple):
        kind, pk = target
        return f'<a linktype="{kind}" id="{int(pk)}">'
    if target == "missing":
        cleaned.unresolved.append(href)
        return None
    if not href.lower().startswith(WEB_SCHEMES):
        cleaned.dropped_links += 1  # javascript:, data:, vbscript:, relative junk
        return None
    return f'<a href="{escape(href)}">'


def _tidy(html):
    """Balance the paragraphs the walk opened and closed around blocks; drop empty ones."""
    html = f"<p>{html}</p>"
    soup = BeautifulSoup(html, "html.parser")
    for paragraph in soup.find_all("p"):
        if not paragraph.get_text(strip=True):
            paragraph.decompose()
    for nested in soup.select("p p"):
        nested.unwrap()
    result = str(soup)
    result = re.sub(r"(<br/>\s*)+</p>", "</p>", result)
    result = re.sub(r"<p>(\s*<br/>)+", "<p>", result)
    return result.strip()
