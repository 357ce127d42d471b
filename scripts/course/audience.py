"""Who a page is for: learners, or the counsellors who run workshops and edit the course.

Counsellor and editing pages stay in the menu, but a learner's search never lists them (and the
search index a learner's phone loads is smaller for it); the edit pencil shows only on them.
"""

from __future__ import annotations

STAFF_FOLDERS = ("counsellors/", "editing/")
STAFF_PAGES = ("sources.md", "printables.md")


def is_staff_page(src_uri: str) -> bool:
    """True for a counsellor or editing page (its path under docs/, such as editing/index.md)."""
    return src_uri.startswith(STAFF_FOLDERS) or src_uri in STAFF_PAGES


def mark_page(src_uri: str, meta: dict) -> None:
    """Set what the theme reads: `search: exclude` for Material's search plugin, and `staff`
    for the edit pencil (overrides/partials/actions.html). A page's own front matter wins."""
    if is_staff_page(src_uri):
        meta["staff"] = True
        search = meta.get("search") if isinstance(meta.get("search"), dict) else {}
        meta["search"] = {"exclude": True, **search}
