"""Public routes of the participation app, inside the language prefixes (config/urls.py)."""

from django.urls import path

from . import consultation_views

urlpatterns = [
    path(
        "consultations/<id:page_id>/comment/",
        consultation_views.consultation_comment,
        name="consultation_comment",
    ),
    path(
        "consultations/<id:page_id>/comment/sent/",
        consultation_views.consultation_comment_sent,
        name="consultation_comment_sent",
    ),
]
