"""KML for Google Earth: one Placemark per located event, built with an XML library."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from geo.atomic import write_bytes_atomic
from geo.vocab import EVENT_TYPE_LABELS, SIDE_LABELS

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["write_kml", "KML_NS"]

KML_NS = "http://www.opengis.net/kml/2.2"


def _description(ev) -> str:
    lines = [
        f"Date: {ev.event_date or 'unknown'} (precise to the {ev.date_precision})",
        f"Type: {EVENT_TYPE_LABELS.get(ev.event_type, ev.event_type)}",
        f"Attacker: {ev.actor1 or 'unknown'} ({SIDE_LABELS.get(ev.actor1_side, '')})",
        f"Target: {ev.actor2 or 'unknown'} ({SIDE_LABELS.get(ev.actor2_side, '')})",
        f"Place: {ev.location or ''} (placed to the {ev.geo_precision or 'unknown'})",
    ]
    if ev.killed is not None:
        lines.append(f"Killed: {ev.killed}")
    if ev.disputed:
        lines.append("Disputed: " + ", ".join(sorted(ev.disputed)))
    for s in ev.sources:
        lines.append("Source: " + " · ".join(x for x in (s.title or s.doc, s.outlet,
                                                          str(s.published or ""), s.url or "") if x))
    return "\n".join(lines)


def write_kml(frame: gpd.GeoDataFrame, path: Path) -> None:
    """Text goes in as element text, so the XML library escapes it; nothing is concatenated."""
    from geo.frame import from_frame

    ET.register_namespace("", KML_NS)
    root = ET.Element(f"{{{KML_NS}}}kml")
    doc = ET.SubElement(root, f"{{{KML_NS}}}Document")
    ET.SubElement(doc, f"{{{KML_NS}}}name").text = "geo events"
    for ev in from_frame(frame):
        if not ev.located:
            continue
        pm = ET.SubElement(doc, f"{{{KML_NS}}}Placemark", id=ev.id)
        ET.SubElement(pm, f"{{{KML_NS}}}name").text = (
            f"{ev.event_date or ''} {EVENT_TYPE_LABELS.get(ev.event_type, ev.event_type)}"
            f"{' — ' + ev.location if ev.location else ''}")
        ET.SubElement(pm, f"{{{KML_NS}}}description").text = _description(ev)
        if ev.event_date:
            ts = ET.SubElement(pm, f"{{{KML_NS}}}TimeStamp")
            ET.SubElement(ts, f"{{{KML_NS}}}when").text = ev.event_date.isoformat()
        point = ET.SubElement(pm, f"{{{KML_NS}}}Point")
        ET.SubElement(point, f"{{{KML_NS}}}coordinates").text = f"{ev.lon:.6f},{ev.lat:.6f},0"
    ET.indent(root)
    write_bytes_atomic(path, ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n")
