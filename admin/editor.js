/* The course's additions to the browser editor (Decap CMS), loaded after decap-cms.js.

   - the preview uses the site's own style sheets (names written by the build);
   - the text of a lesson, saved exactly as typed, with "Insert exercise": pick an exercise
     by its title, get its block;
   - a widget for an example's answer: one row a question, item or part;
   - previews that show an exercise as a learner sees it, and a lesson with its frame;
   - names for Decap's own unnamed controls (the preview frame, each list item's buttons),
     so a screen reader says what they do; the words are in NAMES below.

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
        "> **Exercise: $1.** The site shows the exercise here.")
      /* A note box ("!!! tip" or "??? note" and its indented lines) shows as a quote, not as
         code: the plain Markdown preview does not know these boxes. */
      value = value.replace(/^(?:!!!|\?\?\?\+?) *\S+(?: +"([^"]*)")? *\n((?:(?: {4}.*)?\n)*)/gm, function (all, title, body) {
        var lines = body.replace(/\n+$/, "").split("\n").map(function (line) { return "> " + line.replace(/^ {4}/, ""); });
        return (title ? "> **" + title + "**\n>\n" : "") + lines.join("\n") + "\n\n";
      });
      return markdown && markdown.preview ? h(markdown.preview, Object.assign({}, this.props, { value: value }))
        : h("pre", null, value);
    }
  });

  CMS.registerWidget("course-text", TextControl, TextPreview);

  /* ---- the rest of the form: lists a widget offers choices from ------------------------
     A widget sees the whole entry through getEntry(). Decap redraws a widget only when its own
     value changes, so the widgets below look again a few times a second: a part added above
     shows as a choice without a reload. */
  var LETTERS = "abcdefghijklmnopqrstuvwxyz";

  function entryData(props) {
    var entry = props.getEntry ? props.getEntry() : props.entry;
    var value = entry && entry.get ? entry.get("data") : null;
    return value && value.toJS ? value.toJS() : {};
  }

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  function plainValue(value) {
    return value && value.toJS ? value.toJS() : value;
  }

  var Watching = {
    componentDidMount: function () {
      var self = this;
      this.watch = window.setInterval(function () {
        var seen = JSON.stringify(self.source());
        if (seen !== self.state.seen) {
          self.setState({ seen: seen });
        }
      }, 400);
    },
    componentWillUnmount: function () {
      window.clearInterval(this.watch);
    },
    shouldComponentUpdate: function () {
      return true;
    }
  };

  /* ---- a choice among the ids of another list in the same form -----------------------
     Settings from admin/config.yml: `from` (the list), `show` (the field shown for each item),
     `multiple`. A value that names no item (a typo in the file) stays, marked, until it is
     taken away: nothing is lost without a click. */
  function choicesOf(props) {
    var field = props.field;
    var show = field.get("show") || "label";
    return list(entryData(props)[field.get("from")]).filter(function (item) { return item && item.id; })
      .map(function (item) { return { id: String(item.id), label: String(item[show] || item.id) }; });
  }

  var ChoiceControl = createClass(Object.assign({}, Watching, {
    getInitialState: function () {
      return { seen: "" };
    },
    source: function () {
      return choicesOf(this.props);
    },
    render: function () {
      var self = this;
      var field = this.props.field;
      var forID = this.props.forID;
      var choices = choicesOf(this.props);
      var known = choices.map(function (choice) { return choice.id; });
      var what = String(field.get("from") || "items");
      var wrapper = "nd-choice " + (this.props.classNameWrapper || "");
      if (!field.get("multiple")) {
        var value = plainValue(this.props.value) || "";
        var options = [h("option", { key: "", value: "" }, choices.length ? "Choose one" : "Fill in the " + what + " above first")]
          .concat(choices.map(function (choice) {
            return h("option", { key: choice.id, value: choice.id }, choice.label + " (" + choice.id + ")");
          }));
        if (value && known.indexOf(value) === -1) {
          options.push(h("option", { key: "?" + value, value: value }, value + " (not found above)"));
        }
        return h("div", { className: wrapper },
          h("select", { id: forID, value: value, onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle,
                        onChange: function (event) { self.props.onChange(event.target.value); } }, options));
      }
      var chosen = list(plainValue(this.props.value)).map(String);
      var shown = choices.concat(chosen.filter(function (id) { return known.indexOf(id) === -1; })
        .map(function (id) { return { id: id, label: id, missing: true }; }));
      function toggle(id, on) {
        var next = shown.map(function (choice) { return choice.id; }).filter(function (other) {
          return other === id ? on : chosen.indexOf(other) !== -1;
        });
        self.props.onChange(field.toList().clear().concat(next));
      }
      return h("div", { className: wrapper, id: forID, role: "group", "aria-label": field.get("label") },
        shown.length ? null : h("p", { className: "nd-choice__empty" }, "Fill in the " + what + " above first. They show here to tick."),
        shown.map(function (choice) {
          var id = forID + "-" + choice.id;
          return h("div", { className: "nd-choice__item", key: choice.id },
            h("input", { type: "checkbox", id: id, checked: chosen.indexOf(choice.id) !== -1,
                         onChange: function (event) { toggle(choice.id, event.target.checked); } }),
            h("label", { htmlFor: id }, choice.missing ? choice.id + " (not found above: untick to take it away)"
              : choice.label + " (" + choice.id + ")"));
        }));
    }
  }));

  var ChoicePreview = createClass({
    render: function () {
      var value = plainValue(this.props.value);
      return h("p", null, Array.isArray(value) ? value.join(", ") : String(value || ""));
    }
  });

  CMS.registerWidget("entry-choice", ChoiceControl, ChoicePreview);

  /* ---- an example's answer: one row for each question, item, part or choice point -------
     The rows come from the exercise above, so nobody types a number, a letter or a part id.
     What the file stores: quiz {"1": [a, c]}, sort {"1": category id}, dialogue
     {"1": letter}, pitch and message {part id: text}. */
  var SLOTS = {
    quiz: function (exercise) {
      return list(exercise.questions).map(function (question, i) {
        return { key: String(i + 1), label: "Question " + (i + 1) + ": " + (question.prompt || ""), type: "ticks",
                 choices: list(question.options).map(function (option, o) {
                   return { value: LETTERS[o], label: LETTERS[o] + ". " + (option.text || "") };
                 }) };
      });
    },
    sort: function (exercise) {
      var categories = list(exercise.categories).filter(function (c) { return c && c.id; }).map(function (c) {
        return { value: String(c.id), label: String(c.label || c.id) };
      });
      return list(exercise.items).map(function (item, i) {
        return { key: String(i + 1), label: "Item " + (i + 1) + ": " + (item.text || ""), type: "select", choices: categories };
      });
    },
    dialogue: function (exercise) {
      return list(exercise.lines).filter(function (line) { return list(line.choices).length; }).map(function (line, i) {
        return { key: String(i + 1), label: "Choice point " + (i + 1) + (line.prompt ? ": " + line.prompt : ""), type: "select",
                 choices: list(line.choices).map(function (choice, c) {
                   return { value: LETTERS[c], label: LETTERS[c] + ". " + (choice.text || "") };
                 }) };
      });
    },
    parts: function (exercise) {
      return list(exercise.parts).filter(function (part) { return part && part.id; }).map(function (part) {
        return { key: String(part.id), label: String(part.label || part.id), type: "text" };
      });
    }
  };
  SLOTS.pitch = SLOTS.parts;
  SLOTS.message = SLOTS.parts;
  var EMPTY = { quiz: "questions", sort: "items", dialogue: "lines with choices", pitch: "parts", message: "parts" };

  function answerOf(value) {
    var plain = plainValue(value) || {};
    return typeof plain === "object" && !Array.isArray(plain) ? plain : {};
  }

  var AnswerControl = createClass(Object.assign({}, Watching, {
    getInitialState: function () {
      return { seen: "" };
    },
    source: function () {
      var make = SLOTS[this.props.field.get("kind")];
      return make ? make(entryData(this.props)) : [];
    },
    set: function (key, answer) {
      var field = this.props.field;
      var current = answerOf(this.props.value);
      var keys = this.source().map(function (slot) { return slot.key; });
      Object.keys(current).forEach(function (old) {
        if (keys.indexOf(old) === -1) keys.push(old);
      });
      var map = field.clear();            /* an empty Immutable Map, the kind Decap stores */
      keys.forEach(function (name) {
        var value = name === key ? answer : current[name];
        var empty = value == null || value === "" || (Array.isArray(value) && !value.length);
        if (!empty) {
          map = map.set(name, Array.isArray(value) ? field.toList().clear().concat(value) : value);
        }
      });
      this.props.onChange(map);
    },
    render: function () {
      var self = this;
      var forID = this.props.forID;
      var kind = this.props.field.get("kind");
      var slots = this.source();
      var current = answerOf(this.props.value);
      var keys = slots.map(function (slot) { return slot.key; });
      var rows = slots.map(function (slot, index) {
        var id = forID + "-" + index;
        var value = current[slot.key];
        var control;
        if (slot.type === "ticks") {
          var ticked = Array.isArray(value) ? value : String(value == null ? "" : value).split(/[\s,]+/).filter(Boolean);
          control = h("div", { className: "nd-answer__ticks" }, slot.choices.map(function (choice) {
            var tickID = id + "-" + choice.value;
            return h("span", { key: choice.value, className: "nd-choice__item" },
              h("input", { type: "checkbox", id: tickID, checked: ticked.indexOf(choice.value) !== -1,
                           onChange: function (event) {
                             var on = event.target.checked;
                             self.set(slot.key, slot.choices.map(function (c) { return c.value; }).filter(function (letter) {
                               return letter === choice.value ? on : ticked.indexOf(letter) !== -1;
                             }));
                           } }),
              h("label", { htmlFor: tickID }, choice.label));
          }));
          return h("fieldset", { className: "nd-answer__row", key: slot.key }, h("legend", null, slot.label), control);
        }
        if (slot.type === "select") {
          control = h("select", { id: id, value: value == null ? "" : String(value),
                                  onChange: function (event) { self.set(slot.key, event.target.value); } },
            [h("option", { key: "", value: "" }, "No answer")].concat(slot.choices.map(function (choice) {
              return h("option", { key: choice.value, value: choice.value }, choice.label);
            })));
        } else {
          control = h("textarea", { id: id, rows: 2, value: value == null ? "" : String(value),
                                    onChange: function (event) { self.set(slot.key, event.target.value); } });
        }
        return h("div", { className: "nd-answer__row", key: slot.key }, h("label", { htmlFor: id }, slot.label), control);
      });
      Object.keys(current).filter(function (key) { return keys.indexOf(key) === -1; }).forEach(function (key) {
        var value = current[key];
        rows.push(h("div", { className: "nd-answer__row nd-answer__row--lost", key: "?" + key },
          h("p", null, "\u201c" + key + "\u201d is not in this exercise. Its answer was: " +
            (Array.isArray(value) ? value.join(", ") : String(value))),
          h("button", { type: "button", onClick: function () { self.set(key, null); } }, "Remove \u201c" + key + "\u201d")));
      });
      if (!rows.length) {
        rows.push(h("p", { key: "empty", className: "nd-choice__empty" },
          "Fill in the " + (EMPTY[kind] || "exercise") + " above first. They show here."));
      }
      return h("div", { className: "nd-answer " + (this.props.classNameWrapper || ""), id: forID,
                        role: "group", "aria-label": this.props.field.get("label") }, rows);
    }
  }));

  var AnswerPreview = createClass({
    render: function () {
      var answer = answerOf(this.props.value);
      return h("ul", null, Object.keys(answer).map(function (key) {
        var value = answer[key];
        return h("li", { key: key }, key + ": " + (Array.isArray(value) ? value.join(", ") : String(value)));
      }));
    }
  });

  CMS.registerWidget("example-answer", AnswerControl, AnswerPreview);

  /* ---- a new, blank form says nothing about saving ------------------------------------
     Decap shows "Changes saved" on any form without changes, a new one too. On a new entry
     (its address ends in /new) the course's style sheet hides that line until the first
     change, when Decap says "Unsaved changes". */
  function markNewEntry() {
    document.documentElement.toggleAttribute("data-nd-new-entry", /\/new(\?|$)/.test(window.location.hash));
  }
  window.addEventListener("hashchange", markNewEntry);
  markNewEntry();

  /* ---- names for Decap's own controls ------------------------------------------------------
     Decap leaves some controls without a name: the preview frame (and the page inside it, which
     has no title and no language), and on each item of a list the fold button, the drag handle
     and the remove button, which show only an icon. A screen reader says "button" and nothing
     more. Decap has no hook for these (its events are about saving and publishing), so a
     MutationObserver names them whenever Decap draws or redraws the form. Attributes React does
     not manage (aria-label, title, aria-expanded) stay put when it redraws. The names the
     editor adds are here, in one place. */
  var NAMES = {
    preview: "Preview",
    move: "Move this item",
    fold: "Fold this item",
    unfold: "Unfold this item",
    remove: "Remove this item",
    /* a box or choice in a preview whose text is not written yet, named by its place */
    part: "Part",
    option: "Option",
    prompt: "Question"
  };

  function setAttribute(element, name, value) {
    if (element.getAttribute(name) !== value) {     /* no change, no new mutation: no loop */
      element.setAttribute(name, value);
    }
  }

  /* The page inside the preview frame: a title, its language, and the page itself focusable
     (tabindex 0), so a keyboard user can scroll a long preview (it has nothing else to focus). */
  function namePreviewPage(frame) {
    var doc = frame.contentDocument;
    if (!doc || !doc.documentElement) {
      return;
    }
    if (doc.title !== NAMES.preview) {
      doc.title = NAMES.preview;
    }
    setAttribute(doc.documentElement, "lang", "en");
    setAttribute(doc.documentElement, "tabindex", "0");
  }

  function namePreview(frame) {
    setAttribute(frame, "title", NAMES.preview);
    if (!frame.ndNamed) {            /* the page inside is written when the frame loads */
      frame.ndNamed = true;
      frame.addEventListener("load", function () { namePreviewPage(frame); });
    }
    namePreviewPage(frame);
  }

  /* An item's bar holds, in order: the fold button, the drag handle, the remove button (a list
     may leave out the fold or remove button). An item is folded when its fields are hidden. */
  function nameListItem(bar) {
    var handle = bar.querySelector("[aria-roledescription=sortable]");
    if (handle) {
      setAttribute(handle, "aria-label", NAMES.move);
    }
    var fields = bar.parentElement && bar.parentElement.lastElementChild;
    var folded = !!fields && fields !== bar && window.getComputedStyle(fields).display === "none";
    Array.prototype.forEach.call(bar.querySelectorAll("button"), function (button) {
      var beforeHandle = handle ? !!(button.compareDocumentPosition(handle) & Node.DOCUMENT_POSITION_FOLLOWING)
        : button === bar.querySelector("button") && bar.querySelectorAll("button").length > 1;
      if (beforeHandle) {
        setAttribute(button, "aria-label", folded ? NAMES.unfold : NAMES.fold);
        setAttribute(button, "aria-expanded", folded ? "false" : "true");
      } else {
        setAttribute(button, "aria-label", NAMES.remove);
      }
    });
  }

  function nameDecapControls() {
    Array.prototype.forEach.call(document.querySelectorAll("iframe#preview-pane"), namePreview);
    Array.prototype.forEach.call(document.querySelectorAll("[class*=StyledListItemTopBar]"), nameListItem);
  }

  /* Once per frame at most, however many changes Decap makes at a time. */
  var pending = false;
  new MutationObserver(function () {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        nameDecapControls();
      });
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });

  /* ---- previews ------------------------------------------------------------------------- */

  function data(entry) {
    var value = entry.get("data");
    return value && value.toJS ? value.toJS() : {};
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
        h("textarea", { rows: 2, disabled: true, "aria-label": part.label || NAMES.part + " " + (i + 1) }));
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
              h("input", { type: multiple ? "checkbox" : "radio", disabled: true, "aria-label": option.text || NAMES.option + " " + LETTERS[o] }),
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
          h("textarea", { rows: Math.min(Number(prompt.lines) || 4, 8), disabled: true, "aria-label": prompt.text || NAMES.prompt + " " + (i + 1) }));
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
