import { readFile } from 'node:fs/promises';
import type { MessageBoxOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcMain, resetStandIn } from '../../test/electron-stand-in';
import {
  FUZZ_SCALE,
  FUZZ_SEED,
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
import type { Pools, TreeSnapshot } from '../../test/fuzz';
import { SERVICE_METHODS, isServiceMethod } from '../core/api-schema';
import { openableUrl } from '../core/link-url';
import { DESKTOP_CHANNELS, IPC_PREFIX } from '../shared/api';
import type { AppServices } from '../services';
import { openTestServices, removeFolder, tempFolder, unwrap, utf8 } from '../services/test-support';
import { MAX_SAVE_CHARS, registerIpc } from './ipc';
import type { IpcServices } from './ipc';

// Fuzzing the Electron IPC glue (with the electron stand-in): every registered channel gets
// random and malformed payloads from trusted and untrusted sender frames. Untrusted frames are
// refused before anything runs; trusted ones get a fitting Result; no dialog opens for a bad
// payload, no link reaches shell.openExternal unchecked, and nothing outside the workspace changes.

const APP = 'file:///opt/gloss/out/renderer/index.html';
const CALLS = Math.round(2400 * FUZZ_SCALE);
const HIJACKED = 'Swapped for links to files outside the workspace.\n';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TRUSTED = [APP, `${APP}#/documents/1`, `${APP}?view=map`];
const UNTRUSTED: (string | null)[] = [
  null,
  '',
  'https://evil.example/',
  'http://localhost:5173/',
  'file:///tmp/evil.html',
  'file:///opt/gloss/out/renderer/other.html',
  `${APP}/../other.html`,
  'file://remote-host/opt/gloss/out/renderer/index.html',
  'about:blank',
  'data:text/html,<script>1</script>',
  'javascript:void(0)',
  'devtools://devtools/bundled/inspector.html',
  'chrome-extension://abcdef/index.html',
  'not a url',
];

const LINKS = [
  'https://example.org/report',
  'http://news.example/2026/10/floodgates?x=1#y',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox',
  'ms-msdt:/id PCWDiagnostic',
  'smb://server/share',
  'https://user:pw@example.org/',
  'https://example.org/\u0000',
  ' https://example.org/',
  `https://example.org/${'a'.repeat(3000)}`,
  'https://',
  '//example.org',
];

/** Whether saveFile must accept a payload: exactly fileName, mimeType and content, in bounds. */
function saveFileValid(payload: unknown): boolean {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return false;
  const keys = Object.keys(payload).sort();
  if (keys.join() !== 'content,fileName,mimeType') return false;
  const { fileName, mimeType, content } = payload as Record<string, unknown>;
  return (
    typeof fileName === 'string' &&
    fileName.length >= 1 &&
    fileName.length <= 255 &&
    typeof mimeType === 'string' &&
    mimeType.length <= 255 &&
    typeof content === 'string' &&
    content.length <= MAX_SAVE_CHARS
  );
}

/** What crosses real IPC: a structured clone; values it cannot clone never leave the renderer. */
function overTheWire(payload: unknown): unknown {
  try {
    return structuredClone(payload);
  } catch {
    // Too deep to clone: handed over as it is, which is harder on the handler, not easier.
    return payload;
  }
}

describe(`the IPC glue under fuzzing (FUZZ_SEED=${FUZZ_SEED})`, () => {
  let root: string;
  let workspace: string;
  let sentinelFiles: string[];
  let services: AppServices;
  let pools: Pools;
  let before: TreeSnapshot;
  let sentinelBytes: string[];
  const serviceCalls = { count: 0 };
  const dialogs = { open: 0, save: 0, message: [] as MessageBoxOptions[], choice: 1 };
  const opened: string[] = [];
  const prototypesBefore = prototypeKeys();

  beforeAll(async () => {
    resetStandIn();
    root = await tempFolder('gloss-fuzz-ipc-');
    ({ workspace, sentinelFiles } = await sentinelRoot(root));
    services = await openTestServices(workspace);
    const hijacked = unwrap(
      await services.importFile({ name: 'hijacked.txt', bytes: utf8(HIJACKED) }),
    );
    const kept = unwrap(
      await services.importFile({ name: 'kept.txt', bytes: utf8('Checkpoints at km 40.\n') }),
    );
    await services.close();
    // Opened afresh (nothing cached), then the document's text and layout are swapped for
    // links that lead outside, as if someone did it while Gloss runs.
    services = await openTestServices(workspace, { newId: () => crypto.randomUUID() });
    await plantLinks(workspace, sentinelFiles, hijacked.document.textHash);
    const counted = new Proxy(services, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          serviceCalls.count++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as IpcServices;
    registerIpc(ipcMain, counted, {
      appUrl: APP,
      dialog: {
        showOpenDialog: async () => (dialogs.open++, { canceled: true, filePaths: [] }),
        showSaveDialog: async () => (dialogs.save++, { canceled: true, filePath: '' }),
        showMessageBox: async (options) => (
          dialogs.message.push(options),
          { response: dialogs.choice, checkboxChecked: false }
        ),
      },
      openExternal: async (url) => {
        opened.push(url);
      },
    });
    pools = {
      texts: [HIJACKED],
      documentIds: [hijacked.document.id, kept.document.id],
      annotationIds: [],
      tagIds: ['claim', 'quote'],
      strings: hostileStrings(outsidePaths(workspace, sentinelFiles)),
    };
    sentinelBytes = await Promise.all(sentinelFiles.map((f) => readFile(f, 'latin1')));
    before = await snapshotTree(root);
  });

  afterAll(async () => {
    await services?.close();
    await removeFolder(root);
    resetStandIn();
  });

  it('has a channel for every method of the schema', () => {
    const channels = [...ipcMain.handlers.keys()];
    for (const method of SERVICE_METHODS) expect(channels).toContain(IPC_PREFIX + method);
  });

  it(
    `answers ${CALLS} hostile invocations from any frame as it should`,
    { timeout: 120_000 * FUZZ_SCALE },
    async () => {
      const r = new Rng(FUZZ_SEED);
      const failures: string[] = [];
      const fail = (call: number, what: string) => {
        if (failures.length < 10) failures.push(repro(FUZZ_SEED, call, what));
      };
      const channels = [...ipcMain.handlers.keys()].sort();
      const special = new Map<number, 'huge-string' | 'deep-nesting'>();
      for (let i = 0; i < 4; i++) special.set(r.int(CALLS), 'huge-string');
      for (let i = 0; i < 20; i++) special.set(r.int(CALLS), 'deep-nesting');
      let refused = 0;

      for (let call = 0; call < CALLS; call++) {
        const channel = channels[call % channels.length]!;
        const trusted = r.chance(0.6);
        const frame = trusted ? r.pick(TRUSTED) : r.pick(UNTRUSTED);
        const method = channel.startsWith(IPC_PREFIX) ? channel.slice(IPC_PREFIX.length) : null;
        const forced = special.get(call);

        let payload: unknown;
        let kind = 'random';
        if (method !== null && isServiceMethod(method)) {
          ({ kind, payload } = payloadFor(method, r, pools, forced ? [forced] : undefined));
        } else if (channel === DESKTOP_CHANNELS.openLink) {
          payload = r.chance(0.7) ? r.pick(LINKS) : randomValue(r, pools.strings);
        } else if (channel === DESKTOP_CHANNELS.openAsText) {
          payload = r.chance(0.3) ? crypto.randomUUID() : randomValue(r, pools.strings);
        } else if (channel === DESKTOP_CHANNELS.saveFile) {
          const file: Record<string, unknown> = {
            fileName: r.pick(['export.json', '../../.bashrc', '', ...pools.strings]),
            mimeType: 'application/json',
            content: r.chance(0.5) ? '{}' : r.pick(pools.strings),
          };
          if (r.chance(0.3))
            file[r.pick(['path', 'fileName', 'content', 'extra'])] = randomValue(r, pools.strings);
          payload = r.chance(0.7) ? file : randomValue(r, pools.strings);
        } else {
          payload = randomValue(r, pools.strings);
        }
        payload = overTheWire(payload);
        const extra = r.chance(0.1) ? [randomValue(r, pools.strings)] : [];
        const what = `${channel} from ${describePayload(frame)} (${kind}) ${describePayload(payload)}`;

        const callsBefore = serviceCalls.count;
        const dialogsBefore = dialogs.open + dialogs.save + dialogs.message.length;
        const openedBefore = opened.length;
        const savesBefore = dialogs.save;
        const messagesBefore = dialogs.message.length;
        dialogs.choice = r.int(2);
        let answer: unknown;
        try {
          answer = await ipcMain.invoke(channel, frame, payload, ...extra);
        } catch (e) {
          fail(call, `${what}: the handler threw ${String(e)}`);
          continue;
        }

        if (!trusted) {
          refused++;
          const error = (answer as { error?: { code?: string } }).error;
          if ((answer as { ok?: boolean }).ok !== false || error?.code !== 'unauthorized')
            fail(call, `${what}: an untrusted frame was not refused: ${describePayload(answer)}`);
          if (serviceCalls.count !== callsBefore) fail(call, `${what}: reached a service`);
          if (dialogs.open + dialogs.save + dialogs.message.length !== dialogsBefore)
            fail(call, `${what}: showed a dialog`);
          if (opened.length !== openedBefore) fail(call, `${what}: opened a link`);
          continue;
        }

        let problem: string | null;
        if (method !== null && isServiceMethod(method)) {
          problem = checkAnswer(answer, shouldAccept(method, payload));
        } else if (channel === DESKTOP_CHANNELS.openLink) {
          const url = typeof payload === 'string' ? openableUrl(payload) : null;
          problem = checkAnswer(answer, url !== null);
          if (url === null && dialogs.message.length !== messagesBefore)
            problem = 'asked about a link it cannot open';
          if (url !== null && dialogs.choice === 0 && opened.at(-1) !== url)
            problem = `did not open ${url} once the user agreed`;
          if ((url === null || dialogs.choice !== 0) && opened.length !== openedBefore)
            problem = `opened ${opened.at(-1)} unasked`;
        } else if (channel === DESKTOP_CHANNELS.saveFile) {
          const valid = saveFileValid(payload);
          problem = checkAnswer(answer, valid);
          if (!valid && dialogs.save !== savesBefore)
            problem = 'showed the save dialog for a malformed file';
          if (valid && dialogs.save !== savesBefore + 1) problem = 'did not ask where to save';
        } else if (channel === DESKTOP_CHANNELS.openAsText) {
          // No file was ever offered, so no token reaches one: a well-formed token is not-found,
          // anything else is not a token at all.
          const code = (answer as { error?: { code?: string } }).error?.code;
          const token = typeof payload === 'string' && UUID.test(payload);
          problem = checkAnswer(answer, token);
          if (problem === null && code !== (token ? 'not-found' : 'invalid-request'))
            problem = `answered ${describePayload(answer)} for a token never offered`;
          if (serviceCalls.count !== callsBefore) problem = 'reached importPath';
        } else {
          // openFilesDialog, and any desktop channel added later: a Result, the dialog cancelled.
          problem = checkAnswer(answer, true);
        }
        if (problem) fail(call, `${what}: ${problem}`);
        if (opened.some((u) => openableUrl(u) !== u))
          fail(call, `${what}: opened an unchecked link`);
      }

      expect(failures, failures.join('\n')).toEqual([]);
      expect(refused).toBeGreaterThan(CALLS / 4);
    },
  );

  it('still answers getWorkspace, and no prototype was touched', async () => {
    expect(await ipcMain.invoke(`${IPC_PREFIX}getWorkspace`, APP, undefined)).toMatchObject({
      ok: true,
    });
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
