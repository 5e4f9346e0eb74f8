"""Where the figures of a record disagree with themselves.

The source's figures are kept as stated; these functions say where they do not add up. The
importer's output, the public pages and the editor's view all call a model's
`discrepancies()`, which is built from the checks below, so the three always agree.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext

DATE_AS_WRITTEN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


@dataclass(frozen=True)
class Discrepancy:
    code: str
    params: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def message(self):
        """The sentence in the active language (computed when read, not when found)."""
        return MESSAGES[self.code]() % self.params

    def __str__(self):
        return self.message


MESSAGES = {
    "participants": lambda: gettext(
        "Participants: women (%(women)s) + men (%(men)s) = %(sum)s, but the stated total is "
        "%(total)s."
    ),
    "comments": lambda: gettext(
        "Comments: accepted (%(accepted)s) + partially accepted (%(partially)s) + refused "
        "(%(refused)s) = %(sum)s, but the stated total is %(total)s."
    ),
    "date-missing": lambda: gettext("The source gives no date."),
    "date-as-written": lambda: gettext(
        "The source writes the date as “%(written)s”, which is not a valid date; it is read "
        "as %(date)s."
    ),
    "stated-total": lambda: gettext(
        "%(label)s: the stated figure is %(stated)s, the records add up to %(computed)s."
    ),
    "decisions-listed": lambda: gettext(
        "%(listed)s decisions are listed, more than the stated number of %(count)s."
    ),
}


def check_participants(women, men, total):
    if None in (women, men, total) or women + men == total:
        return []
    return [
        Discrepancy(
            "participants", {"women": women, "men": men, "sum": women + men, "total": total}
        )
    ]


def check_comments(accepted, partially, refused, total):
    if None in (accepted, partially, refused, total):
        return []
    parts = accepted + partially + refused
    if parts == total:
        return []
    return [
        Discrepancy(
            "comments",
            {
                "accepted": accepted,
                "partially": partially,
                "refused": refused,
                "sum": parts,
                "total": total,
            },
        )
    ]


def parse_date_as_written(text):
    """A date written as the source writes it (dd.mm.yyyy), or None if it is not one."""
    match = DATE_AS_WRITTEN.match((text or "").strip())
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def check_date(value, as_written, *, required=True):
    if value is None:
        return [Discrepancy("date-missing")] if required else []
    if as_written and parse_date_as_written(as_written) != value:
        return [
            Discrepancy(
                "date-as-written", {"written": as_written, "date": value.strftime("%d.%m.%Y")}
            )
        ]
    return []


def check_stated_total(label, stated, computed):
    """`label` is a lazy string, translated when the message is read."""
    if stated is None or computed is None or stated == computed:
        return []
    return [Discrepancy("stated-total", {"label": label, "stated": stated, "computed": computed})]
