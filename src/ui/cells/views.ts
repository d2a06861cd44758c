import type { Component } from 'svelte';
import AggregateView from './AggregateView.svelte';
import CleanView from './CleanView.svelte';
import ClassifyView from './ClassifyView.svelte';
import EdaView from './EdaView.svelte';
import EncodeView from './EncodeView.svelte';
import EvaluateView from './EvaluateView.svelte';
import GenericView from './GenericView.svelte';
import LoadView from './LoadView.svelte';
import ScoreView from './ScoreView.svelte';
import SegmentView from './SegmentView.svelte';
import TrainMlpView from './TrainMlpView.svelte';
import type { CellViewProps } from './types';

type CellView = Component<CellViewProps<any>>;

/** Each kind's output view; a kind missing here gets its summary as a table. */
const viewsByKind: Record<string, CellView> = {
  load: LoadView,
  clean: CleanView,
  aggregate: AggregateView,
  eda: EdaView,
  encode: EncodeView,
  'train-mlp': TrainMlpView,
  evaluate: EvaluateView,
  segment: SegmentView,
  classify: ClassifyView,
  score: ScoreView,
};

export function viewFor(kind: string): CellView {
  return viewsByKind[kind] ?? GenericView;
}
