// Prisma's schema engine, run from its official WebAssembly build. The native engine is downloaded
// at run time from outside the npm registry, which these machines cannot reach; the wasm build ships
// inside an npm package and computes the same schema-to-schema SQL diff.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiffTarget, SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

type SchemaEngineClass = typeof SchemaEngine;
type GlueModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

// The wasm-bindgen glue reports Rust panics through this global; without it a panic turns into an
// unreadable "Cannot read properties of undefined". Same shape as the one Prisma's CLI installs.
class WasmPanicRegistry {
  private message = "";

  get(): string {
    return this.message;
  }

  set_message(value: string): void {
    this.message = `RuntimeError: ${value}`;
  }
}

// One instantiation per process: the glue module keeps a single wasm instance, and a second
// instantiation would swap it under engines that still use the first. Kept on globalThis so that
// test runners which re-evaluate this file still share it.
const ENGINE_CLASS_KEY = Symbol.for("andon.schemaEngineWasm");
type EngineGlobals = typeof globalThis & {
  PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry;
  [ENGINE_CLASS_KEY]?: Promise<SchemaEngineClass>;
};

async function instantiateSchemaEngine(): Promise<SchemaEngineClass> {
  const globals = globalThis as EngineGlobals;
  globals.PRISMA_WASM_PANIC_REGISTRY ??= new WasmPanicRegistry();

  // The package's own entry does `import * as wasm from "./schema_engine_bg.wasm"`, which Node 20
  // cannot load, so wire the `.wasm` file to its JS glue by hand.
  // Imported by absolute file URL: a bare specifier fails when a loader (tsx) evaluates this file
  // from a data: URL.
  const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue: GlueModule = await import(pathToFileURL(gluePath).href);
  const wasmBytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasmBytes, {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue.SchemaEngine;
}

function loadSchemaEngineClass(): Promise<SchemaEngineClass> {
  const globals = globalThis as EngineGlobals;
  globals[ENGINE_CLASS_KEY] ??= instantiateSchemaEngine().catch((error: unknown) => {
    delete globals[ENGINE_CLASS_KEY]; // let a later call try again
    throw error;
  });
  return globals[ENGINE_CLASS_KEY];
}

// A datamodel-to-datamodel diff never reads the database, but the engine connects when it is
// created, so point it at the server's `postgres` database, which always exists.
function maintenanceDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  url.searchParams.delete("schema");
  return url.toString();
}

function toDiffTarget(datamodel: string | null): DiffTarget {
  if (datamodel === null) return { tag: "empty" };
  return { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: datamodel }] };
}

async function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const SchemaEngineWasm = await loadSchemaEngineClass();
  // We own the pool (rather than handing PrismaPg a URL) so we can close it: the engine does not
  // dispose its adapter when freed, and the idle pool would hold a CLI open ~10 s after its work.
  const pool = new pg.Pool({ connectionString: maintenanceDatabaseUrl(databaseUrl), max: 2 });
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
    const engineLog = (): void => {}; // the engine's tracing output; nothing we act on
    const engine = await SchemaEngineWasm.new({ datamodels: undefined }, engineLog, adapter);
    try {
      return await work(engine);
    } finally {
      engine.free();
    }
  } finally {
    await pool.end();
  }
}

/**
 * The SQL script that turns a database shaped by `fromDatamodel` (null: an empty database) into
 * one shaped by `toDatamodel`. An empty diff gives a script with comments only.
 */
export async function diffSchemas(fromDatamodel: string | null, toDatamodel: string, databaseUrl: string): Promise<string> {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: toDiffTarget(fromDatamodel),
      to: toDiffTarget(toDatamodel),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? "";
  });
}

/** True when a diff script holds no statement, only comments and blank lines. */
export function isEmptyMigrationScript(script: string): boolean {
  return script
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}
