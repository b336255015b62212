"""The extraction's data files (geo/extract/data/*.yaml): every entry documented, used, and
its example sentences still read the way the file says they do."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from geo.extract import extract_text, lexicon

ROOT = Path(__file__).resolve().parents[1]
CODE = "\n".join(p.read_text("utf-8") for p in sorted((ROOT / "geo" / "extract").glob("*.py")))
#: The data files read through geo.extract.lexicon (others, such as actors.yaml, have
#: formats and tests of their own).
FILES = sorted(set(re.findall(r'\b(?:pattern|words|names|source)\(\s*"(\w+)",', CODE)))
#: Published date of an example that names none (a Friday: "on Tuesday" is 2024-02-06).
PUBLISHED = dt.date(2024, 2, 9)
#: Fields of an event an example's ``expect`` may name (besides ``count``).
FIELDS = {"event_type", "event_date", "date_precision", "actor1", "actor1_side", "actor2", "actor2_side",
          "location", "country", "geo_precision", "killed", "injured", "targets", "notes"}


def _examples() -> list:
    cases = []
    for name in FILES:
        for key, entry in lexicon.entries(name).items():
            for i, ex in enumerate(entry.get("examples") or []):
                cases.append(pytest.param(name, key, ex, id=f"{name}:{key}:{i}"))
    return cases


def _pattern_text(entry: dict) -> str:
    raw = entry.get("pattern", "")
    return "".join(raw) if isinstance(raw, list) else raw


def test_there_is_a_data_file_for_each_module_that_has_lexicons():
    assert set(FILES) == {"triggers", "not_events", "roles", "clauses", "when", "attach", "discourse", "follow_up",
                          "attribution"}
    for name in FILES:
        assert (lexicon.DATA_DIR / f"{name}.yaml").is_file(), f"the code reads {name}.yaml, which is missing"
        assert (ROOT / "geo" / "extract" / f"{name}.py").is_file(), f"{name}.yaml belongs to no module"


@pytest.mark.parametrize("name", FILES)
def test_every_entry_says_what_it_covers_and_has_an_example(name):
    for key, entry in lexicon.entries(name).items():
        where = f"{name}.yaml: {key}"
        assert isinstance(entry.get("covers"), str) and len(entry["covers"]) > 10, f"{where}: no 'covers'"
        kinds = [k for k in ("pattern", "words", "names") if k in entry]
        assert len(kinds) == 1, f"{where}: needs exactly one of pattern, words, names (has {kinds})"
        assert set(entry) <= {"covers", "pattern", "words", "names", "flags", "examples"}, where
        assert set(entry.get("flags", "")) <= {"i"}, where
        examples = entry.get("examples") or []
        assert examples, f"{where}: no example"
        for ex in examples:
            assert set(ex) <= {"text", "expect", "published"} and ex.get("text"), where
            expect = ex.get("expect")
            assert expect == "no_event" or (isinstance(expect, dict) and expect and set(expect) <= FIELDS | {"count"}), \
                f"{where}: expect must be no_event or event fields, got {expect!r}"
        if "words" in entry:
            # an unquoted "on" or "no" is a boolean in YAML, not a word
            assert all(isinstance(w, str) and w for w in entry["words"]), f"{where}: quote every word"
        if "pattern" in entry:
            lexicon.pattern(name, key)  # compiles, its ${...} fragments exist


@pytest.mark.parametrize("name", FILES)
def test_every_entry_is_read_by_the_code(name):
    code = CODE
    fragments = "\n".join(_pattern_text(e) for n in FILES for e in lexicon.entries(n).values())
    prefixes = tuple(re.findall(rf'\(\s*"{name}",\s*f"([^"{{]+)\{{', code))  # pattern("triggers", f"type_{t}")
    for key in lexicon.entries(name):
        used = re.search(rf'\(\s*"{name}",\s*"{re.escape(key)}"\s*\)', code) or (prefixes and key.startswith(prefixes)) \
            or "${" + key + "}" in fragments or "${" + f"{name}.{key}" + "}" in fragments
        assert used, f"{name}.yaml: {key} is not read anywhere in geo/extract/"


def test_examples_are_in_our_own_words_not_lifted_from_the_reports():
    reports = [p for d in ("seeds/reports", "tests/data/reports", "benchmarks") for p in (ROOT / d).rglob("*")
               if p.suffix in (".md", ".txt", ".html") and p.name.lower() != "readme.md"]
    assert reports

    def shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
        words = re.findall(r"[a-z0-9]+", text.lower())
        return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}

    seen: set[tuple[str, ...]] = set()
    for p in reports:
        seen |= shingles(p.read_text("utf-8", errors="replace"))
    for param in _examples():
        name, key, ex = param.values
        shared = shingles(ex["text"]) & seen
        assert not shared, f"{name}.yaml: {key}: an example repeats a report's words: {' '.join(min(shared))!r}"


@pytest.mark.parametrize(("name", "key", "example"), _examples())
def test_example_reads_as_its_data_file_documents(name, key, example):
    published = dt.date.fromisoformat(str(example.get("published", PUBLISHED)))
    events = [e.to_dict() for e in extract_text(example["text"], doc="example.txt", published=published)]
    expect = example["expect"]
    shown = [{k: d.get(k) for k in sorted(FIELDS)} for d in events]
    if expect == "no_event":
        assert events == [], f"{name}.yaml: {key}: expected no event from {example['text']!r}, got {shown}"
        return
    if "count" in expect:
        assert len(events) == expect["count"], f"{name}.yaml: {key}: expected {expect['count']} events, got {shown}"
    want = {k: v for k, v in expect.items() if k != "count"}

    def agrees(d: dict) -> bool:
        return all((d.get(k) is None) if v is None else str(d.get(k)) == str(v) for k, v in want.items())

    assert any(agrees(d) for d in events), f"{name}.yaml: {key}: no event with {want} in {shown}"
