/** Runs once when a server instance starts. Node-only work lives in lib/startup.ts. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("@/lib/startup");
    await onServerStart();
  }
}
