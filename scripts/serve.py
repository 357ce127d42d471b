#!/usr/bin/env python3
"""Preview the course: `make serve` (or `make serve PORT=8001`).

Checks that the port is free (a plain message if not), builds the worksheets, saying so, then
runs `mkdocs serve`, which rebuilds and reloads the page when a file is saved.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from course.messages import SERVE_STEPS  # noqa: E402
from course.report import format_message  # noqa: E402

HOST = "127.0.0.1"


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


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
    print(SERVE_STEPS["worksheets"], flush=True)
    built = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_worksheets.py"), "--quiet",
                            "--out", str(ROOT / "docs" / "printables" / "pdf")], cwd=ROOT)
    if built.returncode != 0:
        return built.returncode
    print(SERVE_STEPS["site"].format(url=f"http://{HOST}:{port}"), flush=True)
    mkdocs = [str(bin_dir / "mkdocs"), "serve", "--dev-addr", f"{HOST}:{port}"]
    try:
        return subprocess.run(mkdocs, cwd=ROOT, env={**os.environ}).returncode
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
