"""The import's report: one CSV line per WordPress item and category, and a summary line."""

import csv

from .models import ImportRecord

COLUMNS = ["old_url", "new_url", "type", "status", "reason", "language", "title", "comments"]


def report_rows(records=None):
    for record in records if records is not None else ImportRecord.objects.order_by("key"):
        yield {
            "old_url": record.old_url,
            "new_url": record.new_url,
            "type": record.wp_type,
            "status": record.status,
            "reason": record.reason,
            "language": record.language,
            "title": record.title,
            "comments": record.comments,
        }


def write_csv(path_or_handle):
    close = False
    if isinstance(path_or_handle, str | bytes) or hasattr(path_or_handle, "__fspath__"):
        handle = open(path_or_handle, "w", newline="", encoding="utf-8")  # noqa: SIM115
        close = True
    else:
        handle = path_or_handle
    try:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for row in report_rows():
            writer.writerow({key: _safe(value) for key, value in row.items()})
    finally:
        if close:
            handle.close()


def _safe(value):
    """No spreadsheet formula from a hostile title (=, +, -, @ at the start)."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text
