"""Search across the minutes, decisions and actions of the person's forums."""

from django.shortcuts import render

from forums.forms.search import SearchForm
from forums.selectors import search as search_selectors


def search(request):
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = search_selectors.search_for(person=request.user, query=query) if query else []
    return render(
        request, "forums/search_results.html", {"form": form, "query": query, "results": results}
    )
