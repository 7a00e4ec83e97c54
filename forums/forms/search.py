"""The search form for minutes, decisions and actions."""

from django import forms


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search minutes, decisions and actions", required=False, max_length=200
    )
