import type { BenchFixtures } from "./seed-large";

export type BenchRoute = {
  name: string;
  path: string;
  /** session: signed in as the bench manager; token: a personal API token; none: anonymous. */
  auth: "session" | "token" | "none";
  /** Floor routes: the framework's own speed on this machine, measured in the same run. */
  floor?: "static" | "query";
};

/** What the benchmark loads. Pages and API lists people open every day, plus the two floors. */
export function benchRoutes(fixtures: BenchFixtures): BenchRoute[] {
  return [
    { name: "floor: static page", path: "/forbidden", auth: "none", floor: "static" },
    { name: "floor: route handler, one indexed query", path: "/api/health", auth: "none", floor: "query" },
    { name: "home (teams and services)", path: "/", auth: "session" },
    { name: "API: GET /api/v1/teams", path: "/api/v1/teams?limit=50", auth: "token" },
    { name: "API: GET /api/v1/services (subtree)", path: `/api/v1/services?teamId=${fixtures.rootTeamId}&includeSubteams=true&limit=50`, auth: "token" },
  ];
}
