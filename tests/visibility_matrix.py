"""The visibility matrix, channels × states: what the suite asserts
(tests/test_visibility_matrix.py) and what docs/visibility-matrix.md shows
(scripts/visibility_matrix.py writes it from this data).

Every cell is closed for an anonymous reader. Some open for someone, or after something:
OPENERS says who or what, and for which channels.
"""

LANGUAGES = ("sq", "sr-latn", "tr")

# (channel, what it is)
CHANNELS = [
    ("page", "the page's URL (the Serbian alias's for an alias)"),
    ("document", "the attachment's download URL"),
    *[(f"search-html-{code}", f"/{code}/search/?q=…") for code in LANGUAGES],
    *[(f"search-json-{code}", f"/{code}/search/?q=…&format=json") for code in LANGUAGES],
    ("feed-press-rss", "press releases, RSS"),
    ("feed-press-atom", "press releases, Atom"),
    ("feed-press-topic", "press releases of a topic, RSS and Atom"),
    ("feed-consultations", "new consultations, RSS and Atom"),
    ("feed-decisions", "new months of decisions, RSS and Atom"),
    ("sitemap", "/sitemap.xml"),
    ("home", "the home page's slots (releases, open consultations, decisions)"),
    ("open-data", "/open-data/ consultations and decisions, CSV and JSON"),
    ("email", "the release email to subscribers"),
]
CHANNEL_NAMES = [name for name, _ in CHANNELS]
SEARCH_CHANNELS = [name for name in CHANNEL_NAMES if name.startswith("search-")]
# Only press releases have a release date: the channels that show releases.
RELEASE_CHANNELS = [
    name
    for name in CHANNEL_NAMES
    if name not in ("feed-consultations", "feed-decisions", "open-data")
]

# (state, what it is, the channels where it applies)
DOCUMENT_ONLY = ["document", *SEARCH_CHANNELS, "feed-press-rss", "feed-press-atom"]
STATES = [
    ("draft", "a page never published, with an attachment", CHANNEL_NAMES),
    (
        "draft-revision",
        "a live page whose draft revision (Save draft) adds a title and an attachment",
        CHANNEL_NAMES,
    ),
    ("unattached-upload", "a document uploaded, used by no page, not published", DOCUMENT_ONLY),
    (
        "private-collection",
        "a document in a collection restricted to one group, attached to a public release",
        DOCUMENT_ONLY,
    ),
    ("password-page", "a live page (and attachment) behind a page password", CHANNEL_NAMES),
    ("login-page", "a live page (and attachment) restricted to logged-in readers", CHANNEL_NAMES),
    (
        "scheduled",
        "published for later (go_live_at); its sr-latn and tr aliases made live",
        CHANNEL_NAMES,
    ),
    (
        "future-release-date",
        "a live release whose release date is in the future",
        RELEASE_CHANNELS,
    ),
    (
        "alias-of-closed-source",
        "live sr-latn and tr aliases of a page that is no longer live",
        CHANNEL_NAMES,
    ),
    ("unpublished", "a page published, then unpublished", CHANNEL_NAMES),
    ("deleted", "a page published, then deleted (its attachment remains)", CHANNEL_NAMES),
]
STATE_NAMES = [name for name, _, _ in STATES]
APPLIES = {name: set(channels) for name, _, channels in STATES}

# (state, opener, what opens it, channels it opens)
OPENERS = [
    ("draft", "published", "the page is published", CHANNEL_NAMES),
    ("draft-revision", "published", "the draft revision is published", CHANNEL_NAMES),
    ("unattached-upload", "published", "an editor publishes the document", ["document"]),
    ("unattached-upload", "published", "an editor publishes the document", SEARCH_CHANNELS),
    ("private-collection", "group-member", "a member of the collection's group", ["document"]),
    ("password-page", "password", "the reader gave the page password", ["page", "document"]),
    ("login-page", "logged-in", "a logged-in reader", ["page", "document"]),
    ("scheduled", "released", "its time comes and publish_scheduled runs", CHANNEL_NAMES),
    (
        "future-release-date",
        "released",
        "its release date passes",
        RELEASE_CHANNELS,
    ),
    ("alias-of-closed-source", "published", "the source is published again", CHANNEL_NAMES),
    ("unpublished", "published", "the page is published again", CHANNEL_NAMES),
]


def openers_of(state):
    """{opener: (description, set of channels)} for one state."""
    found = {}
    for name, opener, description, channels in OPENERS:
        if name == state:
            entry = found.setdefault(opener, (description, set()))
            entry[1].update(channels)
    return found


def closed_cells():
    return [
        (channel, state)
        for state in STATE_NAMES
        for channel in CHANNEL_NAMES
        if channel in APPLIES[state]
    ]


def open_cells():
    cells = []
    for state in STATE_NAMES:
        for opener, (_description, channels) in openers_of(state).items():
            for channel in CHANNEL_NAMES:
                if channel in channels and channel in APPLIES[state]:
                    cells.append((channel, state, opener))
    return cells


def cell_id(channel, state, opener=None):
    """The test id of a cell: `search-json-tr--scheduled`, `page--password-page--password`."""
    return "--".join(part for part in (channel, state, opener) if part)
