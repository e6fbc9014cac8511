import fs from "node:fs";
import path from "node:path";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteEntry = {
  /** The file, relative to the project root, e.g. app/api/v1/coes/[id]/route.ts. */
  file: string;
  /** The URL path with its dynamic segments, e.g. /api/v1/coes/[id]. */
  path: string;
  kind: "route" | "page";
  /** For route handlers: the methods the file exports. Pages answer GET (and server actions, POST). */
  methods: HttpMethod[];
  pattern: RegExp;
  /** Sorts more specific routes first, as Next matches them: static segments, then dynamic, then catch-alls. */
  rank: number[];
};

const METHOD_EXPORT = /export\s+(?:async\s+)?(?:function\s+|const\s+|let\s+)(GET|POST|PUT|PATCH|DELETE)\b/g;
const METHOD_REEXPORT = /export\s*\{([^}]*)\}/g;

/** The methods a route file exports, read from its source (`export const GET`, `export { x as POST }`). */
export function exportedMethods(source: string): HttpMethod[] {
  const found = new Set<HttpMethod>();
  for (const match of source.matchAll(METHOD_EXPORT)) found.add(match[1] as HttpMethod);
  for (const match of source.matchAll(METHOD_REEXPORT)) {
    for (const part of match[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .at(-1)
        ?.trim();
      if (name && (HTTP_METHODS as readonly string[]).includes(name)) found.add(name as HttpMethod);
    }
  }
  return HTTP_METHODS.filter((method) => found.has(method));
}

function segmentPattern(segment: string): { regex: string; weight: number } {
  if (/^\[\[\.\.\..+\]\]$/.test(segment)) return { regex: "(?:/.*)?", weight: 0 };
  if (/^\[\.\.\..+\]$/.test(segment)) return { regex: "/.+", weight: 1 };
  if (/^\[.+\]$/.test(segment)) return { regex: "/[^/]+", weight: 2 };
  return { regex: "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), weight: 3 };
}

/** Every route handler and page under app/, discovered from the file system. */
export function discoverRoutes(root = process.cwd()): RouteEntry[] {
  const appDir = path.join(root, "app");
  if (!fs.existsSync(appDir)) return [];
  const entries: RouteEntry[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
      if (item.isDirectory()) {
        // Private folders (_x) are not routes; route groups ((x)) add no segment.
        if (item.name.startsWith("_") || item.name.startsWith("@")) continue;
        walk(path.join(dir, item.name), /^\(.*\)$/.test(item.name) ? segments : [...segments, item.name]);
      } else if (/^(route|page)\.(ts|tsx|js|jsx)$/.test(item.name)) {
        const file = path.join(dir, item.name);
        const kind = item.name.startsWith("route") ? "route" : "page";
        const parts = segments.map(segmentPattern);
        entries.push({
          file: path.relative(root, file),
          path: "/" + segments.join("/"),
          kind,
          methods: kind === "route" ? exportedMethods(fs.readFileSync(file, "utf8")) : ["GET"],
          pattern: new RegExp(`^${parts.map((part) => part.regex).join("") || ""}/?$`),
          rank: parts.map((part) => part.weight),
        });
      }
    }
  };
  walk(appDir, []);
  return entries.sort((a, b) => compareRank(b.rank, a.rank));
}

function compareRank(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The route Next would serve for a path (most specific first), or undefined. */
export function matchRoute(routes: RouteEntry[], pathname: string): RouteEntry | undefined {
  return routes.find((route) => route.pattern.test(pathname === "/" ? "/" : pathname.replace(/\/$/, "")) || (route.path === "/" && pathname === "/"));
}
