import { untrack } from 'svelte';
import type { BackendInfo, DatasetInfo } from '../../../workers/kernel.worker';
import type { ColumnInfo, ProgressUpdate } from '../../core/cells/types';
import { DocumentError } from '../../core/notebook/migrate';
import type { NotebookDocument } from '../../core/notebook/document';
import type { ReadOnlyNotebook } from '../../core/notebook/read-document';
import { buildIpynb, chartsToRender, isIpynb, readIpynb, type ChartToRender } from '../../core/notebook/ipynb';
import { extrasSize, notebookFileJson, readNotebookFile, type DatasetColumns, type NamedModel, type NotebookFile } from '../../core/notebook/notebook-file';
import { decodeShareLink, encodeShareLink } from '../../core/notebook/share-link';
import { instantiateTemplate } from '../../core/notebook/template';
import { notebookExpressions, type NotebookExpression } from '../../core/notebook/trust';
import { ancestorsOf, cellStatus, planNotebook, type CellPlan } from '../../core/runtime/plan';
import type { CellRecord, CellStatus } from '../../core/runtime/record';
import type { DatasetSnapshot } from '../../storage/dataset-snapshot';
import type { ProjectMeta } from '../../storage/project-meta';
import type { ProjectStore } from '../../storage/project-store';
import { describeStorageError } from '../../storage/storage-error';
import { readRecords, type RunningCell } from '../../storage/read-saved';
import type { KernelClient } from './kernel-client';
import { KeptModels, type ModelPicker } from './models.svelte';
import { NoticeList } from './notices.svelte';
import { NotebookState } from './notebook.svelte';
import { RuntimeState } from './runtime.svelte';
import { StorageFacts } from './storage.svelte';
import { UntrustedNotebooks } from './trust.svelte';

/** Rows of the built-in sample: enough for a meaningful model, small enough to train in seconds. */
const SAMPLE_ROWS = 5000;
const SAMPLE_SEED = 42;
/** A notebook file is parsed whole in the page: beyond this it could take the tab down. */
const MAX_NOTEBOOK_FILE_BYTES = 256e6;
/** Typing in a parameter saves once the typing pauses. */
const SAVE_DELAY_MS = 400;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
const fileSlug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'notebook';

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
  /** True while the user holds the run under way. */
  paused = $state(false);
  /** True while the kernel puts back the project's dataset; the notebook is usable meanwhile. */
  restoringDataset = $state(false);
  backend = $state<string | null>(null);
  /** Milliseconds per probe step of each backend that started, for the backend picker. */
  backendProbeMs = $state.raw<Readonly<Record<string, number>>>({});
  /** A slow step outside any cell (reading a file, restoring), in words. */
  pending = $state<string | null>(null);
  /** Runs wait for the kept dataset to be back in the kernel. */
  private datasetRestored: Promise<void> = Promise.resolve();
  /** Every project in this browser, most recently modified first. */
  projects = $state.raw<ProjectMeta[]>([]);
  /** The project deleted last in this session, until undone: its notice offers Undo. */
  deletedProject = $state.raw<ProjectMeta | null>(null);
  readonly storage = new StorageFacts();
  /** The open project's kept models: trained here or imported. */
  readonly models: KeptModels;
  /** What a Score cell's Model field offers, bound to the open project. */
  readonly modelPicker: ModelPicker;
  /** What was last handed to the store, so autosave writes only changes and opening a project writes nothing. */
  private savedDocument: NotebookDocument | null = null;
  private savedResults: { documentId: string; records: Record<string, CellRecord>; running: RunningCell[] } | null = null;

  readonly untrusted = new UntrustedNotebooks();
  /** Expressions of a notebook from a file or a link, held back until the user trusts it; empty for their own. */
  readonly expressionsAwaitingTrust: NotebookExpression[] = $derived(
    this.notebook.doc && this.untrusted.has(this.notebook.doc.id) ? notebookExpressions(this.notebook.doc) : [],
  );

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
  ) {
    const models = new KeptModels(kernel, this.notices);
    this.models = models;
    const notebook = this.notebook;
    this.modelPicker = {
      get list() {
        return models.list;
      },
      importFiles: async (picked) => (notebook.doc ? models.importFiles(notebook.doc.id, picked) : null),
    };
  }

  /** Saves the document (debounced) and the results whenever they change; returns the stop function. */
  startAutosave(): () => void {
    return $effect.root(() => {
      $effect(() => {
        const doc = this.notebook.doc;
        if (!doc || doc === this.savedDocument) return;
        // A notebook new to the store is written at once, so its list entry exists before its first results.
        const delay = this.savedDocument?.id === doc.id ? SAVE_DELAY_MS : 0;
        const timer = setTimeout(() => void this.saveDocument(doc), delay);
        return () => clearTimeout(timer);
      });
      $effect(() => {
        const doc = this.notebook.doc;
        if (!doc) return;
        const cellIds = new Set(doc.cells.map((cell) => cell.id));
        untrack(() => this.runtime.keepOnly(cellIds));
      });
      $effect(() => {
        const records = this.runtime.records;
        const running = this.runtime.unfinished;
        const documentId = this.notebook.doc?.id;
        if (documentId) untrack(() => void this.saveResults(documentId, records, running));
      });
    });
  }

  /**
   * Writes what changed at once, e.g. when the page is being hidden: a reload right after a run
   * must not lose the debounced document or a record whose write is in flight.
   */
  async saveNow(): Promise<void> {
    const doc = this.notebook.doc;
    if (!doc) return;
    await Promise.all([this.saveDocument(doc), this.saveResults(doc.id, this.runtime.records, this.runtime.unfinished)]);
  }

  private saveDocument(doc: NotebookDocument): Promise<void> {
    // A newer build's notebook is never written back: this build would drop what it cannot read.
    if (doc === this.savedDocument || this.notebook.readOnly) return Promise.resolve();
    this.savedDocument = doc;
    return this.save(() =>
      this.store.saveDocument(doc).catch((error: unknown) => {
        // Not saved after all: the next save (at the latest on leaving the page) tries again.
        if (this.savedDocument === doc) this.savedDocument = null;
        throw error;
      }),
    );
  }

  /** Cells started and not finished are saved with the results, so a page closed mid-run can say which did not finish. */
  private saveResults(documentId: string, records: Record<string, CellRecord>, running: RunningCell[]): Promise<void> {
    const last = this.savedResults;
    if (last?.documentId === documentId && last.records === records && last.running === running) return Promise.resolve();
    const saving = { documentId, records, running };
    this.savedResults = saving;
    return this.save(() =>
      this.store.saveRecords(documentId, Object.values(records), running).catch((error: unknown) => {
        if (this.savedResults === saving) this.savedResults = null;
        throw error;
      }),
    );
  }

  /**
   * At start: asks the browser to keep this site's storage, then reopens the project opened last,
   * if any (a project saved by an earlier build is adopted first).
   */
  async restore(): Promise<void> {
    void this.storage.requestPersistence();
    this.pending = 'Restoring your last project…';
    let last: string | null = null;
    try {
      last = await this.store.start();
    } catch (error) {
      this.notices.show('error', `The saved projects could not be read: ${errorText(error)}`);
    } finally {
      this.pending = null;
    }
    if (last) await this.openProject(last);
    else await this.refreshProjects();
  }

  /**
   * Opens a saved project: its document and results at once, then its dataset, which the kernel
   * reads back from IndexedDB off the page, so a huge one never blocks it.
   */
  async openProject(id: string): Promise<void> {
    if (!(await this.readyToSwitch())) return;
    this.pending = 'Opening the project…';
    try {
      const saved = await this.store.open(id);
      for (const warning of saved.warnings) this.notices.show('error', warning);
      if (saved.document) this.show(saved.document, saved.records, saved.interrupted, saved.readOnly);
    } catch (error) {
      this.notices.show('error', `The project could not be opened: ${errorText(error)}`);
    } finally {
      this.pending = null;
    }
    await Promise.all([this.datasetRestored, this.refreshProjects()]);
  }

  /** Closes the open project, saved; the landing page then starts a new one from a data file or the sample. */
  async newProject(): Promise<void> {
    if (!(await this.readyToSwitch())) return;
    this.show(null);
    await Promise.all([this.datasetRestored, this.refreshProjects()]);
  }

  async renameProject(id: string, title: string): Promise<void> {
    if (this.notebook.doc?.id === id && this.refusedReadOnly('renamed')) return;
    // The open notebook is renamed in place, or its next autosave would bring the old title back.
    if (this.notebook.doc?.id === id) {
      this.notebook.rename(title);
      await this.saveNow();
    } else {
      await this.save(() => this.store.rename(id, title));
    }
    await this.refreshProjects();
  }

  /** Returns the copy's id, or null when it could not be made. */
  async duplicateProject(id: string): Promise<string | null> {
    if (this.notebook.doc?.id === id) await this.saveNow();
    let copyId: string | null = null;
    try {
      const { meta: copy, dropped } = await this.store.duplicate(id);
      // A copy holds the same expressions: it stays untrusted until the user trusts it.
      if (this.untrusted.has(id)) this.untrusted.add(copy.id);
      if (dropped.length === 0) this.notices.show('info', `Made “${copy.title}”`);
      else this.notices.show('info', `Made “${copy.title}”, an editable copy without the cells this version cannot read:`, dropped);
      copyId = copy.id;
    } catch (error) {
      this.notices.show('error', errorText(error));
    }
    await this.refreshProjects();
    return copyId;
  }

  /** Hides the project until the next start purges it; the open one is closed first. Undo brings it back. */
  async deleteProject(id: string): Promise<void> {
    if (this.notebook.doc?.id === id && !(await this.readyToSwitch())) return;
    if (this.notebook.doc?.id === id) this.show(null);
    try {
      this.deletedProject = await this.store.remove(id);
    } catch (error) {
      this.notices.show('error', `The project could not be deleted: ${errorText(error)}`);
    }
    await Promise.all([this.datasetRestored, this.refreshProjects()]);
  }

  async undoDelete(): Promise<void> {
    const deleted = this.deletedProject;
    if (!deleted) return;
    this.deletedProject = null;
    await this.save(() => this.store.restore(deleted.id));
    if (!this.notebook.doc) await this.openProject(deleted.id);
    else await this.refreshProjects();
  }

  async refreshProjects(): Promise<void> {
    try {
      this.projects = await this.store.list();
    } catch (error) {
      this.notices.show('error', `The project list could not be read: ${errorText(error)}`);
    }
    await this.storage.refresh();
  }

  /** Projects switch between runs only, once the open one is saved and its dataset is back. */
  private async readyToSwitch(): Promise<boolean> {
    if (this.runtime.busy) {
      this.notices.show('info', 'Wait for the run under way to finish, or cancel it, before switching projects.');
      return false;
    }
    await this.datasetRestored;
    await this.saveNow();
    return true;
  }

  /** Shows `doc` as it was saved (nothing to write back) and has the kernel put back its dataset; null shows the landing page. */
  private show(doc: NotebookDocument | null, records: CellRecord[] = [], interrupted: RunningCell[] = [], readOnly: ReadOnlyNotebook | null = null): void {
    this.runtime.restore(records, interrupted);
    this.savedDocument = doc;
    this.savedResults = doc && { documentId: doc.id, records: this.runtime.records, running: this.runtime.unfinished };
    this.notebook.open(doc, readOnly);
    this.dataset = null;
    this.datasetRestored = this.restoreDataset(doc?.id ?? null);
    void this.refreshModels();
  }

  /** Lists the open project's kept models again; a run may have kept a new one. */
  private async refreshModels(): Promise<void> {
    try {
      await this.models.refresh(this.notebook.doc?.id ?? null);
    } catch (error) {
      this.notices.show('error', `The project's models could not be listed: ${errorText(error)}`);
    }
  }

  private async restoreDataset(projectId: string | null): Promise<void> {
    this.restoringDataset = projectId !== null;
    try {
      this.dataset = await this.kernel.api.restoreDataset(projectId);
    } catch (error) {
      this.notices.show('error', `The saved dataset could not be restored: ${errorText(error)}`);
    } finally {
      this.restoringDataset = false;
    }
  }

  /** Keeps the Load cell's table with the project after a run, and lists its size. */
  private async keepDataset(doc: NotebookDocument): Promise<void> {
    // Read before waiting: by the time the kernel answers, another project may be open.
    const name = this.dataset?.name ?? null;
    const bytes = await this.kernel.api.keepDataset(doc);
    await this.store.keptDataset(doc.id, { name: bytes > 0 ? name : null, bytes });
  }

  async openFile(file: File): Promise<void> {
    // The File crosses to the kernel as a handle: the page never reads its bytes.
    await this.loadDataset(`Opening ${file.name}…`, () => this.kernel.api.setDataset({ name: file.name, blob: file }, this.notebook.doc?.id ?? null));
  }

  async trySample(): Promise<void> {
    await this.loadDataset('Generating sample sessions…', () => this.kernel.api.generateSample(SAMPLE_ROWS, SAMPLE_SEED, this.notebook.doc?.id ?? null));
  }

  async runCell(cellId: string): Promise<void> {
    if (this.heldBack(cellId)) {
      this.notices.show('info', 'This cell runs expressions from a notebook you opened: review them in the banner above and trust the notebook to run it.');
      return;
    }
    await this.runCells([cellId]);
  }

  /**
   * Every cell in order, as Jupyter's "Run all": stops at the first failure or on cancel. In an
   * untrusted notebook, the cells that hold or read expressions wait for the user's trust.
   */
  async runAll(): Promise<void> {
    const plans = this.plans.filter((plan) => !plan.kind?.note);
    const allowed = plans.filter((plan) => !this.heldBack(plan.cellId));
    if (allowed.length < plans.length) {
      this.notices.show('info', `${plans.length - allowed.length} cells wait until you trust this notebook's expressions (see the banner above).`);
    }
    await this.runCells(allowed.map((plan) => plan.cellId));
  }

  /** The user read the expressions and lets them run. */
  trustNotebook(): void {
    const doc = this.notebook.doc;
    if (doc) this.untrusted.trust(doc.id);
  }

  /** True when running `cellId` would run an expression the user has not trusted yet. */
  private heldBack(cellId: string): boolean {
    if (this.expressionsAwaitingTrust.length === 0) return false;
    const withExpressions = new Set(this.expressionsAwaitingTrust.map((expression) => expression.cellId));
    return withExpressions.has(cellId) || ancestorsOf(this.plans, cellId).some((id) => withExpressions.has(id));
  }

  cancel(): void {
    this.paused = false;
    void this.kernel.api.cancel();
  }

  /** Holds the run under way at its next step (a batch, an epoch, a chunk of the file); `resume` lets it go on. */
  pause(): void {
    if (!this.runtime.busy) return;
    this.paused = true;
    void this.kernel.api.pause();
  }

  resume(): void {
    this.paused = false;
    void this.kernel.api.resume();
  }

  /**
   * Opens an imported notebook (the native JSON, with the results and dataset it may carry, or a
   * Jupyter notebook this workbench exported); a file that cannot be read changes nothing.
   */
  async importNotebook(source: File): Promise<void> {
    const fileName = source.name;
    if (source.size > MAX_NOTEBOOK_FILE_BYTES) {
      const megabytes = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en')} MB`;
      this.notices.show('error', `${fileName} is ${megabytes(source.size)}, more than the ${megabytes(MAX_NOTEBOOK_FILE_BYTES)} a notebook file may be: export it without its dataset, and open the data file itself`);
      return;
    }
    let file: NotebookFile;
    try {
      const value: unknown = JSON.parse(await source.text());
      file = isIpynb(value) ? { doc: readIpynb(value), readOnly: null, results: undefined, dataset: null, models: [] } : readNotebookFile(value);
    } catch (error) {
      const details = error instanceof DocumentError ? error.problems : [errorText(error)];
      this.notices.show('error', `${fileName} is not a notebook this workbench can open`, details);
      return;
    }
    const { doc, results, dataset, models, readOnly } = file;
    if (readOnly) {
      if (!(await this.openReadOnly(doc, readOnly, `Opened ${fileName}, read-only`))) return;
    } else {
      this.openShared(doc, `Opened ${fileName}`);
    }
    // Checked as saved results are; each shows as current only where its stamp still matches.
    if (results !== undefined) {
      const records = readRecords({ documentId: doc.id, records: results }, doc);
      this.runtime.restore(records);
      const left = Array.isArray(results) ? results.length - records.length : 0;
      if (left > 0) this.notices.show('info', `${left} of the results in ${fileName} could not be read or belong to no cell of the notebook: they were left out.`);
    }
    if (dataset) await this.adoptDataset(doc, dataset, fileName);
    if (models.length > 0) await this.adoptModels(doc, models, fileName);
  }

  /** Keeps the models a notebook file carries with its project, each read back as an imported model is. */
  private async adoptModels(doc: NotebookDocument, models: readonly NamedModel[], fileName: string): Promise<void> {
    for (const { name, files } of models) {
      try {
        await this.kernel.api.importModel(doc.id, name, files);
      } catch (error) {
        this.notices.show('error', `The model ${name} in ${fileName} could not be kept: ${errorText(error)}`);
      }
    }
    await this.refreshModels();
  }

  private async adoptDataset(doc: NotebookDocument, dataset: DatasetColumns, fileName: string): Promise<void> {
    this.pending = `Opening the dataset in ${fileName}…`;
    try {
      await this.datasetRestored;
      // The kernel reads it back through the same checks as a dataset kept in this browser.
      this.dataset = await this.kernel.api.adoptDataset(doc.id, dataset as unknown as DatasetSnapshot);
      await this.keepDataset(doc);
    } catch (error) {
      this.dataset = null;
      this.notices.show('error', `The dataset in ${fileName} could not be opened (${errorText(error)}): open the data file to run the notebook.`);
    } finally {
      this.pending = null;
    }
  }

  /** Opens the notebook a `#nb=` link carries; a bad link changes nothing and says why. */
  async openLink(fragment: string): Promise<void> {
    let opened: Awaited<ReturnType<typeof decodeShareLink>>;
    try {
      opened = await decodeShareLink(fragment);
    } catch (error) {
      const details = error instanceof DocumentError ? error.problems : [errorText(error)];
      this.notices.show('error', 'The notebook in this link could not be opened', details);
      return;
    }
    const { doc, readOnly } = opened;
    if (readOnly) await this.openReadOnly(doc, readOnly, `Opened “${doc.title}” from the link, read-only`);
    else this.openShared(doc, `Opened “${doc.title}” from the link`);
  }

  /**
   * A newer build's notebook from a file or a link: kept as it came, as a project that only a
   * newer build edits. False when it could not open now (a run is under way).
   */
  private async openReadOnly(doc: NotebookDocument, readOnly: ReadOnlyNotebook, message: string): Promise<boolean> {
    if (!(await this.readyToSwitch())) return false;
    this.show(doc, [], [], readOnly);
    await this.save(() => this.store.keepReadOnly(readOnly.stored, doc));
    this.openShared(doc, message);
    await this.refreshProjects();
    return true;
  }

  /** A notebook from elsewhere: its expressions wait for the user's trust. */
  private openShared(doc: NotebookDocument, message: string): void {
    if (notebookExpressions(doc).length > 0) this.untrusted.add(doc.id);
    else this.untrusted.trust(doc.id);
    if (this.notebook.doc !== doc) this.notebook.open(doc);
    this.notices.show('info', message);
  }

  /** True, with a word to the user, when the open notebook is read-only and so cannot be `what`. */
  private refusedReadOnly(what: string): boolean {
    if (!this.notebook.readOnly) return false;
    this.notices.show('info', `This notebook is read-only, so it cannot be ${what} here: duplicate it (Projects) to work on a copy.`);
    return true;
  }

  /** About how many bytes the results, the kept dataset and the kept models would add to an export. */
  exportExtrasSize(): { results: number; dataset: number; models: number } {
    const documentId = this.notebook.doc?.id;
    const datasetBytes = this.projects.find((project) => project.id === documentId)?.sizes.dataset ?? 0;
    const modelBytes = this.models.list.reduce((sum, model) => sum + model.bytes, 0);
    return extrasSize(Object.values(this.runtime.records), datasetBytes, modelBytes);
  }

  /** The document as migrate() reads it back, with the cells' results, the kept dataset and the kept models when asked for. */
  async exportNotebook(include: { results?: boolean; dataset?: boolean; models?: boolean } = {}): Promise<{ fileName: string; json: string } | null> {
    const doc = this.notebook.doc;
    if (!doc) return null;
    let dataset: DatasetSnapshot | null = null;
    if (include.dataset) {
      try {
        await this.datasetRestored;
        dataset = await this.kernel.api.keptDataset(doc.id);
      } catch (error) {
        this.notices.show('error', `The kept dataset could not be read: ${errorText(error)}`);
        return null;
      }
      if (!dataset) this.notices.show('info', 'This project keeps no dataset yet (run its Load cell first): the file holds the notebook without it.');
    }
    const results = include.results ? Object.values(this.runtime.records) : [];
    const models: NamedModel[] = [];
    for (const model of include.models ? this.models.list : []) {
      const files = await this.kernel.api.modelFiles(doc.id, model.id);
      if (files) models.push({ name: model.name, files });
    }
    // A read-only notebook goes out as it came in: this build's reading of it would lose what it cannot read.
    const fields = this.notebook.readOnly?.stored ?? doc;
    return { fileName: `${fileSlug(doc.title)}.json`, json: notebookFileJson(fields, { results, dataset: dataset as DatasetColumns | null, models }) };
  }

  /**
   * The notebook as a Jupyter notebook, outputs included; `renderPng` draws each chart (in the
   * page, which has a canvas) before the DOM-free export builds the JSON.
   */
  async exportIpynb(renderPng: (spec: ChartToRender['spec']) => Promise<string>): Promise<{ fileName: string; json: string } | null> {
    const doc = this.notebook.doc;
    if (!doc) return null;
    const source = { doc, records: this.runtime.records, statuses: this.statuses };
    const images = new Map<string, string>();
    for (const chart of chartsToRender(source)) {
      try {
        images.set(chart.key, await renderPng(chart.spec));
      } catch (error) {
        // The Vega-Lite spec still goes in; only the picture for viewers without Vega is missing.
        this.notices.show('error', `A chart could not be drawn for the export: ${errorText(error)}`);
      }
    }
    return { fileName: `${fileSlug(doc.title)}.ipynb`, json: `${JSON.stringify(buildIpynb(source, images), null, 1)}\n` };
  }

  /** A link to this site that opens the notebook (no data, no results); null with a message when it cannot be made. */
  async shareLink(siteUrl: string): Promise<string | null> {
    const doc = this.notebook.doc;
    if (!doc) return null;
    try {
      return `${siteUrl.split('#')[0]}${await encodeShareLink(doc)}`;
    } catch (error) {
      this.notices.show('error', `No link could be made: ${errorText(error)}`);
      return null;
    }
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
    if (this.refusedReadOnly('given another dataset')) return;
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
    if (this.runtime.busy || this.refusedReadOnly('run')) return;
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
      this.paused = false;
      await this.detectBackend();
    }
    const doc = this.notebook.doc;
    if (doc) await this.save(() => this.keepDataset(doc));
    await this.refreshModels();
  }

  /** Asks the kernel which training backend its probe chose and shows it. */
  async detectBackend(): Promise<void> {
    try {
      this.showBackend(await this.kernel.api.backend());
    } catch (error) {
      this.notices.show('error', `No training backend could start: ${errorText(error)}`);
    }
  }

  /** Trains on `name` from now on, over the probe's choice; results already made stand. */
  async chooseBackend(name: string): Promise<void> {
    try {
      this.showBackend(await this.kernel.api.chooseBackend(name));
    } catch (error) {
      this.notices.show('error', `Could not switch to ${name}: ${errorText(error)}`);
    }
  }

  private showBackend(info: BackendInfo): void {
    this.backend = info.backend;
    this.backendProbeMs = info.probeMs;
  }

  private async save(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.notices.show('error', `Saving in this browser failed: ${describeStorageError(error)}`);
    }
  }
}
