import { CellError } from '../cells/types';
import { bestSilhouetteK, elbowK, type ScanPoint } from './choose-k';
import { fitKMeans } from './kmeans';
import { assignNearest, type KMeansFit } from './lloyd';
import { orderBySize } from './order-by-size';
import { fitPca, projectRows, type PcaFit } from './pca';
import { selectRows, type Points } from './points';
import { sampleRows } from './sample-rows';
import { applyStandardScaling, fitStandardScaling, type StandardScaling } from './scale';
import { silhouetteScores } from './silhouette';

export type Scaling = 'standard' | 'none';

export interface SegmentationOptions {
  k: number | 'auto';
  restarts: number;
  seed: number;
  scaling: Scaling;
}

export interface SegmentationHooks {
  /** Between iterations: yield to the host, throw when cancelled. */
  checkpoint(): Promise<void>;
  progress(fraction: number, message: string): void;
}

/** The k an automatic choice picks from. */
export const SCAN_KS = [2, 3, 4, 5, 6, 7, 8];
/** The elbow scan fits each k on at most this many rows (seeded sample); the final fit uses every row. */
export const SCAN_MAX_ROWS = 20_000;
/**
 * Silhouettes are exact up to this many rows and estimated on a seeded sample of this size above
 * it: the estimate's spread (about 0.006 on the shoppers data) stays well below the gaps between
 * neighbouring k that decide the choice, and one scan costs about a second.
 */
export const SILHOUETTE_MAX_ROWS = 5_000;
export const SCATTER_MAX_POINTS = 5_000;

export interface Segmentation {
  k: number;
  chosenBy: 'user' | 'silhouette' | 'elbow';
  elbowK: number | null;
  bestSilhouetteK: number | null;
  scan: ScanPoint[];
  scanRows: number;
  /** Clusters numbered by size, largest first. */
  fit: KMeansFit;
  silhouette: number | null;
  silhouetteRows: number;
  silhouetteExact: boolean;
  /** Null when the features were clustered in their own units. */
  scaling: StandardScaling | null;
  pca: PcaFit;
  /** The rows drawn in the scatter and their coordinates (rows × components). */
  scatterRows: Uint32Array;
  scatter: Float64Array;
}

function chooseK(options: SegmentationOptions, scan: ScanPoint[]): Pick<Segmentation, 'k' | 'chosenBy' | 'elbowK' | 'bestSilhouetteK'> {
  const elbow = elbowK(scan);
  const bestSilhouette = bestSilhouetteK(scan.filter((point) => SCAN_KS.includes(point.k)));
  if (options.k !== 'auto') return { k: options.k, chosenBy: 'user', elbowK: elbow, bestSilhouetteK: bestSilhouette };
  if (bestSilhouette !== null) return { k: bestSilhouette, chosenBy: 'silhouette', elbowK: elbow, bestSilhouetteK: bestSilhouette };
  if (elbow !== null) return { k: elbow, chosenBy: 'elbow', elbowK: elbow, bestSilhouetteK: bestSilhouette };
  throw new CellError('Could not suggest k: no k from 2 to 8 gave two clusters or an elbow; choose k in the cell');
}

/**
 * Scans k = 2..8 (and the chosen k) on a sample for the elbow and silhouette curves, picks k
 * (the user's, or the best silhouette), fits it on every row, scores it and projects it to 2-D.
 */
export async function segmentPoints(raw: Points, options: SegmentationOptions, hooks: SegmentationHooks): Promise<Segmentation> {
  const scaling = options.scaling === 'standard' ? fitStandardScaling(raw) : null;
  const points = scaling ? applyStandardScaling(raw, scaling) : raw;
  const scanKs = [...new Set([...SCAN_KS, ...(options.k === 'auto' ? [] : [options.k])])].filter((k) => k < points.rows).sort((a, b) => a - b);
  const scanRowIndices = sampleRows(points.rows, SCAN_MAX_ROWS, options.seed);
  const scanPoints = scanRowIndices.length === points.rows ? points : selectRows(points, scanRowIndices);
  const silhouetteRows = sampleRows(points.rows, SILHOUETTE_MAX_ROWS, options.seed + 1);
  const silhouettePoints = selectRows(points, silhouetteRows);
  const silhouetteLabels = (fit: KMeansFit, k: number) => {
    const labels = new Int32Array(silhouetteRows.length);
    assignNearest(silhouettePoints, fit.centers, k, labels);
    return { labels, k };
  };

  const scan: ScanPoint[] = [];
  const scanFits = new Map<number, KMeansFit>();
  for (const [index, k] of scanKs.entries()) {
    hooks.progress((0.5 * index) / scanKs.length, `k = ${k}`);
    const fit = await fitKMeans(scanPoints, { k, restarts: options.restarts, seed: options.seed }, hooks.checkpoint);
    scanFits.set(k, fit);
    scan.push({ k, inertia: fit.inertia, silhouette: null });
  }
  hooks.progress(0.5, 'Silhouettes');
  const scanSilhouettes = await silhouetteScores(silhouettePoints, scan.map((point) => silhouetteLabels(scanFits.get(point.k)!, point.k)), hooks.checkpoint);
  scan.forEach((point, index) => (point.silhouette = scanSilhouettes[index]));
  const choice = chooseK(options, scan);

  hooks.progress(0.6, `Fitting k = ${choice.k} on every row`);
  const reused = scanPoints === points && scanFits.has(choice.k);
  const fullFit = reused ? scanFits.get(choice.k)! : await fitKMeans(points, { k: choice.k, restarts: options.restarts, seed: options.seed }, hooks.checkpoint);
  const fit = orderBySize(fullFit, choice.k, points.dims);
  // Renumbering clusters leaves a silhouette unchanged, so a fit taken from the scan keeps its score.
  const silhouette = reused ? scan.find((point) => point.k === choice.k)!.silhouette : (await silhouetteScores(silhouettePoints, [silhouetteLabels(fit, choice.k)], hooks.checkpoint))[0];

  hooks.progress(0.9, 'Projection');
  const pca = fitPca(points, 2);
  const scatterRows = sampleRows(points.rows, SCATTER_MAX_POINTS, options.seed + 2);
  return {
    ...choice,
    scan,
    scanRows: scanPoints.rows,
    fit,
    silhouette,
    silhouetteRows: silhouetteRows.length,
    silhouetteExact: silhouetteRows.length === points.rows,
    scaling,
    pca,
    scatterRows,
    scatter: projectRows(points, scatterRows, pca),
  };
}
