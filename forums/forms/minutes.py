"""Forms for minutes: entries, introduction, comments, circulation, approval and decisions."""

from django import forms

from forums.forms.base import GdsForm, _date
from forums.models import AgendaItem, Meeting


class MinuteEntryForm(GdsForm):
    submit_label = "Save minute"

    text = forms.CharField(
        label="Minute",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )


class MinutesIntroductionForm(GdsForm):
    submit_label = "Save introduction"

    introduction = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="For example: the chair welcomed members; apologies were noted.",
    )


class MinuteCommentForm(GdsForm):
    submit_label = "Add comment"

    text = forms.CharField(
        label="Your comment",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter your comment"},
    )


class CirculateForm(GdsForm):
    submit_label = "Circulate to members"

    comments_close_on = _date("Comments close on", required=False)


class ApproveForm(GdsForm):
    submit_label = "Approve minutes"

    at_meeting = forms.ModelChoiceField(
        label="Meeting at which the minutes were approved",
        queryset=Meeting.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the meeting at which the minutes were approved"},
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = meetings


class DecisionForm(GdsForm):
    submit_label = "Record decision"

    agenda_item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(),
        error_messages={"required": "Choose the agenda item the decision was taken on"},
    )
    text = forms.CharField(
        label="Decision",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the decision"},
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
            pk__in=[i.pk for i in items]
        ).order_by("order")
