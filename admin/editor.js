/* The course's additions to the browser editor (Decap CMS), loaded after decap-cms.js.

   - the preview uses the site's own style sheets (names written by the build);
   - "Insert exercise" in the lesson text: pick an exercise by its title, get its block;
   - a widget for an example's answer: one row a question, item or part;
   - previews that show an exercise as a learner sees it, and a lesson with its frame.

   A classic script (no modules, no build step), like the site's own scripts. */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  if (!CMS || !h || !createClass) {
    return;
  }

  /* ---- the site's style sheets in the preview ------------------------------------------- */
  (window.COURSE_PREVIEW_STYLES || []).forEach(function (href) {
    CMS.registerPreviewStyle(new URL("../" + href, window.location.href).href);
  });

  /* ---- "Insert exercise" ---------------------------------------------------------------- */
  CMS.registerEditorComponent({
    id: "exercise",
    label: "Insert exercise",
    fields: [{
      name: "id", label: "Exercise", widget: "relation", collection: "exercise-list",
      search_fields: ["title", "id"], display_fields: ["title"], value_field: "id",
      options_length: 100
    }],
    pattern: /^\/\/\/ *exercise *\| *([a-z0-9-]+) *\n\/\/\/ *$/m,
    fromBlock: function (match) {
      return { id: match[1] };
    },
    toBlock: function (data) {
      return "/// exercise | " + (data.id || "") + "\n///";
    },
    toPreview: function (data) {
      return h("aside", { className: "admonition note" },
        h("p", { className: "admonition-title" }, "Exercise"),
        h("p", null, data.id || "(no exercise chosen)"));
    }
  });

  /* ---- an example's answer: rows of "question, item or part" and "answer" ---------------- */
  function rowsOf(value) {
    var plain = value && value.toJS ? value.toJS() : (value || {});
    return Object.keys(plain).map(function (key) {
      var answer = plain[key];
      return { key: key, value: Array.isArray(answer) ? answer.join(", ") : String(answer == null ? "" : answer) };
    });
  }

  var AnswerControl = createClass({
    emit: function (rows) {
      var field = this.props.field;
      var quiz = field.get("kind") === "quiz";
      var map = field.clear();            /* an empty Immutable Map, the kind Decap stores */
      rows.forEach(function (row) {
        var key = row.key.trim();
        if (!key) {
          return;
        }
        if (quiz) {
          var letters = row.value.split(/[\s,]+/).filter(Boolean).map(function (l) { return l.toLowerCase(); });
          map = map.set(key, field.toList().clear().concat(letters));
        } else {
          map = map.set(key, row.value);
        }
      });
      this.props.onChange(map);
    },
    render: function () {
      var self = this;
      var rows = rowsOf(this.props.value);
      var quiz = this.props.field.get("kind") === "quiz";
      var keyLabel = quiz ? "Question number" : "Item number or part id";
      var valueLabel = quiz ? "Letters of the chosen options" : "Answer";
      var forID = this.props.forID;
      return h("div", { className: "nd-answer-rows " + (this.props.classNameWrapper || "") },
        rows.map(function (row, index) {
          function update(name) {
            return function (event) {
              var next = rows.slice();
              next[index] = Object.assign({}, row);
              next[index][name] = event.target.value;
              self.emit(next);
            };
          }
          return h("div", { className: "nd-answer-row", key: index },
            h("input", { className: "nd-answer-key", id: index === 0 ? forID : undefined, value: row.key,
                         "aria-label": keyLabel + " (row " + (index + 1) + ")", onChange: update("key") }),
            h("input", { className: "nd-answer-value", value: row.value,
                         "aria-label": valueLabel + " (row " + (index + 1) + ")", onChange: update("value") }),
            h("button", { type: "button", onClick: function () {
              self.emit(rows.filter(function (_, i) { return i !== index; }));
            } }, "Remove row " + (index + 1)));
        }),
        h("div", null, h("button", { type: "button", onClick: function () {
          self.emit(rows.concat([{ key: String(rows.length + 1), value: "" }]));
        } }, "Add a row")));
    }
  });

  var AnswerPreview = createClass({
    render: function () {
      return h("ul", null, rowsOf(this.props.value).map(function (row) {
        return h("li", { key: row.key }, row.key + ": " + row.value);
      }));
    }
  });

  CMS.registerWidget("example-answer", AnswerControl, AnswerPreview);

  /* ---- previews ------------------------------------------------------------------------- */
  var LETTERS = "abcdefghijklmnopqrstuvwxyz";

  function data(entry) {
    var value = entry.get("data");
    return value && value.toJS ? value.toJS() : {};
  }

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  function paragraphs(text) {
    return String(text || "").split(/\n\s*\n/).filter(function (p) { return p.trim(); })
      .map(function (p, i) { return h("p", { key: i }, p); });
  }

  function plural(number, word) {
    return number + " " + word + (Number(number) === 1 ? "" : "s");
  }

  function partsBody(exercise) {
    return h("div", { className: "nd-parts" }, list(exercise.parts).map(function (part, i) {
      return h("div", { className: "nd-part", key: i },
        h("label", { className: "nd-part__label" }, part.label || "",
          part.required ? h("span", { className: "nd-required" }, " (needed)") : null),
        part.hint || part.example ? h("p", { className: "nd-part__hint" }, part.hint || "",
          part.example ? h("span", { className: "nd-part__example" }, " Example: \u201c" + part.example + "\u201d") : null) : null,
        h("textarea", { rows: 2, disabled: true, "aria-label": part.label || "" }));
    }));
  }

  var BODIES = {
    quiz: function (exercise) {
      return h("ol", { className: "nd-questions" }, list(exercise.questions).map(function (question, q) {
        var multiple = question.type === "multiple";
        return h("li", { className: "nd-question", key: q }, h("fieldset", null,
          h("legend", { className: "nd-question__prompt" }, question.prompt || ""),
          multiple ? h("p", { className: "nd-question__how" }, "Choose all that apply.") : null,
          h("ul", { className: "nd-options" }, list(question.options).map(function (option, o) {
            return h("li", { className: "nd-option", key: o },
              h("input", { type: multiple ? "checkbox" : "radio", disabled: true, "aria-label": option.text || "" }),
              h("label", null, option.text || ""),
              h("p", { className: "nd-feedback" }, h("strong", null, option.correct ? "Right. " : "Not quite. "),
                option.feedback || ""));
          })),
          question.explanation ? h("div", { className: "nd-explanation" }, paragraphs(question.explanation)) : null));
      }));
    },
    sort: function (exercise) {
      return h("div", null,
        h("ul", null, list(exercise.categories).map(function (category, i) {
          return h("li", { key: i }, h("strong", null, category.label || ""), category.description ? ": " + category.description : "");
        })),
        h("ol", { className: "nd-sort" }, list(exercise.items).map(function (item, i) {
          return h("li", { key: i }, item.text || "", h("p", { className: "nd-feedback" }, "(" + (item.category || "") + ") " + (item.feedback || "")));
        })));
    },
    pitch: function (exercise) {
      return h("div", null,
        h("p", null, list(exercise.targets).map(function (target) {
          return (target.label || "") + ": " + plural(target.seconds || 0, "second") + ", " + list(target.words).join(" to ") + " words";
        }).join(" · ")),
        partsBody(exercise));
    },
    message: function (exercise) {
      var length = exercise.length || {};
      var aims = [];
      if (list(length.sentences).length === 2) aims.push(length.sentences.join(" to ") + " sentences");
      if (list(length.words).length === 2) aims.push(length.words.join(" to ") + " words");
      return h("div", null, partsBody(exercise),
        aims.length ? h("p", { className: "nd-stats__aim" }, "Aim for " + aims.join(", ") + ".") : null,
        exercise.timing ? h("div", { className: "nd-send" }, h("h4", { className: "nd-tool__title" }, "When to send it"), paragraphs(exercise.timing)) : null);
    },
    tracker: function (exercise) {
      var columns = list(exercise.columns);
      var rows = [];
      for (var r = 0; r < Math.min(Number(exercise.rows) || 0, 3); r++) rows.push(r);
      return h("table", null,
        h("thead", null, h("tr", null, columns.map(function (c, i) { return h("th", { key: i }, c.label || ""); }))),
        h("tbody", null, rows.map(function (r) {
          return h("tr", { key: r }, columns.map(function (c, i) { return h("td", { key: i }, "\u00a0"); }));
        })));
    },
    reflection: function (exercise) {
      return h("ol", null, list(exercise.prompts).map(function (prompt, i) {
        return h("li", { key: i }, h("p", null, prompt.text || ""),
          h("textarea", { rows: Math.min(Number(prompt.lines) || 4, 8), disabled: true, "aria-label": prompt.text || "" }));
      }));
    },
    checklist: function (exercise) {
      return h("ul", { className: "task-list" }, list(exercise.items).map(function (item, i) {
        return h("li", { key: i, className: "task-list-item" },
          h("label", null, h("input", { type: "checkbox", disabled: true }), " " + (item.text || "")));
      }));
    }
  };

  /* A kind without a body above (a new one) shows its fields as a list. */
  function genericBody(exercise) {
    var skip = { id: 1, title: 1, lesson: 1, kind: 1, minutes: 1, instructions: 1, facilitator: 1, examples: 1, draft: 1 };
    return h("dl", null, Object.keys(exercise).filter(function (k) { return !skip[k]; }).map(function (key) {
      return [h("dt", { key: key + "-t" }, key), h("dd", { key: key + "-d" }, JSON.stringify(exercise[key]))];
    }));
  }

  var ExercisePreview = createClass({
    render: function () {
      var exercise = data(this.props.entry);
      var kind = exercise.kind || "";
      var body = (BODIES[kind] || genericBody)(exercise);
      return h("div", { className: "md-typeset", style: { padding: "1rem" } },
        h("section", { className: "nd-exercise nd-exercise--" + kind },
          h("header", { className: "nd-exercise__header" },
            h("p", { className: "nd-exercise__meta" }, kind.charAt(0).toUpperCase() + kind.slice(1) + " \u00b7 about " + plural(exercise.minutes || 0, "minute")),
            h("h3", { className: "nd-exercise__title" }, exercise.title || "")),
          h("div", { className: "nd-exercise__instructions" }, paragraphs(exercise.instructions)),
          body));
    }
  });

  (window.COURSE_EXERCISE_KINDS || ["quiz", "sort", "pitch", "message", "tracker", "reflection", "checklist"]).forEach(function (kind) {
    CMS.registerPreviewTemplate("exercise-" + kind, ExercisePreview);
  });

  var LessonPreview = createClass({
    render: function () {
      var lesson = data(this.props.entry);
      return h("div", { className: "md-typeset", style: { padding: "1rem" } },
        h("h1", null, lesson.title || ""),
        h("div", { className: "admonition abstract" },
          h("p", { className: "admonition-title" }, "In this lesson \u00b7 about " + plural(lesson.minutes || 0, "minute")),
          h("p", null, lesson.promise || ""),
          h("ul", null, list(lesson.objectives).map(function (o, i) { return h("li", { key: i }, o); }))),
        this.props.widgetFor("body"),
        h("div", { className: "admonition success" },
          h("p", { className: "admonition-title" }, "Key points"),
          h("ul", null, list(lesson.key_points).map(function (o, i) { return h("li", { key: i }, o); }))));
    }
  });

  CMS.registerPreviewTemplate("lessons", LessonPreview);
}());
