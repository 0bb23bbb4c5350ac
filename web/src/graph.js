// The interactive graph: a neighbourhood drawn with Cytoscape, nodes merged in on expansion.

import cytoscape from "cytoscape";
import { predicateStyle, stylesheet } from "./styles.js";

const COMFORTABLE_ZOOM = 1.3;
const edgeId = (edge) => `${edge.source}|${edge.type}|${edge.target}`;

/** An edge's thickness grows with the sentences asserting it, slower past a few. */
export const edgeWidth = (count) => Math.min(1.5 + 1.5 * Math.log2(1 + count), 9);

function elements({ nodes, edges }) {
  return [
    ...nodes.map((node) => ({ group: "nodes", data: { ...node } })),
    ...edges.map((edge) => ({
      group: "edges",
      data: {
        id: edgeId(edge),
        ...edge,
        width: edgeWidth(edge.count),
        color: predicateStyle(edge.type).color,
        caption: `${predicateStyle(edge.type).meaning}${edge.count > 1 ? ` (${edge.count})` : ""}`,
      },
    })),
  ];
}

/**
 * A graph in `container`; `onNode(data)` and `onEdge(data)` are called when one is clicked.
 * Layouts run to completion before the returned promises resolve.
 */
export function createGraph(container, { onNode, onEdge }) {
  const cy = cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.2,
    maxZoom: 3,
    selectionType: "single",
  });
  cy.on("tap", "node", (event) => onNode(event.target.data()));
  cy.on("tap", "edge", (event) => onEdge(event.target.data()));
  cy.on("mouseover", "edge", (event) => event.target.addClass("labelled"));
  cy.on("mouseout", "edge", (event) => event.target.removeClass("labelled"));
  cy.on("mouseover", "node", () => (container.style.cursor = "pointer"));
  cy.on("mouseout", "node", () => (container.style.cursor = ""));

  function run(layoutOptions) {
    const layout = cy.layout({
      name: "cose",
      animate: false,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 9000,
      padding: 30,
      ...layoutOptions,
    });
    const done = layout.promiseOn("layoutstop").then(() => {
      // A few nodes fitted to the screen would be drawn huge.
      if (cy.zoom() > COMFORTABLE_ZOOM) {
        cy.zoom(COMFORTABLE_ZOOM);
        cy.center();
      }
    });
    layout.run();
    return done;
  }

  return {
    cy,
    /** Replace the drawing with one neighbourhood, centred on `focusId`. */
    show(neighbourhood, focusId) {
      cy.elements().remove();
      cy.add(elements(neighbourhood));
      cy.$id(focusId).addClass("focus expanded");
      return run({ randomize: true });
    },
    /** Merge a node's neighbourhood into the drawing; new nodes start around it. */
    merge(neighbourhood, aroundId) {
      const around = cy.$id(aroundId);
      const origin = around.nonempty() ? around.position() : { x: 0, y: 0 };
      const fresh = elements(neighbourhood).filter((item) => cy.$id(item.data.id).empty());
      fresh.forEach((item, i) => {
        if (item.group === "nodes") {
          const angle = (2 * Math.PI * i) / fresh.length;
          item.position = {
            x: origin.x + 80 * Math.cos(angle),
            y: origin.y + 80 * Math.sin(angle),
          };
        }
      });
      cy.add(fresh);
      around.addClass("expanded");
      return run({ randomize: false, fit: true, numIter: 600 });
    },
    clear: () => cy.elements().remove(),
    select(id) {
      cy.elements().unselect();
      cy.$id(id).select();
    },
    /** Where an element is drawn on the page (tests click there). */
    pagePosition(id) {
      const item = cy.$id(id);
      if (item.empty()) return null;
      const point = item.isEdge() ? item.renderedMidpoint() : item.renderedPosition();
      const box = container.getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
    nodes: () => cy.nodes().map((node) => node.data()),
    edges: () => cy.edges().map((edge) => edge.data()),
    resize: () => cy.resize(),
  };
}
