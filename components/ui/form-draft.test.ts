import { describe, expect, it } from "vitest";
import { readFormDraft, writeFormDraft } from "@/components/ui/form-draft";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const SERVER = { status: "IN_PROGRESS", evidence: "" };

describe("form drafts", () => {
  it("keeps typed text with the version it was typed against, and gives it back after a remount at a newer version", () => {
    const storage = memoryStorage();
    writeFormDraft(storage, "k", { baseVersion: 3, value: { status: "DONE", evidence: "PR 42 merged" } }, SERVER);
    // The page refreshed after someone else's change: the server now offers other choices.
    const restored = readFormDraft(storage, "k", { status: "OPEN", evidence: "" });
    expect(restored).toEqual({ baseVersion: 3, value: { status: "DONE", evidence: "PR 42 merged" } });
  });

  it("leaves nothing behind when the form holds what the server holds", () => {
    const storage = memoryStorage();
    writeFormDraft(storage, "k", { baseVersion: 1, value: { status: "DONE", evidence: "x" } }, SERVER);
    writeFormDraft(storage, "k", { baseVersion: 1, value: { ...SERVER } }, SERVER);
    expect(storage.items.size).toBe(0);
    expect(readFormDraft(storage, "k", SERVER)).toBeNull();
  });

  it("forgets a draft that says nothing new, is malformed, or holds fields the form no longer has", () => {
    const storage = memoryStorage();
    storage.setItem("same", JSON.stringify({ baseVersion: 1, value: { ...SERVER, gone: "old field" } }));
    storage.setItem("broken", "{not json");
    storage.setItem("shape", JSON.stringify({ value: { evidence: "no version" } }));
    expect(readFormDraft(storage, "same", SERVER)).toBeNull();
    expect(readFormDraft(storage, "broken", SERVER)).toBeNull();
    expect(readFormDraft(storage, "shape", SERVER)).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it("takes only string values of the form's own fields", () => {
    const storage = memoryStorage();
    storage.setItem("k", JSON.stringify({ baseVersion: 2, value: { evidence: "kept", status: 7, extra: "dropped" } }));
    expect(readFormDraft(storage, "k", SERVER)).toEqual({ baseVersion: 2, value: { status: "IN_PROGRESS", evidence: "kept" } });
  });
});
