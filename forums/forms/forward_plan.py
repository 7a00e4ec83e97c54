"""Changing a forward plan item: the adding form's questions, answered already."""

from forums.forms.meetings import ForwardPlanItemForm
from forums.models import ForwardPlanItem


class ForwardPlanItemChangeForm(ForwardPlanItemForm):
    """The forward plan item's title, month, purpose, who may see it and description."""

    submit_label = "Save changes"

    @staticmethod
    def initial_for(item: ForwardPlanItem) -> dict:
        return {
            "title": item.title,
            "planned_for": item.planned_for,
            "purpose": item.purpose,
            "confidentiality": item.confidentiality,
            "description": item.description,
        }
