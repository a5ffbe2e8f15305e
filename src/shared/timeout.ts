/**
 * Settles like `work`, or rejects after `ms`: a probe or a scrape must answer
 * even when the store behind it hangs. The work itself is not cancelled;
 * `onExpired` hears when the time ran out (e.g. to drop a stalled connection).
 */
export function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onExpired?: () => void,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      onExpired?.();
      reject(new Error(`${what} took longer than ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
