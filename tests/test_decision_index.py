"""docs/decisions/README.md lists every decision record, with its title and a status."""

import re
from pathlib import Path

DECISIONS = Path(__file__).resolve().parent.parent / "docs" / "decisions"


def test_every_decision_record_is_in_the_index_with_its_title():
    index = (DECISIONS / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"^\| \[\d+\]\(([^)]+)\) \| (.+?) \| .+ \|$", index, re.M))
    records = sorted(path.name for path in DECISIONS.glob("[0-9]*.md"))
    assert sorted(listed) == records
    for name in records:
        heading = (DECISIONS / name).read_text(encoding="utf-8").splitlines()[0]
        assert heading.endswith(listed[name]), name
