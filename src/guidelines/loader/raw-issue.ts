// A problem known by its path inside one file, before it is given a line and column.
export interface RawIssue {
  path: readonly (string | number)[];
  message: string;
  fix?: string;
  /** Point at the key of the last path segment instead of its value ("unknown key"). */
  at?: "key" | "value";
}
