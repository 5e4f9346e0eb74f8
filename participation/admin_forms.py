"""Admin forms: the request edit form enforces the status state machine and records who acted."""

from wagtail.admin.forms import WagtailAdminModelForm

from .models import ALLOWED_TRANSITIONS, AccessRequest, ConsultationComment, RequestStatus


class AccessRequestAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            current = RequestStatus(self.instance.stored_status or RequestStatus.RECEIVED)
            allowed = {current, *ALLOWED_TRANSITIONS[current]}
            if self.instance.is_urgent:
                allowed.discard(RequestStatus.EXTENDED)
            self.fields["status"].choices = [
                (value, label) for value, label in RequestStatus.choices if value in allowed
            ]

    def save(self, commit=True):
        instance = super().save(commit=False)
        if commit:
            instance.save(user=self.for_user)
            self.save_m2m()
        return instance

    class Meta:
        model = AccessRequest
        fields = "__all__"


class ConsultationCommentAdminForm(WagtailAdminModelForm):
    """Classifying a comment records who did it and when."""

    def save(self, commit=True):
        instance = super().save(commit=False)
        if "status" in self.changed_data or "reason" in self.changed_data:
            instance.mark_moderated(self.for_user)
        if commit:
            instance.save()
            self.save_m2m()
        return instance

    class Meta:
        model = ConsultationComment
        fields = "__all__"
