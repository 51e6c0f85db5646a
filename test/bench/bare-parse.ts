/**
 * The baseline of the factor benches (issue 16): a bare papaparse stream parse of the same file —
 * UTF-8 decoding, `;`, a `step` callback that does nothing — measured in the same run, so that the
 * reader's and the import's cost can be given as a ratio that does not depend on the machine's
 * load. Wall clock and CPU time (process.cpuUsage: this process's user + system time).
 */
import fs from "node:fs";
import Papa from "papaparse";

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

export async function measure(work: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** Parses the file as a stream, discarding every record; resolves with the number of records. */
export function bareParse(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let records = 0;
    Papa.parse(fs.createReadStream(path, "utf8") as unknown as Papa.LocalFile, {
      delimiter: ";",
      newline: "\r\n",
      header: false,
      dynamicTyping: false,
      step() {
        records++;
      },
      complete: () => resolve(records),
      error: reject,
    });
  });
}

export function ratio(measured: Timing, bare: Timing): string {
  return `${(measured.wallMs / bare.wallMs).toFixed(2)}× wall, ${(measured.cpuMs / bare.cpuMs).toFixed(2)}× CPU`;
}
