/**
 * Reads that several screens show, shared (see `liveSource`) and small enough to sit in the app's
 * entry: a route starts them as the app starts, so they run as soon as the database is open,
 * while the screen's own code is still loading, and the screen mounts with its data.
 */
import { compareSummaries } from './certification-summaries';
import { db } from './database';
import { liveSource } from './live-source';

/** Every client, archived ones too, by legal name. */
export const clientsSource = liveSource(() => db().clients.orderBy('legalName').toArray());

/** Every certification's summary (see certification-summaries.ts), by client and year. */
export const certificationSummariesSource = liveSource(async () => (await db().certificationSummaries.toArray()).sort(compareSummaries));
