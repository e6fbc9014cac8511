import { deployGate, deployGateHead } from "@/lib/cords/gate-route";

// Evaluated at the moment of every call: never cached, never prerendered.
export const dynamic = "force-dynamic";

export const GET = deployGate;
export const HEAD = deployGateHead;
