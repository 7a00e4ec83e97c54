"""Bulletins: public pages under /bulletins/, readers' and the national team's pages under
/workspace/national/bulletins/."""

import hashlib

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from forums.views.common import apply_errors, confirm_page, form_page, posted
from national import bulletin_mail, selectors, services
from national.forms import (
    AttachmentForm,
    BulletinForm,
    EmailSubscribeForm,
    OfferForm,
    SectionForm,
    SeriesForm,
)
from national.models import Bulletin, BulletinAttachment, BulletinSection, BulletinSeries

MANAGE = "national.manage_bulletins"  # writes bulletins at all: the workspace's buttons
EDIT = "national.edit_series"  # may edit this series: every page that changes a bulletin


def _manager(request) -> None:
    if not request.user.has_perm(MANAGE):
        raise Http404("Not found")


def _editable(request, pk) -> Bulletin:
    """A bulletin of a series the person may edit, else not found (its existence is not
    revealed to someone with no standing in the series)."""
    found = get_object_or_404(Bulletin.objects.select_related("series"), pk=pk)
    if not request.user.has_perm(EDIT, found.series):
        raise Http404("Not found")
    return found


def _read_url(bulletin: Bulletin) -> str:
    return reverse("national:bulletin-read", args=[bulletin.series.slug, bulletin.number])


@login_not_required
def index(request):
    """Every series with its public bulletins."""
    return render(
        request,
        "national/bulletins/index.html",
        {
            "series_list": [
                (series, [b for b in bulletins if b.audience == Bulletin.Audience.PUBLIC][:3])
                for series, bulletins in selectors.series_with_bulletins(_anonymous())
            ]
        },
    )


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@login_not_required
def series(request, series):
    """A series' public bulletins, its feed, and (once it has public bulletins) a form to get
    them by e-mail."""
    return _series_page(request, get_object_or_404(BulletinSeries, slug=series))


def _series_page(request, found: BulletinSeries, form=None):
    bulletins = list(Bulletin.objects.public().filter(series=found))
    if bulletins:
        form = form or EmailSubscribeForm()
        form.helper.form_action = reverse("national:series-email-subscribe", args=[found.slug])
    return render(
        request,
        "national/bulletins/series.html",
        {"series": found, "bulletins": bulletins, "form": form if bulletins else None},
    )


# Subscription requests from one address (of the requester) per hour: enough for a family or
# an office behind one address, too few to sign a list of strangers up.
SUBSCRIBE_REQUESTS_PER_HOUR = 10


def _rate_key(request) -> str:
    address = get_client_ip_address(request) or ""
    return "national:bulletin-subscribe:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def _rate_limited(request) -> bool:
    """Count this request against the requester's address; True once over the hourly limit."""
    key = _rate_key(request)
    cache.add(key, 0, timeout=60 * 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60 * 60)
        count = 1
    return count > SUBSCRIBE_REQUESTS_PER_HOUR


@login_not_required
@require_POST
def email_subscribe(request, series):
    """Ask for a series' public bulletins by e-mail. Whatever the address's state, the answer
    is the same ("check your e-mail"), so nobody learns who is subscribed."""
    found = get_object_or_404(BulletinSeries, slug=series)
    if not Bulletin.objects.public().filter(series=found).exists():
        raise Http404("No public bulletins")
    form = EmailSubscribeForm(request.POST)
    if not form.is_valid():
        return _series_page(request, found, form=form)
    if _rate_limited(request):
        return render(
            request,
            "national/bulletins/email_subscription.html",
            {"series": found, "state": "limited"},
            status=429,
        )
    services.email_subscription_request(
        series=found, email=form.cleaned_data["email"], language=get_language()
    )
    return render(
        request,
        "national/bulletins/email_subscription.html",
        {"series": found, "state": "check", "email": form.cleaned_data["email"]},
    )


def _link_not_valid(request):
    return render(
        request, "national/bulletins/email_subscription.html", {"state": "invalid"}, status=404
    )


@login_not_required
def subscription_confirm(request, token):
    """The link in the confirmation e-mail: a button, so a mail scanner opening the link does
    not subscribe anyone."""
    subscriber = bulletin_mail.read_confirm_token(token)
    if subscriber is None:
        return _link_not_valid(request)
    context = {"series": subscriber.series, "state": "confirm"}
    if request.method == "POST":
        services.email_subscription_confirm(subscriber=subscriber)
        context["state"] = "confirmed"
    return render(request, "national/bulletins/email_subscription.html", context)


@login_not_required
@csrf_exempt  # the signed token is the proof; mail programs POST here (RFC 8058 one-click)
def unsubscribe(request, token):
    """The link in every bulletin e-mail: one button, no sign-in; a POST with the token (as a
    mail program sends from the List-Unsubscribe header) unsubscribes at once."""
    data = bulletin_mail.read_unsubscribe_token(token)
    if data is None:
        return _link_not_valid(request)
    if request.method == "POST":
        found = services.unsubscribe_by_token(token_data=data)
        if found is None:
            return _link_not_valid(request)
        return render(
            request,
            "national/bulletins/email_subscription.html",
            {"series": found, "state": "unsubscribed"},
        )
    found = selectors.series_of_unsubscribe(data)
    if found is None:
        return _link_not_valid(request)
    return render(
        request,
        "national/bulletins/email_subscription.html",
        {"series": found, "state": "unsubscribe"},
    )


@login_not_required
def bulletin(request, series, number):
    """A public bulletin, with its contents list."""
    found = selectors.bulletin_for(person=_anonymous(), series=series, number=number)
    return render(
        request,
        "national/bulletins/bulletin.html",
        {"bulletin": found, "sections": selectors.bulletin_sections(found), "public": True},
    )


def workspace(request):
    """The bulletins this person may read, by series, with subscribe buttons; for the national
    team also the drafts and the way to write one."""
    return render(
        request,
        "national/bulletins/workspace.html",
        {
            "series_list": selectors.series_with_bulletins(request.user),
            "subscribed": set(request.user.bulletin_subscriptions.values_list("pk", flat=True)),
            "can_manage": request.user.has_perm(MANAGE),
        },
    )


def read(request, series, number):
    found = selectors.bulletin_for(person=request.user, series=series, number=number)
    form = OfferForm(posted(request)) if found.call_is_open and found.is_published else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.content_offer(
                bulletin=found, person=request.user, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Thank you: the team will read what you sent"))
            return redirect(_read_url(found))
    can_manage = request.user.has_perm(EDIT, found.series)
    return render(
        request,
        "national/bulletins/bulletin.html",
        {
            "bulletin": found,
            "sections": selectors.bulletin_sections(found),
            "form": form,
            "can_manage": can_manage and not found.is_published,
            "offers": list(found.offers.select_related("person")) if can_manage else [],
        },
    )


@require_POST
def subscribe(request, series):
    found = get_object_or_404(BulletinSeries, slug=series)
    subscribed = request.POST.get("subscribe") == "yes"
    services.subscription_set(series=found, person=request.user, subscribed=subscribed)
    if subscribed:
        messages.success(
            request, _("You will be e-mailed each new issue of %(series)s") % {"series": found}
        )
    else:
        messages.success(
            request, _("You will no longer be e-mailed %(series)s") % {"series": found}
        )
    return redirect("national:bulletins-workspace")


def series_create(request):
    _manager(request)
    form = SeriesForm(posted(request), person=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.fields}
        services.series_save(by=request.user, fields=fields)
        messages.success(request, _("The series is ready for its first bulletin"))
        return redirect("national:bulletins-workspace")
    return form_page(
        request,
        form,
        title=_("Start a series of bulletins"),
        back_url=reverse("national:bulletins-workspace"),
    )


def bulletin_edit(request, pk=None):
    _manager(request)
    found = _editable(request, pk) if pk else None
    initial = {}
    series = selectors.editable_series(request.user)
    if found is None:
        first = series.first()
        if first is None:
            return redirect("national:series-create")
        initial = {"series": first, "number": selectors.next_number(first)}
    form = BulletinForm(posted(request), instance=found, initial=initial, series=series)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in BulletinForm.Meta.fields}
        try:
            saved = services.bulletin_save(by=request.user, fields=fields, bulletin=found)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Draft saved"))
            return redirect(_read_url(saved))
    return form_page(
        request,
        form,
        title=_("Change the bulletin") if found else _("Write a bulletin"),
        back_url=_read_url(found) if found else reverse("national:bulletins-workspace"),
    )


def section_edit(request, pk, section_pk=None):
    found = _editable(request, pk)
    section = (
        get_object_or_404(BulletinSection, pk=section_pk, bulletin=found) if section_pk else None
    )
    form = SectionForm(posted(request), instance=section)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in SectionForm.Meta.fields}
        try:
            services.section_save(bulletin=found, by=request.user, fields=fields, section=section)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect(_read_url(found))
    return form_page(
        request,
        form,
        title=_("Change the section") if section else _("Add a section"),
        caption=str(found),
        back_url=_read_url(found),
    )


def publish(request, pk):
    found = _editable(request, pk)
    if request.method == "POST":
        try:
            services.bulletin_publish(bulletin=found, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(bulletin)s is published") % {"bulletin": found})
        return redirect(_read_url(found))
    return confirm_page(
        request,
        title=_("Publish %(bulletin)s") % {"bulletin": found},
        button=_("Publish"),
        back_url=_read_url(found),
        what_happens=[
            _("It shows to its readers: %(audience)s.")
            % {"audience": found.get_audience_display()},
            _("Subscribers to the series who may read it are e-mailed."),
            *(
                [_("Addresses that subscribed on the public site are e-mailed it too.")]
                if found.audience == Bulletin.Audience.PUBLIC
                else []
            ),
            _("It cannot be changed afterwards."),
        ],
        becomes_public=[_("The whole bulletin")]
        if found.audience == Bulletin.Audience.PUBLIC
        else None,
    )


# --- attachments ------------------------------------------------------------------------------


def _file_response(attachment: BulletinAttachment, *, public: bool) -> FileResponse:
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.file_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=300" if public else "private, no-store"
    return response


@login_not_required
def attachment(request, series, number, pk):
    """A public bulletin's file; any other bulletin's is not found here."""
    found = selectors.attachment_for(person=_anonymous(), series=series, number=number, pk=pk)
    return _file_response(found, public=True)


def attachment_read(request, series, number, pk):
    """A file of a bulletin the person may read (its audience decides), else not found."""
    found = selectors.attachment_for(person=request.user, series=series, number=number, pk=pk)
    return _file_response(found, public=False)


def attachment_add(request, pk, section_pk):
    found = _editable(request, pk)
    section = get_object_or_404(BulletinSection, pk=section_pk, bulletin=found)
    form = AttachmentForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attachment_add(
                section=section,
                by=request.user,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("File attached"))
            return redirect(_read_url(found))
    return form_page(
        request,
        form,
        title=_("Attach a file"),
        caption=f"{found}: {section.heading}",
        back_url=_read_url(found),
    )


def attachment_remove(request, pk, attachment_pk):
    found = _editable(request, pk)
    attached = get_object_or_404(BulletinAttachment, pk=attachment_pk, section__bulletin=found)
    if request.method == "POST":
        try:
            services.attachment_remove(attachment=attached, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("File removed"))
        return redirect(_read_url(found))
    return confirm_page(
        request,
        title=_("Remove %(file)s") % {"file": attached.title},
        button=_("Remove the file"),
        caption=str(found),
        back_url=_read_url(found),
        destructive=True,
    )
