// Builds what newsgraph serves into the Python package (service/static), so that running
// newsgraph needs neither Node nor a network: the explorer bundled by esbuild, and the
// files Swagger UI and ReDoc need for /docs and /redoc (only those, with their licences).
// One change to a copied file: ReDoc's sidebar shows its maker's logo from a CDN; the copy
// points that image at an empty data: URL (ReDoc then hides it), so /redoc fetches nothing
// from elsewhere (service/explorer.py's content security policy would block it anyway).

import { createHash } from "node:crypto";
import { build } from "esbuild";
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "service", "static");
const explorer = join(out, "explorer");
const docs = join(out, "docs");

const COPIES = [
  ["src/index.html", join(explorer, "index.html")],
  ["src/favicon.svg", join(explorer, "favicon.svg")],
  ["node_modules/cytoscape/LICENSE", join(explorer, "LICENSE.cytoscape.txt")],
  ["node_modules/swagger-ui-dist/swagger-ui-bundle.js", join(docs, "swagger-ui-bundle.js")],
  ["node_modules/swagger-ui-dist/swagger-ui.css", join(docs, "swagger-ui.css")],
  ["node_modules/swagger-ui-dist/favicon-32x32.png", join(docs, "favicon-32x32.png")],
  ["node_modules/swagger-ui-dist/LICENSE", join(docs, "LICENSE.swagger-ui.txt")],
  ["node_modules/redoc/LICENSE", join(docs, "LICENSE.redoc.txt")],
];

rmSync(out, { recursive: true, force: true });
mkdirSync(explorer, { recursive: true });
mkdirSync(docs, { recursive: true });

await build({
  entryPoints: { app: join(here, "src/main.js") },
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020"],
  legalComments: "eof",
  outdir: explorer,
  logLevel: "warning",
});
await build({
  entryPoints: { app: join(here, "src/app.css") },
  bundle: true,
  minify: true,
  outdir: explorer,
  logLevel: "warning",
});
for (const [from, to] of COPIES) copyFileSync(join(here, from), to);

const REDOC_LOGO = '"https://cdn.redoc.ly/redoc/logo-mini.svg"';
const redoc = readFileSync(join(here, "node_modules/redoc/bundles/redoc.standalone.js"), "utf8");
if (redoc.split(REDOC_LOGO).length !== 2) {
  throw new Error(
    `ReDoc's bundle no longer names its logo as ${REDOC_LOGO} once: check it by hand`,
  );
}
writeFileSync(join(docs, "redoc.standalone.js"), redoc.replace(REDOC_LOGO, '"data:,"'));

// What was built from what: tests/test_explorer.py fails when the sources or the built
// files changed since (run `make web`).
const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");
const SOURCES = [
  ".npmrc",
  "build.mjs",
  "package.json",
  "package-lock.json",
  ...readdirSync(join(here, "src")).map((n) => `src/${n}`),
];
const manifest = { sources: {}, outputs: {} };
for (const name of SOURCES.sort()) manifest.sources[name] = sha256(join(here, name));
for (const dir of [explorer, docs]) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const relative = path.slice(out.length + 1);
    manifest.outputs[relative] = sha256(path);
    console.log(`${String(statSync(path).size).padStart(9)}  ${relative}`);
  }
}
writeFileSync(join(here, "built.json"), `${JSON.stringify(manifest, null, 2)}\n`);
