from .base import *

SECRET_KEY = "test-only-not-secret-prizren"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# One folder per pytest-xdist worker (gw0, gw1, ...): workers never share uploaded files.
TEST_MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", VAR_DIR / "test-media"))
MEDIA_ROOT = TEST_MEDIA_ROOT / os.environ.get("PYTEST_XDIST_WORKER", "main")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"

VAR_DIR.mkdir(parents=True, exist_ok=True)

# The page cache outlives each test's database transaction; tests that exercise it turn it on.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
