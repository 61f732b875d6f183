/** What the watchdog needs of a database server it looks after. */
export interface Restartable {
  isRunning(): boolean;
  restart(): Promise<void>;
}

/**
 * Checks every `intervalMs` and restarts a dead server, one restart at a time, logging each step;
 * returns the function that stops watching. The timer never keeps the process alive.
 */
export function watchServer(
  server: Restartable,
  log: (message: string) => void,
  intervalMs: number,
): () => void {
  let restarting = false;
  const timer = setInterval(() => {
    if (restarting || server.isRunning()) return;
    restarting = true;
    log('Embedded PostgreSQL stopped unexpectedly; restarting it.');
    server
      .restart()
      .then(
        () => log('Embedded PostgreSQL restarted.'),
        (error: unknown) => log(`Embedded PostgreSQL did not restart: ${String(error)}`),
      )
      .finally(() => (restarting = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
