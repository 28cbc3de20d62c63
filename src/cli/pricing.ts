// `batchable pricing`: placeholder registration, replaced by the command's own implementation.
import type { Command } from 'commander';
import type { Io } from './io.ts';

export function registerPricing(_program: Command, _io: Io): void {}
