import { describe, expect, it } from 'vitest';
import { assembleModelFiles, fileStem, modelFilesNamed, modelId, weightFilePaths } from '../../../src/core/model/model-files';

const spec = (name: string) => ({ name, shape: [1], dtype: 'float32' });
const modelJson = (manifest: unknown) => JSON.stringify({ format: 'layers-model', modelTopology: {}, weightsManifest: manifest });
const twoShards = modelJson([
  { paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: [spec('a')] },
  { paths: ['./weights/group2.bin'], weights: [spec('b')] },
]);

describe('model files', () => {
  it('lists the weight files of every manifest group, in order', () => {
    expect(weightFilePaths(twoShards)).toEqual(['group1-shard1of2.bin', 'group1-shard2of2.bin', './weights/group2.bin']);
  });

  it('joins picked weight files in the order model.json lists them, whatever order they were picked in', () => {
    const files = assembleModelFiles(twoShards, [
      { name: 'group2.bin', bytes: new Uint8Array([5, 6]) },
      { name: 'group1-shard2of2.bin', bytes: new Uint8Array([3, 4]) },
      { name: 'group1-shard1of2.bin', bytes: new Uint8Array([1, 2]) },
    ]);
    expect(Array.from(files.weights)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('names the weight files that were not picked', () => {
    expect(() => assembleModelFiles(twoShards, [{ name: 'group2.bin', bytes: new Uint8Array(1) }])).toThrow(
      "model.json lists 'group1-shard1of2.bin', 'group1-shard2of2.bin': pick those files together with model.json",
    );
  });

  it('refuses JSON that is not a TF.js model', () => {
    expect(() => weightFilePaths('{"cells": []}')).toThrow('This JSON file is not a TF.js model.json: it has no weightsManifest');
    expect(() => weightFilePaths('not json')).toThrow('This model.json is not valid JSON');
    expect(() => weightFilePaths(modelJson([{ weights: [] }]))).toThrow("weightsManifest does not name its weight files");
  });

  it('writes one weights file named after the download, listing every weight in the original order', () => {
    const named = modelFilesNamed({ json: twoShards, weights: new Uint8Array([1, 2, 3]) }, 'spend-model');
    expect(named.jsonName).toBe('spend-model.json');
    expect(named.weightsName).toBe('spend-model.weights.bin');
    expect(JSON.parse(named.json).weightsManifest).toEqual([{ paths: ['spend-model.weights.bin'], weights: [spec('a'), spec('b')] }]);
  });

  it('makes a safe file stem from a model name', () => {
    expect(fileStem('Shop · Train MLP (v2)')).toBe('Shop-Train-MLP-v2');
    expect(fileStem('../../etc')).toBe('etc');
    expect(fileStem('···')).toBe('model');
  });

  it('gives equal files the same id and different weights another', () => {
    const a = { json: twoShards, weights: new Uint8Array([1, 2]) };
    expect(modelId(a)).toBe(modelId({ json: twoShards, weights: new Uint8Array([1, 2]) }));
    expect(modelId(a)).not.toBe(modelId({ json: twoShards, weights: new Uint8Array([1, 3]) }));
  });

  it('keeps the id of a model downloaded under another name, so a Score cell finds it once imported again', () => {
    const kept = { json: twoShards, weights: new Uint8Array([1, 2]) };
    const downloaded = modelFilesNamed(kept, 'renamed');
    expect(modelId({ json: downloaded.json, weights: downloaded.weights })).toBe(modelId(kept));
    const otherTopology = modelJson([{ paths: ['group1-shard1of2.bin'], weights: [spec('a'), spec('c')] }]);
    expect(modelId({ json: otherTopology, weights: kept.weights })).not.toBe(modelId(kept));
  });
});
