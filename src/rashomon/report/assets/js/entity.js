/* The entity page: timeline, labels per source, quotes, co-occurring entities. */
"use strict";

R.sourcesOf = function (row) {
  return row.sources.map((s, i) => [i ? ", " : "", R.link(s.label, "doc", s.doc)]);
};

R.timelineList = function (rows) {
  return R.h(
    "ol",
    { class: "timeline-list" },
    rows.map((row) =>
      R.h(
        "li",
        { class: "timeline-row", id: "tl-" + row.event },
        R.h("span", { class: "when" }, row.undated ? "undated" : row.date_label),
        R.h("span", { class: "what" }, R.link(row.summary, "event", row.event)),
        R.h("span", { class: "who muted small" }, R.sourcesOf(row)),
      ),
    ),
  );
};

R.pages.entity = async function (main, id) {
  const data = await R.api("/entities/" + id);
  const e = data.entity;
  main.append(
    R.h(
      "header",
      { class: "card page-head" },
      R.h("p", { class: "kicker" }, e.type || "entity"),
      R.h("h1", {}, e.name),
      R.h(
        "p",
        {},
        `${R.plural(e.mentions, "mention")} in ${R.plural(e.documents, "document")}`,
        e.aliases.length ? R.h("span", { class: "muted" }, " · also written " + e.aliases.join(", ")) : null,
        " · ",
        R.link("documents that name it", "search", null, { entity: e.id }),
      ),
      e.candidates.length
        ? R.h(
            "p",
            { class: "muted small" },
            "Kept apart (may be the same): ",
            e.candidates.map((c, i) => [i ? "; " : "", R.link(c.name || c.entity, "entity", c.entity), ` (${c.reason}, score ${Number(c.score).toFixed(2)})`]),
          )
        : null,
    ),
  );
  const rows = data.timeline.rows;
  const dated = rows.filter((r) => !r.undated);
  const undated = rows.filter((r) => r.undated);
  const chart = R.h("div", { class: "chart timeline-chart", id: "timeline-chart" });
  const picked = R.h("div", { class: "picked" });
  main.append(
    R.section(
      `Timeline: ${R.plural(dated.length, "dated event")}` + (undated.length ? `, ${undated.length} undated` : ""),
      R.h("p", { class: "muted small" }, "Drag across the axis to zoom into a period, double-click to zoom out, click a line to open it."),
      chart,
      picked,
      dated.length ? R.timelineList(dated) : null,
      undated.length
        ? R.h("details", { class: "undated" }, R.h("summary", {}, `Undated events (${undated.length}), placed by document order`), R.timelineList(undated))
        : null,
      data.timeline.total > rows.length ? R.h("p", { class: "muted small" }, `Showing the first ${rows.length} of ${data.timeline.total} events.`) : null,
    ),
  );
  R.timelineChart(chart, rows, (row) => {
    picked.replaceChildren(
      R.h("p", {}, R.h("strong", {}, row.date_label + ": "), R.link(row.summary, "event", row.event), R.h("span", { class: "muted small" }, " — ", R.sourcesOf(row))),
    );
  });
  main.append(
    R.section(
      "What each source calls it",
      data.labels.length
        ? R.table(
            ["source", "labels", "stance"],
            data.labels.map((l) => [
              R.link(l.source, "doc", l.doc),
              l.labels.length || l.words.length
                ? R.h(
                    "span",
                    { class: "chips" },
                    (l.words.length ? l.words : l.labels.map((t) => ({ text: t, quoted: false }))).map((w) =>
                      R.h("span", { class: "chip" + (w.quoted ? " quoted" : "") }, w.text, w.quoted ? R.h("small", {}, " quoted") : null),
                    ),
                  )
                : R.h("span", { class: "muted" }, "name only"),
              l.stance ? R.h("span", { class: R.stanceClass(l.stance) }, l.stance) : "",
            ]),
          )
        : R.empty("No source labels it beyond its name."),
    ),
    R.section(
      `Quotes (${data.quotes.length})`,
      data.quotes.length
        ? R.h(
            "ul",
            { class: "quotes" },
            data.quotes.map((q) =>
              R.h("li", {}, R.h("q", {}, q.text), R.h("span", { class: "muted small" }, ` — ${q.cue || ""}${q.direct ? "" : " (reported)"}, `), R.link(q.source, "doc", q.doc, { at: q.start })),
            ),
          )
        : R.empty("No quote attributed to it."),
    ),
    R.section("Appears with", R.egoGraph(data.graph)),
  );
};
