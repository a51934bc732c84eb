/* Rashomon pages: data access, DOM building, routing helpers.
 *
 * Every page is drawn from one JSON document: fetched from the server's /api
 * (rashomon serve) or, in the static report.html, read from the data embedded
 * in the page. Text from documents only ever reaches the page as text nodes
 * (never as HTML), so nothing a document contains can run as script.
 */
"use strict";
const R = (window.R = window.R || {});

R.data = null;
(function loadEmbedded() {
  const node = document.getElementById("rashomon-data");
  if (node) R.data = JSON.parse(node.textContent);
})();
R.isStatic = R.data !== null;
R.token = null;

R.NotIncluded = class extends Error {};
R.pages = {};

/* One page's data: from the server, or from the embedded pages of a static report. */
R.api = async function (path, params) {
  if (R.isStatic) {
    const page = R.data.pages[path];
    if (page === undefined) throw new R.NotIncluded(path);
    return page;
  }
  const url = new URL("api" + path, document.baseURI);
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      detail = (await response.json()).detail || detail;
    } catch (error) {
      /* not JSON */
    }
    const failure = new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
    failure.status = response.status;
    throw failure;
  }
  return response.json();
};

/* h("a", {href: "#/x", class: "y"}, "text", child...): an element; strings become text. */
R.h = function (tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      element.className = value;
    } else if (key === "dataset") {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
  R.append(element, children);
  return element;
};

R.append = function (parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
};

R.svg = function (tag, attrs, ...children) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2), value);
    } else if (value !== null && value !== undefined) {
      element.setAttribute(key, String(value));
    }
  }
  R.append(element, children);
  return element;
};

/* Hash routes: #/event/ID, #/search?q=... */
R.href = function (name, arg, params) {
  let route = "#/" + name + (arg !== undefined && arg !== null ? "/" + encodeURIComponent(arg) : "");
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const text = query.toString();
  return text ? route + "?" + text : route;
};

R.link = function (text, name, arg, params, attrs) {
  return R.h("a", Object.assign({ href: R.href(name, arg, params) }, attrs || {}), text);
};

R.section = function (title, ...children) {
  return R.h("section", { class: "card" }, R.h("h2", {}, title), children);
};

R.empty = function (text) {
  return R.h("p", { class: "muted" }, text);
};

R.table = function (headers, rows, attrs) {
  if (!rows.length) return R.empty("None found.");
  return R.h(
    "table",
    attrs || {},
    R.h("thead", {}, R.h("tr", {}, headers.map((title) => R.h("th", {}, title)))),
    R.h("tbody", {}, rows.map((cells) => R.h("tr", {}, cells.map((cell) => R.h("td", {}, cell))))),
  );
};

/* Text with [start, end] marks (offsets into it) wrapped in <mark class=css>. */
R.marked = function (text, marks, css) {
  const out = [];
  let cursor = 0;
  const sorted = (marks || []).slice().sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    if (start < cursor || end > text.length || start >= end) continue;
    out.push(text.slice(cursor, start));
    out.push(R.h("mark", { class: css || "hit" }, text.slice(start, end)));
    cursor = end;
  }
  out.push(text.slice(cursor));
  return out;
};

R.number = function (value) {
  if (value === null || value === undefined) return "";
  return Number(value).toLocaleString("en-GB");
};

R.plural = function (n, one, many) {
  return `${R.number(n)} ${n === 1 ? one : many || one + "s"}`;
};

/* Previous / next links for a {total, offset, limit} block. */
R.pager = function (page, go) {
  if (page.total <= page.limit) return null;
  const last = Math.min(page.offset + page.limit, page.total);
  return R.h(
    "nav",
    { class: "pager" },
    page.offset > 0
      ? R.h("button", { type: "button", onclick: () => go(Math.max(0, page.offset - page.limit)) }, "← previous")
      : null,
    ` ${R.number(page.offset + 1)}–${R.number(last)} of ${R.number(page.total)} `,
    last < page.total ? R.h("button", { type: "button", onclick: () => go(last) }, "next →") : null,
  );
};

R.stanceClass = function (stance) {
  return "stance stance-" + (stance || "none");
};
