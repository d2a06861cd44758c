export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Charts fill their cell's width; heights stay modest so a notebook scrolls well. */
export const CHART_WIDTH = 'container';
export const CHART_HEIGHT = 220;
