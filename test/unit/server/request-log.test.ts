import { describe, expect, it } from "vitest";
import { redactUrl } from "../../../server/request-log";

describe("redactUrl", () => {
  it("keeps invitation tokens out of the log", () => {
    expect(redactUrl("/invitation/AbC123-secret_token")).toBe("/invitation/…");
    expect(redactUrl("/invitation/AbC123?x=1")).toBe("/invitation/…?x=1");
  });
  it("leaves other paths and query strings as they are", () => {
    expect(redactUrl("/acheteur/appels-d-offres/3/evaluation?index")).toBe("/acheteur/appels-d-offres/3/evaluation?index");
    expect(redactUrl("/guide?q=a?b")).toBe("/guide?q=a?b");
  });
});
