import type { EmbedOptions } from 'vega-embed';

/**
 * How every chart is embedded under the page's CSP, which allows no eval and no inline <style>:
 * Vega reads expressions with its interpreter (`ast`), and vega-embed and its tooltip add no
 * style elements (VegaChart.svelte's CSS styles them instead).
 */
export const embedOptions = {
  actions: false,
  ast: true,
  defaultStyle: false,
  tooltip: { disableDefaultStyle: true },
} satisfies EmbedOptions;
