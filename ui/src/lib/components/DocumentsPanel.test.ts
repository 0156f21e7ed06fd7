// A portrait photo's check on the documents list: the rules before picking,
// each problem in words, and the crop-and-shrink offered only when it helps.
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import DocumentsPanel from './DocumentsPanel.svelte';
import { appContext } from '../app-state.svelte';
import type { Attachment, DocumentState, PhotoCheck } from '../types';

// The thumbnail asks the shell for a preview; there is none here.
vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn(async () => null) }));

const portrait: DocumentState = {
  id: 'portrait_photo',
  name: { vi: 'Ảnh chân dung', en: 'Portrait photo' },
  note: null,
  accepted: ['jpeg', 'png'],
  max_size_mb: 10,
  photo: { width_cm: 4, height_cm: 6, min_width_px: 400, min_height_px: 600, max_size_kb: 1024, plain_light_background: true },
  status: 'attached',
};
const file: Attachment = { id: 7, document_id: 'portrait_photo', file_name: 'ảnh.png', kind: 'png', size: 2_400_000, sha256: 'ab' };

function show(check: PhotoCheck | undefined, onFix = vi.fn()) {
  render(DocumentsPanel, {
    props: {
      documents: [portrait],
      attachments: [file],
      mode: 'review',
      errors: {},
      busy: {},
      onAttach: vi.fn(),
      onRemove: vi.fn(),
      photos: { checks: { portrait_photo: check }, onFix },
    },
    context: appContext(),
  });
  return onFix;
}

describe('a portrait photo', () => {
  it('states the rules in plain Vietnamese before anything is picked', () => {
    show(undefined);
    expect(document.querySelector('[data-photo-rules="portrait_photo"]')?.textContent?.trim()).toBe(
      'Ảnh cỡ 4 × 6 cm, ít nhất 400 × 600 điểm ảnh, tệp không quá 1.024 KB, nền trắng hoặc sáng, trơn.',
    );
  });

  it('names each problem with its figures and offers the fix when cropping helps', async () => {
    const onFix = show({
      problems: [
        { kind: 'wrong_shape', width_cm: 4, height_cm: 6 },
        { kind: 'too_large', size_kb: 2344, max_kb: 1024 },
        { kind: 'dark_background' },
      ],
      fixable: true,
    });
    const items = [...document.querySelectorAll('[data-photo-problem]')].map((li) => li.textContent?.trim());
    expect(items).toEqual([
      'Ảnh chưa đúng tỉ lệ 4 × 6 cm (ảnh dọc, cạnh ngắn là chiều ngang).',
      'Tệp ảnh nặng 2.344 KB, quá mức 1.024 KB.',
      'Nền ảnh quá tối. Vui lòng chụp lại trước một bức tường hoặc tấm phông trắng, đủ sáng.',
    ]);
    const fix = screen.getByRole('button', { name: /Cắt và thu nhỏ ảnh cho đúng yêu cầu/ });
    await userEvent.setup().click(fix);
    expect(onFix).toHaveBeenCalledWith(portrait);
  });

  it('offers no fix that cannot help, and says when the photo is fine', () => {
    show({ problems: [{ kind: 'too_few_pixels', width: 200, height: 300, min_width: 400, min_height: 600 }], fixable: false });
    expect(screen.getByText(/Ảnh quá nhỏ: 200 × 300 điểm ảnh, cần ít nhất 400 × 600/)).toBeInTheDocument();
    expect(document.querySelector('[data-fix-photo]')).toBeNull();
  });

  it('says so when the photo meets the rules', () => {
    show({ problems: [], fixable: false });
    expect(document.querySelector('[data-photo-ok="portrait_photo"]')).toHaveTextContent('Ảnh đạt yêu cầu');
  });
});
