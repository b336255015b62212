"""Atomic file writes: a reader never sees a half-written file.

Every output of the tool goes through :func:`atomic_path`: the data is written to a
temporary file in the destination's own directory (so the final ``os.replace`` is a
rename on one file system), and the destination is replaced only once the new file is
complete.  An error or an interrupt leaves the old file untouched and no temporary behind.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from geo.exc import ExportError

__all__ = ["atomic_path", "write_text_atomic", "write_bytes_atomic"]


@contextlib.contextmanager
def atomic_path(dest: str | os.PathLike[str], suffix: str | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``dest``; rename it onto ``dest`` on success.

    Writers that insist on a file name (GDAL drivers, pyarrow) write to the yielded path.
    The suffix defaults to the destination's so format detection by extension still works.
    """
    dest = Path(dest)
    parent = dest.parent if str(dest.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{dest.name}.", suffix=suffix if suffix is not None else dest.suffix,
            dir=parent,
        )
    except OSError as err:
        raise ExportError(f"cannot write {dest}: {err.strerror or err}") from err
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # writers create it themselves; some (GDAL) refuse an existing file
    try:
        yield tmp
        if not tmp.exists():
            raise ExportError(f"cannot write {dest}: the writer produced no file")
        os.replace(tmp, dest)
    except OSError as err:
        raise ExportError(f"cannot write {dest}: {err.strerror or err}") from err
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_bytes_atomic(dest: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``dest`` with ``data`` in one step."""
    with atomic_path(dest) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())


def write_text_atomic(dest: str | os.PathLike[str], text: str) -> None:
    """Replace ``dest`` with UTF-8 ``text`` in one step."""
    write_bytes_atomic(dest, text.encode("utf-8"))
