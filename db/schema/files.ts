import { bytes, integer, primaryKey, table, text } from "./columns";

/** Size of one stored chunk of a file's bytes (1 MiB). */
export const FILE_CHUNK_BYTES = 1024 * 1024;

/**
 * The bytes of uploaded files in PostgreSQL mode (issue 19, docs/decisions/022-postgresql.md): the
 * database is then the store every app server reads, and DATA_DIR/files is a per-server cache.
 * Content-addressed like the files on disk: one row per 1 MiB chunk of the file whose SHA-256 is
 * `sha256` (chunk 0, 1, …; an empty file has one empty chunk 0), written once (ON CONFLICT DO
 * NOTHING): two uploads of the same bytes share their chunks. SQLite mode never writes here (its
 * migration creates the table, unused): the file on disk is the store.
 */
export const fileBlobs = table(
  "file_blobs",
  {
    sha256: text("sha256").notNull(),
    chunk: integer("chunk").notNull(),
    bytes: bytes("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.chunk] })],
);
