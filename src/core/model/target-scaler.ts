/**
 * Standardises the target with the training rows' mean and standard deviation, so the loss
 * and Adam's step size do not depend on the target's units.
 */
export interface TargetScaler {
  mean: number;
  std: number;
  scaleAll(values: Float32Array): Float32Array;
  unscale(value: number): number;
}

export function fitTargetScaler(trainY: Float32Array): TargetScaler {
  let sum = 0;
  for (let i = 0; i < trainY.length; i++) sum += trainY[i];
  const mean = trainY.length > 0 ? sum / trainY.length : 0;
  let squares = 0;
  for (let i = 0; i < trainY.length; i++) squares += (trainY[i] - mean) ** 2;
  const spread = trainY.length > 0 ? Math.sqrt(squares / trainY.length) : 0;
  // A constant target has nothing to learn; a unit spread keeps the arithmetic finite.
  const std = spread > 0 ? spread : 1;
  return {
    mean,
    std,
    scaleAll: (values) => values.map((value) => (value - mean) / std),
    unscale: (value) => value * std + mean,
  };
}
