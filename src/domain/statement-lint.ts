/**
 * The filing lint's public entry; the checks live in ./lint (one module per kind of check).
 * Kept so existing callers (the certification record, the editor, the check screen) keep working.
 */
export * from './lint/index';
