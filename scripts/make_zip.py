#!/usr/bin/env python3
"""Make the offline bundle from the built site, without the browser editor (admin/).

    python scripts/make_zip.py site dist/networking-demystified.zip
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

EDITOR_DIR = "admin"


def make_zip(site: Path, out: Path) -> int:
    """Zip every file of `site` except the editor's folder; returns the number of files."""
    count = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site.rglob("*")):
            relative = path.relative_to(site)
            if relative.parts[0] == EDITOR_DIR or not path.is_file():
                continue
            archive.write(path, relative.as_posix())
            count += 1
    return count


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("Usage: python scripts/make_zip.py SITE_DIR OUT.zip")
    make_zip(Path(sys.argv[1]), Path(sys.argv[2]))
