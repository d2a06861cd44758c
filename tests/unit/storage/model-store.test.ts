import { describe, expect, it } from 'vitest';
import type { KeptModel } from '../../../src/core/model/model-files';
import { createModelStore, modelFacts } from '../../../src/storage/model-store';
import { createMemoryShelf } from '../../../src/storage/shelf';

function model(id: string, overrides: Partial<KeptModel> = {}): KeptModel {
  return { id, name: `model ${id}`, origin: 'imported', target: 'value', savedAt: '2026-01-02T03:04:05.000Z', bytes: 12, files: { json: '{}', weights: new Uint8Array([1, 2, 3]) }, ...overrides };
}

describe('model store', () => {
  it('keeps each project its own models, newest first', async () => {
    const store = createModelStore(createMemoryShelf());
    await store.put('p1', model('a'));
    await store.put('p1', model('b'));
    await store.put('p2', model('c'));
    expect((await store.list('p1')).map((kept) => kept.id)).toEqual(['b', 'a']);
    expect((await store.list('p2')).map((kept) => kept.id)).toEqual(['c']);
    expect(Array.from((await store.list('p1'))[0].files.weights)).toEqual([1, 2, 3]);
  });

  it("replaces the model an earlier run of the same Train cell kept", async () => {
    const store = createModelStore(createMemoryShelf());
    await store.put('p', model('first', { origin: 'trained', cellId: 'train' }));
    await store.put('p', model('imported'));
    await store.put('p', model('second', { origin: 'trained', cellId: 'train' }));
    expect((await store.list('p')).map((kept) => kept.id)).toEqual(['second', 'imported']);
  });

  it('copies, removes one and removes all', async () => {
    const store = createModelStore(createMemoryShelf());
    await store.put('p', model('a'));
    await store.put('p', model('b'));
    await store.copy('p', 'copy');
    await store.remove('p', 'a');
    expect((await store.list('p')).map((kept) => kept.id)).toEqual(['b']);
    expect((await store.list('copy')).map((kept) => kept.id)).toEqual(['b', 'a']);
    await store.removeAll('copy');
    expect(await store.list('copy')).toEqual([]);
  });

  it('leaves out stored entries it cannot read instead of failing the list', async () => {
    const shelf = createMemoryShelf();
    await shelf.set('p', [model('good'), { id: 'bad', files: { json: 3 } }, 'junk']);
    expect((await createModelStore(shelf).list('p')).map((kept) => kept.id)).toEqual(['good']);
  });

  it('shows a model without its files', () => {
    expect(modelFacts(model('a', { cellId: 'train' }))).toEqual({ id: 'a', name: 'model a', origin: 'imported', target: 'value', savedAt: '2026-01-02T03:04:05.000Z', bytes: 12, cellId: 'train' });
  });
});
