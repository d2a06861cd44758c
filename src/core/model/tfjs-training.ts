import * as tf from '@tensorflow/tfjs';
import { CancelledError, CellError, type FeatureMatrix } from '../cells/types';
import { createRandom, shuffledIndices } from '../random';
import { createLoss, type NetworkLoss } from './losses';
import { createOptimizer } from './optimizers';
import type { EpochReport, NetworkSpec, TrainingHooks, TrainingResult } from './runtime';
import { createSchedule } from './schedules';
import {
  allVariables,
  batchCodes,
  checkCodes,
  CHUNK_ROWS,
  createNetwork,
  dropoutMasks,
  forward,
  inputSizeOf,
  kernels,
  rowBlock,
  TfNetworkModel,
  trainableVariables,
  updateRunningMoments,
  type Network,
  type TrainingPass,
} from './tfjs-network';

/** How long the loop may run between yields, so cancel and progress messages get through. */
const YIELD_EVERY_MS = 60;

function checkSpec(spec: NetworkSpec): void {
  spec.layers.forEach((layer, index) => {
    if (!Number.isInteger(layer.units) || layer.units < 1) throw new CellError(`Hidden layer ${index + 1} needs a whole number of units ≥ 1 (got ${layer.units})`);
    if (!(layer.dropout >= 0 && layer.dropout < 1)) throw new CellError(`Hidden layer ${index + 1}: dropout must be at least 0 and below 1 (got ${layer.dropout})`);
  });
  if (!(spec.learningRate > 0)) throw new CellError(`The learning rate must be above 0 (got ${spec.learningRate})`);
  if (!(spec.l2 >= 0)) throw new CellError(`The L2 penalty must be 0 or more (got ${spec.l2})`);
  if (!Number.isInteger(spec.batchSize) || spec.batchSize < 1) throw new CellError(`The batch size must be a whole number ≥ 1 (got ${spec.batchSize})`);
  if (!Number.isInteger(spec.epochs) || spec.epochs < 1) throw new CellError(`Epochs must be a whole number ≥ 1 (got ${spec.epochs})`);
}

/** Copies the chosen rows of a row-major matrix into a fresh contiguous block. */
function gatherRows(x: Float32Array, columns: number, order: Uint32Array, start: number, end: number): Float32Array {
  const block = new Float32Array((end - start) * columns);
  for (let i = start; i < end; i++) {
    const row = order[i];
    block.set(x.subarray(row * columns, (row + 1) * columns), (i - start) * columns);
  }
  return block;
}

/** Mean loss over a whole matrix in inference mode (running moments, no dropout), without L2. */
async function meanLoss(network: Network, loss: NetworkLoss, matrix: FeatureMatrix, inputSize: number, fittedY: Float32Array): Promise<number> {
  let total = 0;
  for (let start = 0; start < matrix.rows; start += CHUNK_ROWS) {
    const end = Math.min(matrix.rows, start + CHUNK_ROWS);
    const chunkLoss = tf.tidy(() => {
      const output = forward(network, rowBlock(matrix.x, inputSize, start, end), batchCodes(matrix.codes, network.embeddings.length, start, end));
      return tf.sum(loss.rowLosses(rowBlock(fittedY, 1, start, end), output));
    });
    total += (await chunkLoss.data())[0];
    chunkLoss.dispose();
  }
  return total / matrix.rows;
}

function l2Penalty(network: Network, l2: number): tf.Scalar {
  return tf.mul(tf.addN(kernels(network).map((kernel) => tf.sum(tf.square(kernel)))), l2);
}

/**
 * Trains a network in a hand-written loop: TF.js's `fit` cannot restore the best epoch's weights
 * on early stopping, shuffles with an unseeded generator and gives no place to yield for
 * cancellation. Batch order, weights and dropout masks all come from `spec.seed`, so a seed gives
 * the same run on the same backend.
 */
export async function trainTfNetwork(train: FeatureMatrix, validation: FeatureMatrix, spec: NetworkSpec, hooks: TrainingHooks): Promise<TrainingResult> {
  checkSpec(spec);
  const inputSize = inputSizeOf(train, 'training');
  if (inputSizeOf(validation, 'validation') !== inputSize) throw new CellError('Training and validation matrices have different feature counts');
  const embeddingShapes = spec.embeddings ?? [];
  checkCodes(train, embeddingShapes, 'training');
  checkCodes(validation, embeddingShapes, 'validation');
  const loss = createLoss(spec.loss, train.y, [train.y, validation.y]);
  const trainY = loss.fitted(train.y);
  const validationY = loss.fitted(validation.y);
  const random = createRandom(spec.seed);
  const schedule = createSchedule(spec.schedule, spec.learningRate, spec.epochs);

  const network = createNetwork(inputSize, spec.layers, embeddingShapes, random);
  const trainables = trainableVariables(network);
  const snapshotted = allVariables(network);
  const optimizer = createOptimizer(spec.optimizer, trainables, new Set(kernels(network)));
  let bestWeights: tf.Tensor[] = [];
  let keepModel = false;
  try {
    const history: EpochReport[] = [];
    let bestLoss = Infinity;
    let bestEpoch = 0;
    const started = performance.now();
    let lastYield = started;
    for (let epoch = 1; epoch <= spec.epochs; epoch++) {
      const learningRate = schedule.rateFor(epoch);
      const order = shuffledIndices(train.rows, random);
      let lossSum = tf.scalar(0);
      for (let start = 0; start < train.rows; start += spec.batchSize) {
        const end = Math.min(train.rows, start + spec.batchSize);
        const rows = end - start;
        const batchX = tf.tensor2d(gatherRows(train.x, inputSize, order, start, end), [rows, inputSize]);
        const batchY = tf.tensor2d(gatherRows(trainY, 1, order, start, end), [rows, 1]);
        const codes = batchCodes(train.codes, embeddingShapes.length, start, end, order);
        const pass: TrainingPass = { masks: dropoutMasks(network, rows, random), batchMoments: [] };
        // The loss without the L2 term, kept past the gradient's tidy for the epoch's mean.
        const dataLosses: tf.Scalar[] = [];
        const { value: totalLoss, grads } = tf.variableGrads(() => {
          const dataLoss = tf.keep(tf.mean(loss.rowLosses(batchY, forward(network, batchX, codes, pass)))) as tf.Scalar;
          dataLosses.push(dataLoss);
          return spec.l2 > 0 ? (tf.add(dataLoss, l2Penalty(network, spec.l2)) as tf.Scalar) : dataLoss;
        }, trainables);
        optimizer.apply(trainables.map((variable) => grads[variable.name]), learningRate);
        updateRunningMoments(network, pass.batchMoments);
        const previousSum = lossSum;
        lossSum = tf.tidy(() => tf.add(previousSum, tf.mul(dataLosses[0], rows)));
        tf.dispose([batchX, batchY, ...codes, ...pass.masks.filter((mask) => mask !== null), ...dataLosses, totalLoss, previousSum, ...Object.values(grads)]);
        if (performance.now() - lastYield > YIELD_EVERY_MS) {
          await hooks.yieldToHost();
          lastYield = performance.now();
          if (hooks.signal.aborted) {
            lossSum.dispose();
            throw new CancelledError();
          }
        }
      }
      const trainLoss = (await lossSum.data())[0] / train.rows;
      lossSum.dispose();
      if (!Number.isFinite(trainLoss)) {
        throw new CellError(`Training diverged at epoch ${epoch} (the loss is no longer a finite number): lower the learning rate`);
      }
      const validationLoss = await meanLoss(network, loss, validation, inputSize, validationY);
      const report: EpochReport = { epoch, trainLoss, validationLoss, learningRate, elapsedMs: performance.now() - started };
      history.push(report);
      schedule.observe(validationLoss);
      if (validationLoss < bestLoss) {
        bestLoss = validationLoss;
        bestEpoch = epoch;
        tf.dispose(bestWeights);
        bestWeights = snapshotted.map((variable) => tf.clone(variable));
      }
      hooks.onEpoch(report);
      await hooks.yieldToHost();
      lastYield = performance.now();
      if (hooks.signal.aborted) throw new CancelledError();
      if (epoch - bestEpoch >= spec.patience) break;
    }
    if (bestEpoch === 0) throw new CellError('The validation loss was never a finite number: check the target and lower the learning rate');
    snapshotted.forEach((variable, index) => variable.assign(bestWeights[index]));
    keepModel = true;
    const parameterCount = trainables.reduce((sum, variable) => sum + variable.size, 0);
    return { model: new TfNetworkModel(inputSize, network, embeddingShapes, loss), history, bestEpoch, parameterCount };
  } finally {
    tf.dispose(bestWeights);
    optimizer.dispose();
    if (!keepModel) tf.dispose(snapshotted);
  }
}
