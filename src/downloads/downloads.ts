import type { ChatFile } from '../chat/port.ts';
import type { Clock } from '../shared/clock.ts';
import type { DownloadsRepository } from './downloads-repository.ts';
import { newDownloadId, signToken } from './token.ts';

/** How download links are made: where Tasa is reachable, the signing secret, how long a link lives. */
export interface DownloadSettings {
  /** Tasa's public address (TASA_PUBLIC_URL); without it no link can be made. */
  publicUrl?: string;
  secret: string;
  lifetimeMs: number;
}

/** A link to one file, as sent to a person. */
export interface DownloadLink {
  name: string;
  url: string;
  expiresAt: Date;
}

export interface Downloads {
  /** Whether links can be made: Tasa's public address is known. */
  readonly enabled: boolean;
  readonly lifetimeMs: number;
  /** Keeps the files for `owner` and answers one single-use link per file. */
  publish(owner: string, files: readonly ChatFile[]): Promise<DownloadLink[]>;
}

/** A quarter of an hour: long enough to click, short enough that a forwarded message is harmless. */
export const defaultLinkLifetimeMs = 15 * 60_000;

export const downloadPath = '/download';

export function createDownloads(
  settings: DownloadSettings,
  repository: DownloadsRepository,
  clock: Clock,
): Downloads {
  const base = settings.publicUrl?.replace(/\/+$/, '');
  return {
    enabled: base !== undefined,
    lifetimeMs: settings.lifetimeMs,
    async publish(owner, files) {
      if (!base) throw new Error('download links need TASA_PUBLIC_URL');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + settings.lifetimeMs);
      const links: DownloadLink[] = [];
      for (const file of files) {
        const id = newDownloadId();
        await repository.save(
          {
            id,
            owner,
            name: file.name,
            mediaType: file.mediaType,
            content: Buffer.from(
              typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content,
            ).toString('base64'),
            createdAt: now.toISOString(),
            expiresAt: expiresAt.toISOString(),
          },
          settings.lifetimeMs,
        );
        const token = signToken(settings.secret, { id, expiresAt: expiresAt.getTime() });
        links.push({ name: file.name, url: `${base}${downloadPath}?t=${token}`, expiresAt });
      }
      return links;
    },
  };
}
