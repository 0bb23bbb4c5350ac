// The explorer: wires search, graph and side panel together and keeps the view in the URL
// (?entity=ID or ?topic=WORDS), so a view can be shared and the back button works.

import { api } from "./api.js";
import { el, failure, hint, loading, show } from "./dom.js";
import { evidencePanel } from "./evidence.js";
import { createGraph } from "./graph.js";
import { createSearch } from "./search.js";
import { stancePanel } from "./stances.js";
import { edgeLegend, LABELS, labelStyle } from "./styles.js";
import { timelinePanel } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const panel = $("panel");
const message = $("graph-message");
let pending = 0;
let generation = 0; // a newer navigation makes older graph answers stale
let panelTurn = 0; // and a newer selection older panel answers
const expanded = new Set();

/** Count a promise as work in progress (body[data-busy] and the hook's busy()). */
function track(promise) {
  pending += 1;
  document.body.dataset.busy = "true";
  return promise.finally(() => {
    pending -= 1;
    if (!pending) delete document.body.dataset.busy;
  });
}

/** Fill the side panel with what `build()` resolves to, showing loading and errors. */
function fillPanel(what, build) {
  const mine = ++panelTurn;
  show(panel, loading(what));
  return track(
    build()
      .then((content) => mine === panelTurn && show(panel, content))
      .catch((err) => mine === panelTurn && show(panel, failure(err))),
  );
}

function say(...children) {
  show(message, ...children);
  message.hidden = children.length === 0;
}

const graph = createGraph($("graph"), {
  onNode: (node) => selectNode(node),
  onEdge: (edge) => selectEdge(edge),
});
const nodeOf = (id) => graph.nodes().find((node) => node.id === id) ?? { id, name: id };

function navigate(params) {
  const query = new URLSearchParams(params).toString();
  history.pushState(null, "", query ? `?${query}` : location.pathname);
  route();
}

const openEntity = (id) => navigate({ entity: id });
const openTopic = (words) => navigate({ topic: words });
/** Open what a link names: a topic's stance view, or an entity's neighbourhood. */
const open = (ref) => (ref.label === "Topic" ? openTopic(ref.name) : openEntity(ref.id));

async function drawNeighbourhood(id) {
  const mine = generation;
  say(loading("the graph"));
  try {
    const neighbourhood = await api.neighbourhood(id);
    if (mine !== generation) return;
    expanded.clear();
    expanded.add(id);
    await graph.show(neighbourhood, id);
    say(...(neighbourhood.edges.length ? [] : [hint("No relations of its own are recorded.")]));
  } catch (err) {
    if (mine !== generation) return;
    graph.clear();
    say(failure(err));
  }
}

function showEntity(id) {
  graph.clear();
  track(drawNeighbourhood(id));
  fillPanel("the timeline", async () => (await timelinePanel(id, { open })).content);
}

async function showTopic(words) {
  const mine = generation;
  const turn = ++panelTurn;
  graph.clear();
  say(loading("the topic"));
  show(panel, loading("the stances"));
  try {
    const { topic, content } = await track(stancePanel(words, { open }));
    if (turn === panelTurn) show(panel, content);
    if (mine === generation) await track(drawNeighbourhood(topic.id));
  } catch (err) {
    if (turn === panelTurn) show(panel, failure(err));
    if (mine === generation) say(failure(err));
  }
}

async function selectNode(node) {
  graph.select(node.id);
  if (node.label === "Topic") {
    fillPanel("the stances", async () => (await stancePanel(node.name, { open })).content);
  } else {
    fillPanel("the timeline", async () => (await timelinePanel(node.id, { open })).content);
  }
  if (expanded.has(node.id)) return;
  expanded.add(node.id);
  const mine = generation;
  await track(
    api
      .neighbourhood(node.id)
      .then((neighbourhood) => mine === generation && graph.merge(neighbourhood, node.id))
      .catch((err) => {
        expanded.delete(node.id);
        say(failure(err));
      }),
  );
}

function selectEdge(edge) {
  graph.select(edge.id);
  fillPanel("the evidence", () => evidencePanel(edge, { node: nodeOf, open }));
}

function chip(item, onclick) {
  const label = item.label ?? "Topic";
  return el("button", { type: "button", class: "chip", dataset: { label }, onclick }, item.name);
}

/** The start page: what to search for, or how to fill an empty graph. */
async function home(health) {
  graph.clear();
  say();
  if (health?.counts && health.counts.entities === 0) {
    show(panel, el("h2", {}, "The graph is empty"), emptyHint());
    say(emptyHint());
    return;
  }
  say(
    hint("Search for an entity or a topic, or pick one on the right, to draw its neighbourhood."),
  );
  fillPanel("suggestions", async () => {
    const [entities, topics] = await Promise.all([api.topEntities(), api.topTopics()]);
    const actors = entities.data.filter((entity) => entity.label !== "Topic");
    return [
      el("h2", {}, "Explore the graph"),
      el(
        "p",
        {},
        "Search above, or start from one of these. Click a node to expand it, an edge to read its evidence.",
      ),
      el("h3", {}, "Most mentioned"),
      el(
        "div",
        { class: "chips" },
        actors.map((e) => chip(e, () => openEntity(e.id))),
      ),
      el("h3", {}, "Most discussed topics"),
      el(
        "div",
        { class: "chips" },
        topics.data.map((t) => chip(t, () => openTopic(t.name))),
      ),
    ];
  });
}

const emptyHint = () =>
  hint(
    "Nothing has been ingested yet. Run ",
    el("code", {}, "newsgraph ingest data/articles"),
    " (or ",
    el("code", {}, "make up"),
    "), then reload this page.",
  );

let healthAnswer = null;

/** Draw whatever the URL asks for. */
function route() {
  generation += 1;
  const params = new URLSearchParams(location.search);
  const entity = params.get("entity");
  const topic = params.get("topic");
  $("search").value = "";
  if (healthAnswer?.counts?.entities === 0) home(healthAnswer);
  else if (entity) showEntity(entity);
  else if (topic) showTopic(topic);
  else home(healthAnswer);
}

function showHealth(health) {
  const line = $("health");
  if (!health.reachable) {
    line.textContent = "graph database unreachable";
    line.className = "health bad";
    return;
  }
  const { entities, relations, evidence, articles } = health.counts;
  line.textContent = `${health.engine} · ${articles} articles · ${entities} entities · ${relations} relations · ${evidence} sentences`;
  line.className = "health";
}

function legend() {
  const nodes = Object.keys(LABELS).map((label) =>
    el(
      "li",
      {},
      el("span", {
        class: "swatch node",
        style: `background:${labelStyle(label).color}; border-color:${labelStyle(label).border}`,
      }),
      label,
    ),
  );
  const edges = edgeLegend().map(({ color, text }) =>
    el("li", {}, el("span", { class: "swatch edge", style: `background:${color}` }), text),
  );
  show(
    $("legend"),
    el("ul", {}, nodes),
    el("ul", {}, edges),
    el("p", {}, "thicker: more sentences"),
  );
}

async function start() {
  legend();
  createSearch({
    input: $("search"),
    list: $("suggestions"),
    onPick: (item) => (item.kind === "topic" ? openTopic(item.name) : openEntity(item.id)),
    onError: (err) => say(failure(err)),
  });
  window.addEventListener("popstate", route);
  window.addEventListener("resize", () => graph.resize());
  try {
    healthAnswer = await track(api.health());
    showHealth(healthAnswer);
  } catch (err) {
    say(failure(err));
  }
  route();
}

// For tests and the curious: what is drawn, and whether anything is still loading.
window.newsgraphExplorer = {
  busy: () => pending > 0,
  nodeCount: () => graph.nodes().length,
  edgeCount: () => graph.edges().length,
  nodes: () => graph.nodes(),
  edges: () => graph.edges(),
  pagePosition: (id) => graph.pagePosition(id),
  cy: graph.cy,
};

start();
