/* Tracker: a list the learner fills in, one numbered card per person or step ("Contact 1").
 * Add, edit and remove cards (a filled card can be brought back with "Undo"); download as a
 * spreadsheet file (CSV). Each box has a plain-text copy beside it that prints instead, so
 * paper shows every entry in full. Saved: {"answer": {"rows": [{"<column id>": value}]}}. */
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

  /* A date as words for paper ("November 28, 2026"): no month-day order to guess. */
  function printable(field) {
    if (field.type !== "date" || !/^\d{4}-\d{2}-\d{2}$/.test(field.value)) return field.value;
    const [year, month, day] = field.value.split("-").map(Number);
    return new Date(year, month - 1, day).toLocaleDateString("en-CA", { year: "numeric", month: "long", day: "numeric" });
  }

  window.CourseExercises.register("tracker", (ctx) => {
    const root = ctx.root;
    const columns = ctx.page.columns || [];
    const rowName = ctx.page.row_name || "Entry";
    const body = root.querySelector("[data-rows]");
    const template = root.querySelector("template[data-row-template]");
    const empty = root.querySelector("[data-empty]");
    const addButton = root.querySelector("[data-action=add-row]");
    const undoBar = root.querySelector("[data-undo]");
    const undoButton = root.querySelector("[data-action=undo]");
    let rows = [];
    let removed = null;   // {row, index}: the last filled card removed, until something else changes

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

    function forgetUndo() {
      removed = null;
      undoBar.hidden = true;
    }

    function draw(focusRow) {
      body.replaceChildren();
      rows.forEach((row, index) => {
        const number = index + 1;
        const name = rowName + " " + number;
        const card = template.content.firstElementChild.cloneNode(true);
        card.querySelector("[data-row-title]").textContent = name;
        columns.forEach((column) => {
          const field = card.querySelector("[data-column=" + column.id + "]");
          const label = card.querySelector("[data-label-for=" + column.id + "]");
          const copy = card.querySelector("[data-print-for=" + column.id + "]");
          field.id = ctx.uid + "-row" + number + "-" + column.id;
          label.htmlFor = field.id;
          label.append(ctx.el("span", "nd-visually-hidden", ", " + name));
          const value = row[column.id];
          if (value !== undefined && field.tagName === "SELECT" &&
              !Array.from(field.options).some((o) => o.value === value)) {
            field.append(new Option(value, value)); // keep a value the column no longer offers
          }
          if (value !== undefined) field.value = value;
          copy.textContent = printable(field);
          field.addEventListener(field.tagName === "SELECT" ? "change" : "input", () => {
            row[column.id] = field.value;
            copy.textContent = printable(field);
            forgetUndo();
            save();
          });
        });
        const remove = card.querySelector("[data-action=remove-row]");
        remove.append(ctx.el("span", "nd-visually-hidden", " " + name));
        remove.addEventListener("click", () => {
          const filled = !isBlank(row);
          rows.splice(index, 1);
          removed = filled ? { row, index } : null;
          draw();
          save();
          if (filled) {
            undoBar.querySelector("[data-undo-text]").textContent = name + " was removed.";
            undoBar.hidden = false;
            ctx.announce(name + " was removed. Press “" + undoButton.textContent + "” to bring it back.");
            undoButton.focus();
          } else {
            undoBar.hidden = true;
            ctx.announce(name + " was removed.");
            const next = body.querySelectorAll("[data-action=remove-row]")[Math.min(index, rows.length - 1)];
            (next || addButton).focus();
          }
        });
        body.append(card);
        card.querySelectorAll("textarea").forEach(window.CourseExercises.grow);
        if (number === focusRow) card.querySelector("input, select, textarea").focus();
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
      forgetUndo();
      rows.push({});
      draw(rows.length);
      ctx.announce(rowName + " " + rows.length + " was added.");
    });
    undoButton.addEventListener("click", () => {
      if (!removed) return;
      const back = removed;
      rows.splice(Math.min(back.index, rows.length), 0, back.row);
      forgetUndo();
      draw(back.index + 1);
      save();
      ctx.announce(rowName + " " + (back.index + 1) + " is back.");
    });
    root.querySelector("[data-action=export-csv]").addEventListener("click", () => {
      const current = answer();
      window.CourseStorage.download(ctx.id + ".csv", toCsv(columns, current.rows), "text/csv;charset=utf-8");
      ctx.announce("Downloaded: " + ctx.id + ".csv. Look for it in your Downloads folder. " +
        "It opens in a spreadsheet program.");
    });
  });

  window.CourseTracker = { toCsv };
})();
