import type { ScheduleSpec } from './runtime';

/** The learning rate of each epoch; `plateau` also needs each epoch's validation loss. */
export interface LearningRateSchedule {
  rateFor(epoch: number): number;
  /** Called after every epoch with its validation loss. */
  observe(validationLoss: number): void;
}

/**
 * `step` multiplies the rate by `factor` every `everyEpochs` epochs; `cosine` anneals it from the
 * base rate towards 0 over the epoch budget (SGDR without restarts); `plateau` multiplies it by
 * `factor` once the validation loss has not improved for `patience` epochs, as Keras'
 * ReduceLROnPlateau, then waits another `patience` epochs before reducing again.
 */
export function createSchedule(spec: ScheduleSpec, baseRate: number, epochs: number): LearningRateSchedule {
  switch (spec.kind) {
    case 'constant':
      return { rateFor: () => baseRate, observe: () => {} };
    case 'step':
      return { rateFor: (epoch) => baseRate * spec.factor ** Math.floor((epoch - 1) / spec.everyEpochs), observe: () => {} };
    case 'cosine':
      return { rateFor: (epoch) => 0.5 * baseRate * (1 + Math.cos((Math.PI * (epoch - 1)) / Math.max(1, epochs))), observe: () => {} };
    case 'plateau': {
      let rate = baseRate;
      let best = Infinity;
      let waited = 0;
      return {
        rateFor: () => rate,
        observe(validationLoss) {
          if (validationLoss < best) {
            best = validationLoss;
            waited = 0;
          } else if (++waited >= spec.patience) {
            rate *= spec.factor;
            waited = 0;
          }
        },
      };
    }
  }
}
