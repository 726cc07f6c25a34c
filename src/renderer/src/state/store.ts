import type {
  Annotation,
  AnnotationChange,
  DocumentMeta,
  HistoryState,
  ImportResult,
  Result,
  OpenedDocument,
  SourceStatus,
  Suggestion,
  Tag,
  WorkspaceState,
} from '../../../shared/api';
import { recordStep } from './annotation-steps';

/** Everything the UI shows, in one place; changed only through `reduce`. */
export interface UiState {
  workspace: WorkspaceState | null;
  open: OpenedDocument | null;
  selectedId: string | null;
  /**
   * The last provisional annotation its saved successor replaced: views keyed by annotation
   * (the details) key the successor as its predecessor, so a note being typed keeps its box.
   */
  replaced: { from: string; to: string } | null;
  /** Service calls that change data and have not yet answered (they answer once on disk). */
  pendingWrites: number;
  /** The last error, shown in an alert until dismissed or replaced. */
  error: string | null;
  /** A short, transient note such as "Exported gloss-export.json". */
  notice: string | null;
  history: HistoryState;
  loading: boolean;
  /** Whether the open document's file changed on disk. */
  source: SourceStatus | null;
  /** What is being imported now, for the status bar. */
  importing: string | null;
  /** Files of an unknown kind the user may open as plain text. */
  offerAsText: TextOffer[];
  /** What "Suggest" proposed for the open document, until accepted or rejected. */
  suggestions: Suggestion[] | null;
}

/** A file Gloss did not recognise, and how to open it as plain text if the user agrees. */
export interface TextOffer {
  name: string;
  open(): Promise<Result<ImportResult>>;
}

export const initialState: UiState = {
  workspace: null,
  open: null,
  selectedId: null,
  replaced: null,
  pendingWrites: 0,
  error: null,
  notice: null,
  history: { canUndo: false, canRedo: false },
  loading: true,
  source: null,
  importing: null,
  offerAsText: [],
  suggestions: null,
};

export type Action =
  | { type: 'workspace-loaded'; workspace: WorkspaceState }
  /** The workspace was restored from a backup: everything shown of the old one goes. */
  | { type: 'workspace-restored'; workspace: WorkspaceState }
  | { type: 'document-opened'; opened: OpenedDocument }
  | { type: 'select'; id: string | null }
  | { type: 'write-started' }
  | { type: 'write-finished' }
  | {
      type: 'changes';
      changes: AnnotationChange[];
      history: HistoryState;
      select?: string | null;
      tags?: Tag[] | undefined;
      /** A provisional annotation the answer replaces: selecting it selects its successor. */
      replaces?: { from: string; to: string };
    }
  /** A change shown before the services have saved it (their answer follows as `changes`). */
  | { type: 'preview'; changes: AnnotationChange[]; select?: string | null }
  | { type: 'error'; message: string }
  | { type: 'dismiss-error' }
  | { type: 'notice'; message: string | null }
  | { type: 'source'; documentId: string; status: SourceStatus }
  | { type: 'importing'; message: string | null }
  | { type: 'offer-as-text'; offers: TextOffer[] }
  | { type: 'suggestions'; suggestions: Suggestion[] | null }
  | { type: 'suggestion-done'; keys: string[] }
  | { type: 'document-renamed'; document: DocumentMeta }
  | { type: 'document-removed'; documentId: string };

/** Orders annotations as the text does: by start, then the longer one first. */
export function byTextOrder(a: Annotation, b: Annotation): number {
  return a.start - b.start || b.end - a.end || a.created.localeCompare(b.created);
}

/** Where `a` belongs in a list in text order: after every annotation that sorts before it. */
function insertionPoint(list: readonly Annotation[], a: Annotation): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byTextOrder(list[mid]!, a) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Applies changes to the open document's annotations, keeping text order. One change costs one
 * pass and a binary search, not a sort: at 10,000 annotations this runs on every keystroke.
 */
export function applyChanges(
  open: OpenedDocument,
  changes: readonly AnnotationChange[],
): OpenedDocument {
  const mine = changes.filter((c) => c.documentId === open.document.id);
  if (mine.length === 0) return open;
  const last = new Map<string, Annotation | null>();
  for (const c of mine) last.set(c.id, c.annotation);
  const removed: Annotation[] = [];
  const list = open.annotations.filter((a) => {
    const keep = !last.has(a.id);
    if (!keep) removed.push(a);
    return keep;
  });
  const added: Annotation[] = [];
  for (const a of last.values()) {
    if (!a) continue;
    list.splice(insertionPoint(list, a), 0, a);
    added.push(a);
  }
  recordStep(list, { from: open.annotations, removed, added });
  return { ...open, annotations: list };
}

/** The UI's state transitions (pure). */
export function reduce(state: UiState, action: Action): UiState {
  switch (action.type) {
    case 'workspace-loaded':
      return {
        ...state,
        workspace: action.workspace,
        history: action.workspace.history,
        loading: false,
      };
    case 'workspace-restored':
      return {
        ...state,
        workspace: action.workspace,
        history: action.workspace.history,
        loading: false,
        open: null,
        selectedId: null,
        source: null,
        suggestions: null,
        error: null,
        offerAsText: [],
      };
    case 'document-opened':
      return { ...state, open: action.opened, selectedId: null, source: null, suggestions: null };
    case 'source':
      return state.open?.document.id === action.documentId
        ? { ...state, source: action.status }
        : state;
    case 'importing':
      return { ...state, importing: action.message };
    case 'suggestions':
      return { ...state, suggestions: action.suggestions };
    case 'suggestion-done': {
      if (!state.suggestions) return state;
      const done = new Set(action.keys);
      return { ...state, suggestions: state.suggestions.filter((s) => !done.has(s.key)) };
    }
    case 'offer-as-text':
      return { ...state, offerAsText: action.offers };
    case 'document-renamed': {
      if (!state.workspace) return state;
      const documents = state.workspace.documents.map((d) =>
        d.id === action.document.id ? action.document : d,
      );
      const open =
        state.open?.document.id === action.document.id
          ? { ...state.open, document: action.document }
          : state.open;
      return { ...state, workspace: { ...state.workspace, documents }, open };
    }
    case 'document-removed': {
      if (!state.workspace) return state;
      const documents = state.workspace.documents.filter((d) => d.id !== action.documentId);
      const closing = state.open?.document.id === action.documentId;
      return {
        ...state,
        workspace: { ...state.workspace, documents },
        open: closing ? null : state.open,
        selectedId: closing ? null : state.selectedId,
        source: closing ? null : state.source,
      };
    }
    case 'select':
      return { ...state, selectedId: action.id };
    case 'write-started':
      return { ...state, pendingWrites: state.pendingWrites + 1 };
    case 'write-finished':
      return { ...state, pendingWrites: Math.max(0, state.pendingWrites - 1) };
    case 'preview': {
      const open = state.open ? applyChanges(state.open, action.changes) : null;
      const selectedId = action.select !== undefined ? action.select : state.selectedId;
      return { ...state, open, selectedId };
    }
    case 'changes': {
      const open = state.open ? applyChanges(state.open, action.changes) : null;
      let selectedId = action.select !== undefined ? action.select : state.selectedId;
      if (action.replaces && selectedId === action.replaces.from) selectedId = action.replaces.to;
      if (selectedId && open && !open.annotations.some((a) => a.id === selectedId))
        selectedId = null;
      const workspace =
        action.tags && state.workspace
          ? { ...state.workspace, tags: action.tags }
          : state.workspace;
      const replaced = action.replaces ?? state.replaced;
      return { ...state, open, history: action.history, selectedId, workspace, replaced };
    }
    case 'error':
      return { ...state, error: action.message, offerAsText: [] };
    case 'dismiss-error':
      return { ...state, error: null, offerAsText: [] };
    case 'notice':
      return { ...state, notice: action.message };
  }
}
