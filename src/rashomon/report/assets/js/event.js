/* The event page: sources × facts heat map, disputes side by side, framing words. */
"use strict";

R.passage = function (passage) {
  /* The paragraph with the sentence shaded and the value marked. */
  const text = passage.text;
  const [s0, s1] = passage.sentence || [0, 0];
  const marks = passage.marks.slice().sort((a, b) => a[0] - b[0]);
  const out = R.h("blockquote", { class: "passage" });
  let cursor = 0;
  const piece = (start, end) => {
    if (end <= start) return;
    const inside = Math.max(start, s0) < Math.min(end, s1);
    if (!inside || s1 <= s0) {
      out.append(text.slice(start, end));
      return;
    }
    const a = Math.max(start, s0);
    const b = Math.min(end, s1);
    out.append(text.slice(start, a), R.h("span", { class: "sentence" }, text.slice(a, b)), text.slice(b, end));
  };
  for (const [start, end] of marks) {
    if (start < cursor) continue;
    piece(cursor, start);
    out.append(R.h("mark", { class: "value" }, text.slice(start, end)));
    cursor = end;
  }
  piece(cursor, text.length);
  return out;
};

R.disputeSide = function (side, title) {
  return R.h(
    "div",
    { class: "side" },
    R.h("h4", {}, title, ": ", R.h("strong", {}, side.label || ""), R.h("span", { class: "muted small" }, ` (${R.plural(side.sources.length, "independent source")})`)),
    side.statements.map((s) =>
      R.h(
        "div",
        { class: "statement" },
        R.h(
          "div",
          { class: "who" },
          R.link(s.source, "doc", s.doc, { at: s.start }),
          s.attribution ? R.h("span", { class: "muted" }, ` — according to ${s.attribution}`) : null,
          s.copied_from ? R.h("span", { class: "muted" }, " — copied, counted with its original") : null,
        ),
        R.passage(s.passage),
      ),
    ),
  );
};

R.dispute = function (d, open) {
  const kind = d.kind === "revision" ? "revised" : "disputed";
  return R.h(
    "details",
    { class: "dispute", id: "dispute-" + d.id, dataset: { fact: d.fact }, open: open || null },
    R.h(
      "summary",
      {},
      R.h("span", { class: "badge badge-" + kind }, kind),
      ` ${d.slot_label}: ${d.a.label} vs ${d.b.label}`,
      d.note || d.reason ? R.h("span", { class: "why" }, ` — ${d.note || d.reason}`) : null,
      d.confidence !== null && d.confidence !== undefined
        ? R.h("span", { class: "muted small" }, ` (confidence ${Math.round(d.confidence * 100)}%)`)
        : null,
    ),
    R.h(
      "div",
      { class: "sides" },
      R.disputeSide(d.a, d.kind === "revision" ? "Earlier" : "One side"),
      R.disputeSide(d.b, d.kind === "revision" ? "Later" : "Other side"),
    ),
  );
};

R.roles = [
  ["supports", "gives a value another independent source also gives"],
  ["states", "the only source of its value, undisputed"],
  ["disputes", "gives a value another source contradicts"],
  ["revises", "gives the later value of a revision"],
  ["revised", "gives the earlier value of a revision"],
  ["copies", "its statement is copied from another source"],
  ["omits", "reports the event, says nothing of this"],
];

R.factMatrix = function (data) {
  if (!data.facts.length) {
    return R.empty("No facts of this event have been compared across its sources yet.");
  }
  const columns = data.facts.map((f) => `${f.slot_label}${f.status === "agreed" ? "" : " (" + f.status + ")"}`);
  const rows = data.sources.map((s, i) => ({ head: R.link(s.label, "doc", s.doc), cells: data.matrix[i] }));
  return R.h(
    "div",
    { class: "scroll" },
    R.heatmap(columns, rows, (cell) =>
      cell
        ? { text: cell.role === "omits" ? "omits" : cell.value, css: "role-" + cell.role, title: `${cell.role}${cell.note ? ": " + cell.note : ""}` }
        : { text: "", css: "none", title: "does not report this" },
    ),
    R.h(
      "p",
      { class: "legend" },
      R.roles.map(([role, meaning]) => R.h("span", { class: "cell role-" + role, title: meaning }, role)),
      " what each source says on each fact of the event (hover for why).",
    ),
  );
};

R.framingWords = function (data) {
  if (!data.framing.length) return R.empty("No framing words found for this event's sources.");
  const about = data.framing_of === "event" ? "the event" : "its participants";
  return R.h(
    "div",
    {},
    R.h("p", { class: "muted small" }, `Words each source uses for ${about}; words inside someone else's quotation are marked “quoted”.`),
    R.table(
      ["source", "words", "stance"],
      data.framing.map((f) => [
        R.link(f.source, "doc", f.doc),
        f.words.length
          ? R.h(
              "span",
              { class: "chips" },
              f.words.map((w) =>
                R.h(
                  "span",
                  { class: "chip" + (w.quoted ? " quoted" : ""), title: `${w.kind} for ${w.target}${w.quoted ? " (inside a quotation)" : ""}` },
                  w.text,
                  w.quoted ? R.h("small", {}, " quoted") : null,
                ),
              ),
            )
          : R.h("span", { class: "muted" }, "none"),
        Object.entries(f.stances)
          .map(([target, stance]) => `${target}: ${stance}`)
          .join("; "),
      ]),
    ),
  );
};

R.pages.event = async function (main, id, params) {
  const data = await R.api("/events/" + id);
  const e = data.event;
  main.append(
    R.h(
      "header",
      { class: "card page-head" },
      R.h("p", { class: "kicker" }, `event · ${e.trigger}`),
      R.h("h1", {}, e.summary || e.trigger),
      R.h(
        "p",
        {},
        R.h("strong", {}, e.date_label),
        e.date_text ? R.h("span", { class: "muted" }, ` (“${e.date_text}”)`) : null,
        e.place ? [" · in ", R.link(e.place.name, "entity", e.place.id)] : null,
        e.participants.length ? [" · with ", e.participants.map((p, i) => [i ? ", " : "", R.link(p.name, "entity", p.id)])] : null,
      ),
    ),
    R.section(
      `Reported by ${R.plural(data.sources.length, "source")}`,
      R.h("ul", {}, data.sources.map((s) => R.h("li", {}, R.link(s.label, "doc", s.doc, { at: s.mentions.length ? s.mentions[0].start : null }), s.title ? R.h("span", { class: "muted" }, " — " + s.title) : null))),
    ),
    R.section("What each source says", R.factMatrix(data)),
  );
  const wanted = params.get("dispute");
  const disputes = R.h("div", { class: "disputes" }, data.disputes.map((d) => R.dispute(d, d.fact === wanted || data.disputes.length === 1)));
  const heldBack = data.held_back || [];
  main.append(R.section("Disputes and revisions", data.disputes.length ? disputes : R.empty(heldBack.length ? "No dispute or revision found; some values differ but were not compared (below)." : "No dispute or revision found among the facts compared for this event.")));
  if (heldBack.length) {
    main.append(
      R.section(
        "Different values not compared",
        R.h(
          "ul",
          { class: "held-back" },
          heldBack.map((h) =>
            R.h("li", {}, R.h("b", {}, `${h.slot_label}: ${h.a} vs ${h.b}`), R.h("span", { class: "muted" }, ` — not compared: ${h.why}`)),
          ),
        ),
      ),
    );
  }
  main.append(R.section("Framing", R.framingWords(data)));
  if (wanted) {
    const target = main.querySelector(`details[data-fact="${CSS.escape(wanted)}"]`);
    if (target) target.scrollIntoView();
  }
};
