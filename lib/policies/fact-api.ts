import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/principal";
import { parse } from "csv-parse/sync";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { requestPolicyEvaluation } from "@/lib/jobs/policies";
import { inferFactType, writeFacts } from "@/lib/policies/fact-mutations";
import { MAX_FACTS_PER_PUSH, factInputSchema, type FactInput } from "@/lib/policies/schemas";
import { serviceFacts } from "@/lib/policies/queries";

/** A service of the caller's organization (the org tree is readable by everyone in it). */
async function serviceInOrg(user: CurrentUser, serviceId: string) {
  const service = await db.service.findFirst({ where: { id: serviceId, organizationId: user.organizationId }, select: { id: true, name: true, teamId: true } });
  if (!service) throw new NotFoundError("The service");
  return service;
}

export async function factListJson(user: CurrentUser, serviceId: string) {
  const service = await serviceInOrg(user, serviceId);
  const facts = await serviceFacts(user, service.id);
  return {
    serviceId: service.id,
    data: facts.map((fact) => ({
      key: fact.key,
      type: fact.type,
      value: fact.value as number | boolean | string | null,
      source: fact.source,
      observedAt: fact.observedAt.toISOString(),
      changedAt: fact.changedAt.toISOString(),
    })),
  };
}

/**
 * Pushes facts about one service (API, CSV upload): members of the owning team (policy.facts) or a
 * token of theirs. Idempotent: the same values again change nothing but observedAt. Changed
 * services are evaluated right after.
 */
export async function pushServiceFacts(user: CurrentUser, serviceId: string, facts: FactInput[], source: string) {
  const service = await serviceInOrg(user, serviceId);
  if (!can(user, "policy.facts", service.teamId)) throw new ForbiddenError("Only members of the service's owning team may push its facts.");
  const now = new Date();
  const changed = await writeFacts(
    db,
    user.organizationId,
    source,
    facts.map((fact) => ({
      serviceId: service.id,
      key: fact.key,
      type: fact.type ?? inferFactType(fact.value),
      value: fact.type === "datetime" && typeof fact.value === "string" ? new Date(fact.value).toISOString() : fact.value,
      observedAt: fact.observedAt ? new Date(fact.observedAt) : now,
    })),
  );
  if (changed.length > 0) await requestPolicyEvaluation({ organizationId: user.organizationId, serviceIds: changed });
  return { accepted: facts.length, changed: changed.length > 0 };
}

/**
 * A CSV upload of facts (header `key,value[,type]`): each row parsed with the API's own schema, so a
 * bad row is reported by its line number and nothing is written.
 */
export async function uploadFactsCsv(user: CurrentUser, serviceId: string, csv: string) {
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch {
    throw new ValidationError("The file is not valid CSV.", { csv: ["Use a header row `key,value,type` and one fact per line."] });
  }
  if (records.length === 0) throw new ValidationError("The file has no facts.", { csv: ["Add one fact per line under the header `key,value,type`."] });
  if (records.length > MAX_FACTS_PER_PUSH)
    throw new ValidationError(`At most ${MAX_FACTS_PER_PUSH} facts per upload.`, { csv: [`The file has ${records.length} rows.`] });
  const facts = records.map((record, index) => {
    const type = record.type || undefined;
    const raw = record.value ?? "";
    const value =
      raw === ""
        ? null
        : type === "number" || (!type && /^-?\d+(\.\d+)?$/.test(raw))
          ? Number(raw)
          : type === "boolean" || (!type && /^(true|false)$/i.test(raw))
            ? raw.toLowerCase() === "true"
            : raw;
    const parsed = factInputSchema.safeParse({ key: record.key, value, type });
    if (!parsed.success) {
      throw new ValidationError(`Line ${index + 2}: ${parsed.error.issues[0]?.message ?? "invalid fact"}`, {
        csv: [`Line ${index + 2}: ${parsed.error.issues[0]?.message ?? "invalid fact"}`],
      });
    }
    return parsed.data;
  });
  return pushServiceFacts(user, serviceId, facts, "csv");
}
