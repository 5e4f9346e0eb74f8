"""Write a synthetic WordPress export (WXR 1.2) of N posts, shaped like the old Prizren site,
for measuring the import (README, "Migration from the old site").

    python scripts/make_wordpress_export.py 10000 var/wp-synthetic.xml var/wp-synthetic-uploads

Posts are news, decisions, consultations and pages in the proportions of the old site, one
in ten with a PDF attachment (a tiny real PDF written to the uploads folder), one in five
linking to an earlier post, a few drafts, private and scheduled posts, and Polylang groups.
"""

import random
import sys
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_wordpress_uploads import pdf  # noqa: E402

BASE = "https://kk.rks-gov.net/prizren"
UPLOADS = f"{BASE}/wp-content/uploads/sites/26"
CATEGORIES = [
    ("lajme", "Lajme"),
    ("vendimet-e-kryetarit", "Vendimet e Kryetarit"),
    ("konsultimet-publike", "Konsultimet publike"),
    ("njoftime", "Njoftime"),
]
WORDS = (
    "komuna prizren qytetarët buxheti vendimi kryetari kuvendi konsultimi raporti projekti "
    "rruga shkolla uji kultura sheshi punimet dokumenti kërkesa takimi publik"
).split()


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def item(post_id, title, link, post_type, status, date, slug, content="", parent=0, terms=(),
         meta=(), attachment_url=""):  # fmt: skip
    parts = [
        "\t<item>",
        f"\t\t<title>{cdata(title)}</title>",
        f"\t\t<link>{escape(link)}</link>",
        "\t\t<dc:creator><![CDATA[admin]]></dc:creator>",
        f'\t\t<guid isPermaLink="false">{BASE}/?p={post_id}</guid>',
        f"\t\t<content:encoded>{cdata(content)}</content:encoded>",
        "\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>",
        f"\t\t<wp:post_id>{post_id}</wp:post_id>",
        f"\t\t<wp:post_date>{cdata(date)}</wp:post_date>",
        f"\t\t<wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>",
        f"\t\t<wp:post_name>{cdata(slug)}</wp:post_name>",
        f"\t\t<wp:status>{cdata(status)}</wp:status>",
        f"\t\t<wp:post_parent>{parent}</wp:post_parent>",
        f"\t\t<wp:post_type>{cdata(post_type)}</wp:post_type>",
        "\t\t<wp:post_password><![CDATA[]]></wp:post_password>",
    ]
    if attachment_url:
        parts.append(f"\t\t<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>")
    for domain, term_slug, name in terms:
        parts.append(
            f'\t\t<category domain="{domain}" nicename="{term_slug}">{cdata(name)}</category>'
        )
    for key, value in meta:
        parts.append(
            f"\t\t<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
            f"<wp:meta_value>{cdata(value)}</wp:meta_value></wp:postmeta>"
        )
    parts.append("\t</item>")
    return "\n".join(parts) + "\n"


def generate(count, out_path, uploads_dir, seed=2023):
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    uploads_dir = Path(uploads_dir)
    out = [
        '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
        'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
        "\t<title>Komuna e Prizrenit</title>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n"
        f"\t<wp:base_site_url>https://kk.rks-gov.net</wp:base_site_url>\n"
        f"\t<wp:base_blog_url>{BASE}</wp:base_blog_url>\n"
    ]
    for number, (slug, name) in enumerate(CATEGORIES, start=1):
        out.append(
            f"\t<wp:category><wp:term_id>{number}</wp:term_id><wp:category_nicename>{slug}"
            f"</wp:category_nicename><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n"
        )
    links = []
    next_id = 100_000
    for post_id in range(1, count + 1):
        year, month, day = 2015 + post_id % 9, 1 + post_id % 12, 1 + post_id % 28
        date = f"{year}-{month:02d}-{day:02d} {8 + post_id % 9:02d}:00:00"
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 300)))
        content = f"<!-- wp:paragraph --><p>{words}</p><!-- /wp:paragraph -->"
        if links and post_id % 5 == 0:
            content += f'<p>Shih edhe <a href="{rng.choice(links)}">lajmin e mëparshëm</a>.</p>'
        slug = f"postimi-{post_id}"
        if post_id % 50 == 0:
            post_type, link, terms = "page", f"{BASE}/{slug}/", []
        else:
            category = CATEGORIES[0 if post_id % 7 else (1 + post_id % 3)]
            post_type, link = "post", f"{BASE}/news/{slug}/"
            terms = [("category", category[0], category[1])]
        status = {97: "draft", 98: "private", 99: "future"}.get(post_id % 100, "publish")
        if status == "future":
            date = f"2031-{month:02d}-{day:02d} 09:00:00"
        out.append(item(post_id, f"Postimi {post_id}: {words[:40]}", link, post_type, status, date,
                        slug, content, terms=terms))  # fmt: skip
        links.append(link)
        if post_id % 10 == 0:
            relative = f"{year}/{month:02d}/dokument-{post_id}.pdf"
            path = uploads_dir / "sites" / "26" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pdf(f"Dokumenti {post_id}"))
            next_id += 1
            out.append(item(next_id, f"Dokumenti {post_id}", f"{BASE}/dokument-{post_id}/",
                            "attachment", "inherit", date, f"dokument-{post_id}", parent=post_id,
                            meta=[("_wp_attached_file", relative)],
                            attachment_url=f"{UPLOADS}/{relative}"))  # fmt: skip
    out.append("</channel>\n</rss>\n")
    Path(out_path).write_text("".join(out), encoding="utf-8")


if __name__ == "__main__":
    generate(int(sys.argv[1]), sys.argv[2], sys.argv[3])
