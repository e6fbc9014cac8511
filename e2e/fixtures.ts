import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { createScriptClient } from "../prisma/seed/client";
import { DEMO_ORG_ID, DEMO_PASSWORD } from "../prisma/seed/constants";
import { createApiToken, createUser } from "../prisma/seed/factories";

type Role = "VIEWER" | "MEMBER" | "REVIEWER" | "MANAGER";
export type TestUser = { id: string; email: string; name: string; password: string };

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must point at the end-to-end database (npm test sets it).");
  return url;
}

/** Signs in through next-auth's own endpoints: CSRF token first, then the credentials callback. */
export async function loginByApi(request: APIRequestContext, email: string, password: string): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), "credentials callback").toBeLessThan(400);
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email, `signed in as ${email}`).toBe(email);
}

type UsersFixture = {
  /** A fresh user in the demo organization with the given role on a team (unique per test). */
  create(options?: { role?: Role; teamId?: string; isAdmin?: boolean; name?: string }): Promise<TestUser>;
  /** Signs the page's browser context in as the user. */
  login(page: Page, user: { email: string; password: string }): Promise<void>;
  /** A personal API token for the user. */
  token(user: TestUser): Promise<string>;
  demoPassword: string;
};

export const test = base.extend<{ users: UsersFixture }>({
  users: async ({}, use) => {
    const db = createScriptClient(databaseUrl());
    const created: string[] = [];
    await use({
      demoPassword: DEMO_PASSWORD,
      async create(options = {}) {
        const suffix = randomUUID().slice(0, 8);
        const password = `pw-${randomUUID()}`;
        const user = await createUser(db, DEMO_ORG_ID, {
          email: `e2e-${suffix}@example.test`,
          name: options.name ?? `E2E ${suffix}`,
          isAdmin: options.isAdmin ?? false,
          password,
          memberships: options.teamId ? [{ teamId: options.teamId, role: options.role ?? "MEMBER" }] : [],
        });
        created.push(user.id);
        return { id: user.id, email: user.email, name: user.name, password };
      },
      async login(page, user) {
        await loginByApi(page.request, user.email, user.password);
      },
      async token(user) {
        return (await createApiToken(db, user.id, "e2e")).secret;
      },
    });
    // Audit rows keep their history (actor set to null); the users themselves go.
    await db.user.deleteMany({ where: { id: { in: created } } });
    await db.$disconnect();
  },
});

export { expect };
