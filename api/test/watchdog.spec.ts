import { watchServer } from '../src/database/watchdog';

/** `npm start` watches its embedded PostgreSQL with this loop (api/src/database/embedded.ts). */
describe('the embedded database watchdog', () => {
  /** A server that dies on request and whose restarts finish (or fail) when the test says. */
  function fakeServer(failures = 0) {
    let running = true;
    let finish: () => void = () => undefined;
    const server = {
      checks: 0,
      restarts: 0,
      kill: () => (running = false),
      isRunning: () => (server.checks++, running),
      restart: () =>
        new Promise<void>((resolve, reject) => {
          server.restarts++;
          finish = () => {
            if (server.restarts <= failures) return reject(new Error('port in use'));
            running = true;
            resolve();
          };
        }),
      finishRestart: () => finish(),
    };
    return server;
  }
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise((r) => setTimeout(r, 1));
  };

  it('restarts a dead server once, however many checks pass meanwhile, and logs both steps', async () => {
    const server = fakeServer();
    const log: string[] = [];
    const stop = watchServer(server, (line) => log.push(line), 2);
    await until(() => server.checks >= 3);
    expect(server.restarts).toBe(0);
    server.kill();
    await until(() => server.restarts === 1);
    const checks = server.checks;
    await new Promise((r) => setTimeout(r, 20));
    expect(server.restarts).toBe(1);
    server.finishRestart();
    await until(() => log.length === 2 && server.checks > checks + 2);
    stop();
    expect(server.restarts).toBe(1);
    expect(log).toEqual([
      'Embedded PostgreSQL stopped unexpectedly; restarting it.',
      'Embedded PostgreSQL restarted.',
    ]);
  });

  it('logs a failed restart and tries again on the next check', async () => {
    const server = fakeServer(1);
    const log: string[] = [];
    const stop = watchServer(server, (line) => log.push(line), 2);
    server.kill();
    await until(() => server.restarts === 1);
    server.finishRestart();
    await until(() => server.restarts === 2);
    server.finishRestart();
    await until(() => server.isRunning());
    stop();
    expect(log).toEqual([
      'Embedded PostgreSQL stopped unexpectedly; restarting it.',
      'Embedded PostgreSQL did not restart: Error: port in use',
      'Embedded PostgreSQL stopped unexpectedly; restarting it.',
      'Embedded PostgreSQL restarted.',
    ]);
  });
});
