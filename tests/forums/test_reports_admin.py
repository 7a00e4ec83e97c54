"""Site admins can see generated reports in admin but not edit them."""

import pytest

from forums.models import GeneratedReport

pytestmark = pytest.mark.django_db


def test_site_admin_lists_generated_reports_read_only(site_admin_client, forum):
    report = GeneratedReport.objects.create(
        forum=forum, kind="board_pack", subject="1", audience=GeneratedReport.Audience.PUBLIC
    )
    listing = site_admin_client.get("/admin/forums/generatedreport/")
    assert listing.status_code == 200
    assert "board_pack" in listing.content.decode()
    assert site_admin_client.get("/admin/forums/generatedreport/add/").status_code == 403
    detail = site_admin_client.get(f"/admin/forums/generatedreport/{report.pk}/change/")
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
