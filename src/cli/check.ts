// `batchable check`: placeholder registration, replaced by the command's own implementation.
import type { Command } from 'commander';
import type { Io } from './io.ts';

export function registerCheck(_program: Command, _io: Io): void {}
