// The dashboard: one page, a view per hash (#code, #timeline, #network, #map, #events, #article/KEY/N).
"use strict";

const $ = (id) => document.getElementById(id);
const loaded = {};
let worldCache = null;

const views = {
  code: {},
  timeline: {load: loadTimeline},
  network: {load: loadNetwork},
  map: {load: loadMap},
  events: {load: () => loadEvents(0)},
  article: {},
};

function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, "")) || "code";
  const [name, ...rest] = hash.split("/");
  const view = views[name] ? name : "code";
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${view}`;
  for (const link of document.querySelectorAll("#nav a")) link.classList.toggle("active", link.dataset.view === view);
  EL.showError(null);
  if (view === "article") { loadArticle(rest[0], rest[1]); return; }
  if (views[view].load && !loaded[view]) { loaded[view] = true; views[view].load(); }
}

async function guarded(status, work) {
  try {
    if (status) status.textContent = "loading…";
    await work();
    EL.showError(null);
  } catch (problem) {
    if (status) status.textContent = "";
    EL.showError(problem);
  }
}

// --- 1. code an article -----------------------------------------------------------------------------

async function codeArticle(event) {
  event.preventDefault();
  const text = $("code-text").value;
  if (!text.trim()) { EL.showError({message: "Paste some text first."}); return; }
  const status = $("code-status");
  $("code-run").disabled = true;
  await guarded(status, async () => {
    const started = performance.now();
    const body = {text};
    if ($("code-date").value) body.date = $("code-date").value;
    const result = await EL.api("/api/code", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
    EL.renderHighlighted($("code-article"), text, result.events, null);
    const list = EL.clear($("code-events"));
    if (!result.events.length) list.append(EL.h("li", {class: "muted", text: "No events found in this text."}));
    result.events.forEach((item, index) => {
      const li = EL.eventItem(item, {sentence: true});
      li.dataset.event = index;
      list.append(li);
    });
    status.textContent = `${result.events.length} event(s) in ${Math.round(performance.now() - started)} ms`;
  });
  $("code-run").disabled = false;
}

// --- 2. dyad timeline -------------------------------------------------------------------------------

async function loadTimeline(event) {
  if (event) event.preventDefault();
  EL.quadLegend($("dyad-legend"));
  await guarded($("dyad-status"), async () => {
    const params = {a: $("dyad-a").value.trim(), b: $("dyad-b").value.trim(), by: $("dyad-by").value};
    const data = await EL.api("/api/dyad" + EL.query(params));
    if (data.a) { $("dyad-a").value = data.a; $("dyad-b").value = data.b; }
    EL.drawDyad($("dyad-charts"), data);
    $("dyad-status").textContent = data.a ? `${data.a} and ${data.b} by ${data.by}` : "the store has no pair of actors yet";
  });
}

// --- 3. actor network -------------------------------------------------------------------------------

async function loadNetwork(event) {
  if (event) event.preventDefault();
  await guarded($("network-status"), async () => {
    const params = {since: $("network-since").value, until: $("network-until").value, level: $("network-level").value};
    const data = await EL.api("/api/network" + EL.query(params));
    EL.drawNetwork($("network-chart"), data);
    $("network-status").textContent = `${data.nodes.length} actors, ${data.edges.length} directed pairs`;
  });
}

// --- 4. map -----------------------------------------------------------------------------------------

async function loadMap(event) {
  if (event) event.preventDefault();
  const legend = EL.clear($("map-legend"));
  for (const q of [1, 2, 3, 4]) legend.append(EL.h("span", {class: `q q${q}`}), EL.QUAD_NAMES[q]);
  legend.append(EL.h("span", {text: " — circle size: events at the place; click for the sentence"}));
  await guarded($("map-status"), async () => {
    if (!worldCache) worldCache = await EL.api("/api/world");
    const data = await EL.api("/api/map" + EL.query({since: $("map-since").value, until: $("map-until").value}));
    EL.drawMap($("map-chart"), worldCache, data.points);
    $("map-status").textContent = `${data.points.length} events with a place`;
  });
}

// --- 5. events table --------------------------------------------------------------------------------

let eventsOffset = 0;
const PAGE = 50;

async function loadEvents(offset) {
  eventsOffset = Math.max(0, offset);
  await guarded($("ev-status"), async () => {
    const params = {source: $("ev-source").value.trim(), target: $("ev-target").value.trim(), code: $("ev-code").value.trim(),
      since: $("ev-since").value, until: $("ev-until").value, offset: eventsOffset, limit: PAGE};
    const data = await EL.api("/api/events" + EL.query(params));
    const body = EL.clear($("events-table").tBodies[0]);
    for (const row of data.events) {
      const link = EL.h("a", {href: `#article/${row.article_key}/${row.sentence_index}`, text: row.sentence || "(sentence)"});
      body.append(EL.h("tr", {class: `quad-${row.quad_class}`},
        EL.h("td", {text: row.date || "—"}),
        EL.h("td", {title: row.source_name, text: row.source_code}),
        EL.h("td", {title: row.target_name, text: row.target_code || "—"}),
        EL.h("td", {}, EL.h("span", {class: `q q${row.quad_class}`}), row.code),
        EL.h("td", {text: row.name}),
        EL.h("td", {text: row.goldstein}),
        EL.h("td", {text: row.place || ""}),
        EL.h("td", {text: row.num_mentions}),
        EL.h("td", {class: "sentence"}, link)));
    }
    const last = Math.min(data.total, eventsOffset + data.events.length);
    $("ev-status").textContent = data.total ? `${eventsOffset + 1}–${last} of ${data.total}` : "no events match";
    $("ev-prev").disabled = eventsOffset === 0;
    $("ev-next").disabled = last >= data.total;
  });
}

// --- an article with its events ---------------------------------------------------------------------

async function loadArticle(key, sentence) {
  await guarded(null, async () => {
    const article = await EL.api(`/api/articles/${encodeURIComponent(key)}`);
    $("article-title").textContent = article.title || article.id;
    $("article-meta").textContent = [article.publication_date && `published ${article.publication_date}`, article.source,
      article.url, `${article.events.length} event mention(s)`].filter(Boolean).join(" · ");
    const index = sentence === undefined ? null : Number(sentence);
    const target = article.sentences.find((s) => s.index === index && s.start !== null);
    const focus = target ? {start: target.start, end: target.end} : null;
    const first = EL.renderHighlighted($("article-text"), article.text, article.events, focus);
    const list = EL.clear($("article-events"));
    for (const item of article.events) {
      const li = EL.eventItem(item, {sentence: false});
      if (item.sentence_index === index) li.classList.add("in-focus");
      list.append(li);
    }
    if (first) first.scrollIntoView({block: "center"});
  });
}

async function loadStatus() {
  try {
    const info = await EL.api("/api/summary");
    $("store-status").textContent = info.store
      ? `${info.db}: ${info.counts.events} events from ${info.counts.articles} articles` + (info.writable ? " · writes on" : "")
      : `${info.db}: no store yet (coding works)`;
  } catch (problem) {
    $("store-status").textContent = "";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("code-form").addEventListener("submit", codeArticle);
  $("dyad-form").addEventListener("submit", loadTimeline);
  $("network-form").addEventListener("submit", loadNetwork);
  $("map-form").addEventListener("submit", loadMap);
  $("events-form").addEventListener("submit", (e) => { e.preventDefault(); loadEvents(0); });
  $("ev-prev").addEventListener("click", () => loadEvents(eventsOffset - PAGE));
  $("ev-next").addEventListener("click", () => loadEvents(eventsOffset + PAGE));
  window.addEventListener("hashchange", route);
  loadStatus();
  route();
});
