"""New lessons join the menu by themselves.

A lesson made in the browser editor is a new file in docs/lessons/, and the editor cannot
change mkdocs.yml. So every lesson file the menu does not name yet is added to the menu's list
of lessons, in file-name order (the number at the start of the name sets the place), and a
strict build does not stop at "a page missing from the menu".
"""

from __future__ import annotations

LESSONS_DIR = "lessons/"


def _lesson_list(nav: list):
    """The menu list that holds the lesson pages (the first list naming one), or None."""
    for entry in nav:
        items = entry if isinstance(entry, list) else list(entry.values()) if isinstance(entry, dict) else []
        for item in items:
            if isinstance(item, list):
                if any(_name(x).startswith(LESSONS_DIR) for x in item):
                    return item
                found = _lesson_list(item)
                if found is not None:
                    return found
    return None


def _name(item) -> str:
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and len(item) == 1:
        value = next(iter(item.values()))
        return value if isinstance(value, str) else ""
    return ""


def nav_with_lessons(nav: list | None, lessons: list[str]) -> list | None:
    """`nav` with every lesson in `lessons` (paths inside docs/) that it lacks added to its
    list of lessons, each in file-name order; unchanged when there is no menu."""
    if not nav:
        return nav
    listed = _lesson_list(nav)
    if listed is None:
        return nav
    named = {_name(item) for item in listed}
    for lesson in sorted(set(lessons) - named):
        after = [i for i, item in enumerate(listed)
                 if _name(item).startswith(LESSONS_DIR) and _name(item) < lesson]
        listed.insert(after[-1] + 1 if after else 0, lesson)
    return nav
