/** A small hand-written SVG line chart: panels side by side, log-scaled x axis, linear y axis from zero. */

export interface ChartSeries {
  name: string;
  color: string;
  points: readonly [number, number][];
}

export interface ChartPanel {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly ChartSeries[];
  /** Optional horizontal reference line (a target), drawn dashed. */
  reference?: { value: number; label: string };
}

const PANEL_WIDTH = 420;
const PANEL_HEIGHT = 300;
const MARGIN = { left: 60, right: 20, top: 40, bottom: 50 };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A round upper bound for an axis: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((m) => m * power).find((c) => c >= value) ?? 10 * power);
}

/** Short labels for counts: 1000 → 1k, 100000 → 100k. */
export function formatCount(n: number): string {
  if (n >= 1e6) return `${n / 1e6}M`;
  if (n >= 1e3) return `${n / 1e3}k`;
  return String(n);
}

function panel(spec: ChartPanel, offsetX: number): string {
  const width = PANEL_WIDTH - MARGIN.left - MARGIN.right;
  const height = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const points = spec.series.flatMap((s) => s.points);
  const xs = points.map(([x]) => x).filter((x) => x > 0);
  const minExp = xs.length ? Math.floor(Math.log10(Math.min(...xs))) : 0;
  const maxExp = Math.max(minExp + 1, xs.length ? Math.ceil(Math.log10(Math.max(...xs))) : 1);
  const yMax = niceCeiling(Math.max(...points.map(([, y]) => y), spec.reference?.value ?? 0) * 1.05);
  const sx = (x: number) => MARGIN.left + ((Math.log10(x) - minExp) / (maxExp - minExp)) * width;
  const sy = (y: number) => MARGIN.top + height - (y / yMax) * height;
  const parts: string[] = [`<g transform="translate(${offsetX},0)">`];
  parts.push(`<text x="${PANEL_WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold">${escapeXml(spec.title)}</text>`);
  parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${width}" height="${height}" fill="none" stroke="#999"/>`);
  for (let e = minExp; e <= maxExp; e++) {
    const x = sx(10 ** e);
    parts.push(`<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${MARGIN.top + height}" stroke="#eee"/>`);
    parts.push(`<text x="${x}" y="${MARGIN.top + height + 16}" text-anchor="middle" font-size="11">${formatCount(10 ** e)}</text>`);
  }
  for (let i = 0; i <= 5; i++) {
    const value = (yMax * i) / 5;
    const y = sy(value);
    parts.push(`<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + width}" y2="${y}" stroke="#eee"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${Number(value.toPrecision(3))}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + width / 2}" y="${PANEL_HEIGHT - 12}" text-anchor="middle" font-size="12">${escapeXml(spec.xLabel)}</text>`);
  parts.push(
    `<text x="14" y="${MARGIN.top + height / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 14 ${MARGIN.top + height / 2})">${escapeXml(spec.yLabel)}</text>`,
  );
  if (spec.reference) {
    const y = sy(spec.reference.value);
    parts.push(`<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + width}" y2="${y}" stroke="#c00" stroke-dasharray="5,4"/>`);
    parts.push(`<text x="${MARGIN.left + 6}" y="${y - 4}" font-size="11" fill="#c00">${escapeXml(spec.reference.label)}</text>`);
  }
  spec.series.forEach((series, i) => {
    const path = series.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${series.color}" stroke-width="2"/>`);
    for (const [x, y] of series.points) {
      parts.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3.5" fill="${series.color}"><title>${escapeXml(`${series.name}: ${y} at ${formatCount(x)}`)}</title></circle>`);
    }
    const ly = MARGIN.top + 14 + i * 16;
    parts.push(`<rect x="${MARGIN.left + 8}" y="${ly - 9}" width="12" height="3" fill="${series.color}"/>`);
    parts.push(`<text x="${MARGIN.left + 26}" y="${ly - 4}" font-size="11">${escapeXml(series.name)}</text>`);
  });
  parts.push('</g>');
  return parts.join('\n');
}

/**
 * Renders panels side by side as one standalone SVG document.
 * @example renderChart('Scaling', [{ title: 'p95', xLabel: 'chunks', yLabel: 'ms', series: [{ name: 'search', color: '#06c', points: [[1000, 3]] }] }])
 */
export function renderChart(title: string, panels: readonly ChartPanel[]): string {
  const width = PANEL_WIDTH * panels.length;
  const height = PANEL_HEIGHT + 30;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<g transform="translate(0,30)">`,
    ...panels.map((p, i) => panel(p, i * PANEL_WIDTH)),
    '</g>',
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
