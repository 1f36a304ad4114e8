/** Route templates like `DELETE /channels/:channelId/messages/:messageId` (method optional, `*` = rest of path). */

export type RouteMatcher = (method: string, path: string) => Record<string, string> | null;

export function compileRoute(pattern: string): RouteMatcher {
  const trimmed = pattern.trim();
  const space = trimmed.indexOf(" ");
  const method = space > 0 ? trimmed.slice(0, space).toUpperCase() : null;
  const template = space > 0 ? trimmed.slice(space + 1).trim() : trimmed;
  const names: string[] = [];
  const source = template
    .split("/")
    .map((segment) => {
      if (segment === "*") return ".*";
      if (segment.startsWith(":")) {
        names.push(segment.slice(1));
        return "([^/]+)";
      }
      return segment.replace(/[.*+?^${}()|[\]\\@]/g, "\\$&");
    })
    .join("/");
  const regex = new RegExp(`^${source}/?$`);
  return (m, path) => {
    if (method && method !== "*" && method !== m.toUpperCase()) return null;
    const match = regex.exec(path);
    if (!match) return null;
    const params: Record<string, string> = {};
    names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1] ?? "")));
    return params;
  };
}

/** A route to match requests: a template string, a RegExp tested against "METHOD /path", or a predicate. */
export type RoutePattern = string | RegExp | ((method: string, path: string) => boolean);

export function routeTest(pattern: RoutePattern): (method: string, path: string) => boolean {
  if (typeof pattern === "function") return pattern;
  if (pattern instanceof RegExp) return (method, path) => pattern.test(`${method} ${path}`);
  const matcher = compileRoute(pattern);
  return (method, path) => matcher(method, path) !== null;
}
