import type { Adapter } from '../adapter.ts';

export const langfuseAdapters: readonly Adapter[] = [];
