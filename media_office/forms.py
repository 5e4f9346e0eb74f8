from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import SpamProtectedForm

from .emails import normalise_email
from .models import Topic


class SubscriptionForm(SpamProtectedForm):
    email = forms.CharField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Only these topics (leave all unticked to receive every release)"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        self.fields["topics"].queryset = Topic.objects.filter(locale__language_code=language)

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])
