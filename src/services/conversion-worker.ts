import type { ConversionArgs } from './conversion';
import { convertDocument } from './loaders';
import { serveWorkerCalls } from './worker-thread';

// Entry of the conversion worker thread (built to out/main/conversion-worker.js).

serveWorkerCalls({
  convert: (args, progress) => {
    const [name, bytes, options] = args as ConversionArgs;
    return convertDocument(name, bytes, { ...options, onProgress: progress });
  },
});
