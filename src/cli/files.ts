import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { decodeUtf8 } from '../config/text.ts';

/**
 * Files the command line reads and writes. An output path may already hold a
 * link someone placed there to make Tasa overwrite another file, so a file is
 * created new (O_EXCL), replaced only with --force, and never through a link
 * (O_NOFOLLOW). Every failure becomes a FileProblem: one line for a person,
 * not a stack trace.
 */

/** Why a file could not be used; `cli:files.<reason>` explains it. */
export type FileReason =
  | 'exists'
  | 'link'
  | 'notAFile'
  | 'isAFolder'
  | 'missingFolder'
  | 'notAFolder'
  | 'noPermission'
  | 'notFound'
  | 'notUtf8'
  | 'failed';

export class FileProblem extends Error {
  readonly file: string;
  readonly reason: FileReason;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(file: string, reason: FileReason, params: Record<string, string | number> = {}) {
    super(`${reason}: ${file}`);
    this.name = 'FileProblem';
    this.file = file;
    this.reason = reason;
    this.params = params;
  }
}

const reasons: Readonly<Record<string, FileReason>> = {
  EEXIST: 'exists',
  ELOOP: 'link',
  EISDIR: 'isAFolder',
  ENOENT: 'missingFolder',
  ENOTDIR: 'notAFolder',
  EACCES: 'noPermission',
  EPERM: 'noPermission',
  ENXIO: 'notAFile',
};

function problemOf(file: string, error: unknown, overrides: Record<string, FileReason> = {}) {
  if (error instanceof FileProblem) return error;
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  return new FileProblem(file, overrides[code] ?? reasons[code] ?? 'failed', { code });
}

const { O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_RDONLY, O_WRONLY } = constants;

/** An output file opened for writing; `created` tells whether it was made new. */
interface OpenedFile {
  file: string;
  fd: number;
  created: boolean;
}

function openOutput(file: string, force: boolean, mode: number): OpenedFile {
  // O_NONBLOCK: opening a FIFO placed at the path must fail, not wait for a reader.
  const flags = O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK;
  let opened: OpenedFile;
  try {
    opened = { file, fd: openSync(file, flags | O_EXCL, mode), created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw problemOf(file, error);
    const existing = lstatSync(file, { throwIfNoEntry: false });
    if (existing?.isSymbolicLink()) throw new FileProblem(file, 'link');
    if (existing?.isDirectory()) throw new FileProblem(file, 'isAFolder');
    if (!force) throw new FileProblem(file, 'exists');
    try {
      opened = { file, fd: openSync(file, flags, mode), created: false };
    } catch (again) {
      throw problemOf(file, again);
    }
  }
  try {
    const stat = fstatSync(opened.fd);
    if (!stat.isFile()) throw new FileProblem(file, 'notAFile');
    // A hard link is the same file under a second name; writing it changes the other one.
    if (stat.nlink > 1) throw new FileProblem(file, 'link');
    return opened;
  } catch (error) {
    closeSync(opened.fd);
    throw problemOf(file, error);
  }
}

function writeAll(opened: OpenedFile, pages: Iterable<Uint8Array>): void {
  try {
    if (!opened.created) ftruncateSync(opened.fd, 0);
    for (const page of pages) {
      for (let done = 0; done < page.byteLength;)
        done += writeSync(opened.fd, page, done, page.byteLength - done);
    }
  } catch (error) {
    throw problemOf(opened.file, error);
  } finally {
    closeSync(opened.fd);
  }
}

/** What to write: a file name and its bytes, a page at a time. */
export interface OutputFile {
  name: string;
  pages: () => Iterable<Uint8Array>;
}

export interface WriteOptions {
  /** Replace files that exist (never through a link). */
  force: boolean;
  /** Permissions of a new file, before the umask. */
  mode?: number;
}

/**
 * Writes the files into `dir`, all or none: every file is opened before any
 * is written, so an export refused for one existing file leaves nothing behind.
 */
export function writeOutputFiles(
  dir: string,
  files: readonly OutputFile[],
  options: WriteOptions,
): void {
  const opened: OpenedFile[] = [];
  try {
    for (const file of files)
      opened.push(openOutput(join(dir, file.name), options.force, options.mode ?? 0o666));
  } catch (error) {
    for (const done of opened) {
      closeSync(done.fd);
      if (done.created) unlinkSync(done.file);
    }
    throw error;
  }
  files.forEach((file, i) => {
    const target = opened[i];
    if (target) writeAll(target, file.pages());
  });
}

/** Writes one file as UTF-8 text. */
export function writeOutputFile(file: string, text: string, options: WriteOptions): void {
  const target = openOutput(file, options.force, options.mode ?? 0o666);
  writeAll(target, [Buffer.from(text, 'utf8')]);
}

/** Makes the output folder (and its parents) if missing. */
export function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    // mkdir says EEXIST when the path is a file; ENOENT when a parent is a dangling link.
    throw problemOf(dir, error, { EEXIST: 'notAFolder' });
  }
}

/** Reads a regular file as UTF-8 text; any other encoding is refused with its first bad line. */
export function readTextFile(file: string): string {
  let bytes: Buffer;
  try {
    // O_NONBLOCK: a FIFO must not hang the command; a device is refused below.
    const fd = openSync(file, O_RDONLY | O_NONBLOCK);
    try {
      if (!fstatSync(fd).isFile()) throw new FileProblem(file, 'notAFile');
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw problemOf(file, error, { ENOENT: 'notFound' });
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) throw new FileProblem(file, 'notUtf8', { line: decoded.line });
  return decoded.text;
}
