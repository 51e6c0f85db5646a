import type { Request } from "express";
import { describe, expect, it } from "vitest";
import { isForeignOrigin } from "../../../server/origin-check";

/** The same rule as Remix's own check (X-Forwarded-Host first, else Host), answered before it throws. */
function req(method: string, headers: Record<string, string>): Request {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method, get: (name: string) => lower[name.toLowerCase()] } as unknown as Request;
}

describe("isForeignOrigin", () => {
  it("lets reads through whatever their Origin", () => {
    expect(isForeignOrigin(req("GET", { Host: "portail.example", Origin: "https://ailleurs.example" }))).toBe(false);
    expect(isForeignOrigin(req("HEAD", { Host: "portail.example", Origin: "null" }))).toBe(false);
  });

  it("lets writes from the portal itself, or without Origin, through", () => {
    expect(isForeignOrigin(req("POST", { Host: "portail.example", Origin: "https://portail.example" }))).toBe(false);
    expect(isForeignOrigin(req("POST", { Host: "localhost:3000", Origin: "http://localhost:3000" }))).toBe(false);
    expect(isForeignOrigin(req("POST", { Host: "portail.example" }))).toBe(false);
  });

  it("refuses writes from another site, another port, `null` or garbage", () => {
    for (const origin of ["https://ailleurs.example", "http://localhost:4000", "null", "pas une url"]) {
      expect(isForeignOrigin(req("POST", { Host: "localhost:3000", Origin: origin })), origin).toBe(true);
    }
    expect(isForeignOrigin(req("DELETE", { Host: "portail.example", Origin: "https://ailleurs.example" }))).toBe(true);
  });

  it("compares with the forwarded host first, like Remix", () => {
    expect(isForeignOrigin(req("POST", { Host: "127.0.0.1:3000", "X-Forwarded-Host": "portail.example, proxy.interne", Origin: "https://portail.example" }))).toBe(false);
    expect(isForeignOrigin(req("POST", { Host: "portail.example", "X-Forwarded-Host": "autre.example", Origin: "https://portail.example" }))).toBe(true);
  });

  it("refuses a write with an Origin but no host at all", () => {
    expect(isForeignOrigin(req("POST", { Origin: "https://portail.example" }))).toBe(true);
  });
});
