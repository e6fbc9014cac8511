import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { crossSiteWriteRefusal, jsonDepth, malformedPathRefusal, multipartRefusal, serverActionRefusal } from "@/lib/security/request-checks";
import { discoverRoutes, exportedMethods, matchRoute } from "@/lib/security/route-table";

const ORIGINS = ["http://localhost:3000"];
const headers = (values: Record<string, string>) => new Headers(values);

describe("cross-site writes on the session cookie", () => {
  it("refuses a cross-site multipart POST carrying the cookie (the COE image upload case)", () => {
    const refusal = crossSiteWriteRefusal(
      "POST",
      headers({ cookie: "s=1", origin: "https://evil.example", "content-type": "multipart/form-data; boundary=x" }),
      ORIGINS,
    );
    expect(refusal?.status).toBe(403);
    expect(crossSiteWriteRefusal("POST", headers({ cookie: "s=1", "sec-fetch-site": "cross-site" }), ORIGINS)?.status).toBe(403);
    expect(crossSiteWriteRefusal("DELETE", headers({ cookie: "s=1", "sec-fetch-site": "same-site" }), ORIGINS)?.status).toBe(403);
  });

  it("lets same-origin writes, reads and bearer-token calls through", () => {
    expect(crossSiteWriteRefusal("POST", headers({ cookie: "s=1", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }), ORIGINS)).toBeNull();
    expect(crossSiteWriteRefusal("GET", headers({ cookie: "s=1", origin: "https://evil.example" }), ORIGINS)).toBeNull();
    expect(crossSiteWriteRefusal("POST", headers({ authorization: "Bearer andon_x", origin: "https://evil.example" }), ORIGINS)).toBeNull();
  });
});

describe("malformed requests", () => {
  it.each(["/coes/%ff", "/api/v1/coes/%ff", "/coes/%E0%A4%A", "/coes/0/attachments/%00", "/metrics/services/a%00b/export"])("refuses %s with 400", (path) => {
    expect(malformedPathRefusal(path)?.status).toBe(400);
  });

  it("refuses multipart without a boundary", () => {
    expect(multipartRefusal("POST", headers({ "content-type": "multipart/form-data" }))?.status).toBe(400);
    expect(multipartRefusal("POST", headers({ "content-type": "multipart/form-data; boundary=abc" }))).toBeNull();
  });

  it("refuses server-action bodies that are not JSON, nest too deep or are too large", async () => {
    const action = (body: string, extra: Record<string, string> = {}) =>
      serverActionRefusal("POST", headers({ "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", ...extra }), async () => body);
    expect((await action("not json"))?.status).toBe(400);
    expect((await action("[".repeat(10_000) + "]".repeat(10_000)))?.status).toBe(400);
    expect((await action("[]", { "content-length": String(2 * 1024 * 1024) }))?.status).toBe(413);
    expect((await action("[]", { "next-action": "<script>" }))?.status).toBe(400);
    // JSON, but not the argument list React sends: Next fails these with a 500 (found by scripts/fuzz.ts).
    for (const notAList of ['"\\ud800"', "-1", '{"a":1}', "null"]) expect((await action(notAList))?.status, notAList).toBe(400);
    expect(await action('[{"title":"ok"}]')).toBeNull();
    expect(jsonDepth('[{"a":"[[[["}]')).toBe(2);
  });
});

describe("content security policy", () => {
  it("allows scripts only with the nonce and forbids framing", () => {
    const policy = contentSecurityPolicy("abc");
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
  });
});

describe("route discovery", () => {
  it("reads exported methods", () => {
    expect(exportedMethods("export const GET = apiRoute(); export async function POST() {}")).toEqual(["GET", "POST"]);
    expect(exportedMethods("export { unknownEndpoint as GET, unknownEndpoint as DELETE };")).toEqual(["GET", "DELETE"]);
  });

  it("finds the API routes and matches the most specific one", () => {
    const routes = discoverRoutes();
    expect(matchRoute(routes, "/api/v1/coes")?.file).toBe("app/api/v1/coes/route.ts");
    expect(matchRoute(routes, "/api/v1/coes/abc")?.file).toBe("app/api/v1/coes/[id]/route.ts");
    expect(matchRoute(routes, "/api/v1/nothing/here")?.file).toBe("app/api/v1/[...path]/route.ts");
    expect(matchRoute(routes, "/coes/abc")?.kind).toBe("page");
  });
});
