import { CancelledError, CellError } from '../cells/types';
import { solveSymmetricPositiveDefinite } from '../cholesky';

/** Row-major float features with 0/1 labels, as a FeatureMatrix holds them. */
export interface LabelledRows {
  x: Float32Array;
  y: Float32Array;
  rows: number;
}

export interface LogisticOptions {
  /** scikit-learn's C: the L2 penalty is ‖w‖² / (2C) against the summed log-loss; the intercept is not penalised. */
  inverseRegularization: number;
  /** Weight of each positive row's loss (class weights); negatives weigh 1. */
  positiveWeight: number;
  maxIterations?: number;
}

export interface LogisticModel {
  weights: Float64Array;
  intercept: number;
  iterations: number;
  converged: boolean;
}

export interface FitHooks {
  signal: AbortSignal;
  yieldToHost(): Promise<void>;
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Linear scores x·w + b for every row; parameters hold the weights then the intercept. */
function linearScores(data: LabelledRows, width: number, parameters: Float64Array): Float64Array {
  const scores = new Float64Array(data.rows);
  for (let row = 0; row < data.rows; row++) {
    let z = parameters[width];
    const offset = row * width;
    for (let j = 0; j < width; j++) z += data.x[offset + j] * parameters[j];
    scores[row] = z;
  }
  return scores;
}

function objective(data: LabelledRows, width: number, parameters: Float64Array, options: LogisticOptions): number {
  const scores = linearScores(data, width, parameters);
  let loss = 0;
  for (let row = 0; row < data.rows; row++) {
    const weight = data.y[row] === 1 ? options.positiveWeight : 1;
    loss += weight * (softplus(scores[row]) - data.y[row] * scores[row]);
  }
  let squaredNorm = 0;
  for (let j = 0; j < width; j++) squaredNorm += parameters[j] ** 2;
  return loss + squaredNorm / (2 * options.inverseRegularization);
}

/** Gradient and Hessian of the objective; the intercept's row and column come last. */
function derivatives(data: LabelledRows, width: number, parameters: Float64Array, options: LogisticOptions) {
  const size = width + 1;
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const scores = linearScores(data, width, parameters);
  const augmented = new Float64Array(size);
  augmented[width] = 1;
  for (let row = 0; row < data.rows; row++) {
    const weight = data.y[row] === 1 ? options.positiveWeight : 1;
    const probability = sigmoid(scores[row]);
    const residual = weight * (probability - data.y[row]);
    const curvature = weight * probability * (1 - probability);
    const offset = row * width;
    for (let j = 0; j < width; j++) augmented[j] = data.x[offset + j];
    for (let j = 0; j < size; j++) {
      gradient[j] += residual * augmented[j];
      const scaled = curvature * augmented[j];
      if (scaled === 0) continue;
      for (let k = 0; k <= j; k++) hessian[j * size + k] += scaled * augmented[k];
    }
  }
  const penalty = 1 / options.inverseRegularization;
  for (let j = 0; j < width; j++) {
    gradient[j] += penalty * parameters[j];
    hessian[j * size + j] += penalty;
  }
  for (let j = 0; j < size; j++) for (let k = 0; k < j; k++) hessian[k * size + j] = hessian[j * size + k];
  return { gradient, hessian };
}

/** Newton steps damped further until the Hessian factorises (a constant column makes it singular). */
function newtonStep(gradient: Float64Array, hessian: Float64Array): Float64Array {
  const size = gradient.length;
  for (let damping = 0; ; damping = damping === 0 ? 1e-10 : damping * 10) {
    const damped = hessian.slice();
    for (let j = 0; j < size; j++) damped[j * size + j] += damping;
    const step = solveSymmetricPositiveDefinite(damped, gradient);
    if (step) return step;
    if (damping > 1e6) throw new CellError('Logistic regression could not be fitted: the features are degenerate (a column with no variation?)');
  }
}

/**
 * L2-regularised logistic regression fitted by Newton's method with a backtracking line search:
 * the objective is convex, so this reaches the same optimum as scikit-learn's lbfgs solver, in
 * a dozen or so steps at the feature counts Encode produces.
 */
export async function fitLogistic(data: LabelledRows, options: LogisticOptions, hooks: FitHooks): Promise<LogisticModel> {
  if (data.rows === 0) throw new CellError('Logistic regression needs training rows');
  if (!(options.inverseRegularization > 0)) throw new CellError(`C must be above 0; got ${options.inverseRegularization}`);
  const width = data.x.length / data.rows;
  const parameters = new Float64Array(width + 1);
  const maxIterations = options.maxIterations ?? 100;
  let current = objective(data, width, parameters, options);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (hooks.signal.aborted) throw new CancelledError();
    const { gradient, hessian } = derivatives(data, width, parameters, options);
    const step = newtonStep(gradient, hessian);
    let decrease = 0;
    for (let j = 0; j < step.length; j++) decrease += gradient[j] * step[j];
    let length = 1;
    let candidate = parameters;
    let next = current;
    for (; length > 1e-12; length /= 2) {
      candidate = parameters.map((value, j) => value - length * step[j]);
      next = objective(data, width, candidate, options);
      if (next <= current - 1e-4 * length * decrease) break;
    }
    let largestMove = 0;
    for (let j = 0; j < step.length; j++) largestMove = Math.max(largestMove, Math.abs(length * step[j]));
    if (next <= current) {
      parameters.set(candidate);
      current = next;
    }
    await hooks.yieldToHost();
    if (largestMove < 1e-9 || length <= 1e-12) {
      return { weights: parameters.slice(0, width), intercept: parameters[width], iterations: iteration, converged: true };
    }
  }
  return { weights: parameters.slice(0, width), intercept: parameters[width], iterations: maxIterations, converged: false };
}

/** Probability of class 1 for each row. */
export function predictLogistic(model: LogisticModel, x: Float32Array, rows: number): Float32Array {
  const width = model.weights.length;
  if (x.length !== rows * width) throw new CellError(`Expected ${width} features per row for the logistic model; got ${x.length / rows}`);
  const parameters = Float64Array.from([...model.weights, model.intercept]);
  return Float32Array.from(linearScores({ x, y: new Float32Array(0), rows }, width, parameters), sigmoid);
}
