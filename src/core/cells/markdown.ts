import type { CellKind } from './types';

export interface MarkdownParams {
  text: string;
}

/** A prose note between analysis cells; the view renders it with raw HTML disabled. */
export const markdownCell: CellKind<MarkdownParams, null> = {
  kind: 'markdown',
  label: 'Note',
  description: 'A Markdown note: explain a step, record a finding.',
  inputs: [],
  output: null,
  note: true,
  fields: [{ key: 'text', label: 'Text', type: 'markdown' }],
  defaults: () => ({ text: '' }),
  run: async () => ({ view: null, summary: {} }),
};
