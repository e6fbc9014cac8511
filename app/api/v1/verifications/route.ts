import { apiRoute } from "@/lib/api/handler";
import { verificationGrid } from "@/lib/verification/queries";
import { verificationsQuerySchema } from "@/lib/verification/api-schemas";

/** The grid of a team subtree (default: the caller's first team): a page of 50 services with a cell per dimension, and the roll-up. */
export const GET = apiRoute({ query: verificationsQuerySchema }, async ({ user, query }) => {
  const grid = await verificationGrid(user, query);
  return {
    teamId: grid.scope.rootTeam?.id ?? null,
    page: grid.page,
    pageCount: grid.pageCount,
    total: grid.total,
    dimensions: grid.dimensions.map((dimension) => ({ id: dimension.id, key: dimension.key, name: dimension.name, intervalDays: dimension.intervalDays })),
    services: grid.services.map((service) => ({
      id: service.id,
      name: service.name,
      teamId: service.teamId,
      tier: service.tier,
      cells: Object.fromEntries(
        grid.dimensions.map((dimension) => {
          const cell = grid.cells.get(`${service.id}:${dimension.id}`);
          return [
            dimension.key,
            { status: cell?.status ?? "NEVER", verifiedAt: cell?.verifiedAt?.toISOString() ?? null, expiresAt: cell?.expiresAt?.toISOString() ?? null },
          ];
        }),
      ),
    })),
    rollup: grid.rollup.map((line) => ({
      teamId: line.teamId,
      name: line.name,
      services: line.serviceCount,
      percentVerified: Object.fromEntries(grid.dimensions.map((dimension) => [dimension.key, line.perDimension.get(dimension.id)?.percent ?? null])),
    })),
  };
});
