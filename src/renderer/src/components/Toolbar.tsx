import type { Tag } from '../../../shared/api';
import { ViewMenu } from './ViewMenu';

interface ToolbarProps {
  tags: readonly Tag[];
  canTag: boolean;
  canUndo: boolean;
  canRedo: boolean;
  canExport: boolean;
  onOpen(): void;
  onExport(): void;
  onImport(): void;
  canImport: boolean;
  onUndo(): void;
  onRedo(): void;
  onTag(tagId: string): void;
  onEditTags(): void;
  canEditTags: boolean;
  placesShown: boolean;
  searchShown: boolean;
  onToggleSearch(): void;
  onTogglePlaces(): void;
  overviewShown: boolean;
  onToggleOverview(): void;
}

// Toolbar buttons must not take focus or the text selection away from the reader on press.
const keepSelection = (e: React.MouseEvent) => e.preventDefault();

/** File commands, undo/redo and one button per tag. */
export function Toolbar(props: ToolbarProps) {
  const { tags, canTag } = props;
  return (
    <header className="toolbar">
      <div className="brand" aria-hidden="true">
        Gloss
      </div>
      <div className="toolbar-group" role="group" aria-label="File">
        <button type="button" onClick={props.onOpen} title="Open document (Ctrl+O)">
          Open document
        </button>
        <button
          type="button"
          onClick={props.onExport}
          disabled={!props.canExport}
          title="Export JSON, W3C Web Annotation, CSV or a report (Ctrl+E)"
        >
          Export
        </button>
        <button
          type="button"
          onClick={props.onImport}
          disabled={!props.canImport}
          title="Import annotations from a Gloss JSON or W3C Web Annotation file"
        >
          Import
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label="History">
        <button
          type="button"
          onMouseDown={keepSelection}
          onClick={props.onUndo}
          disabled={!props.canUndo}
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          onMouseDown={keepSelection}
          onClick={props.onRedo}
          disabled={!props.canRedo}
          title="Redo (Ctrl+Shift+Z)"
        >
          Redo
        </button>
      </div>
      <div className="toolbar-group tags" role="group" aria-label="Tag the selection">
        {tags.map((tag) => (
          <button
            key={tag.id}
            type="button"
            className="tag-button"
            style={{ '--tag-color': tag.color } as React.CSSProperties}
            onMouseDown={keepSelection}
            onClick={() => props.onTag(tag.id)}
            disabled={!canTag}
            title={`Tag the selection as ${tag.name}${tag.hotkey ? ` (${tag.hotkey})` : ''}`}
          >
            <span className="swatch" aria-hidden="true" />
            {tag.name}
            {tag.hotkey && <kbd>{tag.hotkey}</kbd>}
          </button>
        ))}
        <button
          type="button"
          onClick={props.onEditTags}
          disabled={!props.canEditTags}
          title="Add, rename, recolour and reorder tags"
        >
          Edit tags
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label="View">
        <button
          type="button"
          aria-pressed={props.searchShown}
          onMouseDown={keepSelection}
          onClick={props.onToggleSearch}
          title="Search this document (Ctrl+F) or all documents (Ctrl+Shift+F)"
        >
          Search
        </button>
        <button
          type="button"
          aria-pressed={props.placesShown}
          onMouseDown={keepSelection}
          onClick={props.onTogglePlaces}
          title="Map of the places tagged (Ctrl+Shift+M)"
        >
          Places
        </button>
        <button
          type="button"
          aria-pressed={props.overviewShown}
          onMouseDown={keepSelection}
          onClick={props.onToggleOverview}
          title="Counts, figures, quotes and claims at a glance (Ctrl+Shift+O)"
        >
          Overview
        </button>
        <ViewMenu />
      </div>
    </header>
  );
}
