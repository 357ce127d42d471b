#!/usr/bin/env python3
"""Write the browser editor's configuration, admin/config.yml, from the exercise model.

    python scripts/write_cms_config.py           write it (what `make cms-config` runs)
    python scripts/write_cms_config.py --check   only say whether it is in step with the model
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from course.cms_config import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
