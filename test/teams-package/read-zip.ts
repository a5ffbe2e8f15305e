/**
 * A tiny ZIP reader for the tests, written from the format rather than from
 * the writer (fflate), so the package is checked by something else than
 * itself and CI needs no unzip binary. It goes through the central directory
 * like real unzippers do, and checks each local header, size and CRC.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipRead {
  readonly name: string;
  readonly method: number;
  readonly data: Buffer;
}

export function readZip(zip: Buffer): ZipRead[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory record');
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  let at = zip.readUInt32LE(end + 16);
  if (at + directorySize !== end)
    throw new Error('the central directory does not end at the end record');
  const entries: ZipRead[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header ${String(i)}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    if (zip.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`${name}: bad local header`);
    const localName = zip.toString(
      'utf8',
      localAt + 30,
      localAt + 30 + zip.readUInt16LE(localAt + 26),
    );
    if (localName !== name) throw new Error(`${name}: the local header names ${localName}`);
    if (zip.readUInt32LE(localAt + 14) !== crc)
      throw new Error(`${name}: CRCs of the headers differ`);
    const start = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const body = zip.subarray(start, start + compressedSize);
    const data = method === 8 ? inflateRawSync(body) : method === 0 ? Buffer.from(body) : undefined;
    if (!data) throw new Error(`${name}: unknown method ${String(method)}`);
    if (data.length !== size)
      throw new Error(`${name}: ${String(data.length)} bytes, header says ${String(size)}`);
    if (crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.push({ name, method, data });
  }
  return entries;
}
