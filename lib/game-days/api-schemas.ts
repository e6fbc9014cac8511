import { z } from "zod";
import { gameDayListQuerySchema } from "@/lib/game-days/schemas";

export const gameDayIdParamsSchema = z.object({ id: z.string().min(1).max(64) });
export const experimentParamsSchema = z.object({ id: z.string().min(1).max(64), experimentId: z.string().min(1).max(64) });
export const gameDayApiListQuerySchema = gameDayListQuerySchema;
/** Either `{ experimentId?, journal }` or the journal.json itself as the body. */
export const journalBodySchema = z.record(z.string(), z.unknown());
