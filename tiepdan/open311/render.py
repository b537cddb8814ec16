"""GeoReport v2 output: the same data as JSON or as UTF-8 XML, and the spec's error lists."""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET

from django.http import HttpResponse

# The element name of one item of each list, as the specification's XML examples name them.
ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
    "values": "value",
}
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "xml": "text/xml; charset=utf-8",
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fill(element: ET.Element, value: Any) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _fill(ET.SubElement(element, key), inner)
    elif isinstance(value, list):
        tag = ITEM_TAGS.get(element.tag, "item")
        for inner in value:
            _fill(ET.SubElement(element, tag), inner)
    else:
        element.text = _text(value)


def to_xml(root: str, data: Any) -> bytes:
    element = ET.Element(root)
    _fill(element, data)
    return XML_DECLARATION + ET.tostring(element, encoding="unicode").encode()


def respond(fmt: str, root: str, data: Any, status: int = 200) -> HttpResponse:
    """`data` as JSON, or as XML under `root` (a list's items get the spec's element names)."""
    body = to_xml(root, data) if fmt == "xml" else json.dumps(data, ensure_ascii=False).encode()
    return HttpResponse(body, status=status, content_type=CONTENT_TYPES[fmt])


def error(fmt: str, status: int, description: str) -> HttpResponse:
    """The specification's error list: [{"code": 400, "description": "…"}]."""
    return respond(fmt, "errors", [{"code": status, "description": description}], status)
