"""The calibrated confidence of an extracted event (geo.extract.confidence)."""
from __future__ import annotations

import datetime as dt

import yaml

from geo.extract import extract_text
from geo.extract.confidence import _DATA, FEATURES


def only(text: str):
    found = extract_text(text, doc="r.txt", published=dt.date(2024, 2, 9))
    assert len(found) == 1, found
    return found[0]


def test_the_model_file_weighs_every_feature_the_extractor_computes():
    data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(FEATURES)


def test_a_named_attacker_at_a_site_on_a_given_day_is_trusted_more_than_a_vague_country_wide_attack():
    sharp = only("US F-15E jets struck a weapons depot at Albu Kamal on Thursday, February 8, CENTCOM said.")
    vague = only("Militants attacked somewhere in Syria, a source said.")
    assert 0.0 < vague.confidence < sharp.confidence < 1.0
    assert sharp.confidence >= 0.8
