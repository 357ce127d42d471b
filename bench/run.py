"""`make bench`: how fast and light the course is, side by side with plain Material for MkDocs.

Every timing is the median of RUNS runs after a warm-up, with min and max; where two things are
compared, their runs alternate in the same session so that both see the same machine.
Prints a table and writes bench/results.json; `--readme` also rewrites the table in bench/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
PYTHON = sys.executable
RUNS = 5
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
COPIED = ["docs", "exercises", "workshops", "overrides", "scripts", "mkdocs.yml"]
PITCH_LESSON = "lessons/05-elevator-speech.html"
EVERY_PLAN_EXERCISE = "share-what-you-know"
"""An exercise every workshop plan uses: changing it remakes its worksheets and every packet."""

BUDGETS = {
    "build_ratio": ("≤", 1.1),
    "check_seconds": ("<", 2.0),
    "worksheets_cold_seconds": ("≤", 15.0),
    "worksheets_warm_seconds": ("≤", 0.5),
    "worksheets_one_changed_seconds": ("≤", 10.0),
    "edit_loop_ratio": ("≤", 1.2),
    "page_gzip_ratio": ("≤", 1.1),
    "first_party_gzip_kb": ("≤", 15.0),
    "search_index_gzip_kb": ("<", 50.0),
    "scale_build_ratio": ("≤", 5.0),
    "scale_check_ratio": ("≤", 5.0),
    "serve_first_answer_seconds": ("≤", 15.0),
}
LIGHTHOUSE_BUDGET = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}


# --- helpers ------------------------------------------------------------------------------------

def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"`{' '.join(map(str, command))}` failed in {cwd}:\n{result.stdout}{result.stderr}")
    return elapsed


def summary(samples: list[float]) -> dict:
    return {"median": round(statistics.median(samples), 3), "min": round(min(samples), 3),
            "max": round(max(samples), 3), "runs": len(samples)}


def alternate(commands: dict[str, tuple[list[str], Path]], runs: int = RUNS) -> dict[str, dict]:
    """Time each command `runs` times after one warm-up, alternating between them."""
    samples = {name: [] for name in commands}
    for name, (command, cwd) in commands.items():
        timed(command, cwd)  # warm-up
    for _ in range(runs):
        for name, (command, cwd) in commands.items():
            samples[name].append(timed(command, cwd))
    return {name: summary(values) for name, values in samples.items()}


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "pdf"))
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


def bare_config(project: Path) -> Path:
    """The same Markdown and theme settings, without the project's hook, overrides, CSS and JS:
    plain Material for MkDocs. Exercise lines then show as plain text."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text().replace("!!python", "#"))
    for key in ("hooks", "extra_css", "extra_javascript", "watch"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    path = project / "mkdocs-bare.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StaticServer:
    """A built site served on 127.0.0.1 as a static host such as GitHub Pages serves it (text
    gzipped when the browser asks), in its own process, stopped on exit. Both sides of every
    comparison are served the same way."""

    def __init__(self, folder: Path):
        self.port = free_port()
        self.process = subprocess.Popen(
            [PYTHON, str(BENCH / "gzip_server.py"), str(self.port), str(folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{self.port}/"
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url, timeout=1)
                break
            except OSError:
                time.sleep(0.05)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)


# --- the measurements -------------------------------------------------------------------------

def bench_build(work: Path) -> dict:
    project = copy_project(work / "build")
    bare = bare_config(project)
    course = [PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(work / "site-course")]
    fresh = ["sh", "-c", 'rm -f .cache/checks.json && exec "$@"', "sh", *course[:-1], str(work / "site-fresh")]
    times = alternate({
        "course": (course, project),
        "bare": ([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(bare), "-d", str(work / "site-bare")], project),
        "fresh": (fresh, project),
    })
    return {**times, "build_ratio": round(times["course"]["median"] / times["bare"]["median"], 2),
            "fresh_ratio": round(times["fresh"]["median"] / times["bare"]["median"], 2)}


def bench_check() -> dict:
    times = alternate({
        "check": ([PYTHON, "scripts/check_exercises.py"], ROOT),
        "python_start": ([PYTHON, "-c", "import yaml"], ROOT),
    })
    return {**times, "check_seconds": times["check"]["median"]}


def bench_worksheets(work: Path) -> dict:
    """Every PDF from cold, with nothing changed, and with one exercise changed that every
    workshop plan uses (its worksheets and every packet must be made again). In a copy of
    the project, so the exercise file can be changed."""
    cold, warm, changed = [], [], []
    project = copy_project(work / "pdf-course")
    command = [PYTHON, str(project / "scripts" / "build_worksheets.py"), "--quiet"]
    exercise = project / "exercises" / f"{EVERY_PLAN_EXERCISE}.yml"
    original = exercise.read_text(encoding="utf-8")
    for run in range(3):  # a cold build is long: 3 runs
        out = work / f"pdf-{run}"
        cold.append(timed(command + ["--out", str(out)], project))
        warm.append(timed(command + ["--out", str(out)], project))
        exercise.write_text(original.replace("\ninstructions: ", f"\ninstructions: Change {run}. ", 1),
                            encoding="utf-8")
        changed.append(timed(command + ["--out", str(out)], project))
        exercise.write_text(original, encoding="utf-8")
    files = sorted((work / "pdf-0").glob("*.pdf"))
    sizes = [f.stat().st_size for f in files]
    return {"cold": summary(cold), "warm": summary(warm), "changed": summary(changed),
            "worksheets_cold_seconds": round(statistics.median(cold), 2),
            "worksheets_warm_seconds": round(statistics.median(warm), 3),
            "worksheets_one_changed_seconds": round(statistics.median(changed), 2),
            "files": len(files), "total_mb": round(sum(sizes) / 1e6, 1),
            "median_kb": round(statistics.median(sizes) / 1e3) if sizes else 0}


def bench_fresh_serve(work: Path) -> dict:
    """A fresh clone's `make serve` (packages installed, no PDFs yet): the time from starting
    scripts/serve.py to the preview answering on 127.0.0.1, and whether the Printables page
    then says the PDFs are still being made. Three runs, each stopped once it answers."""
    seconds, noted = [], []
    for run in range(3):
        project = copy_project(work / f"fresh-serve-{run}")
        port = free_port()
        start = time.perf_counter()
        process = subprocess.Popen([PYTHON, "scripts/serve.py", "--port", str(port)], cwd=project, env=ENV,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            while time.perf_counter() - start < 120:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    time.sleep(0.05)
            seconds.append(time.perf_counter() - start)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/printables.html", timeout=10) as response:
                noted.append("PDFs on their way" in response.read().decode("utf-8"))
        finally:
            os.killpg(process.pid, 15)  # serve.py stops the worksheet build it started
            process.wait(timeout=30)
    return {"first_answer": summary(seconds), "serve_first_answer_seconds": round(statistics.median(seconds), 2),
            "printables_note": all(noted)}


def bench_edit_loop(work: Path) -> dict:
    """Under `mkdocs serve`: from saving a lesson to the new text being served. The course and
    bare Material each serve their own copy of the project, both running at once, and the edits
    alternate between them, so both see the same machine."""
    lesson_path = "lessons/03-you-already-have-a-network"
    servers, samples = {}, {"course": [], "bare": []}
    try:
        for name in samples:
            project = copy_project(work / f"serve-{name}")
            extra = ["-f", str(bare_config(project))] if name == "bare" else []
            port = free_port()
            process = subprocess.Popen(
                [PYTHON, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *extra],
                cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            lesson = project / "docs" / f"{lesson_path}.md"
            servers[name] = (process, lesson, lesson.read_text(), f"http://127.0.0.1:{port}/{lesson_path}.html")
        for _, _, _, url in servers.values():
            wait_for(url, None, 120)
        for run in range(RUNS + 1):
            for name, (_, lesson, original, url) in servers.items():
                marker = f"edit-marker-{name}-{run}-{time.time_ns()}"
                start = time.perf_counter()
                lesson.write_text(original + f"\n\n{marker}\n")
                wait_for(url, marker, 60)
                if run:  # the first is the warm-up
                    samples[name].append(time.perf_counter() - start)
                time.sleep(0.5)  # let the server settle before the other one is edited
    finally:
        for process, *_ in servers.values():
            process.terminate()
            process.wait(timeout=10)
    results = {name: summary(values) for name, values in samples.items()}
    return {**results, "edit_loop_seconds": results["course"]["median"],
            "edit_loop_ratio": round(results["course"]["median"] / results["bare"]["median"], 2)}


def wait_for(url: str, text: str | None, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=2).read().decode()
            if text is None or text in body:
                return
        except OSError:
            pass
        time.sleep(0.02)
    raise SystemExit(f"{url} did not serve {text!r} within {timeout} s")


def page_weight(url: str) -> dict:
    """Bytes of every response a page load needs: raw and gzipped, by type."""
    from playwright.sync_api import sync_playwright

    totals = {"raw": 0, "gzip": 0, "requests": 0, "by_type": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        bodies = []
        page.on("response", lambda response: bodies.append(response))
        page.goto(url, wait_until="networkidle")
        for response in bodies:
            try:
                body = response.body()
            except Exception:  # a redirect or an aborted request has no body
                continue
            kind = response.request.resource_type
            zipped = len(gzip.compress(body, 9))
            totals["raw"] += len(body)
            totals["gzip"] += zipped
            totals["requests"] += 1
            entry = totals["by_type"].setdefault(kind, {"raw": 0, "gzip": 0})
            entry["raw"] += len(body)
            entry["gzip"] += zipped
        browser.close()
    return totals


THEIRS = re.compile(r"/(bundle|main|palette)\.[0-9a-f]{8}\.min\.(js|css)$|/iframe-worker-shim\.js$|/lunr/|/workers/")
"""Material's own files and the iframe-worker shim (third-party): not the course's."""


def first_party_assets(site: Path) -> dict:
    """The course's own JavaScript and CSS (not Material's) that each page loads, raw and
    gzipped: the heaviest page, and every page's total."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        name = path.relative_to(site).as_posix()
        if name.startswith("admin/"):
            continue
        html = path.read_text(encoding="utf-8")
        prefix = "../" * name.count("/")
        assets = [ref.removeprefix(prefix) for ref in re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)]
        ours = [a for a in assets if a.startswith("assets/") and not THEIRS.search(a)]
        raw = sum((site / a).stat().st_size for a in ours)
        gz = sum(len(gzip.compress((site / a).read_bytes(), 9)) for a in ours)
        pages[name] = {"files": ours, "raw_kb": round(raw / 1024, 1), "gzip_kb": round(gz / 1024, 1)}
    heaviest = max(pages, key=lambda name: pages[name]["gzip_kb"])
    return {"pages": pages, "heaviest": heaviest, "raw_kb": pages[heaviest]["raw_kb"],
            "first_party_gzip_kb": pages[heaviest]["gzip_kb"],
            "over_budget": sorted(n for n, p in pages.items() if p["gzip_kb"] > BUDGETS["first_party_gzip_kb"][1])}


def bench_weight(work: Path) -> dict:
    course, bare = work / "site-course", work / "site-bare"
    with StaticServer(course) as a, StaticServer(bare) as b:
        course_weight = page_weight(a.url + PITCH_LESSON)
        bare_weight = page_weight(b.url + PITCH_LESSON)
    first_party = first_party_assets(course)
    index = course / "search" / "search_index.json"
    return {"course": course_weight, "bare": bare_weight,
            "page_gzip_ratio": round(course_weight["gzip"] / bare_weight["gzip"], 2),
            "first_party": first_party, "first_party_gzip_kb": first_party["first_party_gzip_kb"],
            "search_index_gzip_kb": round(len(gzip.compress(index.read_bytes(), 9)) / 1024, 1),
            "search_index_bare_gzip_kb": round(
                len(gzip.compress((bare / "search" / "search_index.json").read_bytes(), 9)) / 1024, 1)}


def bench_lighthouse(work: Path) -> dict:
    lighthouse = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not lighthouse.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=BENCH, check=True)
    pages = {"home": "index.html", "pitch lesson": PITCH_LESSON, "progress": "progress.html"}
    scores = {}
    with StaticServer(work / "site-course") as course, StaticServer(work / "site-bare") as bare:
        targets = [(f"course {name}", course.url + path) for name, path in pages.items()]
        targets.append(("bare pitch lesson", bare.url + PITCH_LESSON))
        for name, url in targets:
            out = work / f"lh-{len(scores)}.json"
            subprocess.run(
                [str(lighthouse), url, "--quiet", "--output=json", f"--output-path={out}",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic "
                 "--disable-background-networking --disable-component-update --disable-sync"],
                env={**ENV, "CHROME_PATH": "/usr/bin/chromium"}, check=True, capture_output=True)
            report = json.loads(out.read_text())
            scores[name] = {key: report["categories"][key]["score"] for key in LIGHTHOUSE_BUDGET}
            scores[name]["failed_audits"] = sorted(
                audit_id for audit_id, audit in report["audits"].items()
                if audit.get("score") is not None and audit["score"] < 1
                and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"))[:15]
    return scores


def make_scaled_course(target: Path, factor: int = 10) -> Path:
    """A course `factor` times larger: every lesson and exercise copied with new names."""
    project = copy_project(target)
    lessons = sorted((project / "docs" / "lessons").glob("*.md"))
    exercises = sorted((project / "exercises").glob("*.yml"))
    config = (project / "mkdocs.yml").read_text()
    nav_lines = []
    for copy in range(2, factor + 1):
        for exercise in exercises:
            text = exercise.read_text()
            new_id = f"{exercise.stem}-x{copy}"
            text = re.sub(rf"^id: {re.escape(exercise.stem)}\s*$", f"id: {new_id}", text, flags=re.M)
            text = re.sub(r"^lesson: lessons/(\S+)\.md", rf"lesson: lessons/\1-x{copy}.md", text, flags=re.M)
            (exercise.parent / f"{new_id}.yml").write_text(text)
        for lesson in lessons:
            text = re.sub(r"^/// exercise \| (\S+)", rf"/// exercise | \1-x{copy}", lesson.read_text(), flags=re.M)
            (lesson.parent / f"{lesson.stem}-x{copy}.md").write_text(text)
            nav_lines.append(f"      - lessons/{lesson.stem}-x{copy}.md\n")
    last = "      - lessons/13-keep-your-network-alive.md\n"
    (project / "mkdocs.yml").write_text(config.replace(last, last + "".join(nav_lines)))
    return project


def bench_scaling(work: Path, build: dict, check: dict) -> dict:
    project = make_scaled_course(work / "scaled")
    bare = bare_config(project)
    times = alternate({
        "build": ([PYTHON, "-m", "mkdocs", "build", "-q", "-d", str(work / "site-scaled")], project),
        "check": ([PYTHON, "scripts/check_exercises.py"], project),
        "bare_build": ([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(bare), "-d", str(work / "site-scaled-bare")],
                       project),
    }, runs=3)
    return {**times,
            "lessons": len(list((project / "docs" / "lessons").glob("*.md"))),
            "exercises": len(list((project / "exercises").glob("*.yml"))),
            "scale_build_ratio": round(times["build"]["median"] / build["course"]["median"], 2),
            "scale_bare_ratio": round(times["bare_build"]["median"] / build["bare"]["median"], 2),
            "scale_check_ratio": round(times["check"]["median"] / check["check"]["median"], 2)}


# --- report -----------------------------------------------------------------------------------

def verdict(key: str, value: float) -> str:
    sign, limit = BUDGETS[key]
    ok = value < limit if sign == "<" else value <= limit
    return ("pass" if ok else "MISS") + f" ({sign} {limit})"


def span(summary_: dict) -> str:
    return f"{summary_['median']} [{summary_['min']}–{summary_['max']}]"


def table(results: dict) -> str:
    rows = []
    if b := results.get("build"):
        rows += [("Build, course (s)", span(b["course"]), ""),
                 ("Build, bare Material (s)", span(b["bare"]), ""),
                 ("Build ratio", b["build_ratio"], verdict("build_ratio", b["build_ratio"])),
                 ("Build, course, every check run afresh (s)", span(b["fresh"]), f"ratio {b['fresh_ratio']}")]
    if c := results.get("check"):
        rows += [("Checker, whole course (s)", span(c["check"]), verdict("check_seconds", c["check_seconds"])),
                 ("Python start-up, for scale (s)", c["python_start"]["median"], "")]
    if w := results.get("worksheets"):
        rows += [
            ("Worksheets cold (s)", span(w["cold"]), verdict("worksheets_cold_seconds", w["worksheets_cold_seconds"])),
            ("Worksheets unchanged (s)", span(w["warm"]),
             verdict("worksheets_warm_seconds", w["worksheets_warm_seconds"])),
            ("Worksheets, one exercise every plan uses changed (s)", span(w["changed"]),
             verdict("worksheets_one_changed_seconds", w["worksheets_one_changed_seconds"])),
            ("Worksheet files / total MB / median KB", f"{w['files']} / {w['total_mb']} / {w['median_kb']}", "")]
    if f := results.get("fresh_serve"):
        rows += [("Fresh clone: `make serve` answers (s)", span(f["first_answer"]),
                  verdict("serve_first_answer_seconds", f["serve_first_answer_seconds"])
                  + ("; Printables page says PDFs are on their way" if f["printables_note"]
                     else "; NO note on Printables"))]
    if e := results.get("edit_loop"):
        rows += [("Edit loop, course (s)", span(e["course"]), ""),
                 ("Edit loop, bare Material (s)", span(e["bare"]), ""),
                 ("Edit loop ratio", e["edit_loop_ratio"], verdict("edit_loop_ratio", e["edit_loop_ratio"]))]
    if p := results.get("weight"):
        fp = p["first_party"]
        rows += [
            ("Pitch lesson transfer, course (KB raw / gzip)",
             f"{p['course']['raw'] // 1024} / {p['course']['gzip'] // 1024}", ""),
            ("Pitch lesson transfer, bare (KB raw / gzip)",
             f"{p['bare']['raw'] // 1024} / {p['bare']['gzip'] // 1024}", ""),
            ("Transfer ratio (gzip)", p["page_gzip_ratio"], verdict("page_gzip_ratio", p["page_gzip_ratio"])),
            ("Search index, course / bare (KB gzip)",
             f"{p['search_index_gzip_kb']} / {p['search_index_bare_gzip_kb']}",
             verdict("search_index_gzip_kb", p["search_index_gzip_kb"])),
            (f"First-party JS + CSS, heaviest page ({fp['heaviest']}) (KB raw / gzip)",
             f"{fp['raw_kb']} / {p['first_party_gzip_kb']}", verdict("first_party_gzip_kb", p["first_party_gzip_kb"])),
            ("First-party JS + CSS, pitch lesson / home / glossary (KB gzip)",
             " / ".join(str(fp["pages"].get(page, {}).get("gzip_kb", "–"))
                        for page in (PITCH_LESSON, "index.html", "glossary.html")), ""),
            ("Pages over the first-party budget", f"{len(fp['over_budget'])} of {len(fp['pages'])}", "")]
    if s := results.get("scaling"):
        rows += [
            (f"10× course ({s['lessons']} lessons, {s['exercises']} exercises): build (s)", s["build"]["median"],
             verdict("scale_build_ratio", s["scale_build_ratio"]) + f" ratio {s['scale_build_ratio']}"),
            ("10× course built by bare Material (s)", s["bare_build"]["median"],
             f"ratio {s['scale_bare_ratio']} to the real course's bare build"),
            ("10× course: check (s)", s["check"]["median"],
             verdict("scale_check_ratio", s["scale_check_ratio"]) + f" ratio {s['scale_check_ratio']}")]
    for page, scores in results.get("lighthouse", {}).items():
        shown = " / ".join(f"{scores[k]:.2f}" for k in LIGHTHOUSE_BUDGET)
        if page.startswith("bare"):
            rows.append((f"Lighthouse {page} (perf / a11y / best / SEO)", shown, "for comparison"))
        else:
            ok = all(scores[k] >= LIGHTHOUSE_BUDGET[k] for k in LIGHTHOUSE_BUDGET)
            rows.append((f"Lighthouse {page} (perf / a11y / best / SEO)", shown,
                         ("pass" if ok else "MISS") + " (≥ 0.95 / 1 / 1 / 1)"))
    lines = ["| Figure | Value (median [min–max]) | Budget |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {budget} |" for name, value, budget in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--only", default="", help="comma-separated steps to run (build, check, worksheets, "
                        "edit_loop, fresh_serve, weight, lighthouse, scaling); weight and lighthouse need build")
    parser.add_argument("--readme", action="store_true", help="rewrite the table in bench/README.md")
    args = parser.parse_args()
    results = json.loads((BENCH / "results.json").read_text()) if args.only else {}
    results.update({"machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
                    "date": time.strftime("%Y-%m-%d"), "runs": RUNS})
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        steps = [("build", lambda: bench_build(work)), ("check", bench_check),
                 ("worksheets", lambda: bench_worksheets(work)), ("edit_loop", lambda: bench_edit_loop(work)),
                 ("fresh_serve", lambda: bench_fresh_serve(work)), ("weight", lambda: bench_weight(work))]
        if not args.skip_lighthouse:
            steps.append(("lighthouse", lambda: bench_lighthouse(work)))
        steps.append(("scaling", lambda: bench_scaling(work, results["build"], results["check"])))
        only = {name.strip() for name in args.only.split(",") if name.strip()}
        for name, step in steps:
            if only and name not in only:
                continue
            print(f"measuring {name.replace('_', ' ')}...", flush=True)
            results[name] = step()
    (BENCH / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    text = table(results)
    print(text)
    if args.readme:
        readme = BENCH / "README.md"
        start, end = "<!-- results -->", "<!-- /results -->"
        body = readme.read_text()
        head, _, rest = body.partition(start)
        _, _, tail = rest.partition(end)
        readme.write_text(f"{head}{start}\n{text}\n\nMeasured {results['date']} on {results['machine']}.\n{end}{tail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
