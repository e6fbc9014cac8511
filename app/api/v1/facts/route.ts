import { apiRoute } from "@/lib/api/handler";
import { factListQuerySchema } from "@/lib/policies/api-schemas";
import { factListJson } from "@/lib/policies/fact-api";

export const GET = apiRoute({ query: factListQuerySchema }, async ({ user, query }) => factListJson(user, query.service));
