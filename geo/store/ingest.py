"""Incremental, idempotent ingest: new events join the store, or merge into what it holds.

For each input (in the order given; the reports of one run together, merged across each
other first as ``geo build --reports`` merges them):

1. an input whose SHA-256 the manifest already lists is skipped — the same file twice
   adds nothing;
2. an event whose id is already stored (or staged by an earlier input of the run) is a
   duplicate;
3. an event that the merge rules call the same as a stored one (same attacker side,
   compatible types, dates within two days, compatible places, no report in common)
   merges into the closest such event: sources added, ``disputed`` updated;
4. the rest are added.

Candidates are looked for only in the months the new events' dates (±2 days) touch, so
only those partitions are read; only files that lose a merged row are rewritten, and new
rows go to a new file in their month.  New files are written beside the old ones and
the manifest is switched with one ``os.replace``: an interrupted ingest leaves the store
as it was.  Files the new manifest no longer lists are deleted after the switch.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from geo.exc import GeoError
from geo.store.manifest import Ingested, Manifest, PartFile, StoreError, utc_now
from geo.store.store import Store, open_store

__all__ = ["IngestSummary", "ingest", "merge_into"]

#: A month holding more files than this is compacted into one on the next ingest touching it.
MAX_FILES_PER_MONTH = 8
_TRIES_PER_EVENT = 20
#: Where an ingest writes its new files before moving them into ``events/``.
STAGING = ".incoming"
DUPLICATE, ADDED, MERGED = 0, 1, 2


@dataclass
class IngestSummary:
    inputs: list[Ingested] = field(default_factory=list)
    skipped: int = 0  # inputs already ingested
    failed: int = 0  # inputs that could not be read
    events: int = 0  # events in the store afterwards

    counts: list[int] = field(default_factory=lambda: [0, 0, 0])  # by outcome, over events

    def count(self, outcome: Any) -> None:
        import numpy as np

        for what in (DUPLICATE, ADDED, MERGED):
            self.counts[what] += int(np.sum(outcome == what))

    def totals(self) -> tuple[int, int, int]:
        """(added, merged, already stored) events of the run (a merged event of several
        reports counts once, though each report's log entry counts it)."""
        return self.counts[ADDED], self.counts[MERGED], self.counts[DUPLICATE]

    def line(self) -> str:
        added, merged, dup = self.totals()
        n = len(self.inputs)
        text = (f"ingested {n} input{'s' if n != 1 else ''}: {added} event{'s' if added != 1 else ''} "
                f"added, {merged} merged into stored events, {dup} already stored")
        if self.skipped:
            text += f"; {self.skipped} input{'s' if self.skipped != 1 else ''} already ingested"
        if self.failed:
            text += f"; {self.failed} skipped as unreadable"
        return text + f"; the store holds {self.events} events"


def ingest(directory: str | os.PathLike[str], sources: Iterable[str | os.PathLike[str]], *,
           on_message: Callable[[str], None] = lambda _m: None, published: dt.date | None = None,
           report_manifest: str | os.PathLike[str] | None = None) -> IngestSummary:
    """Take ``sources`` (files or directories) into the store in ``directory``."""
    from geo.store.inputs import discover, read_events_input, read_reports

    store = open_store(directory)
    summary = IngestSummary()
    failed: list[str] = []

    def bad(message: str) -> None:
        failed.append(message)
        on_message(message)

    with _locked(store.root):
        store = open_store(directory)  # re-read under the lock
        staging = _Staging(store)
        seen = store.manifest.hashes()
        todo = []
        for inp in discover(sources, bad):
            if inp.sha256 in seen:
                summary.skipped += 1
                on_message(f"{inp.path}: already ingested; skipped")
                continue
            seen.add(inp.sha256)
            todo.append(inp)
        reports = [i for i in todo if i.kind == "report"]
        for inp in todo:
            if inp.kind == "report":
                continue
            snapshot, tag = staging.snapshot(), staging.new_tag()
            try:
                kind, batches, unique = read_events_input(inp, on_message)
                outcomes = [staging.add(batch, tag, unique_ids=unique) for batch in batches]
                for outcome in outcomes:
                    summary.count(outcome)
            except GeoError as err:
                staging.restore(snapshot)  # nothing of a file that fails half-way
                bad(f"{err}; skipped")
                continue
            summary.inputs.append(_record(inp, kind, outcomes))
        if reports:
            read, table, told = read_reports(reports, bad, published=published,
                                             manifest=report_manifest)
            outcome = staging.add(table, staging.new_tag()) if table is not None else None
            if outcome is not None:
                summary.count(outcome)
            summary.inputs.extend(_report_records(read, table, outcome, told))
        summary.failed = len(failed)
        if summary.inputs:
            manifest = staging.commit(summary.inputs)
            summary.events = manifest.events
        else:
            summary.events = store.manifest.events
    return summary


def _record(inp: Any, kind: str, outcomes: list[Any]) -> Ingested:
    import numpy as np

    outcome = np.concatenate(outcomes) if outcomes else np.empty(0, np.int8)
    return Ingested(input=str(inp.path), sha256=inp.sha256, kind=kind, at=utc_now(),
                    events=len(outcome), added=int(np.sum(outcome == ADDED)),
                    merged=int(np.sum(outcome == MERGED)), duplicates=int(np.sum(outcome == DUPLICATE)))


def _report_records(read: list[Any], table: Any, outcome: Any, told: dict[str, int]) -> list[Ingested]:
    """One log entry per report; a merged event counts for every report it cites."""
    counts = {i.path.name: [0, 0, 0] for i in read}
    if table is not None:
        for sources, what in zip(table.column("sources").to_pylist(), outcome.tolist()):
            for doc in {s.get("doc") for s in json.loads(sources or "[]")}:
                if doc in counts:
                    counts[doc][what] += 1
    now = utc_now()
    return [Ingested(input=str(i.path), sha256=i.sha256, kind="report", at=now,
                     events=told.get(i.path.name, 0), added=counts[i.path.name][ADDED],
                     merged=counts[i.path.name][MERGED], duplicates=counts[i.path.name][DUPLICATE])
            for i in read]


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    import fcntl

    with open(root / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{root}: another ingest is writing to this store; try again "
                             "when it has finished") from None
        yield


class _Staging:
    """The store as the run changes it: files as they were, rows dropped, rows added."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.files: dict[str, list[PartFile]] = {m: list(fs) for m, fs in store.manifest.partitions.items()}
        self.loaded: dict[str, Any] = {}  # path → full table of a stored file that was read
        self.keep: dict[str, Any] = {}  # path → mask of its rows still in the store
        # month → [(input tag, new rows in query order)]
        self.staged: dict[str, list[tuple[int, Any]]] = {}
        self._tags = 0

    def new_tag(self) -> int:
        """A tag for one input's staged rows: they are never merged with each other."""
        self._tags += 1
        return self._tags

    def snapshot(self) -> tuple[Any, ...]:
        return dict(self.keep), {m: list(v) for m, v in self.staged.items()}

    def restore(self, snap: tuple[Any, ...]) -> None:
        self.keep, self.staged = dict(snap[0]), {m: list(v) for m, v in snap[1].items()}

    # --- reading the neighbourhood ---------------------------------------------------

    def _pieces(self, months: set[str], tag: int) -> tuple[list[tuple[str, Any, Any]], list[Any]]:
        """Rows still current in ``months``: (month, file path or staged index, table) of
        the store and of other inputs (merge candidates), and the tables this input
        staged already (for duplicates only)."""
        out, own = [], []
        for m in sorted(months):
            for f in self.files.get(m, []):
                if f.path not in self.loaded:
                    self.loaded[f.path] = self.store.read_part(f)
                    self.keep[f.path] = None
                t = self.loaded[f.path]
                mask = self.keep[f.path]
                out.append((m, f.path, t if mask is None else t.filter(mask)))
            for i, (t_tag, t) in enumerate(self.staged.get(m, [])):
                if t_tag == tag:
                    own.append(t)
                else:
                    out.append((m, i, t))
        return out, own

    def _months_near(self, table: Any) -> set[str]:
        import numpy as np

        from geo.store.files import UNDATED

        existing = set(self.files) | set(self.staged)
        existing.discard(UNDATED)
        if not existing:
            return set()
        d = table.column("event_date").to_numpy(zero_copy_only=False).astype("datetime64[D]")
        lo = _first_of(table, "date_start", d) - np.timedelta64(2, "D")
        hi = _first_of(table, "date_end", d) + np.timedelta64(2, "D")
        dated = ~np.isnat(d)
        lo_m = lo[dated].astype("datetime64[M]").astype(np.int64)
        hi_m = hi[dated].astype("datetime64[M]").astype(np.int64)
        spans = np.unique(np.stack([lo_m, hi_m], axis=1), axis=0) if len(lo_m) else []
        months = {str(np.datetime64(int(m), "M")) for a, b in spans for m in range(a, b + 1)}
        return months & existing

    # --- adding a batch --------------------------------------------------------------

    def add(self, table: Any, tag: int, *, unique_ids: bool = False) -> Any:
        """Stage a batch of one input's events (``tag``); each row's outcome.

        ``unique_ids`` says the input's ids are known to be unique, so this batch need
        not be checked against the input's earlier batches.
        """
        import numpy as np
        import pyarrow as pa

        outcome = np.full(table.num_rows, ADDED, dtype=np.int8)
        if not unique_ids:
            outcome[~_first_occurrences(table.column("id"))] = DUPLICATE
        pieces, own = self._pieces(self._months_near(table), tag)
        for t in [*([] if unique_ids else own), *(p[2] for p in pieces)]:
            outcome[_known(table, t)] = DUPLICATE
        if pieces:
            stored = pa.concat_tables([p[2] for p in pieces])
            fresh = np.flatnonzero(outcome == ADDED)
            merged = self._merge(table.take(pa.array(fresh)), stored, fresh, outcome)
            self._drop(pieces, merged)
            if merged:
                from geo.frame import to_frame
                from geo.store.files import frame_table

                self._stage(frame_table(to_frame(list(merged.values())), "merged events"), tag)
        self._stage(table.filter(pa.array(outcome == ADDED)), tag)
        return outcome

    def _merge(self, new: Any, stored: Any, positions: Any, outcome: Any) -> dict[int, Any]:
        """Merge new events into stored ones; stored row → its merged event."""
        import numpy as np

        from geo.extract.merge import same_event
        from geo.store.matching import candidate_pairs

        ii, jj = candidate_pairs(new, stored)
        merged: dict[int, Any] = {}
        if not len(ii):
            return merged
        starts = np.flatnonzero(np.r_[True, ii[1:] != ii[:-1]])
        ends = np.r_[starts[1:], len(ii)]
        for a, b in zip(starts, ends):
            ev = _event(new, int(ii[a]))
            docs = {s.doc for s in ev.sources}
            for j in jj[a:min(b, a + _TRIES_PER_EVENT)].tolist():
                cur = merged.get(j) or _event(stored, j)
                if docs & {s.doc for s in cur.sources} or not same_event(cur, ev):
                    continue
                merged[j] = merge_into(cur, ev)
                outcome[positions[ii[a]]] = MERGED
                break
        return merged

    def _drop(self, pieces: list[tuple[str, str | None, Any]], rows: dict[int, Any]) -> None:
        """Remove stored rows (positions in the concatenated pieces) that were merged."""
        import numpy as np
        import pyarrow as pa

        if not rows:
            return
        gone = np.array(sorted(rows), dtype=np.int64)
        offset = 0
        for month, path, t in pieces:
            n = t.num_rows
            local = gone[(gone >= offset) & (gone < offset + n)] - offset
            offset += n
            if not len(local):
                continue
            if isinstance(path, int):  # rows staged by an earlier input of this run
                keep = np.ones(n, dtype=bool)
                keep[local] = False
                tag = self.staged[month][path][0]
                self.staged[month][path] = (tag, t.filter(pa.array(keep)))
                continue
            mask = self.keep[path]
            full = np.ones(self.loaded[path].num_rows, dtype=bool) if mask is None \
                else mask.to_numpy(zero_copy_only=False).copy()
            full[np.flatnonzero(full)[local]] = False
            self.keep[path] = pa.array(full)

    def _stage(self, table: Any, tag: int) -> None:
        """Add rows to their months' staged tables, each sorted for queries (one sort)."""
        import numpy as np
        import pyarrow as pa

        from geo.store.files import month_codes, month_name, query_order

        if not table.num_rows:
            return
        order = query_order(table)
        table = table.take(pa.array(order))
        code = month_codes(table)
        cuts = np.flatnonzero(np.r_[True, code[1:] != code[:-1]])
        for a, b in zip(cuts, np.r_[cuts[1:], len(code)]):
            self.staged.setdefault(month_name(code[a]), []).append((tag, table.slice(int(a), int(b - a))))

    # --- the switch ------------------------------------------------------------------

    def commit(self, log: list[Ingested]) -> Manifest:
        import pyarrow as pa

        from geo.store.files import write_part

        root = self.store.root
        staging = root / STAGING
        shutil.rmtree(staging, ignore_errors=True)
        written: list[tuple[Path, Path]] = []
        touched = set(self.staged) | {self._month_of(p) for p, m in self.keep.items() if m is not None}
        files = {m: list(fs) for m, fs in self.files.items()}
        for month in sorted(touched):
            current = files.get(month, [])
            changed = [f for f in current if self.keep.get(f.path) is not None]
            kept = [f for f in current if f not in changed]
            tables = [t for _, t in self.staged.get(month, [])]
            presorted = len(tables) == 1 and not changed
            tables += [self.loaded[f.path].filter(self.keep[f.path]) for f in changed]
            if len(kept) + 1 > MAX_FILES_PER_MONTH:
                tables += [self.store.read_part(f) for f in kept]
                kept, presorted = [], False
            rows = pa.concat_tables(tables) if tables else None
            if rows is not None and rows.num_rows:
                part, tmp = write_part(rows, root, month, staging, presorted=presorted)
                kept.append(part)
                written.append((tmp, root / part.path))
            if kept:
                files[month] = kept
            else:
                files.pop(month, None)
        old = self.store.manifest
        manifest = replace(old, updated=utc_now(), partitions=files,
                           ingested=[*old.ingested, *log])
        for tmp, dest in written:  # fresh names: no file a reader uses is replaced
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, dest)
        manifest.save(root)  # the switch
        shutil.rmtree(staging, ignore_errors=True)
        collect_garbage(root, manifest)
        return manifest

    def _month_of(self, path: str) -> str:
        return next(m for m, fs in self.files.items() if any(f.path == path for f in fs))


def collect_garbage(root: Path, manifest: Manifest) -> int:
    """Delete files under ``events/`` the manifest does not list (old or half-written)."""
    listed = {os.path.normpath(root / f.path) for f in manifest.files}
    removed = 0
    events = root / "events"
    if not events.is_dir():
        return 0
    for dirpath, dirnames, filenames in os.walk(events, topdown=False):
        for name in filenames:
            p = os.path.normpath(os.path.join(dirpath, name))
            if p not in listed and name.endswith((".parquet", ".tmp")):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(p)
                    removed += 1
        with contextlib.suppress(OSError):
            if dirpath != str(events):
                os.rmdir(dirpath)  # only succeeds when empty
    return removed


def merge_into(stored: Any, new: Any) -> Any:
    """``new`` merged into ``stored`` by the merge rules, keeping ``stored``'s earlier claims.

    ``merge_group`` sees only the two events, so for a field ``stored`` already disputed
    among its own reports the claims it holds stand and the new report's claims are added.
    """
    from geo.extract.merge import _by, _value, merge_group
    from geo.model import Claim

    merged = merge_group([stored, new])
    disputed = {k: tuple(v) for k, v in stored.disputed.items()}
    for name, claims in new.disputed.items():
        disputed.setdefault(name, tuple(claims))
    for name, claims in merged.disputed.items():
        if name not in stored.disputed and name not in new.disputed:
            disputed[name] = tuple(claims)
    for name in stored.disputed:  # a field already in dispute: the new report's say joins
        value = _value(new, name)
        said = {c.doc for c in disputed[name]}
        if value is not None:
            disputed[name] += tuple(Claim(value, s.doc, _by(new, s)) for s in new.sources
                                    if s.doc not in said)
    return replace(merged, disputed=disputed, id="")


def _event(table: Any, k: int) -> Any:
    """Row ``k`` of a store table as a validated Event."""
    from geo.model import Event

    rec = table.slice(k, 1).to_pylist()[0]
    geom = rec.pop("geometry")
    if geom is not None:
        rec["lon"], rec["lat"] = geom["x"], geom["y"]
    return Event.from_dict(rec)


def _known(table: Any, other: Any) -> Any:
    """Mask of the rows of ``table`` whose id is in ``other``."""
    import pyarrow.compute as pc

    known = pc.is_in(table.column("id"), value_set=other.column("id").combine_chunks())
    return pc.fill_null(known, False).to_numpy(zero_copy_only=False)


def _first_of(table: Any, name: str, fallback: Any) -> Any:
    import numpy as np

    v = table.column(name).to_numpy(zero_copy_only=False).astype("datetime64[D]")
    return np.where(np.isnat(v), fallback, v)


def _first_occurrences(ids: Any) -> Any:
    """Mask of rows whose id has not appeared earlier in the column."""
    import numpy as np
    import pyarrow.compute as pc

    if pc.count_distinct(ids).as_py() == len(ids):
        return np.ones(len(ids), dtype=bool)
    codes = ids.combine_chunks().dictionary_encode().indices.to_numpy(zero_copy_only=False)
    first = np.zeros(len(codes), dtype=bool)
    _, idx = np.unique(codes, return_index=True)
    first[idx] = True
    return first
