import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentMeta } from '../core/model';
import { ensureFolder, writeFileDurably } from './durable-write';
import { isErrno } from './fs-errors';
import { sha256Hex } from './hash';
import { moveAside } from './quarantine';
import { ServiceError } from './service-error';

// Texts are read whole for every annotation made on them; keep the few most recent in memory.
const CACHE_SIZE = 8;

/**
 * The canonical texts of a workspace: documents/<sha256>.txt, UTF-8, immutable and content
 * addressed, verified against their hash whenever read from disk.
 */
export class DocumentTexts {
  private readonly cache = new Map<string, string>();

  constructor(
    readonly folder: string,
    private readonly now: () => Date,
  ) {}

  /** The path of a text by its hash. */
  pathOf(textHash: string): string {
    return join(this.folder, `${textHash}.txt`);
  }

  /** Reads a document's text, checking it is still the text that was imported. */
  async read(meta: DocumentMeta): Promise<string> {
    const cached = this.cache.get(meta.textHash);
    if (cached !== undefined) {
      this.remember(meta.textHash, cached);
      return cached;
    }
    const file = `documents/${meta.textHash}.txt`;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(this.pathOf(meta.textHash));
    } catch (error) {
      if (isErrno(error, 'ENOENT')) {
        throw new ServiceError(
          'io',
          `The text of "${meta.title}" is missing from the workspace (${file}). ` +
            'Its annotations are kept: import its file again to bring the text back.',
        );
      }
      throw error;
    }
    // The hash of the file's bytes is the hash of the canonical text's UTF-8: no decoding needed.
    if (sha256Hex(bytes) !== meta.textHash) {
      throw new ServiceError(
        'io',
        `The text of "${meta.title}" (${file}) was changed on disk after it was imported, so its annotations would no longer fit. Restore the file from a backup or import the document again.`,
      );
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    this.remember(meta.textHash, text);
    return text;
  }

  /** True when the text's file is there (intact or not). */
  async has(textHash: string): Promise<boolean> {
    try {
      await stat(this.pathOf(textHash));
      return true;
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return false;
      throw error;
    }
  }

  /** Stores a text under its hash, durably; an intact existing copy is kept as it is. */
  async write(textHash: string, text: string): Promise<void> {
    const path = this.pathOf(textHash);
    const existing = await readFile(path).catch((error: unknown) => {
      if (isErrno(error, 'ENOENT')) return null;
      throw error;
    });
    if (existing && sha256Hex(existing) === textHash) {
      this.remember(textHash, text);
      return;
    }
    await ensureFolder(this.folder);
    // A damaged copy is never overwritten: it is moved aside first.
    if (existing) await moveAside(path, this.now());
    await writeFileDurably(path, text);
    this.remember(textHash, text);
  }

  private remember(textHash: string, text: string): void {
    this.cache.delete(textHash);
    this.cache.set(textHash, text);
    while (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next();
      if (oldest.done) break;
      this.cache.delete(oldest.value);
    }
  }
}
