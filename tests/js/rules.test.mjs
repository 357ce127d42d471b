// The browser's answer rules (docs/assets/javascripts/rules.js, and text-rules.js, which adds the
// written kinds to it) against the shared case table tests/rule_cases.json, which
// tests/test_rules.py runs against rules.py too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const rules = require("../../docs/assets/javascripts/text-rules.js");
const table = JSON.parse(readFileSync(new URL("../rule_cases.json", import.meta.url), "utf8"));

for (const c of table.cases) {
  test(`${c.function}: ${c.name}`, () => {
    const spec = { ...table.specs[c.spec], ...(c.with || {}) };   // `with`: a few fields changed
    const actual = c.function === "evaluate" ? rules.evaluate(spec, c.entry)
      : c.function === "verdict" ? rules.verdict(spec, rules.evaluate(spec, c.entry))
      : rules[c.function](...c.args);
    assert.deepStrictEqual(actual, c.expect);
  });
}

const source = (name) => readFileSync(new URL("../../docs/assets/javascripts/" + name, import.meta.url), "utf8");

test("the browser global is set when there is a window, and text-rules.js adds to it", () => {
  const window = {};
  new Function("window", "module", source("rules.js"))(window, undefined);
  assert.equal(typeof window.CourseRules.evaluate, "function");
  assert.equal(window.CourseRules.countWords, undefined);           // a page with no pitch or message
  assert.equal(window.CourseRules.evaluate(table.specs.pitch, {}), null);
  new Function("window", "module", "require", source("text-rules.js"))(window, undefined, undefined);
  assert.equal(window.CourseRules.countWords("two words"), 2);
});
