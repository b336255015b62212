"""The actor lexicon's data file documents itself: every entry says what it covers and
gives an example in our own words, and each example still finds the actor it names."""
from __future__ import annotations

import pytest
import yaml

from geo.extract.actors import _DATA, find_actors
from geo.vocab import SIDES

ENTRIES = yaml.safe_load(_DATA.read_text(encoding="utf-8"))["actors"]
EXAMPLES = [(e, x) for e in ENTRIES for x in e.get("examples") or []]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["name"])
def test_every_actor_entry_says_what_it_covers_and_gives_an_example(entry):
    assert entry.get("covers") and entry.get("examples"), entry["name"]
    assert entry["side"] in SIDES
    assert entry["role"] in ("actor", "reporter", "both")


@pytest.mark.parametrize(("entry", "example"), EXAMPLES, ids=lambda v: v["text"][:40] if "text" in v else v["name"])
def test_each_actor_example_finds_the_actor_it_documents(entry, example):
    found = find_actors(example["text"])
    want = {k: example[k] for k in ("name", "side", "role") if k in example}
    assert any(all(getattr(m, k) == v for k, v in want.items()) for m in found), (
        f"{example['text']!r}: expected {want}, found {[(m.name, m.side, m.role) for m in found]}")
