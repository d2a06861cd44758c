import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type NotebookDocument } from '../../../src/core/notebook/document';
import { DocumentError } from '../../../src/core/notebook/migrate';
import { decodeShareLink, encodeShareLink, isShareLink, LinkError, MAX_LINK_CHARS } from '../../../src/core/notebook/share-link';

const doc: NotebookDocument = {
  schemaVersion: SCHEMA_VERSION,
  id: 'nb-1',
  title: 'Purchase value — ünïcode ✓',
  cells: [
    { id: 'load', kind: 'load', params: { target: 'purchaseValue' } },
    { id: 'note', kind: 'markdown', title: 'Why', params: { text: '# Findings\n<script>x</script>' } },
  ],
};

const fragmentOf = (bytes: Uint8Array) => `#nb=${Buffer.from(bytes).toString('base64url')}`;

describe('share links', () => {
  it('carries a notebook through #nb= and back unchanged, in URL-safe characters only', async () => {
    const fragment = await encodeShareLink(doc);
    expect(isShareLink(fragment)).toBe(true);
    expect(fragment).toMatch(/^#nb=[A-Za-z0-9_-]+$/);
    expect(await decodeShareLink(fragment)).toEqual({ doc, readOnly: null });
  });

  it('is deflated: a repetitive notebook gives a link far shorter than its JSON', async () => {
    const long: NotebookDocument = { ...doc, cells: Array.from({ length: 40 }, (_, i) => ({ id: `cell-${i}`, kind: 'markdown', params: { text: 'The same note again.' } })) };
    const fragment = await encodeShareLink(long);
    expect(fragment.length).toBeLessThan(JSON.stringify(long).length / 4);
  });

  it('refuses to make a link past the size limit, saying to export a file instead', async () => {
    // Random text does not compress: the link grows with it.
    const noise = randomBytes(MAX_LINK_CHARS).toString('base64');
    const huge: NotebookDocument = { ...doc, cells: [{ id: 'n', kind: 'markdown', params: { text: noise } }] };
    await expect(encodeShareLink(huge)).rejects.toThrow(LinkError);
    await expect(encodeShareLink(huge)).rejects.toThrow(/too large for a link .* export it as a file instead/);
  });

  it('validates the notebook with migrate(), naming the path of each problem', async () => {
    const bad = fragmentOf(deflateSync(JSON.stringify({ schemaVersion: SCHEMA_VERSION, id: 'x', title: 't', cells: [{ id: 'a' }] })));
    await expect(decodeShareLink(bad)).rejects.toThrow(DocumentError);
    await expect(decodeShareLink(bad)).rejects.toThrow(/cells\[0\]\.kind/);
  });

  it('carries an older version forward', async () => {
    const v1 = { schemaVersion: 1, id: 'old', title: 'Old', cells: [{ id: 'c', kind: 'clean', params: {} }] };
    const { doc: opened } = await decodeShareLink(fragmentOf(deflateSync(JSON.stringify(v1))));
    expect(opened.schemaVersion).toBe(SCHEMA_VERSION);
    expect(Array.isArray(opened.cells[0].params.steps)).toBe(true);
  });

  it("opens a newer build's notebook read-only, keeping the link's fields as they are", async () => {
    const newer = { schemaVersion: SCHEMA_VERSION + 1, id: 'new', title: 'Newer', layout: 'wide', cells: [{ id: 'c', kind: 'load', params: { future: true } }] };
    const { doc: opened, readOnly } = await decodeShareLink(fragmentOf(deflateSync(JSON.stringify(newer))));
    expect(readOnly?.savedVersion).toBe(SCHEMA_VERSION + 1);
    expect(readOnly?.stored).toEqual(newer);
    expect(opened.cells[0].params).toEqual({ future: true });
  });

  it('refuses damaged, cut and foreign links with a LinkError', async () => {
    const fragment = await encodeShareLink(doc);
    await expect(decodeShareLink(fragment.slice(0, fragment.length - 10))).rejects.toThrow(/damaged or cut short/);
    await expect(decodeShareLink('#nb=abc$%')).rejects.toThrow(/characters a notebook link never has/);
    await expect(decodeShareLink(fragmentOf(deflateSync('not json')))).rejects.toThrow(/not valid JSON/);
    await expect(decodeShareLink('#other')).rejects.toThrow(LinkError);
    await expect(decodeShareLink(`#nb=${'A'.repeat(MAX_LINK_CHARS)}`)).rejects.toThrow(/longer than a notebook link can be/);
  });

  it('refuses a small link that inflates to a huge document before it fills memory', async () => {
    const bomb = fragmentOf(deflateSync(Buffer.alloc(16 * 1024 * 1024, 32)));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    await expect(decodeShareLink(bomb)).rejects.toThrow(/unpacks to more than/);
  });

  it('keeps prototype-polluting keys out', async () => {
    const hostile = `{"schemaVersion":${SCHEMA_VERSION},"id":"p","title":"t","cells":[{"id":"a","kind":"load","params":{"__proto__":{"polluted":true}}}]}`;
    const { doc: opened } = await decodeShareLink(fragmentOf(deflateSync(hostile)));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(opened.cells[0].params)).toEqual([]);
  });
});
