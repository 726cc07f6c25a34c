interface Waiters {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function waiters(): Waiters {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A batch nobody awaits (flush retried it) must not become an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Serialises and coalesces the writes of one file. The writer always writes the current state,
 * so every change made before a write starts is in it: callers arriving while a write is in
 * flight share exactly one next write.
 */
export class WriteQueue {
  private inFlight: Promise<void> | null = null;
  private next: Waiters | null = null;
  private failed = false;

  constructor(private readonly writer: () => Promise<void>) {}

  /** Resolves once a write that started after this call has completed (rejects if it failed). */
  schedule(): Promise<void> {
    const batch = (this.next ??= waiters());
    if (!this.inFlight) this.startNext();
    return batch.promise;
  }

  /** Resolves when nothing is pending; retries once if the last write failed, rejecting if it fails again. */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight;
    if (this.failed) await this.schedule();
  }

  /** True while a write is running or waiting to run. */
  get busy(): boolean {
    return this.inFlight !== null;
  }

  private startNext(): void {
    const batch = this.next;
    if (!batch) return;
    this.next = null;
    this.inFlight = (async () => {
      try {
        await this.writer();
        this.failed = false;
        batch.resolve();
      } catch (error) {
        // The state stays dirty: the next write (or flush) writes it again.
        this.failed = true;
        batch.reject(error);
      }
    })().finally(() => {
      this.inFlight = null;
      this.startNext();
    });
  }
}
