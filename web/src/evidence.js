// An edge's evidence: the sentences that assert subject -predicate-> object.

import { api } from "./api.js";
import { el, entityLink, evidenceItem } from "./dom.js";
import { predicateStyle } from "./styles.js";

/** The relation the edge draws, among those /relations returns for its two ends. */
function sameRelation(relation, edge) {
  const ends = [relation.subject.id, relation.object.id];
  const forward = ends[0] === edge.source && ends[1] === edge.target;
  const backward = ends[0] === edge.target && ends[1] === edge.source;
  return relation.predicate === edge.type && (forward || (edge.type === "MEETS" && backward));
}

/** Panel content for one edge; `node(id)` gives a drawn node's data, `open(ref)` opens one. */
export async function evidencePanel(edge, { node, open }) {
  const answer = await api.relations(edge.source, edge.type, edge.target);
  const relation = answer.relations.find((r) => sameRelation(r, edge));
  const meaning = predicateStyle(edge.type).meaning;
  const heading = el(
    "h2",
    {},
    entityLink(node(edge.source), open),
    el(
      "span",
      { class: "predicate", style: `color: ${predicateStyle(edge.type).color}` },
      ` ${meaning} `,
    ),
    entityLink(node(edge.target), open),
  );
  if (!relation) {
    return [heading, el("p", { class: "hint" }, "No evidence sentences are stored for this edge.")];
  }
  const shown = relation.evidence.length;
  const count = relation.sentences;
  return [
    heading,
    relation.title ? el("p", { class: "role-title" }, `Title: ${relation.title}`) : null,
    el(
      "p",
      { class: "summary" },
      `${count} sentence${count === 1 ? "" : "s"} assert${count === 1 ? "s" : ""} it`,
      shown < count ? ` (the newest ${shown} shown)` : "",
    ),
    el("ol", { class: "evidence-list" }, relation.evidence.map(evidenceItem)),
  ];
}
