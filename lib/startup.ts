import { ConfigurationError, env } from "@/lib/env";

/** Refuse to serve with a broken configuration: say what is wrong and stop. */
export async function onServerStart(): Promise<void> {
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
