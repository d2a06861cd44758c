import type { FeatureMatrix } from '../cells/types';
import { applyLog1pBackTransform, type Log1pBackTransform } from './log-back-transform';
import type { TrainedRegressor } from './runtime';

/**
 * A hurdle model: P(target > 0) from a classifier times the expected amount given a positive
 * target, E[y] = P(y > 0) · E[y | y > 0]. The amount part was fitted on positive rows only,
 * on log1p(amount) (mapped back with `amountBack`) or directly by a loss with an exp link.
 */
export class HurdleModel implements TrainedRegressor {
  readonly inputSize: number;

  constructor(
    readonly classifier: TrainedRegressor,
    readonly amountModel: TrainedRegressor,
    readonly amountBack: Log1pBackTransform | null,
  ) {
    this.inputSize = classifier.inputSize;
  }

  probability(x: Float32Array, rows: number, codes?: Int32Array): Float32Array {
    return this.classifier.predict(x, rows, codes);
  }

  /** Expected amount given a positive target, in the target's units. */
  amount(x: Float32Array, rows: number, codes?: Int32Array): Float32Array {
    const raw = this.amountModel.predict(x, rows, codes);
    return this.amountBack ? applyLog1pBackTransform(raw, this.amountBack).values : raw;
  }

  predict(x: Float32Array, rows: number, codes?: Int32Array): Float32Array {
    const probability = this.probability(x, rows, codes);
    const amount = this.amount(x, rows, codes);
    return probability.map((p, i) => p * amount[i]);
  }

  dispose(): void {
    this.classifier.dispose();
    this.amountModel.dispose();
  }
}

export function isHurdleModel(model: TrainedRegressor): model is HurdleModel {
  return model instanceof HurdleModel;
}

/** The rows of a matrix whose target is above 0, codes included. */
export function positiveRows(matrix: FeatureMatrix): FeatureMatrix {
  const columns = matrix.rows > 0 ? matrix.x.length / matrix.rows : 0;
  const codeColumns = matrix.codes && matrix.rows > 0 ? matrix.codes.length / matrix.rows : 0;
  const kept: number[] = [];
  for (let row = 0; row < matrix.rows; row++) if (matrix.y[row] > 0) kept.push(row);
  const x = new Float32Array(kept.length * columns);
  const codes = matrix.codes ? new Int32Array(kept.length * codeColumns) : undefined;
  kept.forEach((row, i) => {
    x.set(matrix.x.subarray(row * columns, (row + 1) * columns), i * columns);
    codes?.set(matrix.codes!.subarray(row * codeColumns, (row + 1) * codeColumns), i * codeColumns);
  });
  return { x, y: Float32Array.from(kept, (row) => matrix.y[row]), rows: kept.length, ...(codes ? { codes } : {}) };
}

/** 1 where the target is above 0, else 0: the classifier's labels. */
export function purchaseLabels(matrix: FeatureMatrix): FeatureMatrix {
  return { ...matrix, y: matrix.y.map((value) => (value > 0 ? 1 : 0)) };
}
