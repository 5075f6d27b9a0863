import { createResource } from 'solid-js';

export interface StorageStatus {
  supported: boolean;
  persisted: boolean;
  usage?: number;
  quota?: number;
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = navigator.storage;
  if (!storage?.persisted) return { supported: false, persisted: false };
  const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate?.() ?? Promise.resolve(undefined)]);
  return { supported: true, persisted, usage: estimate?.usage, quota: estimate?.quota };
}

/** Asks the browser not to evict this app's data under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
  return (await navigator.storage?.persist?.()) ?? false;
}

export function createStorageStatus() {
  return createResource(readStorageStatus);
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return 'unknown';
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[i]}`;
}
