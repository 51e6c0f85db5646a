/**
 * A tiny cookie jar over fetch, for tests that talk HTTP to a running portal (e2e, fault suite):
 * keeps cookies, never follows redirects (the test looks at them), sends the portal's own Origin
 * on writes as a browser does.
 */
export class Jar {
  cookies = new Map<string, string>();
  constructor(public baseUrl: string) {}

  absorb(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }

  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(pathOrUrl: string, init: RequestInit = {}) {
    const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>), Cookie: this.header() };
    if (init.method && init.method !== "GET" && !("Origin" in headers)) headers.Origin = this.baseUrl;
    const res = await fetch(url, { ...init, redirect: "manual", headers });
    this.absorb(res);
    return res;
  }

  /** The CSRF token of a page (the hidden `csrf` field every form carries). */
  async csrf(path = "/connexion"): Promise<string> {
    const html = await (await this.fetch(path)).text();
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`pas de jeton CSRF sur ${path}`);
    return token;
  }

  /** Posts a urlencoded form with the CSRF token. */
  async post(path: string, fields: Record<string, string>, csrf: string, headers: Record<string, string> = {}) {
    return this.fetch(path, {
      method: "POST",
      body: new URLSearchParams({ csrf, ...fields }),
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    });
  }

  /** Signs in through /connexion; returns the redirect response (302 to the user's home on success). */
  async signIn(email: string, password: string): Promise<Response> {
    const csrf = await this.csrf("/connexion");
    return this.post("/connexion", { email, password }, csrf);
  }
}

export const DEMO_PASSWORD = "demo-nr-procure";
