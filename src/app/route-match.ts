/**
 * Which of the app's route patterns a path opens, as the router would choose: segment by
 * segment, a fixed segment (`/clients/new`) before a parameter (`/clients/:id`).
 */
export function screenFor<R extends { path: string }>(routes: readonly R[], pathname: string): R | undefined {
  const parts = split(pathname);
  let best: { route: R; params: number } | undefined;
  for (const route of routes) {
    const pattern = split(route.path);
    if (pattern.length !== parts.length) continue;
    let params = 0;
    const fits = pattern.every((segment, i) => {
      if (!segment.startsWith(':')) return segment === parts[i];
      params += 1;
      return parts[i] !== '';
    });
    if (fits && (!best || params < best.params)) best = { route, params };
  }
  return best?.route;
}

function split(path: string): string[] {
  return path.replace(/\/+$/, '').split('/').slice(1);
}
