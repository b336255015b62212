"""Running review servers for the `geo review` tests: in a thread, or as the real CLI.

Both listen on 127.0.0.1 on a free port.  The CLI one is a separate process, so a test
can kill it mid-session (SIGKILL: no clean-up) and start it again on the same file.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import uvicorn

from geo.review import DecisionStore, ReviewDesk
from geo.review.server import bind_socket, create_app

REPORTS = Path(__file__).resolve().parent / "data" / "review"


def copy_reports(dest: Path) -> Path:
    """The review test reports, copied where a test may change them."""
    shutil.copytree(REPORTS, dest, ignore=shutil.ignore_patterns("README"))
    return dest


def extracted(paths: list[Path]) -> tuple[list, dict[str, str]]:
    from geo.review.inputs import load_inputs

    got = load_inputs(paths)
    return got.events, got.texts


class ThreadServer:
    """uvicorn serving a desk over ``events`` in a thread of this process."""

    def __init__(self, events, texts, decisions: Path, token: str | None = None,
                 reviewer: str = "tester") -> None:
        self.store = DecisionStore(decisions)
        self.desk = ReviewDesk(events, self.store, texts, reviewer=reviewer)
        self.app = create_app(self.desk, token=token)
        self.sock = bind_socket("127.0.0.1", 0)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)

    def __enter__(self) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("review server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


class CliServer:
    """`geo review ARGS --port 0 --no-browser` as a child process; ``url`` once it listens."""

    def __init__(self, *args: str, cwd: Path | None = None, browser: str | None = None) -> None:
        """``browser``: a command for Python's webbrowser module ($BROWSER) instead of
        --no-browser."""
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        if browser is not None:
            env["BROWSER"] = browser
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from geo.cli import main; main()", "review", *args,
             "--port", "0", *(() if browser is not None else ("--no-browser",))],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
        self.lines: list[str] = []
        self.url = ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError(f"geo review exited: {self.proc.stderr.read()}")
            self.lines.append(line)
            m = re.search(r"open (http://\S+)", line)
            if m:
                self.url = m.group(1).rstrip("/")
                break
        self._wait_listening()

    def _wait_listening(self) -> None:
        import httpx

        for _ in range(200):
            try:
                httpx.get(self.url.split("?")[0].rstrip("/") + "/api/meta", timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.05)
        raise RuntimeError("geo review did not answer")

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to flush or clean anything up."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        for stream in (self.proc.stdout, self.proc.stderr):
            stream.close()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for stream in (self.proc.stdout, self.proc.stderr):
            if not stream.closed:
                stream.close()


def many_events_file(path: Path, n: int) -> Path:
    """An events file of ``n`` distinct events (each its own report and sentence), made by
    varying the events of the review reports: the 5,000-event page test and benchmark."""
    import dataclasses
    import random

    from geo.export.geojson import write_geojson

    base, _ = extracted([REPORTS])
    rng = random.Random(7)
    out = []
    for i in range(n):
        ev = base[i % len(base)]
        src = tuple(dataclasses.replace(s, doc=f"synthetic-{i:05d}.txt", quote=f"{s.quote} ({i})")
                    for s in ev.sources)
        out.append(dataclasses.replace(ev, id="", sources=src, confidence=round(rng.random(), 2)))
    write_geojson(out, path)
    return path
