// Shared helpers. Every piece of data reaches the page as a text node or an attribute value, never as
// markup: an article that contains <script> shows those characters and runs nothing.
"use strict";

const EL = {};

EL.QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};

EL.h = function (tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
};

EL.svg = function (tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "text") node.textContent = String(value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children) if (child) node.append(child);
  return node;
};

EL.clear = function (node) { while (node.firstChild) node.removeChild(node.firstChild); return node; };

EL.showError = function (problem) {
  const box = document.getElementById("error");
  if (!problem) { box.hidden = true; EL.clear(box); return; }
  EL.clear(box);
  box.append(EL.h("strong", {text: problem.message || String(problem)}));
  if (problem.fix) box.append(" — ", EL.h("span", {text: problem.fix}));
  box.hidden = false;
};

// Fetch JSON from the API; an error response (one shape for all) is thrown as its `error` object.
EL.api = async function (path, options) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    throw (body && body.error) || {message: `HTTP ${response.status}`, fix: null};
  }
  return body;
};

EL.query = function (params) {
  const parts = [];
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  }
  return parts.length ? "?" + parts.join("&") : "";
};

// The spans that justify one event record, as the server's `spans` (actors, action words, date).
EL.spansOf = function (event) {
  const evidence = event.evidence || {};
  const spans = [];
  for (const role of ["source", "target", "speaker"]) {
    if (evidence[role]) spans.push({start: evidence[role][0], end: evidence[role][1], kind: "actor"});
  }
  for (const span of evidence.action || []) spans.push({start: span[0], end: span[1], kind: "action"});
  const expr = event.date_expression;
  if (expr && expr.start !== null && expr.start !== undefined) spans.push({start: expr.start, end: expr.end, kind: "date"});
  return spans;
};

// Render `text` into `container` with the events' spans highlighted and an optional focus range.
// Each character gets the strongest kind that covers it (action over actor over date); runs of equal
// marking become one <span>. Offsets count Unicode code points, as the coder's do.
EL.renderHighlighted = function (container, text, events, focus) {
  EL.clear(container);
  const chars = Array.from(text);
  const rank = {date: 1, actor: 2, action: 3};
  const kinds = new Array(chars.length).fill(0);
  const owners = new Array(chars.length).fill(-1);
  events.forEach((event, index) => {
    for (const span of EL.spansOf(event)) {
      for (let i = Math.max(0, span.start); i < Math.min(chars.length, span.end); i++) {
        if (rank[span.kind] > kinds[i]) { kinds[i] = rank[span.kind]; owners[i] = index; }
      }
    }
  });
  const names = {1: "hl-date", 2: "hl-actor", 3: "hl-action"};
  const focused = (i) => focus && i >= focus.start && i < focus.end;
  let first = null;
  let i = 0;
  while (i < chars.length) {
    let j = i + 1;
    while (j < chars.length && kinds[j] === kinds[i] && owners[j] === owners[i] && focused(j) === focused(i)) j++;
    const piece = chars.slice(i, j).join("");
    const classes = [names[kinds[i]], focused(i) ? "focus" : null].filter(Boolean).join(" ");
    if (classes) {
      const node = EL.h("span", {class: classes, "data-event": owners[i] >= 0 ? owners[i] : null, text: piece});
      if (focused(i) && !first) first = node;
      container.append(node);
    } else {
      container.append(document.createTextNode(piece));
    }
    i = j;
  }
  return first;
};

EL.actorLabel = function (actor) {
  if (!actor) return "—";
  return actor.name && actor.name !== actor.code ? `${actor.code} (${actor.name})` : actor.code;
};

// One event as a list item: who did what to whom, the code, the date, the rule that made it.
EL.eventItem = function (event, options) {
  const opts = options || {};
  const item = EL.h("li", {class: `quad-${event.quad_class}`, "data-sentence": event.sentence_index});
  item.append(EL.h("div", {class: "who"}, EL.actorLabel(event.source), " → ", EL.actorLabel(event.target)));
  item.append(EL.h("div", {},
    EL.h("span", {class: "code", text: event.code}), " ", event.name || "",
    EL.h("span", {class: "muted", text: ` · Goldstein ${event.goldstein} · ${EL.QUAD_NAMES[event.quad_class] || ""}`})));
  const when = [event.date ? `date ${event.date}` : "undated", event.date_precision, event.modality !== "asserted" ? event.modality : null];
  if (event.action_geo) when.push(`at ${event.action_geo.full_name}`);
  item.append(EL.h("div", {class: "muted", text: when.filter(Boolean).join(" · ")}));
  item.append(EL.h("div", {class: "rule", text: `rule: ${event.rule}`}));
  if (opts.sentence) item.append(EL.h("div", {class: "sentence", text: event.sentence}));
  return item;
};
