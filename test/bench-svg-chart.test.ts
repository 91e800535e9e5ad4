import { describe, expect, it } from 'vitest';
import { formatCount, niceCeiling, renderChart } from '../src/bench/svg-chart.js';

describe('SVG chart', () => {
  it('rounds axis maxima up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(13)).toBe(20);
    expect(niceCeiling(0.42)).toBe(0.5);
    expect(niceCeiling(600)).toBe(1000);
    expect(niceCeiling(0)).toBe(1);
  });

  it('labels counts compactly', () => {
    expect([formatCount(100), formatCount(1000), formatCount(100_000), formatCount(2_000_000)]).toEqual(['100', '1k', '100k', '2M']);
  });

  it('draws one standalone SVG with a panel per spec, a line and a point per value, and escaped text', () => {
    const svg = renderChart('Latency & memory', [
      { title: 'p95', xLabel: 'chunks', yLabel: 'ms', series: [{ name: 'search <GET>', color: '#06c', points: [[1000, 3], [10_000, 9]] }], reference: { value: 15, label: 'target' } },
      { title: 'RSS', xLabel: 'chunks', yLabel: 'MB', series: [{ name: 'peak', color: '#c00', points: [[1000, 200]] }] },
    ]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toContain('Latency &amp; memory');
    expect(svg).toContain('search &lt;GET&gt;');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).not.toContain('NaN');
  });
});
