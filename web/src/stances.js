// A topic's stance view: its supporters and opponents side by side, each with the evidence.

import { api } from "./api.js";
import { el, entityLink, evidenceItem } from "./dom.js";

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function actorItem(actor, open) {
  const verbs = actor.predicates.map((p) => p.toLowerCase()).join(", ");
  return el(
    "li",
    { class: "actor" },
    el(
      "details",
      {},
      el(
        "summary",
        {},
        entityLink(actor, open),
        el(
          "span",
          { class: "detail" },
          ` ${verbs} · ${plural(actor.sentences, "sentence")}`,
          actor.outlets ? `, ${plural(actor.outlets, "outlet")}` : "",
        ),
      ),
      el("ol", { class: "evidence-list" }, actor.evidence.map(evidenceItem)),
    ),
  );
}

function column(title, className, answer, open) {
  const actors = answer?.actors ?? [];
  return el(
    "section",
    { class: `stance-column ${className}` },
    el("h3", {}, `${title} `, el("span", { class: "count" }, String(actors.length))),
    actors.length
      ? el(
          "ul",
          { class: "actors" },
          actors.map((actor) => actorItem(actor, open)),
        )
      : el("p", { class: "hint" }, "none found"),
  );
}

/**
 * Both sides of a topic named in any words. Resolves to the panel's content and the topic
 * the words were read as (to draw its neighbourhood); a topic nobody discussed is a 404.
 */
export async function stancePanel(words, { open }) {
  const [support, oppose] = await Promise.all([
    api.stances(words, "support"),
    api.stances(words, "oppose"),
  ]);
  const topic = support.topic;
  const also = support.matched_topics.filter((t) => t.id !== topic.id).map((t) => t.name);
  const content = [
    el(
      "h2",
      {},
      el("span", { class: "badge", dataset: { label: "Topic" } }, "Topic"),
      ` ${topic.name}`,
    ),
    also.length ? el("p", { class: "summary" }, `Also counted: ${also.join("; ")}`) : null,
    el(
      "div",
      { class: "stances" },
      column("Supporters", "support", support, open),
      column("Opponents", "oppose", oppose, open),
    ),
  ];
  return { topic, content };
}
