// Words for the dossiers the portal holds. The labels live in
// locales/*/portal.ftl, shared with the shell's desktop notifications.
import { t } from './i18n.svelte';
import type { Status } from './types';

/** A dossier status as people read it ("Đã tiếp nhận"). */
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
      return 'action';
    case 'rejected':
    case 'withdrawn':
      return 'stopped';
    default:
      return 'progress';
  }
}
