/**
 * Two app servers on one PostgreSQL database (issue 19 §4 and its "Done when"): the built portal
 * started twice, on two ports, with the same DATABASE_URL and SESSION_SECRET and each with its OWN
 * data folder (two machines share nothing but the database). Requests alternate between them:
 *   - a supplier signs in on A and the same cookie works on B (sessions and the CSRF secret are shared);
 *   - an autosave on B is read back on A; a save on A with the version B already moved past is a
 *     conflict (409, naming B's text);
 *   - evidence uploaded on A downloads on B, byte for byte (files shared through the database);
 * then two suppliers autosave as fast as they can, each save going to the other server than the one
 * before, while a buyer reads pages on B; server A gets SIGKILL in the middle. Afterwards every save
 * that was acknowledged (2xx) is in the database (verbatim, or superseded by a later save of the same
 * question), and B answered every request made to it (autosaves, the buyer's comparison page), after the kill too.
 *
 * One throwaway cluster for the project (test/support/postgres-global-setup.ts), `npm run setup` once
 * with DATABASE_URL (migrations + demo data), then both servers. Prints what it measured.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_PASSWORD, Jar } from "../support/http-jar";
import { createDatabase, dropDatabase } from "../support/postgres-cluster";
import { ensureBuilt, freePort, startPortal, waitForPortal, type Portal } from "../support/portal-process";
import { runSetupOnPostgres } from "../support/postgres-portal";

const SECRET = "scale-out-secret-0123456789abcdefghijklmn";
const SUPPLIERS = ["fournisseur@numerique-durable.example", "fournisseur@infoservices.example"] as const;
const BUYER = "acheteur@metropole.example";
/** Saves each writer gets acknowledged before the kill (half on each server), then after it (on B). */
const SAVES_BEFORE = 16;
const SAVES_AFTER = 12;

let adminUrl: string;
let databaseUrl: string;
const dirs: string[] = [];
let a: Portal;
let b: Portal;
let client: pg.Client;

const tempDir = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nr-scale-${name}-`));
  dirs.push(dir);
  return dir;
};

function env(dataDir: string, port?: number): Record<string, string | undefined> & { PORT: string } {
  const e: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, SESSION_SECRET: SECRET, DATA_DIR: dataDir, PORT: String(port ?? 3000) };
  delete e.DATABASE_PATH;
  return e as Record<string, string | undefined> & { PORT: string };
}

beforeAll(async () => {
  ensureBuilt();
  adminUrl = inject("postgresAdminUrl");
  databaseUrl = await createDatabase(adminUrl, "scale_out");
  const begun = Date.now();
  runSetupOnPostgres(env(tempDir("setup")));
  const setupMs = Date.now() - begun;
  const [portA, portB] = [await freePort(), await freePort()];
  a = startPortal(env(tempDir("a"), portA));
  b = startPortal(env(tempDir("b"), portB));
  await Promise.all([waitForPortal(a), waitForPortal(b)]);
  console.log(`scale-out: npm run setup on PostgreSQL ${setupMs} ms; both servers up after ${Date.now() - begun - setupMs} ms`);
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await Promise.all([a?.stop(), b?.stop()]);
  if (databaseUrl) await dropDatabase(adminUrl, databaseUrl);
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const res = await client.query(sql, params);
  return res.rows[0] as T;
}

/** A signed-in user with one jar per server sharing the same cookies (one browser, two back ends). */
async function signInOn(first: Portal, second: Portal, email: string) {
  const jarFirst = new Jar(first.baseUrl);
  const signedIn = await jarFirst.signIn(email, DEMO_PASSWORD);
  expect(signedIn.status, `connexion de ${email}`).toBe(302);
  const jarSecond = new Jar(second.baseUrl);
  jarSecond.cookies = jarFirst.cookies;
  return [jarFirst, jarSecond] as const;
}

async function responseOf(email: string) {
  return one<{ responseId: number; tenderId: number; version: number }>(
    `select r.id as "responseId", r.tender_id as "tenderId", r.version from responses r
     join memberships m on m.organisation_id = r.supplier_organisation_id
     join users u on u.id = m.user_id where u.email = $1`,
    [email],
  );
}

async function questionIds(responseId: number): Promise<string[]> {
  return (await client.query("select question_id as id from response_answers where response_id = $1 order by id", [responseId])).rows.map((r: { id: string }) => r.id);
}

const autosave = (jar: Jar, tenderId: number, csrf: string, version: number, questionId: string, text: string) =>
  jar.post(`/fournisseur/consultations/${tenderId}.data?index`, { version: String(version), [`answers.${questionId}.level`]: "3", [`answers.${questionId}.text`]: text }, csrf);

/** The draft's version as the review page shows it (what a browser reloading the page gets). */
async function pageVersion(jar: Jar, tenderId: number): Promise<number> {
  const res = await jar.fetch(`/fournisseur/consultations/${tenderId}/verification`);
  const html = await res.text();
  expect(res.status, `page de vérification sur ${jar.baseUrl}`).toBe(200);
  const v = /name="version" value="(\d+)"/.exec(html)?.[1];
  if (!v) throw new Error(`pas de version sur la page de vérification (${jar.baseUrl})`);
  return Number(v);
}

describe("two app servers on one PostgreSQL database", () => {
  it("shares the session, the drafts, the conflict check and the evidence files across servers", async () => {
    const email = SUPPLIERS[0];
    const [onA, onB] = await signInOn(a, b, email);
    // The cookie set by A is a session on B.
    const home = await onB.fetch("/fournisseur");
    expect(home.status, "espace fournisseur sur B avec le cookie de A").toBe(200);
    expect(await home.text()).toContain("Espace fournisseur");

    const { responseId, tenderId } = await responseOf(email);
    const csrf = await onB.csrf(`/fournisseur/consultations/${tenderId}`);
    // The demo answers are submitted: withdraw on A (with the token B's page gave) to edit the draft.
    const withdrawn = await onA.post(`/fournisseur/consultations/${tenderId}?index`, { intent: "withdraw" }, csrf);
    expect(withdrawn.status, "retrait du dépôt sur A").toBe(302);

    // A question of the first section (Gouvernance), whose page shows the answer's text.
    const question = (await questionIds(responseId)).find((id) => id.startsWith("GOUV-"));
    const version = await pageVersion(onA, tenderId);
    const fromB = `Écrit sur le serveur B — ${crypto.randomUUID()}`;
    const saved = await autosave(onB, tenderId, csrf, version, question!, fromB);
    expect(saved.status, "sauvegarde automatique sur B").toBe(200);
    await saved.arrayBuffer();
    // Read on A: the section page shows the answer B saved, the review page the version B moved to.
    const section = await onA.fetch(`/fournisseur/consultations/${tenderId}/sections/gouvernance`);
    expect(section.status).toBe(200);
    expect(await section.text(), "la réponse enregistrée sur B, lue sur A").toContain(fromB);
    expect(await pageVersion(onA, tenderId)).toBe(version + 1);

    // A page of A still on the old version saves the same question: conflict, with B's text.
    const stale = await autosave(onA, tenderId, csrf, version, question!, "Écrit sur A sur une version périmée");
    expect(stale.status, "sauvegarde sur une version périmée, sur A").toBe(409);
    expect(await stale.text(), "le conflit montre la réponse de B").toContain(fromB);
    expect((await one<{ text: string }>("select text from response_answers where response_id = $1 and question_id = $2", [responseId, question])).text).toBe(fromB);

    // Evidence uploaded on A downloads on B.
    const pdf = Buffer.from(`%PDF-1.7\n% preuve partagée ${crypto.randomUUID()}\n`);
    const form = new FormData();
    form.set("csrf", csrf);
    form.set("intent", "upload");
    form.set("questionId", question!);
    form.set("file", new Blob([pdf], { type: "application/pdf" }), "politique-nr.pdf");
    const uploaded = await onA.fetch(`/fournisseur/consultations/${tenderId}.data?index`, { method: "POST", body: form });
    expect(uploaded.status, "dépôt de la preuve sur A").toBe(200);
    await uploaded.arrayBuffer();
    const sha256 = crypto.createHash("sha256").update(pdf).digest("hex");
    const file = await one<{ id: number } | undefined>("select id from files where sha256 = $1", [sha256]);
    expect(file, "la preuve est enregistrée").toBeDefined();
    const onServerA = await onA.fetch(`/fichiers/${file!.id}`);
    expect(onServerA.status, "téléchargement sur A").toBe(200);
    expect(Buffer.from(await onServerA.arrayBuffer()).equals(pdf)).toBe(true);
    const onServerB = await onB.fetch(`/fichiers/${file!.id}`);
    expect(onServerB.status, "téléchargement sur B de la preuve déposée sur A").toBe(200);
    expect(Buffer.from(await onServerB.arrayBuffer()).equals(pdf), "mêmes octets sur B").toBe(true);
  });

  it("loses no acknowledged save when server A is killed with SIGKILL, and B keeps answering", async () => {
    type Save = { questionId: string; text: string };
    type Writer = { email: string; jars: readonly [Jar, Jar]; csrf: string; tenderId: number; responseId: number; questions: string[]; version: number; n: number; acked: Save[]; lost: Save[]; ackedOn: [number, number]; afterKill: number };
    const writers: Writer[] = [];
    for (const [i, email] of SUPPLIERS.entries()) {
      const jars = await signInOn(a, b, email);
      const { responseId, tenderId } = await responseOf(email);
      const csrf = await jars[1].csrf(`/fournisseur/consultations/${tenderId}`);
      const status = (await one<{ status: string }>("select status from responses where id = $1", [responseId])).status;
      if (status === "submitted") expect((await jars[i % 2]!.post(`/fournisseur/consultations/${tenderId}?index`, { intent: "withdraw" }, csrf)).status).toBe(302);
      writers.push({ email, jars, csrf, tenderId, responseId, questions: await questionIds(responseId), version: await pageVersion(jars[0], tenderId), n: i, acked: [], lost: [], ackedOn: [0, 0], afterKill: 0 });
    }

    let aDead = false;
    let stopping = false;
    const bErrors: string[] = [];
    const bAfterKill = { saves: 0, reads: 0 };

    async function writerLoop(w: Writer, until: () => boolean) {
      while (!until()) {
        // Alternate servers save after save; only B once A is dead.
        const server: 0 | 1 = aDead ? 1 : w.n % 2 === 0 ? 0 : 1;
        const save: Save = { questionId: w.questions[(w.n * 5) % w.questions.length]!, text: `${w.email.split("@")[1]} n°${w.n} ${crypto.randomBytes(4).toString("hex")}` };
        w.n++;
        let res: Response;
        try {
          res = await autosave(w.jars[server]!, w.tenderId, w.csrf, w.version, save.questionId, save.text);
          await res.arrayBuffer();
        } catch (error) {
          if (server === 1) bErrors.push(`sauvegarde sur B : ${(error as Error).message}`);
          // A died with this save in flight: it may or may not have committed. Reload the page from B.
          w.lost.push(save);
          w.version = await pageVersion(w.jars[1], w.tenderId);
          continue;
        }
        if (res.status !== 200) {
          if (server === 1) bErrors.push(`sauvegarde sur B : HTTP ${res.status}`);
          throw new Error(`sauvegarde de ${w.email} sur ${server ? "B" : "A"} : HTTP ${res.status}`);
        }
        w.acked.push(save);
        w.ackedOn[server] += 1;
        if (aDead) {
          bAfterKill.saves++;
          w.afterKill++;
        }
        w.version++;
      }
    }

    async function readerLoop(jar: Jar, tenderId: number) {
      while (!stopping) {
        // The comparison page: its cache key reads the database's write stamp (PostgreSQL's WAL position).
        const res = await jar.fetch(`/acheteur/appels-d-offres/${tenderId}/comparaison`).catch((e: Error) => e);
        if (res instanceof Error) bErrors.push(`lecture sur B : ${res.message}`);
        else {
          await res.arrayBuffer();
          if (res.status !== 200) bErrors.push(`lecture sur B : HTTP ${res.status}`);
          else if (aDead) bAfterKill.reads++;
        }
      }
    }

    const [, buyerOnB] = await signInOn(a, b, BUYER);
    const begun = Date.now();
    const reader = readerLoop(buyerOnB, writers[0]!.tenderId);
    const enoughBefore = () => writers.every((w) => w.ackedOn[0] >= SAVES_BEFORE / 2 && w.ackedOn[1] >= SAVES_BEFORE / 2);
    // Phase 1: both servers, until each writer had saves acknowledged on both; the kill comes while the
    // writers are still saving (their loops keep going through it).
    let failure: unknown;
    const loops = writers.map((w) =>
      writerLoop(w, () => stopping || (aDead && w.afterKill >= SAVES_AFTER)).catch((e: unknown) => {
        failure ??= e;
        stopping = true;
      }),
    );
    while (!enoughBefore() && failure === undefined) {
      await new Promise((r) => setTimeout(r, 10));
      if (Date.now() - begun > 60_000) throw new Error("les sauvegardes n'avancent pas");
    }
    a.child.kill("SIGKILL");
    const exit = await a.exited;
    aDead = true;
    expect(exit.signal).toBe("SIGKILL");
    await Promise.all(loops);
    stopping = true;
    await reader;
    if (failure !== undefined) throw failure;

    // Every acknowledged save is in the database: its text, or that of a later save of the same
    // question (acknowledged, or lost in flight at the kill, which may have committed).
    let verbatim = 0;
    for (const w of writers) {
      const stored = new Map(
        (await client.query("select question_id as id, text from response_answers where response_id = $1", [w.responseId])).rows.map((r: { id: string; text: string }) => [r.id, r.text]),
      );
      for (const [i, save] of w.acked.entries()) {
        const later = [...w.acked.slice(i + 1), ...w.lost].filter((s) => s.questionId === save.questionId).map((s) => s.text);
        const text = stored.get(save.questionId);
        expect(text === save.text || (text !== undefined && later.includes(text)), `sauvegarde acquittée « ${save.text} » (${save.questionId}) perdue ; trouvé « ${text} »`).toBe(true);
        if (text === save.text) verbatim++;
      }
    }
    const acked = writers.reduce((n, w) => n + w.acked.length, 0);
    console.log(
      `scale-out kill -9: ${acked} saves acknowledged (${writers.map((w) => `${w.email}: ${w.ackedOn[0]} on A, ${w.ackedOn[1]} on B`).join("; ")}), all in the database (${verbatim} verbatim, the rest superseded); ` +
        `${writers.reduce((n, w) => n + w.lost.length, 0)} in flight on A at the kill; after the kill B acknowledged ${bAfterKill.saves} saves and served ${bAfterKill.reads} buyer pages; ${bErrors.length} errors on B; ${Date.now() - begun} ms`,
    );
    expect(bErrors, "aucune erreur sur B").toEqual([]);
    expect(bAfterKill.saves).toBeGreaterThanOrEqual(SAVES_AFTER * writers.length);
    expect(bAfterKill.reads).toBeGreaterThan(0);
    // B is still up and serving.
    expect((await buyerOnB.fetch(`/acheteur/appels-d-offres/${writers[0]!.tenderId}`)).status).toBe(200);
  });
});
