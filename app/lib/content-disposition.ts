/**
 * The Content-Disposition of a download (RFC 6266): `attachment`, an ASCII `filename` fallback for
 * old clients, and the exact name as `filename*=UTF-8''…` (RFC 8187), which every current browser
 * prefers. The fallback keeps letters without their accents, digits and a few safe signs; anything
 * else becomes `_`, so no quote, backslash, `%`, `;` or control character reaches the header.
 * Browser-safe, pure.
 */
export function attachmentDisposition(name: string): string {
  const fallback =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9 ._()[\]+,-]/g, "_")
      .trim() || "fichier";
  // encodeURIComponent leaves ' ( ) * ! unencoded; RFC 8187's attr-char does not allow the first four.
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
