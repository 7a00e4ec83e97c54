"""URLs of the self-assessment and the register of related partnerships."""

from django.urls import path

from priorities.views import assessment

app_name = "assessment"

W = "workspace/forums/<slug:slug>/"
A = W + "self-assessment/<int:year>/"

urlpatterns = [
    path(f"{W}self-assessment/", assessment.assessment_list, name="list"),
    path(A, assessment.assessment_detail, name="detail"),
    path(f"{A}rate/<slug:stage>/", assessment.assessment_rate, name="rate"),
    path(f"{A}agree/", assessment.assessment_agree, name="agree"),
    path(f"{A}actions/new/", assessment.assessment_action_add, name="action-add"),
    path(f"{A}approve/", assessment.assessment_approve, name="approve"),
    path(f"{A}publish/", assessment.assessment_publish, name="publish"),
    path(f"{W}partnerships/", assessment.partnership_list, name="partnerships"),
    path(f"{W}partnerships/new/", assessment.partnership_edit, name="partnership-add"),
    path(f"{W}partnerships/<int:pk>/", assessment.partnership_edit, name="partnership-edit"),
    path(
        f"{W}partnerships/<int:pk>/remove/",
        assessment.partnership_remove,
        name="partnership-remove",
    ),
    path("forums/<slug:slug>/self-assessment/", assessment.assessment_public, name="public"),
]
