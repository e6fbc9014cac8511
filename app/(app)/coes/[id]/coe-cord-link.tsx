import Link from "next/link";
import { cordOfCoe } from "@/lib/cords/queries";

/** "Started from the Andon cord on …" on a COE that was started from a cord. */
export async function CoeCordLink({ organizationId, coeId }: { organizationId: string; coeId: string }) {
  const cord = await cordOfCoe(organizationId, coeId);
  if (!cord) return null;
  return (
    <p className="-mt-4 mb-6 text-sm text-slate-700">
      Started from the{" "}
      <Link href={`/cords/${cord.id}`} className="font-medium text-indigo-700 hover:underline">
        Andon cord on {cord.service.name}
      </Link>
    </p>
  );
}
