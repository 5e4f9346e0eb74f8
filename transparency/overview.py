"""A year's figures recomputed from the records, next to what the annual report states."""

from dataclasses import dataclass, field

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.visibility import public

from . import discrepancies as checks
from .charts import column_chart, stacked_bar_chart
from .choices import MONTH_NAMES, ActivityKind, TotalsKind

FIGURES = [
    ("participants_women", _("women")),
    ("participants_men", _("men")),
    ("participants_total", _("participants")),
    ("comments_accepted", _("accepted")),
    ("comments_partially_accepted", _("partially accepted")),
    ("comments_refused", _("refused")),
    ("comments_total", _("comments")),
]
COMMENT_FIELDS = ["comments_accepted", "comments_partially_accepted", "comments_refused"]


@dataclass
class KindFigures:
    kind: str
    label: str
    count: int = 0
    sums: dict = field(default_factory=dict)
    stated: dict = field(default_factory=dict)
    has_comments: bool = True

    def discrepancies(self):
        found = []
        for name, figure_label in FIGURES:
            found += checks.check_stated_total(
                format_lazy("{} – {}", self.label, figure_label),
                self.stated.get(name),
                self.sums.get(name),
            )
        return found


def _sum(records, name):
    values = [getattr(record, name) for record in records]
    if all(value is None for value in values):
        return None
    return sum(value or 0 for value in values)


def _kind_figures(kind, label, records, stated, has_comments=True):
    figures = KindFigures(kind=kind, label=label, count=len(records), has_comments=has_comments)
    for name, _label in FIGURES:
        if name == "participants_total":
            figures.sums[name] = sum(record.participants_counted for record in records)
        elif name.startswith("comments") and not has_comments:
            continue
        else:
            figures.sums[name] = _sum(records, name)
    if stated is not None:
        figures.stated = {
            name: getattr(stated, name)
            for name, _label in FIGURES
            if getattr(stated, name) is not None
        }
    return figures


@dataclass
class YearFigures:
    year: int
    kinds: list
    total: KindFigures
    months: list  # [(month number, month name, decision count, page)]
    decisions_total: int
    decisions_stated: int | None

    @classmethod
    def compute(cls, year, locale):
        from .models import ActivityPage, DecisionYearPage, ParticipatoryBudgetPage, StatedTotals

        stated = {row.kind: row for row in StatedTotals.objects.filter(year=year)}
        activities = list(public(ActivityPage.objects).filter(locale=locale, year=year))
        kinds = []
        for kind in ActivityKind:
            records = [activity for activity in activities if activity.kind == kind.value]
            kinds.append(
                _kind_figures(
                    kind.value,
                    TotalsKind(kind.value).label,
                    records,
                    stated.get(kind.value),
                    has_comments=kind != ActivityKind.MEETING,
                )
            )
        budgets = list(public(ParticipatoryBudgetPage.objects).filter(locale=locale, year=year))
        kinds.append(
            _kind_figures(
                TotalsKind.PARTICIPATORY_BUDGET,
                TotalsKind.PARTICIPATORY_BUDGET.label,
                budgets,
                stated.get(TotalsKind.PARTICIPATORY_BUDGET),
                has_comments=False,
            )
        )
        total = KindFigures(kind=TotalsKind.ALL, label=TotalsKind.ALL.label, has_comments=False)
        total.count = sum(kind.count for kind in kinds)
        for name in ("participants_women", "participants_men", "participants_total"):
            total.sums[name] = sum(kind.sums.get(name) or 0 for kind in kinds)
        if TotalsKind.ALL in stated:
            row = stated[TotalsKind.ALL]
            total.stated = {
                name: getattr(row, name)
                for name in ("participants_women", "participants_men", "participants_total")
                if getattr(row, name) is not None
            }

        year_page = public(DecisionYearPage.objects).filter(locale=locale, year=year).first()
        months = []
        if year_page is not None:
            months = [
                (month.month, MONTH_NAMES[month.month], month.decision_count or 0, month)
                for month in year_page.months()
            ]
        return cls(
            year=year,
            kinds=kinds,
            total=total,
            months=months,
            decisions_total=sum(count for _number, _name, count, _page in months),
            decisions_stated=year_page.stated_total if year_page else None,
        )

    @property
    def comment_kinds(self):
        return [kind for kind in self.kinds if kind.has_comments]

    def discrepancies(self):
        found = []
        for kind in [*self.kinds, self.total]:
            found += kind.discrepancies()
        found += checks.check_stated_total(
            _("Decisions of the year"), self.decisions_stated, self.decisions_total
        )
        return found

    def participants_chart(self):
        return stacked_bar_chart(
            [
                (
                    kind.label,
                    [
                        ("women", _("women"), kind.sums.get("participants_women") or 0),
                        ("men", _("men"), kind.sums.get("participants_men") or 0),
                        (
                            "other",
                            _("not counted by gender"),
                            max(
                                0,
                                kind.sums["participants_total"]
                                - (kind.sums.get("participants_women") or 0)
                                - (kind.sums.get("participants_men") or 0),
                            ),
                        ),
                    ],
                    kind.sums["participants_total"],
                )
                for kind in self.kinds
            ]
        )

    def comments_chart(self):
        rows = []
        for kind in self.comment_kinds:
            parts = [
                ("accepted", _("accepted"), kind.sums.get("comments_accepted") or 0),
                (
                    "partially",
                    _("partially accepted"),
                    kind.sums.get("comments_partially_accepted") or 0,
                ),
                ("refused", _("refused"), kind.sums.get("comments_refused") or 0),
            ]
            parts.append(
                (
                    "other",
                    _("not broken down"),
                    max(0, (kind.sums.get("comments_total") or 0) - sum(p[2] for p in parts)),
                )
            )
            rows.append((kind.label, parts, kind.sums.get("comments_total") or 0))
        return stacked_bar_chart(rows)

    def decisions_chart(self):
        return column_chart([(str(name), count) for _number, name, count, _page in self.months])
