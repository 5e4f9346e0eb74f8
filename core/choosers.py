"""Snippet choosers that show their items only to editors who may see them in the admin.

Wagtail's chooser views check no permission: any editor could open the chooser of access
requests (references, subjects) or consultation comments (unmoderated text). With this
viewset the chooser answers 403 unless the editor holds a permission on the model
(view, add, change or delete), the same test as the snippet's own listing.
"""

from django.core.exceptions import PermissionDenied
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser

ACTIONS = ["view", "add", "change", "delete"]


class RequireModelPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(self.model)
        if not policy.user_has_any_permission(request.user, ACTIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _checked(view_class):
    return type(view_class.__name__, (RequireModelPermissionMixin, view_class), {})


class PermissionCheckedSnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = _checked(chooser.ChooseView)
    choose_results_view_class = _checked(chooser.ChooseResultsView)
    chosen_view_class = _checked(chooser.SnippetChosenView)
    chosen_multiple_view_class = _checked(chooser.SnippetChosenMultipleView)
    create_view_class = _checked(chooser.SnippetCreateView)
