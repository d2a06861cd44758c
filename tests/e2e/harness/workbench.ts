import type { Download, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CellStatus } from '../../../src/core/runtime/record';

export interface CellState {
  kind: string;
  status: CellStatus;
}

/** How long a real training run may take on two cores with WASM or WebGL on SwiftShader. */
const TRAINING_TIMEOUT_MS = 180_000;

/**
 * The workbench as a user sees it, addressed by the test ids the UI promises:
 * cells are `[data-testid=cell]` with `data-kind` and `data-status`; parameters are `[data-param=key]`.
 */
/** The IndexedDB databases the workbench keeps, each holding one store of the same name. */
type StoreName = 'documents' | 'results' | 'datasets' | 'projects' | 'models';

export class WorkbenchPage {
  constructor(
    readonly page: Page,
    private readonly siteUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(this.siteUrl);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  get cells(): Locator {
    return this.page.getByTestId('cell');
  }

  cell(kind: string, nth = 0): Locator {
    return this.page.locator(`[data-testid=cell][data-kind="${kind}"]`).nth(nth);
  }

  async cellStates(): Promise<CellState[]> {
    return this.cells.evaluateAll((elements) =>
      elements.map((element) => ({
        kind: element.getAttribute('data-kind') ?? '',
        status: (element.getAttribute('data-status') ?? 'idle') as CellStatus,
      })),
    );
  }

  /** The landing page's file input, or the header's once a notebook is open. */
  private get datasetInput(): Locator {
    return this.page.locator('[data-testid=file-input], [data-testid=dataset-input]').first();
  }

  /**
   * A cell's record can show before its run has ended, and a file given during a run is refused:
   * as a user would, wait until nothing runs (no Cancel in the header).
   */
  private async untilIdle(): Promise<void> {
    await expect.poll(() => this.page.getByTestId('cancel-run').count(), { timeout: 60_000 }).toBe(0);
  }

  async openDataset(path: string): Promise<void> {
    await this.untilIdle();
    await this.datasetInput.setInputFiles(path);
  }

  async openDatasetBytes(name: string, bytes: Uint8Array, mimeType = 'text/csv'): Promise<void> {
    await this.untilIdle();
    await this.datasetInput.setInputFiles({ name, mimeType, buffer: Buffer.from(bytes) });
  }

  /** The sample data, then Run all to the end; `epochs` shortens training where the model is not what is tested. */
  async runSampleNotebook({ epochs }: { epochs?: number } = {}): Promise<void> {
    await this.trySample();
    await this.waitForCell('load', ['done']);
    if (epochs !== undefined) await this.setParam(this.cell('train-mlp'), 'epochs', String(epochs));
    await this.runAll();
    await this.waitForAllDone();
  }

  /**
   * The sample data, then Train MLP alone for `epochs` epochs with early stopping held off, long
   * enough to watch it while it runs; returns the Train cell.
   */
  async startLongSampleTraining(epochs: number): Promise<Locator> {
    await this.open();
    await this.trySample();
    await this.waitForCell('load', ['done']);
    const train = this.cell('train-mlp');
    await this.setParam(train, 'epochs', String(epochs));
    await this.setParam(train, 'patience', '500');
    await train.getByTestId('run-cell').click();
    return train;
  }

  async trySample(): Promise<void> {
    await this.page.getByTestId('try-sample').click();
  }

  async runAll(): Promise<void> {
    await this.page.getByTestId('run-all').click();
  }

  /** Waits until the `nth` cell of `kind` shows one of `statuses`; returns the one it shows. */
  async waitForCell(kind: string, statuses: readonly CellStatus[], { nth = 0, timeout = 60_000 } = {}): Promise<CellStatus> {
    const handle = await this.page.waitForFunction(
      ({ kind, nth, statuses }) => {
        const cell = document.querySelectorAll(`[data-testid=cell][data-kind="${kind}"]`)[nth];
        const status = cell?.getAttribute('data-status') ?? '';
        return (statuses as readonly string[]).includes(status) ? status : null;
      },
      { kind, nth, statuses },
      { timeout, polling: 100 },
    );
    return (await handle.jsonValue()) as CellStatus;
  }

  /**
   * Runs the `nth` cell of `kind` from its Run button and waits for that run to end; returns its
   * status. A cell that already shows `done` must first be seen running, so an earlier result
   * is never taken for this run's.
   */
  async runCell(kind: string, { nth = 0, timeout = 120_000 } = {}): Promise<CellStatus> {
    const cell = await this.cell(kind, nth).elementHandle();
    if (!cell) throw new Error(`No ${kind} cell at position ${nth}`);
    await cell.evaluate((element) => {
      const seen: string[] = [];
      (element as HTMLElement & { statusesSeen?: string[] }).statusesSeen = seen;
      new MutationObserver(() => seen.push(element.getAttribute('data-status') ?? '')).observe(element, { attributes: true, attributeFilter: ['data-status'] });
    });
    await this.cell(kind, nth).getByTestId('run-cell').click();
    const handle = await this.page.waitForFunction(
      (element) => {
        const status = element.getAttribute('data-status') ?? '';
        const ran = (element as HTMLElement & { statusesSeen?: string[] }).statusesSeen?.includes('running');
        return ran && (status === 'done' || status === 'error') ? status : null;
      },
      cell,
      { timeout, polling: 50 },
    );
    return (await handle.jsonValue()) as CellStatus;
  }

  /** Waits until every runnable cell is done, or a run stopped at an error; throws with that cell's text. */
  async waitForAllDone(timeout = TRAINING_TIMEOUT_MS): Promise<void> {
    await this.page.waitForFunction(
      () => {
        const cells = [...document.querySelectorAll('[data-testid=cell]')].filter((cell) => cell.getAttribute('data-kind') !== 'markdown');
        const statuses = cells.map((cell) => cell.getAttribute('data-status'));
        const running = statuses.includes('running');
        return cells.length > 0 && (statuses.every((status) => status === 'done') || (!running && statuses.includes('error')));
      },
      undefined,
      { timeout, polling: 250 },
    );
    const failed = this.page.locator('[data-testid=cell][data-status=error]');
    if ((await failed.count()) > 0) {
      throw new Error(`A cell failed: ${(await failed.first().innerText()).slice(0, 600)}`);
    }
  }

  /** Sets a parameter through its generated control, whatever form the field type gave it. */
  async setParam(cell: Locator, key: string, value: string | readonly string[] | boolean): Promise<void> {
    const control = cell.locator(`[data-param="${key}"]`).first();
    const tag = await control.evaluate((element) => element.tagName.toLowerCase());
    const type = await control.getAttribute('type');
    if (tag === 'select') {
      await control.selectOption(typeof value === 'boolean' ? String(value) : value);
    } else if (type === 'checkbox' && typeof value === 'boolean') {
      await control.setChecked(value);
    } else if (tag === 'input' || tag === 'textarea') {
      await control.fill(Array.isArray(value) ? value.join(tag === 'textarea' ? '\n' : ', ') : String(value));
      await control.blur();
    } else {
      // A checklist: one checkbox per column, labelled by it.
      const wanted = new Set(typeof value === 'string' ? [value] : Array.isArray(value) ? value : []);
      for (const box of await control.locator('input[type=checkbox]').all()) {
        const label = (await box.getAttribute('value')) ?? (await box.evaluate((element) => element.closest('label')?.textContent?.trim() ?? ''));
        await box.setChecked(wanted.has(label));
      }
    }
  }

  /** Test R² and the mean-prediction baseline's, as the Evaluate cell shows them. */
  async metrics(): Promise<{ r2Text: string; r2: number; baselineR2: number }> {
    const r2Text = (await this.page.getByTestId('metric-r2').first().innerText()).trim();
    const baselineText = (await this.page.getByTestId('metric-baseline-r2').first().innerText()).trim();
    return { r2Text, r2: Number(r2Text), baselineR2: Number(baselineText) };
  }

  /** The id of the project open now: stores key everything a project keeps by it. */
  async openProjectId(): Promise<string> {
    const id = await this.page.getByTestId('notebook-title').getAttribute('data-project-id');
    if (!id) throw new Error('No project is open');
    return id;
  }

  /**
   * Waits until project `id` (by default the open one) keeps its loaded table: the kernel has
   * written the columns and the page has listed the dataset with the project.
   */
  async waitForKeptDataset(id?: string): Promise<void> {
    const projectId = id ?? (await this.openProjectId());
    await expect
      .poll(
        async () => {
          const columns = (await this.savedValue('datasets', projectId)) as { kind?: string } | undefined;
          const listed = (await this.savedValue('projects', projectId)) as { datasetName?: string | null } | undefined;
          return columns?.kind === 'columns' && typeof listed?.datasetName === 'string';
        },
        { timeout: 15_000 },
      )
      .toBe(true);
  }

  /** The value under `key` (by default the open project's id) in one of the IndexedDB stores. */
  async savedValue(store: StoreName, key?: string): Promise<unknown> {
    const entryKey = key ?? (await this.openProjectId());
    return this.page.evaluate(
      ({ name, entryKey }) =>
        new Promise<unknown>((resolve) => {
          const open = indexedDB.open(`session-workbench-${name}`);
          open.onsuccess = () => {
            const database = open.result;
            if (!database.objectStoreNames.contains(name)) {
              database.close();
              resolve(undefined);
              return;
            }
            const request = database.transaction(name).objectStore(name).get(entryKey);
            request.onsuccess = () => {
              database.close();
              resolve(request.result);
            };
          };
          open.onerror = () => resolve(undefined);
        }),
      { name: store, entryKey },
    );
  }

  /** Writes `value` under `key` in one of the IndexedDB stores, as another build of the site would have; the store must exist already. */
  async putSavedValue(store: StoreName, key: string, value: unknown): Promise<void> {
    await this.page.evaluate(
      ({ name, key, value }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(`session-workbench-${name}`);
          open.onsuccess = () => {
            const database = open.result;
            const transaction = database.transaction(name, 'readwrite');
            transaction.objectStore(name).put(value, key);
            transaction.oncomplete = () => {
              database.close();
              resolve();
            };
            transaction.onerror = () => reject(transaction.error);
          };
          open.onerror = () => reject(open.error);
        }),
      { name: store, key, value },
    );
  }

  async exportNotebook(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export').click()]);
    return download;
  }

  async importNotebook(path: string): Promise<void> {
    const control = this.page.getByTestId('import');
    const isFileInput = await control.evaluate((element) => element instanceof HTMLInputElement && element.type === 'file');
    if (isFileInput) {
      await control.setInputFiles(path);
      return;
    }
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), control.click()]);
    await chooser.setFiles(path);
  }
}
