/**
 * `npm run factors:check -- path/to/file.csv`: validates an emission-factor file exactly as the
 * upload does (same reader, same schema) and prints the report as JSON on stdout:
 * `{ "rows", "valid", "errors": [{ "line", "column", "message" }], "warnings": [{ "line"?, "column"?, "message" }] }`.
 *
 * Exit code: 0 when every row is valid, 1 when some are not (or the header is wrong), 2 when the
 * file does not exist or cannot be read as CSV (French message on stderr).
 * `FACTORS_MAX_FILE_BYTES`, when set, limits the file size as on the portal.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { CsvUnreadableError, readFactorsCsv } from "#emission-factors";

async function main(args: string[]): Promise<number> {
  const paths = args.filter((a) => a !== "--");
  const path = paths[0];
  if (path === undefined || paths.length > 1) {
    process.stderr.write("Usage : npm run factors:check -- chemin/vers/facteurs.csv\n");
    return 2;
  }
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      process.stderr.write(`« ${path} » n'est pas un fichier.\n`);
      return 2;
    }
  } catch {
    process.stderr.write(`Fichier introuvable : « ${path} ».\n`);
    return 2;
  }

  const maxBytesEnv = process.env.FACTORS_MAX_FILE_BYTES;
  const maxBytes = maxBytesEnv && /^\d+$/.test(maxBytesEnv) ? Number(maxBytesEnv) : undefined;
  try {
    const report = await readFactorsCsv(createReadStream(path), { maxBytes });
    const output = {
      rows: report.rows,
      valid: report.valid,
      errors: report.errors.map(({ line, column, message }) => ({ line, column, message })),
      warnings: report.warnings,
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return report.errorCount === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof CsvUnreadableError) {
      process.stderr.write(`Fichier illisible comme CSV : ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Lecture impossible de « ${path} » : ${message}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
