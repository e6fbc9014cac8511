import type { Prisma } from "@/lib/generated/prisma/client";

/** How many of the rules made from one COE's lessons its page lists. */
export const COE_RULES_SHOWN = 10;

/**
 * What a COE's page reads of the rules made from its lessons. The COE's own read loads them (one
 * statement for the page), and lib/policies/queries.ts `coeRuleResults` adds what each checks now.
 */
export const coeRuleSelect = {
  id: true,
  name: true,
  status: true,
  conditions: true,
  scopeTeamId: true,
  applicableFactKey: true,
} satisfies Prisma.PolicyRuleSelect;

export type CoeRule = Prisma.PolicyRuleGetPayload<{ select: typeof coeRuleSelect }>;
