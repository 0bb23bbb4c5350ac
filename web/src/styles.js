// How labels and predicates look. Node colours and relative sizes follow
// deploy/neo4j/newsgraph.grass (what Neo4j Browser shows); shapes tell labels apart
// without colour. Edges are coloured by what the stance means, not by their exact verb.

export const LABELS = {
  Person: { color: "#4C8EDA", border: "#2870C2", size: 55, shape: "ellipse" },
  Country: { color: "#D9C8AE", border: "#C0A378", size: 65, shape: "hexagon" },
  Organization: { color: "#8DCC93", border: "#5DB665", size: 60, shape: "round-rectangle" },
  Group: { color: "#C990C0", border: "#B261A5", size: 55, shape: "octagon" },
  Agreement: { color: "#F79767", border: "#F36924", size: 50, shape: "diamond" },
  Event: { color: "#FFC454", border: "#D7A013", size: 50, shape: "star" },
  Place: { color: "#DA7194", border: "#CC3C6C", size: 45, shape: "triangle" },
  Topic: { color: "#ECB5C9", border: "#DA7298", size: 70, shape: "round-tag" },
};
export const OTHER_LABEL = { color: "#A5ABB6", border: "#9AA1AC", size: 50, shape: "ellipse" };

const SUPPORT = "#2E9D45";
const OPPOSE = "#D32F2F";
const BLAME = "#EF7C00";
const ASK = "#1E6FD9";
const MEET = "#8A8F98";
const NEUTRAL = "#6D6259";

export const PREDICATES = {
  SUPPORTS: { color: SUPPORT, meaning: "supports" },
  OPPOSES: { color: OPPOSE, meaning: "opposes" },
  CRITICIZES: { color: BLAME, meaning: "criticizes" },
  ACCUSES: { color: BLAME, meaning: "accuses" },
  DEMANDS: { color: ASK, meaning: "demands" },
  PROPOSES: { color: ASK, meaning: "proposes" },
  MEETS: { color: MEET, meaning: "meets" },
  MEMBER_OF: { color: NEUTRAL, meaning: "member of" },
  HOLDS_ROLE: { color: NEUTRAL, meaning: "holds a role in" },
};
const OTHER_PREDICATE = { color: NEUTRAL, meaning: "related to" };

export const labelStyle = (label) => LABELS[label] ?? OTHER_LABEL;
export const predicateStyle = (type) => PREDICATES[type] ?? OTHER_PREDICATE;

/** The legend's rows: one per colour, naming the predicates that share it. */
export function edgeLegend() {
  const byColor = new Map();
  for (const { color, meaning } of Object.values(PREDICATES)) {
    byColor.set(color, [...(byColor.get(color) ?? []), meaning]);
  }
  return [...byColor].map(([color, meanings]) => ({ color, text: meanings.join(", ") }));
}

/** Cytoscape's stylesheet: sizes scaled down from the grass file's diameters. */
export function stylesheet() {
  const nodeRules = Object.entries(LABELS).map(([label, s]) => ({
    selector: `node[label = "${label}"]`,
    style: {
      "background-color": s.color,
      "border-color": s.border,
      width: s.size * 0.6,
      height: s.size * 0.6,
      shape: s.shape,
    },
  }));
  return [
    {
      selector: "node",
      style: {
        label: "data(name)",
        "background-color": OTHER_LABEL.color,
        "border-color": OTHER_LABEL.border,
        "border-width": 2,
        width: 30,
        height: 30,
        "font-size": 10,
        "font-family": "system-ui, sans-serif",
        color: "#1d2430",
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": "ellipsis",
        "text-max-width": 140,
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.75,
        "text-background-padding": 1,
      },
    },
    ...nodeRules,
    {
      selector: "node.focus",
      style: { "border-width": 4, "border-color": "#1d2430", "font-weight": "bold" },
    },
    { selector: "node.expanded", style: { "border-style": "double", "border-width": 5 } },
    { selector: "node:selected", style: { "overlay-color": "#1d2430", "overlay-opacity": 0.15 } },
    {
      selector: "edge",
      style: {
        width: "data(width)",
        "line-color": "data(color)",
        "target-arrow-color": "data(color)",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.8,
        "curve-style": "bezier",
        opacity: 0.85,
        "font-size": 9,
        "font-family": "system-ui, sans-serif",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.85,
      },
    },
    {
      selector: 'edge[type = "MEETS"]',
      style: { "target-arrow-shape": "none", "line-style": "dashed" },
    },
    {
      selector: "edge.labelled, edge:selected",
      style: { label: "data(caption)", opacity: 1, "z-index": 10 },
    },
    { selector: "edge:selected", style: { "overlay-color": "#1d2430", "overlay-opacity": 0.2 } },
  ];
}
