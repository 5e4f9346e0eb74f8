"""The public forms: a request for access to documents, a comment on a consultation."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import SpamProtectedForm

from .models import ContactMethod, Gender, PreferredFormat

# Control characters other than tab and line breaks (NUL included: PostgreSQL refuses it).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85]")
SURROGATES = re.compile(r"[\ud800-\udfff]")


def reject_control_characters(value):
    if CONTROL_CHARACTERS.search(value) or SURROGATES.search(value):
        raise ValidationError(_("Remove the invisible control characters from this text."))


def reject_line_breaks(value):
    if LINE_BREAKS.search(value):
        raise ValidationError(_("This field must fit on one line."))


class SingleLineField(forms.CharField):
    default_validators = [reject_control_characters, reject_line_breaks]


class TextAreaField(forms.CharField):
    default_validators = [reject_control_characters]
    widget = forms.Textarea


class AccessRequestForm(SpamProtectedForm):
    subject = TextAreaField(
        label=_("Which documents do you ask for?"),
        help_text=_("Describe the documents as precisely as you can. You need not give a reason."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    preferred_format = forms.ChoiceField(
        label=_("In which form would you like them?"),
        choices=PreferredFormat.choices,
        initial=PreferredFormat.ELECTRONIC,
        widget=forms.RadioSelect,
    )
    contact_method = forms.ChoiceField(
        label=_("How should we answer you?"),
        choices=ContactMethod.choices,
        initial=ContactMethod.EMAIL,
        widget=forms.RadioSelect,
    )
    email = forms.EmailField(label=_("Email address"), required=False, max_length=254)
    postal_address = TextAreaField(
        label=_("Postal address"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    name = SingleLineField(
        label=_("Your name (optional)"),
        help_text=_("You may ask anonymously."),
        required=False,
        max_length=200,
    )
    is_urgent = forms.BooleanField(
        label=_("Urgent: the documents are needed to protect someone's life or liberty"),
        required=False,
    )
    urgency_reason = TextAreaField(
        label=_("Why is it urgent?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("contact_method")
        if (
            method == ContactMethod.EMAIL
            and not cleaned.get("email")
            and "email" not in self.errors
        ):
            self.add_error("email", _("Give an email address, or choose to be answered by post."))
        if method == ContactMethod.POSTAL and not (cleaned.get("postal_address") or "").strip():
            self.add_error(
                "postal_address", _("Give a postal address, or choose to be answered by email.")
            )
        if cleaned.get("is_urgent") and not (cleaned.get("urgency_reason") or "").strip():
            self.add_error("urgency_reason", _("Say why the request is urgent."))
        return cleaned


class ConsultationCommentForm(SpamProtectedForm):
    text = TextAreaField(
        label=_("Your comment"),
        help_text=_("Write in Albanian, Serbian or Turkish."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    language = forms.ChoiceField(label=_("Language of your comment"), choices=settings.LANGUAGES)
    name = SingleLineField(
        label=_("Your name (optional)"),
        help_text=_("Leave empty to comment anonymously."),
        required=False,
        max_length=200,
    )
    email = forms.EmailField(
        label=_("Email address (optional)"),
        help_text=_("Only if you want to be told how your comment was answered."),
        required=False,
        max_length=254,
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        help_text=_("Only counted in the consultation report's table of participants."),
        choices=Gender.choices,
        initial=Gender.UNSTATED,
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_gender(self):
        return self.cleaned_data.get("gender") or Gender.UNSTATED
