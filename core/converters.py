"""URL converter for database ids: a number no id column can hold is a 404, not a 500.

Django's `int` converter hands any run of digits to the view, and SQLite (OverflowError) or
PostgreSQL (out-of-range error) then fails on a 24-digit id. `<id:name>` refuses a number
above the largest 64-bit id, so the URL matches no pattern and is a 404. config/urls.py routes
Wagtail's document and `_util` URLs itself with it: their own `<int:…>` patterns are not
included, so nothing catches the refused URL further down.
"""

MAX_ID = 2**63 - 1


class DatabaseIdConverter:
    regex = "[0-9]+"

    def to_python(self, value):
        number = int(value)
        if number > MAX_ID:
            raise ValueError("no id column holds this number")
        return number

    def to_url(self, value):
        return str(value)
