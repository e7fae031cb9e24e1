/** azlog as a library: analyse bundles from a ticket system, read the cause catalogue, render reports. */
export { analyze, analyzeWithInventory, UsageError, type AnalyzeOptions, type AnalysisResult, type TimelineData } from './analyze.js';
export { runBatch, expandInputs, readManifest, type BatchInput, type BatchOptions, type BatchSummary } from './batch/batch.js';
export { CAUSES, causeById, type Cause, type CauseContext, type Localized } from './causes/index.js';
export { SYMPTOMS, resolveSymptom, type Symptom } from './model/symptoms.js';
export { timeline, timelineKinds, type TimelineFilter, type TimelineOptions, type TimelineResult } from './timeline/timeline.js';
export { BundleError } from './ingest/readers.js';
export { DEFAULT_LIMITS, LimitError, type Limits } from './ingest/limits.js';
export { renderText } from './report/text.js';
export { renderMarkdown } from './report/markdown.js';
export { renderHtml } from './report/html.js';
export { redact } from './report/redact.js';
export * from './model/types.js';
