"""The live search engine of the tests: OpenSearch started by scripts/search-engine, once per
session (or the one already running on SEARCH_ENGINE_PORT), and a real process the outage
tests freeze and kill (docs/decisions/0036-search-engine.md).

SEARCH_ENGINE_REQUIRED=1 (CI) turns "the engine cannot start" into a failure; otherwise the
live tests are skipped with the reason.
"""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
import urllib3

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "search-engine"
PORT = int(os.environ.get("SEARCH_ENGINE_PORT", "9200"))
BACKEND = "search.backends.opensearch"
# One prefix per test process: several runs (and developers) can share one engine.
PREFIX = f"test_{os.getpid()}_"


def script(*args, nodes=1, port=PORT, home=None, check=True):
    # Ports and home follow from the arguments, never from the caller's environment (the
    # cluster of the tests runs beside the session's single node).
    env = dict(
        os.environ, SEARCH_ENGINE_PORT=str(port), SEARCH_ENGINE_TRANSPORT_PORT=str(port + 100)
    )
    env.pop("SEARCH_ENGINE_HOME", None)
    if home:
        env["SEARCH_ENGINE_HOME"] = str(home)
    args = [str(SCRIPT), *args] + (["--nodes", str(nodes)] if nodes > 1 else [])
    completed = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    if check and completed.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: {completed.stderr.strip()[-2000:]}")
    return completed


class Engine:
    """The engine's processes: node n's pid file is HOME/node-n/pid."""

    def __init__(self, port=PORT, nodes=1, home=None):
        self.port, self.nodes = port, nodes
        # As scripts/search-engine chooses it.
        default = "var/search-engine-cluster" if nodes > 1 else "var/search-engine"
        if port != 9200:
            default += f"-{port}"
        if home is None and nodes == 1:
            home = os.environ.get("SEARCH_ENGINE_HOME")
        self.home = Path(home or ROOT / default)
        if not self.home.is_absolute():
            self.home = ROOT / self.home
        self.started_here = False

    @property
    def urls(self):
        return [f"http://127.0.0.1:{self.port + n}" for n in range(self.nodes)]

    @property
    def url(self):
        return self.urls[0]

    def pid(self, node=1):
        return int((self.home / f"node-{node}" / "pid").read_text())

    def answers(self, node=1, timeout=1.0):
        try:
            response = urllib3.request(
                "GET", f"{self.urls[node - 1]}/_cluster/health", timeout=timeout, retries=False
            )
        except urllib3.exceptions.HTTPError:
            return False
        return response.status == 200

    def start(self):
        started = time.monotonic()
        script("start", nodes=self.nodes, port=self.port, home=self.home)
        return time.monotonic() - started

    def stop(self):
        script("stop", nodes=self.nodes, port=self.port, home=self.home, check=False)

    def freeze(self, node=1):
        os.kill(self.pid(node), signal.SIGSTOP)

    def thaw(self, node=1):
        os.kill(self.pid(node), signal.SIGCONT)

    def kill(self, node=1):
        pid = self.pid(node)
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)


def start_session_engine():
    """The running engine on PORT, or one started here; (engine, None) or (None, reason)."""
    engine = Engine()
    if engine.answers():
        return engine, None
    try:
        engine.start_seconds = engine.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as error:
        return None, f"the search engine could not start ({SCRIPT.name} start): {error}"
    engine.started_here = True
    return engine, None


@pytest.fixture(scope="session")
def search_engine():
    engine, reason = start_session_engine()
    if engine is None:
        if os.environ.get("SEARCH_ENGINE_REQUIRED") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    yield engine
    if engine.started_here and os.environ.get("SEARCH_ENGINE_KEEP") != "1":
        engine.stop()


def engine_settings(url, fallback=True, prefix=PREFIX):
    backends = {
        "default": {
            "BACKEND": BACKEND,
            "URLS": [url],
            "TIMEOUT": 2,
            "INDEX_PREFIX": prefix,
            "AUTO_UPDATE": False,  # changes go through search/queue.py
        },
        "database": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"},
    }
    return backends, ("database" if fallback else "")


def create_indexes(backend):
    """Every index of the site's indexed models, empty, with the backend's settings and mappings."""
    from modelsearch.index import get_indexed_models

    indexes = {}
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        indexes.setdefault(index.name, (index, []))[1].append(model)
    for index, models in indexes.values():
        index.delete()
        index.put()
        for model in models:
            index.add_model(model)
    return [index for index, _ in indexes.values()]


def clear_indexes(backend, prefix=PREFIX):
    backend.es.delete_by_query(
        index=f"{prefix}*", body={"query": {"match_all": {}}}, refresh=True, conflicts="proceed"
    )


def delete_indexes(backend, prefix=PREFIX):
    backend.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)
