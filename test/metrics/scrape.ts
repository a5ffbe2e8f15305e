/** Prometheus text read back into samples, the way Prometheus reads it. */
export function parseMetrics(text: string) {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return {
    text,
    /** A sample's value, e.g. `tasa_messages_sent_total{platform="slack"}`; 0 when absent. */
    value: (series: string): number => samples.get(series) ?? 0,
    has: (series: string): boolean => samples.has(series),
    /** Sample names present, without labels. */
    names: (): Set<string> => new Set([...samples.keys()].map((key) => key.split('{')[0] ?? key)),
  };
}

/** One scrape of a running Tasa's `/metrics`. */
export async function scrape(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    ...parseMetrics(await response.text()),
  };
}
