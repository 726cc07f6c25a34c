import { lstat, readdir, realpath } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isErrno } from './fs-errors';
import { ServiceError } from './service-error';

// Paths inside a workspace, checked: every name Gloss puts in a path is one plain file name,
// and no symbolic link leads a write out of the workspace folder. Names come from ids and
// hashes that the schemas already restrict (idSchema, sha256); these checks do not rely on it.

/** The folders of a workspace that Gloss writes into, deletes temp files from, or renames in. */
export const LINK_FREE_FOLDERS = ['documents', 'annotations', 'trash', 'backups'] as const;

/** Longest file name most file systems accept. */
const MAX_NAME = 255;
// Separators of any platform, NUL and other control characters, and ':' (a drive or an NTFS
// stream: "C:x" or "a.json:hidden" on Windows).
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const UNSAFE_NAME = /[/\\:\u0000-\u001f\u007f]/;

/** True when a string is one plain file name: no folder, no "." or "..", nothing a path parses. */
export function isPlainName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_NAME &&
    name !== '.' &&
    name !== '..' &&
    !UNSAFE_NAME.test(name) &&
    basename(name) === name
  );
}

/** True when `path` is `root` or inside it (both absolute and resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * A path inside a workspace from plain names ("annotations", "<id>.json"): refuses any name
 * that is not one plain file name, and any result outside the workspace, with a ServiceError.
 */
export function workspacePath(root: string, ...names: string[]): string {
  for (const name of names) {
    if (!isPlainName(name))
      throw new ServiceError(
        'invalid-request',
        `"${printable(name)}" is not a plain file name, so Gloss will not use it in the workspace.`,
      );
  }
  const path = join(resolve(root), ...names);
  if (!isInside(root, path))
    throw new ServiceError('invalid-request', `${path} is outside the workspace ${root}.`);
  return path;
}

const printable = (text: string): string =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
  (text.length > 80 ? `${text.slice(0, 80)}…` : text).replace(/[\u0000-\u001f\u007f]/g, '?');

/**
 * The first symbolic link in a workspace that could lead a write out of it, as a sentence for
 * the analyst, or null: one of the folders Gloss writes into (documents/, annotations/, trash/,
 * backups/) being a link, a link inside one of them (a write or an append to it would follow
 * it; a dangling one would create its target), or gloss.json or gloss.lock being one. The
 * workspace folder itself may be a link: it is where the user keeps the workspace.
 */
export async function linkOutOfWorkspace(root: string): Promise<string | null> {
  const home = await realpath(root);
  const linked = (name: string) =>
    `The workspace ${root} holds a symbolic link, ${name}, that could lead Gloss to write outside ` +
    'the workspace folder. Gloss will not open the workspace until the link is replaced by a ' +
    'real file or folder (copy the workspace without links, for example).';
  for (const name of ['gloss.json', 'gloss.lock']) {
    const info = await lstat(join(home, name)).catch(notFound);
    if (info?.isSymbolicLink()) return linked(name);
  }
  for (const folder of LINK_FREE_FOLDERS) {
    const path = join(home, folder);
    const info = await lstat(path).catch(notFound);
    if (!info) continue;
    if (info.isSymbolicLink()) return linked(`${folder}/`);
    if (!info.isDirectory()) continue;
    // One level: Gloss keeps no subfolders in them, but a link to a folder would be one.
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (entry.isSymbolicLink()) return linked(`${folder}/${entry.name}`);
    }
  }
  return null;
}

/**
 * Refuses to open a workspace with a symbolic link that could lead a write out of it (see
 * linkOutOfWorkspace): throws a ServiceError ('io') whose message names the link. Call it
 * before anything in the workspace is written, deleted or renamed.
 */
export async function refuseLinksOut(root: string): Promise<void> {
  const problem = await linkOutOfWorkspace(root);
  if (problem !== null) throw new ServiceError('io', problem);
}

/**
 * Refuses to write at `path` when a symbolic link on the way from the workspace folder to it
 * (or the file itself) could lead the write elsewhere, or when it is outside the workspace.
 * For a check just before a write; `linkOutOfWorkspace` checks the whole workspace at once.
 */
export async function assertWritableInside(root: string, path: string): Promise<void> {
  const home = await realpath(root);
  const target = resolve(home, relative(resolve(root), resolve(path)));
  if (!isInside(home, target) || target === home)
    throw new ServiceError(
      'io',
      `Gloss refused to write ${path}: it is outside the workspace ${root}.`,
    );
  let at = home;
  for (const part of relative(home, target).split(sep)) {
    at = join(at, part);
    const info = await lstat(at).catch(notFound);
    if (!info) return; // Not there yet: it will be created inside the folders checked so far.
    if (info.isSymbolicLink())
      throw new ServiceError(
        'io',
        `Gloss refused to write ${path}: ${relative(home, at)} in the workspace is a symbolic link, which could lead outside it.`,
      );
  }
}

function notFound(error: unknown): null {
  if (isErrno(error, 'ENOENT', 'ENOTDIR')) return null;
  throw error;
}
