/**
 * A table created on first use: `create` runs until it succeeds once, so a
 * server unreachable at the first call is tried again on the next one.
 * Another process creating it at the same moment counts as success
 * (PostgreSQL: `IF NOT EXISTS` does not cover that race).
 */
export function createOnce(create: () => Promise<unknown>): () => Promise<void> {
  let created: Promise<void> | undefined;
  return () =>
    (created ??= create().then(
      () => undefined,
      (error: unknown) => {
        const code = (error as { code?: unknown } | null)?.code;
        if (code === '23505' || code === '42P07') return;
        created = undefined;
        throw error;
      },
    ));
}
