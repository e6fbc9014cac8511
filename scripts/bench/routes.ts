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
    { name: "COE list, team filter", path: `/coes?teamId=${fixtures.teamIds[1]}`, auth: "session" },
    { name: "COE full-text search", path: "/coes?q=certificate%20expiry&sort=relevance", auth: "session" },
    { name: "one COE", path: `/coes/${fixtures.coeIds[0]}`, auth: "session" },
    { name: "my actions", path: "/actions?view=mine", auth: "session" },
    { name: "team actions, overdue", path: `/actions?view=team&teamId=${fixtures.rootTeamId}&overdue=true`, auth: "session" },
    { name: "this week's agenda, top-level team", path: `/reviews/${fixtures.rootSeriesId}/weeks/${fixtures.currentIsoWeek}`, auth: "session" },
    { name: "MTTR page, root team", path: `/metrics?team=${fixtures.rootTeamId}`, auth: "session" },
    { name: "API: GET /api/v1/teams", path: "/api/v1/teams?limit=50", auth: "token" },
    { name: "API: GET /api/v1/coes", path: "/api/v1/coes?limit=50", auth: "token" },
    { name: "API: GET /api/v1/action-items", path: "/api/v1/action-items?limit=50", auth: "token" },
    { name: "API: GET /api/v1/reviews agenda", path: `/api/v1/reviews/${fixtures.rootSeriesId}/weeks/${fixtures.currentIsoWeek}/agenda`, auth: "token" },
    { name: "API: GET /api/v1/metrics", path: "/api/v1/metrics?limit=50", auth: "token" },
    { name: "API: GET /api/v1/services (subtree)", path: `/api/v1/services?teamId=${fixtures.rootTeamId}&includeSubteams=true&limit=50`, auth: "token" },
  ];
}
