/**
 * Errors of the data layer are values with a stable code the UI shows in Vietnamese (or English).
 * Every write runs in a Dexie transaction, so when one of these is thrown nothing was written.
 */
export type DbErrorCode =
  | 'QUOTA_EXCEEDED'
  | 'NOT_FOUND'
  | 'VOLUME_NOT_EMPTY'
  | 'INVALID_INPUT'
  | 'INVALID_BUNDLE'
  | 'CASE_EXISTS'
  | 'UNSUPPORTED_BUNDLE_VERSION'
  | 'DAMAGED_RECORD'
  | 'UNKNOWN';

export class DbError extends Error {
  readonly code: DbErrorCode;
  readonly detail?: string;
  constructor(code: DbErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'DbError';
    this.code = code;
    this.detail = detail;
  }
}

const MESSAGES: Record<DbErrorCode, { vi: string; en: string }> = {
  QUOTA_EXCEEDED: {
    vi: 'Bộ nhớ của ứng dụng đã đầy: không lưu được thay đổi (dữ liệu cũ vẫn nguyên vẹn). Hãy giải phóng dung lượng ổ đĩa hoặc xóa hẳn các vụ án trong thùng rác rồi thử lại.',
    en: 'Storage is full: the change was not saved (existing data is intact). Free disk space or purge deleted cases, then retry.',
  },
  NOT_FOUND: {
    vi: 'Không tìm thấy bản ghi (có thể đã bị xóa).',
    en: 'Record not found (it may have been deleted).',
  },
  VOLUME_NOT_EMPTY: {
    vi: 'Tập này vẫn còn tài liệu. Hãy chuyển hoặc xóa các tài liệu trước khi xóa tập.',
    en: 'This volume still holds documents. Move or delete them before deleting the volume.',
  },
  INVALID_INPUT: { vi: 'Dữ liệu nhập không hợp lệ.', en: 'Invalid input.' },
  INVALID_BUNDLE: {
    vi: 'Tệp sao lưu vụ án bị hỏng hoặc không đúng định dạng.',
    en: 'The case bundle is corrupt or not in the expected format.',
  },
  CASE_EXISTS: {
    vi: 'Vụ án này đã có trong ứng dụng. Hãy chọn nhập thành bản sao mới.',
    en: 'This case already exists. Import it as a new copy instead.',
  },
  UNSUPPORTED_BUNDLE_VERSION: {
    vi: 'Tệp sao lưu được tạo bởi phiên bản HoSo mới hơn. Hãy cập nhật ứng dụng.',
    en: 'The bundle was written by a newer HoSo. Update the app.',
  },
  DAMAGED_RECORD: {
    vi: 'Dữ liệu đã lưu bị hỏng hoặc không đúng định dạng nên không mở được; các dữ liệu khác vẫn nguyên vẹn. Hãy nhập lại từ bản xuất hoặc bản sao lưu.',
    en: 'The stored record is damaged or in an unexpected format and cannot be opened; other data is intact. Import it again from an export or a backup.',
  },
  UNKNOWN: { vi: 'Lỗi lưu trữ dữ liệu không xác định.', en: 'Unexpected storage error.' },
};

/** User-facing message for any error thrown by the data layer. */
export function describeDbError(error: unknown, lang: 'vi' | 'en' = 'vi'): string {
  const e = toDbError(error);
  const base = MESSAGES[e.code][lang];
  return e.detail ? `${base} (${e.detail})` : base;
}

function isQuota(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { name?: string; inner?: unknown; code?: number };
  // Dexie wraps the DOMException (name 'QuotaExceededError', legacy code 22) in its own error.
  return err.name === 'QuotaExceededError' || err.code === 22 || isQuota(err.inner);
}

export function toDbError(e: unknown): DbError {
  if (e instanceof DbError) return e;
  if (isQuota(e)) return new DbError('QUOTA_EXCEEDED', 'Storage quota exceeded');
  const message = e instanceof Error ? e.message : String(e);
  return new DbError('UNKNOWN', message);
}

/** Runs a write and rethrows whatever failed as a DbError. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw toDbError(e);
  }
}

/** A stored record that does not parse: `what` names it for the user ("sơ đồ «Diễn biến»"). */
export function damaged(what: string, id: string, issue: string): DbError {
  return new DbError('DAMAGED_RECORD', `${what} ${id} does not parse: ${issue}`, what);
}

export function notFound(what: string, id: string): DbError {
  return new DbError('NOT_FOUND', `${what} ${id} not found`, id);
}
