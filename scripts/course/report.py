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

from .messages import CAUSED_BY_ABOVE, CAUSED_BY_FILE, MESSAGES, render, PUBLISHED_SITE, SUMMARY_HEADING, SUMMARY_NONE
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


def published_link(code: str, site_url: str = "") -> str:
    """The section of the published guide that explains `code`, for example
    "https://.../editing/checker.html#yaml-tab" (pages are `name.html`: the offline plugin
    turns directory addresses off); "" for an unknown code. The address is the course's own
    (`extra: course_url:` in mkdocs.yml) unless `site_url` names another."""
    return guide_link(code, site_url or PUBLISHED_SITE)


def _help_lines(problem: Problem, site_url: str = "") -> list[str]:
    """The hint and the "More help" link (a path in the project, or, with `site_url`, the
    published page), whichever there are."""
    lines = [problem.hint] if problem.hint else []
    link = guide_link(problem.code, site_url)
    if link:
        lines.append(MORE_HELP.format(link=link))
    return lines


def format_problem(problem: Problem, hint: bool = True, knock_on: bool = False) -> str:
    """One problem as text: the location, level, code and message, then the hint and the
    guide link, each indented on a line of its own. The MkDocs build prints exactly this as a
    warning. `hint=False` gives the first line only. `knock_on` adds a line that says the
    problem printed before it is probably the cause."""
    text = f"{location(problem)}: {problem.level} [{problem.code}] {problem.message}"
    if hint:
        lines = ([CAUSED_BY_ABOVE] if knock_on else []) + _help_lines(problem)
        text += "".join(f"\n    {line}" for line in lines)
    return text


def format_message(code: str, **fields) -> str:
    """A message about a command rather than a file (for example a busy port): the message,
    then the hint and the "More help" link on lines of their own."""
    message, hint, _ = render(code, **fields)
    link = guide_link(code)
    return "\n    ".join([message, hint] + ([MORE_HELP.format(link=link)] if link else []))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problem: Problem, knock_on: bool = False, site_url: str = "") -> str:
    """One problem as a GitHub Actions annotation: the message, then the hint and the link to
    the published guide (a counsellor reading a pull request can open it) on lines of their own
    (GitHub shows the line breaks)."""
    props = [f"file={_escape_property(problem.path)}"]
    if problem.line:
        props.append(f"line={problem.line}")
        if problem.col:
            props.append(f"col={problem.col}")
    text = "\n".join([f"[{problem.code}] {problem.message}"]
                     + ([CAUSED_BY_FILE.format(file=problem.cause)] if knock_on else [])
                     + _help_lines(problem, site_url or PUBLISHED_SITE))
    return f"::{problem.level} {','.join(props)}::{_escape_data(text)}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_summary(problems: list[Problem], files_checked: int) -> str:
    """Every problem as a Markdown table, for a pull request's job summary (GitHub shows at
    most 10 annotations a step; the summary lists them all), with links to the guide."""
    ordered = root_causes_first(problems)
    lines = [f"## {SUMMARY_HEADING}", "", summary([p for p, _ in ordered], files_checked)]
    if not ordered:
        return "\n".join(lines + ["", SUMMARY_NONE]) + "\n"
    lines += ["", "| Where | Problem | How to fix it |", "|---|---|---|"]
    for p, knock_on in ordered:
        link = published_link(p.code)
        fix = (CAUSED_BY_ABOVE + " " if knock_on else "") + p.hint
        lines.append(f"| `{_cell(location(p))}` | {p.level}: {_cell(p.message)} "
                     f"| {_cell(fix)}{f' [More help]({link})' if link else ''} |")
    return "\n".join(lines) + "\n"


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


def root_causes_first(problems: list[Problem]) -> list[tuple[Problem, bool]]:
    """Problems sorted by file and line, except knock-ons: a problem whose `cause` file has
    problems of its own in the list comes right after them, paired with True ("probably
    caused by the problem above"). A knock-on whose cause is not in the list keeps its place."""
    ordered = sort_problems(problems)
    roots = {p.path for p in ordered if not p.cause}
    knock_ons = [p for p in ordered if p.cause and p.cause in roots]
    main = [p for p in ordered if p not in knock_ons]
    result: list[tuple[Problem, bool]] = []
    for index, item in enumerate(main):
        result.append((item, False))
        if index + 1 == len(main) or main[index + 1].path != item.path:
            result += [(p, True) for p in knock_ons if p.cause == item.path]
    return result


def render_report(problems: list[Problem], files_checked: int, format: str = "text",
                  site_url: str = "") -> str:
    """The whole report: text starts with the summary, then every problem, each root cause
    before its knock-ons (and repeats the summary after a long list); github prints the
    annotations, then the summary."""
    ordered = root_causes_first(problems)
    if format == "github":
        return "\n".join([format_github(p, knock_on, site_url) for p, knock_on in ordered]
                         + [summary([p for p, _ in ordered], files_checked)])
    lines = [summary([p for p, _ in ordered], files_checked)]
    lines += [format_problem(p, knock_on=knock_on) for p, knock_on in ordered]
    if len(ordered) > 10:  # a long list scrolls the first line away; say it again at the end
        lines.append(lines[0])
    return "\n".join(lines)
