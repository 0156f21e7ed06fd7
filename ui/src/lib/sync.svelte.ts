// What the app does with the sync worker's notices (the `sync` window
// event): the connection indicator, a toast, and a counter the screens that
// list drafts or dossiers watch to read them again.
import { statusLabel } from './dossiers';
import { formatDay } from './format';
import { t } from './i18n.svelte';
import type { Portal } from './portal.svelte';
import { NOTICE_MS, type Toasts } from './toast.svelte';
import type { SyncNotice } from './types';

/** A draft's files going out (the `upload` notice). */
export type UploadNotice = Extract<SyncNotice, { kind: 'upload' }>;

/** What the sync worker's notices changed, for one app (see app-state.svelte.ts). */
export class SyncState {
  /** Goes up with every notice: submissions and drafts may have changed. */
  revision = $state(0);
  /** Dossier codes of the drafts delivered in this run, by draft id. */
  delivered = $state<{ [draftId in string]?: string }>({});
  /** How far each draft's files have gone out, while they go (by draft id). */
  uploads = $state<{ [draftId in string]?: UploadNotice }>({});
  /** The draft whose submission the screen is showing the result of: its delivery needs no toast. */
  onScreen: number | null = null;

  #portal: Portal;
  #toasts: Toasts;

  constructor(portal: Portal, toasts: Toasts) {
    this.#portal = portal;
    this.#toasts = toasts;
  }

  /** Reacts to one notice of the sync worker. */
  handle(notice: SyncNotice, actions: SyncActions): void {
    if (notice.kind === 'upload') {
      // Several times a second: only the progress changes, nothing to read again.
      this.uploads[notice.draft_id] = notice;
      return;
    }
    if (notice.kind === 'delivered' || notice.kind === 'sent_back') delete this.uploads[notice.draft_id];
    switch (notice.kind) {
      case 'online':
        // Only the indicator changes.
        this.#portal.setOnline(notice.online);
        break;
      case 'delivered': {
        const code = notice.code;
        this.#portal.setOnline(true);
        this.delivered[notice.draft_id] = code;
        // The submissions screen says it already where the person is looking.
        if (this.onScreen !== notice.draft_id) {
          this.#toasts.show({ key: `dossier:${code}`, message: () => t('sync-delivered', { code }), duration: NOTICE_MS });
        }
        break;
      }
      case 'status_changed': {
        const { code, status, note } = notice;
        this.#toasts.show({
          key: `dossier:${code}`,
          message: () => t('sync-status-changed', { code, status: statusLabel(status) }),
          detail: () => (note ? t('sync-status-note') : null),
          quoted: note,
          duration: NOTICE_MS,
        });
        break;
      }
      case 'due_changed': {
        const { code, due_date: date, apology } = notice;
        this.#toasts.show({
          key: `dossier:${code}`,
          message: () => t('sync-due-changed', { code, date: formatDay(date) }),
          detail: () => (apology ? t('sync-due-apology') : null),
          duration: NOTICE_MS,
        });
        break;
      }
      case 'action_done': {
        const { action, code, refusal } = notice;
        this.#portal.setOnline(true);
        this.#toasts.show({
          key: `action:${action}:${code ?? ''}`,
          message: () =>
            refusal
              ? t('sync-action-refused', { action, code: code ?? '' })
              : t('sync-action-done', { action, code: code ?? '' }),
          detail: () => (refusal ? t(reasonMessage(refusal)) : null),
          duration: NOTICE_MS,
        });
        break;
      }
      case 'feedback_answered': {
        const { code } = notice;
        this.#toasts.show({ key: `feedback:${code}`, message: () => t('sync-feedback-answered', { code }), duration: NOTICE_MS });
        break;
      }
      case 'result_saved': {
        const { code } = notice;
        this.#toasts.show({ key: `result:${code}`, message: () => t('sync-result-saved', { code }), duration: NOTICE_MS });
        break;
      }
      case 'sent_back': {
        const draftId = notice.draft_id;
        this.#portal.setOnline(true);
        const id: number = this.#toasts.show({
          key: `draft:${draftId}`,
          message: () => t('sync-rejected'),
          detail: () => (notice.reason ? t(reasonMessage(notice.reason)) : null),
          action: {
            id: `open-rejected-${draftId}`,
            label: () => t('sync-open-draft'),
            run: () => {
              this.#toasts.dismiss(id);
              actions.openDraft(draftId);
            },
          },
          duration: NOTICE_MS,
        });
        break;
      }
    }
    this.revision += 1;
  }
}

export type SyncActions = {
  /** Opens a draft's interview (the one the portal sent back). */
  openDraft: (draftId: number) => void;
};


/** The message saying why a submission came back: the error's own, or a plain one for a refusal without a stated reason. */
function reasonMessage(reason: string): string {
  return reason === 'portal-refused' ? 'sync-rejected-refused' : `error-${reason}`;
}
