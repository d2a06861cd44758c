import { describe, expect, it } from 'vitest';
import { createSchedule } from '../../../src/core/model/schedules';

describe('learning rate schedules', () => {
  it('constant keeps the base rate', () => {
    const schedule = createSchedule({ kind: 'constant' }, 0.01, 10);
    expect([1, 5, 10].map(schedule.rateFor)).toEqual([0.01, 0.01, 0.01]);
  });

  it('step multiplies by the factor every few epochs', () => {
    const schedule = createSchedule({ kind: 'step', everyEpochs: 2, factor: 0.5 }, 1, 10);
    expect([1, 2, 3, 4, 5].map(schedule.rateFor)).toEqual([1, 1, 0.5, 0.5, 0.25]);
  });

  it('cosine starts at the base rate and is half of it midway', () => {
    const schedule = createSchedule({ kind: 'cosine' }, 1, 4);
    expect(schedule.rateFor(1)).toBeCloseTo(1, 12);
    expect(schedule.rateFor(3)).toBeCloseTo(0.5, 12);
    expect(schedule.rateFor(4)).toBeLessThan(0.2);
  });

  it('plateau reduces the rate after `patience` epochs without improvement, then waits again', () => {
    const schedule = createSchedule({ kind: 'plateau', patience: 2, factor: 0.1 }, 1, 10);
    const rates: number[] = [];
    for (const loss of [1, 0.9, 0.95, 0.96, 0.97, 0.98]) {
      schedule.observe(loss);
      rates.push(schedule.rateFor(0));
    }
    expect(rates.map((rate) => Number(rate.toPrecision(6)))).toEqual([1, 1, 1, 0.1, 0.1, 0.01]);
  });
});
