"""Runs the JavaScript rule tests (`node --test tests/js/`) so `make test` covers both sides."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_javascript_rules_pass_the_shared_cases():
    assert shutil.which("node"), "Node.js is missing: the browser's rule evaluator is tested with it"
    result = subprocess.run(["node", "--test", "tests/js/"], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
