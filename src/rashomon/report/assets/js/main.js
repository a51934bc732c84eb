/* Start: the navigation, the router (#/name/arg?params), and the token a server
 * link may carry (#token=...), kept for this tab only. */
"use strict";

R.nav = [
  ["Overview", ""],
  ["Events", "events"],
  ["Entities", "entities"],
  ["Copied passages", "reuse"],
  ["Search", "search"],
  ["Add documents", "add"],
];

R.route = async function () {
  const main = document.getElementById("main");
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const [name, ...rest] = path.split("/");
  const arg = rest.length ? decodeURIComponent(rest.join("/")) : null;
  const params = new URLSearchParams(query || "");
  const page = R.pages[name || "overview"];
  main.replaceChildren();
  main.setAttribute("aria-busy", "true");
  for (const link of document.querySelectorAll("#nav a")) {
    link.classList.toggle("active", link.dataset.route === (name || ""));
  }
  try {
    if (!page || ["documentList", "reusePair"].includes(name)) throw new R.NotIncluded(name);
    await page(main, arg, params);
  } catch (error) {
    main.replaceChildren(
      R.section(
        error instanceof R.NotIncluded || error.status === 404 ? "Not here" : "Something went wrong",
        R.h(
          "p",
          {},
          error instanceof R.NotIncluded
            ? R.isStatic
              ? "This page is not part of the static report (it keeps the largest items only). Run `rashomon serve` on the output folder to see everything."
              : "No such page."
            : error.message,
        ),
        R.h("p", {}, R.link("Back to the overview", "")),
      ),
    );
  } finally {
    main.removeAttribute("aria-busy");
  }
  if (!params.get("at") && !params.get("dispute")) window.scrollTo(0, 0);
};

R.start = function () {
  const token = location.hash.match(/^#token=([A-Za-z0-9_-]+)$/);
  if (token) {
    sessionStorage.setItem("rashomon-token", token[1]);
    history.replaceState(null, "", location.pathname + "#/add");
  }
  try {
    R.token = sessionStorage.getItem("rashomon-token");
  } catch (error) {
    R.token = null;
  }
  const nav = document.getElementById("nav");
  nav.replaceChildren(...R.nav.map(([title, route]) => R.h("a", { href: "#/" + route, dataset: { route } }, title)));
  if (R.isStatic) {
    document.getElementById("mode").textContent = `static report · written ${R.data.written}`;
  }
  window.addEventListener("hashchange", R.route);
  R.route();
};

document.addEventListener("DOMContentLoaded", R.start);
