import { cleanFileName, formatBytes } from "~/lib/format";

/**
 * Evidence file types: PDF, office documents (OOXML, OpenDocument, legacy Office) and images.
 * The server checks the extension AND the first bytes (magic numbers); the MIME type stored and
 * served is the one derived here, never the one the browser claimed.
 */
type Kind = { mime: string; magic: "pdf" | "png" | "jpeg" | "gif" | "webp" | "zip" | "ole" };

export const EVIDENCE_TYPES: Record<string, Kind> = {
  pdf: { mime: "application/pdf", magic: "pdf" },
  png: { mime: "image/png", magic: "png" },
  jpg: { mime: "image/jpeg", magic: "jpeg" },
  jpeg: { mime: "image/jpeg", magic: "jpeg" },
  gif: { mime: "image/gif", magic: "gif" },
  webp: { mime: "image/webp", magic: "webp" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: "zip" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: "zip" },
  pptx: { mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation", magic: "zip" },
  odt: { mime: "application/vnd.oasis.opendocument.text", magic: "zip" },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", magic: "zip" },
  odp: { mime: "application/vnd.oasis.opendocument.presentation", magic: "zip" },
  doc: { mime: "application/msword", magic: "ole" },
  xls: { mime: "application/vnd.ms-excel", magic: "ole" },
  ppt: { mime: "application/vnd.ms-powerpoint", magic: "ole" },
};

export const ACCEPT_ATTRIBUTE = Object.keys(EVIDENCE_TYPES)
  .map((e) => `.${e}`)
  .join(",");

export const ACCEPTED_LABEL = "PDF, documents bureautiques (Word, Excel, PowerPoint, OpenDocument) et images (PNG, JPEG, GIF, WebP)";

function startsWith(bytes: Uint8Array, sig: number[], offset = 0): boolean {
  return sig.every((b, i) => bytes[offset + i] === b);
}

function magicMatches(bytes: Uint8Array, magic: Kind["magic"]): boolean {
  switch (magic) {
    case "pdf":
      return startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
    case "png":
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case "jpeg":
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case "gif":
      return startsWith(bytes, [0x47, 0x49, 0x46, 0x38]); // GIF8
    case "webp":
      return startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8); // RIFF....WEBP
    case "zip":
      return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]); // PK\3\4
    case "ole":
      return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  }
}

export type UploadCheck = { ok: true; mime: string; name: string } | { ok: false; message: string; code: "invalid" | "too-large" | "unsupported-type" };

export function checkEvidence(input: { name: string; bytes: Uint8Array; maxFileBytes: number; usedBytes: number; maxTenderBytes: number }): UploadCheck {
  const name = cleanFileName(input.name);
  if (input.bytes.byteLength === 0) return { ok: false, code: "invalid", message: `Le fichier « ${name} » est vide.` };
  if (input.bytes.byteLength > input.maxFileBytes)
    return { ok: false, code: "too-large", message: `Le fichier « ${name} » dépasse la taille maximale de ${formatBytes(input.maxFileBytes)} par fichier.` };
  if (input.usedBytes + input.bytes.byteLength > input.maxTenderBytes)
    return {
      ok: false,
      code: "too-large",
      message: `Ce fichier porterait le total des pièces jointes de la réponse au-delà de ${formatBytes(input.maxTenderBytes)} (déjà utilisé : ${formatBytes(input.usedBytes)}).`,
    };
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const kind = EVIDENCE_TYPES[ext];
  if (!kind) return { ok: false, code: "unsupported-type", message: `Type de fichier non accepté pour « ${name} ». Formats acceptés : ${ACCEPTED_LABEL}.` };
  if (!magicMatches(input.bytes, kind.magic))
    return { ok: false, code: "unsupported-type", message: `Le contenu de « ${name} » ne correspond pas à un fichier .${ext} valide.` };
  return { ok: true, mime: kind.mime, name };
}
