// The contract between the renderer and the services, whichever door carries it
// (Electron IPC through the preload, or HTTP through the web host). Types only.
import type { Annotation, DocumentMeta, Tag } from '../core/model';
import type { HistoryState } from '../core/history';
import type { Result } from '../core/result';
import type { Block, Mark, PageSpan } from '../core/structure';
import type { Suggestion } from '../core/suggestions';
import type { PlaceCandidate } from '../core/text-analysis';
import type { LocatedPassage } from '../core/map-points';
import type { NamedEntity } from '../core/places';
import type { SearchResults } from '../core/search';
import type { Overview } from '../core/overview';
import type { RequestOf, ServiceMethod } from '../core/api-schema';
import type { MenuCommand } from './commands';

export type { Result, AppError } from '../core/result';
export type { Annotation, DocumentMeta, Tag } from '../core/model';
export type { Block, Mark, PageSpan, DocumentMetadata } from '../core/structure';
export type { Suggestion } from '../core/suggestions';
export type { PlaceCandidate } from '../core/text-analysis';
export type { LocatedPassage } from '../core/map-points';
export type { NamedEntity } from '../core/places';
export type { SearchHit, SearchKind, SearchResults } from '../core/search';
export type {
  Overview,
  FigureRow,
  OverviewItem,
  SpeakerGroup,
  StatusGroup,
  TagCount,
} from '../core/overview';
export type { HistoryState } from '../core/history';
export type { ServiceMethod, RequestOf } from '../core/api-schema';

/** What can change in an annotation: its tag, note and details. */
export type AnnotationPatch = Omit<RequestOf<'updateAnnotation'>, 'documentId' | 'id'>;

/** The workspace as the UI first sees it. */
export interface WorkspaceState {
  /** Folder on disk. */
  path: string;
  /** True when a damaged file was found: nothing is written until the user acts. */
  readOnly: boolean;
  /** Another Gloss holds the workspace (read-only here until it closes); restoring cannot help. */
  inUseElsewhere?: boolean;
  /** The plain-language problem that made it read-only, naming the file and where it was moved. */
  problem: string | null;
  tags: Tag[];
  documents: DocumentMeta[];
  history: HistoryState;
  /** A document to open first (the first file given on the command line). */
  openOnStart: string | null;
  /** Files given on the command line that could not be opened, one sentence each. */
  startupProblems: string[];
  /** Why the last backup failed, when it did (null or absent once one succeeds). */
  backupProblem?: string | null;
}

/** One verified backup in the workspace's backups/ folder. */
export interface BackupInfo {
  /** Its file name in backups/, which names it in restoreBackup. */
  name: string;
  /** When it was taken (ISO 8601, UTC). */
  created: string;
  documents: number;
  annotations: number;
}

/** What a restore did: the workspace as it now is, and where the files it replaced went. */
export interface RestoreReport {
  workspace: WorkspaceState;
  /** The folder (in the workspace) now holding the files the restore replaced; null if none. */
  keptIn: string | null;
  backup: BackupInfo;
}

/** How the reader lays out a canonical text: blocks, inline marks and (PDF) pages. */
export interface Layout {
  blocks: Block[];
  marks: Mark[];
  pages?: PageSpan[];
}

/** An open document: its canonical text, its layout and its annotations in text order. */
export interface OpenedDocument {
  document: DocumentMeta;
  text: string;
  layout: Layout;
  annotations: Annotation[];
}

/** Whether a document's file on disk still matches what was imported. */
export interface SourceStatus {
  /** 'unknown' when Gloss never knew the file's path (a browser upload, a sample). */
  status: 'unchanged' | 'changed' | 'missing' | 'unknown';
  path?: string;
}

/** What an update from disk did to the annotations. */
export interface UpdateSummary {
  /** Still at the same place with the same text. */
  exact: number;
  /** Found again elsewhere, or with slightly different text. */
  moved: number;
  /** Could not be placed: kept and listed as orphans. */
  orphaned: number;
}

/** The import under way, for progress display; null when none is. */
export type ImportProgress = { name: string; done: number; total: number; unit: string } | null;

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
  /** The workspace's tag set, when the change (or its undo) changed it. */
  tags?: Tag[];
}

/** A file for the user to save: the host decides how (save dialog or browser download). */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** What an import did: one step, undone by one Undo. */
export interface ImportReport {
  added: number;
  /** Added, but their passage was not found: listed to re-attach. */
  orphans: number;
  /** Already here and unchanged. */
  skipped: number;
  /** Here with the same id but edited differently: kept as here; one sentence each. */
  conflicts: string[];
  /** Documents of the file not in this workspace (open them first, then import again). */
  unmatched: { title: string; annotations: number }[];
  /** Tags the file brought. */
  newTags: string[];
  /** Documents the file carried in full, added to the workspace (titles). */
  newDocuments: string[];
  /** What the file holds that Gloss cannot: one sentence each kind. */
  notes: string[];
  /** Documents that received annotations. */
  documentIds: string[];
  history: HistoryState;
  tags: Tag[];
}

/** What each service method answers. */
export interface ResponseMap {
  getWorkspace: WorkspaceState;
  openDocument: OpenedDocument;
  importFile: ImportResult;
  importSamples: ImportResult[];
  createAnnotation: Mutation;
  createAnnotations: Mutation;
  updateAnnotation: Mutation;
  deleteAnnotation: Mutation;
  undo: Mutation;
  redo: Mutation;
  exportJson: ExportFile;
  exportDocuments: ExportFile;
  importAnnotations: ImportReport;
  importProgress: ImportProgress;
  renameDocument: DocumentMeta;
  removeDocument: { removed: DocumentMeta; keptAt: string };
  checkSource: SourceStatus;
  updateFromDisk: { summary: UpdateSummary; opened: OpenedDocument };
  reattachAnnotation: Mutation;
  suggest: Suggestion[];
  rejectSuggestion: null;
  placeCandidates: PlaceCandidate[];
  locatedPassages: LocatedPassage[];
  namedEntities: NamedEntity[];
  overview: Overview;
  search: SearchResults;
  createTag: Mutation;
  updateTag: Mutation;
  moveTag: Mutation;
  countTagUses: { annotations: number; documents: number };
  deleteTag: Mutation;
  listBackups: BackupInfo[];
  restoreBackup: RestoreReport;
}

export type ResponseOf<M extends ServiceMethod> = ResponseMap[M];

/** The services, as every door exposes them: one async function per method. */
export type GlossServices = {
  [M in ServiceMethod]: RequestOf<M> extends undefined
    ? () => Promise<Result<ResponseOf<M>>>
    : (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>>;
};

/** Commands the Electron menu sends to the renderer (shared/commands). */
export type { MenuCommand } from './commands';

/** What the open dialog did: one result per chosen file, and the files it may open as text. */
export interface DialogImport {
  /** In the order the files were chosen; empty when the user cancelled. */
  results: Result<ImportResult>[];
  /** Files of an unknown kind: open one as plain text with its token (openAsText). */
  textOffers: { name: string; token: string }[];
}

/** What only the desktop app adds, exposed by the preload next to the services. */
export interface DesktopBridge {
  /** Shows the native open dialog and imports the chosen files. */
  openFilesDialog(): Promise<Result<DialogImport>>;
  /** Opens a file the dialog offered (unknown kind) as plain text. */
  openAsText(token: string): Promise<Result<ImportResult>>;
  /** Shows the native save dialog and writes the file; null when the user cancelled. */
  saveFile(file: ExportFile): Promise<Result<{ path: string } | null>>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Opens a document's link in the system browser once the user agrees; only http(s) links
   * (core/link-url), checked again by the main process. opened: false when the user said no.
   */
  openLink(url: string): Promise<Result<{ opened: boolean }>>;
}

/** window.api under Electron. */
export type PreloadApi = GlossServices & { desktop: DesktopBridge };

/** IPC channel names: one per service method, plus the desktop bridge. */
export const IPC_PREFIX = 'gloss:';
export const DESKTOP_CHANNELS = {
  openFilesDialog: 'gloss-desktop:openFilesDialog',
  saveFile: 'gloss-desktop:saveFile',
  openAsText: 'gloss-desktop:openAsText',
  menuCommand: 'gloss-desktop:menu',
  openLink: 'gloss-desktop:openLink',
} as const;
