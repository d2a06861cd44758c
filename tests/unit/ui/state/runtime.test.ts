import { describe, expect, it } from 'vitest';
import type { CellRecord } from '../../../../src/core/runtime/record';
import { RuntimeState } from '../../../../src/ui/state/runtime.svelte';

const record = (cellId: string): CellRecord => ({ cellId, kind: 'eda', stamp: `s-${cellId}`, status: 'done', ms: 5, finishedAt: '2026-11-21T12:00:00.000Z' });
const interrupted = { cellId: 'train', startedAt: '2026-11-21T12:05:00.000Z' };

describe('runtime state of a project', () => {
  it('says which cell started and has not finished, with its start time, until it finishes', () => {
    const runtime = new RuntimeState();
    expect(runtime.unfinished).toBeNull();
    runtime.start('train');
    expect(runtime.runningCellId).toBe('train');
    expect(runtime.unfinished).toMatchObject({ cellId: 'train', startedAt: expect.any(String) });
    runtime.finish(record('train'));
    expect(runtime.unfinished).toBeNull();
    expect(runtime.records.train).toEqual(record('train'));
  });

  it('keeps a cell a closed page left running as unfinished until it runs again', () => {
    const runtime = new RuntimeState();
    runtime.restore([record('load')], interrupted);
    expect(runtime.interrupted).toEqual(interrupted);
    expect(runtime.unfinished).toEqual(interrupted);
    runtime.start('load');
    runtime.finish(record('load'));
    expect(runtime.unfinished).toEqual(interrupted);
    runtime.start('train');
    expect(runtime.interrupted).toBeNull();
    runtime.endRun('train');
    expect(runtime.unfinished).toBeNull();
  });

  it('forgets the interrupted mark when its cell is deleted', () => {
    const runtime = new RuntimeState();
    runtime.restore([record('load')], interrupted);
    runtime.keepOnly(new Set(['load']));
    expect(runtime.interrupted).toBeNull();
    expect(Object.keys(runtime.records)).toEqual(['load']);
  });
});
