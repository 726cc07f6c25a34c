// Checks on parsed JSON from files Gloss did not write, made before any schema looks at it:
// keys that could pollute prototypes when copied into objects, and nesting deep enough to
// exhaust the stack of recursive code.

/** Keys refused anywhere in an imported file (JSON.parse makes `__proto__` an own key). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Where the first forbidden key is ("annotations[3].details.__proto__"), or null. */
export function forbiddenKeyPath(value: unknown, maxDepth = 64): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > maxDepth) return `${path || 'the file'} (nested more than ${maxDepth} levels)`;
    if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(v)) {
      const at = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return at;
      stack.push({ value: (v as Record<string, unknown>)[key], path: at, depth: depth + 1 });
    }
  }
  return null;
}

/** A zod issue path as people read it: annotations[3].details.value. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}
