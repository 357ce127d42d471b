#!/usr/bin/env python3
"""Preview the course: `make serve` (or `make serve PORT=8001`).

Checks that the port is free (a plain message if not), then starts `mkdocs serve`, which
rebuilds and reloads the page when a file is saved. As soon as the preview answers, the
worksheets are built behind it, at low priority, with their progress in the terminal and on
the Printables page; the new PDFs join the site in one go when they are all made
(`course/pdf_publish.py`).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from course import pdf_publish  # noqa: E402
from course.messages import SERVE_STEPS  # noqa: E402
from course.report import format_message  # noqa: E402

HOST = "127.0.0.1"
PROGRESS_EVERY = 10.0
"""Seconds between two progress lines in the terminal."""
STARTUP_LIMIT = 120.0
"""Seconds to wait for the preview to answer before building the worksheets anyway."""
LINE = re.compile(r"^\[(\d+)/(\d+)\] ")


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def answers(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((HOST, port)) == 0


class Worksheets:
    """The worksheet build behind the preview: one process (and its workers) of our own."""

    def __init__(self, root: Path):
        self.root = root
        self.process: subprocess.Popen | None = None
        self.stopped = False
        self.lock = threading.Lock()
        """Held while starting or stopping the build, so a stop never misses it."""

    def run(self, server: subprocess.Popen, port: int) -> None:
        deadline = time.monotonic() + STARTUP_LIMIT
        while not answers(port) and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        if server.poll() is not None or self.stopped:
            return
        print(SERVE_STEPS["worksheets"], flush=True)
        pdf_publish.seed(self.root)
        command = [sys.executable, str(self.root / "scripts" / "build_worksheets.py"),
                   "--out", str(pdf_publish.staging(self.root))]
        with self.lock:
            if self.stopped:
                return
            self.process = subprocess.Popen(
                command, cwd=self.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                start_new_session=True, preexec_fn=lambda: os.nice(10))  # the preview comes first
        shown, lines = time.monotonic(), []
        for line in self.process.stdout:
            match = LINE.match(line)
            if self.stopped:
                break
            if not match:
                lines.append(line.rstrip("\n"))
                continue
            done, total = int(match.group(1)), int(match.group(2))
            pdf_publish.write_status(self.root, "building", done, total)
            if time.monotonic() - shown >= PROGRESS_EVERY or done == total:
                print(SERVE_STEPS["progress"].format(done=done, total=total), flush=True)
                shown = time.monotonic()
        if self.process.wait() != 0 or self.stopped:
            if not self.stopped:
                print("\n".join(lines), file=sys.stderr, flush=True)
                print(SERVE_STEPS["failed"], file=sys.stderr, flush=True)
                pdf_publish.write_status(self.root, "failed")
            return
        summary = next((line.split(": ", 1)[1] for line in lines if line.startswith("Worksheets: ")), "")
        pdf_publish.clear_status(self.root)  # before the PDFs arrive: the rebuild drops the note
        pdf_publish.publish(self.root)
        print(SERVE_STEPS["ready"].format(summary=summary), flush=True)

    def stop(self) -> None:
        with self.lock:
            self.stopped = True
            if self.process is not None and self.process.poll() is None:
                try:
                    os.killpg(self.process.pid, signal.SIGTERM)  # the build and its workers
                except ProcessLookupError:
                    pass
                self.process.wait()
        pdf_publish.clear_status(self.root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", default="8000")
    args = parser.parse_args(argv)
    if not args.port.isdigit() or not 1024 <= int(args.port) <= 65535:
        print(format_message("bad-port", port=args.port), file=sys.stderr)
        return 1
    port = int(args.port)
    if not port_is_free(port):
        other = next((p for p in range(port + 1, port + 20) if port_is_free(p)), port + 1)
        print(format_message("port-busy", port=port, other=other), file=sys.stderr)
        return 1
    bin_dir = Path(sys.executable).parent
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stopped: stop the worksheet build too
    print(SERVE_STEPS["site"].format(url=f"http://{HOST}:{port}"), flush=True)
    current = pdf_publish.up_to_date(ROOT)
    if current:
        pdf_publish.clear_status(ROOT)
    else:  # the Printables page of the first build already says the PDFs are on their way
        pdf_publish.write_status(ROOT, "building")
    mkdocs = [str(bin_dir / "mkdocs"), "serve", "--dev-addr", f"{HOST}:{port}"]
    server = subprocess.Popen(mkdocs, cwd=ROOT, env={**os.environ})
    worksheets = Worksheets(ROOT)
    if current:
        print(SERVE_STEPS["current"], flush=True)
    else:
        threading.Thread(target=worksheets.run, args=(server, port), daemon=True).start()
    try:
        return server.wait()
    except KeyboardInterrupt:
        server.wait()  # Ctrl+C reached mkdocs too
        return 0
    finally:
        worksheets.stop()


if __name__ == "__main__":
    sys.exit(main())
