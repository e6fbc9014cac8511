import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";

import { expect, test } from "./fixtures";
import { E2E_SERVER_ENV } from "./server-env";

/**
 * Single sign-on end to end: a real OpenID Connect provider (the `oidc-provider` package, its
 * development login and consent pages) on a loopback port, and a second `next start` of the same
 * build configured for it through the OIDC_* variables, as an operator would.
 */
const E2E_PORT = Number(process.env.E2E_PORT) || 3100;
const ANDON_PORT = E2E_PORT + 7;
const ANDON_URL = `http://localhost:${ANDON_PORT}`;
const CLIENT = { id: "andon", secret: "andon-oidc-e2e-secret" };

let provider: http.Server | undefined;
let andon: ChildProcess | undefined;

async function startProvider(): Promise<string> {
  const { default: Provider } = await import("oidc-provider");
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        redirect_uris: [`${ANDON_URL}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The development login page takes any login: here it is the person's email, or `unverified:` and
    // the email for an account whose address the provider has not verified.
    findAccount: (_context, id) => {
      const email = id.replace(/^unverified:/, "");
      return { accountId: id, claims: () => ({ sub: `sub-${id}`, email, email_verified: email === id, name: `SSO ${email}` }) };
    },
    pkce: { required: () => true },
    // Put the email and name in the ID token, as Keycloak and most providers do (next-auth reads the ID token).
    conformIdTokenClaims: false,
  });
  server.on("request", oidc.callback());
  provider = server;
  return issuer;
}

async function startAndon(issuer: string): Promise<void> {
  const server = spawn("npx", ["next", "start", "-p", String(ANDON_PORT)], {
    env: {
      ...process.env,
      ...E2E_SERVER_ENV,
      PORT: String(ANDON_PORT),
      NEXTAUTH_URL: ANDON_URL,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT.id,
      OIDC_CLIENT_SECRET: CLIENT.secret,
      OIDC_DISPLAY_NAME: "Test IdP",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  andon = server;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    // Its stderr (inherited) says why, e.g. a configuration check that refused to start.
    if (server.exitCode !== null) throw new Error(`the OIDC-configured Andon exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${ANDON_URL}/api/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("the OIDC-configured Andon did not start within 60 s");
}

test.describe("single sign-on with OpenID Connect", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ baseURL: ANDON_URL });

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    await startAndon(await startProvider());
  });

  test.afterAll(async () => {
    if (andon?.pid && andon.exitCode === null) process.kill(-andon.pid, "SIGTERM");
    await new Promise((resolve) => provider?.close(resolve));
  });

  async function signInAtProvider(page: import("@playwright/test").Page, email: string): Promise<void> {
    // The provider's development pages import a web font; there is no internet here, so it must not hold up "load".
    await page.route("https://fonts.googleapis.com/**", (route) => route.abort());
    await page.goto("/login");
    await page.getByRole("button", { name: "Continue with Test IdP" }).click();
    await page.locator('input[name="login"]').fill(email);
    await page.locator('input[name="password"]').fill("anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
    // The provider asks once to share the email and profile with Andon.
    await page.getByRole("button", { name: "Continue" }).click();
  }

  test("an invited person signs in through the provider and lands in Andon as themselves", async ({ page, users }) => {
    const user = await users.create();
    await test.step("Continue with Test IdP → provider login → consent → back in Andon", async () => {
      await signInAtProvider(page, user.email.toUpperCase());
      await expect(page).toHaveURL(`${ANDON_URL}/`);
      const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } };
      expect(session.user?.email).toBe(user.email);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(user.name.split(" ")[0]!);
    });
  });

  test("an email that is not an Andon user is refused with a clear message", async ({ page }) => {
    await signInAtProvider(page, `stranger-${Date.now()}@example.test`);
    await expect(page).toHaveURL(/\/login\?error=/);
    await expect(page.getByText("Your single sign-on account is not part of this organization yet")).toBeVisible();
    expect(((await (await page.request.get("/api/auth/session")).json()) as { user?: unknown }).user).toBeUndefined();
  });

  test("a tampered state on the way back is refused", async ({ page, users }) => {
    const user = await users.create();
    // Andon's browser navigates to the provider with the state it will expect back; the provider echoes
    // whatever it was given, so changing it on the way out is a callback whose state Andon never issued.
    await page.route("**/auth?client_id=andon**", async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set("state", `${url.searchParams.get("state")}x`);
      await route.continue({ url: url.toString() });
    });
    await signInAtProvider(page, user.email);
    await expect(page).toHaveURL(/\/login\?.*error=OAuthCallback/);
    await expect(page.getByText("Single sign-on did not complete")).toBeVisible();
    expect(((await (await page.request.get("/api/auth/session")).json()) as { user?: unknown }).user).toBeUndefined();
  });

  test("an ID token whose nonce is not the one this browser was given is refused", async ({ page, users }) => {
    const user = await users.create();
    // The provider copies the nonce of the authorization request into the ID token; changing it on the
    // way out yields a genuine, signed ID token that was issued for another sign-in.
    await page.route("**/auth?client_id=andon**", async (route) => {
      const url = new URL(route.request().url());
      expect(url.searchParams.get("nonce")).toBeTruthy();
      url.searchParams.set("nonce", `${url.searchParams.get("nonce")}x`);
      await route.continue({ url: url.toString() });
    });
    await signInAtProvider(page, user.email);
    await expect(page).toHaveURL(/\/login\?.*error=OAuthCallback/);
    expect(((await (await page.request.get("/api/auth/session")).json()) as { user?: unknown }).user).toBeUndefined();
  });

  test("an address the provider has not verified does not sign in the Andon user who has it", async ({ page, users }) => {
    const user = await users.create();
    await signInAtProvider(page, `unverified:${user.email}`);
    await expect(page).toHaveURL(/\/login\?error=EmailNotVerified/);
    await expect(page.getByText("Your single sign-on provider has not verified your email address")).toBeVisible();
    expect(((await (await page.request.get("/api/auth/session")).json()) as { user?: unknown }).user).toBeUndefined();
  });
});
