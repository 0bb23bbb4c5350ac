// Small DOM helpers: build elements without innerHTML (names and sentences are data, never markup).

/** An element with attributes (`on*` functions become listeners) and children (strings are text). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, value === true ? "" : value);
    }
  }
  node.append(...children.flat().filter((child) => child !== undefined && child !== null));
  return node;
}

/** Replace a container's content. */
export function show(container, ...children) {
  container.replaceChildren(
    ...children.flat().filter((child) => child !== undefined && child !== null && child !== false),
  );
}

export const loading = (what) => el("p", { class: "loading", role: "status" }, `Loading ${what}…`);

export const failure = (err) =>
  el("p", { class: "error", role: "alert" }, err?.message || String(err));

export const hint = (...children) => el("p", { class: "hint" }, ...children);

/**
 * A link to an entity, or to a topic's stance view (a real href, so it opens in a new tab
 * too); a plain click calls `open(ref)` instead of reloading the page.
 */
export function entityLink(ref, open) {
  const topic = ref.label === "Topic";
  const query = topic
    ? `topic=${encodeURIComponent(ref.name)}`
    : `entity=${encodeURIComponent(ref.id)}`;
  return el(
    "a",
    {
      href: `?${query}`,
      class: "entity-link",
      onclick: (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        open(ref);
      },
    },
    ref.name,
  );
}

/** One evidence sentence with where it was read: outlet, date, speaker. */
export function evidenceItem(evidence) {
  const meta = [
    evidence.source || "outlet unknown",
    evidence.published || "date unknown",
    evidence.speaker_name ? `said by ${evidence.speaker_name}` : null,
  ].filter(Boolean);
  return el(
    "li",
    { class: "evidence" },
    el("blockquote", {}, evidence.sentence),
    el("div", { class: "meta" }, meta.join(" · ")),
  );
}
