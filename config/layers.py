"""The apps as layers, bottom first: an app imports only from its own layer or the layers
below it, and apps of one layer never import each other in a circle (tests/test_structure.py;
docs/architecture.md)."""

LAYERS = (
    # Shared machinery: visibility, caching, translation and seeding helpers, the search
    # normaliser and folded text, the feeds machinery.
    ("core",),
    ("documents",),
    ("search",),
    # The domain apps.
    ("media_office", "transparency", "participation"),
    # The home page shows the domain apps' content.
    ("home",),
    # The WordPress import writes the old site into home's pages and the domain apps' records.
    ("wordpress_import",),
    ("config",),
)


def layer_of(app):
    """The index of `app`'s layer (0 = bottom), or None for a folder that is not an app."""
    for index, apps in enumerate(LAYERS):
        if app in apps:
            return index
    return None
