"""Classify many consultation comments at once (a bulk action of the comments' listing)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from .models import NEEDS_REASON, CommentStatus, ConsultationComment


class ClassifyForm(forms.Form):
    status = forms.ChoiceField(label=_("status"), choices=CommentStatus.choices)
    reason = forms.CharField(
        label=_("reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the comments are refused or partially accepted."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") in NEEDS_REASON and not cleaned.get("reason", "").strip():
            raise ValidationError(
                {"reason": _("Give the reason for refusing the comment, even partially.")}
            )
        return cleaned


class ClassifyCommentsBulkAction(SnippetBulkAction):
    display_name = _("Classify")
    action_type = "classify"
    aria_label = _("Classify the selected comments")
    template_name = "participation/admin/confirm_bulk_classify.html"
    action_priority = 20
    form_class = ClassifyForm
    models = [ConsultationComment]

    def check_perm(self, comment):
        return self.request.user.has_perm("participation.change_consultationcomment")

    def get_execution_context(self):
        return {
            "status": self.cleaned_form.cleaned_data["status"],
            "reason": self.cleaned_form.cleaned_data["reason"],
            "user": self.request.user,
        }

    @classmethod
    def execute_action(cls, objects, status=None, reason="", user=None, **kwargs):
        for comment in objects:
            comment.classify(status, reason=reason, user=user)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment classified as “%(status)s”.",
            "%(count)d comments classified as “%(status)s”.",
            num_parent_objects,
        ) % {
            "count": num_parent_objects,
            "status": CommentStatus(self.cleaned_form.cleaned_data["status"]).label,
        }
