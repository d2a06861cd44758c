import { CellError } from '../cells/types';
import { isRecord } from '../is-record';
import type { ColumnEncoder, EmbeddingEncoder, FittedEncoding, Scaler, TimestampPart } from './types';

/**
 * Fitted encoders read back from a model file: the file may come from anywhere, so every field is
 * checked before an encoder touches a table, and the first problem is named by its path.
 */

type Json = Record<string, unknown>;

class EncodingProblem extends Error {}

function object(value: unknown, path: string): Json {
  if (!isRecord(value)) throw new EncodingProblem(`${path}: expected an object`);
  return value;
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new EncodingProblem(`${path}: expected text`);
  return value;
}

function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new EncodingProblem(`${path}: expected a finite number`);
  return value;
}

function flag(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new EncodingProblem(`${path}: expected true or false`);
  return value;
}

function oneOf<T extends string>(value: unknown, options: readonly T[], path: string): T {
  if (!options.includes(value as T)) throw new EncodingProblem(`${path}: expected one of ${options.join(', ')}`);
  return value as T;
}

function list<T>(value: unknown, path: string, item: (entry: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new EncodingProblem(`${path}: expected a list`);
  return value.map((entry, index) => item(entry, `${path}[${index}]`));
}

function scaler(value: unknown, path: string): Scaler {
  const raw = object(value, path);
  const scale = finite(raw.scale, `${path}.scale`);
  if (scale === 0) throw new EncodingProblem(`${path}.scale: must not be 0`);
  return { scaling: oneOf(raw.scaling, ['standard', 'minmax', 'robust', 'none'], `${path}.scaling`), offset: finite(raw.offset, `${path}.offset`), scale };
}

function sameLength(levels: string[], values: number[], path: string): void {
  if (levels.length !== values.length) throw new EncodingProblem(`${path}: ${levels.length} levels but ${values.length} values`);
}

const TIMESTAMP_PARTS: readonly TimestampPart[] = ['hour', 'hour_sin', 'hour_cos', 'day_of_week', 'weekend', 'month'];

function columnEncoder(value: unknown, path: string): ColumnEncoder {
  const raw = object(value, path);
  const column = text(raw.column, `${path}.column`);
  const kind = oneOf(raw.kind, ['numeric', 'one-hot', 'frequency', 'target', 'timestamp'], `${path}.kind`);
  switch (kind) {
    case 'numeric':
      return {
        kind,
        column,
        source: oneOf(raw.source, ['number', 'boolean'], `${path}.source`),
        transform: oneOf(raw.transform, ['none', 'log1p', 'signed-log'], `${path}.transform`),
        median: finite(raw.median, `${path}.median`),
        valueFeature: flag(raw.valueFeature, `${path}.valueFeature`),
        missingIndicator: flag(raw.missingIndicator, `${path}.missingIndicator`),
        scaler: scaler(raw.scaler, `${path}.scaler`),
      };
    case 'one-hot':
      return { kind, column, levels: list(raw.levels, `${path}.levels`, text), otherFeature: flag(raw.otherFeature, `${path}.otherFeature`) };
    case 'frequency': {
      const levels = list(raw.levels, `${path}.levels`, text);
      const shares = list(raw.shares, `${path}.shares`, finite);
      sameLength(levels, shares, path);
      return { kind, column, levels, shares, scaler: scaler(raw.scaler, `${path}.scaler`) };
    }
    case 'target': {
      const levels = list(raw.levels, `${path}.levels`, text);
      const encodings = list(raw.encodings, `${path}.encodings`, finite);
      sameLength(levels, encodings, path);
      return {
        kind,
        column,
        targetLabel: text(raw.targetLabel, `${path}.targetLabel`),
        folds: finite(raw.folds, `${path}.folds`),
        smoothing: finite(raw.smoothing, `${path}.smoothing`),
        prior: finite(raw.prior, `${path}.prior`),
        levels,
        encodings,
        scaler: scaler(raw.scaler, `${path}.scaler`),
      };
    }
    case 'timestamp':
      return {
        kind,
        column,
        parts: list(raw.parts, `${path}.parts`, (part, partPath) => {
          const entry = object(part, partPath);
          return { part: oneOf(entry.part, TIMESTAMP_PARTS, `${partPath}.part`), scaler: scaler(entry.scaler, `${partPath}.scaler`) };
        }),
        median: finite(raw.median, `${path}.median`),
        missingIndicator: flag(raw.missingIndicator, `${path}.missingIndicator`),
      };
  }
}

function embeddingEncoder(value: unknown, path: string): EmbeddingEncoder {
  const raw = object(value, path);
  const size = finite(raw.size, `${path}.size`);
  if (!Number.isInteger(size) || size < 1) throw new EncodingProblem(`${path}.size: expected a whole number ≥ 1`);
  return { kind: 'embedding', column: text(raw.column, `${path}.column`), levels: list(raw.levels, `${path}.levels`, text), size };
}

/** The encoders as a model file holds them; throws a CellError naming the first field that is wrong. */
export function readFittedEncoding(value: unknown, path = 'encoding'): FittedEncoding {
  try {
    const raw = object(value, path);
    return {
      target: text(raw.target, `${path}.target`),
      encoders: list(raw.encoders, `${path}.encoders`, columnEncoder),
      featureNames: list(raw.featureNames, `${path}.featureNames`, text),
      embeddings: list(raw.embeddings, `${path}.embeddings`, embeddingEncoder),
    };
  } catch (error) {
    if (error instanceof EncodingProblem) throw new CellError(`The model file's encoders are not readable: ${error.message}`);
    throw error;
  }
}
