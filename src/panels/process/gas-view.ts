/**
 * How gas figures read on screen, pure: compact badge figures ("52.1K", "5.2万"), full figures,
 * the age of a measurement, and the badges of one process from an estimate.
 */
import type { GasFigure, ProcessGas } from '../../gas-estimate/gas-types.js';
import type { GasBadge } from './gas-badges-module.js';

export function formatGas(gas: number, language: string): string {
  return gas.toLocaleString(language);
}

export function formatGasShort(gas: number, language: string): string {
  return new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(gas);
}

/** The age of a figure as a translation key and its number (seconds under two minutes). */
export function ageOf(measuredAt: number, now: number): { key: 'justNow' | 'secondsAgo' | 'minutesAgo'; n: number } {
  const seconds = Math.max(0, Math.round((now - measuredAt) / 1000));
  if (seconds < 5) return { key: 'justNow', n: 0 };
  if (seconds < 120) return { key: 'secondsAgo', n: seconds };
  return { key: 'minutesAgo', n: Math.floor(seconds / 60) };
}

/**
 * One badge per element with a figure (the start event and each task), its median on it;
 * `describe` writes the hover text from the element's kind and figure.
 */
export function badgesOf(process: ProcessGas | undefined, startElementId: string | undefined, language: string, describe: (isStart: boolean, figure: GasFigure) => string): GasBadge[] {
  if (!process) return [];
  return Object.entries(process.elements).map(([elementId, figure]) => ({
    elementId,
    text: formatGasShort(figure.median, language),
    title: describe(elementId === startElementId, figure),
    gas: figure.median,
  }));
}
