import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuiltFile, ExportFile } from './types.ts';

/*
 * An export file's pieces are small (a CSV line, a department's answers) and
 * many. They are encoded as UTF-8 straight into bytes as they come, so a file
 * is never held as one string (V8 keeps a text with any non-Latin-1 character,
 * such as the CSV's byte order mark, at two bytes per character); a file
 * written to disk goes out in pages of this size.
 */
const pageBytes = 1 << 16;
const encoder = new TextEncoder();

/** The UTF-8 of the pieces, in full pages (the last may be shorter); a page is never touched once handed over. */
export function* utf8Pages(pieces: Iterable<string>): Generator<Uint8Array> {
  let page = new Uint8Array(pageBytes);
  let used = 0;
  for (const piece of pieces) {
    let rest = piece;
    while (rest.length > 0) {
      // encodeInto stops before a character that does not fit whole, never inside one.
      const { read, written } = encoder.encodeInto(rest, page.subarray(used));
      used += written;
      rest = rest.slice(read);
      if (rest.length > 0) {
        yield page.subarray(0, used);
        page = new Uint8Array(pageBytes);
        used = 0;
      }
    }
  }
  if (used > 0) yield page.subarray(0, used);
}

/** A bound on one file's size: address space set aside, not memory; it is used only as the file grows. */
const maxFileBytes = 1 << 30;

/**
 * The whole file as UTF-8, for a chat upload: the pieces are encoded into one
 * buffer that grows in place as they come (a resizable ArrayBuffer), so the
 * bytes are never held twice, as they would be in pages joined at the end.
 */
export function fileBytes(file: ExportFile): BuiltFile {
  const buffer = new ArrayBuffer(pageBytes, { maxByteLength: maxFileBytes });
  const bytes = new Uint8Array(buffer); // tracks the buffer's length as it grows
  let used = 0;
  for (const piece of file.chunks()) {
    let rest = piece;
    while (rest.length > 0) {
      const { read, written } = encoder.encodeInto(rest, bytes.subarray(used));
      used += written;
      rest = rest.slice(read);
      if (rest.length === 0) continue;
      if (buffer.byteLength === maxFileBytes)
        throw new RangeError(`${file.name} would be over ${maxFileBytes} bytes`);
      // Grown by a quarter, or by what the rest needs (a UTF-16 unit is at most 3 bytes of UTF-8).
      const wanted = Math.max(used + 3 * rest.length, buffer.byteLength + (buffer.byteLength >> 2));
      buffer.resize(Math.min(maxFileBytes, wanted));
    }
  }
  buffer.resize(used);
  return { name: file.name, mediaType: file.mediaType, content: bytes };
}

/** The whole file as one string; for small exports and tests. */
export const fileText = (file: ExportFile): string => [...file.chunks()].join('');

/** Writes each file into `dir` under its name, a page at a time. */
export async function writeFiles(files: readonly ExportFile[], dir: string): Promise<void> {
  for (const file of files) await writeFile(join(dir, file.name), utf8Pages(file.chunks()));
}
