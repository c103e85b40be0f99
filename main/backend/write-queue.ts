/**
 * The host's write queue: every contract method marked `write` runs through
 * it, one at a time, in arrival order, whichever workstation sent it. SQLite
 * already serialises each transaction; the queue also keeps a handler's
 * read → await → write steps (the sign-off building its DOCX with the next
 * outgoing number, a sign-in checking a password) from interleaving with
 * another write.
 *
 * A handler may step out of the queue for slow work that reads and writes
 * nothing shared (hashing a password, waiting out a sign-in delay, talking to
 * the portal) with `outside(fn)`; it queues again, at the end, when fn is done.
 */
export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  /** Writes queued or running now (for the benchmark and diagnostics). */
  get depth(): number {
    return this.waiting;
  }

  /** Resolves when it is this caller's turn; call the returned function to let the next one go. */
  acquire(): Promise<() => void> {
    this.waiting++;
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const before = this.tail;
    this.tail = before.then(() => mine);
    let released = false;
    return before.then(() => () => {
      if (released) return;
      released = true;
      this.waiting--;
      release();
    });
  }

  /** Runs fn in its turn. `outside` lets fn step out of the queue for slow work. */
  async run<T>(fn: (outside: <R>(work: () => Promise<R>) => Promise<R>) => Promise<T> | T): Promise<T> {
    let release = await this.acquire();
    const outside = async <R>(work: () => Promise<R>): Promise<R> => {
      release();
      try {
        return await work();
      } finally {
        release = await this.acquire();
      }
    };
    try {
      return await fn(outside);
    } finally {
      release();
    }
  }
}

/** One queue per key (a username): sign-in attempts for one name run one after another. */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const mine = before.then(fn, fn);
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, settled);
    try {
      return await mine;
    } finally {
      if (this.tails.get(key) === settled) this.tails.delete(key);
    }
  }
}
