import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { pointRadius, type MapPoint } from '../../../core/map-points';

/** The map's own coordinates; CSS scales the SVG to its container's width. */
export const MAP_WIDTH = 720;
export const MAP_HEIGHT = 380;
/** The narrowest frame around the places shown (~24° of longitude, 30° with the margin): enough
 * to part towns a hundred kilometres apart, before the 1:110m coastlines turn blocky. */
const MIN_FRAME_WIDTH = 48;

interface Geography {
  sphere: string;
  graticule: string;
  land: string;
  project(lon: number, lat: number): [number, number] | null;
}

let cached: Geography | undefined;

/** The projected world, computed once on first use: the same paths serve every render. */
function geography(): Geography {
  if (cached) return cached;
  const sphere = { type: 'Sphere' } as const;
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    sphere,
  );
  const path = geoPath(projection);
  // The JSON's inferred type has `type: string`; the file is a TopoJSON Topology.
  const topology = world as unknown as Parameters<typeof feature>[0];
  const countries = feature(topology, topology.objects['countries']!);
  cached = {
    sphere: path(sphere) ?? '',
    graticule: path(geoGraticule10()) ?? '',
    land: path(countries) ?? '',
    project: (lon, lat) => projection([lon, lat]),
  };
  return cached;
}

interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

const WHOLE_WORLD: Frame = { x: 0, y: 0, width: MAP_WIDTH, height: MAP_HEIGHT };

/** The part of the map to show: the places with room around them for their circles, never
 * narrower than MIN_FRAME_WIDTH, in the map's proportions and inside the world. Places spread
 * over half the world show all of it. */
function frameAround(xys: readonly [number, number][]): Frame {
  if (xys.length === 0) return WHOLE_WORLD;
  const xs = xys.map(([x]) => x);
  const ys = xys.map(([, y]) => y);
  const [left, right, top, bottom] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  let width = Math.max(right - left, MIN_FRAME_WIDTH);
  let height = bottom - top;
  if (width / height < MAP_WIDTH / MAP_HEIGHT) width = (height * MAP_WIDTH) / MAP_HEIGHT;
  else height = (width * MAP_HEIGHT) / MAP_WIDTH;
  // A margin of about a ninth of the frame on each side: a big circle and a label fit.
  width *= 1.25;
  height *= 1.25;
  if (width >= MAP_WIDTH * 0.5) return WHOLE_WORLD;
  const clamp = (v: number, size: number, limit: number) => Math.min(Math.max(v, 0), limit - size);
  return {
    x: clamp((left + right) / 2 - width / 2, width, MAP_WIDTH),
    y: clamp((top + bottom) / 2 - height / 2, height, MAP_HEIGHT),
    width,
    height,
  };
}

const mentions = (n: number) => `${n} ${n === 1 ? 'mention' : 'mentions'}`;

interface WorldMapProps {
  points: readonly MapPoint[];
  selectedKey: string | null;
  /** A point was activated: its key, or null when the selected one is activated again. */
  onSelect(key: string | null): void;
}

/**
 * An offline world map (Natural Earth 1:110m, no tiles) with a circle per place, its area
 * growing with the mentions. Zoomed to the places shown. Each circle is a button.
 */
export function WorldMap({ points, selectedKey, onSelect }: WorldMapProps) {
  const geo = geography();
  const svgRef = useRef<SVGSVGElement>(null);
  // Rendered pixels per map unit, so circles and labels keep their size in pixels.
  const [pxPerUnit, setPxPerUnit] = useState(1);

  const placed = useMemo(
    () =>
      points.flatMap((point) => {
        const xy = geo.project(point.lon, point.lat);
        return xy ? [{ point, x: xy[0], y: xy[1] }] : [];
      }),
    [points, geo],
  );
  const frame = useMemo(() => frameAround(placed.map(({ x, y }) => [x, y])), [placed]);

  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry!.contentRect;
      const scale = Math.min(width / frame.width, height / frame.height);
      if (scale > 0) setPxPerUnit(scale);
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, [frame]);

  const maxCount = Math.max(1, ...points.map((p) => p.passages.length));
  // Largest first, so the small ones are drawn on top and stay clickable.
  const ordered = [...placed].sort((a, b) => b.point.passages.length - a.point.passages.length);
  const selected = placed.find((p) => p.point.key === selectedKey);
  const radius = (p: MapPoint) => pointRadius(p.passages.length, maxCount) / pxPerUnit;
  // Labels go right of the point unless that runs off the frame.
  const onRight = ({ x }: { x: number }) => x < frame.x + frame.width * 0.7;

  return (
    <svg
      ref={svgRef}
      className="world-map"
      viewBox={`${frame.x} ${frame.y} ${frame.width} ${frame.height}`}
      role="group"
      aria-label="World map"
    >
      <path className="world-map-sphere" d={geo.sphere} />
      <path className="world-map-graticule" d={geo.graticule} />
      <path className="world-map-land" d={geo.land} />
      <g className="world-map-points">
        {ordered.map(({ point, x, y }) => {
          const label = `${point.name}, ${mentions(point.passages.length)}`;
          const activate = () => onSelect(point.key === selectedKey ? null : point.key);
          return (
            <circle
              key={point.key}
              className="world-map-point"
              cx={x}
              cy={y}
              r={radius(point)}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={point.key === selectedKey}
              onClick={activate}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  activate();
                }
              }}
            >
              <title>{label}</title>
            </circle>
          );
        })}
      </g>
      {selected && (
        <g className="world-map-selection" aria-hidden="true">
          <circle
            className="world-map-ring"
            cx={selected.x}
            cy={selected.y}
            r={radius(selected.point) + 3 / pxPerUnit}
          />
          <text
            className="world-map-label"
            x={selected.x + (radius(selected.point) + 6 / pxPerUnit) * (onRight(selected) ? 1 : -1)}
            y={selected.y}
            textAnchor={onRight(selected) ? 'start' : 'end'}
            dominantBaseline="central"
            fontSize={12 / pxPerUnit}
          >
            {selected.point.name}
          </text>
        </g>
      )}
    </svg>
  );
}
