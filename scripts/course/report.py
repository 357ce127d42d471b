"""The one reporter: every problem is printed here, in the same words, wherever it was found.

Text format (for people):

    exercises/thank-you-note.yml:12:3: error [missing-field] "label" is missing from part 2.
        Add a line "label: ...". The exercise file reference shows an example.
        More help: docs/editing/checker.md#missing-field

The last line points at the section of the editing guide that explains the message. It is a
path inside the project, so a counsellor can open it in the editor they already use (the
heading there ends with `{ #missing-field }`, easy to search for).

GitHub format (for the automatic checks on a pull request): one `::error` or `::warning`
line per problem, which GitHub shows beside the line in the changed file. The hint and the
link follow the message on lines of their own.
"""

from __future__ import annotations

from .messages import MESSAGES
from .problems import Problem

DOCS_DIR = "docs/"
"""Where the guide pages named in `messages.MESSAGES` live, from the project root."""
MORE_HELP = "More help: {link}"


def location(problem: Problem) -> str:
    """`path:line:col`, leaving out what is unknown."""
    where = problem.path
    if problem.line:
        where += f":{problem.line}"
        if problem.col:
            where += f":{problem.col}"
    return where


def guide_link(code: str, site_url: str = "") -> str:
    """The guide section that explains `code`, as a path from the project root with its
    anchor, for example "docs/editing/checker.md#yaml-tab"; "" for an unknown code.
    With `site_url`, the address of that section on the published site instead, for example
    "https://example.org/course/editing/checker.html#yaml-tab" (the site's pages end in .html)."""
    entry = MESSAGES.get(code)
    if not entry or not entry.guide_anchor:
        return ""
    if site_url:
        page, _, anchor = entry.guide_anchor.partition("#")
        page = page[:-3] + ".html" if page.endswith(".md") else page
        return f"{site_url.rstrip('/')}/{page}" + (f"#{anchor}" if anchor else "")
    return DOCS_DIR + entry.guide_anchor


def _help_lines(problem: Problem, site_url: str = "") -> list[str]:
    """The hint and the "More help" link, whichever there are."""
    lines = [problem.hint] if problem.hint else []
    link = guide_link(problem.code, site_url)
    if link:
        lines.append(MORE_HELP.format(link=link))
    return lines


def format_problem(problem: Problem, hint: bool = True) -> str:
    """One problem as text: the location, level, code and message, then the hint and the
    guide link, each indented on a line of its own. The MkDocs build prints exactly this as a
    warning. `hint=False` gives the first line only."""
    text = f"{location(problem)}: {problem.level} [{problem.code}] {problem.message}"
    if hint:
        text += "".join(f"\n    {line}" for line in _help_lines(problem))
    return text


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problem: Problem, site_url: str = "") -> str:
    """One problem as a GitHub Actions annotation: the message, then the hint and the guide
    link on lines of their own (GitHub shows the line breaks). With `site_url`, the link goes
    to the published help page, which a counsellor reading a pull request can open."""
    props = [f"file={_escape_property(problem.path)}"]
    if problem.line:
        props.append(f"line={problem.line}")
        if problem.col:
            props.append(f"col={problem.col}")
    text = "\n".join([f"[{problem.code}] {problem.message}"] + _help_lines(problem, site_url))
    return f"::{problem.level} {','.join(props)}::{_escape_data(text)}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def summary(problems: list[Problem], files_checked: int) -> str:
    """"3 errors, 1 warning in 2 files", or "No problems found in 40 files."."""
    if not problems:
        return f"No problems found in {_count(files_checked, 'file')}."
    errors = sum(1 for p in problems if p.level == "error")
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    counts = [_count(errors, "error")] if errors else []
    if warnings:
        counts.append(_count(warnings, "warning"))
    return f"{', '.join(counts)} in {_count(files, 'file')}."


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """By file, then line and column; the same problem reported twice is kept once."""
    return sorted(set(problems), key=lambda p: p.sort_key)


def render_report(problems: list[Problem], files_checked: int, format: str = "text",
                  site_url: str = "") -> str:
    """The whole report: text starts with the summary, then every problem (and repeats the
    summary after a long list); github prints the annotations, then the summary."""
    ordered = sort_problems(problems)
    if format == "github":
        return "\n".join([format_github(p, site_url) for p in ordered] + [summary(ordered, files_checked)])
    lines = [summary(ordered, files_checked)]
    lines += [format_problem(p) for p in ordered]
    if len(ordered) > 10:  # a long list scrolls the first line away; say it again at the end
        lines.append(lines[0])
    return "\n".join(lines)
