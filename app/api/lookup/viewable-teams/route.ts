import { lookupViewableTeams } from "@/lib/lookup/queries";
import { lookupRoute } from "@/lib/lookup/route";

export const GET = lookupRoute(lookupViewableTeams);
