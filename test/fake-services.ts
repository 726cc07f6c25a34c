// A fake of the services for transport tests: every method records its calls and answers ok.
import { SERVICE_METHODS } from '../src/core/api-schema';
import type { GlossServices, ImportResult, Result, ServiceMethod } from '../src/shared/api';

export interface FakeServices extends GlossServices {
  /** Every call, in order: method name and the (already validated) request. */
  calls: Array<{ method: ServiceMethod | 'importPath'; request: unknown }>;
  importPath(path: string): Promise<Result<ImportResult>>;
}

/** Fake services; `importPath` answers with `importPathResult` (an ok document by default). */
export function fakeServices(
  importPathResult?: (path: string) => Result<ImportResult>,
): FakeServices {
  const calls: FakeServices['calls'] = [];
  const methods = Object.fromEntries(
    SERVICE_METHODS.map((method) => [
      method,
      async (request?: unknown) => {
        calls.push({ method, request });
        return { ok: true, value: { method } };
      },
    ]),
  );
  return {
    ...(methods as unknown as GlossServices),
    calls,
    async importPath(path: string) {
      calls.push({ method: 'importPath', request: path });
      return (
        importPathResult?.(path) ?? {
          ok: true,
          value: { existed: false, document: { id: `doc:${path}` } as ImportResult['document'] },
        }
      );
    },
  };
}
