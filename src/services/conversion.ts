import type { Result } from '../core/result';
import type { ConvertOptions, Converted, LoadError } from './loaders';
import { convertDocument } from './loaders';
import { Serial } from './serial';
import { workerThread } from './worker-thread';

// Turning a file into text (Readability over a saved page, pdf.js over a PDF) can take a
// second and hundreds of megabytes. In the app it runs in a worker thread, so the services keep
// answering the window while a document is read, and a hostile file that exhausts memory or
// never finishes stops the worker, not Gloss. Unit tests convert in-process.

/** The worker's built file, beside the main and web-host bundles in out/main. */
export const CONVERSION_WORKER_FILE = 'conversion-worker.js';

/** A conversion that reports no progress for this long is stopped. */
export const CONVERSION_STALL_MS = 120_000;
/** The most memory one conversion may hold (V8's old generation, in MB). */
export const CONVERSION_MEMORY_MB = 4096;

export interface Conversion {
  convert(
    name: string,
    bytes: Uint8Array,
    options?: ConvertOptions,
  ): Promise<Result<Converted, LoadError>>;
  close(): Promise<void>;
}

/** Converts in this thread. */
export function localConversion(): Conversion {
  return { convert: convertDocument, close: async () => {} };
}

/** What the worker is sent: the options that are data (progress comes back as messages). */
export type ConversionArgs = [name: string, bytes: Uint8Array, options: Omit<ConvertOptions, 'onProgress'>]; // prettier-ignore

export interface WorkerConversionOptions {
  stallMs?: number;
  memoryMb?: number;
}

/**
 * Converts in a worker thread running `workerFile` (the built conversion-worker.js), one file
 * at a time, so that a conversion stopped for hanging or for memory fails alone.
 */
export function workerConversion(
  workerFile: string,
  options: WorkerConversionOptions = {},
): Conversion {
  const thread = workerThread(workerFile, {
    name: 'the conversion',
    stallMs: options.stallMs ?? CONVERSION_STALL_MS,
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb ?? CONVERSION_MEMORY_MB },
  });
  const serial = new Serial();
  return {
    convert: (name, bytes, { onProgress, ...data } = {}) =>
      serial.run(async () => {
        try {
          const args: ConversionArgs = [name, bytes, data];
          return (await thread.call('convert', args, onProgress)) as Result<Converted, LoadError>;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return { ok: false, error: { kind: 'stopped', message } };
        }
      }),
    close: () => thread.close(),
  };
}
