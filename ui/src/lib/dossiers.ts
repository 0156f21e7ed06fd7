// Words for the dossiers the portal holds: the national portal's statuses,
// and each dossier's timeline (its steps and the changes of its due day).
// The labels live in locales/*/portal.ftl, shared with the shell's desktop
// notifications.
import { t } from './i18n.svelte';
import type { DueChange, Status, StatusChange } from './types';

/** A dossier status in the national portal's words ("Được tiếp nhận"). */
export function statusLabel(status: Status): string {
  switch (status) {
    case 'awaiting_attachments':
      return t('dossier-status-awaiting_attachments');
    case 'submitted':
      return t('dossier-status-submitted');
    case 'received':
      return t('dossier-status-received');
    case 'in_review':
      return t('dossier-status-in_review');
    case 'supplement_required':
      return t('dossier-status-supplement_required');
    case 'payment_required':
      return t('dossier-status-payment_required');
    case 'stopped':
      return t('dossier-status-stopped');
    case 'result_ready':
      return t('dossier-status-result_ready');
    case 'returned':
      return t('dossier-status-returned');
    case 'rejected':
      return t('dossier-status-rejected');
    case 'withdrawn':
      return t('dossier-status-withdrawn');
    default:
      return String(status);
  }
}

/** How a status looks: finished well, needs the citizen, stopped, or under way. */
export function statusTone(status: Status): 'done' | 'action' | 'stopped' | 'progress' {
  switch (status) {
    case 'result_ready':
    case 'returned':
      return 'done';
    case 'supplement_required':
    case 'payment_required':
      return 'action';
    case 'rejected':
    case 'withdrawn':
    case 'stopped':
      return 'stopped';
    default:
      return 'progress';
  }
}

/** One line of a dossier's timeline: a step it went through, or a change of its due day. */
export type TimelineEntry = { kind: 'status'; at: string; change: StatusChange } | { kind: 'due'; at: string; change: DueChange };

/** A dossier's steps and due-day changes in one list, oldest first (the portal's order where times tie or cannot be read). */
export function timeline(history: StatusChange[], dueChanges: DueChange[]): TimelineEntry[] {
  const time = (at: string) => {
    const ms = new Date(at).getTime();
    return Number.isNaN(ms) ? 0 : ms;
  };
  const entries: TimelineEntry[] = [
    ...history.map((change) => ({ kind: 'status' as const, at: change.at, change })),
    ...dueChanges.map((change) => ({ kind: 'due' as const, at: change.at, change })),
  ];
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => time(a.entry.at) - time(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
}
