"""Reading reports: encodings, formats, page furniture and unreadable files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo.exc import ExtractionError, InputError
from geo.extract.reader import decode, iter_report_paths, load_manifest, read_report, read_text

DATA = Path(__file__).parent / "data" / "reports"


def test_utf8_with_bom_and_windows_1252_read_the_same_words():
    text = "US jets hit a depot near Mayadeen on Monday, the militia’s spokesman said."
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode(text.encode("cp1252")) == text


def test_windows_1252_report_keeps_its_curly_apostrophe():
    report = read_report(DATA / "r12_cp1252.txt")
    assert "militia’s" in report.text
    assert "\r" not in report.text


@pytest.mark.parametrize("data, why", [
    (b"", "empty"), (b"   \n\n", "empty"), (b"%PDF-1.7\n...", "PDF"),
    (b"\x89PNG\r\n\x1a\n....", "PNG"), (b"abc\x00\x00def", "binary"),
    (bytes(range(1, 32)) * 20, "binary"),
])
def test_unreadable_input_gives_a_one_line_reason(data, why):
    with pytest.raises(ExtractionError) as err:
        decode(data, "bad.txt")
    assert why in str(err.value) and "\n" not in str(err.value)


def test_markdown_front_matter_gives_title_outlet_and_date():
    report = read_report(DATA / "r02_erbil_claim.md")
    assert report.title == "Kataib Hezbollah claims rocket fire at Erbil airport"
    assert report.outlet == "Example Wire"
    assert report.published == dt.date(2024, 1, 4)
    assert "---" not in report.text and "#" not in report.text


def test_html_is_reduced_to_the_article_without_page_furniture():
    report = read_report(DATA / "r11_page.html")
    assert "US aircraft hit a militia camp near Mayadeen" in report.text
    assert "Related Posts" not in report.text
    assert "Please enter your comment" not in report.text
    assert "Home" not in report.text


def test_furniture_lines_are_dropped_from_plain_text():
    report = read_text("Headline here\n\nCredit: (Some Agency)\nJets struck a depot.\n\nRelated Posts\n"
                       "Please enter your name here\n", doc="x.txt")
    assert "Credit" not in report.text and "Related" not in report.text
    assert "Jets struck a depot." in report.text
    assert report.title == "Headline here"


def test_published_flag_overrides_nothing_the_manifest_sets_but_fills_gaps():
    manifest = load_manifest(DATA / "manifest.yaml")
    assert read_report(DATA / "r01_ain_al_asad.txt", manifest=manifest).published == dt.date(2024, 1, 17)
    assert read_report(DATA / "r08_no_events.txt", published=dt.date(2020, 1, 1)).published == dt.date(2020, 1, 1)


def test_csv_manifest_is_read(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("file,title,published,outlet\nr01_ain_al_asad.txt,T,2024-01-17,Wire\n", encoding="utf-8")
    entry = load_manifest(path)["r01_ain_al_asad.txt"]
    assert entry["published"] == dt.date(2024, 1, 17) and entry["outlet"] == "Wire"


def test_a_bad_manifest_date_names_the_record(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("documents:\n  - {file: a.txt, published: yesterday}\n", encoding="utf-8")
    with pytest.raises(InputError, match="record 1"):
        load_manifest(path)


def test_directories_are_walked_for_report_files_only():
    found = [p.name for p in iter_report_paths([DATA])]
    assert "r01_ain_al_asad.txt" in found and "r11_page.html" in found and "r02_erbil_claim.md" in found
    assert "gold.yaml" not in found and "manifest.yaml" not in found
    assert found == sorted(found)
