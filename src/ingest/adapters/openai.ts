import type { Adapter } from '../adapter.ts';

export const openaiAdapters: readonly Adapter[] = [];
