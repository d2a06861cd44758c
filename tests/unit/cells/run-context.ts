import type { RunContext } from '../../../src/core/cells/types';

/** A context for running data cells directly: never cancelled, no training runtime. */
export function dataRunContext(): RunContext {
  return {
    signal: new AbortController().signal,
    progress: () => {},
    yieldToHost: async () => {},
    ml: () => Promise.reject(new Error('data cells do not train')),
    memoryBudgetBytes: 1 << 30,
    keptModel: (id) => Promise.reject(new Error(`no model ${id} is kept here`)),
  };
}

export function csvDataset(text: string, name = 'sessions.csv') {
  return { name, bytes: new TextEncoder().encode(text) };
}
