import { isServiceMethod, requestSchemas } from '../core/api-schema';
import { FORBIDDEN_KEYS, issuePath } from '../core/json-guard';
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
 * Where a payload that passed its schema still holds a key Gloss refuses in imported files
 * (`__proto__`, `constructor`, `prototype`: zod drops the first silently and keeps the others in
 * free-form details), or null. Such a key would be stored, exported, and then refused by the
 * import guard, so it is refused here, as every import refuses it. File bytes are not walked.
 */
export function forbiddenKeyIn(payload: unknown): string | null {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: payload, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) continue;
    for (const key of Object.keys(value)) {
      const at = [...path, Array.isArray(value) ? Number(key) : key];
      if (FORBIDDEN_KEYS.has(key)) return issuePath(at);
      stack.push({ value: (value as Record<string, unknown>)[key], path: at });
    }
  }
  return null;
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
    // Walked only once the schema has bounded the payload's size and depth.
    const forbidden = forbiddenKeyIn(payload);
    if (forbidden !== null)
      return fail(
        'invalid-request',
        `The "${method}" request holds a key Gloss refuses: ${describeName(forbidden)}.`,
      );
    const call = services[method] as AnyServiceCall;
    const result = await call.call(services, parsed.data);
    return result;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('internal', `Something went wrong while handling "${String(method)}": ${detail}`);
  }
}
