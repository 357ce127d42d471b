// The browser's answer rules (docs/assets/javascripts/rules.js) against the shared case table
// tests/rule_cases.json, which tests/test_rules.py runs against rules.py too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const rules = require("../../docs/assets/javascripts/rules.js");
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

test("the browser global is set when there is a window", () => {
  const source = readFileSync(new URL("../../docs/assets/javascripts/rules.js", import.meta.url), "utf8");
  const window = {};
  new Function("window", "module", source)(window, undefined);
  assert.equal(typeof window.CourseRules.evaluate, "function");
  assert.equal(window.CourseRules.countWords("two words"), 2);
});
