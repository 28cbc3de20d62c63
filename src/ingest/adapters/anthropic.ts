import type { Adapter } from '../adapter.ts';

export const anthropicAdapters: readonly Adapter[] = [];
