import { resolveParams, validateParams } from '../cells/params';
import { CancelledError, CellError, datasetBlob, type Artifact, type CellInput, type DatasetFile, type ProgressUpdate, type RunContext, type Summary, type TableArtifact } from '../cells/types';
import { memoryBudget } from '../data/memory-budget';
import { hashBlob } from '../hash';
import { loadScoringModel, saveScoringModel } from '../model/model-package';
import type { MlRuntime, ModelFiles } from '../model/runtime';
import { scoringModelOf, type ScoringModel } from '../model/scoring-model';
import type { NotebookDocument } from '../notebook/document';
import { ancestorsOf, planNotebook, type CellPlan } from './plan';
import type { CellRecord } from './record';

export interface RunHooks {
  signal: AbortSignal;
  onStart?(cellId: string): void;
  onProgress?(cellId: string, update: ProgressUpdate): void;
  /** Called for every cell that ran, ancestors included, as each finishes. */
  onRecord?(record: CellRecord): void;
}

interface LiveArtifact {
  stamp: string;
  artifact: Artifact | undefined;
}

/**
 * Runs notebook cells against one dataset and keeps their artifacts in memory. The same class
 * serves the browser (inside the kernel worker) and the headless runner.
 */
export class Session {
  private dataset: DatasetFile | null = null;
  /** The name of a dataset put back from its loaded columns, whose file this session does not have. */
  private keptOnly: string | null = null;
  /** The last finished record of the cell that reads the dataset: a project keeps it with the table. */
  private datasetRecord: CellRecord | null = null;
  /** Each cell's summary from its last successful run, handed to its next run. */
  private readonly lastSummaries = new Map<string, Summary>();
  private currentDatasetId: string | null = null;
  private readonly live = new Map<string, LiveArtifact>();
  private mlRuntime: Promise<MlRuntime> | null = null;
  /** How much memory one dataset may take here; the host sets it from what it knows of its memory. */
  memoryBudgetBytes = memoryBudget({});
  /** Where models kept with the project come from: the project's model store in the browser, `--model` files in the runner. */
  modelFiles: (id: string) => Promise<ModelFiles | null> = async () => null;
  /** Kept models read so far, by id: read once, freed with the session's artifacts. */
  private readonly keptModels = new Map<string, Promise<ScoringModel>>();

  constructor(
    private readonly createMl: () => Promise<MlRuntime>,
    private readonly yieldToHost: () => Promise<void>,
  ) {}

  get datasetId(): string | null {
    return this.currentDatasetId;
  }

  /** Replaces the dataset; returns its content id (used in plan stamps). */
  async setDataset(file: DatasetFile): Promise<string> {
    const id = await hashBlob(datasetBlob(file));
    this.dataset = file;
    this.keptOnly = null;
    this.currentDatasetId = id;
    return id;
  }

  /**
   * Puts back a dataset a project kept as its Load cell's table (the file itself is not kept):
   * the table stands as that cell's output for as long as the cell's stamp is unchanged.
   */
  restoreDataset(kept: { datasetId: string; name: string; record: CellRecord }, table: TableArtifact): void {
    this.dispose();
    this.dataset = null;
    this.keptOnly = kept.name;
    this.currentDatasetId = kept.datasetId;
    this.datasetRecord = kept.record;
    this.live.set(kept.record.cellId, { stamp: kept.record.stamp, artifact: table });
  }

  /** Forgets the dataset and every artifact: another project, with no dataset kept, is opening. */
  closeDataset(): void {
    this.dispose();
    this.dataset = null;
    this.keptOnly = null;
    this.currentDatasetId = null;
    this.datasetRecord = null;
  }

  /** The table the notebook's Load cell holds now and the record that made it, if current: what a project keeps of its dataset. */
  loadedTable(doc: NotebookDocument): { record: CellRecord; table: TableArtifact } | null {
    const plan = planNotebook(doc, this.currentDatasetId).find((candidate) => candidate.kind?.readsDataset);
    const live = plan && this.live.get(plan.cellId);
    const record = this.datasetRecord;
    if (!plan || live?.stamp !== plan.stamp || live.artifact?.kind !== 'table' || record?.cellId !== plan.cellId || record.stamp !== plan.stamp) return null;
    return { record, table: live.artifact };
  }

  ml(): Promise<MlRuntime> {
    this.mlRuntime ??= this.createMl();
    return this.mlRuntime;
  }

  /** The model cell `cellId` trained, in the layers format, and the target it predicts, if its result is current; null otherwise. */
  async trainedModel(doc: NotebookDocument, cellId: string): Promise<{ files: ModelFiles; target: string } | null> {
    const plan = planNotebook(doc, this.currentDatasetId).find((candidate) => candidate.cellId === cellId);
    const live = this.live.get(cellId);
    if (!plan || live?.stamp !== plan.stamp || live.artifact?.kind !== 'model') return null;
    const scoring = scoringModelOf(live.artifact);
    return { files: await saveScoringModel(await this.ml(), scoring), target: scoring.target };
  }

  /** Reads `files` as a scoring model would be read, so a broken import is refused before it is kept; returns its target. */
  async checkModelFiles(files: ModelFiles): Promise<{ target: string }> {
    const scoring = await loadScoringModel(await this.ml(), files);
    scoring.model.dispose();
    return { target: scoring.target };
  }

  private keptModel(id: string): Promise<ScoringModel> {
    let reading = this.keptModels.get(id);
    if (!reading) {
      reading = (async () => {
        const files = await this.modelFiles(id);
        if (!files) throw new CellError(`No model with id ${id} is kept with this project: import its files again, or pick another model`);
        return loadScoringModel(await this.ml(), files);
      })();
      this.keptModels.set(id, reading);
      // A failed read is not remembered: the files may be imported next.
      reading.catch(() => this.keptModels.delete(id));
    }
    return reading;
  }

  /** Runs `cellId`, first running any ancestor whose artifact is missing or out of date. */
  async run(doc: NotebookDocument, cellId: string, hooks: RunHooks): Promise<CellRecord> {
    const plans = planNotebook(doc, this.currentDatasetId);
    const byId = new Map(plans.map((plan) => [plan.cellId, plan]));
    const target = byId.get(cellId);
    if (!target) throw new CellError(`No cell with id '${cellId}' in this notebook`);
    for (const ancestorId of ancestorsOf(plans, cellId)) {
      const ancestor = byId.get(ancestorId)!;
      if (this.live.get(ancestorId)?.stamp === ancestor.stamp) continue;
      const record = await this.execute(doc, ancestor, hooks);
      if (record.status === 'error') {
        return this.finish(target, hooks, 0, {
          status: 'error',
          error: `Input cell ${ancestor.index + 1} (${ancestor.kind?.label ?? ancestor.kind}) failed: ${record.error}`,
        });
      }
    }
    return this.execute(doc, target, hooks);
  }

  private missingDatasetMessage(): string {
    if (this.keptOnly === null) return 'No dataset yet: drop a file or try the sample data';
    return `This project keeps ${this.keptOnly} as the table it loaded, not the file itself; with these Load settings the file must be read again: drop ${this.keptOnly} on the page`;
  }

  dispose(): void {
    for (const cellId of [...this.live.keys()]) this.forget(cellId);
    for (const reading of this.keptModels.values()) reading.then((kept) => kept.model.dispose(), () => undefined);
    this.keptModels.clear();
  }

  private forget(cellId: string): void {
    const held = this.live.get(cellId)?.artifact;
    if (held?.kind === 'model') held.model.dispose();
    this.live.delete(cellId);
  }

  private finish(plan: CellPlan, hooks: RunHooks, ms: number, outcome: Partial<CellRecord> & Pick<CellRecord, 'status'>): CellRecord {
    const record: CellRecord = {
      cellId: plan.cellId,
      kind: plan.kind?.kind ?? 'unknown',
      stamp: plan.stamp,
      ms,
      finishedAt: new Date().toISOString(),
      ...outcome,
    };
    if (plan.kind?.readsDataset && record.status === 'done') this.datasetRecord = record;
    if (record.status === 'done' && record.summary) this.lastSummaries.set(plan.cellId, record.summary);
    hooks.onRecord?.(record);
    return record;
  }

  private async execute(doc: NotebookDocument, plan: CellPlan, hooks: RunHooks): Promise<CellRecord> {
    const cell = doc.cells[plan.index];
    const kind = plan.kind;
    if (!kind) return this.finish(plan, hooks, 0, { status: 'error', error: `Unknown cell kind '${cell.kind}'` });
    if (kind.note) return this.finish(plan, hooks, 0, { status: 'done', summary: {} });
    const kept = this.datasetRecord;
    if (kind.readsDataset && !this.dataset && kept?.cellId === plan.cellId && kept.stamp === plan.stamp && this.live.has(plan.cellId)) {
      // Without the file, the kept table is this cell's output as it stands: its record is handed back, not remade.
      hooks.onRecord?.(kept);
      return kept;
    }
    this.forget(plan.cellId);
    if (plan.missing.length > 0) {
      return this.finish(plan, hooks, 0, {
        status: 'error',
        error: `No earlier cell produces ${plan.missing.map((k) => `a ${k}`).join(' or ')}: add one above this ${kind.label} cell`,
      });
    }
    const issues = validateParams(kind, cell.params);
    if (issues.length > 0) {
      return this.finish(plan, hooks, 0, { status: 'error', error: issues.map((issue) => issue.message).join('; '), issues });
    }
    const input: CellInput = {};
    for (const [inputKind, producerId] of Object.entries(plan.inputs)) {
      (input as Record<string, Artifact | undefined>)[inputKind] = this.live.get(producerId!)?.artifact;
    }
    if (kind.readsDataset) {
      if (!this.dataset) return this.finish(plan, hooks, 0, { status: 'error', error: this.missingDatasetMessage() });
      input.dataset = this.dataset;
    }
    let usedMl: MlRuntime | null = null;
    const ctx: RunContext = {
      signal: hooks.signal,
      progress: (update) => hooks.onProgress?.(plan.cellId, update),
      yieldToHost: this.yieldToHost,
      ml: async () => (usedMl = await this.ml()),
      memoryBudgetBytes: this.memoryBudgetBytes,
      keptModel: (id) => this.keptModel(id),
      previousSummary: this.lastSummaries.get(plan.cellId),
    };
    hooks.onStart?.(plan.cellId);
    const started = performance.now();
    try {
      const output = await kind.run(input, resolveParams(kind, cell.params), ctx);
      if (hooks.signal.aborted) throw new CancelledError();
      this.live.set(plan.cellId, { stamp: plan.stamp, artifact: output.artifact });
      const ml = usedMl as MlRuntime | null;
      return this.finish(plan, hooks, performance.now() - started, {
        status: 'done',
        view: output.view,
        summary: output.summary,
        ...(output.outputColumns ? { outputColumns: output.outputColumns } : {}),
        ...(ml ? { backend: ml.backend, mlVersion: ml.version } : {}),
      });
    } catch (error) {
      if (error instanceof CancelledError || hooks.signal.aborted) throw new CancelledError();
      const message = error instanceof CellError ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
      return this.finish(plan, hooks, performance.now() - started, { status: 'error', error: message });
    }
  }
}
