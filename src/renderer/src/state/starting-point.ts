import type { OpenedDocument, Result, WorkspaceState } from '../../../shared/api';
import type { GlossClient } from '../api/client';

/** The workspace and the document Gloss opens first. */
export interface StartingPoint {
  workspace: Result<WorkspaceState>;
  /** Null when the workspace could not be read or holds no document. */
  opened: Result<OpenedDocument> | null;
}

/**
 * Asks for the workspace and then its first document. Called before React first renders, so
 * both requests run while the page is still being laid out rather than after it.
 */
export async function fetchStartingPoint(client: GlossClient): Promise<StartingPoint> {
  const workspace = await client.services.getWorkspace();
  if (!workspace.ok) return { workspace, opened: null };
  const first = workspace.value.openOnStart ?? workspace.value.documents[0]?.id;
  const opened = first ? await client.services.openDocument({ documentId: first }) : null;
  return { workspace, opened };
}
