/**
 * `npm run backup -- <target file>`: an online backup of the portal's SQLite database (the one
 * DATABASE_PATH / DATA_DIR point to), safe while the portal runs (db/backup.ts). Writes one
 * self-contained SQLite file, checked with `PRAGMA integrity_check`, and never overwrites a file.
 *
 * Uploaded files (DATA_DIR/files) and the generated session secret are not in the database: copy
 * them too, after the database (files are immutable and content-addressed, so a copy taken after
 * the database holds every file the backup refers to). See README, "Backups".
 */
import { loadConfig } from "../app/config.server";
import { BackupError, backupDatabase } from "../db/backup";

const target = process.argv[2];
if (!target || process.argv.length > 3) {
  console.error("Usage : npm run backup -- <fichier de sauvegarde>   (par exemple ./sauvegardes/nr-procure-2025-01-15.sqlite)");
  process.exit(2);
}
// The backup signs nothing: a placeholder secret keeps loadConfig from generating a secret file
// as a side effect (e.g. in a mistyped DATA_DIR).
const config = loadConfig({ ...process.env, SESSION_SECRET: process.env.SESSION_SECRET || "backup-needs-no-secret-0123456789abcdef" });
const started = performance.now();
try {
  const result = await backupDatabase(config.databasePath, target);
  const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
  console.log(
    `Sauvegarde écrite : ${result.target}\n` +
      `  ${(result.bytes / 1024 / 1024).toFixed(1)} Mo, ${result.pages} pages, ${Object.keys(result.tables).length} tables, ${rows.toLocaleString("fr-FR")} lignes ; ` +
      `integrity_check : ok ; ${Math.round(performance.now() - started)} ms\n` +
      `  Pensez à copier aussi les fichiers déposés : ${config.filesDir}`,
  );
} catch (e) {
  if (e instanceof BackupError) {
    console.error(`Sauvegarde impossible : ${e.message}`);
    process.exit(1);
  }
  throw e;
}
