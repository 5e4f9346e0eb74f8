"""Parse the strategy's text export (seed 000_*.txt) into the strategy page's blocks.

The export is a word-processor dump: numbered headings carry `[bookmark: _Toc…]` markers,
lists start with "·" or "1.", and table cells start with a tab. The parser removes the
markers and reads the known structures of the document: the SWOT analysis (3.8), the three
objectives (5), the audiences/messages/impact table (7), the interventions per objective and
the budget table (8), the roles and responsibilities (11).
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?)\.\s*(\S.*)$")
BULLET = re.compile(r"^(?:·|•|\d{1,2}\.)\s*")
INTERVENTIONS_OF = re.compile(r"^(?P<title>.+?)\s*\(Objektivi (?P<number>\d+)\)\s*$")
TITLE = re.compile(r"Strategjia për [^.\n]*?\d{4}-\d{4}")
SWOT_KEYS = (("PËRPARËSI", "strengths"), ("DOBËSI", "weaknesses"), ("MUNDËSI", "opportunities"))


def clean(line):
    """The line without export markers, trailing spaces and non-breaking spaces."""
    return BOOKMARK.sub("", line).replace("\u00a0", " ").rstrip()


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class ParsedStrategy:
    title: str
    period_start: int | None
    period_end: int | None
    blocks: list = field(default_factory=list)  # [{"type": ..., "value": ...}]

    def of_type(self, block_type):
        return [block["value"] for block in self.blocks if block["type"] == block_type]


def _is_heading(raw, text, current):
    """A numbered line is a section heading if the export bookmarked it as a table-of-contents
    entry or wrote it in capitals, and its number follows the current section's."""
    match = HEADING.match(text.strip())
    if not match:
        return None
    number, heading = match.group(1), match.group(2).strip()
    if "_Toc" not in raw and heading.upper() != heading:
        return None
    if "." in number:
        major = number.split(".")[0]
        if current is None or major != current.split(".")[0]:
            return None
    elif current is not None and int(number) <= int(current.split(".")[0]):
        return None
    return number, heading


def _cells(lines):
    """Table cells of a tab-separated export: a line starting with a tab opens a cell."""
    cells = []
    for raw in lines:
        if raw.startswith("\t") or raw.startswith(" \t"):
            cells.append([])
            raw = raw.lstrip(" ").removeprefix("\t")
        if not cells:
            continue
        text = raw.strip()
        if text:
            cells[-1].append(text)
    return cells


def _items(lines):
    """List items of a cell: a bullet or number opens an item, other lines continue it."""
    items = []
    for line in lines:
        if BULLET.match(line) or not items:
            items.append(BULLET.sub("", line, count=1).strip())
        else:
            items[-1] = f"{items[-1]} {line.strip()}"
    return [squash(item) for item in items if item.strip()]


def _decimal(text):
    try:
        return str(Decimal(text.replace(",", ".").strip()))
    except InvalidOperation:
        return None


class _Parser:
    def __init__(self, text):
        self.lines = [clean(line) for line in text.splitlines()]
        self.raw = text.splitlines()
        self.blocks = []
        self.section = None  # current number, e.g. "3.8"
        self.section_text = ""
        self.pending_list = []

    def flush_list(self):
        if self.pending_list:
            self.blocks.append({"type": "list", "value": _items(self.pending_list)})
            self.pending_list = []

    def add(self, block_type, value):
        self.flush_list()
        self.blocks.append({"type": block_type, "value": value})

    def parse(self):
        index = 0
        while index < len(self.lines):
            raw, line = self.raw[index], self.lines[index]
            heading = _is_heading(raw, line, self.section)
            if heading:
                number, text = heading
                self.section, self.section_text = number, text.upper()
                self.add(
                    "heading",
                    {
                        "number": number,
                        "text": squash(text),
                        "level": "3" if "." in number else "2",
                    },
                )
                index += 1
                continue
            handler = self.handler()
            if handler is not None:
                consumed = handler(index)
                if consumed:
                    index = consumed
                    continue
            self.plain(line)
            index += 1
        self.flush_list()
        return self.blocks

    def handler(self):
        if "SWOT" in self.section_text:
            return self.swot
        if self.section_text.startswith("OBJEKTIVAT"):
            return self.objectives
        if self.section_text.startswith("AUDIENCAT"):
            return self.audience_table
        if self.section_text.startswith("INTERVENIMET"):
            return self.interventions
        if self.section_text.startswith("ROLET"):
            return self.roles_table
        return None

    def plain(self, line):
        text = line.strip()
        if not text:
            return
        if BULLET.match(text) and text.startswith(("·", "•")):
            self.pending_list.append(text)
            return
        if self.pending_list and not BULLET.match(text):
            self.flush_list()
        self.add("paragraph", squash(text))

    def _section_end(self, start):
        """Index of the next section heading after `start` (or the end of the text)."""
        for index in range(start, len(self.lines)):
            if _is_heading(self.raw[index], self.lines[index], self.section):
                return index
        return len(self.lines)

    def swot(self, start):
        if not self.lines[start].strip() or BULLET.match(self.lines[start].strip()):
            return None
        end = self._section_end(start)
        quadrants = {"strengths": [], "weaknesses": [], "opportunities": [], "threats": []}
        current = None
        for line in self.lines[start:end]:
            text = line.strip()
            if not text:
                continue
            if text.upper() == text and not BULLET.match(text):
                current = next((key for word, key in SWOT_KEYS if word in text), "threats")
            elif current:
                quadrants[current].append(text)
        self.add("swot", {key: _items(value) for key, value in quadrants.items()})
        return end

    def objectives(self, start):
        text = self.lines[start].strip()
        match = HEADING.match(text)
        if not match or "_Toc" not in self.raw[start]:
            if match:  # the summary list of the three objectives, repeated below with text
                return start + 1
            return None
        end = self._section_end(start)
        objectives, current = [], None
        for index in range(start, end):
            text = self.lines[index].strip()
            match = HEADING.match(text)
            if match and "_Toc" in self.raw[index]:
                current = {
                    "number": int(match.group(1)),
                    "title": squash(match.group(2)),
                    "description": "",
                }
                objectives.append(current)
            elif text and current is not None:
                current["description"] = squash(f"{current['description']} {text}")
        self.add("objectives", objectives)
        return end

    def audience_table(self, start):
        if not self.raw[start].startswith("\t"):
            return None
        end = self._section_end(start)
        cells = _cells(self.raw[start:end])
        header, body = cells[:3], cells[3:]
        rows = []
        for offset in range(0, len(body) - 2, 3):
            audience, messages, impacts = body[offset : offset + 3]
            rows.append(
                {
                    "audience": squash(" ".join(audience)),
                    "messages": _items(messages),
                    "impacts": _items(impacts),
                }
            )
        caption = " / ".join(squash(" ".join(cell)) for cell in header)
        self.add("audience_table", {"caption": caption, "rows": rows})
        return end

    def interventions(self, start):
        text = self.lines[start].strip()
        match = INTERVENTIONS_OF.match(text)
        if match:
            end = start + 1
            items = []
            while end < len(self.lines):
                line = self.lines[end].strip()
                if INTERVENTIONS_OF.match(line) or self.raw[end].lstrip(" ").startswith("\t"):
                    break
                if _is_heading(self.raw[end], self.lines[end], self.section):
                    break
                if line:
                    items.append(line)
                end += 1
            self.add(
                "interventions",
                {
                    "objective_number": int(match.group("number")),
                    "objective": squash(match.group("title")),
                    "items": _items(items),
                },
            )
            return end
        if self.raw[start].lstrip(" ").startswith("\t") and "OBJEKTIVI" in text.upper():
            return self.budget_table(start)
        return None

    def budget_table(self, start):
        end = self._section_end(start)
        cells = _cells(self.raw[start:end])
        header, body = cells[:2], cells[2:]
        rows, stated_total = [], None
        for offset in range(0, len(body) - 1, 2):
            item = squash(" ".join(body[offset]))
            cost = _decimal(" ".join(body[offset + 1]))
            if item.upper().startswith("GJITHSEJ"):
                stated_total = cost
            else:
                rows.append({"item": item, "cost": cost})
        caption = " / ".join(squash(" ".join(cell)) for cell in header)
        self.add("budget_table", {"caption": caption, "rows": rows, "stated_total": stated_total})
        return end

    def roles_table(self, start):
        if not self.raw[start].lstrip(" ").startswith("\t"):
            return None
        end = self._section_end(start)
        cells = _cells(self.raw[start:end])
        # The header row: an empty cell and the table's title.
        while cells and (not cells[0] or cells[0][0].upper() == cells[0][0]):
            caption = squash(" ".join(cells[0])) if cells[0] else ""
            cells = cells[1:]
            if caption:
                break
        rows = []
        for offset in range(0, len(cells) - 1, 2):
            rows.append(
                {
                    "role": squash(" ".join(cells[offset])),
                    "responsibilities": [squash(line) for line in cells[offset + 1]],
                }
            )
        self.add("roles_table", {"caption": caption, "rows": rows})
        return end


def parse_strategy(text):
    cleaned = BOOKMARK.sub("", text)
    title_match = TITLE.search(cleaned)
    title = squash(title_match.group(0)) if title_match else ""
    years = re.findall(r"(\d{4})-(\d{4})", title)
    start, end = (int(years[0][0]), int(years[0][1])) if years else (None, None)
    return ParsedStrategy(
        title=title, period_start=start, period_end=end, blocks=_Parser(text).parse()
    )
