import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { GlossClient } from '../api/client';
import type {
  FigureRow,
  OverviewItem,
  SpeakerGroup,
  StatusGroup,
  Tag,
  TagCount,
} from '../../../shared/api';
import { readableOn } from '../../../core/colors';
import type { FigureSortKey, SortDirection } from '../../../core/overview';
import { sortFigures } from '../../../core/overview';
import { ROW_BACKGROUNDS } from '../../../core/palettes';
import type { OverviewScope } from '../state/use-overview';
import { useOverview } from '../state/use-overview';
import { countOf } from './LiveMessage';
import './overview.css';

interface OverviewPanelProps {
  client: GlossClient;
  /** The open document, if any: the scope "This document" needs one. */
  documentId: string | null;
  documentTitle?: string | undefined;
  tags: readonly Tag[];
  /** Changes whenever the open document's annotations do: the overview is asked for again. */
  version: unknown;
  /** Open the annotation's document if needed and select it in the reader. */
  onJump(documentId: string, annotationId: string): void;
  /** Show the places map, of the same scope. */
  onShowPlaces(scope: OverviewScope): void;
  onClose(): void;
}

const SCOPES: readonly { value: OverviewScope; label: string }[] = [
  { value: 'workspace', label: 'Whole workspace' },
  { value: 'document', label: 'This document' },
];

const COLUMNS: readonly { key: FigureSortKey; label: string }[] = [
  { key: 'value', label: 'Value' },
  { key: 'unit', label: 'Unit' },
  { key: 'document', label: 'Document' },
  { key: 'passage', label: 'Passage' },
];

// Tag colours drawn as text are made readable on the overview's backgrounds in either theme
// (theme.css picks the current theme's --tag-ink), as in the annotations list.
const inkOn = (color: string) =>
  ({
    '--tag-color': color,
    '--tag-ink-light': ROW_BACKGROUNDS.light.reduce((ink, bg) => readableOn(ink, bg), color),
    '--tag-ink-dark': ROW_BACKGROUNDS.dark.reduce((ink, bg) => readableOn(ink, bg), color),
  }) as React.CSSProperties;

const number = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 6 });

/** "about 4.2", "10–12", "" when the figure has no number yet. */
const amount = (f: FigureRow) =>
  f.value === null
    ? ''
    : [f.qualifier, `${number(f.value)}${f.valueMax !== null ? `–${number(f.valueMax)}` : ''}`]
        .filter(Boolean)
        .join(' ');

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The whole case at a glance: counts, figures, places, quotes and claims, each a jump away. */
export function OverviewPanel({
  client,
  documentId,
  documentTitle,
  tags,
  version,
  onJump,
  onShowPlaces,
  onClose,
}: OverviewPanelProps) {
  const headingId = useId();
  const panel = useRef<HTMLElement>(null);
  const [chosenScope, setScope] = useState<OverviewScope>('workspace');
  // Without an open document only the workspace can be shown.
  const scope: OverviewScope = documentId ? chosenScope : 'workspace';
  const { overview, loading, problem } = useOverview(
    client,
    true,
    scope,
    documentId,
    version,
    tags,
  );
  const [sort, setSort] = useState<{ key: FigureSortKey; direction: SortDirection } | null>(null);
  const figures = useMemo(
    () =>
      overview && sort
        ? sortFigures(overview.figures, sort.key, sort.direction)
        : overview?.figures,
    [overview, sort],
  );
  const workspace = scope === 'workspace';
  const columns = workspace ? COLUMNS : COLUMNS.filter((c) => c.key !== 'document');

  // Focus comes into the overview when it opens, so Escape and Tab act in it.
  useEffect(() => {
    panel.current?.focus({ preventScroll: true });
  }, []);

  const jump = (item: OverviewItem) => onJump(item.documentId, item.annotationId);

  return (
    <section
      ref={panel}
      className="overview"
      aria-labelledby={headingId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <header className="overview-header">
        <h2 id={headingId} className="overview-title">
          Overview
        </h2>
        <div className="overview-scope" role="group" aria-label="Show the overview of">
          {SCOPES.map(({ value, label }) => (
            <button
              key={value}
              type="button"
              aria-pressed={scope === value}
              disabled={value === 'document' && !documentId}
              onClick={() => setScope(value)}
            >
              {label}
            </button>
          ))}
        </div>
        <button type="button" className="overview-close" onClick={onClose}>
          Close <span className="visually-hidden">overview</span>
        </button>
      </header>
      <p className="overview-summary" aria-live="polite">
        {problem
          ? problem
          : !overview
            ? 'Counting…'
            : `${countOf(overview.total, 'annotation')}${
                workspace
                  ? ` in ${countOf(overview.documents, 'document')}`
                  : documentTitle
                    ? ` in “${documentTitle}”`
                    : ''
              }${
                overview.orphans
                  ? ` · ${overview.orphans} without a passage (re-attach ${overview.orphans === 1 ? 'it' : 'them'} in the annotations panel)`
                  : ''
              }`}
      </p>
      {overview && (
        <div className="overview-body" aria-busy={loading || undefined}>
          <div className="overview-charts">
            <OverviewSection title="Annotations by tag">
              {overview.total === 0 ? (
                <p className="overview-empty">No annotations yet.</p>
              ) : (
                <BarChart
                  label="Annotations by tag"
                  rows={overview.byTag.map((t) => ({
                    key: t.tagId,
                    label: t.name,
                    count: t.count,
                    segments: [t],
                  }))}
                />
              )}
            </OverviewSection>
            {workspace && (
              <OverviewSection title="Annotations by document">
                {overview.documents === 0 ? (
                  <p className="overview-empty">No documents yet.</p>
                ) : (
                  <BarChart
                    labelsAbove
                    label="Annotations by document"
                    rows={overview.byDocument.map((d) => ({
                      key: d.documentId,
                      label: d.title,
                      count: d.count,
                      segments: d.byTag,
                      note: d.orphans ? `${d.orphans} without a passage` : '',
                    }))}
                  />
                )}
              </OverviewSection>
            )}
          </div>

          <OverviewSection title="Figures" count={overview.figures.length}>
            {figures && figures.length > 0 ? (
              <div className="overview-table-frame">
                <table className="overview-table">
                  <caption className="visually-hidden">
                    Figures
                    {sort
                      ? `, sorted by ${sort.key}, ${sort.direction === 'asc' ? 'ascending' : 'descending'}`
                      : ''}
                  </caption>
                  <thead>
                    <tr>
                      {columns.map((c) => {
                        const sorted = sort?.key === c.key ? sort.direction : null;
                        return (
                          <th
                            key={c.key}
                            scope="col"
                            className={`column-${c.key}`}
                            aria-sort={
                              sorted === 'asc'
                                ? 'ascending'
                                : sorted === 'desc'
                                  ? 'descending'
                                  : undefined
                            }
                          >
                            <button
                              type="button"
                              className="sort-button"
                              onClick={() =>
                                setSort({
                                  key: c.key,
                                  direction: sorted === 'asc' ? 'desc' : 'asc',
                                })
                              }
                            >
                              {c.label}
                              <span className="sort-mark" aria-hidden="true">
                                {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                              </span>
                            </button>
                          </th>
                        );
                      })}
                    </tr>
                  </thead>
                  <tbody>
                    {figures.map((f) => (
                      <tr key={`${f.documentId}/${f.annotationId}`}>
                        <td className="column-value">
                          {amount(f) || <span className="overview-faint">no value</span>}
                        </td>
                        <td className="column-unit">{f.unit}</td>
                        {workspace && <td className="column-document">{f.documentTitle}</td>}
                        <td className="column-passage">
                          <Passage item={f} onJump={jump} />
                          {f.counted && f.counted !== f.unit && (
                            <span className="overview-counted">{f.counted}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="overview-empty">No figures tagged yet.</p>
            )}
          </OverviewSection>

          <OverviewSection title="Places" count={overview.places.tagged}>
            {overview.places.tagged === 0 ? (
              <p className="overview-empty">No places tagged yet.</p>
            ) : (
              <div className="overview-places">
                <p>
                  {countOf(overview.places.tagged, 'place')} tagged,{' '}
                  {overview.places.located === overview.places.tagged
                    ? 'all on the map.'
                    : `${overview.places.located} on the map.`}
                </p>
                <button type="button" onClick={() => onShowPlaces(scope)}>
                  Show on the map
                </button>
              </div>
            )}
          </OverviewSection>

          <div className="overview-groups">
            <OverviewSection
              title="Quotes by speaker"
              count={overview.quotes.reduce((n, g) => n + g.items.length, 0)}
            >
              {overview.quotes.length === 0 ? (
                <p className="overview-empty">No quotes tagged yet.</p>
              ) : (
                overview.quotes.map((g) => (
                  <Group
                    key={g.speaker ?? ''}
                    title={g.speaker ?? 'Speaker not known'}
                    unknown={g.speaker === null}
                    group={g}
                    tag={tags.find((t) => t.id === 'quote')}
                    workspace={workspace}
                    onJump={jump}
                  />
                ))
              )}
            </OverviewSection>
            <OverviewSection
              title="Claims by status"
              count={overview.claims.reduce((n, g) => n + g.items.length, 0)}
            >
              {overview.claims.length === 0 ? (
                <p className="overview-empty">No claims tagged yet.</p>
              ) : (
                overview.claims.map((g) => (
                  <Group
                    key={g.status}
                    title={capitalised(g.status)}
                    group={g}
                    tag={tags.find((t) => t.id === 'claim')}
                    workspace={workspace}
                    onJump={jump}
                  />
                ))
              )}
            </OverviewSection>
          </div>
        </div>
      )}
    </section>
  );
}

function OverviewSection({
  title,
  count,
  children,
}: {
  title: string;
  count?: number;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <section className="overview-section" aria-labelledby={id}>
      <h3 id={id} className="overview-section-title">
        {title}
        {count ? <span className="count">{count}</span> : null}
      </h3>
      {children}
    </section>
  );
}

interface BarRow {
  key: string;
  label: string;
  count: number;
  /** Parts of the bar, in the tags' colours (one for a tag's own bar). */
  segments: readonly TagCount[];
  note?: string;
}

/** A horizontal bar chart: a label, a bar to scale and the number, one row each. */
function BarChart({
  label,
  rows,
  labelsAbove = false,
}: {
  label: string;
  rows: readonly BarRow[];
  /** For long labels: each above its bar rather than beside it. */
  labelsAbove?: boolean;
}) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <ul className={`bar-chart${labelsAbove ? ' labels-above' : ''}`} aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} className={`bar-row${row.count === 0 ? ' is-zero' : ''}`}>
          <span className="bar-label" title={row.label}>
            {row.segments.length === 1 && (
              <span className="swatch" style={inkOn(row.segments[0]!.color)} aria-hidden="true" />
            )}
            {row.label}
          </span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(row.count / max) * 100}%` }}>
              {row.segments
                .filter((s) => s.count > 0)
                .map((s) => (
                  <span
                    key={s.tagId}
                    className="bar-segment"
                    style={{ flexGrow: s.count, background: s.color }}
                    title={`${s.name}: ${s.count}`}
                  />
                ))}
            </span>
          </span>
          <span className="bar-value">
            {row.count}
            {row.segments.length > 1 && row.count > 0 && (
              <span className="visually-hidden">
                {': '}
                {row.segments
                  .filter((s) => s.count > 0)
                  .map((s) => `${s.count} ${s.name}`)
                  .join(', ')}
              </span>
            )}
          </span>
          {row.note && <span className="bar-note">{row.note}</span>}
        </li>
      ))}
    </ul>
  );
}

/** A passage to jump to (with its document under it), or, for an orphan, why there is none. */
function Passage({
  item,
  document,
  onJump,
}: {
  item: OverviewItem;
  document?: string | undefined;
  onJump(item: OverviewItem): void;
}) {
  const body = (
    <>
      <span className="overview-quote">{item.quote}</span>
      {document && <span className="overview-document">{document}</span>}
    </>
  );
  if (item.orphan)
    return (
      <span className="overview-passage is-orphan">
        {body}
        <span className="overview-faint">
          No passage: its text changed. Re-attach it in the annotations panel.
        </span>
      </span>
    );
  return (
    <button type="button" className="overview-passage" onClick={() => onJump(item)}>
      {body}
    </button>
  );
}

function Group({
  title,
  unknown = false,
  group,
  tag,
  workspace,
  onJump,
}: {
  title: string;
  unknown?: boolean;
  group: SpeakerGroup | StatusGroup;
  tag: Tag | undefined;
  workspace: boolean;
  onJump(item: OverviewItem): void;
}) {
  const id = useId();
  return (
    <div className="overview-group" style={tag ? inkOn(tag.color) : undefined}>
      <h4 id={id} className={`overview-group-title${unknown ? ' is-unknown' : ''}`}>
        {title} <span className="count">{group.items.length}</span>
      </h4>
      <ul className="overview-items" aria-labelledby={id}>
        {group.items.map((item) => (
          <li key={`${item.documentId}/${item.annotationId}`}>
            <Passage
              item={item}
              document={workspace ? item.documentTitle : undefined}
              onJump={onJump}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}
