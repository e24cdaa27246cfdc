import type { FastifyInstance } from "fastify";

// Drives a browser's way through single sign-on without a browser: Tertial's start, the test
// provider's sign-in page, and back, keeping each side's cookies. The e2e journey does the same
// in Chromium.

/** The cookies a site set, sent back as one Cookie header. */
class CookieJar {
  private readonly values = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      this.values.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function follow(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
  });
  jar.take(response);
  return response;
}

export type ProviderAnswer = {
  /** The callback's path and query, as the provider sent the browser back to Tertial. */
  callback: string;
  /** The Cookie header for Tertial: its pending sign-in cookie (and any session given). */
  cookie: string;
};

/**
 * Begins a sign-in at Tertial, signs in at the provider as `login`, and stops where the provider
 * sends the browser back, so that a test may change what it sends before Tertial reads it.
 */
export async function signInAtProvider(
  app: FastifyInstance,
  login: string,
  options: { returnTo?: string; cookie?: string } = {},
): Promise<ProviderAnswer> {
  const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : "";
  const start = await app.inject({
    method: "GET",
    url: `/api/auth/sso/start${query}`,
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
  if (start.statusCode !== 302) throw new Error(`start answered ${start.statusCode}: ${start.body}`);
  const pending = start.cookies.find((cookie) => cookie.name === "tertial_sso");
  if (!pending) throw new Error(`no pending sign-in cookie; sent to ${start.headers.location}`);
  const jar = new CookieJar();
  let response = await follow(jar, String(start.headers.location));
  // The provider's own pages: the sign-in form, then back through its authorisation endpoint.
  for (let step = 0; step < 10; step++) {
    const location = response.headers.get("location");
    if (location?.includes("/api/auth/sso/callback")) {
      const url = new URL(location);
      const cookies = [`tertial_sso=${pending.value}`, options.cookie].filter(Boolean).join("; ");
      return { callback: `${url.pathname}${url.search}`, cookie: cookies };
    }
    if (location) {
      response = await follow(jar, new URL(location, response.url).href);
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action)
      throw new Error(`the provider answered ${response.status} without a form: ${page.slice(0, 300)}`);
    const body = new URLSearchParams({ prompt: "login", login, password: "any" });
    response = await follow(jar, new URL(action, response.url).href, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }
  throw new Error("the provider never sent the browser back");
}
