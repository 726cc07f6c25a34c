/** Runs async sections one at a time, in call order (a promise-chain mutex). */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `section` after every section queued before it has settled. */
  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
