/* The overview, and the lists (documents, events, entities). */
"use strict";

R.factLine = function (fact) {
  const values = fact.values.map((v) => `${v.label} (${R.plural(v.sources, "source")})`).join(" vs ");
  const why = fact.conflicts.map((c) => `${c.kind}: ${c.note || c.reason}`).join("; ");
  return R.h(
    "li",
    { class: "fact" },
    R.link(`${fact.slot_label}: ${values}`, "event", fact.event, { dispute: fact.id }),
    why ? R.h("span", { class: "why" }, " — " + why) : null,
    fact.event_summary ? R.h("div", { class: "muted small" }, fact.event_summary) : null,
  );
};

R.eventLine = function (event) {
  return R.h(
    "li",
    {},
    R.link(event.summary || event.trigger, "event", event.id),
    R.h(
      "span",
      { class: "muted small" },
      ` · ${event.date_label} · ${R.plural(event.sources, "source")}`,
      event.facts ? ` · ${R.plural(event.facts, "fact")}` : "",
      event.disputed ? ` · ${event.disputed} disputed` : "",
    ),
  );
};

R.framingMatrix = function (framing) {
  if (!framing.rows.length) return R.empty("No entity is framed by two sources or more.");
  return R.h(
    "div",
    { class: "scroll" },
    R.heatmap(
      framing.columns,
      framing.rows.map((row) => ({ head: R.link(row.name, "entity", row.target), cells: row.cells })),
      (cell) =>
        cell
          ? {
              text: cell.labels.slice(0, 2).join(", ") || cell.stance,
              css: R.stanceClass(cell.stance),
              title: `${cell.stance} (${Object.entries(cell.counts).map(([k, v]) => `${v} ${k}`).join(", ")})` +
                (cell.labels.length ? `; words: ${cell.labels.join(", ")}` : ""),
            }
          : { text: "", css: "none" },
    ),
    R.h(
      "p",
      { class: "legend" },
      R.h("span", { class: "stance stance-negative" }, "negative"),
      R.h("span", { class: "stance stance-neutral" }, "neutral"),
      R.h("span", { class: "stance stance-positive" }, "positive"),
      " stance of each source's own words; the cell shows the labels it uses.",
    ),
  );
};

R.documentsTable = function (documents) {
  return R.table(
    ["title", "source", "published", "words"],
    documents.map((d) => [
      R.link(d.title || d.id, "doc", d.id),
      d.outlet ? R.link(d.outlet, "search", null, { outlet: d.outlet }) : R.h("span", { class: "muted" }, "unknown"),
      d.published || R.h("span", { class: "muted" }, "no date"),
      R.number(d.words),
    ]),
  );
};

R.pages.overview = async function (main) {
  const data = await R.api("/overview");
  const counts = data.counts;
  main.append(
    R.h(
      "p",
      { class: "headline" },
      `${R.plural(counts.documents || 0, "document")} from ${R.plural(data.outlets.length, "source")}, ` +
        `${R.plural(counts.entities || 0, "entity", "entities")}, ${R.plural(counts.events || 0, "event")}, ` +
        `${R.plural(counts.facts || 0, "fact")}, ${R.plural(counts.reuse || 0, "copied passage")}` +
        (data.dates.first ? `; published ${data.dates.first.slice(0, 10)} to ${data.dates.last.slice(0, 10)}` : "") +
        (data.dates.undated ? ` (${data.dates.undated} without a date)` : ""),
    ),
  );
  const hasLeaning = data.outlets.some((o) => o.leaning);
  const headers = ["source", "documents", "words", "first", "last"].concat(hasLeaning ? ["leaning"] : []);
  main.append(
    R.section(
      "Sources",
      R.table(
        headers,
        data.outlets.map((o) =>
          [
            o.outlet ? R.link(o.outlet, "search", null, { outlet: o.outlet }) : R.h("span", { class: "muted" }, "outlet unknown"),
            R.number(o.documents),
            R.number(o.words),
            (o.first || "").slice(0, 10),
            (o.last || "").slice(0, 10),
          ].concat(hasLeaning ? [o.leaning || ""] : []),
        ),
      ),
    ),
  );
  const chart = R.h("div", { class: "chart", id: "coverage-chart" });
  main.append(
    R.section(
      "Coverage over time",
      chart,
      data.coverage.undated ? R.h("p", { class: "muted small" }, `${data.coverage.undated} document(s) without a date are not shown.`) : null,
    ),
  );
  R.coverageChart(chart, data.coverage);
  main.append(
    R.section(
      "Events most sources report",
      data.top_events.length && data.top_events[0].sources < 2
        ? R.h("p", { class: "muted small" }, "No event is reported by two sources or more; the events below each come from one source.")
        : null,
      data.top_events.length ? R.h("ol", { class: "events" }, data.top_events.map(R.eventLine)) : R.empty("No events."),
      R.h("p", {}, R.link("All events →", "events")),
    ),
    R.section(
      "Most disputed facts",
      data.disputed.length
        ? R.h("ol", { class: "facts" }, data.disputed.map(R.factLine))
        : R.empty("No fact is disputed or revised between the sources of this store."),
    ),
    R.section("How the sources frame the main actors", R.framingMatrix(data.framing)),
  );
  if (data.errors.length) {
    main.append(
      R.section(
        "Files that could not be read",
        R.h("ul", { class: "errors" }, data.errors.map((e) => R.h("li", {}, `${e.source}: ${e.reason}`))),
      ),
    );
  }
  const docs = R.h("div", {});
  main.append(R.section("Documents", docs));
  await R.pages.documentList(docs, 0);
};

R.pages.documentList = async function (holder, offset) {
  const data = await R.api("/documents", { offset, limit: 50 });
  holder.replaceChildren();
  R.append(holder, [R.documentsTable(data.documents), R.pager(data, (o) => R.pages.documentList(holder, o))]);
};

R.pages.events = async function (main, arg, params) {
  const offset = Number(params.get("offset") || 0);
  const data = await R.api("/events", { offset, limit: 50 });
  main.append(
    R.section(
      "Events, most sources first",
      R.h("ol", { class: "events", start: offset + 1 }, data.events.map(R.eventLine)),
      R.pager(data, (o) => (location.hash = R.href("events", null, { offset: o }))),
    ),
  );
};

R.pages.entities = async function (main, arg, params) {
  const offset = Number(params.get("offset") || 0);
  const q = params.get("q") || "";
  const data = await R.api("/entities", { offset, limit: 50, q });
  main.append(
    R.section(
      "Entities, most documents first",
      R.table(
        ["name", "type", "documents", "mentions"],
        data.entities.map((e) => [R.link(e.name, "entity", e.id), e.type || "", R.number(e.docs), R.number(e.mentions)]),
      ),
      R.pager(data, (o) => (location.hash = R.href("entities", null, { offset: o, q }))),
    ),
  );
};
