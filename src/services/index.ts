// The application services: transport-agnostic (no electron), over Node and core.
export { openServices } from './services';
export type { AppServices, ServicesOptions } from './services';
export { dispatch } from './dispatch';
export { defaultWorkspaceDir, APP_NAME } from './default-workspace';
export {
  DurableJsonFile,
  CorruptFileError,
  NewerFormatError,
  OlderFormatError,
} from './durable-json-file';
export type { DurableJsonFileOptions } from './durable-json-file';
export { WriteQueue } from './write-queue';
export { writeFileDurably, syncFolder, ensureFolder } from './durable-write';
export { WorkspaceStore, INDEX_FILE } from './workspace-store';
export { isSupportedName, formatSize } from './import-source';
export { workerAnalysis, localAnalysis, ANALYSIS_WORKER_FILE } from './analysis';
export { workerConversion, localConversion, CONVERSION_WORKER_FILE } from './conversion';
export type { Conversion } from './conversion';
export type { Analysis } from './analysis';
export { GAZETTEER_FILE } from './gazetteer-file';
