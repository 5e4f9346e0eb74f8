import os
from pathlib import Path

import pytest

# SHARED_DIR may point elsewhere (e.g. a worktree outside the usual layout).
SHARED_DIR = Path(
    os.environ.get("SHARED_DIR") or Path(__file__).resolve().parent.parent.parent / "shared"
)


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
