"""Popup HTML for one event (tooltips and table cells are set as text by the page).

Every value that comes from input data passes through :func:`html.escape` here, and
links are kept only when they are http(s): a report that mentions ``<script>`` or an
``<img onerror=…>`` shows as text, never runs.  Leaflet inserts popup and tooltip strings
as HTML, so this module is the one place that stands between input data and the page.
"""
from __future__ import annotations

import json
from html import escape
from typing import Any

from geo.vocab import EVENT_TYPE_LABELS, SIDE_LABELS

__all__ = ["popup_html", "safe_url"]


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def safe_url(url: Any) -> str | None:
    """The URL if it is http(s), else None (no javascript:, data: …)."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    return u if u.lower().startswith(("http://", "https://")) else None


def _count(row: dict[str, Any], name: str) -> str | None:
    best, low, high = row.get(name), row.get(f"{name}_low"), row.get(f"{name}_high")
    if best is None and low is None and high is None:
        return None
    if low is not None and high is not None and low != high:
        return f"{low}–{high}"
    if low is not None and high is None:
        return f"at least {low}"
    return str(best if best is not None else low)


def _date_text(row: dict[str, Any]) -> str:
    date, prec = row.get("event_date"), row.get("date_precision") or "day"
    text = date or "date unknown"
    if row.get("date_start") and row.get("date_end") and row["date_start"] != row["date_end"]:
        text += f" (between {row['date_start']} and {row['date_end']})"
    return f"{text} · precise to the {prec}" if date else text


def _claims(claims: list[dict[str, Any]]) -> str:
    items = []
    for c in claims:
        who = " / ".join(_e(x) for x in (c.get("by"), c.get("doc")) if x)
        value = c.get("value")
        shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        items.append(f"<li><b>{_e(shown)}</b>{' — ' + who if who else ''}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _source(src: dict[str, Any]) -> str:
    title = _e(src.get("title") or src.get("doc") or "untitled report")
    url = safe_url(src.get("url"))
    head = (f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{title}</a>'
            if url else title)
    meta = " · ".join(_e(x) for x in (src.get("outlet"), src.get("published")) if x)
    doc = f' <span class="geo-doc">[{_e(src.get("doc"))}]</span>' if src.get("doc") else ""
    quote = f'<q>{_e(src["quote"])}</q>' if src.get("quote") else ""
    return f"<li>{head}{doc}{'<br>' + meta if meta else ''}{'<br>' + quote if quote else ''}</li>"


def popup_html(row: dict[str, Any], located_as: str) -> str:
    """The popup for one event (``row`` is ``Event.to_dict()``-shaped)."""
    disputed: dict[str, Any] = row.get("disputed") or {}

    def flag(field: str) -> str:
        return ' <span class="geo-disputed">DISPUTED</span>' if field in disputed else ""

    etype = EVENT_TYPE_LABELS.get(row.get("event_type") or "", row.get("event_type") or "")
    a1 = f"{_e(row.get('actor1') or 'unknown')} ({_e(SIDE_LABELS.get(row.get('actor1_side'), ''))})"
    a2 = f"{_e(row.get('actor2') or 'unknown')} ({_e(SIDE_LABELS.get(row.get('actor2_side'), ''))})"
    rows = [
        ("Date", _e(_date_text(row)) + flag("event_date")),
        ("Type", _e(etype) + flag("event_type")),
        ("Attacker", a1),
        ("Target", a2),
        ("Place", _e(located_as) + flag("location") + flag("country")),
    ]
    for label, name in (("Killed", "killed"), ("Injured", "injured")):
        text = _count(row, name)
        if text is not None or name in disputed:
            rows.append((label, _e(text if text is not None else "unknown") + flag(name)))
    if row.get("targets") or row.get("targets_count") is not None:
        count = row.get("targets_count")
        rows.append(("Targets", _e(" · ".join(str(x) for x in (count, row.get("targets")) if x is not None))))
    if row.get("confidence") is not None:
        rows.append(("Confidence", _e(f"{row['confidence']:.2f}")))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    parts = [f'<div class="geo-popup"><table>{body}</table>']
    if disputed:
        parts.append('<div class="geo-disputed-block"><b>Disputed by the sources</b>')
        for field, claims in sorted(disputed.items()):
            parts.append(f"<div><i>{_e(field)}</i>{_claims(claims)}</div>")
        parts.append("</div>")
    if row.get("notes"):
        parts.append(f'<p class="geo-notes">{_e(row["notes"])}</p>')
    sources = row.get("sources") or []
    parts.append(f"<b>Sources ({len(sources)})</b><ol class=\"geo-sources\">"
                 + "".join(_source(s) for s in sources) + "</ol>")
    parts.append(f'<div class="geo-id">{_e(row.get("id"))}</div></div>')
    return "".join(parts)

