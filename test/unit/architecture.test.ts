import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layering rules of design.md ("Dependency direction") and of decisions 006–007, checked on
 * the source text: who may import what, which libraries stay free of Node, and how routes reach the
 * domain. A rule broken here is broken for every reader of the code, so the test names the file
 * and the import.
 */
const ROOT = join(__dirname, "../..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir))) {
    const path = join(dir, entry);
    if (statSync(join(ROOT, path)).isDirectory()) {
      if (entry !== "node_modules" && entry !== "migrations") out.push(...sources(path));
    } else if (/\.(ts|tsx)$/.test(entry)) out.push(path);
  }
  return out;
}

const read = (file: string) => readFileSync(join(ROOT, file), "utf8");

/** Every module a file imports or re-exports, statically or dynamically. */
function imports(file: string): string[] {
  const src = read(file);
  return [
    ...src.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm),
    ...src.matchAll(/^\s*import\s+"([^"]+)"/gm),
    ...src.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
  ].map((m) => m[1]!);
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isNode = (specifier: string) => specifier.startsWith("node:") || NODE_BUILTINS.has(specifier.split("/")[0]!);
const NODE_GLOBALS = /\b(process|Buffer|require|__dirname|__filename|globalThis\.process)\b/;

/** Where a relative import lands, from the repository root (`app/lib/csv`…). */
const landing = (file: string, specifier: string) => relative(ROOT, join(ROOT, file, "..", specifier)).replace(/\\/g, "/");

function offending(files: string[], allowed: (specifier: string, file: string) => boolean): string[] {
  return files.flatMap((file) => imports(file).filter((s) => !allowed(s, file)).map((s) => `${file} → ${s}`));
}

describe("dependency direction", () => {
  it("db/ never imports the portal nor the libraries: only drizzle, SQLite, PostgreSQL's driver, Node and itself", () => {
    const files = sources("db");
    expect(files.length).toBeGreaterThan(3);
    expect(
      offending(files, (s, f) => s.startsWith("drizzle-orm") || s === "better-sqlite3" || s === "pg" || isNode(s) || s.startsWith("#db/") || (s.startsWith(".") && landing(f, s).startsWith("db/"))),
    ).toEqual([]);
  });

  it("db/schema/ declares its tables once for both engines: only columns.ts reaches drizzle's sqlite-core or pg-core (issue 19)", () => {
    const files = sources("db/schema").filter((f) => !f.endsWith("/columns.ts"));
    expect(files.length).toBeGreaterThan(5);
    expect(offending(files, (s) => !/^drizzle-orm\/(sqlite|pg)-core/.test(s))).toEqual([]);
  });

  it("questionnaires/ (content as data) imports only zod and itself", () => {
    const files = sources("questionnaires");
    expect(files.length).toBeGreaterThan(5);
    expect(offending(files, (s, f) => s === "zod" || (s.startsWith(".") && landing(f, s).startsWith("questionnaires/")))).toEqual([]);
  });

  it("scoring/ imports nothing from the project: zod and its own modules only", () => {
    const files = sources("scoring");
    expect(files.length).toBeGreaterThan(3);
    expect(offending(files, (s) => s === "zod" || /^\.\/[\w-]+$/.test(s))).toEqual([]);
  });

  it("emission-factors/ imports zod, papaparse, the reference data of questionnaires/ and itself — never the portal", () => {
    const files = sources("emission-factors");
    expect(files.length).toBeGreaterThan(5);
    expect(offending(files, (s) => s === "zod" || s === "papaparse" || s.startsWith("#questionnaires/") || /^\.\/[\w-]+$/.test(s))).toEqual([]);
  });

  it("nothing outside app/ (but tests and scripts) imports the portal", () => {
    const files = [...sources("db"), ...sources("scoring"), ...sources("questionnaires"), ...sources("emission-factors")];
    expect(offending(files, (s, f) => !s.startsWith("~/") && !(s.startsWith(".") && landing(f, s).startsWith("app/")))).toEqual([]);
  });
});

describe("pure libraries run in the browser and in scripts alike", () => {
  const pure = [...sources("scoring"), ...sources("emission-factors"), ...sources("questionnaires")];

  it.each(pure)("%s uses no Node API", (file) => {
    expect(imports(file).filter(isNode), file).toEqual([]);
    expect(read(file).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")).not.toMatch(NODE_GLOBALS);
  });
});

describe("the portal's own layering", () => {
  const app = sources("app");
  const routes = sources("app/routes");
  const domain = app.filter((f) => !f.startsWith("app/routes/") && !f.startsWith("app/components/"));

  it("imports the other top-level folders through their aliases, never ../../", () => {
    expect(offending(app, (s) => !s.startsWith("../../"))).toEqual([]);
  });

  it("defines every loader and action with defineLoader / defineAction, where AppError becomes a status", () => {
    const bare = routes.filter((f) => /^export\s+(async\s+)?function\s+(loader|action)\b/m.test(read(f)));
    expect(bare).toEqual([]);
    const wrapped = routes.filter((f) => /^export const (loader|action) = define(Loader|Action)\(/m.test(read(f)));
    expect(wrapped.length).toBeGreaterThan(40);
  });

  it("refuses through AppError: no domain or library module builds a Response to say no, no route catches and re-throws", () => {
    expect(domain.filter((f) => /throw new Response\(/.test(read(f)))).toEqual([]);
    expect(routes.filter((f) => /\bcatch\s*\(/.test(read(f)))).toEqual([]);
  });

  it("reaches data through user-scoped server functions: routes import no unsafe* helper and no storage module", () => {
    expect(routes.filter((f) => /\bunsafe[A-Z]\w*/.test(read(f)))).toEqual([]);
    expect(offending(routes, (s) => !/^~\/carbon\/(factor-store|factor-queries|blob-store)\.server$/.test(s))).toEqual([]);
  });

  it("keeps domains apart: carbon/ and tenders/ don't reach into responses/, carbon/ not into tenders/", () => {
    const into = (folder: string, target: string) => offending(sources(folder), (s) => !s.startsWith(`~/${target}/`));
    expect(into("app/carbon", "responses")).toEqual([]);
    expect(into("app/carbon", "tenders")).toEqual([]);
    expect(into("app/tenders", "responses")).toEqual([]);
  });

  it("writes access rules in one place: no role × organisation-kind test outside app/auth/permissions.server.ts", () => {
    const inline = /\b(user|admin)\.(organisationKind|role)\s*[!=]==/;
    const allowed = new Set(["app/auth/permissions.server.ts"]);
    // The only role comparisons left elsewhere choose a French label, not an access.
    const labels = /user\.role === "admin" \? "d'administration"/;
    expect(app.filter((f) => !allowed.has(f) && inline.test(read(f).replace(labels, "")))).toEqual([]);
  });
});
