// Pure helpers of the interview screens: ids of the DOM elements, which
// element an error should focus, and how answers are read back.
import type { AddressAnswer, Answer, FieldKind, FieldState, Message } from './types';

/** Field kinds typed into a single-line input. */
export const TEXT_KINDS: readonly FieldKind[] = [
  'text',
  'person_name',
  'citizen_id',
  'phone',
  'email',
  'date',
  'number',
  'money',
];

export function inputId(fieldId: string): string {
  return `field-${fieldId}`;
}

export function errorId(fieldId: string): string {
  return `error-${fieldId}`;
}

export function helpId(fieldId: string): string {
  return `help-${fieldId}`;
}

/** The id of a field's warning (something unlikely, still accepted). */
export function warningId(fieldId: string): string {
  return `warning-${fieldId}`;
}

/** The "filled in from the profile" badge of a field. */
export function prefilledId(fieldId: string): string {
  return `prefilled-${fieldId}`;
}

export type AddressPart = 'province' | 'commune' | 'street';

/** The part of an address an engine message is about, if any. */
export function addressPart(message: Message | undefined): AddressPart | null {
  if (!message || message.kind !== 'fluent') return null;
  switch (message.id) {
    case 'error-address-province':
    case 'error-required':
      return 'province';
    case 'error-address-commune':
      return 'commune';
    case 'error-address-street':
      return 'street';
    default:
      return null;
  }
}

/** The id of the element that takes focus for this field (e.g. from an error link). */
export function focusTargetId(field: Pick<FieldState, 'id' | 'kind' | 'options' | 'value' | 'errors'>): string {
  const base = inputId(field.id);
  switch (field.kind) {
    case 'choice': {
      const chosen = typeof field.value === 'string' ? field.options.find((o) => o.value === field.value) : undefined;
      const option = chosen ?? field.options[0];
      return option ? `${base}-${option.value}` : base;
    }
    case 'yes_no':
      return field.value === false ? `${base}-no` : `${base}-yes`;
    case 'address':
      return `${base}-${addressPart(field.errors[0]) ?? 'province'}`;
    default:
      return base;
  }
}

export function isAddress(answer: Answer | null | undefined): answer is AddressAnswer {
  return typeof answer === 'object' && answer !== null;
}

export function textOf(answer: Answer | null | undefined): string {
  return typeof answer === 'string' ? answer : '';
}

/** HTML inputmode for a typed field. */
export function inputMode(kind: FieldKind): 'numeric' | 'tel' | 'email' | 'text' {
  switch (kind) {
    case 'citizen_id':
    case 'number':
    case 'money':
      return 'numeric';
    case 'phone':
      return 'tel';
    case 'email':
      return 'email';
    default:
      return 'text';
  }
}

/** One line of the error summary: a link to the field it is about. */
export type SummaryItem = { fieldId: string; targetId: string; text: string };
