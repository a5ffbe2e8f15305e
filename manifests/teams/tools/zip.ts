/**
 * The package's ZIP, written by fflate: in memory, with the same bytes for the
 * same inputs so a checksum tells whether a package changed.
 */
import { deflateSync, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** A path inside the archive, with forward slashes. */
  readonly name: string;
  readonly data: Uint8Array;
}

// Local time on purpose: fflate writes the DOS date from local fields, so
// 1980-01-01 00:00 (the earliest a ZIP can hold) comes out the same in every time zone.
const fixedTime = new Date(1980, 0, 1);
const unix = 3; // so unzip honours the rw-r--r-- mode below
const fileMode = 0o100644 * 0x10000; // regular file in the upper 16 bits (no << : it would go negative)

/** Builds the archive in memory; entries keep the given order. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const { name, data } of entries) {
    if (
      name === '' ||
      name.startsWith('/') ||
      name.includes('\\') ||
      name.split('/').includes('..')
    )
      throw new Error(`zip: “${name}” is not a relative path with forward slashes`);
    // fflate takes the entries as an object, where a second one would silently replace the first.
    if (Object.hasOwn(files, name)) throw new Error(`zip: “${name}” is in the archive twice`);
    // Already-compressed data (PNG) can grow when deflated; store it then.
    const level = deflateSync(data, { level: 9 }).length < data.length ? 9 : 0;
    files[name] = [data, { level, mtime: fixedTime, os: unix, attrs: fileMode }];
  }
  const zip = zipSync(files);
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}
