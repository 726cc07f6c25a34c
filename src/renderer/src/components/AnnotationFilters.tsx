import type { Tag } from '../../../shared/api';
import { CLAIM_STATUSES } from '../../../core/details';
import type { AnnotationFilter, FilterCounts, NoteChoice } from '../state/annotation-filter';
import { NO_FILTER, isFiltering, toggled } from '../state/annotation-filter';
import './annotation-filters.css';

interface AnnotationFiltersProps {
  tags: readonly Tag[];
  counts: FilterCounts;
  filter: AnnotationFilter;
  onChange(filter: AnnotationFilter): void;
}

const NOTE_LABELS: Record<NoteChoice, string> = { with: 'With note', without: 'Without note' };

/** One toggle chip: pressed while its choice filters the list. */
function Chip(props: {
  label: string;
  count: number;
  pressed: boolean;
  color?: string | undefined;
  onToggle(): void;
}) {
  return (
    <button
      type="button"
      className="filter-chip"
      aria-pressed={props.pressed}
      onClick={props.onToggle}
      style={props.color ? ({ '--tag-color': props.color } as React.CSSProperties) : undefined}
    >
      {props.color && <span className="swatch" aria-hidden="true" />}
      {props.label} <span className="filter-count">{props.count}</span>
    </button>
  );
}

/**
 * Chips that narrow the annotations list: by tag, claim status, note, orphans. Only choices
 * some annotation has are offered (and any still pressed), each with how many have it.
 */
export function AnnotationFilters({ tags, counts, filter, onChange }: AnnotationFiltersProps) {
  const shownTags = tags.filter((t) => counts.tags.has(t.id) || filter.tags.includes(t.id));
  const shownStatuses = CLAIM_STATUSES.filter(
    (s) => counts.statuses.has(s) || filter.statuses.includes(s),
  );
  const set = (patch: Partial<AnnotationFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="annotation-filters" role="group" aria-label="Filter annotations">
      <div className="filter-row" role="group" aria-label="By tag">
        {shownTags.map((t) => (
          <Chip
            key={t.id}
            label={t.name}
            color={t.color}
            count={counts.tags.get(t.id) ?? 0}
            pressed={filter.tags.includes(t.id)}
            onToggle={() => set({ tags: toggled(filter.tags, t.id) })}
          />
        ))}
      </div>
      {shownStatuses.length > 0 && (
        <div className="filter-row" role="group" aria-label="By claim status">
          {shownStatuses.map((s) => (
            <Chip
              key={s}
              label={s}
              count={counts.statuses.get(s) ?? 0}
              pressed={filter.statuses.includes(s)}
              onToggle={() => set({ statuses: toggled(filter.statuses, s) })}
            />
          ))}
        </div>
      )}
      <div className="filter-row" role="group" aria-label="By note and state">
        {(['with', 'without'] as const).map((choice) => (
          <Chip
            key={choice}
            label={NOTE_LABELS[choice]}
            count={counts.notes.get(choice) ?? 0}
            pressed={filter.notes.includes(choice)}
            onToggle={() => set({ notes: toggled(filter.notes, choice) })}
          />
        ))}
        {(counts.orphans > 0 || filter.orphanedOnly) && (
          <Chip
            label="Orphaned only"
            count={counts.orphans}
            pressed={filter.orphanedOnly}
            onToggle={() => set({ orphanedOnly: !filter.orphanedOnly })}
          />
        )}
        {isFiltering(filter) && (
          <button type="button" className="link-button" onClick={() => onChange(NO_FILTER)}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}
