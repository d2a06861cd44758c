import embed from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { embedOptions } from './embed-options';

/** Twice the CSS size, so exported charts stay sharp on high-density screens. */
const SCALE = 2;

/**
 * A chart as PNG (base64, without the data: prefix), drawn off-screen with the same Vega the page
 * uses, embedded as the page's CSP allows.
 */
export async function renderChartPng(spec: TopLevelSpec): Promise<string> {
  const result = await embed(document.createElement('div'), spec, { ...embedOptions, renderer: 'none' });
  try {
    const url = await result.view.toImageURL('png', SCALE);
    return url.slice(url.indexOf(',') + 1);
  } finally {
    result.finalize();
  }
}
