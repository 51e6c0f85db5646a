import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/lib/db.server";
import { loader as rootLoader } from "~/root";
import { seedDemoData } from "~/demo/seed.server";

type Loader = (args: LoaderFunctionArgs) => unknown;
type Action = (args: ActionFunctionArgs) => unknown;

/** Seeds the demo data set into this test file's database (idempotent). */
export async function seed() {
  return seedDemoData(db());
}

/** What a route returned or threw, normalised: status, headers, and JSON/text body when any. */
export type Outcome = { status: number; headers: Headers; body: unknown; location: string | null };

async function toOutcome(result: unknown): Promise<Outcome> {
  if (result instanceof Response) {
    const text = await result.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // plain text body
    }
    return { status: result.status, headers: result.headers, body, location: result.headers.get("Location") };
  }
  // Remix `data()` helper returns a DataWithResponseInit object.
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const r = result as { data: unknown; init?: ResponseInit | null };
    return { status: r.init?.status ?? 200, headers: new Headers(r.init?.headers), body: r.data, location: null };
  }
  return { status: 200, headers: new Headers(), body: result, location: null };
}

/**
 * A browser stand-in: keeps cookies, fetches a CSRF token like the root loader gives pages, and
 * calls route loaders and actions with real Request objects.
 */
let clients = 0;

/**
 * The token inside a `__csrf` cookie value, as the root loader would read it: Remix signs
 * `base64(JSON)` and URI-encodes it (`@remix-run/server-runtime` cookies). The signature is not
 * checked here: the server checks it on every post.
 */
function csrfFromCookie(value: string): string {
  const signed = decodeURIComponent(value);
  const payload = signed.slice(0, signed.lastIndexOf("."));
  return JSON.parse(decodeURIComponent(escape(atob(payload)))) as string;
}

export class TestClient {
  private cookies = new Map<string, string>();
  csrf = "";
  /**
   * The client address the server would give loaders and actions (`context.clientAddress`, set by
   * server/app.ts): each client has its own (documentation range, RFC 3849) unless a test sets one.
   */
  address = `2001:db8::${(++clients).toString(16)}`;

  private cookieHeader(): string {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private absorb(headers: Headers) {
    for (const setCookie of headers.getSetCookie()) {
      const [pair] = setCookie.split(";");
      const idx = pair!.indexOf("=");
      const name = pair!.slice(0, idx);
      const value = pair!.slice(idx + 1);
      if (/max-age=0/i.test(setCookie) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
      // A new CSRF token (sign-in, sign-out): the next page would render it in its forms.
      if (name === "__csrf" && value) this.csrf = csrfFromCookie(value);
    }
  }

  request(path: string, init: RequestInit = {}): Request {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader();
    if (cookie) headers.set("Cookie", cookie);
    return new Request(`http://localhost${path}`, { ...init, headers });
  }

  async run(fn: () => unknown): Promise<Outcome> {
    let result: unknown;
    try {
      result = await fn();
    } catch (thrown) {
      result = thrown;
      if (!(thrown instanceof Response)) throw thrown;
    }
    const outcome = await toOutcome(result);
    this.absorb(outcome.headers);
    return outcome;
  }

  async init(): Promise<this> {
    const outcome = await this.run(() => rootLoader({ request: this.request("/"), params: {}, context: { clientAddress: this.address } }));
    this.csrf = (outcome.body as { csrf: string }).csrf;
    return this;
  }

  get(loader: Loader, path: string, params: Record<string, string> = {}): Promise<Outcome> {
    return this.run(() => loader({ request: this.request(path), params, context: { clientAddress: this.address } }));
  }

  post(action: Action, path: string, fields: Record<string, string | string[] | Blob> | FormData, params: Record<string, string> = {}, { csrf = true } = {}): Promise<Outcome> {
    let body: FormData;
    if (fields instanceof FormData) body = fields;
    else {
      body = new FormData();
      for (const [k, v] of Object.entries(fields)) {
        if (Array.isArray(v)) for (const item of v) body.append(k, item);
        else body.append(k, v);
      }
    }
    if (csrf && !body.has("csrf")) body.set("csrf", this.csrf);
    return this.run(() => action({ request: this.request(path, { method: "POST", body }), params, context: { clientAddress: this.address } }));
  }
}

export async function signedInClient(email: string, password = "demo-nr-procure"): Promise<TestClient> {
  const { action } = await import("~/routes/connexion");
  const client = await new TestClient().init();
  const outcome = await client.post(action, "/connexion", { email, password });
  if (outcome.status !== 302) throw new Error(`sign-in failed for ${email}: ${outcome.status} ${JSON.stringify(outcome.body)}`);
  return client;
}
