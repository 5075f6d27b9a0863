import { createSignal } from 'solid-js';

/**
 * Whether a restore is being written. Leaving Settings ends the backup worker, which rolls the
 * restore back: the screen asks first (SettingsScreen), and closing the tab asks too.
 */
export const [restoreRunning, setRestoreRunning] = createSignal(false);

export const LEAVE_DURING_RESTORE = 'The backup is still being restored. If you leave now, the restore is cancelled and nothing is restored. Leave anyway?';
