import { parseAllDocuments } from "yaml";
import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";

/**
 * Backstage `catalog-info.yaml` files (several documents per file) read into what Andon imports:
 * Group entities become teams (`spec.parent` places them in the tree), Component entities become
 * services (`spec.owner` names their team), and a component's `spec.lifecycle`, `spec.type` and
 * `metadata.annotations` become its `catalog.*` facts. Other kinds are listed and skipped.
 * Pure: resolving names against the organization happens in catalog-import.ts.
 */

export const MAX_CATALOG_BYTES = 1_000_000;
const MAX_CATALOG_DOCUMENTS = 2_000;
export const CATALOG_FACT_SOURCE = "backstage";

const ENTITY_NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

const entityName = z
  .string({ error: "Give the entity a metadata.name." })
  .trim()
  .regex(ENTITY_NAME, "A Backstage name is 1–63 letters, digits, dots, dashes or underscores, starting and ending with a letter or digit.");

/** `group:default/team-a`, `default/team-a` or `team-a` — the group's name is what Andon matches. */
const groupRef = z
  .string()
  .trim()
  .min(1, "Name a group.")
  .max(200)
  .transform((ref) => ref.replace(/^group:/i, "").replace(/^[^/]*\//, ""))
  .pipe(entityName);

const metadataSchema = z.object({
  name: entityName,
  title: z.string().trim().min(1).max(80, "Keep metadata.title under 80 characters.").optional(),
  description: z.string().trim().max(500, "Keep metadata.description under 500 characters.").optional(),
  annotations: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

const groupSchema = z.object({
  kind: z.literal("Group"),
  metadata: metadataSchema,
  spec: z.object({ parent: groupRef.optional() }).optional(),
});

const componentSchema = z.object({
  kind: z.literal("Component"),
  metadata: metadataSchema,
  spec: z.object(
    {
      owner: groupRef,
      type: z.string().trim().min(1).max(200).optional(),
      lifecycle: z.string().trim().min(1).max(200).optional(),
    },
    { error: "A Component needs a spec with an owner." },
  ),
});

type CatalogGroup = { document: number; name: string; title: string; description: string | null; parent: string | null };
type CatalogFactDraft = { key: string; value: string | number | boolean };
type CatalogComponent = { document: number; name: string; description: string | null; owner: string; facts: CatalogFactDraft[] };
export type CatalogSkipped = { document: number; kind: string; name: string | null };

export type ParsedCatalog = {
  groups: CatalogGroup[];
  components: CatalogComponent[];
  skipped: CatalogSkipped[];
  warnings: string[];
  /** Keyed `documents.<n>.<path>` (n counts from 1, as a person reads the file) or `yaml`. */
  errors: FieldErrors;
};

/** An annotation key as a fact key: `github.com/project-slug` → `catalog.annotations.github.com_project-slug`. */
export function annotationFactKey(annotation: string): string | null {
  const cleaned = annotation
    .replace(/[^A-Za-z0-9_.-]/g, "_")
    .split(".")
    .filter(Boolean)
    .join(".");
  const key = `catalog.annotations.${cleaned}`;
  return cleaned && key.length <= 120 ? key : null;
}

function addError(errors: FieldErrors, key: string, message: string): void {
  (errors[key] ??= []).push(message);
}

export function parseCatalog(text: string): ParsedCatalog {
  const parsed: ParsedCatalog = { groups: [], components: [], skipped: [], warnings: [], errors: {} };
  if (Buffer.byteLength(text, "utf8") > MAX_CATALOG_BYTES) {
    addError(parsed.errors, "yaml", `The catalog is larger than ${MAX_CATALOG_BYTES / 1_000_000} MB: split it.`);
    return parsed;
  }
  const documents = parseAllDocuments(text);
  if (documents.length > MAX_CATALOG_DOCUMENTS) {
    addError(parsed.errors, "yaml", `The file holds ${documents.length} documents; import at most ${MAX_CATALOG_DOCUMENTS} at once.`);
    return parsed;
  }
  documents.forEach((document, index) => {
    const number = index + 1;
    for (const error of document.errors) {
      const where = error.linePos?.[0] ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : `document ${number}`;
      addError(parsed.errors, "yaml", `${where}: ${error.message.split("\n")[0]}`);
    }
    if (document.errors.length > 0) return;
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return; // an empty document, e.g. after a trailing ---
    if (typeof value !== "object" || Array.isArray(value)) {
      addError(parsed.errors, `documents.${number}`, "Each document is an entity: a mapping with apiVersion, kind, metadata and spec.");
      return;
    }
    const entity = value as { kind?: unknown; metadata?: { name?: unknown } };
    const kind = typeof entity.kind === "string" ? entity.kind : null;
    if (kind !== "Group" && kind !== "Component") {
      const name = typeof entity.metadata?.name === "string" ? entity.metadata.name : null;
      parsed.skipped.push({ document: number, kind: kind ?? "(no kind)", name });
      return;
    }
    const result = (kind === "Group" ? groupSchema : componentSchema).safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) addError(parsed.errors, ["documents", number, ...issue.path].join("."), issue.message);
      return;
    }
    if (result.data.kind === "Group") {
      const { metadata, spec } = result.data;
      parsed.groups.push({
        document: number,
        name: metadata.name,
        title: metadata.title ?? metadata.name,
        description: metadata.description ?? null,
        parent: spec?.parent ?? null,
      });
      return;
    }
    const { metadata, spec } = result.data;
    const facts: CatalogFactDraft[] = [];
    if (spec.lifecycle) facts.push({ key: "catalog.lifecycle", value: spec.lifecycle });
    if (spec.type) facts.push({ key: "catalog.type", value: spec.type });
    for (const [annotation, annotationValue] of Object.entries(metadata.annotations ?? {})) {
      const key = annotationFactKey(annotation);
      const stored = typeof annotationValue === "string" ? annotationValue.slice(0, 2000) : annotationValue;
      if (key) facts.push({ key, value: stored });
      else parsed.warnings.push(`Document ${number}: the annotation “${annotation.slice(0, 60)}” is too long to be a fact key; skipped.`);
    }
    parsed.components.push({ document: number, name: metadata.name, description: metadata.description ?? null, owner: spec.owner, facts });
  });
  if (Object.keys(parsed.errors).length === 0 && parsed.groups.length + parsed.components.length + parsed.skipped.length === 0)
    addError(parsed.errors, "yaml", "The file holds no entity: paste a catalog-info.yaml with Component or Group entities.");
  duplicates(parsed, "groups", "Group");
  duplicates(parsed, "components", "Component");
  return parsed;
}

/** The same name twice in one import is ambiguous: the later document would silently win. */
function duplicates(parsed: ParsedCatalog, list: "groups" | "components", kind: string): void {
  const seen = new Map<string, number>();
  for (const entity of parsed[list]) {
    const key = entity.name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) addError(parsed.errors, `documents.${entity.document}.metadata.name`, `${kind} “${entity.name}” is also document ${first}.`);
    else seen.set(key, entity.document);
  }
}
