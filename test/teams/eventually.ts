/** Polls an async read until it has a value (work after a request is asynchronous). */
export async function eventually<T>(
  read: () => Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`eventually timed out: ${read.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
