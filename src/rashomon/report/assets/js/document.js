/* The document reader: the text with every finding marked (overlaps kept),
 * layers that can be switched off, the removed boilerplate, metadata provenance. */
"use strict";

R.layers = ["entity", "time", "quantity", "quote", "fact", "event"];

/* The text cut at every span boundary; each piece carries the classes of the spans over it. */
R.layeredText = function (text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const holder = R.h("div", { class: "doc-text" });
  let open = [];
  let next = 0;
  const sorted = spans.slice().sort((a, b) => a.start - b.start);
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    while (next < sorted.length && sorted[next].start <= start) open.push(sorted[next++]);
    open = open.filter((s) => s.end > start);
    const piece = text.slice(start, end);
    if (!open.length) {
      holder.append(piece);
      continue;
    }
    const classes = open.map((s) => `k-${s.kind}` + (s.class ? ` c-${s.class}` : "")).join(" ");
    const title = open.map((s) => s.label).join("\n");
    const target = open.slice().reverse().find((s) => s.entity || s.event);
    const attrs = { class: "span " + classes, title, dataset: { start: String(start) } };
    if (target) {
      attrs.href = target.event ? R.href("event", target.event) : R.href("entity", target.entity);
      holder.append(R.h("a", attrs, piece));
    } else {
      holder.append(R.h("span", attrs, piece));
    }
  }
  return holder;
};

R.pages.doc = async function (main, id, params) {
  const data = await R.api("/documents/" + id);
  const d = data.document;
  const provenance = d.provenance || [];
  main.append(
    R.h(
      "header",
      { class: "card page-head" },
      R.h("p", { class: "kicker" }, "document"),
      R.h("h1", {}, d.title || d.id),
      R.h(
        "dl",
        { class: "meta" },
        ["outlet", "author", "published"].map((field) => {
          const from = provenance.filter((p) => p.field === field);
          return [
            R.h("dt", {}, field),
            R.h(
              "dd",
              {},
              d[field] || R.h("span", { class: "muted" }, "not stated"),
              from.map((p) =>
                R.h("span", { class: "provenance", title: p.evidence || "" }, ` from ${p.method}` + (p.confidence < 1 ? ` (${Math.round(p.confidence * 100)}%)` : "")),
              ),
            ),
          ];
        }),
        R.h("dt", {}, "words"),
        R.h("dd", {}, R.number(d.words)),
        R.h("dt", {}, "file"),
        R.h("dd", { class: "small" }, d.source),
      ),
      provenance.length
        ? R.h(
            "details",
            {},
            R.h("summary", {}, "Where each metadata field came from"),
            R.table(["field", "method", "evidence", "confidence"], provenance.map((p) => [p.field, p.method, p.evidence || "", `${Math.round(p.confidence * 100)}%`])),
          )
        : R.h("p", { class: "muted small" }, "No record of where the metadata came from (stored before provenance was kept)."),
    ),
  );
  const toggles = R.h(
    "p",
    { class: "legend layers" },
    R.layers.map((layer) =>
      R.h(
        "label",
        { class: "layer k-" + layer },
        R.h("input", {
          type: "checkbox",
          checked: true,
          onchange: (event) => text.classList.toggle("hide-" + layer, !event.target.checked),
        }),
        { entity: "names", time: "dates", quantity: "numbers", quote: "quotes", fact: "facts", event: "shared events" }[layer],
      ),
    ),
  );
  const text = R.layeredText(d.text, data.spans);
  main.append(R.section("Text", toggles, text));
  const at = params.get("at");
  if (at !== null) {
    const pieces = [...text.querySelectorAll("[data-start]")];
    const hit = pieces.find((p) => Number(p.dataset.start) >= Number(at));
    if (hit) {
      hit.classList.add("target");
      hit.scrollIntoView({ block: "center" });
    }
  }
  main.append(
    R.section(
      "Found in it",
      R.h("details", {}, R.h("summary", {}, `Facts (${data.facts.length})`), R.table(["statement", "fact"], data.facts.map((f) => [f.text || "", R.link(f.label, "event", f.event, { dispute: f.status === "agreed" ? null : f.fact })]))),
      R.h("details", {}, R.h("summary", {}, `Events other sources report too (${data.events.length})`), R.table(["event", "sources"], data.events.map((e) => [R.link(e.summary || e.trigger, "event", e.id), R.number(e.sources)]))),
      R.h("details", {}, R.h("summary", {}, `Dates (${data.times.length})`), R.table(["text", "meaning"], data.times.map((t) => [t.text, t.label]))),
      R.h("details", {}, R.h("summary", {}, `Numbers (${data.quantities.length})`), R.table(["text", "meaning"], data.quantities.map((q) => [q.text, q.label]))),
      R.h(
        "details",
        {},
        R.h("summary", {}, `Quotes and attributions (${data.quotes.length})`),
        R.table(["speaker", "cue", "kind", "text"], data.quotes.map((q) => [q.speaker_entity ? R.link(q.speaker || "?", "entity", q.speaker_entity) : q.speaker || "", q.cue || "", q.direct ? "quote" : "reported", q.text])),
      ),
      R.h(
        "details",
        {},
        R.h("summary", {}, `Copied passages (${data.reuse.length})`),
        R.table(["shared with", "words", ""], data.reuse.map((r) => [R.link(r.other_label, "doc", r.other), R.number(r.words), R.link("side by side", "reuse", r.index)])),
      ),
      R.h(
        "details",
        { class: "boilerplate" },
        R.h("summary", {}, `Removed boilerplate (${d.boilerplate.length} lines)`),
        R.table(["removed line", "why"], d.boilerplate.map((b) => [b.text, b.reason])),
      ),
    ),
  );
};
