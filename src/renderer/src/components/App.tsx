import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GlossClient } from '../api/client';
import type { CommandId } from '../../../shared/commands';
import { COMMANDS, isCommandId } from '../../../shared/commands';
import { isControl, isTextField, keyCommand } from '../keyboard';
import { highlightStyles } from '../reader/highlight-painter';
import { useGloss } from '../state/use-gloss';
import type { StartingPoint } from '../state/starting-point';
import type { MapScope } from '../state/use-located-passages';
import { useLocatedPassages } from '../state/use-located-passages';
import { useNamedEntities } from '../state/use-named-entities';
import { useSearch, useSearchMatches } from '../state/use-search';
import { commandAvailability, neighbourAnnotation } from '../state/command-table';
import { useViewSettings, ViewSettingsContext } from '../state/use-view-settings';
import { stepTextSize } from '../view-settings';
import type { DocumentAnalysis } from './analysis-context';
import { DocumentAnalysisContext } from './analysis-context';
import { AnnotationsPanel } from './AnnotationsPanel';
import { BackupsDialog } from './BackupsDialog';
import type { PaletteCommand } from './CommandPalette';
import { CommandPalette } from './CommandPalette';
import { ConfirmDialog } from './ConfirmDialog';
import { DocumentHeader } from './DocumentHeader';
import { ErrorAlert } from './ErrorAlert';
import { ExportDialog } from './ExportDialog';
import { ImportReportDialog } from './ImportReportDialog';
import type { ImportReport, SearchHit } from '../../../shared/api';
import { Library } from './Library';
import { OverviewPanel } from './OverviewPanel';
import type { ReaderHandle } from './Reader';
import { Reader } from './Reader';
import { SearchPanel } from './SearchPanel';
import { ShortcutsDialog } from './ShortcutsDialog';
import { StatusBar } from './StatusBar';
import { SuggestionsPanel } from './SuggestionsPanel';
import { TagEditor } from './TagEditor';
import { Toolbar } from './Toolbar';

// The map (world outlines, projection) is loaded when first shown, not with the app.
const MapPanel = lazy(() => import('./MapPanel').then((m) => ({ default: m.MapPanel })));

const NO_SUGGESTIONS: readonly { start: number; end: number }[] = [];
const ACCEPTED =
  '.txt,.md,.markdown,.text,.html,.htm,.xhtml,.docx,.pdf,text/plain,text/markdown,text/html,application/pdf';
// How often the open document's file is compared with the disk (also on window focus).
const SOURCE_CHECK_MS = 4000;

/** The three panes — library, reader, annotations — under the toolbar. */
interface AppProps {
  client: GlossClient;
  /** The workspace and first document, already asked for (main.tsx); fetched here if absent. */
  start?: Promise<StartingPoint>;
}

export function App({ client, start }: AppProps) {
  const { state, commands } = useGloss(client);
  const reader = useRef<ReaderHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const [imported, setImported] = useState<{ name: string; report: ImportReport } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [backupsShown, setBackupsShown] = useState(false);
  const [editingTags, setEditingTags] = useState(false);
  const [placesShown, setPlacesShown] = useState(false);
  const [mapScope, setMapScope] = useState<MapScope>('document');
  const [overviewShown, setOverviewShown] = useState(false);
  const [paletteShown, setPaletteShown] = useState(false);
  const [shortcutsShown, setShortcutsShown] = useState(false);
  // What the keyboard commands say to screen readers ("Claim: the quote" on J).
  const [announcement, setAnnouncement] = useState('');
  const viewSettings = useViewSettings();
  const [view, changeView] = viewSettings;
  const { workspace, open, selectedId } = state;
  const tags = useMemo(() => workspace?.tags ?? [], [workspace]);
  const readOnly = workspace?.readOnly ?? false;

  useEffect(() => {
    void commands.load(start);
  }, [commands, start]);

  // Closing the window while typing in a field (a note, a detail) saves it: fields save when
  // left, so leave the focused one. The save is sent as the page goes (keepalive, or IPC).
  useEffect(() => {
    const leaveField = () => {
      const active = document.activeElement;
      if (active instanceof HTMLElement && isTextField(active)) active.blur();
    };
    window.addEventListener('pagehide', leaveField);
    return () => window.removeEventListener('pagehide', leaveField);
  }, []);

  // Problems with files given on the command line are shown, not just printed to a terminal.
  const startupProblems = workspace?.startupProblems.join(' ');
  useEffect(() => {
    if (startupProblems) commands.fail(startupProblems);
  }, [commands, startupProblems]);

  const openFiles = useCallback(() => {
    if (client.desktop) void commands.openDialog();
    else fileInput.current?.click();
  }, [client, commands]);

  // Notice when the open document's file changes on disk.
  const openId = open?.document.id;
  const watched = !!open?.document.sourcePath;
  useEffect(() => {
    if (!openId || !watched) return;
    void commands.checkSource();
    const timer = setInterval(() => void commands.checkSource(), SOURCE_CHECK_MS);
    const onFocus = () => void commands.checkSource();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [commands, openId, watched]);

  const reattach = useCallback(
    (id: string) => {
      const span = reader.current?.selectionSpan();
      if (!span) {
        commands.fail('Select the passage in the text first, then press Re-attach.');
        return;
      }
      reader.current?.clearSelection();
      void commands.reattach(id, span);
    },
    [commands],
  );

  const openAnnotations = open?.annotations;
  const located = useLocatedPassages(
    client,
    placesShown,
    mapScope,
    openId ?? null,
    openAnnotations,
  );
  const names = useNamedEntities(client, openId ?? null);
  const analysis = useMemo<DocumentAnalysis>(
    () => ({
      names,
      placeCandidates: (name) =>
        openId
          ? client.services.placeCandidates({ documentId: openId, name })
          : Promise.resolve({ ok: true, value: [] }),
    }),
    [client, names, openId],
  );

  /** Shows a place's passage: opens its document when another is open, then selects it. */
  const jumpTo = useCallback(
    async (documentId: string, annotationId: string) => {
      if (documentId !== openId) await commands.openDocument(documentId);
      commands.select(annotationId);
      // The reader of a newly opened document paints on its next frame.
      requestAnimationFrame(() => reader.current?.reveal(annotationId));
    },
    [commands, openId],
  );

  // Counted once per text: `open` changes with every annotation edit, the text does not.
  const openText = open?.text;

  const search = useSearch(client, openId ?? null);
  const { open: openSearch, setCurrent: setSearchCurrent } = search;
  const searchMatches = useSearchMatches(
    search.state.shown ? openText : undefined,
    search.state.query,
  );
  /** Shows a search hit: its annotation selected, or the text matched marked and in view. */
  const jumpToHit = useCallback(
    async (hit: SearchHit) => {
      if (hit.annotationId) {
        setSearchCurrent(null);
        await jumpTo(hit.documentId, hit.annotationId);
        return;
      }
      if (hit.documentId !== openId) await commands.openDocument(hit.documentId);
      setSearchCurrent(hit);
      requestAnimationFrame(() => reader.current?.revealOffset(hit.start));
    },
    [commands, jumpTo, openId, setSearchCurrent],
  );
  const words = useMemo(
    () => (openText ? openText.split(/\s+/).filter(Boolean).length : 0),
    [openText],
  );

  const tagSelection = useCallback(
    (tagId: string) => {
      const span = reader.current?.selectionSpan();
      if (span) {
        reader.current?.clearSelection();
        void commands.annotate(tagId, span);
      } else if (selectedId) {
        // No passage selected: the tag applies to the selected annotation instead.
        void commands.update(selectedId, { tag: tagId });
      } else {
        commands.fail('Select a passage in the text first, then choose its tag.');
      }
    },
    [commands, selectedId],
  );

  const selectAnnotation = useCallback(
    (id: string | null) => {
      commands.select(id);
      if (id) reader.current?.reveal(id);
    },
    [commands],
  );

  /** Moves to the next (1) or previous (-1) annotation in the text, and says which it is. */
  const stepAnnotation = useCallback(
    (direction: 1 | -1) => {
      const next = open && neighbourAnnotation(open.annotations, selectedId, direction);
      if (!next) return;
      selectAnnotation(next.id);
      const tag = tags.find((t) => t.id === next.tag)?.name ?? next.tag;
      setAnnouncement(`${tag}: ${next.quote.slice(0, 150)}`);
    },
    [open, selectAnnotation, selectedId, tags],
  );

  const focusText = useCallback(() => {
    setOverviewShown(false);
    // On the next frame: the reader is back in place of the overview by then.
    requestAnimationFrame(() => reader.current?.focus());
  }, [setOverviewShown]);

  const canClosePanels = search.state.shown || overviewShown || placesShown || !!selectedId;
  const closePanels = useCallback(() => {
    // One at a time, the most transient first, as Escape does in every desktop app.
    if (search.state.shown) search.close();
    else if (overviewShown) focusText();
    else if (placesShown) setPlacesShown(false);
    else if (selectedId) commands.select(null);
  }, [commands, focusText, overviewShown, placesShown, search, selectedId]);

  const chooseImport = useCallback(() => importInput.current?.click(), []);

  // With the overview in the reader's place there is no passage to tag: a tag key would retag
  // the selected annotation unseen.
  const canTag = !!open && !readOnly && !overviewShown;

  // Whether each command can run now: for keys, the menu and the palette alike.
  const available = useMemo(
    () =>
      commandAvailability({
        hasWorkspace: !!workspace,
        hasDocuments: (workspace?.documents.length ?? 0) > 0,
        hasDocument: !!open,
        hasAnnotations: !!open?.annotations.some((a) => !a.orphan),
        hasSelection: !!selectedId && !!open?.annotations.some((a) => a.id === selectedId),
        readOnly,
        canUndo: state.history.canUndo,
        canRedo: state.history.canRedo,
        canGrowText: stepTextSize(view.textSize, 1) !== view.textSize,
        canShrinkText: stepTextSize(view.textSize, -1) !== view.textSize,
      }),
    [open, readOnly, selectedId, state.history, view.textSize, workspace],
  );

  /** Runs a command if it can run now (a key, the menu or the palette asked). */
  const runCommand = useCallback(
    (id: CommandId) => {
      if (!available[id]) return;
      const actions = {
        open: openFiles,
        import: chooseImport,
        export: () => setExporting(true),
        'add-samples': () => void commands.importSamples(),
        'remove-document': () => setConfirmRemove(true),
        backups: () => setBackupsShown(true),
        undo: () => void commands.undo(),
        redo: () => void commands.redo(),
        'delete-annotation': () => selectedId && void commands.remove(selectedId),
        'edit-tags': () => setEditingTags(true),
        suggest: () => void commands.suggest(),
        'next-annotation': () => stepAnnotation(1),
        'previous-annotation': () => stepAnnotation(-1),
        // The details' first field; the panel shows the selected annotation's details.
        'open-details': () =>
          document.querySelector<HTMLElement>('.details select, .details textarea')?.focus(),
        'focus-text': focusText,
        'search-document': () => openSearch('document'),
        'search-workspace': () => openSearch('workspace'),
        'toggle-overview': () => setOverviewShown((shown) => !shown),
        'toggle-places': () => setPlacesShown((shown) => !shown),
        'close-panels': closePanels,
        'theme-system': () => changeView({ theme: 'system' }),
        'theme-light': () => changeView({ theme: 'light' }),
        'theme-dark': () => changeView({ theme: 'dark' }),
        'text-larger': () => changeView({ textSize: stepTextSize(view.textSize, 1) }),
        'text-smaller': () => changeView({ textSize: stepTextSize(view.textSize, -1) }),
        'command-palette': () => setPaletteShown(true),
        shortcuts: () => setShortcutsShown(true),
      } satisfies Record<CommandId, () => void>;
      actions[id]();
    },
    [
      available,
      changeView,
      chooseImport,
      closePanels,
      commands,
      focusText,
      openFiles,
      openSearch,
      selectedId,
      stepAnnotation,
      view.textSize,
    ],
  );

  // The palette lists the commands and, first, one per tag.
  const paletteCommands = useMemo<PaletteCommand[]>(
    () => [
      ...tags.map((tag) => ({
        key: `tag:${tag.id}`,
        title: `Tag the selection as ${tag.name}`,
        group: 'Tag',
        keys: tag.hotkey ? [tag.hotkey] : [],
        enabled: canTag,
        run: () => tagSelection(tag.id),
      })),
      ...COMMANDS.map((c) => ({
        ...c,
        key: c.id,
        enabled: available[c.id],
        run: () => runCommand(c.id),
      })),
    ],
    [available, canTag, runCommand, tagSelection, tags],
  );

  // Keyboard shortcuts for the whole window (text fields keep their own keys).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Keys the focused part already used (the reading cursor, a menu), and keys inside a
      // dialog (Escape closes it), are theirs.
      if (e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
      // Escape in the note or a detail goes back to the text; leaving the field saves it.
      if (
        e.key === 'Escape' &&
        isTextField(e.target) &&
        (e.target as Element).closest('.details')
      ) {
        e.preventDefault();
        focusText();
        return;
      }
      const command = keyCommand({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        shiftKey: e.shiftKey,
        altKey: e.altKey,
        inTextField: isTextField(e.target),
        onControl: isControl(e.target),
      });
      if (!command) return;
      if (command.kind === 'tag') {
        const tag = tags.find((t) => t.hotkey === command.hotkey);
        if (!tag || !canTag) return;
        tagSelection(tag.id);
      } else {
        // Escape with nothing to close is left to the page (it lets go of a text selection).
        if (command.id === 'close-panels' && !canClosePanels) return;
        runCommand(command.id);
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canClosePanels, canTag, focusText, runCommand, tagSelection, tags]);

  // The desktop menu's commands; in a text field, Undo/Redo act on the text.
  useEffect(
    () =>
      client.onMenuCommand((command) => {
        if ((command === 'undo' || command === 'redo') && isTextField(document.activeElement))
          document.execCommand(command);
        else if (isCommandId(command)) runCommand(command);
        else if (canTag) tagSelection(command.slice('tag:'.length));
      }),
    [canTag, client, runCommand, tagSelection],
  );

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const files = [...e.dataTransfer.files];
    if (files.length && !readOnly) void commands.importFiles(files);
  };

  return (
    <ViewSettingsContext value={viewSettings}>
      <div
        className="app"
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            setDragging(true);
          }
        }}
        onDragLeave={(e) => {
          if (e.currentTarget === e.target) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <style>{highlightStyles(tags)}</style>
        <Toolbar
          tags={tags}
          canTag={!!open && !readOnly}
          canUndo={state.history.canUndo && !readOnly}
          canRedo={state.history.canRedo && !readOnly}
          canExport={!!workspace && workspace.documents.length > 0}
          onOpen={openFiles}
          onExport={() => setExporting(true)}
          onImport={() => importInput.current?.click()}
          canImport={!!workspace && !readOnly && workspace.documents.length > 0}
          onUndo={() => void commands.undo()}
          onRedo={() => void commands.redo()}
          onTag={tagSelection}
          onEditTags={() => setEditingTags(true)}
          canEditTags={!!workspace && !readOnly}
          placesShown={placesShown}
          searchShown={search.state.shown}
          onToggleSearch={() => (search.state.shown ? search.close() : openSearch('document'))}
          onTogglePlaces={() => setPlacesShown((shown) => !shown)}
          overviewShown={overviewShown}
          onToggleOverview={() => setOverviewShown((shown) => !shown)}
        />
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={ACCEPTED}
          hidden
          aria-label="Choose documents to open"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void commands.importFiles(files);
          }}
        />
        <input
          ref={importInput}
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          hidden
          aria-label="Choose an annotation file to import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            void commands.importAnnotations(file).then((report) => {
              if (report) setImported({ name: file.name, report });
            });
          }}
        />
        <main className="panes">
          {search.state.shown ? (
            <SearchPanel
              search={search.state}
              hasDocument={!!open}
              onQuery={search.setQuery}
              onScope={search.setScope}
              onJump={(hit) => void jumpToHit(hit)}
              onClose={search.close}
            />
          ) : (
            <Library
              documents={workspace?.documents ?? []}
              openId={open?.document.id ?? null}
              readOnly={readOnly}
              onOpen={(id) => void commands.openDocument(id)}
              onAddSamples={() => void commands.importSamples()}
            />
          )}
          <section
            className={`pane reader-pane${placesShown ? ' with-places' : ''}`}
            aria-label="Document"
          >
            {placesShown && (
              <div
                className="places-dock"
                style={
                  {
                    '--place': tags.find((t) => t.id === 'location')?.color,
                  } as React.CSSProperties
                }
              >
                <Suspense fallback={<p className="map-loading">Loading the map…</p>}>
                  <MapPanel
                    scope={mapScope}
                    onScopeChange={setMapScope}
                    passages={located.passages}
                    loading={located.loading}
                    onJump={(p) => void jumpTo(p.documentId, p.annotationId)}
                    onClose={() => setPlacesShown(false)}
                  />
                </Suspense>
              </div>
            )}
            {state.error && (
              <ErrorAlert
                message={state.error}
                onDismiss={commands.dismissError}
                action={
                  state.offerAsText.length
                    ? { label: 'Open as plain text', run: () => void commands.openAsText() }
                    : readOnly &&
                        !workspace?.inUseElsewhere &&
                        workspace?.problem &&
                        state.error === workspace.problem
                      ? { label: 'Restore from backup…', run: () => setBackupsShown(true) }
                      : undefined
                }
              />
            )}
            {overviewShown ? (
              <OverviewPanel
                client={client}
                documentId={openId ?? null}
                documentTitle={open?.document.title}
                tags={tags}
                version={openAnnotations}
                onJump={(documentId, annotationId) => {
                  setOverviewShown(false);
                  void jumpTo(documentId, annotationId);
                }}
                onShowPlaces={(scope) => {
                  setPlacesShown(true);
                  setMapScope(scope);
                }}
                onClose={focusText}
              />
            ) : open ? (
              <article className="reader" aria-label="Reader">
                <DocumentHeader
                  document={open.document}
                  words={words}
                  showTitle={!open.text.startsWith(open.document.title)}
                  source={state.source}
                  readOnly={readOnly}
                  onRename={(title) => void commands.renameDocument(open.document.id, title)}
                  onRemove={() => setConfirmRemove(true)}
                  onUpdateFromDisk={() => void commands.updateFromDisk()}
                  onSuggest={() => void commands.suggest()}
                />
                <Reader
                  key={open.document.id}
                  opened={open}
                  tags={tags}
                  selectedId={selectedId}
                  suggestions={state.suggestions ?? NO_SUGGESTIONS}
                  searchMatches={searchMatches}
                  searchCurrent={
                    search.state.current?.documentId === open.document.id
                      ? search.state.current
                      : null
                  }
                  onSelectAnnotation={commands.select}
                  handle={reader}
                />
              </article>
            ) : (
              !state.loading && (
                <div className="empty reader-empty">
                  <h1>Nothing open</h1>
                  <p>
                    {workspace?.documents.length
                      ? 'Choose a document from the library.'
                      : 'Open a .txt or Markdown file to start annotating, or add the sample articles.'}
                  </p>
                </div>
              )
            )}
          </section>
          {open ? (
            <DocumentAnalysisContext value={analysis}>
              <AnnotationsPanel
                annotations={open.annotations}
                tags={tags}
                selectedId={selectedId}
                replaced={state.replaced}
                readOnly={readOnly}
                documentId={open.document.id}
                pages={open.layout.pages}
                onSelect={selectAnnotation}
                onReattach={reattach}
                suggestions={
                  state.suggestions && (
                    <SuggestionsPanel
                      suggestions={state.suggestions}
                      tags={tags}
                      onShow={(s) => reader.current?.revealOffset(s.start)}
                      onAccept={(list) => void commands.acceptSuggestions(list)}
                      onReject={(s) => void commands.rejectSuggestion(s)}
                      onClose={commands.closeSuggestions}
                    />
                  )
                }
                onUpdate={(id, patch) => void commands.update(id, patch)}
                onDelete={(id) => void commands.remove(id)}
              />
            </DocumentAnalysisContext>
          ) : (
            <aside className="pane annotations" aria-label="Annotations panel" />
          )}
        </main>
        <StatusBar
          pendingWrites={state.pendingWrites}
          readOnly={readOnly}
          workspacePath={workspace?.path ?? null}
          notice={state.notice}
          importing={state.importing}
          onBackups={() => setBackupsShown(true)}
          onCommands={() => setPaletteShown(true)}
          onShortcuts={() => setShortcutsShown(true)}
        />
        {editingTags && (
          <TagEditor
            tags={tags}
            actions={commands.tagActions}
            onClose={() => setEditingTags(false)}
          />
        )}
        {exporting && workspace && (
          <ExportDialog
            documents={workspace.documents}
            openId={openId ?? null}
            tags={tags}
            onClose={() => setExporting(false)}
            onExport={(request) => {
              setExporting(false);
              void commands.exportAs(request);
            }}
          />
        )}
        {backupsShown && workspace && (
          <BackupsDialog
            list={commands.listBackups}
            damaged={readOnly}
            backupProblem={workspace.backupProblem ?? null}
            onClose={() => setBackupsShown(false)}
            onRestore={async (backup) => {
              const done = await commands.restoreBackup(backup);
              if (done) setBackupsShown(false);
              return done;
            }}
          />
        )}
        {imported && (
          <ImportReportDialog
            name={imported.name}
            report={imported.report}
            onClose={() => setImported(null)}
          />
        )}
        {confirmRemove && open && (
          <ConfirmDialog
            title="Remove document?"
            message={`“${open.document.title}” and its ${plural(open.annotations.length, 'annotation')} will leave this workspace. A copy is kept in the workspace's trash folder.`}
            confirmLabel="Remove"
            onCancel={() => setConfirmRemove(false)}
            onConfirm={() => {
              setConfirmRemove(false);
              void commands.removeDocument(open.document.id);
            }}
          />
        )}
        {paletteShown && (
          <CommandPalette commands={paletteCommands} onClose={() => setPaletteShown(false)} />
        )}
        {shortcutsShown && <ShortcutsDialog tags={tags} onClose={() => setShortcutsShown(false)} />}
        <div className="visually-hidden" aria-live="polite">
          {announcement}
        </div>
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            Drop files to open them
          </div>
        )}
      </div>
    </ViewSettingsContext>
  );
}

/** "1 annotation", "3 annotations". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
