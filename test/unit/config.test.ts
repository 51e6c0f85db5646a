import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SESSION_SECRET_FILE, dataDirSecret, loadConfig } from "~/config.server";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-config-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("session secret", () => {
  it("is generated once in the data folder with mode 0600, logged, then reused", () => {
    const dir = tempDir();
    const logs: string[] = [];
    const first = dataDirSecret(dir, (m) => logs.push(m));
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dir, SESSION_SECRET_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain(file);
    expect(dataDirSecret(dir, (m) => logs.push(m))).toBe(first);
    expect(logs).toHaveLength(1);
  });

  it("differs between two installations", () => {
    expect(dataDirSecret(tempDir(), () => {})).not.toBe(dataDirSecret(tempDir(), () => {}));
  });

  it("comes from SESSION_SECRET when set, even in production, and no file is written", () => {
    const dir = tempDir();
    const secret = "x".repeat(40);
    const c = loadConfig({ NODE_ENV: "production", DATA_DIR: dir, SESSION_SECRET: secret });
    expect(c.sessionSecret).toBe(secret);
    expect(fs.existsSync(path.join(dir, SESSION_SECRET_FILE))).toBe(false);
  });

  it("is generated in production when SESSION_SECRET is not set (npm start needs nothing)", () => {
    const dir = tempDir();
    const c = loadConfig({ NODE_ENV: "production", DATA_DIR: dir });
    expect(c.sessionSecret).toBe(fs.readFileSync(path.join(dir, SESSION_SECRET_FILE), "utf8").trim());
  });

  it("refuses a short explicit secret with a French message", () => {
    expect(() => loadConfig({ DATA_DIR: tempDir(), SESSION_SECRET: "court" })).toThrow(/au moins 32 caractères/);
  });

  it("refuses a truncated secret file instead of signing cookies with it", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, SESSION_SECRET_FILE), "abc\n", { mode: 0o600 });
    expect(() => dataDirSecret(dir, () => {})).toThrow(/trop court/);
  });
});

describe("TRUST_PROXY", () => {
  const trust = (TRUST_PROXY: string | undefined) => loadConfig({ DATA_DIR: tempDir(), SESSION_SECRET: "x".repeat(40), TRUST_PROXY }).trustProxy;

  it("trusts nobody by default", () => {
    expect(trust(undefined)).toBe(false);
    expect(trust("false")).toBe(false);
    expect(trust("0")).toBe(false);
  });

  it("accepts true, a number of hops, or a list of addresses, subnets and Express's names", () => {
    expect(trust("true")).toBe(true);
    expect(trust("2")).toBe(2);
    expect(trust("loopback, 10.0.0.0/8,fd00::/8, 192.168.1.10")).toEqual(["loopback", "10.0.0.0/8", "fd00::/8", "192.168.1.10"]);
  });

  it("refuses anything else with a French message naming the bad entries", () => {
    expect(() => trust("yes")).toThrow(/TRUST_PROXY: valeur non reconnue \(yes\)/);
    expect(() => trust("10.0.0.0/33, loopback")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => trust("proxy.example")).toThrow(/Configuration invalide/);
  });
});

describe("server settings", () => {
  it("default to all interfaces and a 10 s grace period on shutdown", () => {
    const c = loadConfig({ DATA_DIR: tempDir(), SESSION_SECRET: "x".repeat(40) });
    expect(c.host).toBeUndefined();
    expect(c.shutdownGraceMs).toBe(10_000);
  });
});

describe("account security settings", () => {
  const base = () => ({ DATA_DIR: tempDir(), SESSION_SECRET: "s".repeat(40) });

  it("defaults: 5 failures per account and client, 10 per client, no public address", () => {
    const c = loadConfig(base());
    expect(c).toMatchObject({ loginMaxFailures: 5, loginMaxFailuresPerClient: 10, loginWindowMinutes: 15, publicUrl: undefined });
  });

  it("takes PUBLIC_URL without its trailing slash, and refuses what is not an http(s) address, in French", () => {
    expect(loadConfig({ ...base(), PUBLIC_URL: "https://achats.example.org/" }).publicUrl).toBe("https://achats.example.org");
    expect(() => loadConfig({ ...base(), PUBLIC_URL: "achats.example.org" })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ ...base(), PUBLIC_URL: "javascript:alert(1)" })).toThrow(/PUBLIC_URL doit commencer par http/);
  });
});

describe("e-mail settings", () => {
  const mail = (env: Record<string, string>) => loadConfig({ DATA_DIR: tempDir(), SESSION_SECRET: "x".repeat(40), ...env });

  it("send nothing by default: no SMTP URL, a 30 s job interval, no public address", () => {
    const c = mail({});
    expect(c.smtpUrl).toBeUndefined();
    expect(c.mailIntervalMs).toBe(30_000);
    expect(c.publicUrl).toBeUndefined();
    expect(c.mailFrom).toContain("NR Procure");
  });

  it("accept smtp:// and smtps:// URLs, and a public address without its trailing slash", () => {
    expect(mail({ SMTP_URL: "smtps://portail:secret@smtp.example.org:465" }).smtpUrl).toBe("smtps://portail:secret@smtp.example.org:465");
    expect(mail({ SMTP_URL: "smtp://127.0.0.1:2525" }).smtpUrl).toBe("smtp://127.0.0.1:2525");
    expect(mail({ PUBLIC_URL: "https://achats.example.org/" }).publicUrl).toBe("https://achats.example.org");
  });

  it("refuse anything else with a French message", () => {
    expect(() => mail({ SMTP_URL: "http://smtp.example.org" })).toThrow(/SMTP_URL: attendu smtp:\/\//);
    expect(() => mail({ PUBLIC_URL: "achats.example.org" })).toThrow(/PUBLIC_URL: PUBLIC_URL doit être une adresse/);
    expect(() => mail({ MAIL_INTERVAL_MS: "10" })).toThrow(/MAIL_INTERVAL_MS/);
  });
});
