"""Reading a WordPress export (WXR 1.0, 1.1, 1.2) into plain records.

WordPress writes WXR in wp-admin/includes/export.php: an RSS 2.0 channel whose `wp:` elements
live in the namespace http://wordpress.org/export/<version>/ (exports in the wild also use the
https form); its importer (WordPress/wordpress-importer) reads elements by their `wp:` name,
whatever the namespace's version. This parser does the same: any namespace of the form
http(s)://wordpress.org/export/N.N/ is the `wp` one, and N.N/excerpt/ the excerpt one.

The XML parser is hardened (defusedxml): no DTD, no entities, no network. The whole file is
read before anything is imported, so a truncated or broken file imports nothing.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/$")
EXCERPT_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/excerpt/$")
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"
VERSION = re.compile(r"^\d+\.\d+$")
DECLARATION = re.compile(rb"^\s*<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")

# Bounds on what one export may hold; a bigger file is refused before parsing.
MAX_FILE_BYTES = 2 * 1024**3
MAX_FIELD_CHARS = 5_000_000  # one post's content; a longer one is reported, not imported


class WXRError(Exception):
    """The file cannot be read as a WordPress export; nothing was imported."""


@dataclass
class Term:
    taxonomy: str  # category, post_tag, language, post_translations, ...
    slug: str
    name: str
    parent: str = ""
    description: str = ""
    term_id: int = 0


@dataclass
class Item:
    post_id: int
    post_type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    name: str = ""  # the slug
    status: str = ""
    parent: int = 0
    menu_order: int = 0
    password: str = ""
    attachment_url: str = ""
    terms: list = field(default_factory=list)  # [Term] without ids
    meta: dict = field(default_factory=dict)  # key -> value (last one wins)
    comment_count: int = 0
    too_large: bool = False

    def terms_of(self, taxonomy):
        return [term for term in self.terms if term.taxonomy == taxonomy]


@dataclass
class Export:
    version: str
    base_site_url: str = ""
    base_blog_url: str = ""
    language: str = ""
    authors: dict = field(default_factory=dict)  # login -> display name
    terms: list = field(default_factory=list)  # [Term]
    items: list = field(default_factory=list)  # [Item]

    def items_of(self, *post_types):
        return [item for item in self.items if item.post_type in post_types]


def _local(tag):
    """(namespace kind, local name) of an element tag in ElementTree's {uri}name form."""
    if not tag.startswith("{"):
        return "", tag
    uri, name = tag[1:].split("}", 1)
    if WP_NAMESPACE.match(uri):
        return "wp", name
    if EXCERPT_NAMESPACE.match(uri):
        return "excerpt", name
    if uri == CONTENT_NAMESPACE:
        return "content", name
    if uri == DC_NAMESPACE:
        return "dc", name
    return uri, name


def _text(element):
    return (element.text or "") if element is not None else ""


def _int(value):
    try:
        return int((value or "").strip() or 0)
    except ValueError:
        return 0


def _children(element):
    """{(kind, name): [child, ...]} of an element."""
    found = {}
    for child in element:
        found.setdefault(_local(child.tag), []).append(child)
    return found


def _first(children, kind, name):
    values = children.get((kind, name))
    return _text(values[0]).strip() if values else ""


def _raw(children, kind, name):
    values = children.get((kind, name))
    return _text(values[0]) if values else ""


def check_encoding(head):
    """Refuse a declaration the bytes contradict (a UTF-8 file declared Latin-1, or the other
    way round), which would otherwise import every accented letter wrongly."""
    match = DECLARATION.match(head)
    declared = match.group(1).decode("ascii") if match else "utf-8"
    if declared.lower() in ("utf-8", "utf8"):
        return
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return
    if any(ord(char) > 127 for char in text):
        raise WXRError(
            f"the file declares the encoding {declared!r} but its bytes are UTF-8: "
            "fix the <?xml ... encoding=...?> line (WordPress writes UTF-8)"
        )


def _term(children, taxonomy=None):
    if taxonomy is None:  # wp:term
        return Term(
            taxonomy=_first(children, "wp", "term_taxonomy"),
            slug=_first(children, "wp", "term_slug"),
            name=_first(children, "wp", "term_name"),
            parent=_first(children, "wp", "term_parent"),
            description=_first(children, "wp", "term_description"),
            term_id=_int(_first(children, "wp", "term_id")),
        )
    if taxonomy == "category":
        return Term(
            taxonomy="category",
            slug=_first(children, "wp", "category_nicename"),
            name=_first(children, "wp", "cat_name"),
            parent=_first(children, "wp", "category_parent"),
            description=_first(children, "wp", "category_description"),
            term_id=_int(_first(children, "wp", "term_id")),
        )
    return Term(
        taxonomy="post_tag",
        slug=_first(children, "wp", "tag_slug"),
        name=_first(children, "wp", "tag_name"),
        description=_first(children, "wp", "tag_description"),
        term_id=_int(_first(children, "wp", "term_id")),
    )


def _item(element):
    children = _children(element)
    item = Item(
        post_id=_int(_first(children, "wp", "post_id")),
        post_type=_first(children, "wp", "post_type") or "post",
        title=_first(children, "", "title"),
        link=_first(children, "", "link"),
        guid=_first(children, "", "guid"),
        creator=_first(children, "dc", "creator"),
        content=_raw(children, "content", "encoded"),
        excerpt=_raw(children, "excerpt", "encoded"),
        post_date=_first(children, "wp", "post_date"),
        post_date_gmt=_first(children, "wp", "post_date_gmt"),
        name=_first(children, "wp", "post_name"),
        status=_first(children, "wp", "status") or "publish",
        parent=_int(_first(children, "wp", "post_parent")),
        menu_order=_int(_first(children, "wp", "menu_order")),
        password=_first(children, "wp", "post_password"),
        attachment_url=_first(children, "wp", "attachment_url"),
    )
    if len(item.content) > MAX_FIELD_CHARS:
        item.content = ""
        item.too_large = True
    for category in children.get(("", "category"), []):
        name = _text(category).strip()
        # WXR 1.0 wrote plain <category>Name</category>; 1.1+ add domain and nicename.
        domain = category.get("domain") or "category"
        domain = "post_tag" if domain == "tag" else domain
        slug = category.get("nicename") or ""
        if not slug and not name:
            continue
        item.terms.append(Term(taxonomy=domain, slug=slug or _slug(name), name=name))
    for meta in children.get(("wp", "postmeta"), []):
        meta_children = _children(meta)
        key = _first(meta_children, "wp", "meta_key")
        if key:
            item.meta[key] = _raw(meta_children, "wp", "meta_value").strip()
    item.comment_count = len(children.get(("wp", "comment"), []))
    return item


def _slug(name):
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-")


def parse(path):
    """Read the whole export at `path`; raise WXRError with a readable reason if it is not one."""
    path = Path(path)
    if not path.is_file():
        raise WXRError(f"{path}: no such file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise WXRError(f"{path}: {size} bytes, more than the {MAX_FILE_BYTES} an export may have")
    if size == 0:
        raise WXRError(f"{path}: the file is empty")
    with path.open("rb") as handle:
        check_encoding(handle.read(65536))
    export = None
    channel_seen = False
    try:
        with path.open("rb") as handle:
            stack = []
            for event, element in iterparse(
                handle, events=("start", "end"), forbid_dtd=True, forbid_entities=True
            ):
                if event == "start":
                    stack.append(element)
                    continue
                stack.pop()
                kind, name = _local(element.tag)
                depth = len(stack)
                if depth == 1 and (kind, name) == ("", "channel"):
                    channel_seen = True
                if depth != 2 or stack[-1].tag != "channel":
                    continue
                if export is None:
                    export = Export(version="")
                if (kind, name) == ("", "item"):
                    export.items.append(_item(element))
                elif kind == "wp" and name == "wxr_version":
                    export.version = _text(element).strip()
                elif kind == "wp" and name == "base_site_url":
                    export.base_site_url = _text(element).strip()
                elif kind == "wp" and name == "base_blog_url":
                    export.base_blog_url = _text(element).strip()
                elif (kind, name) == ("", "language"):
                    export.language = _text(element).strip()
                elif kind == "wp" and name == "author":
                    children = _children(element)
                    login = _first(children, "wp", "author_login")
                    if login:
                        display = _first(children, "wp", "author_display_name")
                        export.authors[login] = display or login
                elif kind == "wp" and name == "category":
                    export.terms.append(_term(_children(element), "category"))
                elif kind == "wp" and name == "tag":
                    export.terms.append(_term(_children(element), "post_tag"))
                elif kind == "wp" and name == "term":
                    export.terms.append(_term(_children(element)))
                stack[-1].remove(element)  # keep memory flat on big exports
    except DefusedXmlException as error:
        raise WXRError(
            f"{path}: refused ({error.__class__.__name__}): a WXR file has no DTD"
        ) from error
    except ParseError as error:
        line, column = error.position
        raise WXRError(
            f"{path}: not well-formed XML at line {line}, column {column} ({error.msg}): "
            "the file is broken or truncated; nothing was imported"
        ) from error
    if not channel_seen or export is None:
        raise WXRError(f"{path}: not a WordPress export (no RSS channel)")
    if not VERSION.match(export.version):
        raise WXRError(f"{path}: not a WordPress export (missing or invalid wp:wxr_version)")
    export.base_blog_url = export.base_blog_url or export.base_site_url
    return export


def parse_date(local, gmt, time_zone):
    """The moment of a post: its GMT date when WordPress wrote one, else its local date read in
    the site's time zone; None for WordPress's "0000-00-00 00:00:00" (never published)."""
    for value, zone in ((gmt, UTC), (local, time_zone)):
        if not value or value.startswith("0000"):
            continue
        try:
            moment = datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
        except ValueError:
            continue
        return moment.replace(tzinfo=zone)
    return None
