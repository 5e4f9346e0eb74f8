"""The visibility matrix's search cells (tests/visibility_matrix.py) on the live engine: the same
world of states, indexed in OpenSearch through the queue (search/queue.py), probed through
/<lang>/search/?format=json with no database fallback. The JSON channels only: the HTML page
asks the same search (tests/test_visibility_matrix.py covers both on the database backend)."""

import pytest
from django.db import transaction
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from search.backends.engine import breaker
from search.queue import drain
from tests import test_visibility_matrix as base
from tests import visibility_matrix as matrix
from tests.search_engine_helpers import (
    clear_indexes,
    create_indexes,
    engine_settings,
    search_engine,  # noqa: F401 - the session fixture
)

pytestmark = pytest.mark.search_engine

CHANNELS = [name for name in matrix.SEARCH_CHANNELS if name.startswith("search-json-")]
CLOSED = [cell for cell in matrix.closed_cells() if cell[0] in CHANNELS]
OPEN = [cell for cell in matrix.open_cells() if cell[0] in CHANNELS]


def sent_to_engine():
    """What a commit would run: the queue drained into the engine, which then has it all."""
    drain()
    get_search_backend().refresh_indexes()
    assert not breaker.is_down(), "the engine did not answer"


@pytest.fixture(scope="module")
def world(search_engine, django_db_setup, django_db_blocker):  # noqa: F811
    backends, _ = engine_settings(search_engine.url)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends, SEARCH_FALLBACK_BACKEND=""):
        with django_db_blocker.unblock():
            breaker.reset()
            backend = get_search_backend()
            create_indexes(backend)
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                world = base.build_world()
                sent_to_engine()
                yield world
            finally:
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)
                clear_indexes(backend)


fresh_cache = base.fresh_cache


@pytest.mark.parametrize("channel", CHANNELS)
def test_public_subject_is_found_on_the_engine(world, client, db, channel):
    assert base.probe(channel, "public", world, client) is True


@pytest.mark.parametrize(
    ("channel", "state"), CLOSED, ids=[matrix.cell_id(*cell) for cell in CLOSED]
)
def test_closed_on_the_engine(world, client, db, channel, state):
    assert base.probe(channel, state, world, client) is False
    assert not breaker.is_down()


@pytest.mark.parametrize(
    ("channel", "state", "opener"), OPEN, ids=[matrix.cell_id(*cell) for cell in OPEN]
)
def test_open_on_the_engine(world, client, db, channel, state, opener):
    base.open_state(state, opener, world, client)
    sent_to_engine()
    assert base.probe(channel, state, world, client) is True
