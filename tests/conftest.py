import os
from pathlib import Path

import pytest

# The municipality's real content, read-only, beside the project (never copied into it).
# PRIZREN_SHARED_DIR points elsewhere, e.g. from a git worktree.
SHARED_DIR = Path(
    os.environ.get("PRIZREN_SHARED_DIR") or Path(__file__).resolve().parent.parent.parent / "shared"
)
assert SHARED_DIR.is_dir(), f"{SHARED_DIR} is missing: set PRIZREN_SHARED_DIR"


@pytest.fixture
def demo_site(db):
    """The demo site in the three languages, as `load_demo_content` builds it."""
    from home.demo_content import load_demo_content

    load_demo_content()
    from home.models import HomePage

    return {
        page.locale.language_code: page
        for page in HomePage.objects.filter(depth=2).select_related("locale")
    }


# --- media office: small fixtures (an Albanian site with a press index) ---
from tests.media_helpers import budget_topic, press_index  # noqa: E402, F401
