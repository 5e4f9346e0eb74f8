"""The strategy as structured blocks: a document with numbered sections, not one rich-text blob."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


def section_anchor(number, text):
    """A stable id for a section heading: from its number ("3.8" → "seksioni-3-8") or text."""
    if number:
        return "seksioni-" + slugify(number.replace(".", "-")).strip("-")
    return slugify(text)[:60] or "seksioni"


class SectionHeadingBlock(blocks.StructBlock):
    number = blocks.CharBlock(
        required=False, max_length=10, label=_("Number"), help_text=_("For example 3.8")
    )
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(
        choices=[("2", _("Section")), ("3", _("Subsection"))], default="2", label=_("Level")
    )

    class Meta:
        icon = "title"
        label = _("Section heading")
        template = "transparency/blocks/section_heading.html"


class BulletListBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(blocks.CharBlock(label=_("Item")), **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("List")
        template = "transparency/blocks/bullet_list.html"


class ObjectiveBlock(blocks.StructBlock):
    number = blocks.IntegerBlock(min_value=1, label=_("Number"))
    title = blocks.CharBlock(label=_("Objective"))
    description = blocks.TextBlock(required=False, label=_("Description"))


class ObjectivesBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(ObjectiveBlock(), **kwargs)

    class Meta:
        icon = "pick"
        label = _("Objectives")
        template = "transparency/blocks/objectives.html"


class SwotBlock(blocks.StructBlock):
    strengths = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Strengths"))
    weaknesses = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Weaknesses"))
    opportunities = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Opportunities"))
    threats = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Threats"))

    class Meta:
        icon = "table"
        label = _("SWOT analysis")
        template = "transparency/blocks/swot.html"


class AudienceRowBlock(blocks.StructBlock):
    audience = blocks.CharBlock(label=_("Audience"))
    messages = blocks.ListBlock(blocks.CharBlock(label=_("Message")), label=_("Messages"))
    impacts = blocks.ListBlock(blocks.CharBlock(label=_("Impact")), label=_("Desired impact"))


class AudienceTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    rows = blocks.ListBlock(AudienceRowBlock(), label=_("Audiences"))

    class Meta:
        icon = "table"
        label = _("Audiences, messages and desired impact")
        template = "transparency/blocks/audience_table.html"


class InterventionsBlock(blocks.StructBlock):
    objective_number = blocks.IntegerBlock(min_value=1, label=_("Objective number"))
    objective = blocks.CharBlock(label=_("Objective"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("Intervention")), label=_("Interventions"))

    class Meta:
        icon = "list-ol"
        label = _("Interventions of an objective")
        template = "transparency/blocks/interventions.html"


class BudgetRowBlock(blocks.StructBlock):
    item = blocks.CharBlock(label=_("Objective or item"))
    cost = blocks.DecimalBlock(required=False, decimal_places=2, label=_("Cost (€)"))


class BudgetTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    rows = blocks.ListBlock(BudgetRowBlock(), label=_("Rows"))
    stated_total = blocks.DecimalBlock(
        required=False,
        decimal_places=2,
        label=_("Stated total (€)"),
        help_text=_("The total as the document states it; the page also shows the sum of rows."),
    )

    class Meta:
        icon = "table"
        label = _("Budget table")
        template = "transparency/blocks/budget_table.html"


class RoleRowBlock(blocks.StructBlock):
    role = blocks.CharBlock(label=_("Role"))
    responsibilities = blocks.ListBlock(
        blocks.CharBlock(label=_("Responsibility")), label=_("Responsibilities")
    )


class RolesTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(required=False, label=_("Caption"))
    rows = blocks.ListBlock(RoleRowBlock(), label=_("Roles"))

    class Meta:
        icon = "group"
        label = _("Roles and responsibilities")
        template = "transparency/blocks/roles_table.html"


class StrategyStreamBlock(blocks.StreamBlock):
    heading = SectionHeadingBlock()
    paragraph = blocks.TextBlock(
        label=_("Paragraph"), template="transparency/blocks/paragraph.html"
    )
    list = BulletListBlock()
    objectives = ObjectivesBlock()
    swot = SwotBlock()
    audience_table = AudienceTableBlock()
    interventions = InterventionsBlock()
    budget_table = BudgetTableBlock()
    roles_table = RolesTableBlock()
