/**
 * A restore replaces every row, and restored rows can carry the same revision as the rows another
 * tab loaded before: that tab's compare-and-swap would pass and its next save would write over the
 * restored data without a word. So the tab that restored announces it, and every other tab of the
 * app closes its connection (it can no longer save) and asks to be reloaded; what was typed there
 * is kept as a form draft and offered back after the reload.
 */
import { db } from './database';

const CHANNEL = 'cpni-desk-data';
/** This tab: a message it sent itself reaches its own listeners too, and must be ignored there. */
const TAB = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : String(Math.random());

/** Tells the app's other tabs and windows that every row was just replaced. */
export function announceReplaced(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'replaced', from: TAB });
  channel.close();
}

/** Called in this tab when another one has replaced the data; gives back the unsubscribe. */
export function onReplacedElsewhere(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<{ type?: string; from?: string }>) => {
    if (event.data?.type !== 'replaced' || event.data.from === TAB) return;
    db().close();
    listener();
  };
  return () => channel.close();
}
