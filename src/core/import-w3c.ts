import { z } from 'zod';
import { FORBIDDEN_KEYS, issuePath } from './json-guard';
import { ANNO_CONTEXT, URL_NAMESPACE, isUuid, uuidV5 } from './export-w3c';
import type { BundleAnnotation, BundleDocument, ImportBundle } from './import-bundle';
import { DetailsSchema, idSchema } from './model';
import type { Result } from './result';

// Reads W3C Web Annotations (https://www.w3.org/TR/annotation-model/) as an import bundle: one
// Annotation, an array of them, an AnnotationPage, or an AnnotationCollection whose pages are
// embedded. Gloss's own export (export-w3c.ts) comes back exactly through its `gloss:`
// extension terms; other tools' annotations are read as far as Gloss can hold them. The whole
// input is checked before anything is used, and the first problem is named with its place:
// "annotation 3, target.selector[1].start: …" (annotations counted from 1, across pages).

/** Caps on what a file may hold; beyond them it is refused, not truncated. */
export const W3C_LIMITS = {
  annotations: 100_000,
  pages: 10_000,
  /** TextQuoteSelector.exact, and any body text or note. */
  text: 100_000,
  /** TextQuoteSelector prefix and suffix. */
  context: 10_000,
  iri: 65_536,
  /** Nesting below an annotation, a page or the collection. */
  depth: 32,
  /** Any array, anywhere. */
  array: 100_000,
} as const;

const ANNO_CONTEXTS = new Set([ANNO_CONTEXT, 'https://www.w3.org/ns/anno.jsonld']);
const TAG_PURPOSES = new Set(['tagging', 'classifying']);

/**
 * Checks parsed JSON as W3C Web Annotations and reads it as an import bundle (offsets in code
 * points), or says, naming the place, why it is refused. Nothing is read before all is checked.
 */
export function parseW3c(json: unknown): Result<ImportBundle, string> {
  const shape = locate(json);
  if (typeof shape === 'string') return fail(shape);
  const hostile = scan(json, shape.labels);
  if (hostile) return fail(hostile);

  for (const node of shape.containers) {
    const problem = check(node.schema, node.value, node.label);
    if (problem) return fail(problem);
  }
  const annotations: ParsedAnnotation[] = [];
  let firstProblem: string | null = null;
  let problems = 0;
  shape.items.forEach((item, i) => {
    const label = `annotation ${i + 1}`;
    const problem = shape.standalone ? check(ContextHolderSchema, item, label) : null;
    const parsed = problem === null ? AnnotationSchema.safeParse(item, { error: missing }) : null;
    if (parsed?.success) {
      annotations.push(parsed.data);
      return;
    }
    problems++;
    firstProblem ??= problem ?? issueText(label, parsed!.error.issues[0]!);
  });
  if (firstProblem) {
    const others = problems - 1;
    return fail(
      others > 0
        ? `${firstProblem} (${others} other annotation${others === 1 ? ' has' : 's have'} problems too)`
        : firstProblem,
    );
  }
  return toBundle(annotations);
}

function fail(message: string): Result<never, string> {
  return { ok: false, error: message.endsWith('.') ? message : `${message}.` };
}

// ---------------------------------------------------------------------------------------------
// The shape of the file: where its annotations are. Reads only own properties, and copies
// nothing, so that it is safe before the hostile-key scan.

interface Shape {
  items: unknown[];
  /** Annotations that stand alone (top level, or in a top-level array) need their own @context. */
  standalone: boolean;
  containers: { value: unknown; label: string; schema: z.ZodType }[];
  /** What to call each node the scan meets: "annotation 3", "page 2", "the collection". */
  labels: Map<unknown, string>;
}

function locate(json: unknown): Shape | string {
  const shape: Shape = { items: [], standalone: false, containers: [], labels: new Map() };
  const notAnnotations =
    'It is not W3C Web Annotation JSON: expected an Annotation, an array of them, an AnnotationPage or an AnnotationCollection';
  if (Array.isArray(json)) {
    if (json.length > W3C_LIMITS.annotations) return tooMany(json.length);
    shape.standalone = true;
    return addItems(shape, json);
  }
  if (!isObject(json)) return notAnnotations;
  const types = typeList(own(json, 'type'));
  if (types.includes('Annotation')) {
    shape.standalone = true;
    return addItems(shape, [json]);
  }
  if (types.includes('AnnotationCollection')) {
    shape.containers.push({ value: json, label: 'the collection', schema: CollectionSchema });
    shape.labels.set(json, 'the collection');
    const first = own(json, 'first');
    if (first === undefined) return shape;
    if (typeof first === 'string')
      return `The collection's annotations are not in this file: its first page is only referenced (${clip(first)})`;
    if (!isObject(first)) return 'the collection: first must be an embedded AnnotationPage';
    return addPages(shape, first, PageSchema);
  }
  if (types.includes('AnnotationPage')) return addPages(shape, json, TopPageSchema);
  return `${notAnnotations} (its type is ${clip(JSON.stringify(own(json, 'type') ?? null))})`;
}

function addPages(shape: Shape, first: object, firstSchema: z.ZodType): Shape | string {
  let page: object = first;
  for (let n = 1; ; n++) {
    if (n > W3C_LIMITS.pages) return `The file holds more than ${W3C_LIMITS.pages} pages`;
    if (shape.labels.has(page)) return `page ${n} is page ${shape.labels.get(page)} again`;
    const label = `page ${n}`;
    shape.labels.set(page, label);
    shape.containers.push({ value: page, label, schema: n === 1 ? firstSchema : PageSchema });
    const items = own(page, 'items');
    if (!Array.isArray(items))
      return `${label}: items ${items === undefined ? 'is missing' : 'must be a list of annotations'}`;
    const added = addItems(shape, items);
    if (typeof added === 'string') return added;
    const next = own(page, 'next');
    if (next === undefined) return shape;
    if (typeof next === 'string')
      return `The file holds only part of the collection: page ${n + 1} is only referenced (${clip(next)}), not included`;
    if (!isObject(next)) return `${label}: next must be an embedded AnnotationPage`;
    page = next;
  }
}

function addItems(shape: Shape, items: readonly unknown[]): Shape | string {
  const total = shape.items.length + items.length;
  if (total > W3C_LIMITS.annotations) return tooMany(total);
  for (const item of items) {
    const label = `annotation ${shape.items.length + 1}`;
    if (typeof item === 'string')
      return `${label} is only referenced (${clip(item)}), not included in the file`;
    shape.labels.set(item, label);
    shape.items.push(item);
  }
  return shape;
}

function tooMany(count: number): string {
  return `The file holds ${count} annotations; Gloss imports at most ${W3C_LIMITS.annotations} at once`;
}

// ---------------------------------------------------------------------------------------------
// Hostile input: keys that pollute prototypes when objects are copied (JSON.parse makes
// "__proto__" an own key), values that are not JSON, giant strings and arrays, deep nesting.

function scan(root: unknown, labels: ReadonlyMap<unknown, string>): string | null {
  const stack: { value: unknown; where: string; path: PropertyKey[]; depth: number }[] = [
    { value: root, where: labels.get(root) ?? 'the file', path: [], depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, where, path, depth } = stack.pop()!;
    const at = () => (path.length ? `${where}, ${issuePath(path)}` : where);
    switch (typeof value) {
      case 'string':
        if (value.length > W3C_LIMITS.text)
          return `${at()}: a text of ${value.length} characters (at most ${W3C_LIMITS.text})`;
        continue;
      case 'number':
        if (!Number.isFinite(value)) return `${at()}: not a JSON number`;
        continue;
      case 'boolean':
        continue;
      case 'object':
        break;
      default:
        return `${at()}: not a JSON value (${typeof value})`;
    }
    if (value === null) continue;
    if (depth > W3C_LIMITS.depth)
      return `${at()}: nested more than ${W3C_LIMITS.depth} levels deep`;
    const child = (key: PropertyKey, v: unknown) => {
      const label = labels.get(v);
      stack.push(
        label !== undefined && v !== null && typeof v === 'object'
          ? { value: v, where: label, path: [], depth: 0 }
          : { value: v, where, path: [...path, key], depth: depth + 1 },
      );
    };
    if (Array.isArray(value)) {
      if (value.length > W3C_LIMITS.array)
        return `${at()}: a list of ${value.length} entries (at most ${W3C_LIMITS.array})`;
      value.forEach((v, i) => child(i, v));
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return `${at()}: not a plain JSON object`;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key))
        return `${at()}: the key "${key}" is not allowed (it could alter objects' prototypes)`;
      if (key.length > 1000) return `${at()}: a key of ${key.length} characters`;
      child(key, (value as Record<string, unknown>)[key]);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Schemas. Bodies, targets and selectors take several shapes; each is told apart by its keys
// (as the model does) and checked against the schema of that shape, so messages stay precise.

type Ctx = z.core.$RefinementCtx;

/** Zod's message for an absent required key becomes "… is missing". */
const missing = (issue: { code?: string; input?: unknown }) =>
  issue.code === 'invalid_type' && issue.input === undefined ? 'is missing' : undefined;

/** Parses with `schema`, handing its issues on to the enclosing parse. */
function relay<T>(schema: z.ZodType<T>, value: unknown, ctx: Ctx): T | undefined {
  const parsed = schema.safeParse(value, { error: missing });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
  return undefined;
}

/** A value checked by the schema its shape calls for (or refused with the message returned). */
function byShape<T>(pick: (value: unknown) => z.ZodType<T> | string) {
  return z.unknown().transform((value, ctx): T => {
    const schema = value === undefined ? 'is missing' : pick(value);
    if (typeof schema === 'string') {
      ctx.addIssue({ code: 'custom', message: schema });
      return z.NEVER;
    }
    const out = relay(schema, value, ctx);
    return out === undefined ? z.NEVER : out;
  });
}

/**
 * One value or an array of them (the model allows both), as an array, checked in one pass; a
 * problem in a lone value is named without an index ("target.selector.start").
 */
function oneOrMany<T>(schema: z.ZodType<T>, max: number, required = false) {
  const list = z.array(schema).max(max, `at most ${max} entries`);
  return z.unknown().transform((value, ctx): T[] => {
    if (value === undefined || (required && Array.isArray(value) && value.length === 0)) {
      if (required)
        ctx.addIssue({
          code: 'custom',
          message: value === undefined ? 'is missing' : 'must not be an empty list',
        });
      return [];
    }
    const isList = Array.isArray(value);
    const parsed = list.safeParse(isList ? value : [value], { error: missing });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues)
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: isList ? issue.path : issue.path.slice(1),
      });
    return z.NEVER;
  });
}

const iri = z
  .string()
  .min(1)
  .max(W3C_LIMITS.iri)
  .regex(/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/, 'expected an IRI (scheme:…)');
const text = z.string().max(W3C_LIMITS.text);
const offset = z
  .number()
  .int()
  .nonnegative()
  .max(2 ** 31);

/** A string or a list of strings (types, purposes, labels), as a list. */
function strings(max: number, length: number) {
  const message = 'must be a string or a list of strings';
  return z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z
      .array(z.string().max(length), {
        error: (issue) => (issue.input === undefined ? 'is missing' : message),
      })
      .max(max, `at most ${max} entries`),
  );
}

const stringList = strings(20, 200);
/** A label or title: the first of its strings. */
const firstString = strings(100, 1000).transform((list) => list[0]);

function typeIncluding(required: string) {
  return stringList.refine((types) => types.includes(required), `type must be "${required}"`);
}

const ContextSchema = z.unknown().superRefine((value, ctx) => {
  if (value === undefined) return ctx.addIssue({ code: 'custom', message: 'is missing' });
  const list = Array.isArray(value) ? value : [value];
  if (!list.some((c) => typeof c === 'string' && ANNO_CONTEXTS.has(c)))
    ctx.addIssue({ code: 'custom', message: `must include "${ANNO_CONTEXT}"` });
  else if (list.some((c) => typeof c !== 'string' && !isObject(c)))
    ctx.addIssue({ code: 'custom', message: 'must be context IRIs or context objects' });
});

/** The @context a standalone annotation, the collection or a top-level page must carry. */
const ContextHolderSchema = z.object({ '@context': ContextSchema });

const CollectionSchema = z.object({
  '@context': ContextSchema,
  id: iri,
  type: typeIncluding('AnnotationCollection'),
  label: firstString.optional(),
  total: z.number().int().nonnegative().optional(),
});

const PageSchema = z.object({
  '@context': ContextSchema.optional(),
  id: iri,
  type: typeIncluding('AnnotationPage'),
  startIndex: z.number().int().nonnegative().optional(),
});
const TopPageSchema = PageSchema.extend({ '@context': ContextSchema });

// Selectors ---------------------------------------------------------------------------------

type Selector =
  | { kind: 'quote'; exact: string; prefix: string; suffix: string }
  | { kind: 'position'; start: number; end: number }
  | { kind: 'other' };

const TextQuoteSelectorSchema = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1).max(W3C_LIMITS.text),
    prefix: z.string().max(W3C_LIMITS.context).optional(),
    suffix: z.string().max(W3C_LIMITS.context).optional(),
  })
  .transform((s): Selector => ({
    kind: 'quote',
    exact: s.exact,
    prefix: s.prefix ?? '',
    suffix: s.suffix ?? '',
  }));

const TextPositionSelectorSchema = z
  .object({ type: z.literal('TextPositionSelector'), start: offset, end: offset })
  .refine((s) => s.start <= s.end, { message: 'start must not be after end', path: ['end'] })
  .transform((s): Selector => ({ kind: 'position', start: s.start, end: s.end }));

/** Selectors Gloss does not read (fragment, CSS, XPath, range…), and selectors by IRI. */
const OtherSelectorSchema = z
  .object({ type: z.string().min(1).max(200) })
  .transform((): Selector => ({ kind: 'other' }));
const SelectorIriSchema = iri.transform((): Selector => ({ kind: 'other' }));

const SelectorSchema = byShape<Selector>((v) => {
  if (typeof v === 'string') return SelectorIriSchema;
  if (!isObject(v)) return 'a selector must be an object with a type, or an IRI';
  const type = own(v, 'type');
  if (type === 'TextQuoteSelector') return TextQuoteSelectorSchema;
  if (type === 'TextPositionSelector') return TextPositionSelectorSchema;
  return OtherSelectorSchema;
});

// Targets -----------------------------------------------------------------------------------

interface Target {
  source: string;
  title?: string;
  scope: string[];
  selectors: Selector[];
  document?: string;
  sourceName?: string;
  orphan: boolean;
}

const SourceObjectSchema = z.object({
  id: iri,
  type: stringList.optional(),
  'dc:title': firstString.optional(),
  label: firstString.optional(),
});
type SourceObject = z.infer<typeof SourceObjectSchema>;
const SourceIriSchema = iri.transform((id): SourceObject => ({ id }));

const SourceSchema = byShape<SourceObject>((v) =>
  typeof v === 'string'
    ? SourceIriSchema
    : isObject(v)
      ? SourceObjectSchema
      : 'a source must be an IRI or a resource with an id',
);

const SpecificTargetSchema = z
  .object({
    type: stringList.optional(),
    source: SourceSchema,
    scope: oneOrMany(iri, 20).optional(),
    selector: oneOrMany(SelectorSchema, 50).optional(),
    'gloss:document': idSchema.optional(),
    'gloss:sourceName': z.string().max(1000).optional(),
    'gloss:orphan': z.boolean().optional(),
  })
  .transform((t): Target => ({
    source: t.source.id,
    title: t.source['dc:title'] ?? t.source.label,
    scope: t.scope ?? [],
    selectors: t.selector ?? [],
    document: t['gloss:document'],
    sourceName: t['gloss:sourceName'],
    orphan: t['gloss:orphan'] === true,
  }));

const TargetIriSchema = iri.transform((id): Target => ({
  source: id,
  scope: [],
  selectors: [],
  orphan: false,
}));

const ExternalTargetSchema = SourceObjectSchema.transform((s): Target => ({
  source: s.id,
  title: s['dc:title'] ?? s.label,
  scope: [],
  selectors: [],
  orphan: false,
}));

const TargetSchema = byShape<Target>((v) => {
  if (typeof v === 'string') return TargetIriSchema;
  if (!isObject(v)) return 'a target must be an IRI or an object';
  if (own(v, 'source') !== undefined) return SpecificTargetSchema;
  if (own(v, 'items') !== undefined)
    return 'a target that is a Choice, List or Composite of resources is not supported';
  if (own(v, 'id') !== undefined) return ExternalTargetSchema;
  return 'a target must be an IRI, a resource with an id, or a SpecificResource with a source';
});

// Bodies ------------------------------------------------------------------------------------

type Body =
  | { kind: 'text'; value: string; purposes: string[]; tagId?: string }
  | { kind: 'resource'; iri: string; label?: string; purposes: string[] };

const TextualBodySchema = z
  .object({
    type: stringList.optional(),
    value: text,
    purpose: stringList.optional(),
    'gloss:tag': z.string().min(1).max(40).optional(),
  })
  .transform((b): Body => ({
    kind: 'text',
    value: b.value,
    purposes: b.purpose ?? [],
    tagId: b['gloss:tag'],
  }));

const SpecificBodySchema = z
  .object({ type: stringList.optional(), source: SourceSchema, purpose: stringList.optional() })
  .transform((b): Body => ({
    kind: 'resource',
    iri: b.source.id,
    label: b.source.label ?? b.source['dc:title'],
    purposes: b.purpose ?? [],
  }));

const ExternalBodySchema = z
  .object({
    id: iri,
    type: stringList.optional(),
    purpose: stringList.optional(),
    label: firstString.optional(),
  })
  .transform((b): Body => ({
    kind: 'resource',
    iri: b.id,
    label: b.label,
    purposes: b.purpose ?? [],
  }));

const BodyIriSchema = iri.transform((id): Body => ({ kind: 'resource', iri: id, purposes: [] }));

/** The schema of one body that is not itself a set of bodies, or why there is none. */
function singleBody(v: unknown): z.ZodType<Body> | string {
  if (typeof v === 'string') return BodyIriSchema;
  if (!isObject(v)) return 'a body must be an IRI or an object';
  if (own(v, 'value') !== undefined) return TextualBodySchema;
  if (own(v, 'source') !== undefined) return SpecificBodySchema;
  if (own(v, 'id') !== undefined) return ExternalBodySchema;
  return 'a body must be an IRI, a TextualBody (with a value), a SpecificResource (with a source) or a resource with an id';
}

/** A Choice is read as its first (preferred) body; a Composite, List or Independents as all. */
const BodySetSchema = z
  .object({
    type: stringList.optional(),
    items: oneOrMany(byShape<Body>(singleBody), 100, true),
  })
  .transform((set) => (set.type?.includes('Choice') ? set.items.slice(0, 1) : set.items));

const BodySchema = byShape<Body | Body[]>((v) =>
  isObject(v) && own(v, 'items') !== undefined && own(v, 'value') === undefined
    ? BodySetSchema
    : singleBody(v),
);

// Annotations -------------------------------------------------------------------------------

const AnnotationSchema = z
  .object({
    '@context': ContextSchema.optional(),
    id: iri,
    type: typeIncluding('Annotation'),
    motivation: stringList.optional(),
    created: z.string().max(100).optional(),
    modified: z.string().max(100).optional(),
    body: oneOrMany(BodySchema, 1000).optional(),
    bodyValue: text.optional(),
    target: oneOrMany(TargetSchema, 100, true),
    'gloss:id': idSchema.optional(),
    'gloss:details': DetailsSchema.optional(),
  })
  .refine((a) => a.body === undefined || a.body.length === 0 || a.bodyValue === undefined, {
    message: 'an annotation has a body or a bodyValue, not both',
    path: ['bodyValue'],
  });
type ParsedAnnotation = z.infer<typeof AnnotationSchema>;

// ---------------------------------------------------------------------------------------------
// From checked annotations to the bundle.

const isoDate = z.string().datetime({ offset: true });

function toBundle(parsed: readonly ParsedAnnotation[]): Result<ImportBundle, string> {
  const documents = new Map<string, BundleDocument>();
  const hashFrom = new Map<string, number>();
  const annotations: BundleAnnotation[] = [];
  for (const [i, a] of parsed.entries()) {
    const label = `annotation ${i + 1}`;
    const target =
      a.target.find((t) => t.selectors.some((s) => s.kind !== 'other')) ?? a.target[0]!;
    const key = target.document ?? target.source;
    const hash = /^urn:sha256:([0-9a-f]{64})$/i.exec(target.source)?.[1]?.toLowerCase();
    const textHash = target.orphan ? undefined : hash;

    const doc = documents.get(key) ?? { key };
    if (textHash) {
      if (doc.textHash && doc.textHash !== textHash)
        return fail(
          `${label}: its document ${clip(key)} has another text than in annotation ${hashFrom.get(key)! + 1}`,
        );
      if (!doc.textHash) hashFrom.set(key, i);
      doc.textHash = textHash;
    }
    doc.title ??= target.title?.trim() || undefined;
    const path =
      target.scope.map(pathFromFileUrl).find((p) => p !== null) ??
      pathFromFileUrl(target.source) ??
      undefined;
    doc.sourcePath ??= path;
    doc.sourceName ??= target.sourceName ?? (path ? baseName(path) : undefined);
    documents.set(key, dropUndefined(doc));

    const content = readBodies(a);
    if (typeof content === 'string') return fail(`${label}: ${content}`);
    const quote = target.selectors.find((s) => s.kind === 'quote');
    const position = target.orphan
      ? undefined
      : target.selectors.find((s) => s.kind === 'position');
    const annotation: BundleAnnotation = {
      id: annotationId(a),
      documentKey: key,
      ...content,
      quote: quote?.exact ?? '',
      prefix: quote?.prefix ?? '',
      suffix: quote?.suffix ?? '',
      offsetUnit: 'code-point',
    };
    if (position) {
      annotation.start = position.start;
      annotation.end = position.end;
    }
    if (a.created && isoDate.safeParse(a.created).success) annotation.created = a.created;
    if (a.modified && isoDate.safeParse(a.modified).success) annotation.modified = a.modified;
    if (target.orphan) annotation.orphan = true;
    annotations.push(annotation);
  }
  return { ok: true, value: { format: 'w3c', documents: [...documents.values()], annotations } };
}

/** The Gloss id: the extension's, else the uuid of a urn:uuid, else a v5 UUID of the IRI. */
function annotationId(a: ParsedAnnotation): string {
  if (a['gloss:id']) return a['gloss:id'];
  const uuid = /^urn:uuid:(.+)$/i.exec(a.id)?.[1]?.toLowerCase();
  return uuid && isUuid(uuid) ? uuid : uuidV5(URL_NAMESPACE, a.id);
}

/**
 * Tag, note and details from the bodies. The first tagging (or classifying) body is the tag —
 * a body without a purpose has the annotation's motivation — and other tags are named in the
 * note; text bodies make the note; a geo: body gives coordinates when there are no Gloss
 * details; other linked resources are listed in the note.
 */
function readBodies(
  a: ParsedAnnotation,
): Pick<BundleAnnotation, 'tag' | 'tagName' | 'note' | 'details'> | string {
  const motivations = a.motivation ?? [];
  const bodies = (a.body ?? []).flat();
  if (a.bodyValue !== undefined) bodies.unshift({ kind: 'text', value: a.bodyValue, purposes: [] });
  const tags: { id?: string; name: string }[] = [];
  const notes: string[] = [];
  const details = a['gloss:details'] ? { ...a['gloss:details'] } : {};
  const place: Record<string, number | string> = {};
  for (const body of bodies) {
    const purposes = body.purposes.length > 0 ? body.purposes : motivations;
    const isTag = purposes.some((p) => TAG_PURPOSES.has(p));
    if (body.kind === 'text') {
      const value = body.value.trim();
      if (!value) continue;
      if (isTag) tags.push({ id: body.tagId, name: value });
      else notes.push(body.value);
      continue;
    }
    const geo = parseGeo(body.iri);
    if (geo) {
      place['lat'] ??= geo.lat;
      place['lon'] ??= geo.lon;
      if (body.label) place['name'] ??= body.label;
    } else if (isTag) tags.push({ name: body.label ?? body.iri });
    else notes.push(body.label ? `${body.label} <${body.iri}>` : body.iri);
  }
  if (!a['gloss:details']) for (const [k, v] of Object.entries(place)) details[k] ??= v;
  const [tag, ...others] = tags;
  if (others.length > 0) notes.push(`Also tagged: ${others.map((t) => t.name).join(', ')}`);
  const note = notes.join('\n\n');
  if (note.length > W3C_LIMITS.text)
    return `its notes together hold ${note.length} characters (at most ${W3C_LIMITS.text})`;
  return {
    tag: tag ? (tag.id ?? tag.name) : 'imported',
    tagName: tag ? tag.name : 'Imported',
    note,
    details,
  };
}

/** Latitude and longitude of a geo: IRI (RFC 5870), when on the globe. */
function parseGeo(value: string): { lat: number; lon: number } | null {
  const m = /^geo:(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)(?:,-?\d+(?:\.\d+)?)?(?:;.*)?$/i.exec(value);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

/**
 * The path of a file: URL, undone as export-w3c's fileUrlFromPath writes it (POSIX, Windows
 * drive, UNC); null for other IRIs, malformed escapes, or an encoded slash or NUL.
 */
export function pathFromFileUrl(url: string): string | null {
  const m = /^file:\/\/([^/]*)(\/.*)$/i.exec(url);
  if (!m) return null;
  const [, host = '', rawPath = ''] = m;
  if (/%2f|%00/i.test(rawPath) || /[?#]/.test(rawPath)) return null;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (path.length > 4096) return null;
  if (host && host.toLowerCase() !== 'localhost')
    return /^[A-Za-z0-9.-]+$/.test(host) ? `\\\\${host}${path.replace(/\//g, '\\')}` : null;
  if (/^\/[A-Za-z]:(\/|$)/.test(path)) return path.slice(1).replace(/\//g, '\\');
  return path;
}

function baseName(path: string): string | undefined {
  return path.split(/[\\/]/).pop() || undefined;
}

// ---------------------------------------------------------------------------------------------

function check(schema: z.ZodType, value: unknown, label: string): string | null {
  const parsed = schema.safeParse(value, { error: missing });
  return parsed.success ? null : issueText(label, parsed.error.issues[0]!);
}

function issueText(label: string, issue: z.core.$ZodIssue): string {
  const path = issuePath(issue.path);
  if (issue.message === 'is missing') return `${label}: ${path || 'a value'} is missing`;
  return `${label}${path ? `, ${path}` : ''}: ${issue.message}`;
}

/** A path as people read it: target.selector[1].start. */
function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, never one inherited. */
function own(value: object, key: string): unknown {
  return Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function typeList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}…` : value;
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[])
    if (value[key] === undefined) delete value[key];
  return value;
}
