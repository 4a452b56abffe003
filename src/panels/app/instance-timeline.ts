/**
 * One instance's timeline as the instance view and the regulator's audit package both show it: the
 * history's steps merged with the service requests, sent messages and caught errors that only the
 * contract's events tell (element-events.ts), and what each entry says in words. Pure; the words
 * come from the caller's `t` so the view and the audit package use the same i18n keys.
 */
import type { AppManifest, ProcessManifest } from '../../../generators/index.js';
import type { HistoryEntry } from '../../chain/chain-api.js';
import { describeSteps, type DescribedStep } from './describe-steps.js';
import { elementSteps, mergeTimeline } from './element-events.js';
import type { ProcessEvent } from './process-events.js';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The history's steps and the element events of one instance, in timeline order. */
export function instanceTimeline(
  manifest: AppManifest,
  process: ProcessManifest,
  history: HistoryEntry[],
  events: readonly ProcessEvent[],
  blockTimes: Record<number, number>,
): DescribedStep[] {
  return mergeTimeline(describeSteps(manifest, process, history, blockTimes), elementSteps(manifest, process, events, blockTimes));
}

/** What happened, in words: the newer elements say it their own way ("Order spare part sent with:"). */
export function timelineTitle(step: DescribedStep, t: Translate): string {
  switch (step.kind) {
    case 'ended':
      return t('app.history.ended');
    case 'sent':
      return t(step.values.length ? 'appView.elements.sentWith' : 'appView.elements.sent', { name: step.name });
    case 'requested':
      return step.requestedFrom?.length
        ? t('appView.elements.requested', { name: step.name, who: step.requestedFrom.join(', ') })
        : t('appView.elements.requestedNobody', { name: step.name });
    case 'errorCaught':
      return `${t('appView.elements.errorCaught', { name: step.name, code: step.errorCode ?? '' })}${step.subprocess ? ` · ${t('appView.elements.errorLeft', { subprocess: step.subprocess })}` : ''}`;
    default:
      return `${t(`app.history.${step.kind}`)}: ${step.name}`;
  }
}
