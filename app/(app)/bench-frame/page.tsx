import { BenchFloorContent } from "@/components/bench/bench-floor-content";

export const dynamic = "force-dynamic";

/** The benchmark's floor page inside the app's frame: every page of the app costs at least this. */
export default function BenchFramePage() {
  return <BenchFloorContent />;
}
