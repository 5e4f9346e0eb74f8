"""Proposed decision rows from the text of a month's decisions PDF (text layer or OCR).

A decision starts with a numbered line such as "3. Vendimi Nr. 01-016/2023-09, data 12.01.2023"
(Serbian "Odluka br.", Turkish "Karar No.", Cyrillic "Одлука бр."); the subject follows after
"Lënda:" / "Predmet:" / "Konu:" / "Предмет:" and may wrap onto one short line. The rows are
proposals for an editor to confirm; nothing here is published as parsed.
"""

import re
from dataclasses import asdict, dataclass
from datetime import date

NUMBER = r"(?P<number>\d{2}-\d{3}/\d{4}-\d{1,4})"
HEADING = re.compile(
    r"^\s*\d{1,3}\.\s+\S+\s+(?:Nr|No|br|бр)\.?\s*" + NUMBER + r"\s*,?\s*\S*\s+"
    r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})",
    re.IGNORECASE,
)
SUBJECT = re.compile(r"^\s*(?:Lënda|Lenda|Predmet|Konu|Предмет)\s*:\s*(?P<subject>.+)$", re.I)
# A wrapped subject's second line is short and ends without a full stop; a body line is long.
CONTINUATION_MAX = 40
# OCR leaves specks after a line ("Kalasë ;"): trailing punctuation is never part of a subject.
TRAILING_PUNCTUATION = re.compile(r"[\s;:,.|'`]+$")

CATEGORIES = [
    ("grants", ("grant", "subvencion", "destek", "субвенц", "грант", "ndihm", "помоћ", "yardım")),
    ("procurement", ("tender", "blerj", "nabavk", "набавк", "тендер", "ihale", "alım")),
    ("appointments", ("emërim", "komision", "imenovan", "именова", "komisyon", "atama")),
    ("infrastructure", ("asfalt", "rrug", "ndriçim", "riparim", "расвет", "поправк", "onarım")),
    ("culture", ("festival", "restaur", "kultur", "реставр", "фестивал")),
]


@dataclass(frozen=True)
class ProposedDecision:
    number: str
    date: str
    subject: str
    category: str

    def as_dict(self):
        return asdict(self)


def category_for(subject):
    lowered = subject.casefold()
    for category, stems in CATEGORIES:
        if any(stem in lowered for stem in stems):
            return category
    return "other"


def parse_decisions(text):
    """The decisions found in `text`, in order; a heading without a valid date is skipped."""
    lines = text.splitlines()
    found = []
    for index, line in enumerate(lines):
        heading = HEADING.match(line)
        if not heading:
            continue
        try:
            day = date(int(heading["year"]), int(heading["month"]), int(heading["day"]))
        except ValueError:
            continue
        subject = ""
        for offset in range(1, 4):
            if index + offset >= len(lines):
                break
            match = SUBJECT.match(lines[index + offset])
            if match:
                subject = match["subject"].strip()
                following = (
                    lines[index + offset + 1].strip() if index + offset + 1 < len(lines) else ""
                )
                if following and len(following) < CONTINUATION_MAX and not following.endswith("."):
                    if not HEADING.match(following):
                        subject = f"{subject} {following}"
                break
        subject = TRAILING_PUNCTUATION.sub("", subject)
        found.append(
            ProposedDecision(heading["number"], day.isoformat(), subject, category_for(subject))
        )
    return found


def score(proposed, truth):
    """Precision and recall of `proposed` rows against hand-checked `truth` rows (dicts with
    number, date, subject): a proposal is right when all three match exactly (whitespace
    aside); `number_and_date_right` counts the proposals whose number and date alone match."""
    key = lambda row: (row["number"], row["date"], " ".join(row["subject"].split()))  # noqa: E731
    right = {key(row) for row in truth} & {key(row) for row in proposed}
    numbers = {(row["number"], row["date"]) for row in truth}
    return {
        "proposed": len(proposed),
        "truth": len(truth),
        "right": len(right),
        "number_and_date_right": sum((row["number"], row["date"]) in numbers for row in proposed),
        "precision": round(len(right) / len(proposed), 3) if proposed else None,
        "recall": round(len(right) / len(truth), 3) if truth else None,
    }
