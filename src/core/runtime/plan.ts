import { getCellKind } from '../cells/registry';
import { resolveParams } from '../cells/params';
import type { ArtifactKind, CellKind } from '../cells/types';
import { canonicalJson, hashString } from '../hash';
import type { NotebookDocument } from '../notebook/document';
import type { CellRecord, CellStatus } from './record';

/** How one cell is wired into the notebook right now. */
export interface CellPlan {
  cellId: string;
  index: number;
  kind: CellKind<any> | undefined;
  /** For each input kind, the id of the nearest earlier cell that produces it. */
  inputs: Partial<Record<ArtifactKind, string>>;
  missing: ArtifactKind[];
  /**
   * A hash of everything the result depends on: kind, parameters, the inputs' stamps and the
   * dataset for readers. Runs are seeded, so an equal stamp means an equal result.
   */
  stamp: string;
}

export function planNotebook(doc: NotebookDocument, datasetId: string | null): CellPlan[] {
  const latestProducer = new Map<ArtifactKind, CellPlan>();
  return doc.cells.map((cell, index) => {
    const kind = getCellKind(cell.kind);
    const params = kind ? resolveParams(kind, cell.params) : cell.params;
    const inputs: Partial<Record<ArtifactKind, string>> = {};
    const inputStamps: Record<string, string> = {};
    const missing: ArtifactKind[] = [];
    for (const needed of kind?.inputsFor?.(params) ?? kind?.inputs ?? []) {
      const producer = latestProducer.get(needed);
      if (producer) {
        inputs[needed] = producer.cellId;
        inputStamps[needed] = producer.stamp;
      } else {
        missing.push(needed);
      }
    }
    const stamp = hashString(
      canonicalJson({
        kind: cell.kind,
        params,
        inputs: inputStamps,
        dataset: kind?.readsDataset ? datasetId : null,
      }),
    );
    const plan: CellPlan = { cellId: cell.id, index, kind, inputs, missing, stamp };
    if (kind?.output) latestProducer.set(kind.output, plan);
    return plan;
  });
}

export function cellStatus(plan: CellPlan, record: CellRecord | undefined): CellStatus {
  if (!record || plan.kind?.note) return 'idle';
  if (record.stamp !== plan.stamp) return 'stale';
  return record.status;
}

/** Ids of the cells `cellId` depends on, directly or not, in document order. */
export function ancestorsOf(plans: CellPlan[], cellId: string): string[] {
  const byId = new Map(plans.map((plan) => [plan.cellId, plan]));
  const found = new Set<string>();
  const visit = (id: string) => {
    for (const inputId of Object.values(byId.get(id)?.inputs ?? {})) {
      if (inputId && !found.has(inputId)) {
        found.add(inputId);
        visit(inputId);
      }
    }
  };
  visit(cellId);
  return plans.filter((plan) => found.has(plan.cellId)).map((plan) => plan.cellId);
}
