import type { DataSubject, PersonalData } from '../shared/personal-data.ts';
import type { Store } from '../store/store.ts';

/** One file behind one download link, kept only until the link expires. */
export interface StoredDownload {
  id: string;
  /** Whom the link was made for (their person key): it is their copy. */
  owner: string;
  name: string;
  mediaType: string;
  /** The file's bytes, base64: the store keeps JSON. */
  content: string;
  createdAt: string;
  expiresAt: string;
}

/** What a data-subject export shows of a download: never the file itself. */
export interface DownloadListing {
  name: string;
  createdAt: string;
  expiresAt: string;
}

export interface DownloadsRepository extends PersonalData<{ downloads: DownloadListing[] }> {
  /** Keeps a file until `expiresAt` (the store drops it then, too). */
  save(download: StoredDownload, ttlMs: number): Promise<void>;
  /**
   * The file, to the first caller only, across replicas: a link works once.
   * Undefined when it was taken before, has expired or never existed.
   */
  take(id: string, now: Date): Promise<StoredDownload | undefined>;
}

/**
 * Keys: `download:<id>` one file; `downloads-of:<person>` the ids of a
 * person's files, for their data-subject requests; `download-taken:<id>` the
 * claim that makes a link single-use.
 */
const fileKey = (id: string): string => `download:${id}`;
const ownerKey = (person: string): string => `downloads-of:${person}`;
const takenKey = (id: string): string => `download-taken:${id}`;

/** Kept a little past expiry, so a clock a little behind still sees a used link as used. */
const graceMs = 60_000;

export function createDownloadsRepository(store: Store): DownloadsRepository {
  async function ofOwner(person: string): Promise<StoredDownload[]> {
    const ids = (await store.get<string[]>(ownerKey(person))) ?? [];
    const found = await store.getMany<StoredDownload>(ids.map(fileKey));
    return found.filter((d): d is StoredDownload => d !== undefined);
  }

  return {
    name: 'downloads',
    async save(download, ttlMs) {
      const live = (await ofOwner(download.owner)).map((d) => d.id);
      await store.set(fileKey(download.id), download, ttlMs + graceMs);
      // The list lives as long as the newest file in it; files gone are dropped from it.
      await store.set(ownerKey(download.owner), [...live, download.id], ttlMs + graceMs);
    },
    async take(id, now) {
      const claim = await store.claim(takenKey(id), 24 * 3_600_000);
      if (!claim) return undefined;
      const download = await store.get<StoredDownload>(fileKey(id));
      await store.delete(fileKey(id));
      if (!download || Date.parse(download.expiresAt) <= now.getTime()) return undefined;
      return download;
    },
    async export(subject: DataSubject) {
      const downloads = await ofOwner(subject.person);
      return {
        downloads: downloads.map(({ name, createdAt, expiresAt }) => ({
          name,
          createdAt,
          expiresAt,
        })),
      };
    },
    async erase(subject) {
      for (const download of await ofOwner(subject.person))
        await store.delete(fileKey(download.id));
      await store.delete(ownerKey(subject.person));
      return undefined;
    },
  };
}
