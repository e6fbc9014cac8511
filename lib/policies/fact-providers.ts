import "server-only";
import type { FactProvider } from "@/lib/policies/fact-provider";
import { builtInFactProviders } from "@/lib/policies/built-in-providers";
import { cordFactProvider } from "@/lib/cords/fact-provider";
import { verificationFactProvider } from "@/lib/verification/fact-provider";

/**
 * Every registered fact provider, in the order they are collected. Features add theirs with one
 * line (e.g. `cordFactProvider` from lib/cord/fact-provider.ts).
 */
export const FACT_PROVIDERS: FactProvider[] = [...builtInFactProviders, cordFactProvider, verificationFactProvider];
