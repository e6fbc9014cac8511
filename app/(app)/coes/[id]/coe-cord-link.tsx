import Link from "next/link";

/** "Started from the Andon cord on …" on a COE that was started from a cord (read with the COE). */
export function CoeCordLink({ cord }: { cord: { id: string; service: { name: string } } | null }) {
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
