/** Signs in through next-auth's endpoints (CSRF token, then the credentials callback); returns the Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const jar = new Map<string, string>();
  collectCookies(csrfResponse, jar);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }),
    redirect: "manual",
  });
  collectCookies(response, jar);
  if (![...jar.keys()].some((name) => name.endsWith("session-token"))) {
    throw new Error(`signing in as ${email} failed (HTTP ${response.status})`);
  }
  return cookieHeader(jar);
}

function collectCookies(response: Response, jar: Map<string, string>): void {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const index = pair!.indexOf("=");
    jar.set(pair!.slice(0, index), pair!.slice(index + 1));
  }
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}
