/**
 * JavaScript a page downloads, from the build's Remix manifest (build/client/manifest-*.js):
 * `npx tsx test/bench/route-js.bench.ts` (also run by `npm run bench`; needs `npm run build`).
 * For a route, the entry module, its imports, and every route module of the match (root and the
 * route) with their imports, each file counted once; raw bytes and gzip (level 9, what a
 * compressing server sends at most). Exits 1 when the comparison page is over 120 KB gzip (issue 16).
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const MAX_COMPARISON_GZIP_KB = 120;
const ROUTES: [label: string, ids: string[]][] = [
  ["comparaison des offres", ["root", "routes/acheteur.appels-d-offres.$id.comparaison"]],
  ["questionnaire fournisseur", ["root", "routes/fournisseur.consultations.$tenderId._index"]],
  ["évaluation d'une réponse", ["root", "routes/acheteur.appels-d-offres.$id.evaluation.$submissionId"]],
];

type Manifest = { entry: { module: string; imports?: string[] }; routes: Record<string, { module: string; imports?: string[] }> };

export function readManifest(clientDir: string): Manifest {
  const file = fs.readdirSync(clientDir).find((f) => /^manifest-.*\.js$/.test(f)) ?? fs.readdirSync(path.join(clientDir, "assets")).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error(`no Remix manifest in ${clientDir}: run npm run build`);
  const full = fs.existsSync(path.join(clientDir, file)) ? path.join(clientDir, file) : path.join(clientDir, "assets", file);
  const text = fs.readFileSync(full, "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as Manifest;
}

export function routeJs(clientDir: string, routeIds: string[]): { files: number; raw: number; gzip: number } {
  const manifest = readManifest(clientDir);
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (const id of routeIds) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`route ${id} not in the manifest`);
    files.add(route.module);
    for (const f of route.imports ?? []) files.add(f);
  }
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(clientDir, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.size, raw, gzip };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const clientDir = path.resolve("build/client");
  const kb = (n: number) => (n / 1024).toFixed(1);
  let failed = false;
  for (const [label, ids] of ROUTES) {
    const r = routeJs(clientDir, ids);
    console.log(`route JS: ${label}: ${r.files} files, ${kb(r.raw)} KB raw, ${kb(r.gzip)} KB gzip`);
    if (label.startsWith("comparaison") && r.gzip / 1024 > MAX_COMPARISON_GZIP_KB) {
      console.error(`  over the target: ${kb(r.gzip)} KB > ${MAX_COMPARISON_GZIP_KB} KB gzip`);
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
}
