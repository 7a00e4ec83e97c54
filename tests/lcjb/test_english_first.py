"""The bare name of a translated field means English on every page, Welsh only by name
(lcjb/english_first.py): nothing typed, created or searched on a Welsh page lands in, or is
looked for in, the wrong language."""

from django.utils import translation

from forums.models import Meeting
from tests.forums.factories import MeetingFactory


def test_on_a_welsh_page_the_bare_name_reads_and_writes_english(db):
    meeting = MeetingFactory(title="Board meeting")
    Meeting.objects.filter(pk=meeting.pk).update(title_cy="Cyfarfod y bwrdd")
    with translation.override("cy"):
        meeting = Meeting.objects.get(pk=meeting.pk)
        assert meeting.title == "Board meeting"  # never the Welsh, never a silent fallback
        meeting.title = "Quarterly board meeting"
        meeting.save()
        created = MeetingFactory(title="Extra meeting", forum=meeting.forum)
        assert Meeting.objects.filter(title="Extra meeting").get() == created
        assert list(Meeting.objects.filter(pk=meeting.pk).values_list("title", flat=True)) == [
            "Quarterly board meeting"
        ]
    meeting.refresh_from_db()
    created.refresh_from_db()
    assert (meeting.title_en, meeting.title_cy) == ("Quarterly board meeting", "Cyfarfod y bwrdd")
    assert (created.title_en, created.title_cy) == ("Extra meeting", None)


def test_history_keeps_both_languages(db):
    meeting = MeetingFactory(title="Board meeting")
    meeting.title_cy = "Cyfarfod y bwrdd"
    meeting.save()
    latest = meeting.history.latest("history_date")
    assert (latest.title_en, latest.title_cy) == ("Board meeting", "Cyfarfod y bwrdd")
