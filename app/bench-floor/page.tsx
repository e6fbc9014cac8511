import { BenchFloorContent } from "@/components/bench/bench-floor-content";

export const dynamic = "force-dynamic";

/** The benchmark's floor for a signed-in page, outside the app's frame: every signed-in page costs at least this. */
export default function BenchFloorPage() {
  return <BenchFloorContent />;
}
