import { fileProblem, type FileRule } from "@/lib/uploads/file-rules";

/** Images a COE may carry, recognised by their first bytes: the upload's name and type are not trusted. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export type ImageType = "image/png" | "image/jpeg" | "image/webp";

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
}

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

/** COE images: at most 5 MB, PNG, JPEG or WebP. */
export const IMAGE_RULE: FileRule<ImageType> = {
  maxBytes: MAX_IMAGE_BYTES,
  sniff: sniffImageType,
  tooLarge: "Images can be at most 5 MB.",
  wrongType: "Only PNG, JPEG and WebP images can be attached (checked from the file's content).",
  fallbackName: "image",
};

/** The reason an upload is refused, or null when it is fine. */
export function imageProblem(bytes: Uint8Array): string | null {
  return fileProblem(bytes, IMAGE_RULE);
}
