"""No index update lost while the search engine is down: a durable queue in the database
(docs/decisions/0037-index-queue.md).

- Every save or delete of an indexed object writes a PendingIndexChange row in the same
  transaction (signal handlers connected in search.apps). The engine backends are configured
  with AUTO_UPDATE = False, so Wagtail's own handlers update only the database backend and
  the engine gets its changes from here alone.
- After the transaction commits, a task drains the queue: it sends the objects' current state
  (or their deletion) to every queued backend and removes the rows it sent, unless they changed
  meanwhile. While the engine is down the breaker fails at once and the rows stay.
- The queue is drained again at the next successful contact with the engine (breaker
  recovery), by `manage.py drain_search_queue` (cron or a loop beside the task worker), and by
  every later change.
"""

import logging
from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django_tasks import task
from modelsearch.backends import get_search_backend
from modelsearch.index import class_is_indexed, get_indexed_instance, get_indexed_models

from .backends.engine import SearchServiceDown, breaker, service_errors

logger = logging.getLogger(__name__)

QUEUED_BACKENDS = {"search.backends.opensearch", "search.backends.elasticsearch"}
BATCH = 500


def queued_backend_names():
    """The engine backends that take their changes from the queue (AUTO_UPDATE = False)."""
    return [
        name
        for name, params in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).items()
        if params.get("BACKEND") in QUEUED_BACKENDS and params.get("AUTO_UPDATE", True) is False
    ]


def _record(instance, **kwargs):
    if kwargs.get("raw") or not queued_backend_names():
        return
    from .models import PendingIndexChange

    content_type = ContentType.objects.get_for_model(type(instance))
    PendingIndexChange.objects.update_or_create(
        content_type=content_type,
        object_id=str(instance.pk),
        defaults={"changed_at": timezone.now()},
    )
    transaction.on_commit(_drain_after_commit)


def _drain_after_commit():
    try:
        drain_task.enqueue()
    except Exception:  # the rows stay; the next drain sends them
        logger.exception("Could not enqueue the search index drain")


@task()
def drain_task():
    return drain()


def connect_signals():
    for model in get_indexed_models():
        if getattr(model, "search_auto_update", True):
            post_save.connect(_record, sender=model, dispatch_uid=f"search-queue-save-{model}")
            post_delete.connect(_record, sender=model, dispatch_uid=f"search-queue-del-{model}")
    breaker.on_recovery.append(_drain_after_commit)


def _send(backend, rows):
    """Send the current state of the rows' objects to one backend."""
    by_model = defaultdict(list)
    for row in rows:
        by_model[row.content_type.model_class()].append(row.object_id)
    for model, ids in by_model.items():
        if model is None or not class_is_indexed(model):
            continue
        present = {str(obj.pk): obj for obj in model._default_manager.filter(pk__in=ids)}
        to_add = defaultdict(list)
        for object_id in ids:
            obj = present.get(object_id)
            indexed = get_indexed_instance(obj) if obj is not None else None
            if indexed is not None:
                to_add[type(indexed)].append(indexed)
            else:
                _delete(backend, model, object_id)
        for indexed_model, objects in to_add.items():
            backend.add_bulk(indexed_model, objects)


def _delete(backend, model, object_id):
    stub = model(pk=model._meta.pk.to_python(object_id))
    try:
        backend.delete(stub)
    except service_errors() as error:
        if getattr(error, "status_code", None) != 404 and getattr(error, "status", None) != 404:
            raise


def drain(limit=BATCH):
    """Send pending changes to the engine backends; returns how many rows were sent.

    Stops at the first backend error (rows kept, attempts counted)."""
    from .models import PendingIndexChange

    names = queued_backend_names()
    if not names:
        return 0
    sent = 0
    while True:
        rows = list(
            PendingIndexChange.objects.select_related("content_type").order_by("pk")[:limit]
        )
        if not rows:
            return sent
        try:
            for name in names:
                _send(get_search_backend(name), rows)
        except (SearchServiceDown, *service_errors()) as error:
            PendingIndexChange.objects.filter(pk__in=[row.pk for row in rows]).update(
                attempts=F("attempts") + 1, last_error=str(error)[:500]
            )
            logger.warning("Search engine did not take %s pending changes: %s", len(rows), error)
            return sent
        for row in rows:
            # A change made while sending stays queued: its newer state goes next time.
            PendingIndexChange.objects.filter(pk=row.pk, changed_at=row.changed_at).delete()
        sent += len(rows)
        if len(rows) < limit:
            return sent
