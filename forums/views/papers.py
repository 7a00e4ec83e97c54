"""Papers: upload, new versions, and downloads through a permission-checking view."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext

from forums.forms.papers import PaperForm, PaperVersionForm
from forums.links import meeting_url
from forums.selectors import agenda as agenda_selectors
from forums.selectors import meetings as meeting_selectors
from forums.selectors import papers as paper_selectors
from forums.services import papers as paper_services
from forums.views.common import apply_errors, form_page, forum_or_404, posted


def paper_upload(request, slug, pk, item_pk):
    forum = forum_or_404(request, slug, "forums.manage_meetings")
    meeting = meeting_selectors.meeting_for(forum=forum, pk=pk)
    item = agenda_selectors.agenda_item_for(person=request.user, meeting=meeting, pk=item_pk)
    form = PaperForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            paper_services.paper_upload(
                agenda_item=item,
                by=request.user,
                upload=data["file"],
                title=data["title"],
                classification=data["classification"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, gettext("Paper uploaded"))
            return redirect(meeting_url(meeting) + f"#item-{item.pk}")
    return form_page(
        request,
        form,
        title=gettext("Upload a paper"),
        caption=item.title,
        back_url=meeting_url(meeting),
        intro=gettext("The paper is as confidential as its agenda item (%(confidentiality)s).")
        % {"confidentiality": item.get_confidentiality_display()},
    )


def paper_detail(request, slug, paper_pk):
    """A paper's versions; the secretariat uploads a new version here."""
    forum = forum_or_404(request, slug, "forums.view_meetings")
    paper = paper_selectors.paper_for(person=request.user, forum=forum, pk=paper_pk)
    can_manage = request.user.has_perm("forums.manage_meetings", forum)
    form = PaperVersionForm(posted(request), request.FILES or None) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                paper_services.paper_upload(
                    agenda_item=paper.agenda_item,
                    by=request.user,
                    upload=form.cleaned_data["file"],
                    paper=paper,
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, gettext("New version uploaded"))
                return redirect("meetings:workspace-paper", forum.slug, paper.pk)
    return render(
        request,
        "forums/paper_detail.html",
        {
            "forum": forum,
            "paper": paper,
            "meeting": paper.agenda_item.meeting,
            "form": form,
            "versions": list(paper.versions.all()),
            "downloads": paper_selectors.paper_downloads_for(person=request.user, paper=paper),
            "show_downloads": request.user.has_perm("forums.manage_meetings", forum),
        },
    )


def _file_response(version):
    try:
        handle = version.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=version.file_name, content_type=version.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def paper_download(request, slug, paper_pk):
    """Download the current version (or ?version=N) as an attachment, if the person may see it."""
    forum = forum_or_404(request, slug, "forums.view_meetings")
    paper = paper_selectors.paper_for(person=request.user, forum=forum, pk=paper_pk)
    number = request.GET.get("version")
    if number:
        if not (number.isascii() and number.isdigit()):  # "²" is a digit to isdigit(), not int()
            raise Http404
        version = get_object_or_404(paper.versions, number=int(number))
    else:
        version = paper.current_version
        if version is None:
            raise Http404
    response = _file_response(version)
    version.paper = paper
    paper_services.paper_download_record(version=version, by=request.user)
    return response
