import { assembleModelFiles, fileStem, modelFilesNamed, type ModelFacts } from '../../core/model/model-files';
import type { KernelClient } from './kernel-client';
import type { NoticeList } from './notices.svelte';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** What a Score cell's Model field offers: the open project's kept models, and importing more. */
export interface ModelPicker {
  readonly list: readonly ModelFacts[];
  importFiles(picked: readonly File[]): Promise<ModelFacts | null>;
}

/** One file to hand to the browser's download. */
export interface DownloadFile {
  name: string;
  type: string;
  data: string | Uint8Array;
}

/**
 * The models kept with the open project, as the kernel keeps them: trained here (kept as each
 * Train cell finishes) or imported from TF.js layers files. A Score cell picks one by id.
 */
export class KeptModels {
  list = $state.raw<ModelFacts[]>([]);

  constructor(
    private readonly kernel: KernelClient,
    private readonly notices: NoticeList,
  ) {}

  async refresh(projectId: string | null): Promise<void> {
    this.list = projectId ? await this.kernel.api.models(projectId) : [];
  }

  /**
   * Keeps the model a user picked: its model.json and the weight files it lists, picked together.
   * Returns the model kept, or null after saying what was wrong.
   */
  async importFiles(projectId: string, picked: readonly File[]): Promise<ModelFacts | null> {
    const jsonFiles = picked.filter((file) => file.name.toLowerCase().endsWith('.json'));
    if (jsonFiles.length !== 1) {
      this.notices.show('error', `Pick one model.json and its weight files together (${jsonFiles.length === 0 ? 'no .json file was picked' : `${jsonFiles.length} .json files were picked`}).`);
      return null;
    }
    const [jsonFile] = jsonFiles;
    try {
      const weights = await Promise.all(picked.filter((file) => file !== jsonFile).map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      const files = assembleModelFiles(await jsonFile.text(), weights);
      const kept = await this.kernel.api.importModel(projectId, jsonFile.name.replace(/\.json$/i, ''), files);
      await this.refresh(projectId);
      this.notices.show('info', `Imported ${kept.name}, which predicts ${kept.target}: pick it in a Score cell's Model field.`);
      return kept;
    } catch (error) {
      this.notices.show('error', `${jsonFile.name} could not be imported as a model: ${errorText(error)}`);
      return null;
    }
  }

  /** The two files of the TF.js layers format, named after the model: `tf.loadLayersModel` reads them as they are. */
  async filesToDownload(projectId: string, model: ModelFacts): Promise<DownloadFile[]> {
    const files = await this.kernel.api.modelFiles(projectId, model.id);
    if (!files) {
      this.notices.show('error', `${model.name} is no longer kept with this project.`);
      await this.refresh(projectId);
      return [];
    }
    const named = modelFilesNamed(files, fileStem(model.name));
    return [
      { name: named.jsonName, type: 'application/json', data: named.json },
      { name: named.weightsName, type: 'application/octet-stream', data: named.weights },
    ];
  }

  async remove(projectId: string, model: ModelFacts): Promise<void> {
    await this.kernel.api.removeModel(projectId, model.id);
    await this.refresh(projectId);
  }
}
