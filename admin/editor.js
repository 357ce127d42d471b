/* The course's additions to the browser editor (Decap CMS), loaded after decap-cms.js.

   - the preview uses the site's own style sheets (names written by the build);
   - the text of a lesson, saved exactly as typed, with "Insert exercise": pick an exercise
     by its title, get its block;
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

  /* ---- the text of a lesson or page, with "Insert exercise" ------------------------------
     A plain text box: the Markdown is saved exactly as typed (the CMS's rich-text editor
     rewrites Markdown it does not know, such as "///" blocks, admonitions and "{ #id }").
     With `insert_exercise: true`, a list of every exercise by title and a button that writes
     the exercise's block where the cursor is. */
  var EXERCISE_BLOCK = function (id) { return "/// exercise | " + id + "\n///"; };

  var TextControl = createClass({
    getInitialState: function () {
      return { exercises: [], chosen: "" };
    },
    componentDidMount: function () {
      var self = this;
      if (!this.props.field.get("insert_exercise") || !this.props.query) {
        return;
      }
      /* Room for every exercise. The limit differs at each call: Decap keeps a query's answer
         for 10 seconds, and a list from before an exercise was saved would lack it. */
      var limit = 10000 + (Date.now() % 10000);
      this.props.query(this.props.forID, "exercise-list", ["title", "id"], "", undefined, limit)
        .then(function (result) {
          var hits = (result && result.payload && result.payload.hits) || [];
          var exercises = hits.map(function (hit) { return { id: hit.data.id, title: hit.data.title || hit.data.id }; })
            .filter(function (exercise) { return exercise.id; })
            .sort(function (a, b) { return a.title.localeCompare(b.title); });
          self.setState({ exercises: exercises });
        });
    },
    insert: function () {
      var id = this.state.chosen;
      if (!id) {
        return;
      }
      var text = this.props.value || "";
      /* Where the cursor was last placed in the text; at the end if it never was. */
      var at = typeof this.cursor === "number" ? Math.min(this.cursor, text.length) : text.length;
      var before = text.slice(0, at).replace(/\s*$/, "");
      var after = text.slice(at).replace(/^\s*/, "");
      var next = (before ? before + "\n\n" : "") + EXERCISE_BLOCK(id) + "\n" + (after ? "\n" + after : "");
      this.props.onChange(next);
    },
    render: function () {
      var self = this;
      var forID = this.props.forID;
      var picker = null;
      if (this.props.field.get("insert_exercise")) {
        picker = h("div", { className: "nd-insert" },
          h("label", { htmlFor: forID + "-exercise" }, "Exercise to insert"),
          h("select", { id: forID + "-exercise", value: this.state.chosen,
                        onChange: function (event) { self.setState({ chosen: event.target.value }); } },
            [h("option", { key: "", value: "" }, "Choose an exercise by its title")].concat(
              this.state.exercises.map(function (exercise) {
                return h("option", { key: exercise.id, value: exercise.id }, exercise.title + " (" + exercise.id + ")");
              }))),
          h("button", { type: "button", onClick: this.insert, disabled: !this.state.chosen }, "Insert exercise"));
      }
      return h("div", { className: "nd-text " + (this.props.classNameWrapper || "") },
        picker,
        h("textarea", {
          id: forID, value: this.props.value || "", rows: 24, spellCheck: true,
          onSelect: function (event) { self.cursor = event.target.selectionEnd; },
          onChange: function (event) { self.props.onChange(event.target.value); },
          onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle
        }));
    }
  });

  var TextPreview = createClass({
    render: function () {
      var markdown = CMS.getWidget("markdown");
      /* The site shows an exercise where its block is; the preview names it. */
      var value = String(this.props.value || "").replace(/^\/\/\/ *exercise *\| *(\S+) *\n\/\/\/ *$/gm,
        "> **Exercise: $1.** The site shows the exercise here.");
      return markdown && markdown.preview ? h(markdown.preview, Object.assign({}, this.props, { value: value }))
        : h("pre", null, value);
    }
  });

  CMS.registerWidget("course-text", TextControl, TextPreview);

  /* ---- an example's answer: rows of "question, item or part" and "answer" ---------------- */
  function rowsOf(value) {
    var plain = value && value.toJS ? value.toJS() : (value || {});
    return Object.keys(plain).map(function (key) {
      var answer = plain[key];
      return { key: key, value: Array.isArray(answer) ? answer.join(", ") : String(answer == null ? "" : answer) };
    });
  }

  var AnswerControl = createClass({
    /* The rows live here, so a row keeps its place while its number or id is typed (a row
       with no number yet is kept on screen but not saved). */
    getInitialState: function () {
      return { rows: rowsOf(this.props.value) };
    },
    emit: function (rows) {
      this.setState({ rows: rows });
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
      var rows = this.state.rows;
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
          var used = rows.map(function (row) { return row.key; });
          var next = 1;
          while (used.indexOf(String(next)) !== -1) { next += 1; }
          var numbered = ["quiz", "sort"].indexOf(self.props.field.get("kind")) !== -1;
          self.emit(rows.concat([{ key: numbered ? String(next) : "", value: "" }]));
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
      return h("div", { dir: "ltr" }, h("div", { className: "md-typeset", style: { padding: "1rem" } },
        h("section", { className: "nd-exercise nd-exercise--" + kind },
          h("header", { className: "nd-exercise__header" },
            h("p", { className: "nd-exercise__meta" }, kind.charAt(0).toUpperCase() + kind.slice(1) + " \u00b7 about " + plural(exercise.minutes || 0, "minute")),
            h("h3", { className: "nd-exercise__title" }, exercise.title || "")),
          h("div", { className: "nd-exercise__instructions" }, paragraphs(exercise.instructions)),
          body)));
    }
  });

  (window.COURSE_EXERCISE_KINDS || ["quiz", "sort", "pitch", "message", "tracker", "reflection", "checklist"]).forEach(function (kind) {
    CMS.registerPreviewTemplate("exercise-" + kind, ExercisePreview);
  });

  var LessonPreview = createClass({
    render: function () {
      var lesson = data(this.props.entry);
      return h("div", { dir: "ltr" }, h("div", { className: "md-typeset", style: { padding: "1rem" } },
        h("div", { className: "admonition abstract" },
          h("p", { className: "admonition-title" }, "In this lesson \u00b7 about " + plural(lesson.minutes || 0, "minute")),
          h("p", null, lesson.promise || ""),
          h("ul", null, list(lesson.objectives).map(function (o, i) { return h("li", { key: i }, o); }))),
        this.props.widgetFor("body"),
        h("div", { className: "admonition success" },
          h("p", { className: "admonition-title" }, "Key points"),
          h("ul", null, list(lesson.key_points).map(function (o, i) { return h("li", { key: i }, o); })))));
    }
  });

  CMS.registerPreviewTemplate("lessons", LessonPreview);
}());
