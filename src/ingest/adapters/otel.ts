import type { Adapter } from '../adapter.ts';

export const otelAdapters: readonly Adapter[] = [];
