import { describe, expect, it } from "vitest";
import type { RouteEntry } from "../../lib/security/route-table";
import type { FuzzSetup } from "./engine";
import { planRequest } from "./plan";
import { createRandom } from "./values";

const setup: FuzzSetup = {
  baseUrl: "http://andon.test",
  credentials: { token: "andon_test", cookie: "session=1" },
  routes: [
    { file: "app/(app)/coes/[id]/page.tsx", kind: "page", path: "/coes/[id]" } as RouteEntry,
    { file: "app/(app)/coes/[id]/export/route.ts", kind: "route", path: "/coes/[id]/export", methods: ["GET"] } as RouteEntry,
  ],
  openapi: { paths: { "/api/v1/coes/{id}": { get: {} } } },
  actions: [{ id: "a1b2", pages: ["/coes/[id]"] }],
  realSegments: new Map([["id", ["coe_1"]]]),
  pageParams: ["page"],
};

describe("planRequest", () => {
  it("plans the same requests from the same seed, through every door it has", () => {
    const plan = (seed: number) =>
      Array.from(
        { length: 200 },
        (
          (random) => () =>
            planRequest(random, setup)
        )(createRandom(seed)),
      );
    const first = plan(7);
    expect(plan(7)).toEqual(first);
    const doors = new Set(first.map((request) => request.door));
    expect(doors.has("api")).toBe(true);
    expect(doors.has("page")).toBe(true);
    for (const request of first) expect(request.url.startsWith("/")).toBe(true);
  });
});
