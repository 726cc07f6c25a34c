// The contract between the renderer and the services, whichever door carries it
// (Electron IPC through the preload, or HTTP through the web host). Types only.
import type { Annotation, DocumentMeta, Tag } from '../core/model';
import type { HistoryState } from '../core/history';
import type { Result } from '../core/result';
import type { RequestOf, ServiceMethod } from '../core/api-schema';

export type { Result, AppError } from '../core/result';
export type { Annotation, DocumentMeta, Tag } from '../core/model';
export type { HistoryState } from '../core/history';
export type { ServiceMethod, RequestOf } from '../core/api-schema';

/** The workspace as the UI first sees it. */
export interface WorkspaceState {
  /** Folder on disk. */
  path: string;
  /** True when a damaged file was found: nothing is written until the user acts. */
  readOnly: boolean;
  /** The plain-language problem that made it read-only, naming the file and where it was moved. */
  problem: string | null;
  tags: Tag[];
  documents: DocumentMeta[];
  history: HistoryState;
  /** A document to open first (the first file given on the command line). */
  openOnStart: string | null;
}

/** An open document: its canonical text and its annotations in text order. */
export interface OpenedDocument {
  document: DocumentMeta;
  text: string;
  annotations: Annotation[];
}

export interface ImportResult {
  document: DocumentMeta;
  /** True when the same text was already in the workspace: nothing new was added. */
  existed: boolean;
}

/** One annotation as it now is; `annotation: null` means it no longer exists. */
export interface AnnotationChange {
  documentId: string;
  id: string;
  annotation: Annotation | null;
}

/** What every annotation edit, undo and redo answers once the change is on disk. */
export interface Mutation {
  changes: AnnotationChange[];
  history: HistoryState;
}

/** A file for the user to save: the host decides how (save dialog or browser download). */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** What each service method answers. */
export interface ResponseMap {
  getWorkspace: WorkspaceState;
  openDocument: OpenedDocument;
  importFile: ImportResult;
  importSamples: ImportResult[];
  createAnnotation: Mutation;
  updateAnnotation: Mutation;
  deleteAnnotation: Mutation;
  undo: Mutation;
  redo: Mutation;
  exportJson: ExportFile;
}

export type ResponseOf<M extends ServiceMethod> = ResponseMap[M];

/** The services, as every door exposes them: one async function per method. */
export type GlossServices = {
  [M in ServiceMethod]: RequestOf<M> extends undefined
    ? () => Promise<Result<ResponseOf<M>>>
    : (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
};

/** Commands the Electron menu sends to the renderer. */
export type MenuCommand = 'open' | 'export' | 'undo' | 'redo';

/** What only the desktop app adds, exposed by the preload next to the services. */
export interface DesktopBridge {
  /** Shows the native open dialog and imports the chosen files. */
  openFilesDialog(): Promise<Result<ImportResult[]>>;
  /** Shows the native save dialog and writes the file; null when the user cancelled. */
  saveFile(file: ExportFile): Promise<Result<{ path: string } | null>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** window.api under Electron. */
export type PreloadApi = GlossServices & { desktop: DesktopBridge };

/** IPC channel names: one per service method, plus the desktop bridge. */
export const IPC_PREFIX = 'gloss:';
export const DESKTOP_CHANNELS = {
  openFilesDialog: 'gloss-desktop:openFilesDialog',
  saveFile: 'gloss-desktop:saveFile',
  menuCommand: 'gloss-desktop:menu',
} as const;
