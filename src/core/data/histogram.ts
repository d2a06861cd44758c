export interface HistogramBin {
  start: number;
  end: number;
  count: number;
}

/**
 * Equal-width bins from the smallest to the largest value; the last bin includes its upper
 * edge. A constant column gets one bin of width 1 so the chart still has a bar.
 */
export function equalWidthBins(values: ArrayLike<number>, binCount: number): HistogramBin[] {
  if (values.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  if (min === max) return [{ start: min, end: min + 1, count: values.length }];
  const width = (max - min) / binCount;
  const counts = new Array<number>(binCount).fill(0);
  for (let i = 0; i < values.length; i++) counts[Math.min(binCount - 1, Math.floor((values[i] - min) / width))]++;
  return counts.map((count, index) => ({ start: min + index * width, end: index === binCount - 1 ? max : min + (index + 1) * width, count }));
}
