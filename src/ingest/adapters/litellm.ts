import type { Adapter } from '../adapter.ts';

export const litellmAdapters: readonly Adapter[] = [];
