/**
 * Fault suite (issue 15, item 7): the built portal is killed with SIGKILL while it is writing, and
 * what it acknowledged must still be there after a restart.
 *
 * On a temporary data folder with the demo data, both demo suppliers withdraw their submission to
 * the demo tender and autosave as fast as they can (the questionnaire's autosave request, one at
 * a time per supplier, as the page does), while the first supplier uploads emission-factor CSVs
 * (the factor upload form, files of 30,000 and 45,000 rows). In each round the first upload is
 * timed; the server process then gets SIGKILL — no shutdown code runs — at a seeded random point
 * of the second one (between 30 % and 100 % of the first one's duration: while the file is read
 * and validated, while its rows are inserted in one transaction, or just after the commit).
 * With the server down, the SQLite file is opened and checked:
 *   - `PRAGMA integrity_check` = ok and no foreign-key violation;
 *   - every autosave answered 2xx is present: the stored answer is that save's content, or the
 *     content of a later save of the same question by the same supplier (acknowledged, or in
 *     flight at the kill, which may or may not have committed);
 *   - every factor version holds exactly as many factors as its file has rows; every upload
 *     answered with its report page has its version; an upload in flight is complete or absent.
 * Then the portal restarts on the same folder and the next round begins. A last round ends with a
 * normal stop, so that at least one upload and many saves are acknowledged whatever the timing.
 *
 * Deterministic enough never to flake: the kill delays and the saved texts come from a seeded
 * generator (FAULT_SEED, printed), and no assertion depends on timing — only on what was
 * acknowledged. Prints: kills, saves acknowledged / found, factor imports complete / absent.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFactorsCsv } from "../bench/factors-csv-generator";
import { DEMO_PASSWORD, Jar } from "../support/http-jar";
import { ensureBuilt, freePort, runSetup, startPortal, waitForPortal, type Portal } from "../support/portal-process";

const SEED = Number(process.env.FAULT_SEED ?? 1515);
const KILLS = 4;
/** When to kill, after the round's second upload began, as a fraction of the first one's duration. */
const KILL_AT = { min: 0.3, max: 1.0 };
const FILE_ROWS = [30_000, 45_000] as const;
const SUPPLIERS = ["fournisseur@numerique-durable.example", "fournisseur@infoservices.example"] as const;

/** mulberry32: small seeded generator, enough for delays and texts. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Two streams, so that the kill delays do not depend on how many saves each round managed.
const killDelays = generator(SEED);
const random = generator(SEED ^ 0x5bd1e995);

type Save = { questionId: string; text: string };
type Writer = {
  email: string;
  jar: Jar;
  csrf: string;
  tenderId: number;
  responseId: number;
  questionIds: string[];
  version: number;
  next: number;
  /** Saves answered 2xx in the current round, in order. */
  acked: Save[];
  inFlight: Save | null;
};
type Upload = { file: string; rows: number; sha256: string };

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-fault-"));
const dbFile = path.join(dataDir, "nr-procure.sqlite");
let env: Record<string, string | undefined>;
let portal: Portal | undefined;
const uploads: Upload[] = [];
/** Factor version id → row count, for the versions the demo seed created before the test wrote anything. */
const seededSets = new Map<number, number>();

/** Every upload answered with its report page, all rounds: each must keep its version for good. */
const ackedUploads: number[] = [];
/** Duration of the first upload of each killed round. */
const uploadMs: number[] = [];
const totals = { kills: 0, savesAcked: 0, savesFound: 0, savesVerbatim: 0, inFlightSaves: 0, uploadsAcked: 0, uploadsInFlight: 0, inFlightCommitted: 0, importsComplete: 0, importsAbsent: 0 };

beforeAll(async () => {
  ensureBuilt();
  const port = await freePort();
  env = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    PORT: String(port),
    SESSION_SECRET: "fault-suite-secret-0123456789abcdefghijkl",
  };
  runSetup(env);
  for (const [i, rows] of FILE_ROWS.entries()) {
    const file = path.join(dataDir, `facteurs-${rows}.csv`);
    await writeFactorsCsv(file, rows, { seed: SEED + i, currentYear: 2025 });
    uploads.push({ file, rows, sha256: crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex") });
  }
}, 60_000);

afterAll(async () => {
  await portal?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function openDb() {
  return new Database(dbFile);
}

async function start(): Promise<Portal> {
  const p = startPortal(env as Record<string, string | undefined> & { PORT: string });
  await waitForPortal(p);
  return p;
}

async function prepareWriter(email: string, baseUrl: string): Promise<Writer> {
  const db = openDb();
  const row = db
    .prepare(
      `select r.id as responseId, r.tender_id as tenderId from responses r
       join memberships m on m.organisation_id = r.supplier_organisation_id
       join users u on u.id = m.user_id where u.email = ?`,
    )
    .get(email) as { responseId: number; tenderId: number };
  const questionIds = (db.prepare("select question_id as id from response_answers where response_id = ? order by id").all(row.responseId) as { id: string }[]).map((q) => q.id);
  db.close();
  const jar = new Jar(baseUrl);
  const signedIn = await jar.signIn(email, DEMO_PASSWORD);
  expect(signedIn.status, `connexion de ${email}`).toBe(302);
  const csrf = await jar.csrf(`/fournisseur/consultations/${row.tenderId}`);
  // The demo answers are submitted: withdraw them (allowed before the deadline) to edit the draft.
  const withdrawn = await jar.post(`/fournisseur/consultations/${row.tenderId}?index`, { intent: "withdraw" }, csrf);
  expect(withdrawn.status, `retrait du dépôt de ${email}`).toBe(302);
  return { email, jar, csrf, tenderId: row.tenderId, responseId: row.responseId, questionIds, version: 0, next: Math.floor(random() * questionIds.length), acked: [], inFlight: null };
}

function currentVersion(db: Database.Database, responseId: number): number {
  return (db.prepare("select version from responses where id = ?").get(responseId) as { version: number }).version;
}

/** Autosaves one question after another until `stop` says so or the server disappears. */
async function autosaveLoop(w: Writer, stop: () => boolean): Promise<void> {
  while (!stop()) {
    const questionId = w.questionIds[w.next % w.questionIds.length]!;
    w.next++;
    const save: Save = { questionId, text: `Sauvegarde ${w.email.split("@")[1]} n°${w.next} — ${random().toString(36).slice(2, 10)}` };
    w.inFlight = save;
    let res: Response;
    try {
      res = await w.jar.post(
        `/fournisseur/consultations/${w.tenderId}.data?index`,
        { version: String(w.version), [`answers.${questionId}.level`]: "3", [`answers.${questionId}.text`]: save.text },
        w.csrf,
      );
      await res.arrayBuffer();
    } catch {
      return; // killed: this save stays in flight
    }
    w.inFlight = null;
    if (res.status !== 200) throw new Error(`autosave ${w.email} : HTTP ${res.status}`);
    w.acked.push(save);
    w.version++;
  }
}

type UploadState = { acked: number[]; inFlight: number; startedAt: number | null; durations: number[] };

async function uploadLoop(w: Writer, state: UploadState, stop: () => boolean): Promise<void> {
  let i = 0;
  while (!stop()) {
    const upload = uploads[i++ % uploads.length]!;
    const form = new FormData();
    form.set("csrf", w.csrf);
    form.set("intent", "csv");
    form.set("tenderId", "");
    form.set("file", new Blob([fs.readFileSync(upload.file)], { type: "text/csv" }), path.basename(upload.file));
    state.inFlight++;
    state.startedAt = performance.now();
    let res: Response;
    try {
      res = await w.jar.fetch("/fournisseur/facteurs", { method: "POST", body: form });
      await res.arrayBuffer();
    } catch {
      return;
    }
    state.inFlight--;
    state.durations.push(performance.now() - state.startedAt);
    const uploadId = /\/fournisseur\/facteurs\/depots\/(\d+)$/.exec(res.headers.get("Location") ?? "")?.[1];
    if (res.status !== 302 || !uploadId) throw new Error(`dépôt de facteurs : HTTP ${res.status}`);
    state.acked.push(Number(uploadId));
  }
}

/** With the server down: integrity, saves, factor versions. Returns the figures of the round. */
function verify(writers: Writer[], uploadState: UploadState, label: string) {
  const db = openDb();
  try {
    expect(db.pragma("integrity_check", { simple: true }), `${label} : integrity_check`).toBe("ok");
    expect(db.pragma("foreign_key_check"), `${label} : foreign_key_check`).toEqual([]);

    for (const w of writers) {
      const stored = new Map(
        (db.prepare("select question_id as id, text from response_answers where response_id = ?").all(w.responseId) as { id: string; text: string }[]).map((r) => [r.id, r.text]),
      );
      for (const [i, save] of w.acked.entries()) {
        const later = [...w.acked.slice(i + 1), ...(w.inFlight ? [w.inFlight] : [])].filter((s) => s.questionId === save.questionId).map((s) => s.text);
        const text = stored.get(save.questionId);
        const found = text === save.text || (text !== undefined && later.includes(text));
        expect(found, `${label} : la sauvegarde acquittée « ${save.text} » (${save.questionId}) est perdue ; trouvé « ${text} »`).toBe(true);
        totals.savesFound++;
        if (text === save.text) totals.savesVerbatim++;
      }
      totals.savesAcked += w.acked.length;
      if (w.inFlight) totals.inFlightSaves++;
      w.acked = [];
      w.inFlight = null;
      w.version = currentVersion(db, w.responseId);
    }

    const expectedRows = new Map(uploads.map((u) => [u.sha256, u.rows]));
    const sets = db
      .prepare(
        `select s.id, s.upload_id as uploadId, f.sha256, (select count(*) from factors x where x.set_id = s.id) as n
         from factor_sets s join factor_uploads u on u.id = s.upload_id join files f on f.id = u.file_id`,
      )
      .all() as { id: number; uploadId: number; sha256: string; n: number }[];
    for (const s of sets) {
      expect(s.n, `${label} : version de facteurs ${s.id} incomplète`).toBe(expectedRows.get(s.sha256) ?? seededSets.get(s.id));
    }
    const imported = db.prepare("select count(*) as n from factor_uploads where status = 'imported'").get() as { n: number };
    expect(imported.n, `${label} : un dépôt « importé » sans sa version`).toBe(sets.length);
    const withSet = new Set(sets.map((s) => s.uploadId));
    ackedUploads.push(...uploadState.acked);
    for (const id of ackedUploads) expect(withSet.has(id), `${label} : le dépôt acquitté ${id} n'a pas de version`).toBe(true);
    const committedInFlight = sets.length - totals.importsComplete - uploadState.acked.length;
    expect(committedInFlight).toBeGreaterThanOrEqual(0);
    expect(committedInFlight).toBeLessThanOrEqual(uploadState.inFlight);
    totals.uploadsAcked += uploadState.acked.length;
    totals.uploadsInFlight += uploadState.inFlight;
    totals.importsAbsent += uploadState.inFlight - committedInFlight;
    totals.inFlightCommitted += committedInFlight;
    totals.importsComplete = sets.length;
  } finally {
    db.close();
  }
}

async function round(writers: Writer[], ending: "kill" | "stop"): Promise<void> {
  const uploadState: UploadState = { acked: [], inFlight: 0, startedAt: null, durations: [] };
  let stopping = false;
  const stop = () => stopping;
  let failure: unknown;
  const loops = [...writers.map((w) => autosaveLoop(w, stop)), uploadLoop(writers[0]!, uploadState, stop)].map((p) =>
    p.catch((e: unknown) => {
      failure ??= e;
      stopping = true;
    }),
  );
  const fraction = KILL_AT.min + killDelays() * (KILL_AT.max - KILL_AT.min);
  let label = "arrêt normal";
  if (ending === "kill") {
    // The first upload of the round is timed (same load as the one that will be killed).
    while (uploadState.durations.length === 0 && failure === undefined) await new Promise((r) => setTimeout(r, 5));
    const delay = Math.round(fraction * (uploadState.durations[0] ?? 0));
    await new Promise((r) => setTimeout(r, Math.max(0, (uploadState.startedAt ?? 0) + delay - performance.now())));
    portal!.child.kill("SIGKILL");
    await portal!.exited;
    totals.kills++;
    uploadMs.push(uploadState.durations[0] ?? 0);
    await Promise.all(loops);
    label = `arrêt brutal n°${totals.kills} (${delay} ms après le début d'un dépôt qui en prend ~${Math.round(uploadState.durations[0] ?? 0)})`;
  } else {
    // Let the current upload finish so that the last round acknowledges at least one.
    while (uploadState.acked.length === 0 && failure === undefined) await new Promise((r) => setTimeout(r, 50));
    stopping = true;
    await Promise.all(loops);
    await portal!.stop();
  }
  portal = undefined;
  if (failure !== undefined) throw failure;
  verify(writers, uploadState, label);
}

describe("fault suite: SIGKILL during autosaves and a factor import", () => {
  it(
    "keeps every acknowledged save and never leaves a half factor version",
    async () => {
      const begun = Date.now();
      console.log(`fault suite: seed ${SEED} (FAULT_SEED=${SEED} to replay), ${KILLS} kills`);
      portal = await start();
      const writers: Writer[] = [];
      // Factor versions the demo data already holds (issue 18 seeds one): they must come through unchanged.
      const seed = openDb();
      for (const r of seed.prepare("select s.id, (select count(*) from factors x where x.set_id = s.id) as n from factor_sets s").all() as { id: number; n: number }[]) seededSets.set(r.id, r.n);
      seed.close();
      for (const email of SUPPLIERS) writers.push(await prepareWriter(email, portal.baseUrl));
      const db = openDb();
      for (const w of writers) w.version = currentVersion(db, w.responseId);
      db.close();

      for (let k = 0; k < KILLS; k++) {
        portal ??= await start();
        await round(writers, "kill");
      }
      portal = await start();
      await round(writers, "stop");

      const seconds = ((Date.now() - begun) / 1000).toFixed(1);
      console.log(
        `fault suite: ${totals.kills} kills (uploads took ${uploadMs.map(Math.round).join(", ")} ms; killed at ${Math.round(KILL_AT.min * 100)}–${Math.round(KILL_AT.max * 100)} % of that); saves acknowledged ${totals.savesAcked}, found ${totals.savesFound} ` +
          `(${totals.savesVerbatim} verbatim, the rest superseded by a later save of the same question), ${totals.inFlightSaves} in flight at a kill; ` +
          `factor uploads acknowledged ${totals.uploadsAcked}, in flight at a kill ${totals.uploadsInFlight} (${totals.inFlightCommitted} of them committed before the kill); ` +
          `factor imports complete ${totals.importsComplete}, absent ${totals.importsAbsent}; ${seconds} s`,
      );
      expect(totals.kills).toBe(KILLS);
      expect(totals.savesAcked).toBeGreaterThan(0);
      expect(totals.savesFound).toBe(totals.savesAcked);
      expect(totals.uploadsAcked).toBeGreaterThan(0);
    },
    150_000,
  );
});
