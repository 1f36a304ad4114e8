// PLACEHOLDER owned by the text-matching work: the normalized view of a message.
// The interface may grow; EvalInput.text is of this type.
export interface TextAnalysis {
  /** The original text. */
  readonly raw: string;
}

export function analyzeText(raw: string): TextAnalysis {
  return { raw };
}
