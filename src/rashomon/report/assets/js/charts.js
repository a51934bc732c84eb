/* Pictures: coverage over time and the timeline axis (uPlot), the heat maps
 * (plain tables), and the entity graph (a radial layout in SVG: the entity in
 * the middle, the entities it appears with around it; a fixed layout needs no
 * force simulation, so no graph library).
 */
"use strict";

R.palette = ["#3d5a80", "#ee6c4d", "#2a9d8f", "#e9c46a", "#8d5fd3", "#6c757d", "#c1121f"];

R.chartWidth = function (element) {
  return Math.max(320, Math.min(element.clientWidth || 900, 1100));
};

/* Documents per period: bars for all sources, lines for the biggest outlets. */
R.coverageChart = function (element, coverage) {
  if (!coverage.periods.length) {
    element.append(R.empty("No publication dates: nothing to place in time."));
    return null;
  }
  const bars = uPlot.paths.bars({ size: [0.8, 40] });
  const series = [
    {},
    { label: "all sources", fill: "rgba(61,90,128,0.35)", stroke: "#3d5a80", paths: bars, points: { show: false } },
  ];
  coverage.series.forEach((s, i) => {
    const colour = R.palette[(i + 1) % R.palette.length];
    series.push({ label: s.outlet, stroke: colour, paths: () => null, points: { show: true, size: 7, fill: colour } });
  });
  /* Outlets as dots on the bars: a zero is no dot, not a line down to the axis. */
  const data = [coverage.x, coverage.total, ...coverage.series.map((s) => s.counts.map((n) => n || null))];
  const options = {
    width: R.chartWidth(element),
    height: 240,
    series,
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes: [{}, { label: `documents per ${coverage.unit}`, size: 56 }],
    legend: { live: true },
    cursor: { drag: { x: true, y: false } },
  };
  return new uPlot(options, data, element);
};

/* The timeline of an entity: one line per dated event on a zoomable time axis. */
R.timelineChart = function (element, rows, onPick) {
  const dated = rows.filter((row) => !row.undated && row.start !== null);
  if (!dated.length) {
    element.append(R.empty("No dated events to place on a time axis."));
    return null;
  }
  const lineHeight = 22;
  const minX = Math.min(...dated.map((r) => r.start));
  const maxX = Math.max(...dated.map((r) => r.end));
  const pad = Math.max((maxX - minX) * 0.04, 86400 * 20);
  let hover = -1;
  const draw = (u) => {
    const ctx = u.ctx;
    ctx.save();
    ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
    ctx.textBaseline = "middle";
    ctx.textAlign = "left";
    const left = u.bbox.left;
    const right = u.bbox.left + u.bbox.width;
    dated.forEach((row, i) => {
      const y = u.valToPos(i, "y", true);
      if (y < u.bbox.top - 10 || y > u.bbox.top + u.bbox.height + 10) return;
      let x0 = u.valToPos(row.start, "x", true);
      let x1 = u.valToPos(row.end, "x", true);
      if (x1 < left || x0 > right) return;
      x0 = Math.max(x0, left);
      x1 = Math.min(Math.max(x1, x0 + 6 * devicePixelRatio), right);
      const h = 12 * devicePixelRatio;
      ctx.fillStyle = i === hover ? "#ee6c4d" : row.sources.length > 1 ? "#3d5a80" : "#8aa1bd";
      ctx.fillRect(x0, y - h / 2, x1 - x0, h);
      const label = `${row.date_label} · ${row.trigger} · ${R.plural(row.sources.length, "source")}`;
      ctx.fillStyle = "#1d1d1f";
      const width = ctx.measureText(label).width;
      if (x1 + 6 + width < right) ctx.fillText(label, x1 + 6, y);
      else ctx.fillText(label, Math.max(left, x0 - 6 - width), y);
    });
    ctx.restore();
  };
  const options = {
    width: R.chartWidth(element),
    height: Math.min(Math.max(160, dated.length * lineHeight + 60), 8000),
    series: [{}, { show: false }],
    scales: {
      x: { time: true, range: () => [minX - pad, maxX + pad] },
      y: { range: () => [dated.length - 0.5, -0.5] },
    },
    axes: [{ side: 0 }, { show: false }],
    legend: { show: false },
    cursor: { drag: { x: true, y: false }, points: { show: false }, y: false },
    hooks: {
      draw: [draw],
      setCursor: [
        (u) => {
          const top = u.cursor.top;
          const row = top === undefined || top < 0 ? -1 : Math.round(u.posToVal(top, "y"));
          const next = row >= 0 && row < dated.length ? row : -1;
          if (next !== hover) {
            hover = next;
            u.redraw(false);
          }
        },
      ],
    },
  };
  const chart = new uPlot(options, [[minX, maxX], [null, null]], element);
  chart.over.addEventListener("click", () => {
    if (hover >= 0) onPick(dated[hover]);
  });
  chart.over.title = "Drag to zoom into a period, double-click to zoom out; click an event to open it.";
  return chart;
};

/* A heat map as a table: rows × columns, each cell drawn by cell(value) -> {text, css, title}. */
R.heatmap = function (columns, rows, cell) {
  return R.h(
    "table",
    { class: "heatmap" },
    R.h("thead", {}, R.h("tr", {}, R.h("th", {}, ""), columns.map((c) => R.h("th", { class: "col" }, c)))),
    R.h(
      "tbody",
      {},
      rows.map((row) =>
        R.h(
          "tr",
          {},
          R.h("th", { class: "row" }, row.head),
          row.cells.map((value) => {
            const drawn = cell(value);
            return R.h("td", { class: "cell " + (drawn.css || ""), title: drawn.title || null }, drawn.text || "");
          }),
        ),
      ),
    ),
  );
};

/* The entity and its neighbours on a circle; edge width = documents shared. */
R.egoGraph = function (graph) {
  const width = 720;
  const size = 460;
  const middle = size / 2;
  const centreX = width / 2;
  const radius = 170;
  const others = graph.nodes.filter((n) => !n.centre);
  if (!others.length) return R.empty("It appears with no other entity.");
  const place = { [graph.nodes[0].id]: [centreX, middle] };
  others.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / others.length - Math.PI / 2;
    place[node.id] = [centreX + radius * 1.25 * Math.cos(angle), middle + radius * Math.sin(angle)];
  });
  const heaviest = Math.max(...graph.edges.map((e) => e.weight), 1);
  const svg = R.svg("svg", { viewBox: `0 0 ${width} ${size}`, class: "graph", role: "img" });
  for (const edge of graph.edges) {
    const [a, b] = [place[edge.a], place[edge.b]];
    if (!a || !b) continue;
    const toCentre = edge.a === graph.nodes[0].id;
    svg.append(
      R.svg(
        "line",
        {
          x1: a[0], y1: a[1], x2: b[0], y2: b[1],
          class: toCentre ? "edge centre-edge" : "edge",
          "stroke-width": 1 + (5 * edge.weight) / heaviest,
        },
        R.svg("title", {}, `${R.plural(edge.weight, "shared document")}`),
      ),
    );
  }
  for (const node of graph.nodes) {
    const [x, y] = place[node.id];
    const anchor = node.centre ? "middle" : x < centreX - 5 ? "end" : x > centreX + 5 ? "start" : "middle";
    const dx = node.centre ? 0 : anchor === "end" ? -10 : anchor === "start" ? 10 : 0;
    const dy = node.centre ? -14 : y < middle ? -10 : 18;
    const group = R.svg(
      "a",
      { href: R.href("entity", node.id), class: "node node-" + (node.type || "x") },
      R.svg("circle", { cx: x, cy: y, r: node.centre ? 9 : 6 }),
      R.svg("text", { x: x + dx, y: y + dy, "text-anchor": anchor }, node.name),
      R.svg("title", {}, node.centre ? node.name : `${node.name}: ${R.plural(node.weight, "shared document")}`),
    );
    svg.append(group);
  }
  return svg;
};
