// What the pipeline reports for monitoring (the /metrics endpoint builds on it); the engine
// stays free of any metrics library.
export interface PipelineObserver {
  /** One event handled, and how long it took from arrival to its actions done (seconds). */
  event(type: string, seconds: number): void;
  /** One action performed and how it went ("done", "failed", "refused", "unsupported"). */
  action(kind: string, status: string): void;
}
