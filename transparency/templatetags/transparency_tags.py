from decimal import Decimal

from django import template

from transparency.blocks import section_anchor

register = template.Library()


@register.simple_tag
def anchor(heading):
    """The id of a strategy section heading (the table of contents links to it)."""
    return section_anchor(heading["number"], heading["text"])


@register.simple_tag
def budget_sum(table):
    """The sum of a budget table's rows (shown beside the total the document states)."""
    return sum((row["cost"] or Decimal(0) for row in table["rows"]), Decimal(0))


@register.simple_tag
def figure(kind, name):
    """One recomputed figure of a yearly overview, with the report's own if it differs."""
    value = kind.sums.get(name)
    stated = kind.stated.get(name)
    return {"value": value, "stated": stated, "differs": stated is not None and stated != value}
