/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (at most
 * SHUTDOWN_GRACE_MS, then cut the rest), run the closers (database, engines), exit 0.
 * Responses finished during shutdown carry `Connection: close`, so keep-alive clients go away
 * at once instead of holding the process open until their idle timeout.
 */
import type { Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export const SHUTDOWN_GRACE_MS = 10_000;

/** Tracks unfinished responses from now on; call before traffic arrives. */
export function trackInFlight(server: Server): { closeGracefully(graceMs?: number): Promise<void> } {
  const inFlight = new Set<ServerResponse>();
  let closing = false;
  server.on('request', (_req, res: ServerResponse) => {
    if (closing) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
  });

  return {
    closeGracefully(graceMs = SHUTDOWN_GRACE_MS) {
      closing = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      return new Promise((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        // close() stops listening and resolves once every connection has ended.
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}

export function onShutdownSignal(server: Server, logger: Logger, closers: Array<() => Promise<void>>): void {
  const tracker = trackInFlight(server);
  let shuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    let exitCode = 0;
    await tracker.closeGracefully();
    for (const close of closers) {
      try {
        await close();
      } catch (err) {
        exitCode = 1;
        logger.error({ err }, 'error while shutting down');
      }
    }
    logger.info('stopped');
    logger.flush?.();
    process.exit(exitCode);
  };
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));
}
