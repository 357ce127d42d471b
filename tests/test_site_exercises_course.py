"""The course's own exercises on the real site: every example passes or fails in the browser,
through the page's script, exactly as its file declares (the checker tests the same in Python)."""

from __future__ import annotations

from conftest import ROOT, PageWatch


# --- the course's own exercises: every example passes or fails in the browser as declared --------

def course_examples():
    from course import loader, model
    course = loader.load_course(ROOT)
    pairs = [(exercise, example) for exercise in course.exercises.values()
             if exercise.kind in model.CHECKABLE_KINDS for example in exercise.examples]
    assert {e.kind for e, _ in pairs} == set(model.CHECKABLE_KINDS), "a checked kind has no example to try"
    assert {x.expect for _, x in pairs} == {"pass", "fail"}, "examples must show both sides"
    return pairs


ANSWER_IN_THE_PAGE = """([id, kind, answer, target]) => {
    const root = document.getElementById(`exercise-${id}`);
    const uid = `nd-${id}`;
    const set = (el, event) => el.dispatchEvent(new Event(event, {bubbles: true}));
    for (const el of root.querySelectorAll('input, select, textarea')) {      // start empty
        if (el.type === 'radio' || el.type === 'checkbox') { if (el.dataset.targetChoice === undefined) el.checked = false; }
        else el.value = '';
        set(el, el.tagName === 'TEXTAREA' ? 'input' : 'change');
    }
    for (const [key, value] of Object.entries(answer)) {
        if (kind === 'dialogue') {
            const choice = document.getElementById(`${uid}-c${key}-${value}`);
            choice.checked = true; set(choice, 'change');
        } else if (kind === 'quiz') {
            for (const letter of [].concat(value)) {
                const box = document.getElementById(`${uid}-q${key}-${letter}`);
                box.checked = true; set(box, 'change');
            }
        } else if (kind === 'sort') {
            const select = document.getElementById(`${uid}-i${key}`);
            select.value = value; set(select, 'change');
        } else {
            const box = document.getElementById(`${uid}-p-${key}`);
            box.value = value; set(box, 'input');
        }
    }
    const choice = target && document.getElementById(`${uid}-target-${target}`);
    if (choice) { choice.checked = true; set(choice, 'change'); }
}"""


def test_every_course_example_passes_or_fails_in_the_browser_as_declared(site_dir, server, browser):
    """Both sides of every checkable exercise, through the real page and its script."""
    context = browser.new_context()
    page = context.new_page()
    watch = PageWatch(page)
    wrong = []
    current = None
    for exercise, example in sorted(course_examples(), key=lambda pair: pair[0].lesson):
        if exercise.lesson != current:
            current = exercise.lesson
            page.goto(server + exercise.lesson.replace(".md", ".html"), wait_until="domcontentloaded")
        page.evaluate(ANSWER_IN_THE_PAGE, [exercise.id, exercise.kind, example.answer, example.target])
        status = f"#exercise-{exercise.id} [data-check-status]"    # a dialogue's, by "Check my choices"
        if exercise.kind == "dialogue":    # not a message left from the example before
            page.evaluate(f"document.querySelector('{status}').textContent = ''")
        page.click(f"#exercise-{exercise.id} [data-action=check]")
        if exercise.kind == "dialogue":    # done once answered, passed or not: the status says which
            page.wait_for_function(f"document.querySelector('{status}').textContent.startsWith('Good choices:')")
            passed = "Well done." in page.text_content(status)
        else:
            record = page.evaluate(f"JSON.parse(localStorage.getItem('nd:v1:exercise:{exercise.id}'))")
            passed = record["finished"]
        if passed != (example.expect == "pass"):
            wrong.append(f"{exercise.id}: example \"{example.name}\" should {example.expect}")
    context.close()
    assert wrong == [] and watch.errors == [] and watch.foreign_requests() == [], wrong + watch.errors
