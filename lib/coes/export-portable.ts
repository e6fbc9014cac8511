// Server side only (it reads image bytes with Buffer); the Markdown itself comes from export-markdown.ts.
export type ExportImage = { id: string; fileName: string; contentType: string; data: Uint8Array };

/**
 * The exported Markdown made to render outside Andon: the COE's own images, which only a signed-in
 * reader could fetch, are embedded as data URIs (those no answer shows are added at the end), and
 * the other links into Andon become absolute, so anyone with an account can follow them. Links that
 * were absolute already are left as written.
 */
export function portableMarkdown(markdown: string, context: { coeId: string; origin: string; images: readonly ExportImage[] }): string {
  const prefix = `/coes/${context.coeId}/attachments/`;
  const byId = new Map(context.images.map((image) => [image.id, image]));
  const shown = new Set<string>();
  const dataUri = (image: ExportImage) => `data:${image.contentType};base64,${Buffer.from(image.data).toString("base64")}`;
  let text = markdown.replace(/\]\((\/(?!\/)[^)\s]*)\)/g, (_match, path: string) => {
    if (path.startsWith(prefix)) {
      const image = byId.get(path.slice(prefix.length).split(/[?#]/)[0]!);
      if (image) {
        shown.add(image.id);
        return `](${dataUri(image)})`;
      }
    }
    return `](${context.origin}${path})`;
  });
  const rest = context.images.filter((image) => !shown.has(image.id));
  if (rest.length > 0) {
    text = `${text.trimEnd()}\n\n## Images\n\n${rest.map((image) => `![${image.fileName.replace(/[[\]]/g, "")}](${dataUri(image)})`).join("\n\n")}\n`;
  }
  return text;
}
