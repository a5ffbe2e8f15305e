/**
 * Files people save from editors and spreadsheets: a file saved as Latin-1 or
 * UTF-16 must be refused, not read with replacement characters in its texts.
 */

export type DecodedText = { ok: true; text: string } | { ok: false; line: number };

const strict = new TextDecoder('utf-8', { fatal: true });
const newline = 0x0a;

/** The text of UTF-8 bytes (a byte order mark is dropped), or the first line that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    // A newline byte never occurs inside a UTF-8 sequence, so lines can be checked one by one.
    let line = 1;
    let start = 0;
    for (let end = bytes.indexOf(newline); ; end = bytes.indexOf(newline, start)) {
      const stop = end < 0 ? bytes.length : end;
      try {
        strict.decode(bytes.subarray(start, stop));
      } catch {
        return { ok: false, line };
      }
      if (end < 0) return { ok: false, line };
      start = end + 1;
      line++;
    }
  }
}
