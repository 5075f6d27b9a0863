// When a screen's content is in the page and when it is on screen, stamped by the page itself.
//
// The test driver stays out of the page while it loads: Playwright's locators, waitForFunction
// and evaluate inject a large script on first use, and polling from the driver during startup
// added about 40 ms of main-thread work to every figure. The page reports by console message,
// which the driver only listens for.
//
// Two stamps per load, in ms from navigation start:
// - `inDom`: the first time the `until` selector matches;
// - `painted`: when the frame holding that content was presented. For an element inside the
//   viewport this is its Element Timing render time (the attribute is added by this script, not
//   by the app). Content below the fold is never painted, so there it is the end of the next
//   frame (requestAnimationFrame, then a task).

/** Installed with page.addInitScript; reads the selectors of the load from sessionStorage. */
function installStamp() {
  let spec;
  try {
    spec = sessionStorage.getItem('bench-shown');
  } catch {
    return; // a document with no storage of this origin (about:blank)
  }
  if (!spec) return;
  const { until, mark } = JSON.parse(spec);
  let reported = false;
  const report = (painted, inDom, how) => {
    if (reported) return;
    reported = true;
    console.debug(`bench-shown ${painted} ${inDom} ${how}`);
  };
  new MutationObserver((_, observer) => {
    const found = document.querySelector(until);
    if (!found) return;
    observer.disconnect();
    const inDom = performance.now();
    const marked = (mark && document.querySelector(mark)) || found;
    let frameEnd;
    requestAnimationFrame(() => setTimeout(() => (frameEnd = performance.now())));
    // Whether the element is on screen, known after the frame's layout without forcing one now.
    const afterFrame = (how) => {
      const wait = () => (frameEnd === undefined ? setTimeout(wait, 5) : report(frameEnd, inDom, how));
      wait();
    };
    new IntersectionObserver((entries, io) => {
      io.disconnect();
      if (!entries[0].isIntersecting) afterFrame('frame');
      // An element with no text of its own has no Element Timing entry: never wait forever.
      else setTimeout(() => afterFrame('frame'), 3000);
    }).observe(marked);
    marked.setAttribute('elementtiming', 'bench-shown');
    new PerformanceObserver((list, po) => {
      const entry = list.getEntries().find((e) => e.identifier === 'bench-shown');
      if (!entry) return;
      po.disconnect();
      report(entry.renderTime || entry.loadTime, inDom, 'element');
    }).observe({ type: 'element', buffered: true });
  }).observe(document, { subtree: true, childList: true });
}

/** Call once per page, before its first timed load. */
export async function prepareShownStamps(page) {
  await page.addInitScript(installStamp);
}

/**
 * Loads `url` and resolves with `{ inDom, painted }` (ms from navigation start) for the first
 * match of `until`; `mark` names the visible element whose paint counts, when that differs.
 */
export async function timeLoad(page, url, until, mark) {
  await page.evaluate((spec) => sessionStorage.setItem('bench-shown', spec), JSON.stringify({ until, mark }));
  const shown = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('bench-shown '), timeout: 60_000 });
  await page.goto(url);
  let message;
  try {
    message = await shown;
  } catch (error) {
    await page.screenshot({ path: 'test-results/bench-timeout.png', fullPage: true });
    throw error;
  }
  const [, painted, inDom, how] = message.text().split(' ');
  await page.evaluate(() => sessionStorage.removeItem('bench-shown'));
  return { inDom: Number(inDom), painted: Number(painted), how };
}

