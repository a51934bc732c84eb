/* Search across documents and entities, with filters. The server searches its
 * store; the static report searches the documents embedded in it, the same way
 * (case-insensitive substring, same filters). */
"use strict";

R.staticSearch = function (query) {
  const index = R.data.search;
  const q = (query.q || "").toLowerCase();
  const docs = index.docs.filter((d) => {
    if (query.outlet && (d.outlet || "") !== query.outlet) return false;
    if (query.since && !(d.published && d.published >= query.since)) return false;
    if (query.until && !(d.published && d.published.slice(0, query.until.length) <= query.until)) return false;
    if (query.entity && !d.entities.includes(query.entity)) return false;
    if (query.event_type && !d.types.includes(query.event_type)) return false;
    if (!q) return true;
    const page = R.data.pages["/documents/" + d.id];
    const text = page ? page.document.text : "";
    return text.toLowerCase().includes(q) || (d.title || "").toLowerCase().includes(q);
  });
  const documents = docs.slice(query.offset, query.offset + 20).map((d) => {
    const page = R.data.pages["/documents/" + d.id];
    const text = page ? page.document.text : "";
    const at = q ? text.toLowerCase().indexOf(q) : -1;
    let snippet = { text: text.slice(0, 180), marks: [] };
    if (at >= 0) {
      const start = Math.max(0, at - 90);
      const lead = start ? "…" : "";
      snippet = { text: lead + text.slice(start, at + q.length + 90) + "…", marks: [[at - start + lead.length, at - start + lead.length + q.length]] };
    }
    return Object.assign({}, d, { snippet });
  });
  const entities = q
    ? index.entities.filter((e) => e.name.toLowerCase().includes(q) || e.aliases.some((a) => a.toLowerCase().includes(q)))
    : [];
  const named = query.entity ? index.entities.find((e) => e.id === query.entity) : null;
  return {
    query: Object.assign({}, query, { entity_name: named ? named.name : null }),
    documents,
    total: docs.length,
    offset: query.offset,
    limit: 20,
    entities: entities.slice(0, 20),
    entities_total: entities.length,
    outlets: index.outlets,
    event_types: index.event_types,
  };
};

R.pages.search = async function (main, arg, params) {
  const query = {
    q: params.get("q") || "",
    outlet: params.get("outlet") || "",
    since: params.get("since") || "",
    until: params.get("until") || "",
    entity: params.get("entity") || "",
    event_type: params.get("event_type") || "",
    offset: Number(params.get("offset") || 0),
  };
  const data = R.isStatic ? R.staticSearch(query) : await R.api("/search", Object.assign({ limit: 20 }, query));
  const go = (changes) => {
    location.hash = R.href("search", null, Object.assign({}, query, { offset: 0 }, changes));
  };
  const field = (name, attrs) => R.h("input", Object.assign({ name, value: query[name] || "" }, attrs));
  const choice = (name, options, blank) =>
    R.h(
      "select",
      { name },
      R.h("option", { value: "" }, blank),
      options.map((o) => R.h("option", { value: o, selected: o === query[name] || null }, o || "outlet unknown")),
    );
  const form = R.h(
    "form",
    {
      class: "search-form",
      role: "search",
      onsubmit: (event) => {
        event.preventDefault();
        const values = Object.fromEntries(new FormData(event.target).entries());
        go(Object.assign({ entity: query.entity }, values));
      },
    },
    field("q", { type: "search", placeholder: "words, a name…", "aria-label": "search", autofocus: true }),
    choice("outlet", data.outlets, "any source"),
    R.h("label", {}, "from ", field("since", { type: "date", "aria-label": "from" })),
    R.h("label", {}, "to ", field("until", { type: "date", "aria-label": "to" })),
    choice("event_type", data.event_types, "any event type"),
    R.h("button", { type: "submit" }, "Search"),
  );
  main.append(R.section("Search", form));
  if (query.entity) {
    form.append(
      R.h("p", { class: "chips" }, R.h("span", { class: "chip" }, "naming ", data.query.entity_name || query.entity, " ", R.h("a", { href: R.href("search", null, Object.assign({}, query, { entity: "" })), title: "remove this filter" }, "×"))),
    );
  }
  if (data.entities.length) {
    main.append(
      R.section(
        `Entities (${R.number(data.entities_total)})`,
        R.h(
          "ul",
          { class: "entity-hits" },
          data.entities.map((e) =>
            R.h("li", {}, R.link(e.name, "entity", e.id), R.h("span", { class: "muted small" }, ` ${e.type || ""} · ${R.plural(e.docs, "document")} · `), R.link("documents naming it", "search", null, { entity: e.id })),
          ),
        ),
      ),
    );
  }
  main.append(
    R.section(
      `Documents (${R.number(data.total)})`,
      data.documents.length
        ? R.h(
            "ol",
            { class: "doc-hits", start: data.offset + 1 },
            data.documents.map((d) =>
              R.h(
                "li",
                { class: "doc-hit" },
                R.link(d.title || d.id, "doc", d.id),
                R.h("span", { class: "muted small" }, ` ${d.label || d.outlet || ""}`),
                R.h("div", { class: "snippet" }, R.marked(d.snippet.text, d.snippet.marks)),
              ),
            ),
          )
        : R.empty("No document matches."),
      R.pager(data, (o) => go({ offset: o })),
    ),
  );
};
