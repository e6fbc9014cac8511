import { apiRoute } from "@/lib/api/handler";
import { NotFoundError } from "@/lib/errors";
import { coeForLearnings } from "@/lib/learnings/queries";
import { idParamsSchema } from "@/lib/learnings/api-schemas";
import { similarCoes } from "@/lib/learnings/similar";

// Similar past COEs of a COE the caller may read, among the COEs they may read (lib/learnings/similar.ts).
export const GET = apiRoute({ params: idParamsSchema }, async ({ user, params }) => {
  const coe = await coeForLearnings(user, params.id);
  if (!coe) throw new NotFoundError("The COE");
  const similar = await similarCoes(user, coe.id);
  return {
    data: similar.map((entry) => ({
      ...entry,
      startedAt: entry.startedAt?.toISOString() ?? null,
      actions: entry.actions.map((action) => ({ ...action, verifiedAt: action.verifiedAt?.toISOString() ?? null })),
    })),
  };
});
