// Rules about money and lanes that several stages apply, each defined once here (docs/architecture.md).
// A call's cost is integer pico-dollars (10^-12 USD) from SQL; reports and checks show integer micro-dollars.
// The one rounding rule: half away from zero (roundDiv), in TypeScript and in SQL alike.
import { type Fraction, roundDiv, roundTo } from '../simulate/fraction.ts';

export const picoPerMicro = 1_000_000n;

/** Pico-dollars -> micro-dollars, half away from zero. */
export const picoToMicros = (pico: bigint): bigint => roundDiv(pico, picoPerMicro);

/** An exact fraction of pico-dollars (a stacked scenario step) -> micro-dollars, half away from zero. */
export const picoFractionToMicros = (pico: Fraction): bigint => roundTo(pico, picoPerMicro);

/** The same rounding in SQL, over an integer (BIGINT or HUGEINT) pico-dollar expression: exact integer arithmetic. */
export const picoToMicrosSql = (pico: string): string => `CAST(sign(${pico}) * ((abs(${pico}) + 500000) // 1000000) AS BIGINT)`;

/** Lanes where someone is served in real time and billed at the synchronous rates; batch and flex are not. */
export const synchronousLanes = ['standard', 'priority'] as const;

/** True in SQL when `lane` is a synchronous lane (a lane not stated is the standard lane, as the calls view says). */
export const synchronousSql = (lane: string): string => `coalesce(${lane}, 'standard') IN (${synchronousLanes.map((l) => `'${l}'`).join(', ')})`;

/** "standard, priority", for messages. */
export const synchronousLaneNames = synchronousLanes.join(', ');

/**
 * Pico-dollars -> USD as DECIMAL(20,6) in SQL, exactly: rounded to micro-dollars first, then scaled by a DECIMAL
 * multiplication (DuckDB divides DECIMALs in DOUBLE, so `pico / 1e12` would pass money through a double).
 */
export const picoToUsdSql = (pico: string): string => `CAST(CAST(${picoToMicrosSql(pico)} AS DECIMAL(20,0)) * 0.000001 AS DECIMAL(20,6))`;
