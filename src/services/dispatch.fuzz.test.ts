import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FUZZ_SCALE,
  FUZZ_SEED,
  METHODS,
  Rng,
  changesOutside,
  checkAnswer,
  checkPrototypes,
  describePayload,
  hostileStrings,
  outsidePaths,
  payloadFor,
  plantLinks,
  prototypeKeys,
  randomValue,
  repro,
  sentinelRoot,
  shouldAccept,
  snapshotTree,
} from '../../test/fuzz';
import type { PayloadKind, Pools, TreeSnapshot } from '../../test/fuzz';
import type { ImportResult, Result } from '../shared/api';
import { dispatch } from './dispatch';
import type { AppServices } from './services';
import { openTestServices, removeFolder, tempFolder, unwrap, utf8 } from './test-support';

// Fuzzing the one door every transport uses: thousands of random and malformed payloads for
// every method of the request schema, against real services on a real workspace folder.

const HIJACKED = 'The text of this document was replaced by a link to a file outside.\n';
const CALLS = Math.round(2400 * FUZZ_SCALE);

describe(`dispatch under fuzzing (FUZZ_SEED=${FUZZ_SEED})`, () => {
  let root: string;
  let workspace: string;
  let sentinelFiles: string[];
  let services: AppServices;
  let pools: Pools;
  let before: TreeSnapshot;
  let sentinelBytes: string[];
  const prototypesBefore = prototypeKeys();

  beforeAll(async () => {
    root = await tempFolder('gloss-fuzz-dispatch-');
    ({ workspace, sentinelFiles } = await sentinelRoot(root));
    services = await openTestServices(workspace);
    const hijacked = unwrap(
      await services.importFile({ name: 'hijacked.txt', bytes: utf8(HIJACKED) }),
    );
    const kept = unwrap(
      await services.importFile({ name: 'kept.txt', bytes: utf8('Mayor Ilse Brandt spoke.\n') }),
    );
    const annotated = unwrap(
      await services.createAnnotation({
        documentId: kept.document.id,
        start: 0,
        end: 5,
        tag: 'claim',
      }),
    );
    await services.close();
    // Opened afresh (nothing cached), then the document's text and layout are swapped for
    // links that lead outside, as if someone did it while Gloss runs.
    services = await openTestServices(workspace, { newId: () => crypto.randomUUID() });
    await plantLinks(workspace, sentinelFiles, hijacked.document.textHash);
    pools = {
      texts: [HIJACKED, 'Mayor Ilse Brandt spoke.\n'],
      documentIds: [hijacked.document.id, kept.document.id],
      annotationIds: annotated.changes.map((c) => c.id),
      tagIds: ['claim', 'quote', 'figure'],
      strings: hostileStrings(outsidePaths(workspace, sentinelFiles)),
    };
    sentinelBytes = await Promise.all(sentinelFiles.map((f) => readFile(f, 'latin1')));
    before = await snapshotTree(root);
  });

  afterAll(async () => {
    await services?.close();
    await removeFolder(root);
  });

  it(
    `answers ${CALLS} hostile calls over every method with a fitting Result`,
    { timeout: 120_000 * FUZZ_SCALE },
    async () => {
      const r = new Rng(FUZZ_SEED);
      const failures: string[] = [];
      const kinds = new Map<PayloadKind | 'method-name', number>();
      const stats = new Map<string, number>();
      const succeeded = new Set<string>();
      const check = (call: number, what: string, answer: unknown, accept: boolean) => {
        const problem = checkAnswer(answer, accept);
        if (problem && failures.length < 10)
          failures.push(repro(FUZZ_SEED, call, `${what}: ${problem}`));
      };

      // A few payloads of 1-10 MB, and nestings 10,000 levels deep, among the random ones.
      const special = new Map<number, PayloadKind>();
      for (let i = 0; i < 4; i++) special.set(r.int(CALLS), 'huge-string');
      for (let i = 0; i < 24; i++) special.set(r.int(CALLS), 'deep-nesting');

      for (let call = 0; call < CALLS; call++) {
        if (call % 97 === 96) {
          // Names that are not methods: prototype keys, paths, anything.
          const name = r.chance(0.5) ? r.pick(pools.strings) : randomValue(r, pools.strings, 1);
          const answer = await dispatch(services, name, randomValue(r, pools.strings));
          kinds.set('method-name', (kinds.get('method-name') ?? 0) + 1);
          check(call, `method ${describePayload(name)}`, answer, false);
          continue;
        }
        const method = METHODS[call % METHODS.length]!;
        const forced = special.get(call);
        const { kind, payload } = payloadFor(method, r, pools, forced ? [forced] : undefined);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        const accept = shouldAccept(method, payload);
        const answer = (await dispatch(services, method, payload)) as Result<unknown>;
        if (answer.ok) succeeded.add(method);
        check(call, `${method}(${kind}) ${describePayload(payload)}`, answer, accept);
        if (process.env['FUZZ_STATS']) {
          const key = `${method} ${accept ? 'valid' : 'invalid'} ${answer.ok ? 'ok' : answer.error.code}`;
          stats.set(key, (stats.get(key) ?? 0) + 1);
        }
        // Ids the services hand out join the pools, so later calls reach real documents.
        const imported =
          answer.ok && method === 'importFile'
            ? (answer.value as ImportResult).document
            : undefined;
        if (imported?.id && pools.documentIds.length < 12) pools.documentIds.push(imported.id);
        if (call % 500 === 0) {
          const alive = await dispatch(services, 'getWorkspace', undefined);
          if (!alive.ok) failures.push(repro(FUZZ_SEED, call, 'getWorkspace stopped answering'));
        }
      }

      if (process.env['FUZZ_STATS'])
        console.log(
          [...stats]
            .sort()
            .map((e) => e.join(': '))
            .join('\n'),
        );
      expect(failures, failures.join('\n')).toEqual([]);
      // The generator reaches the services, not only their door: many methods succeeded.
      expect(succeeded.size, [...succeeded].join(', ')).toBeGreaterThan(METHODS.length / 3);
      // Every kind of payload was tried.
      expect([...kinds.keys()].sort()).toEqual(
        expect.arrayContaining(['deep-nesting', 'huge-string', 'proto-key', 'random', 'plausible']),
      );
    },
  );

  it('still answers getWorkspace, and no prototype was touched', async () => {
    expect(await dispatch(services, 'getWorkspace', undefined)).toMatchObject({ ok: true });
    expect(checkPrototypes(prototypesBefore), `FUZZ_SEED=${FUZZ_SEED}`).toBeNull();
  });

  it('changed nothing outside the workspace folder', async () => {
    await services.flush();
    const after = await snapshotTree(root);
    expect(changesOutside(before, after, 'workspace'), `FUZZ_SEED=${FUZZ_SEED}`).toEqual([]);
    expect(await Promise.all(sentinelFiles.map((f) => readFile(f, 'latin1')))).toEqual(
      sentinelBytes,
    );
  });
});
