import { ServiceUnavailableException } from '@nestjs/common';
import { problem } from '../common/problem';

/**
 * At most `limit` report requests hold a database connection at once; the rest wait their turn
 * (up to `queue` of them, for at most `waitMs`) before taking one, so reports never take the
 * pool away from sign-ins, caseloads and notes.
 */
export class ReportGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly queue: number,
    private readonly waitMs: number,
  ) {}

  async enter(): Promise<() => void> {
    if (this.running < this.limit) {
      this.running++;
      return this.release();
    }
    if (this.waiting.length >= this.queue) throw busy();
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(busy());
      }, this.waitMs);
      this.waiting.push(turn);
    });
    return this.release();
  }

  private release(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const nextTurn = this.waiting.shift();
      if (nextTurn) nextTurn();
      else this.running--;
    };
  }
}

function busy(): ServiceUnavailableException {
  return new ServiceUnavailableException(
    problem(503, 'Reports are busy right now. Please try again in a moment.'),
  );
}
