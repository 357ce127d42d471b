"""Drafts: lessons and exercises marked `draft: true` are previewed but never published."""

from __future__ import annotations


def nav_without(nav: list | None, hidden: set[str]) -> list | None:
    """A copy of mkdocs.yml's `nav` without the entries that name a page in `hidden` (paths
    inside docs/). Sections that end up empty are left out too."""
    if nav is None:
        return None
    kept = []
    for item in nav:
        if isinstance(item, str):
            if item not in hidden:
                kept.append(item)
        elif isinstance(item, dict):
            entry = {}
            for title, value in item.items():
                if isinstance(value, list):
                    value = nav_without(value, hidden)
                    if value:
                        entry[title] = value
                elif value not in hidden:
                    entry[title] = value
            if entry:
                kept.append(entry)
    return kept
