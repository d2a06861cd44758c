import embed from 'vega-embed';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_PNG_SCALE } from '../../core/notebook/ipynb';
import { embedOptions } from './embed-options';

/**
 * A chart as PNG (base64, without the data: prefix), drawn off-screen with the same Vega the page
 * uses, embedded as the page's CSP allows.
 */
export async function renderChartPng(spec: TopLevelSpec): Promise<string> {
  const result = await embed(document.createElement('div'), spec, { ...embedOptions, renderer: 'none' });
  try {
    const url = await result.view.toImageURL('png', CHART_PNG_SCALE);
    return url.slice(url.indexOf(',') + 1);
  } finally {
    result.finalize();
  }
}
