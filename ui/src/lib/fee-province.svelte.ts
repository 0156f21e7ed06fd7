// The province whose fees the procedure pages quote: chosen on a page, or
// named in a search ("ở Hà Tây"). Kept for this run only and never written
// to disk, so a shared PC keeps nothing of where the last person lives.
export const feeProvince = $state({ code: '' });
