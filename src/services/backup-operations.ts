import type { RequestOf } from '../core/api-schema';
import type { UndoHistory } from '../core/history';
import type { Migration } from '../core/migrations';
import { MIGRATIONS } from '../core/migrations';
import type { AnnotationFile } from '../core/model';
import { SCHEMA_VERSION } from '../core/model';
import type { Result } from '../core/result';
import { fail, ok } from '../core/result';
import type { BackupInfo, GlossServices, RestoreReport, WorkspaceState } from '../shared/api';
import type { BackupContent, BackupSchedulerOptions } from './backups';
import { BackupError, BackupScheduler, listBackups, readBackup, writeBackup } from './backups';
import { plainReason } from './fs-errors';
import { restoreWorkspaceFiles } from './restore';
import type { Serial } from './serial';
import { ServiceError } from './service-error';
import type { LockHolder } from './workspace-lock';
import { describeHolder } from './workspace-lock';
import type { WorkspaceStore } from './workspace-store';
import { INDEX_FILE } from './workspace-store';

/** What the backup operations need of the services that host them. */
export interface BackupContext {
  run<T>(action: string, body: () => Promise<Result<T>>): Promise<Result<T>>;
  serial: Serial;
  store: WorkspaceStore;
  history: UndoHistory;
  now(): Date;
  /** The workspace as getWorkspace answers it. */
  workspaceState(): WorkspaceState;
  /** Another process holding the workspace's lock, if one does. */
  heldByOther(): LockHolder | null;
  /** Back up by themselves as changes are saved (the process owns the workspace). */
  automatic: boolean;
  schedule?: BackupSchedulerOptions;
  migrations?: readonly Migration[];
}

export interface BackupOperations extends Pick<GlossServices, 'listBackups' | 'restoreBackup'> {
  /** Backs up the workspace now; null when it is read-only. Rejects with the reason it failed. */
  backupNow(): Promise<BackupInfo | null>;
  /** Why the last backup failed; null once one succeeds. */
  backupProblem(): string | null;
  /** Takes the last backup if anything changed since the previous one, then stops. */
  close(): Promise<void>;
}

/** Rotating backups while the workspace changes, listing them, and restoring one. */
export function backupOperations(ctx: BackupContext): BackupOperations {
  const { run, serial, store, history, now } = ctx;
  const registry = ctx.migrations ?? MIGRATIONS;
  let problem: string | null = null;

  /** The whole workspace as it is now: loaded first, then copied in one go between changes. */
  async function snapshot(): Promise<BackupContent> {
    // Loading every document's annotations may take a while: changes go on meanwhile.
    for (const meta of [...store.index.documents]) await store.annotations(meta);
    return serial.run(async () => {
      store.assertWritable(); // loading may have found a damaged file
      const index = structuredClone(store.index);
      const annotationFiles: Record<string, AnnotationFile> = {};
      let annotations = 0;
      for (const meta of index.documents) {
        const file = (await store.annotations(meta)).state();
        annotationFiles[meta.id] = file;
        annotations += file.annotations.length;
      }
      return {
        schemaVersion: SCHEMA_VERSION,
        created: now().toISOString(),
        documents: index.documents.length,
        annotations,
        index,
        annotationFiles,
      };
    });
  }

  async function take(): Promise<BackupInfo | null> {
    // Nothing is backed up while read-only: what is in memory may lack a damaged file's part.
    if (store.readOnly) return null;
    let content: BackupContent;
    try {
      content = await snapshot();
    } catch (error) {
      if (error instanceof ServiceError && error.code === 'read-only') return null;
      throw error;
    }
    try {
      const info = await writeBackup(store.dir, content, {
        now: new Date(content.created),
        registry,
      });
      problem = null;
      return info;
    } catch (error) {
      const reason = error instanceof BackupError ? error.message : plainReason(error);
      problem = `Gloss could not back up this workspace: ${reason}. Your work is saved; the earlier backups are kept, and Gloss will try again.`;
      throw error;
    }
  }

  const scheduler = new BackupScheduler(take, ctx.schedule);
  if (ctx.automatic) {
    store.onChange(() => scheduler.noteChange());
    // A workspace that has never been backed up (made by an earlier Gloss) gets its first soon.
    if (!store.readOnly && store.index.documents.length > 0)
      void listBackups(store.dir)
        .then((found) => {
          if (found.length === 0) scheduler.noteChange();
        })
        .catch(() => undefined);
  }

  async function restore(name: string): Promise<{ keptIn: string | null }> {
    let backup;
    try {
      backup = await readBackup(store.dir, name, registry);
    } catch (error) {
      const reason = error instanceof BackupError ? error.message : plainReason(error);
      throw new ServiceError(
        'bad-file',
        `The backup ${name} cannot be restored (${reason}). Nothing was changed.`,
        { cause: error },
      );
    }
    // What is still being written goes to the files about to be set aside; if it cannot be
    // written, it is lost with the state the analyst chose to replace.
    await store.flush().catch(() => undefined);
    let keptIn: string | null;
    try {
      keptIn = await restoreWorkspaceFiles(store.dir, INDEX_FILE, name, backup, now());
    } catch (error) {
      // The marker left behind makes the workspace read-only, saying the restore was cut short.
      await store.reopen().catch(() => undefined);
      throw new ServiceError(
        'io',
        `Gloss could not finish restoring the backup ${name} (${plainReason(error)}). ` +
          'Nothing was deleted: the files it was replacing are in a before-restore folder of the workspace.',
        { cause: error },
      );
    }
    await store.reopen();
    history.clear();
    scheduler.markClean();
    return { keptIn };
  }

  return {
    listBackups: () => run('list the backups', async () => ok(await listBackups(store.dir))),

    restoreBackup: (request: RequestOf<'restoreBackup'>) =>
      run('restore the backup', async (): Promise<Result<RestoreReport>> => {
        const { name } = request;
        const holder = ctx.heldByOther();
        if (holder)
          return fail(
            'read-only',
            `This workspace is also open in ${describeHolder(holder)}. Close it before restoring a backup.`,
          );
        // Only a backup that is listed, by its exact name: never a path.
        const backup = (await listBackups(store.dir)).find((b) => b.name === name);
        if (!backup)
          return fail('not-found', `There is no backup named ${name} in this workspace.`);
        const { keptIn } = await scheduler.exclusive(() => serial.run(() => restore(name)));
        return ok({ workspace: ctx.workspaceState(), keptIn, backup });
      }),

    backupNow: () => scheduler.runNow(),

    backupProblem: () => problem,

    close: () => scheduler.close(),
  };
}
