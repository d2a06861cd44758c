import { untrack } from 'svelte';
import type { DatasetInfo } from '../../../workers/kernel.worker';
import type { ColumnInfo, ProgressUpdate } from '../../core/cells/types';
import { DocumentError, migrate } from '../../core/notebook/migrate';
import type { NotebookDocument } from '../../core/notebook/document';
import { instantiateTemplate } from '../../core/notebook/template';
import { cellStatus, planNotebook, type CellPlan } from '../../core/runtime/plan';
import type { CellRecord, CellStatus } from '../../core/runtime/record';
import type { ProjectStore } from '../../storage/project-store';
import { describeStorageError } from '../../storage/storage-error';
import type { KernelClient } from './kernel-client';
import { NoticeList } from './notices.svelte';
import { NotebookState } from './notebook.svelte';
import { RuntimeState } from './runtime.svelte';

/** Rows of the built-in sample: enough for a meaningful model, small enough to train in seconds. */
const SAMPLE_ROWS = 5000;
const SAMPLE_SEED = 42;
/** Typing in a parameter saves once the typing pauses. */
const SAVE_DELAY_MS = 400;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The open project: the notebook document, the runtime state of its cells, the kernel that runs
 * them and the store that keeps them. Components read these fields and call these methods only.
 */
export class Workbench {
  readonly notebook = new NotebookState();
  readonly runtime = new RuntimeState();
  readonly notices = new NoticeList();
  dataset = $state.raw<DatasetInfo | null>(null);
  readonly datasetId: string | null = $derived(this.dataset?.id ?? null);
  /** True while the kernel puts back the project's dataset; the notebook is usable meanwhile. */
  restoringDataset = $state(false);
  backend = $state<string | null>(null);
  /** A slow step outside any cell (reading a file, restoring), in words. */
  pending = $state<string | null>(null);
  /** Runs wait for the kept dataset to be back in the kernel. */
  private datasetRestored: Promise<void> = Promise.resolve();

  readonly plans: CellPlan[] = $derived(this.notebook.doc ? planNotebook(this.notebook.doc, this.datasetId) : []);
  readonly statuses: Record<string, CellStatus> = $derived(
    Object.fromEntries(
      this.plans.map((plan) => [
        plan.cellId,
        this.runtime.runningCellId === plan.cellId ? 'running' : cellStatus(plan, this.runtime.records[plan.cellId]),
      ]),
    ),
  );

  constructor(
    private readonly kernel: KernelClient,
    private readonly store: ProjectStore,
    private readonly template: unknown,
  ) {}

  /** Saves the document (debounced) and the records whenever they change; returns the stop function. */
  startAutosave(): () => void {
    return $effect.root(() => {
      $effect(() => {
        const doc = this.notebook.doc;
        if (!doc) return;
        const timer = setTimeout(() => this.save(() => this.store.saveDocument(doc)), SAVE_DELAY_MS);
        return () => clearTimeout(timer);
      });
      $effect(() => {
        const doc = this.notebook.doc;
        if (!doc) return;
        const cellIds = new Set(doc.cells.map((cell) => cell.id));
        untrack(() => this.runtime.keepOnly(cellIds));
      });
      $effect(() => {
        const records = Object.values(this.runtime.records);
        const documentId = this.notebook.doc?.id;
        if (documentId) this.save(() => this.store.saveRecords(documentId, records));
      });
    });
  }

  /**
   * Writes the document and the results at once, e.g. when the page is being hidden: a reload
   * right after a run must not lose the debounced document or a record whose write is in flight.
   */
  async saveNow(): Promise<void> {
    const doc = this.notebook.doc;
    if (!doc) return;
    const records = Object.values(this.runtime.records);
    await Promise.all([this.save(() => this.store.saveDocument(doc)), this.save(() => this.store.saveRecords(doc.id, records))]);
  }

  /**
   * Reopens the last project, if any: its document and records at once, then its dataset, which
   * the kernel reads back from IndexedDB off the page, so a huge one never blocks it.
   */
  async restore(): Promise<void> {
    this.pending = 'Restoring your last project…';
    try {
      const saved = await this.store.restore();
      for (const warning of saved.warnings) this.notices.show('error', warning);
      if (saved.document) {
        this.notebook.open(saved.document);
        this.runtime.restore(saved.records);
      }
    } catch (error) {
      this.notices.show('error', `The last project could not be restored: ${errorText(error)}`);
    } finally {
      this.pending = null;
    }
    this.datasetRestored = this.restoreDataset();
    await this.datasetRestored;
  }

  private async restoreDataset(): Promise<void> {
    this.restoringDataset = true;
    try {
      const info = await this.kernel.api.restoreDataset();
      if (!info) return;
      this.dataset = info;
      if (!this.notebook.doc) this.openTemplate();
    } catch (error) {
      this.notices.show('error', `The saved dataset could not be restored: ${errorText(error)}`);
    } finally {
      this.restoringDataset = false;
    }
  }

  async openFile(file: File): Promise<void> {
    // The File crosses to the kernel as a handle: the page never reads its bytes.
    await this.loadDataset(`Opening ${file.name}…`, () => this.kernel.api.setDataset({ name: file.name, blob: file }));
  }

  async trySample(): Promise<void> {
    await this.loadDataset('Generating sample sessions…', () => this.kernel.api.generateSample(SAMPLE_ROWS, SAMPLE_SEED));
  }

  async runCell(cellId: string): Promise<void> {
    await this.runCells([cellId]);
  }

  /** Every cell in order, as Jupyter's "Run all": stops at the first failure or on cancel. */
  async runAll(): Promise<void> {
    const plans = this.plans.filter((plan) => !plan.kind?.note);
    await this.runCells(plans.map((plan) => plan.cellId));
  }

  cancel(): void {
    void this.kernel.api.cancel();
  }

  /** Replaces the notebook with an imported one; a file that cannot be read changes nothing. */
  importNotebook(text: string, fileName: string): void {
    let doc: NotebookDocument;
    try {
      doc = migrate(JSON.parse(text));
    } catch (error) {
      const details = error instanceof DocumentError ? error.problems : [errorText(error)];
      this.notices.show('error', `${fileName} is not a notebook this workbench can open`, details);
      return;
    }
    this.notebook.open(doc);
    this.notices.show('info', `Opened ${fileName}`);
  }

  /** The document exactly as migrate() reads it back. */
  exportNotebook(): { fileName: string; json: string } | null {
    const doc = this.notebook.doc;
    if (!doc) return null;
    const slug = doc.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'notebook';
    return { fileName: `${slug}.json`, json: `${JSON.stringify(doc, null, 2)}\n` };
  }

  /**
   * Columns a parameter of the cell at `index` can pick from: the table it reads (the nearest one
   * a run produced above it), or for a cell that reads the file itself, the table it produced.
   */
  columnsAt(index: number): ColumnInfo[] | null {
    const readsTable = this.plans[index]?.kind?.inputs.includes('table') ?? false;
    for (let i = Math.min(readsTable ? index - 1 : index, this.plans.length - 1); i >= 0; i--) {
      const plan = this.plans[i];
      if (plan.kind?.output !== 'table') continue;
      const columns = this.runtime.records[plan.cellId]?.outputColumns;
      if (columns) return columns;
    }
    return null;
  }

  progressOf(cellId: string): ProgressUpdate[] {
    return this.runtime.progress[cellId] ?? [];
  }

  recordOf(cellId: string): CellRecord | undefined {
    return this.runtime.records[cellId];
  }

  private async loadDataset(message: string, open: () => Promise<DatasetInfo>): Promise<void> {
    if (this.runtime.busy) {
      this.notices.show('info', 'Wait for the run under way to finish, or cancel it, before changing the dataset.');
      return;
    }
    this.pending = message;
    try {
      await this.datasetRestored;
      this.dataset = await open();
    } catch (error) {
      this.notices.show('error', `The dataset could not be opened: ${errorText(error)}`);
      return;
    } finally {
      this.pending = null;
    }
    if (!this.notebook.doc) this.openTemplate();
    const load = this.plans.find((plan) => plan.kind?.readsDataset);
    if (load) await this.runCell(load.cellId);
  }

  private openTemplate(): void {
    try {
      this.notebook.open(instantiateTemplate(this.template));
    } catch (error) {
      this.notices.show('error', `The notebook template could not be read: ${errorText(error)}`);
    }
  }

  private async runCells(cellIds: string[]): Promise<void> {
    if (this.runtime.busy) return;
    this.runtime.busy = true;
    try {
      await this.datasetRestored;
      for (const cellId of cellIds) {
        const doc = this.notebook.doc;
        if (!doc?.cells.some((cell) => cell.id === cellId)) continue;
        const outcome = await this.kernel.run(doc, cellId, {
          onStart: (id) => this.runtime.start(id),
          onProgress: (id, update) => this.runtime.addProgress(id, update),
          onRecord: (record) => this.runtime.finish(record),
        });
        if (outcome.status === 'cancelled' || outcome.record.status === 'error') break;
      }
    } catch (error) {
      this.notices.show('error', `The kernel failed: ${errorText(error)}`);
    } finally {
      const cancelled = this.runtime.runningCellId;
      if (cancelled) this.runtime.endRun(cancelled);
      this.runtime.busy = false;
      await this.detectBackend();
    }
    const doc = this.notebook.doc;
    if (doc) await this.save(() => this.kernel.api.keepDataset(doc));
  }

  /** Asks the kernel which training backend it chose (WebGL, else WASM, else CPU) and shows it. */
  async detectBackend(): Promise<void> {
    try {
      this.backend = (await this.kernel.api.backend()).backend;
    } catch (error) {
      this.notices.show('error', `No training backend could start: ${errorText(error)}`);
    }
  }

  private async save(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.notices.show('error', `Saving in this browser failed: ${describeStorageError(error)}`);
    }
  }
}
