import { describe, expect, it } from 'vitest';
import type { CellDocument, NotebookDocument } from '../../../src/core/notebook/document';
import { updateCellParams } from '../../../src/core/notebook/operations';
import { ancestorsOf, cellStatus, planNotebook, type CellPlan } from '../../../src/core/runtime/plan';
import type { CellRecord } from '../../../src/core/runtime/record';

const cell = (id: string, kind: string, params: Record<string, unknown> = {}): CellDocument => ({ id, kind, params });

const pipeline = (): NotebookDocument => ({
  schemaVersion: 2,
  id: 'nb',
  title: 'Two models',
  cells: [
    cell('load', 'load'),
    cell('note', 'markdown', { text: 'Why' }),
    cell('clean', 'clean'),
    cell('eda', 'eda'),
    cell('encode', 'encode'),
    cell('trainA', 'train-mlp'),
    cell('evaluateA', 'evaluate'),
    cell('trainB', 'train-mlp'),
    cell('evaluateB', 'evaluate'),
  ],
});

const stamps = (plans: CellPlan[]) => Object.fromEntries(plans.map((plan) => [plan.cellId, plan.stamp]));
const byId = (plans: CellPlan[], id: string) => plans.find((plan) => plan.cellId === id)!;

function changedCells(before: NotebookDocument, after: NotebookDocument, datasetBefore = 'data-1', datasetAfter = 'data-1'): string[] {
  const old = stamps(planNotebook(before, datasetBefore));
  return planNotebook(after, datasetAfter)
    .filter((plan) => plan.stamp !== old[plan.cellId])
    .map((plan) => plan.cellId);
}

const recordFor = (plan: CellPlan, status: CellRecord['status'] = 'done'): CellRecord => ({
  cellId: plan.cellId,
  kind: plan.kind!.kind,
  stamp: plan.stamp,
  status,
  ms: 1,
  finishedAt: '2024-01-01T00:00:00.000Z',
});

describe('planNotebook', () => {
  it('takes each input from the nearest earlier producer', () => {
    const plans = planNotebook(pipeline(), 'data-1');
    expect(byId(plans, 'clean').inputs).toEqual({ table: 'load' });
    expect(byId(plans, 'eda').inputs).toEqual({ table: 'clean' });
    expect(byId(plans, 'encode').inputs).toEqual({ table: 'clean' });
    expect(byId(plans, 'trainA').inputs).toEqual({ features: 'encode' });
    expect(byId(plans, 'evaluateA').inputs).toEqual({ model: 'trainA' });
    expect(byId(plans, 'trainB').inputs).toEqual({ features: 'encode' });
    expect(byId(plans, 'evaluateB').inputs).toEqual({ model: 'trainB' });
  });

  it('lists the inputs no earlier cell produces', () => {
    const doc = { ...pipeline(), cells: [cell('evaluate', 'evaluate'), cell('load', 'load')] };
    const [evaluate] = planNotebook(doc, 'data-1');
    expect(evaluate.missing).toEqual(['model']);
    expect(evaluate.inputs).toEqual({});
  });

  it('wires Score to the Train cell above only when no kept model is picked', () => {
    const scored = (params: Record<string, unknown>) => ({ ...pipeline(), cells: [...pipeline().cells, cell('score', 'score', params)] });
    expect(byId(planNotebook(scored({}), 'data-1'), 'score').inputs).toEqual({ table: 'clean', model: 'trainB' });
    const kept = byId(planNotebook(scored({ model: 'kept-1' }), 'data-1'), 'score');
    expect(kept.inputs).toEqual({ table: 'clean' });
    expect(ancestorsOf(planNotebook(scored({ model: 'kept-1' }), 'data-1'), 'score')).toEqual(['load', 'clean']);
    expect(changedCells(scored({ model: 'kept-1' }), updateCellParams(scored({ model: 'kept-1' }), 'trainB', { epochs: 3 }))).toEqual(['trainB', 'evaluateB']);
  });

  it('is stable: the same document and dataset give the same stamps', () => {
    expect(stamps(planNotebook(pipeline(), 'data-1'))).toEqual(stamps(planNotebook(pipeline(), 'data-1')));
  });

  it('changes the stamps of a changed cell and its dependants only', () => {
    const before = pipeline();
    const after = updateCellParams(before, 'encode', { seed: 7 });
    expect(changedCells(before, after)).toEqual(['encode', 'trainA', 'evaluateA', 'trainB', 'evaluateB']);
  });

  it('keeps the other branch when one of two Train cells changes', () => {
    const before = pipeline();
    const after = updateCellParams(before, 'trainA', { epochs: 3 });
    expect(changedCells(before, after)).toEqual(['trainA', 'evaluateA']);
  });

  it('makes the whole chain from Load stale when the dataset changes, but not the note', () => {
    const doc = pipeline();
    expect(changedCells(doc, doc, 'data-1', 'data-2')).toEqual(['load', 'clean', 'eda', 'encode', 'trainA', 'evaluateA', 'trainB', 'evaluateB']);
  });

  it('treats an explicit default like an omitted parameter, and ignores keys the kind does not have', () => {
    const before = pipeline();
    const plans = planNotebook(before, 'data-1');
    const explicitDefault = updateCellParams(before, 'load', { target: byId(plans, 'load').kind!.defaults().target });
    const unknownKey = updateCellParams(before, 'load', { colour: 'blue' });
    expect(changedCells(before, explicitDefault)).toEqual([]);
    expect(changedCells(before, unknownKey)).toEqual([]);
  });

  it('rewires Evaluate to the nearer Train cell when one moves above it', () => {
    const doc = pipeline();
    const trainB = doc.cells.find((c) => c.id === 'trainB')!;
    const cells = doc.cells.filter((c) => c !== trainB);
    cells.splice(cells.findIndex((c) => c.id === 'evaluateA'), 0, trainB);
    const plans = planNotebook({ ...doc, cells }, 'data-1');
    expect(byId(plans, 'evaluateA').inputs).toEqual({ model: 'trainB' });
    expect(byId(plans, 'evaluateB').inputs).toEqual({ model: 'trainB' });
  });
});

describe('cellStatus', () => {
  it('is idle without a record, and the record status while the stamp matches', () => {
    const plan = byId(planNotebook(pipeline(), 'data-1'), 'clean');
    expect(cellStatus(plan, undefined)).toBe('idle');
    expect(cellStatus(plan, recordFor(plan))).toBe('done');
    expect(cellStatus(plan, recordFor(plan, 'error'))).toBe('error');
  });

  it('marks the edited cell and its dependants stale, not unrelated cells', () => {
    const before = planNotebook(pipeline(), 'data-1');
    const records = new Map(before.map((plan) => [plan.cellId, recordFor(plan)]));
    const after = planNotebook(updateCellParams(pipeline(), 'clean', { steps: [] }), 'data-1');
    const statuses = Object.fromEntries(after.map((plan) => [plan.cellId, cellStatus(plan, records.get(plan.cellId))]));
    expect(statuses).toEqual({
      load: 'done',
      note: 'idle',
      clean: 'stale',
      eda: 'stale',
      encode: 'stale',
      trainA: 'stale',
      evaluateA: 'stale',
      trainB: 'stale',
      evaluateB: 'stale',
    });
  });
});

describe('ancestorsOf', () => {
  it('lists every cell a cell depends on, in document order, skipping the other branch', () => {
    const plans = planNotebook(pipeline(), 'data-1');
    expect(ancestorsOf(plans, 'evaluateB')).toEqual(['load', 'clean', 'encode', 'trainB']);
    expect(ancestorsOf(plans, 'eda')).toEqual(['load', 'clean']);
    expect(ancestorsOf(plans, 'load')).toEqual([]);
  });
});
