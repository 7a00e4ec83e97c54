"""The API's documentation page: our own GOV.UK page drawn on the server from the OpenAPI
schema (no script, nothing from another site), so it says exactly what the schema says."""

import json
from functools import cache

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

from lcjb.api.views import ENDPOINTS

# An example filter for each list, to show how filters are written.
EXAMPLE_QUERIES = {
    "meetings": "?forum=cleveland-cjb&from_date=2026-04-01",
    "agenda-items": "?forum=cleveland-cjb&from_date=2026-04-01",
    "papers": "?forum=cleveland-cjb",
    "minutes": "?area=E23000013",
    "decisions": "?from_date=2026-04-01&to_date=2027-03-31",
    "priorities": "?theme=victims_and_witnesses",
    "evaluations": "?forum=cleveland-cjb",
    "figures": "?forum=cleveland-cjb&indicator=cc_effective_trial_rate&from_date=2025-04-01",
    "targets": "?area=E23000013",
    "members": "?forum=cleveland-cjb",
    "forums": "?area=E23000013",
    "agencies": "?agency_type=cps",
    "indicators": "?is_core=true",
}


@cache
def schema() -> dict:
    """The API's OpenAPI schema (the same as /api/schema/), built once per process."""
    return SchemaGenerator().get_schema(request=None, public=True)


def _fields(spec: dict, ref: str) -> list[dict]:
    component = spec["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    rows = []
    for name, prop in component.get("properties", {}).items():
        if "$ref" in prop or "items" in prop and "$ref" in prop["items"]:
            kind = "list of objects" if "items" in prop else "object"
        else:
            kind = prop.get("type", "")
            kind = " or ".join(kind) if isinstance(kind, list) else kind
            if prop.get("format"):
                kind = f"{kind} ({prop['format']})"
        rows.append({"name": name, "type": kind, "description": prop.get("description", "")})
    return rows


SAMPLES = {
    "integer": 1,
    "number": 1.5,
    "boolean": True,
    "date": "2026-04-01",
    "date-time": "2026-04-01T10:00:00+01:00",
    "uri": "https://example.org/api/…",
}


def _sample(spec: dict, prop: dict, depth: int = 0):
    """A made-up value of the schema's shape, for the example answer."""
    if "$ref" in prop:
        properties = spec["components"]["schemas"][prop["$ref"].rsplit("/", 1)[-1]]
        if "properties" not in properties:  # an enumeration
            return (properties.get("enum") or ["…"])[0]
        return {name: _sample(spec, p, depth + 1) for name, p in properties["properties"].items()}
    kinds = prop.get("type", "string")
    kind = next((k for k in kinds if k != "null"), "string") if isinstance(kinds, list) else kinds
    if kind == "array":
        return [_sample(spec, prop.get("items", {}), depth + 1)]
    if "oneOf" in prop or "allOf" in prop:
        return _sample(spec, (prop.get("oneOf") or prop["allOf"])[0], depth + 1)
    return SAMPLES.get(prop.get("format"), SAMPLES.get(kind, "…"))


def endpoints() -> list[dict]:
    """Each list: its address, what it holds, its filters, its fields and an example."""
    spec = schema()
    described = []
    for prefix, _name, viewset in ENDPOINTS:
        path = f"/api/{prefix}/"
        operation = spec["paths"][path]["get"]
        page = operation["responses"]["200"]["content"]["application/json"]["schema"]
        listed = spec["components"]["schemas"][page["$ref"].rsplit("/", 1)[-1]]
        detail = next(p for p in spec["paths"] if p.startswith(path) and p != path)
        described.append(
            {
                "path": path,
                "detail": detail,
                "description": (viewset.__doc__ or "").strip(),
                "parameters": [
                    {
                        "name": p["name"],
                        "description": p.get("description", ""),
                        "type": p["schema"].get("type", ""),
                    }
                    for p in operation.get("parameters", [])
                ],
                "fields": _fields(spec, listed["properties"]["results"]["items"]["$ref"]),
                "example": path + EXAMPLE_QUERIES.get(prefix, ""),
                "answer": json.dumps(
                    _sample(spec, {"$ref": page["$ref"]}), indent=2, ensure_ascii=False
                ),
            }
        )
    return described


@login_not_required
def docs(request):
    spec = schema()
    return render(
        request,
        "api/docs.html",
        {"info": spec["info"], "endpoints": endpoints(), "version": spec["openapi"]},
    )
