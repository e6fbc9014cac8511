/**
 * A source of service facts computed by Andon itself (or another of its features) rather than pushed
 * through the API. The evaluator asks every registered provider for its facts and writes what it gets
 * through the one fact write path, so provider facts get the same history and change detection as
 * pushed ones. Register a provider with one line in lib/policies/fact-providers.ts.
 */
export type FactValueType = "number" | "boolean" | "string" | "datetime";

export type FactValue = number | boolean | string | Date | null;

export interface FactDefinition {
  /** Dotted key, e.g. `actions.overdueCount`; unique across providers. */
  key: string;
  type: FactValueType;
  description: string;
}

export interface CollectedFact {
  serviceId: string;
  key: string;
  /** null means "not known" (a rule comparing it fails its operator, e.g. never tested). */
  value: FactValue;
}

export interface FactProvider {
  /** Stored as the fact's `source`, e.g. `andon.actions`, `andon.cord`. */
  source: string;
  facts: FactDefinition[];
  /**
   * The facts of the organization's services: every service when `serviceIds` is null, else only
   * those. Read in bulk (a statement or two for all services), never one query per service.
   */
  collect(organizationId: string, serviceIds: string[] | null): Promise<CollectedFact[]>;
}
