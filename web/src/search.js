// Type-ahead over entities and topics: one listbox, arrow keys and Enter, Escape closes.

import { api } from "./api.js";
import { el, show } from "./dom.js";

const DELAY_MS = 150;

function option(item, index) {
  const kind = item.kind === "topic" ? "Topic" : item.label;
  const detail =
    item.kind === "topic"
      ? `${item.supporters} for · ${item.opponents} against`
      : `${item.articles} article${item.articles === 1 ? "" : "s"}`;
  return el(
    "li",
    { role: "option", id: `suggestion-${index}`, class: "suggestion", dataset: { index } },
    el("span", { class: "badge", dataset: { label: kind } }, kind),
    el("span", { class: "name" }, item.name),
    el("span", { class: "detail" }, detail),
  );
}

/**
 * Wire `input` and the `list` under it; `onPick({kind, id, name})` is called with the choice,
 * `onError(err)` when the API refuses.
 */
export function createSearch({ input, list, onPick, onError }) {
  let items = [];
  let nothingFor = null; // the words that matched nothing, said in the list
  let active = -1;
  let timer = null;
  let inflight = null;

  function render() {
    input.setAttribute("aria-expanded", String(items.length > 0 || Boolean(nothingFor)));
    if (active >= 0) input.setAttribute("aria-activedescendant", `suggestion-${active}`);
    else input.removeAttribute("aria-activedescendant");
    const none = nothingFor && el("li", { class: "nothing" }, `Nothing matches “${nothingFor}”`);
    show(list, items.length ? items.map(option) : none);
    list.hidden = !items.length && !none;
    list.children[active]?.classList.add("active");
    list.children[active]?.scrollIntoView({ block: "nearest" });
  }

  function close() {
    items = [];
    nothingFor = null;
    active = -1;
    render();
  }

  function pick(index) {
    const item = items[index];
    if (!item) return;
    close();
    input.value = item.name;
    onPick(item);
  }

  async function suggest(q) {
    inflight?.abort();
    inflight = new AbortController();
    const { signal } = inflight;
    try {
      const [entities, topics] = await Promise.all([
        api.entities(q, { signal }),
        api.topics(q, { signal }),
      ]);
      const people = entities.data.filter((entity) => entity.label !== "Topic");
      items = [
        ...people.map((entity) => ({ ...entity, kind: "entity" })),
        ...topics.data.map((topic) => ({ ...topic, kind: "topic" })),
      ];
      nothingFor = items.length ? null : q;
      active = items.length ? 0 : -1;
      render();
    } catch (err) {
      if (err.name !== "AbortError") onError(err);
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) return close();
    timer = setTimeout(() => suggest(q), DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!items.length) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      active = (active + step + items.length) % items.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      pick(active);
    } else if (event.key === "Escape") {
      close();
    }
  });
  // mousedown, not click: it fires before the input's blur closes the list.
  list.addEventListener("mousedown", (event) => {
    const row = event.target.closest("[data-index]");
    if (!row) return;
    event.preventDefault();
    pick(Number(row.dataset.index));
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  return { close };
}
