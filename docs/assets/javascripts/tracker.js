/* Tracker: a table the learner fills in, one row per person or step. Add, edit and remove rows;
 * download as CSV. Saved: {"answer": {"rows": [{"<column id>": value}]}}. */
(function () {
  "use strict";

  /* One CSV field: quoted when needed; a leading = + - @ is neutralised so a spreadsheet never
   * runs it as a formula. */
  function csvField(value) {
    let text = String(value === undefined || value === null ? "" : value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) || text !== text.trim() ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function toCsv(columns, rows) {
    const lines = [columns.map((c) => csvField(c.label)).join(",")];
    rows.forEach((row) => lines.push(columns.map((c) => csvField(row[c.id])).join(",")));
    return "\ufeff" + lines.join("\r\n") + "\r\n"; // the mark tells spreadsheets it is UTF-8
  }

  window.CourseExercises.register("tracker", (ctx) => {
    const root = ctx.root;
    const columns = ctx.page.columns || [];
    const body = root.querySelector("[data-rows]");
    const template = root.querySelector("template[data-row-template]");
    const empty = root.querySelector("[data-empty]");
    const addButton = root.querySelector("[data-action=add-row]");
    let rows = [];

    function isBlank(row) {
      return columns.every((c) => !String(row[c.id] || "").trim());
    }

    function answer() {
      return {
        rows: rows.filter((row) => !isBlank(row)).map((row) => {
          const clean = {};
          columns.forEach((c) => { if (String(row[c.id] || "").trim()) clean[c.id] = row[c.id]; });
          return clean;
        }),
      };
    }

    function save() {
      const current = answer();
      ctx.save({ answer: current, finished: current.rows.length > 0 });
    }

    function draw(focusRow) {
      body.replaceChildren();
      rows.forEach((row, index) => {
        const number = index + 1;
        const tr = template.content.firstElementChild.cloneNode(true);
        columns.forEach((column) => {
          const field = tr.querySelector("[data-column=" + column.id + "]");
          const label = tr.querySelector("[data-label-for=" + column.id + "]");
          field.id = ctx.uid + "-row" + number + "-" + column.id;
          label.htmlFor = field.id;
          label.append(ctx.el("span", "nd-visually-hidden", ", row " + number));
          const value = row[column.id];
          if (value !== undefined && field.tagName === "SELECT" &&
              !Array.from(field.options).some((o) => o.value === value)) {
            field.append(new Option(value, value)); // keep a value the column no longer offers
          }
          if (value !== undefined) field.value = value;
          field.addEventListener(field.tagName === "SELECT" ? "change" : "input", () => {
            row[column.id] = field.value;
            save();
          });
        });
        const remove = tr.querySelector("[data-action=remove-row]");
        remove.append(ctx.el("span", "nd-visually-hidden", " row " + number));
        remove.addEventListener("click", () => {
          rows.splice(index, 1);
          draw();
          save();
          ctx.announce("Row " + number + " removed.");
          const next = body.querySelectorAll("[data-action=remove-row]")[Math.min(index, rows.length - 1)];
          (next || addButton).focus();
        });
        body.append(tr);
        if (number === focusRow) tr.querySelector("input, select").focus();
      });
      empty.hidden = rows.length > 0;
    }

    const record = ctx.load();
    if (record) {
      const saved = record.answer.rows;
      let dropped = !Array.isArray(saved) && saved !== undefined;
      (Array.isArray(saved) ? saved : []).forEach((row) => {
        if (row === null || typeof row !== "object" || Array.isArray(row)) { dropped = true; return; }
        const clean = {};
        Object.keys(row).forEach((key) => {
          if (columns.some((c) => c.id === key) && typeof row[key] === "string") clean[key] = row[key];
          else dropped = true;
        });
        rows.push(clean);
      });
      if (dropped) ctx.partial();
    }
    if (!rows.length) rows.push({});
    draw();

    addButton.addEventListener("click", () => {
      rows.push({});
      draw(rows.length);
      ctx.announce("Row " + rows.length + " added.");
    });
    root.querySelector("[data-action=export-csv]").addEventListener("click", () => {
      const current = answer();
      window.CourseStorage.download(ctx.id + ".csv", toCsv(columns, current.rows), "text/csv;charset=utf-8");
      ctx.announce("Your table was saved as a file: " + ctx.id + ".csv. " +
        "Look for it in your Downloads folder. It opens in a spreadsheet program.");
    });
  });

  window.CourseTracker = { toCsv };
})();
