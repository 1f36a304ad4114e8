// Watches the rules folder (and its list files) and calls back once a burst of saves is over:
// an editor writes a file in several steps, and a `git pull` changes many at once.
import { watch, type FSWatcher } from "node:fs";

export interface GuidelineWatch {
  close(): void;
}

export function watchGuidelines(dir: string, onChange: (files: string[]) => void, opts: { debounceMs?: number; onError?: (err: Error) => void } = {}): GuidelineWatch {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { recursive: true, persistent: false }, (_event, file) => {
    if (file && !/\.(ya?ml|txt)$/i.test(file)) return; // editors' swap and backup files
    if (file) changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      changed.clear();
      onChange(files);
    }, opts.debounceMs ?? 300);
  });
  watcher.on("error", (err) => opts.onError?.(err));
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
