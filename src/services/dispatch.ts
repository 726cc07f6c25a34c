import { isServiceMethod, requestSchemas } from '../core/api-schema';
import type { Result } from '../core/result';
import { fail } from '../core/result';
import type { GlossServices } from '../shared/api';
import { summarizeIssues } from './zod-summary';

type AnyServiceCall = (request?: unknown) => Promise<Result<unknown>>;

/** A method name fit to quote in a message, whatever was sent. */
function describeName(method: unknown): string {
  const name = typeof method === 'string' ? method : String(typeof method);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 60 ? `${clean.slice(0, 60)}…` : clean;
}

/**
 * The one door into the services for every transport (Electron IPC, the web host's HTTP):
 * checks the method name against the known ones, validates the payload with its zod schema,
 * calls the method, and never throws.
 */
export async function dispatch(
  services: GlossServices,
  method: unknown,
  payload: unknown,
): Promise<Result<unknown>> {
  try {
    // An own-property check: "__proto__", "constructor" or "toString" are not methods.
    if (!isServiceMethod(method))
      return fail('invalid-request', `Unknown request "${describeName(method)}".`);
    const parsed = requestSchemas[method].safeParse(payload);
    if (!parsed.success) {
      return fail(
        'invalid-request',
        `The "${method}" request is malformed: ${summarizeIssues(parsed.error)}.`,
      );
    }
    const call = services[method] as AnyServiceCall;
    const result = await call.call(services, parsed.data);
    return result;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('internal', `Something went wrong while handling "${String(method)}": ${detail}`);
  }
}
