import type { Server } from "node:http";
import closeWithGrace from "close-with-grace";

/**
 * Graceful shutdown on SIGTERM / SIGINT (and on a crash): stop accepting connections, let the
 * requests in flight finish for at most `graceMs`, then cut what is left, close the database and
 * exit. A second signal exits at once. `close-with-grace` also exits (code 1) if all of this takes
 * more than `graceMs` + 2 s. A request cut at the deadline loses nothing: every write is one
 * SQLite transaction, committed or not.
 */
export function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    // Keep-alive connections would hold close() open until their idle timeout: close each one
    // as soon as it has no request in flight (now, and when its current response is finished).
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearTimeout(cut);
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export function installGracefulShutdown(server: Server, options: { graceMs: number; onClosed: () => void | Promise<void> }) {
  return closeWithGrace({ delay: options.graceMs + 2_000 }, async ({ signal, err }) => {
    if (err) console.error("Arrêt du serveur après une erreur non rattrapée :", err);
    else console.log(`${signal ?? "Arrêt"} reçu : plus de nouvelle connexion, fin des requêtes en cours (${options.graceMs} ms au plus)…`);
    await closeServer(server, options.graceMs);
    await options.onClosed();
    console.log("Serveur arrêté, base de données fermée.");
  });
}
