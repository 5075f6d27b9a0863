/**
 * The kinds whose records start dated clocks, written out so the dashboard can read their
 * records before the kind registry is loaded. test/unit/record-kind-registry.test.ts holds this
 * list equal to the registry's own (`CLOCKED_KINDS` in index.ts).
 */
export const CLOCKED_KIND_NAMES = ['breach', 'notice', 'optOutFailure'] as const;
