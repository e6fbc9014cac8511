import { NotFoundMessage } from "@/components/ui/not-found-message";

// Inside the frame, whose <main> already holds this: a second main landmark would confuse screen readers.
export default function AppNotFound() {
  return (
    <div className="flex min-h-[60vh] items-center justify-center px-4 py-16">
      <NotFoundMessage />
    </div>
  );
}
