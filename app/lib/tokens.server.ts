import crypto from "node:crypto";

/**
 * Single-use link tokens (invitations): random, shown once; only their SHA-256 is stored, so the
 * database never holds a usable link.
 */
export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
