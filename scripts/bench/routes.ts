import type { BenchFixtures } from "./seed-large";

export type BenchRoute = {
  name: string;
  path: string;
  /** session: signed in as the bench manager; token: a personal API token; none: anonymous. */
  auth: "session" | "token" | "none";
  /**
   * Floor routes: the framework's own speed on this machine, measured in the same run — a static
   * page, a route handler with one indexed query, a signed-in page outside the app frame that
   * renders 20 rows from one indexed query (the honest floor for every signed-in page), and the same
   * page inside the app's frame (the floor of every page of the app: what the frame leaves).
   */
  floor?: "static" | "query" | "page" | "frame";
};

/** What the benchmark loads. Pages and API lists people open every day, plus the floors. */
export function benchRoutes(fixtures: BenchFixtures): BenchRoute[] {
  return [
    { name: "floor: static page", path: "/forbidden", auth: "none", floor: "static" },
    { name: "floor: route handler, one indexed query", path: "/api/bench-floor", auth: "none", floor: "query" },
    { name: "floor: signed-in page, one indexed query, no frame", path: "/bench-floor", auth: "session", floor: "page" },
    { name: "floor: the same page inside the app's frame", path: "/bench-frame", auth: "session", floor: "frame" },
    { name: "home (teams and services)", path: "/", auth: "session" },
    { name: "COE list, team filter", path: `/coes?teamId=${fixtures.teamIds[1]}`, auth: "session" },
    { name: "COE full-text search", path: "/coes?q=certificate%20expiry&sort=relevance", auth: "session" },
    { name: "one COE", path: `/coes/${fixtures.coeIds[0]}`, auth: "session" },
    { name: "my actions", path: "/actions?view=mine", auth: "session" },
    { name: "team actions, overdue", path: `/actions?view=team&teamId=${fixtures.rootTeamId}&overdue=true`, auth: "session" },
    { name: "this week's agenda, top-level team", path: `/reviews/${fixtures.rootSeriesId}/weeks/${fixtures.currentIsoWeek}`, auth: "session" },
    { name: "MTTR page, root team", path: `/metrics?team=${fixtures.rootTeamId}`, auth: "session" },
    { name: "verification grid, root team", path: `/verification?teamId=${fixtures.rootTeamId}`, auth: "session" },
    { name: "game days, all", path: "/game-days?when=all", auth: "session" },
    { name: "API: GET /api/v1/verifications, root team", path: `/api/v1/verifications?teamId=${fixtures.rootTeamId}`, auth: "token" },
    { name: "API: GET /api/v1/teams", path: "/api/v1/teams?limit=50", auth: "token" },
    { name: "API: GET /api/v1/coes", path: "/api/v1/coes?limit=50", auth: "token" },
    { name: "API: GET /api/v1/action-items", path: "/api/v1/action-items?limit=50", auth: "token" },
    { name: "API: GET /api/v1/reviews agenda", path: `/api/v1/reviews/${fixtures.rootSeriesId}/weeks/${fixtures.currentIsoWeek}/agenda`, auth: "token" },
    { name: "API: GET /api/v1/metrics", path: "/api/v1/metrics?limit=50", auth: "token" },
    { name: "policies: compliance, root team", path: `/policies?team=${fixtures.rootTeamId}`, auth: "session" },
    { name: "API: GET /api/v1/findings", path: "/api/v1/findings?limit=50", auth: "token" },
    { name: "learnings library search", path: "/learnings?q=dns%20safeguards", auth: "session" },
    // The same search without the page: what a script or another tool asks.
    { name: "API: GET /api/v1/lessons, search", path: "/api/v1/lessons?q=dns%20safeguards&limit=20", auth: "token" },
    // The library as it opens: every lesson the reader may see, counted per category.
    { name: "learnings library, no search", path: "/learnings", auth: "session" },
    // Asked on every keystroke of a team filter or switcher (COE list, actions, learnings, metrics, verification).
    { name: "lookup: teams type-ahead", path: "/api/lookup/teams?q=team%203", auth: "session" },
    { name: "API: GET /api/v1/coes/{id}/similar", path: `/api/v1/coes/${fixtures.coeIds[0]}/similar`, auth: "token" },
    { name: "API: GET /api/v1/deploy-gate", path: `/api/v1/deploy-gate?service=${fixtures.serviceIds[0]}&environment=production`, auth: "token" },
    { name: "Andon cords, line stopped", path: "/cords?status=open", auth: "session" },
    { name: "API: GET /api/v1/services (subtree)", path: `/api/v1/services?teamId=${fixtures.rootTeamId}&includeSubteams=true&limit=50`, auth: "token" },
  ];
}
