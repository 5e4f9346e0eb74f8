"""nginx (deploy/nginx, Debian's /usr/sbin/nginx) in front of gunicorn (gunicorn.conf.py, two
sync workers) on loopback, on production settings, for tests/test_proxy.py.

Everything lives in one temporary directory: a SQLite database, MEDIA_ROOT, STATIC_ROOT and
nginx's prefix (configuration, pid, logs, temporary files). Redis is the running server, under a
key prefix of its own that is deleted afterwards.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
NGINX = os.environ.get("NGINX_PATH", "/usr/sbin/nginx")
PORT_RANGE = range(
    int(os.environ.get("PROXY_TEST_PORT_FIRST", "18200")),
    int(os.environ.get("PROXY_TEST_PORT_LAST", "18299")) + 1,
)
REDIS_URL = os.environ.get("PROXY_TEST_REDIS_URL", "redis://127.0.0.1:6379/2")

BUILD_DATA = """
import json
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from documents.models import MunicipalDocument, TextStatus
import io
from PIL import Image as PillowImage

buffer = io.BytesIO()
PillowImage.new("RGB", (80, 60), (200, 40, 40)).save(buffer, "PNG")

root = Collection.get_first_root_node()
private = root.add_child(name="Privat")
CollectionViewRestriction.objects.create(
    collection=private, restriction_type=CollectionViewRestriction.LOGIN
)
document = MunicipalDocument(
    title="Raport i brendshëm", collection=private, text_status=TextStatus.EMPTY
)
document.file.save("raport-i-brendshem.txt", ContentFile(b"SEKRET-I-BRENDSHEM"), save=False)
document.save()
public = MunicipalDocument(
    title="Vendimi publik", collection=root, text_status=TextStatus.EMPTY, published=True
)
public.file.save("vendimi-për-buxhetin.txt", ContentFile(b"VENDIM-PUBLIK"), save=False)
public.save()
image = get_image_model()(title="Kalaja", file=ImageFile(buffer, name="kalaja.png"))
image.save()
rendition = image.get_rendition("width-40")
print(json.dumps({
    "document_url": document.url,
    "document_file": document.file.name,
    "document_path": str(settings.MEDIA_ROOT / document.file.name),
    "original_image": image.file.name,
    "public_url": public.url,
    "public_file": public.file.name,
    "rendition_url": rendition.url,
}))
"""


def free_port(exclude=()):
    for port in PORT_RANGE:
        if port in exclude:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORT_RANGE}")


def wait_for_port(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on {port} after {seconds} s")


class ProxyStack:
    def __init__(self, directory):
        self.directory = Path(directory)
        self.prefix = f"proxytest{os.getpid()}"
        self.gunicorn_port = free_port()
        self.nginx_port = free_port(exclude={self.gunicorn_port})
        self.processes = []
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "proxy-test-only-not-secret-7f3k9q2m5x8w1z4c6v0b-prizren-nginx",
            "ALLOWED_HOSTS": "localhost",
            "DATABASE_URL": f"sqlite:///{self.directory / 'db.sqlite3'}",
            "REDIS_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": self.prefix,
            "MEDIA_ROOT": str(self.directory / "media"),
            "STATIC_ROOT": str(self.directory / "static"),
            "TRUSTED_PROXIES": "127.0.0.1",
            "TASKS_DATABASE": "0",
            "PAGE_CACHE_SECONDS": "0",
            "LOGIN_ATTEMPTS_LIMIT": "10",
            "LOGIN_ATTEMPTS_PERIOD": "300",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_BIND": f"127.0.0.1:{self.gunicorn_port}",
            "GUNICORN_LOG_LEVEL": "warning",
            "PRIZREN_SHARED_DIR": os.environ.get("PRIZREN_SHARED_DIR", ""),
        }
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)

    def manage(self, *args, stdin=None):
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=PROJECT_DIR, env=self.env, input=stdin, capture_output=True, text=True,
            timeout=300,
        )  # fmt: skip
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)}: {result.stderr[-3000:]}")
        return result.stdout

    def start(self):
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.data = json.loads(self.manage("shell", stdin=BUILD_DATA).strip().splitlines()[-1])
        gunicorn = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=PROJECT_DIR, env=self.env,
            stdout=open(self.directory / "gunicorn.log", "w"), stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.processes.append(gunicorn)
        self.manage(
            "nginx_config",
            "--standalone", str(self.directory / "nginx"),
            "--listen", f"127.0.0.1:{self.nginx_port}",
            "--upstream", f"127.0.0.1:{self.gunicorn_port}",
            "--server-name", "localhost",
        )  # fmt: skip
        config = self.directory / "nginx" / "nginx.conf"
        nginx = subprocess.Popen(  # noqa: S603
            [NGINX, "-p", str(self.directory / "nginx"), "-c", str(config)],
            stdout=open(self.directory / "nginx" / "stdout.log", "w"), stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.processes.append(nginx)
        wait_for_port(self.gunicorn_port, gunicorn)
        wait_for_port(self.nginx_port, nginx)

    def stop(self):
        for process in reversed(self.processes):
            # nginx stops at once on SIGTERM, gunicorn on SIGINT (SIGTERM waits for workers).
            process.send_signal(signal.SIGINT if process is self.processes[0] else signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{self.prefix}:*"))
        if keys:
            client.delete(*keys)
