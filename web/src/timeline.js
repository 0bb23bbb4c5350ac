// An actor's timeline: its stances by date, flips marked.

import { api } from "./api.js";
import { el, entityLink, evidenceItem } from "./dom.js";
import { predicateStyle } from "./styles.js";

function entryItem(entry, open) {
  const color = predicateStyle(entry.predicate).color;
  return el(
    "li",
    { class: `timeline-entry ${entry.stance}${entry.changed ? " changed" : ""}` },
    el("time", {}, entry.published ?? "undated"),
    el(
      "details",
      {},
      el(
        "summary",
        {},
        el(
          "span",
          { class: "predicate", style: `color: ${color}` },
          predicateStyle(entry.predicate).meaning,
        ),
        " ",
        entityLink(entry.target, open),
        entry.changed
          ? el("span", { class: "flag", title: "the stance on this target changed" }, " changed")
          : null,
      ),
      el("ol", { class: "evidence-list" }, entry.evidence.map(evidenceItem)),
    ),
  );
}

/** Panel content for an entity: its name, label and timeline. */
export async function timelinePanel(entityId, { open }) {
  const answer = await api.timeline(entityId);
  const { entity, entries } = answer;
  return {
    entity,
    content: [
      el(
        "h2",
        {},
        el("span", { class: "badge", dataset: { label: entity.label } }, entity.label),
        ` ${entity.name}`,
      ),
      entity.aliases?.length
        ? el("p", { class: "summary" }, `Also: ${entity.aliases.slice(0, 6).join(", ")}`)
        : null,
      el("h3", {}, "Timeline of stances"),
      entries.length
        ? el(
            "ol",
            { class: "timeline" },
            entries.map((entry) => entryItem(entry, open)),
          )
        : el("p", { class: "hint" }, "No stances of its own are recorded."),
    ],
  };
}
