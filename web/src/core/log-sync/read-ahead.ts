/**
 * An async sequence that asks its source for the next item as soon as it hands one out, so the
 * next eth_getLogs page is on its way while the current one's blocks and senders are fetched.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  let pending = iterator.next();
  let done = false;
  try {
    for (;;) {
      const result = await pending;
      if (result.done === true) {
        done = true;
        return;
      }
      pending = iterator.next();
      // A failure of the item read ahead is thrown when it is awaited next turn; if the consumer
      // stops first, nobody awaits it and it must not count as unhandled.
      pending.catch(() => undefined);
      yield result.value;
    }
  } finally {
    // The consumer stopped or the source failed: let the source clean up (it waits for the item in flight).
    if (!done) await iterator.return?.();
  }
}
