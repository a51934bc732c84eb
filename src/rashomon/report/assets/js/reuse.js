/* Copied passages: the list, and one pair side by side with the differences marked. */
"use strict";

R.pages.reuse = async function (main, index, params) {
  if (index !== undefined && index !== null && index !== "") return R.pages.reusePair(main, index);
  const offset = Number(params.get("offset") || 0);
  const data = await R.api("/reuse", { offset, limit: 50 });
  main.append(
    R.section(
      `Copied passages (${R.number(data.total)})`,
      R.table(
        ["first published", "copied in", "words", "similarity", "passage"],
        data.items.map((r) => {
          const first = r.earlier === r.b.doc ? r.b : r.a;
          const then = first === r.a ? r.b : r.a;
          return [
            R.h("span", {}, R.link(first.label, "doc", first.doc), r.earlier ? null : R.h("span", { class: "muted small" }, " (order unknown)")),
            R.link(then.label, "doc", then.doc),
            R.number(r.words),
            `${Math.round(r.similarity * 100)}%`,
            R.link(r.snippet, "reuse", r.index),
          ];
        }),
      ),
      R.pager(data, (o) => (location.hash = R.href("reuse", null, { offset: o }))),
    ),
  );
};

R.reuseSide = function (side) {
  return R.h(
    "div",
    { class: "side" },
    R.h("h4", {}, R.link(side.label, "doc", side.doc, { at: side.start })),
    side.title ? R.h("p", { class: "muted small" }, side.title) : null,
    R.h(
      "blockquote",
      { class: "passage copied" },
      R.h("span", { class: "context" }, side.before ? "…" + side.before : ""),
      side.segments.map((seg) => (seg.same ? R.h("span", { class: "same" }, seg.text) : R.h("mark", { class: "diff" }, seg.text))),
      R.h("span", { class: "context" }, side.after ? side.after + "…" : ""),
    ),
  );
};

R.pages.reusePair = async function (main, index) {
  const r = await R.api("/reuse/" + index);
  const first = r.earlier === r.b.doc ? r.b : r.a;
  const then = first === r.a ? r.b : r.a;
  main.append(
    R.h(
      "header",
      { class: "card page-head" },
      R.h("p", { class: "kicker" }, "copied passage"),
      R.h("h1", {}, `${R.plural(r.words, "word")}, ${Math.round(r.similarity * 100)}% the same`),
      R.h("p", { class: "direction" }, r.earlier ? "→ " : "", r.direction),
    ),
    R.section(
      "Side by side",
      R.h("p", { class: "legend" }, R.h("mark", { class: "diff" }, "marked"), " words differ between the two passages; grey text is the context around them."),
      R.h("div", { class: "sides" }, R.reuseSide(first), R.reuseSide(then)),
    ),
  );
};
