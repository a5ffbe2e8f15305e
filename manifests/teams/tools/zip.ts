/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3: local headers, central directory,
 * end record; no ZIP64), enough for a Teams app package of a few small files.
 * node:zlib has raw deflate and crc32, so no zip library is needed.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** A path inside the archive, with forward slashes. */
  readonly name: string;
  readonly data: Uint8Array;
}

const localSignature = 0x04034b50;
const centralSignature = 0x02014b50;
const endSignature = 0x06054b50;
const versionNeeded = 20; // 2.0: deflate
const versionMadeBy = (3 << 8) | versionNeeded; // 3 = Unix, so the mode in the external attributes counts
const utf8Names = 0x0800;
const stored = 0;
const deflated = 8;
const fileMode = 0o100644 * 0x10000; // regular file, rw-r--r--, in the upper 16 bits (no << : it would go negative)
// Every entry gets the DOS epoch (1980-01-01 00:00) as its time, so the same
// inputs always give the same bytes and a checksum tells whether a package changed.
const dosTime = 0;
const dosDate = (0 << 9) | (1 << 5) | 1;

function checkName(name: string, seen: Set<string>): Buffer {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..'))
    throw new Error(`zip: “${name}” is not a relative path with forward slashes`);
  if (seen.has(name)) throw new Error(`zip: “${name}” is in the archive twice`);
  seen.add(name);
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > 0xffff) throw new Error(`zip: the name “${name}” is too long`);
  return bytes;
}

/** Builds the archive in memory; entries keep the given order. */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw new Error('zip: too many entries for a ZIP without ZIP64');
  const seen = new Set<string>();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = checkName(entry.name, seen);
    const deflatedData = deflateRawSync(entry.data, { level: 9 });
    // Already-compressed data (PNG) can grow when deflated; store it then.
    const method = deflatedData.length < entry.data.length ? deflated : stored;
    const body = method === deflated ? deflatedData : Buffer.from(entry.data);
    const crc = crc32(entry.data);
    if (entry.data.length > 0xfffffffe || offset > 0xfffffffe)
      throw new Error('zip: too large for a ZIP without ZIP64');

    const local = Buffer.alloc(30);
    local.writeUInt32LE(localSignature, 0);
    local.writeUInt16LE(versionNeeded, 4);
    local.writeUInt16LE(utf8Names, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(centralSignature, 0);
    central.writeUInt16LE(versionMadeBy, 4);
    central.writeUInt16LE(versionNeeded, 6);
    central.writeUInt16LE(utf8Names, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number and internal attributes stay 0.
    central.writeUInt32LE(fileMode, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(endSignature, 0);
  // Disk numbers (4, 6) stay 0: a single-file archive.
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
