from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import MONTH_NAMES

# One file input per language, the language fixed by the slot (its label says which).
FILE_SLOTS = [
    ("sq", "pdf_sq", _("PDF in Albanian")),
    ("sr-latn", "pdf_sr_latn", _("PDF in Serbian")),
    ("tr", "pdf_tr", _("PDF in Turkish")),
]


def _default_month():
    today = timezone.localdate()
    return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)


class MonthOfDecisionsForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    month = forms.TypedChoiceField(
        label=_("Month"),
        coerce=int,
        choices=[(number, name) for number, name in MONTH_NAMES.items()],
    )
    decision_count = forms.IntegerField(label=_("Number of decisions"), min_value=0, required=False)
    pdf_sq = forms.FileField(label=FILE_SLOTS[0][2], required=False)
    pdf_sr_latn = forms.FileField(label=FILE_SLOTS[1][2], required=False)
    pdf_tr = forms.FileField(label=FILE_SLOTS[2][2], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year, month = _default_month()
        self.fields["year"].initial = year
        self.fields["month"].initial = month
        for code, name, _label in FILE_SLOTS:
            self.fields[name].widget.attrs.update(
                {"accept": ".pdf,application/pdf", "data-language": code}
            )

    def files_by_language(self):
        return {
            code: self.cleaned_data[name]
            for code, name, _label in FILE_SLOTS
            if self.cleaned_data.get(name)
        }
