// Serialises this instance's writes. libSQL transactions take the write lock,
// but two of them started at once on an embedded file fail with SQLITE_BUSY
// instead of waiting; queuing them in-process turns that into an orderly wait
// (so concurrent If-Match updates resolve to one success and one 412).
export type WriteQueue = <T>(work: () => Promise<T>) => Promise<T>;

export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
