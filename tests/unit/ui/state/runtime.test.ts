import { describe, expect, it } from 'vitest';
import type { CellRecord } from '../../../../src/core/runtime/record';
import { RuntimeState } from '../../../../src/ui/state/runtime.svelte';

const record = (cellId: string): CellRecord => ({ cellId, kind: 'eda', stamp: `s-${cellId}`, status: 'done', ms: 5, finishedAt: '2026-11-21T12:00:00.000Z' });
const interrupted = { cellId: 'train', startedAt: '2026-11-21T12:05:00.000Z' };

describe('runtime state of a project', () => {
  it('says which cell started and has not finished, with its start time, until it finishes', () => {
    const runtime = new RuntimeState();
    expect(runtime.unfinished).toEqual([]);
    runtime.start('train');
    expect(runtime.runningCellId).toBe('train');
    expect(runtime.unfinished).toEqual([{ cellId: 'train', startedAt: expect.any(String) }]);
    runtime.finish(record('train'));
    expect(runtime.unfinished).toEqual([]);
    expect(runtime.records.train).toEqual(record('train'));
  });

  it('keeps a cell a closed page left running as unfinished until it runs again, whatever runs meanwhile', () => {
    const runtime = new RuntimeState();
    runtime.restore([record('load')], [interrupted]);
    expect(runtime.wasInterrupted('train')).toBe(true);
    expect(runtime.unfinished).toEqual([interrupted]);
    runtime.start('load');
    expect(runtime.unfinished).toEqual([interrupted, { cellId: 'load', startedAt: expect.any(String) }]);
    runtime.finish(record('load'));
    expect(runtime.unfinished).toEqual([interrupted]);
    runtime.start('train');
    expect(runtime.wasInterrupted('train')).toBe(false);
    expect(runtime.unfinished.map((cell) => cell.cellId)).toEqual(['train']);
    runtime.endRun('train');
    expect(runtime.unfinished).toEqual([]);
  });

  it('forgets the interrupted mark when its cell is deleted', () => {
    const runtime = new RuntimeState();
    runtime.restore([record('load')], [interrupted]);
    runtime.keepOnly(new Set(['load']));
    expect(runtime.wasInterrupted('train')).toBe(false);
    expect(Object.keys(runtime.records)).toEqual(['load']);
  });
});
