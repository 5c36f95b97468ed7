// The three drawings: the dyad timeline (stacked QuadClass bars and the Goldstein line), the actor
// network (a small force layout computed here) and the event map (equirectangular world outline).
"use strict";

const QUAD_COLORS = {1: "#4c9a2a", 2: "#1f6fb2", 3: "#d99a00", 4: "#c0392b"};
const QUAD_KEYS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"};

EL.quadLegend = function (container) {
  EL.clear(container);
  for (const q of [1, 2, 3, 4]) {
    container.append(EL.h("span", {class: `q q${q}`}), EL.QUAD_NAMES[q]);
  }
  container.append(EL.h("span", {text: "  — line: mean Goldstein (right axis, −10…+10)"}));
};

// One panel per direction; both share the periods and the count scale so they compare at a glance.
EL.drawDyad = function (container, data) {
  EL.clear(container);
  const rows = data.rows || [];
  if (!rows.length) { container.append(EL.h("p", {class: "muted", text: "No dated events between these actors."})); return; }
  const periods = EL.allPeriods([...new Set(rows.map((r) => String(r.period)))].sort(), data.by);
  const directions = [`${data.a} -> ${data.b}`, `${data.b} -> ${data.a}`];
  const maxCount = Math.max(1, ...rows.map((r) => r.events));
  for (const direction of directions) {
    const byPeriod = new Map(rows.filter((r) => r.direction === direction).map((r) => [String(r.period), r]));
    const total = [...byPeriod.values()].reduce((sum, r) => sum + r.events, 0);
    const panel = EL.h("div", {class: "panel"}, EL.h("h2", {text: `${direction.replace("->", "→")}: ${total} events`}));
    panel.append(EL.dyadChart(periods, byPeriod, maxCount, data.by));
    container.append(panel);
  }
};

// Every period from the first to the last, so that quiet months show as gaps, not as nothing.
EL.allPeriods = function (seen, by) {
  if (seen.length < 2) return seen;
  const out = [];
  const day = new Date(seen[0] + "T00:00:00Z"), last = new Date(seen[seen.length - 1] + "T00:00:00Z");
  while (day <= last && out.length <= 400) {
    out.push(day.toISOString().slice(0, 10));
    if (by === "month") day.setUTCMonth(day.getUTCMonth() + 1);
    else day.setUTCDate(day.getUTCDate() + (by === "week" ? 7 : 1));
  }
  return out.length > 400 ? seen : out;
};

EL.dyadChart = function (periods, byPeriod, maxCount, by) {
  const W = 900, H = 230, left = 40, right = 44, top = 12, bottom = 34;
  const plotW = W - left - right, plotH = H - top - bottom;
  const svg = EL.svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img"});
  const step = plotW / periods.length;
  const barW = Math.max(2, Math.min(48, step * 0.7));
  const y = (count) => top + plotH - (count / maxCount) * plotH;
  const yG = (g) => top + plotH / 2 - (g / 10) * (plotH / 2);
  const ticks = Math.min(maxCount, 5);
  for (let t = 0; t <= ticks; t++) {
    const value = Math.round((maxCount * t) / ticks);
    svg.append(EL.svg("line", {class: "grid", x1: left, x2: W - right, y1: y(value), y2: y(value)}));
    svg.append(EL.svg("text", {x: left - 6, y: y(value) + 4, "text-anchor": "end", text: value}));
  }
  for (const g of [-10, 0, 10]) {
    svg.append(EL.svg("text", {x: W - right + 6, y: yG(g) + 4, text: (g > 0 ? "+" : "") + g}));
  }
  svg.append(EL.svg("line", {class: "grid", x1: left, x2: W - right, y1: yG(0), y2: yG(0), "stroke-dasharray": "4 3"}));
  const line = [];
  const labelEvery = Math.ceil(periods.length / 12);
  periods.forEach((period, i) => {
    const cx = left + step * (i + 0.5);
    const row = byPeriod.get(period);
    if (row) {
      let base = 0;
      for (const q of [1, 2, 3, 4]) {
        const count = row[QUAD_KEYS[q]] || 0;
        if (!count) continue;
        const rect = EL.svg("rect", {x: cx - barW / 2, y: y(base + count), width: barW, height: y(base) - y(base + count), fill: QUAD_COLORS[q]});
        rect.append(EL.svg("title", {text: `${period}: ${count} ${EL.QUAD_NAMES[q]}`}));
        svg.append(rect);
        base += count;
      }
      line.push([cx, yG(row.mean_goldstein), row]);
    }
    if (i % labelEvery === 0) svg.append(EL.svg("text", {x: cx, y: H - bottom + 16, "text-anchor": "middle", text: by === "month" ? period.slice(0, 7) : period}));
  });
  if (line.length) {
    svg.append(EL.svg("path", {class: "goldstein", d: line.map((p, i) => `${i ? "L" : "M"}${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(" ")}));
    for (const [cx, cy, row] of line) {
      const dot = EL.svg("circle", {cx, cy, r: 3.5, fill: "#1d2330"});
      dot.append(EL.svg("title", {text: `${row.period}: mean Goldstein ${row.mean_goldstein} over ${row.events} events`}));
      svg.append(dot);
    }
  }
  svg.append(EL.svg("line", {class: "axis", x1: left, x2: W - right, y1: top + plotH, y2: top + plotH, stroke: "#9aa3b2"}));
  return svg;
};

// Mean Goldstein −10…+10 as a colour from red (conflict) through grey to green (cooperation).
EL.goldsteinColor = function (g) {
  const t = Math.max(-1, Math.min(1, (g || 0) / 10));
  const grey = [150, 155, 165], red = [192, 57, 43], green = [31, 138, 76];
  const to = t < 0 ? red : green, a = Math.abs(t) ** 0.6;
  return `rgb(${grey.map((c, i) => Math.round(c + (to[i] - c) * a)).join(",")})`;
};

// A force layout (Fruchterman–Reingold): nodes repel, edges pull, a weak pull keeps separate groups
// near the centre, and the step shrinks as it cools. Starting positions are fixed (a circle), so the
// same network always draws the same way.
EL.layout = function (nodes, edges, W, H) {
  const n = nodes.length;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, n);
    node.x = W / 2 + (W / 4) * Math.cos(angle);
    node.y = H / 2 + (H / 4) * Math.sin(angle);
  });
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([a, b]) => a !== undefined && b !== undefined);
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.45;
  const steps = 500;
  for (let step = 0; step < steps; step++) {
    const temperature = (W / 12) * (1 - step / steps) + 0.5;
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
        const d = Math.max(Math.hypot(x, y), 0.01);
        const push = (k * k) / d;
        dx[i] += (x / d) * push; dy[i] += (y / d) * push; dx[j] -= (x / d) * push; dy[j] -= (y / d) * push;
      }
    }
    for (const [a, b] of links) {
      const x = nodes[a].x - nodes[b].x, y = nodes[a].y - nodes[b].y;
      const d = Math.max(Math.hypot(x, y), 0.01);
      const pull = (d * d) / k * 0.22;  // weaker than repulsion: edges settle near 1.65 k, room for labels
      dx[a] -= (x / d) * pull; dy[a] -= (y / d) * pull; dx[b] += (x / d) * pull; dy[b] += (y / d) * pull;
    }
    for (let i = 0; i < n; i++) {
      const cx = W / 2 - nodes[i].x, cy = H / 2 - nodes[i].y;
      const dc = Math.hypot(cx, cy);
      dx[i] += cx * dc / k * 0.35; dy[i] += cy * dc / k * 0.35;
      const d = Math.max(Math.hypot(dx[i], dy[i]), 0.01);
      const move = Math.min(d, temperature);
      nodes[i].x = Math.max(50, Math.min(W - 50, nodes[i].x + (dx[i] / d) * move));
      nodes[i].y = Math.max(36, Math.min(H - 30, nodes[i].y + (dy[i] / d) * move));
    }
  }
};

EL.drawNetwork = function (container, data) {
  EL.clear(container);
  const nodes = data.nodes.map((node) => Object.assign({}, node));
  if (!nodes.length) { container.append(EL.h("p", {class: "muted", text: "No events in this period."})); return; }
  const W = 1000, H = 620;
  EL.layout(nodes, data.edges, W, H);
  const at = new Map(nodes.map((node) => [node.id, node]));
  const maxEdge = Math.max(1, ...data.edges.map((e) => e.events));
  const maxNode = Math.max(1, ...nodes.map((node) => node.events));
  const radius = (node) => 6 + 18 * Math.sqrt(node.events / maxNode);
  const svg = EL.svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", id: "network-svg"});
  const defs = EL.svg("defs");
  defs.append(EL.svg("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9,
    markerUnits: "userSpaceOnUse", orient: "auto-start-reverse"},
    EL.svg("path", {d: "M0,0 L10,5 L0,10 z", fill: "#7a8294"})));
  svg.append(defs);
  const pairs = new Set(data.edges.map((e) => `${e.source}|${e.target}`));
  for (const edge of data.edges) {
    const a = at.get(edge.source), b = at.get(edge.target);
    if (!a || !b) continue;
    // Two-way pairs bend apart so both directions stay visible.
    const bend = pairs.has(`${edge.target}|${edge.source}`) ? 0.3 : 0;
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy));
    const mx = (a.x + b.x) / 2 - dy * bend, my = (a.y + b.y) / 2 + dx * bend;
    const rb = radius(b) + 3;
    const ex = b.x - (b.x - mx) / Math.max(1, Math.hypot(b.x - mx, b.y - my)) * rb;
    const ey = b.y - (b.y - my) / Math.max(1, Math.hypot(b.x - mx, b.y - my)) * rb;
    const path = EL.svg("path", {d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      fill: "none", stroke: EL.goldsteinColor(edge.mean_goldstein), "stroke-width": (1.2 + 5 * edge.events / maxEdge).toFixed(1),
      "stroke-opacity": 0.8, "marker-end": "url(#arrow)", class: "edge"});
    path.append(EL.svg("title", {text: `${edge.source} → ${edge.target}: ${edge.events} events, mean Goldstein ${edge.mean_goldstein} (${edge.cooperation} cooperative, ${edge.conflict} conflictual)`}));
    svg.append(path);
    svg.append(EL.svg("text", {class: "edge-label", x: ((a.x + b.x) / 2 * 0.5 + mx * 0.5).toFixed(1), y: ((a.y + b.y) / 2 * 0.5 + my * 0.5 - 3).toFixed(1),
      "text-anchor": "middle", text: `${edge.events} / ${edge.mean_goldstein > 0 ? "+" : ""}${Number(edge.mean_goldstein).toFixed(1)}`}));
  }
  for (const node of nodes) {
    const group = EL.svg("g", {class: node.linked ? "node" : "node unlinked", "data-id": node.id});
    const circle = EL.svg("circle", {cx: node.x.toFixed(1), cy: node.y.toFixed(1), r: radius(node).toFixed(1), fill: EL.goldsteinColor(node.mean_goldstein)});
    circle.append(EL.svg("title", {text: `${node.name} (${node.id}): ${node.events} events, mean Goldstein ${node.mean_goldstein}`}));
    group.append(circle, EL.svg("text", {x: node.x.toFixed(1), y: (node.y - radius(node) - 4).toFixed(1), "text-anchor": "middle", text: node.id}));
    svg.append(group);
  }
  container.append(svg);
};

// Equirectangular projection: lon −180…180 → x, lat 84…−60 → y (the poles hold no events).
EL.drawMap = function (container, world, points) {
  EL.clear(container);
  const W = 1000, H = 460, north = 84, south = -60;
  const x = (lon) => ((lon + 180) / 360) * W;
  const y = (lat) => ((north - lat) / (north - south)) * H;
  const svg = EL.svg("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", id: "map-svg"});
  svg.append(EL.svg("rect", {class: "ocean", x: 0, y: 0, width: W, height: H}));
  for (const feature of world.features) {
    const parts = [];
    for (const polygon of feature.geometry.coordinates) {
      for (const ring of polygon) {
        parts.push("M" + ring.map(([lon, lat]) => `${x(lon).toFixed(1)},${y(lat).toFixed(1)}`).join("L") + "Z");
      }
    }
    const path = EL.svg("path", {class: "country", d: parts.join(""), "fill-rule": "evenodd"});
    path.append(EL.svg("title", {text: feature.properties.name}));
    svg.append(path);
  }
  // Events at the same place share one circle, sized by their number and coloured by the most severe class.
  const places = new Map();
  for (const point of points) {
    const key = `${point.lat},${point.lon}`;
    if (!places.has(key)) places.set(key, []);
    places.get(key).push(point);
  }
  const sorted = [...places.values()].sort((a, b) => b.length - a.length);
  for (const group of sorted) {
    const first = group[0];
    const worst = Math.max(...group.map((p) => p.quad_class || 1));
    const link = EL.svg("a", {href: `#article/${first.article_key}/${first.sentence_index}`});
    const circle = EL.svg("circle", {class: "point", cx: x(first.lon).toFixed(1), cy: y(first.lat).toFixed(1),
      r: (4 + 3 * Math.sqrt(group.length)).toFixed(1), fill: QUAD_COLORS[worst]});
    circle.append(EL.svg("title", {text: `${first.place}: ${group.length} event(s)\n` +
      group.slice(0, 8).map((p) => `${p.date || "undated"} ${p.source_code} → ${p.target_code || "—"} ${p.code} ${p.name}`).join("\n")}));
    link.append(circle);
    svg.append(link);
  }
  container.append(svg);
};
