/**
 * What the fuzzer needs from a running app: a token and a session cookie for a fresh user, the
 * route table, the OpenAPI document, the build's server actions, and real ids to put in paths.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";

import { discoverRoutes, type RouteEntry } from "../../lib/security/route-table";
import { createScriptClient } from "../../prisma/seed/client";
import { DEMO_ORG_ID } from "../../prisma/seed/constants";
import { createApiToken, createService, createTeam, createUser } from "../../prisma/seed/factories";
import type { Credentials, FuzzSetup } from "./engine";
import type { OpenApiDocument } from "./plan";

/** Names pages read from their search params, besides those found in their source. */
const COMMON_PAGE_PARAMS = ["q", "status", "team", "teamId", "service", "serviceId", "from", "to", "since", "before", "cursor", "page", "week", "view"];

/** Logs in through next-auth's credentials callback and returns the cookies it set. */
async function sessionCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      jar.set(name!.trim(), value.join("="));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }),
  });
  keep(response);
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: cookie() } })).json()) as { user?: { email?: string } };
  if (session.user?.email !== email) throw new Error(`fuzz: could not sign in as ${email} (callback answered ${response.status})`);
  return cookie();
}

/**
 * A fresh user with a token and a session: an admin, or (`sandbox`) the manager of a new team with
 * one service, so that the fuzzer's valid writes land there and not in data other tests read.
 */
export async function createFuzzUser(
  baseUrl: string,
  databaseUrl: string,
  options: { admin: boolean; sandbox?: boolean },
): Promise<Credentials & { userId: string }> {
  const db = createScriptClient(databaseUrl);
  try {
    const suffix = randomUUID().slice(0, 8);
    const team = options.sandbox ? await createTeam(db, DEMO_ORG_ID, { name: `Fuzz ${suffix}` }) : null;
    if (team) await createService(db, DEMO_ORG_ID, team.id, { name: `fuzz-${suffix}` });
    const password = `fuzz-${randomUUID()}`;
    const user = await createUser(db, DEMO_ORG_ID, {
      email: `fuzz-${suffix}@example.test`,
      name: `Fuzz ${suffix}`,
      isAdmin: options.admin,
      password,
      memberships: team ? [{ teamId: team.id, role: "MANAGER" }] : [],
    });
    const { secret } = await createApiToken(db, user.id, "fuzz");
    return { userId: user.id, token: secret, cookie: await sessionCookie(baseUrl, user.email, password) };
  } finally {
    await db.$disconnect();
  }
}

/** Server actions of the build, with the pages that serve them (route-table paths). */
function buildActions(root: string): { id: string; pages: string[] }[] {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  if (!fs.existsSync(file)) return [];
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node?: Record<string, { workers?: Record<string, unknown> }> };
  return Object.entries(manifest.node ?? {})
    .map(([id, entry]) => ({
      id,
      pages: Object.keys(entry.workers ?? {})
        .filter((worker) => worker.endsWith("/page"))
        .map(
          (worker) =>
            "/" +
            worker
              .replace(/^app\//, "")
              .replace(/\/?page$/, "")
              .split("/")
              .filter((segment) => segment && !/^\(.*\)$/.test(segment))
              .join("/"),
        ),
    }))
    .filter((action) => action.pages.length > 0);
}

/** Page search-param names found in page sources (`params.status`, `search.q`). */
function pageParamNames(root: string, routes: RouteEntry[]): string[] {
  const names = new Set(COMMON_PAGE_PARAMS);
  for (const route of routes.filter((entry) => entry.kind === "page")) {
    const source = fs.readFileSync(path.join(root, route.file), "utf8");
    for (const match of source.matchAll(/\b(?:params|search|query|filter)\.(\w+)/g)) names.add(match[1]!);
  }
  for (const noise of ["set", "get", "toString", "has", "entries"]) names.delete(noise);
  return [...names];
}

/** Dynamic-segment values by name, from links on the main pages and ids in API lists. */
async function harvestSegments(baseUrl: string, credentials: Credentials, routes: RouteEntry[], openapi: OpenApiDocument): Promise<Map<string, string[]>> {
  const found = new Map<string, Set<string>>();
  const add = (name: string, value: string) => {
    if (!found.has(name)) found.set(name, new Set());
    if (found.get(name)!.size < 40) found.get(name)!.add(value);
  };
  const dynamic = routes.filter((route) => route.path.includes("["));
  const learnFromPath = (urlPath: string) => {
    const parts = urlPath.split("/");
    for (const route of dynamic) {
      const names = route.path.split("/");
      if (names.length !== parts.length || !route.pattern.test(urlPath)) continue;
      names.forEach((segment, index) => {
        const name = /^\[([^\].]+)\]$/.exec(segment)?.[1];
        if (name) add(name, decodeURIComponent(parts[index]!));
      });
    }
  };
  const staticPages = routes.filter((route) => route.kind === "page" && !route.path.includes("["));
  for (const page of staticPages) {
    const html = await (await fetch(baseUrl + page.path, { headers: { cookie: credentials.cookie }, redirect: "manual" })).text();
    for (const match of html.matchAll(/href="(\/[^"?#]*)/g)) learnFromPath(match[1]!);
  }
  for (const [apiPath, operations] of Object.entries(openapi.paths)) {
    if (apiPath.includes("{") || !operations.get) continue;
    const response = await fetch(`${baseUrl}/api/v1${apiPath}`, { headers: { authorization: `Bearer ${credentials.token}` } });
    if (!response.ok) continue;
    const body = (await response.json()) as { data?: { id?: unknown }[] };
    for (const record of Array.isArray(body.data) ? body.data : []) if (typeof record.id === "string") add("id", record.id);
  }
  add("isoWeek", "2026-W49");
  return new Map([...found].map(([name, values]) => [name, [...values]]));
}

export async function prepareFuzz(baseUrl: string, credentials: Credentials, root = process.cwd()): Promise<FuzzSetup> {
  const routes = discoverRoutes(root);
  const openapi = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as OpenApiDocument;
  return {
    baseUrl,
    credentials,
    routes,
    openapi,
    actions: buildActions(root),
    realSegments: await harvestSegments(baseUrl, credentials, routes, openapi),
    pageParams: pageParamNames(root, routes),
    // Signing out would end the session the rest of the run uses.
    skip: (method, urlPath) => urlPath.startsWith("/api/auth/signout") || (method !== "GET" && urlPath.startsWith("/api/auth/")),
  };
}
