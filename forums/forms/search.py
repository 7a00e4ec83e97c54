"""The search form for minutes, decisions and actions."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search minutes, decisions and actions"), required=False, max_length=200
    )
