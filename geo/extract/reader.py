"""Reading reports: files, directories and stdin in, clean article text and metadata out.

A report arrives as plain text, Markdown with YAML front matter, or an HTML page, in UTF-8
(with or without a BOM) or Windows-1252.  Everything downstream works on one clean text
(newlines normalised, page furniture such as "Related Posts" dropped); the character
offsets in each event's ``sources`` point into that text.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from geo.exc import ExtractionError, InputError

__all__ = [
    "REPORT_SUFFIXES",
    "Report",
    "decode",
    "iter_report_paths",
    "load_manifest",
    "read_report",
    "read_text",
]

REPORT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text")
_MAX_BYTES = 20_000_000

_MAGIC = {
    b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive", b"\x7fELF": "an executable", b"\xd0\xcf\x11\xe0": "an Office document",
}

# Lines that belong to the web page around an article, not to the article.
_FURNITURE = re.compile(
    r"^\s*(?:related posts?|related articles?|related stories|read more\b.*|more stories|"
    r"please enter your (?:comment|name|email)[^\n]*|leave a (?:reply|comment)[^\n]*|"
    r"(?:photo |image )?credits?:.*|share this(?: article)?:?|share on \w+|"
    r"subscribe(?: to)? [^\n]{0,60}|sign up for [^\n]{0,80}|advertisement|you may also like|"
    r"click here [^\n]{0,80}|all rights reserved[^\n]*|©[^\n]*|copyright ©?[^\n]{0,80}|"
    r"follow us on [^\n]{0,60}|tags?:[^\n]{0,200})\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Report:
    """One report, read: its clean text and what we know about where it came from."""

    doc: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    path: str | None = None
    warnings: tuple[str, ...] = ()


def decode(data: bytes, name: str = "input") -> str:
    """Bytes → text: UTF-8 (BOM or not), else Windows-1252; binary input is refused."""
    if not data or not data.strip():
        raise ExtractionError(f"{name}: empty file (expected a news report as text, Markdown or HTML)")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ExtractionError(f"{name}: binary file ({what}); expected a .txt, .md or .html report")
    head = data[:8192]
    if b"\x00" in head:
        raise ExtractionError(f"{name}: binary file (contains NUL bytes); expected a text report")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ExtractionError(f"{name}: not UTF-8 or Windows-1252 text") from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 50):
        raise ExtractionError(f"{name}: binary file (control characters); expected a text report")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


def _parse_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    m = re.match(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", text, re.DOTALL)
    if not m:
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError:
        return {}, text
    return (meta if isinstance(meta, dict) else {}), text[m.end():]


def _strip_markdown(text: str) -> str:
    text = re.sub(r"^\s{0,3}#{1,6}\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.MULTILINE)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)


def _html_to_text(html: str, name: str) -> tuple[str, dict[str, Any]]:
    """Article text of a web page (trafilatura drops menus, comments and footers)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True,
                               favor_precision=True, deduplicate=False) or ""
    if not text.strip():
        raise ExtractionError(f"{name}: no article text found in the HTML page")
    meta: dict[str, Any] = {}
    try:
        doc = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - metadata is a bonus; a broken head must not stop us
        doc = None
    if doc is not None:
        meta = {"title": doc.title, "outlet": doc.sitename, "published": doc.date, "url": doc.url}
    return text, meta


def _drop_furniture(text: str) -> str:
    lines = text.split("\n")
    kept = ["" if _FURNITURE.match(line) else line for line in lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")


def _guess_title(text: str) -> tuple[str | None, str]:
    """A first line without final punctuation, followed by a blank line, is a headline."""
    m = re.match(r"\A\s*([^\n]{3,200})\n\s*\n", text)
    if m and not re.search(r"[.!:;,]$", m.group(1).strip()):
        title = m.group(1).strip()
        rest = text[m.end():]
        # Some pages repeat the headline as the first line of the body.
        rest = re.sub(r"\A\s*" + re.escape(title) + r"[ \t]*\n", "", rest)
        return title, rest
    return None, text


def read_text(raw: str, *, doc: str, suffix: str = ".txt", published: dt.date | None = None,
              meta: Mapping[str, Any] | None = None, path: str | None = None) -> Report:
    """Turn decoded file content into a :class:`Report` (format chosen by ``suffix``)."""
    info: dict[str, Any] = {}
    suffix = suffix.lower()
    if suffix in (".html", ".htm") or re.match(r"\s*(<!doctype html|<html)", raw[:500], re.IGNORECASE):
        text, info = _html_to_text(raw, doc)
    else:
        info, text = _front_matter(raw)
        if suffix in (".md", ".markdown"):
            text = _strip_markdown(text)
        info = {("outlet" if k in ("source", "publisher", "site") else
                 "published" if k in ("date", "published_at", "pubdate") else k): v
                for k, v in info.items()}
    text = _drop_furniture(text)
    title_line, body = _guess_title(text)
    if title_line:
        text = title_line + "\n\n" + body.lstrip("\n")
    merged = {**{k: v for k, v in info.items() if v not in (None, "")},
              **{k: v for k, v in (meta or {}).items() if v not in (None, "")}}
    warnings = []
    if not re.search(r"[A-Za-z\u0600-\u06ff]{3}", text):
        raise ExtractionError(f"{doc}: no readable text (expected a news report)")
    if text.rstrip() and not re.search(r"[.!?\"'”’)\]|:]\s*$", text.rstrip()[-3:]):
        last = text.rstrip().rsplit("\n", 1)[-1]
        if len(last.split()) > 12:
            warnings.append(f"{doc}: text ends mid-sentence (truncated?)")
    return Report(
        doc=doc, text=text,
        title=str(merged.get("title")) if merged.get("title") else title_line,
        outlet=str(merged["outlet"]) if merged.get("outlet") else None,
        published=published or _parse_date(merged.get("published")),
        url=str(merged["url"]) if merged.get("url") else None,
        path=path, warnings=tuple(warnings),
    )


def read_report(path: str | os.PathLike[str], *, published: dt.date | None = None,
                manifest: Mapping[str, Mapping[str, Any]] | None = None) -> Report:
    """Read one report file ("-" is stdin).  Raises ExtractionError with a one-line reason."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        return read_text(decode(data, "<stdin>"), doc="stdin", published=published)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > _MAX_BYTES:
            raise ExtractionError(f"{p.name}: file too large ({size} bytes; a report is under 20 MB)")
        data = p.read_bytes()
    except IsADirectoryError:
        raise ExtractionError(f"{p}: is a directory") from None
    except FileNotFoundError:
        raise ExtractionError(f"{p}: no such file") from None
    except OSError as err:
        raise ExtractionError(f"{p}: cannot read ({err.strerror or err})") from None
    meta = _manifest_entry(manifest, p) if manifest else None
    return read_text(decode(data, p.name), doc=p.name, suffix=p.suffix, published=published,
                     meta=meta, path=str(p))


def _manifest_entry(manifest: Mapping[str, Mapping[str, Any]], p: Path) -> Mapping[str, Any] | None:
    return manifest.get(p.name) or manifest.get(p.stem)


def load_manifest(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """A manifest maps report files to metadata: YAML (``documents:`` list or mapping) or CSV."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise InputError(f"cannot read manifest {p}: {err.strerror or err}") from None
    rows: list[dict[str, Any]] = []
    if p.suffix.lower() == ".csv":
        rows = [dict(r) for r in csv.DictReader(io.StringIO(raw))]
    else:
        import yaml

        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError as err:
            raise InputError(f"manifest {p} is not valid YAML: {str(err).splitlines()[0]}") from None
        if isinstance(data, dict) and "documents" in data:
            data = data["documents"]
        if isinstance(data, dict):
            rows = [{"file": k, **(v if isinstance(v, dict) else {})} for k, v in data.items()]
        elif isinstance(data, list):
            rows = [r for r in data if isinstance(r, dict)]
        else:
            raise InputError(f"manifest {p}: expected a list of documents with 'file' and 'published'")
    out: dict[str, dict[str, Any]] = {}
    for i, row in enumerate(rows, 1):
        name = row.get("file") or row.get("doc") or row.get("path")
        if not name:
            raise InputError(f"manifest {p}, record {i}: needs 'file' (the report's file name)")
        pub = row.get("published") or row.get("date")
        parsed = _parse_date(pub)
        if pub and parsed is None:
            raise InputError(f"manifest {p}, record {i}: published {pub!r} is not a date (YYYY-MM-DD)")
        entry = {"title": row.get("title"), "outlet": row.get("outlet") or row.get("source"),
                 "published": parsed, "url": row.get("url")}
        base = os.path.basename(str(name))
        out[base] = entry
        out[base.rsplit(".", 1)[0]] = entry
    return out


def iter_report_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | str]:
    """Files as given, directories walked (sorted, lazily) for report files; "-" passes through."""
    for path in paths:
        if str(path) == "-":
            yield "-"
            continue
        p = Path(path)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    if f.lower().endswith(REPORT_SUFFIXES) and not f.startswith("."):
                        yield Path(root) / f
        else:
            yield p


def with_published(report: Report, published: dt.date | None) -> Report:
    return replace(report, published=published) if published else report
