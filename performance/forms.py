"""Forms of the performance app (GOV.UK Design System through crispy-forms-gds)."""

from decimal import Decimal

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Field, Fieldset, Fixed, Layout, Size, Submit
from django import forms
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from forums.forms.base import real_prompts
from membership.models import AgencyType
from membership.tabular import FileProblem
from performance import periods
from performance.calculations import PERCENT, RATIO, FigureError, check_figure, parse_number
from performance.imports import read_upload
from performance.models import Indicator, Measurement
from performance.services import FigureInput

UNIT_HINTS = {
    "percent": _("Percentage, 0 to 100"),
    "count": _("Whole number"),
    "days": _("Days"),
    "ratio": _("Ratio"),
    "gbp": _("Pounds"),
}


# One whole sentence for each part, so each language can word it its own way.
NOT_A_NUMBER = {
    "value": _("Value for %(indicator)s must be a number, like 72.5"),
    "numerator": _("Numerator for %(indicator)s must be a number, like 72.5"),
    "denominator": _("Denominator for %(indicator)s must be a number, like 72.5"),
}


class ReturnFiguresForm(forms.Form):
    """One fieldset per indicator owed: the figure, or a numerator and denominator, and
    whether it is provisional. What the user typed is kept when anything is wrong."""

    def __init__(self, *args, indicators: list[Indicator], measurements: list[Measurement], **kw):
        totals = {m.indicator_id: m for m in measurements if not m.breakdown}
        initial = {}
        for indicator in indicators:
            found = totals.get(indicator.pk)
            if found:
                initial[f"{indicator.slug}__value"] = (
                    "" if found.numerator is not None else _plain(found.value)
                )
                initial[f"{indicator.slug}__numerator"] = _plain(found.numerator)
                initial[f"{indicator.slug}__denominator"] = _plain(found.denominator)
                initial[f"{indicator.slug}__provisional"] = found.is_provisional
        super().__init__(*args, initial=initial, **kw)
        self.indicators = indicators
        fieldsets = []
        for indicator in indicators:
            names = [f"{indicator.slug}__value"]
            self.fields[names[0]] = forms.CharField(
                label=_("Figure"),
                required=False,
                help_text=gettext("%(unit)s — or give the numerator and denominator")
                % {"unit": UNIT_HINTS[indicator.unit]}
                if _has_rate(indicator)
                else UNIT_HINTS[indicator.unit],
            )
            if _has_rate(indicator):
                names += [f"{indicator.slug}__numerator", f"{indicator.slug}__denominator"]
                self.fields[names[1]] = forms.CharField(
                    label=_("Numerator"),
                    required=False,
                    help_text=_("For example, trials that went ahead"),
                )
                self.fields[names[2]] = forms.CharField(
                    label=_("Denominator"),
                    required=False,
                    help_text=_("For example, trials listed"),
                )
            names.append(f"{indicator.slug}__provisional")
            self.fields[names[-1]] = forms.BooleanField(
                label=_("This figure is provisional"), required=False
            )
            fieldsets.append(
                Fieldset(
                    HTML(f'<p class="govuk-hint">{escape(indicator.definition)}</p>'),
                    *[
                        Field.checkbox(name, small=True)
                        if name.endswith("__provisional")
                        else Field.text(name, field_width=Fixed.TEN)
                        for name in names
                    ],
                    legend=indicator.name,
                    legend_size=Size.MEDIUM,
                )
            )
        self.helper = FormHelper()
        self.helper.layout = Layout(*fieldsets, Submit("submit", gettext("Save figures")))
        self.figures: list[FigureInput] = []
        self.cleared: list[Indicator] = []

    def clean(self):
        data = super().clean()
        self.figures, self.cleared = [], []
        for indicator in self.indicators:
            prefix = indicator.slug
            texts = {
                part: data.get(f"{prefix}__{part}", "") or ""
                for part in ("value", "numerator", "denominator")
            }
            if not any(text.strip() for text in texts.values()):
                self.cleared.append(indicator)
                continue
            numbers = {}
            for part, text in texts.items():
                try:
                    numbers[part] = parse_number(text, label=part)
                except FigureError:
                    self.add_error(
                        f"{prefix}__{part}",
                        NOT_A_NUMBER[part] % {"indicator": indicator.name},
                    )
            if len(numbers) < 3:
                continue
            try:
                check_figure(unit=indicator.unit, **numbers)
            except FigureError as error:
                for part, message in error.errors.items():
                    self.add_error(
                        f"{prefix}__{part}",
                        gettext("%(indicator)s: %(problem)s")
                        % {"indicator": indicator.name, "problem": message},
                    )
                continue
            self.figures.append(
                FigureInput(
                    indicator=indicator,
                    is_provisional=bool(data.get(f"{prefix}__provisional")),
                    **numbers,
                )
            )
        return data


def _has_rate(indicator: Indicator) -> bool:
    return indicator.unit in (PERCENT, RATIO)


def _plain(number: Decimal | None) -> str:
    if number is None:
        return ""
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Upload a file"),
        help_text=_("A CSV or Excel (.xlsx) file made from the template, up to 5 MB"),
        error_messages={"required": _("Choose a CSV or Excel file to upload")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(Field("file"), Submit("submit", gettext("Upload and check")))
        self.rows = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.rows = read_upload(upload)
        except FileProblem as problem:
            raise forms.ValidationError(str(problem)) from None
        return upload


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("What do you want to do with this return?"),
        choices=[("accept", _("Accept the figures")), ("return", _("Return it for correction"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether to accept or return the figures")},
    )
    comments = forms.CharField(
        label=_("What needs correcting"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Needed if you return it: the agency sees this"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.radios("decision", legend_size=Size.MEDIUM),
            Field.textarea("comments"),
            Submit("submit", gettext("Save decision")),
        )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("comments") or "").strip():
            self.add_error("comments", gettext("Say what the agency needs to correct"))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea, error_messages={"required": _("Enter the reason")}
    )

    def __init__(self, *args, label: str, hint: str = "", button: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        self.fields["reason"].help_text = hint
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.textarea("reason"), Submit("submit", button or gettext("Save"))
        )


class TargetForm(forms.Form):
    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.none(),
        label=_("Indicator"),
        error_messages={"required": _("Choose the indicator")},
    )
    period = forms.CharField(
        label=_("Period the target applies across"),
        help_text=_(
            "A financial year like FY2026-27, a quarter like 2026-Q3 or a month like 2026-09"
        ),
        error_messages={"required": _("Enter the period the target applies across")},
    )
    value = forms.DecimalField(
        label=_("Target"),
        max_digits=14,
        decimal_places=4,
        # A text input with a number keyboard (GOV.UK): type="number" loses the govuk-input style.
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter the target"),
            "invalid": _("The target must be a number, like 75"),
        },
    )
    amber_tolerance = forms.DecimalField(
        label=_("Amber tolerance"),
        max_digits=14,
        decimal_places=4,
        min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        help_text=_(
            "How far short of the target a figure can be and still show amber, in the "
            "indicator's unit"
        ),
        error_messages={
            "required": _("Enter the amber tolerance (0 for none)"),
            "invalid": _("The amber tolerance must be a number, like 2.5"),
            "min_value": _("The amber tolerance cannot be negative"),
        },
    )

    def __init__(self, *args, indicators, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators
        # Only the areas the board covers can be chosen; without any, the question is not asked.
        self.areas = {str(area.pk): area for area in areas}
        if self.areas:
            self.fields["applies_to"] = forms.ChoiceField(
                label=_("Who the target is for"),
                choices=[("forum", gettext("This board only"))]
                + [
                    (
                        key,
                        gettext("Every board in %(area)s without its own target")
                        % {"area": area.name},
                    )
                    for key, area in self.areas.items()
                ],
                initial="forum",
                required=False,
                widget=forms.RadioSelect,
                help_text=_(
                    "An area-wide target also applies to the other boards of that area, "
                    "unless they set their own."
                ),
                error_messages={"invalid_choice": _("Choose this board or an area it covers")},
            )
        real_prompts(self)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.select("indicator"),
            *([Field.radios("applies_to", legend_size=Size.SMALL)] if self.areas else []),
            Field.text("period", field_width=Fixed.TEN),
            Field.text("value", field_width=Fixed.TEN),
            Field.text("amber_tolerance", field_width=Fixed.TEN),
            Submit("submit", gettext("Save target")),
        )

    def clean_period(self):
        spec = periods.parse_code(self.cleaned_data["period"])
        if spec is None:
            raise forms.ValidationError(
                gettext("Enter the period like FY2026-27, 2026-Q3 or 2026-09")
            )
        return spec

    def clean_applies_to(self):
        """The area chosen, or None for this board only."""
        return self.areas.get(self.cleaned_data.get("applies_to") or "forum")

    def clean(self):
        cleaned = super().clean()
        indicator = cleaned.get("indicator")
        if cleaned.get("applies_to") is not None and indicator is not None and indicator.forum_id:
            self.add_error(
                "applies_to",
                gettext(
                    "A local indicator is only used by this board: set its target for this board"
                ),
            )
        return cleaned


class LocalIndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "name",
            "definition",
            "unit",
            "polarity",
            "frequency",
            "responsible_agency_type",
            "source",
        ]
        # The model's fields have no verbose names of their own: the labels are given here.
        labels = {
            "name": _("Name"),
            "definition": _("Definition"),
            "unit": _("Unit"),
            "polarity": _("Polarity"),
            "frequency": _("Frequency"),
            "responsible_agency_type": _("Agency that reports it"),
            "source": _("Source"),
        }
        error_messages = {
            "name": {"required": _("Enter the name of the indicator")},
            "definition": {"required": _("Enter what the indicator counts")},
            "unit": {"required": _("Choose the unit")},
            "polarity": {"required": _("Choose whether higher or lower is better")},
            "frequency": {"required": _("Choose how often it is reported")},
            "responsible_agency_type": {"required": _("Choose the kind of agency that reports it")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_agency_type"].queryset = AgencyType.objects.order_by("name")
        real_prompts(self)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("name"),
            Field.textarea("definition"),
            Field.radios("unit", legend_size=Size.SMALL),
            Field.radios("polarity", legend_size=Size.SMALL),
            Field.radios("frequency", legend_size=Size.SMALL),
            Field.select("responsible_agency_type"),
            Field.text("source"),
            Submit("submit", gettext("Add indicator")),
        )


class StartReturnForm(forms.Form):
    agency = forms.ChoiceField(error_messages={"required": _("Choose the agency")})
    period = forms.ChoiceField(error_messages={"required": _("Choose the period")})

    def __init__(self, *args, agencies, specs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [(str(a.pk), a.name) for a in agencies]
        self.fields["period"].choices = [(s.code, s.code) for s in specs]
