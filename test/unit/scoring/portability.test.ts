import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers";

// scoring/ runs in the browser (what-if panel) and stays independent of the app: only zod and
// relative imports, no Node globals.
describe("scoring/ is a pure, browser-safe library", () => {
  const dir = `${ROOT}scoring/`;
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

  it("has source files", () => expect(files.length).toBeGreaterThan(3));

  it.each(files)("%s imports only zod and sibling modules, and uses no Node API", (file) => {
    const src = readFileSync(dir + file, "utf8");
    const specifiers = [...src.matchAll(/(?:import|export)[^;]*?from\s+"([^"]+)"/g)].map((m) => m[1]!);
    for (const s of specifiers) expect(s === "zod" || /^\.\/[\w-]+$/.test(s), `${file}: ${s}`).toBe(true);
    expect(src).not.toMatch(/\b(process|Buffer|require|__dirname|globalThis\.process)\b/);
    expect(src).not.toMatch(/\bimport\(/);
  });
});
