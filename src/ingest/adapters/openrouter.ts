import type { Adapter } from '../adapter.ts';

export const openrouterAdapters: readonly Adapter[] = [];
