// Measuring guidelines on labelled JSON-lines files (`steward eval`).
export { runEval, type EvalOptions, type EvalReport } from "./run.js";
export { evalReportJson, formatBadLine, formatEvalReport } from "./format.js";
export { parseLine, type BadLine, type EvalCase } from "./lines.js";
export { Tally, type Scores } from "./metrics.js";
