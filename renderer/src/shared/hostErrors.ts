import type { HostError } from '@hoso/contracts';
import { format, getLocale } from '../i18n';

/**
 * Host errors carry a stable `code` and an English message; the user reads a specific sentence in
 * their language that names the file (and page) and says what to do.
 */
const vi: Record<string, string> = {
  CORRUPT_IMAGE: 'Tệp “{file}” bị hỏng hoặc không phải ảnh hợp lệ{page}. Hãy quét lại trang này.',
  CORRUPT_PDF: 'Tệp PDF “{file}” bị hỏng{page}. Hãy xuất lại hoặc quét lại tài liệu.',
  ENCRYPTED_PDF: 'Tệp PDF “{file}” được đặt mật khẩu. Hãy bỏ mật khẩu rồi nhập lại.',
  UNSUPPORTED_FORMAT: 'Tệp “{file}” không phải ảnh (JPG, PNG, TIFF) hay PDF nên không nhập được.',
  UNSUPPORTED_TYPE: 'Tệp “{file}” không phải ảnh (JPG, PNG, TIFF) hay PDF nên không nhập được.',
  EMPTY_FILE: 'Tệp “{file}” rỗng (0 byte).',
  TOO_LARGE: 'Tệp “{file}” quá lớn để nhập.',
  NOT_FOUND: 'Không tìm thấy tệp “{file}” trong kho lưu trữ.',
  HASH_MISMATCH: 'Tệp gốc “{file}” trong kho đã bị thay đổi (mã băm không khớp). Hãy nhập lại từ bản gốc.',
  DISK_FULL:
    'Ổ đĩa đã đầy: chưa lưu được “{file}”. Hãy giải phóng dung lượng rồi thử lại; dữ liệu cũ không bị mất.',
  QUOTA_EXCEEDED: 'Hết dung lượng lưu trữ: chưa lưu được “{file}”. Hãy giải phóng dung lượng rồi thử lại.',
  OCR_FAILED: 'Không nhận dạng được chữ trong “{file}”{page}.',
  CANCELLED: 'Đã hủy xử lý “{file}”.',
  INVALID_MESSAGE: 'Yêu cầu không hợp lệ (lỗi chương trình). Hãy thử lại.',
  INVALID_REPLY:
    'Dịch vụ nền của HoSo trả lời không đúng định dạng (có thể khác phiên bản). Hãy khởi động lại ứng dụng.',
  IMAGE_TOO_LARGE: 'Ảnh “{file}” quá lớn (quá nhiều điểm ảnh){page}. Hãy quét lại ở độ phân giải 300 dpi.',
  BUNDLE_TAMPERED: 'Gói hồ sơ “{file}” đã bị sửa đổi (mã băm không khớp); không nhập gì cả.',
  INTEGRITY_ERROR: 'Tệp gốc “{file}” không còn nguyên vẹn (mã băm không khớp).',
  PERMISSION_DENIED: 'Không có quyền ghi/đọc “{file}”. Hãy kiểm tra quyền truy cập thư mục.',
  NOT_READY: 'Kết quả nhận dạng của “{file}” chưa sẵn sàng.',
  INVALID_STATE: 'Thao tác không thực hiện được ở trạng thái hiện tại của “{file}”.',
  INTERNAL: 'Lỗi nội bộ khi xử lý “{file}”. Hãy thử lại; nếu lỗi lặp lại, báo cho bộ phận kỹ thuật.',
  INVALID_BUNDLE: 'Tệp “{file}” không phải gói hồ sơ HoSo hợp lệ.',
  BUNDLE_CORRUPT: 'Gói hồ sơ “{file}” bị hỏng (mã băm không khớp); không nhập gì cả.',
  SCANNER_MISSING:
    'Máy tính này chưa cài phần mềm quét SANE (lệnh scanimage). Trên Debian/Ubuntu: sudo apt install sane-utils, rồi thử lại.',
  SCANNER_NOT_FOUND:
    'Không tìm thấy máy quét “{file}”. Hãy kiểm tra máy quét đã bật và đã cắm cáp (hoặc cùng mạng), rồi bấm “Tìm lại”.',
  SCANNER_BUSY:
    'Máy quét “{file}” đang bận (đang quét hoặc một chương trình khác đang dùng). Hãy đợi xong rồi quét lại.',
  SCANNER_UNSUPPORTED:
    'Máy quét “{file}” không hỗ trợ lựa chọn này (nguồn giấy, chế độ màu hoặc độ phân giải). Hãy chọn khác.',
  SCANNER_FAILED: 'Máy quét “{file}” báo lỗi khi quét. Hãy kiểm tra giấy kẹt, nắp máy, rồi quét lại.',
  SCANNER_NO_PAGES: 'Máy quét “{file}” không đưa ra trang nào: khay nạp giấy có thể đang trống.',
  WATCH_FOLDER_MISSING: 'Không truy cập được thư mục quét “{file}”.',
  NETWORK: 'Không kết nối được với dịch vụ nền của HoSo. Hãy khởi động lại ứng dụng.',
  HOST_UNREACHABLE: 'Không kết nối được với dịch vụ nền của HoSo. Hãy khởi động lại ứng dụng.',
  UNAVAILABLE: 'Chức năng này không có ở chế độ trình duyệt.',
  LOCKED: 'Dữ liệu đang bị khóa: hãy nhập mật khẩu để mở.',
  WRONG_PASSPHRASE: 'Mật khẩu không đúng. Chưa có gì được mở hoặc thay đổi.',
  WEAK_PASSPHRASE: 'Mật khẩu phải có ít nhất 8 ký tự.',
  PASSPHRASE_REQUIRED: 'Gói “{file}” được mã hóa: cần mật khẩu của gói.',
  ALREADY_ENCRYPTED: 'Thư mục dữ liệu đã được mã hóa.',
  BUSY: 'Đang mở khóa hoặc mã hóa dữ liệu; hãy đợi xong.',
  KEYRING_DAMAGED: 'Tệp khóa của thư mục dữ liệu bị hỏng; hãy khôi phục keys.json từ bản sao lưu.',
  FORBIDDEN_WATCH_FOLDER:
    'Không thể dùng “{file}” làm thư mục quét: đây là thư mục hệ thống, thư mục gốc của ổ đĩa, thư mục cá nhân (hoặc thư mục chứa nó) hay thư mục dữ liệu của HoSo. Hãy tạo và chọn một thư mục riêng, ví dụ “Scan”.',
  INVALID_WATCH_FOLDER:
    'Thư mục quét phải là đường dẫn đầy đủ (ví dụ C:\\Scan hoặc /home/ksv/scan), không phải “{file}”.',
  JOBS_RECOVERED:
    'Danh sách việc nhận dạng chữ trên đĩa bị hỏng (có thể do mất điện). HoSo đã khôi phục từ bản tốt gần nhất; bản hỏng được giữ lại trong thư mục dữ liệu (jobs) để bộ phận kỹ thuật kiểm tra. Tệp gốc không bị ảnh hưởng.',
  JOBS_LOST:
    'Danh sách việc nhận dạng chữ trên đĩa bị hỏng và không còn bản dự phòng. Các tài liệu đang chờ nhận dạng cần được nhập lại; tệp gốc không bị ảnh hưởng.',
  INBOX_DAMAGED:
    'Hộp chờ các trang quét và tệp từ thư mục quét ({file}) bị hỏng nên không đọc được. HoSo giữ nguyên tệp đó và tạm không nhận trang quét hay tệp mới từ thư mục quét cho đến khi bộ phận kỹ thuật khôi phục tệp từ bản sao lưu hoặc chuyển nó đi nơi khác. Tệp gốc đã lưu không bị ảnh hưởng.',
  UNSUPPORTED_TIFF_COMPRESSION:
    'Tệp TIFF “{file}”{page} dùng kiểu nén mà HoSo không đọc được. Hãy lưu lại từ phần mềm máy quét với kiểu nén CCITT G4, LZW hoặc JPEG rồi nhập lại.',
  OCR_RESULT_REBUILDING:
    'Kết quả nhận dạng của “{file}” trên đĩa đã bị thay đổi nên không dùng; HoSo đang nhận dạng lại từ bản gốc đã kiểm tra.',
  UNAUTHORIZED:
    'Phiên làm việc không có mã truy cập (HoSo có thể đã khởi động lại). Hãy mở đường dẫn mới mà HoSo in ra.',
  SIGN_WRONG_PASSWORD: 'Sai mật khẩu của chứng thư số. Không có tệp nào được tạo.',
  SIGN_NOT_PKCS12: 'Tệp đã chọn không phải chứng thư số PKCS#12 (.p12/.pfx).',
  SIGN_UNSUPPORTED_PKCS12:
    'Không giải mã được tệp chứng thư số (mật khẩu có dấu trên tệp mã hoá AES chưa được hỗ trợ). Hãy xuất lại chứng thư với mật khẩu không dấu.',
  SIGN_NO_KEY: 'Tệp chứng thư số không chứa khoá bí mật để ký.',
  SIGN_NO_CERTIFICATE: 'Tệp chứng thư số không chứa chứng thư.',
  SIGN_KEY_MISMATCH: 'Chứng thư trong tệp không khớp với khoá bí mật.',
  SIGN_UNSUPPORTED_KEY: 'Chỉ hỗ trợ khoá RSA.',
  SIGN_EXPIRED: 'Chứng thư số đã hết hạn; hãy gia hạn với tổ chức cung cấp dịch vụ chứng thực.',
  SIGN_NOT_YET_VALID: 'Chứng thư số chưa đến ngày có hiệu lực.',
  SIGN_NOT_FOR_SIGNING: 'Chứng thư số này không dùng để ký văn bản.',
  REDACTION_STALE: 'Hồ sơ đã thay đổi từ lúc tìm vùng cần che. Hãy bấm “Tìm để xem lại” lần nữa rồi xuất.',
};
const en: Record<string, string> = {
  CORRUPT_IMAGE: '“{file}” is damaged or not a valid image{page}. Rescan it.',
  CORRUPT_PDF: 'The PDF “{file}” is damaged{page}.',
  ENCRYPTED_PDF: 'The PDF “{file}” is password-protected. Remove the password and import it again.',
  UNSUPPORTED_FORMAT: '“{file}” is neither an image (JPG, PNG, TIFF) nor a PDF.',
  UNSUPPORTED_TYPE: '“{file}” is neither an image (JPG, PNG, TIFF) nor a PDF.',
  EMPTY_FILE: '“{file}” is empty (0 bytes).',
  TOO_LARGE: '“{file}” is too large to import.',
  NOT_FOUND: '“{file}” was not found in the store.',
  HASH_MISMATCH: 'The stored original “{file}” has changed (hash mismatch). Import it again.',
  DISK_FULL: 'Disk full: “{file}” was not saved. Free some space and retry; nothing was lost.',
  QUOTA_EXCEEDED: 'Storage quota exceeded: “{file}” was not saved.',
  OCR_FAILED: 'Text recognition failed for “{file}”{page}.',
  CANCELLED: 'Processing of “{file}” was cancelled.',
  INVALID_MESSAGE: 'Invalid request (program error). Try again.',
  INVALID_REPLY: 'The HoSo host sent a reply of the wrong shape (another version?). Restart the app.',
  IMAGE_TOO_LARGE: 'The image “{file}” is too large{page}. Rescan at 300 dpi.',
  BUNDLE_TAMPERED: 'The bundle “{file}” was modified (hash mismatch); nothing was imported.',
  INTEGRITY_ERROR: 'The stored original “{file}” is no longer intact (hash mismatch).',
  PERMISSION_DENIED: 'Permission denied for “{file}”.',
  NOT_READY: 'The OCR result of “{file}” is not ready yet.',
  INVALID_STATE: 'This action is not possible in the current state of “{file}”.',
  INTERNAL: 'Internal error processing “{file}”. Try again.',
  INVALID_BUNDLE: '“{file}” is not a valid HoSo bundle.',
  BUNDLE_CORRUPT: 'The bundle “{file}” is damaged (hash mismatch); nothing was imported.',
  SCANNER_MISSING:
    'SANE (the scanimage command) is not installed. On Debian/Ubuntu: sudo apt install sane-utils.',
  SCANNER_NOT_FOUND: 'Scanner “{file}” was not found. Check that it is on and connected, then search again.',
  SCANNER_BUSY: 'Scanner “{file}” is busy (scanning, or another program uses it). Wait, then scan again.',
  SCANNER_UNSUPPORTED: 'Scanner “{file}” does not offer this setting (source, mode or resolution).',
  SCANNER_FAILED:
    'Scanner “{file}” failed while scanning. Check for a paper jam or an open lid, then scan again.',
  SCANNER_NO_PAGES: 'Scanner “{file}” gave no page: the feeder may be empty.',
  WATCH_FOLDER_MISSING: 'The watched folder “{file}” cannot be read.',
  NETWORK: 'The HoSo host service is not reachable. Restart the app.',
  HOST_UNREACHABLE: 'The HoSo host service is not reachable. Restart the app.',
  UNAVAILABLE: 'Not available in browser mode.',
  LOCKED: 'The data is locked: enter the passphrase to open it.',
  WRONG_PASSPHRASE: 'Wrong passphrase. Nothing was opened or changed.',
  WEAK_PASSPHRASE: 'The passphrase must have at least 8 characters.',
  PASSPHRASE_REQUIRED: 'The bundle “{file}” is encrypted: its passphrase is needed.',
  ALREADY_ENCRYPTED: 'The data folder is already encrypted.',
  BUSY: 'The data is being unlocked or encrypted; wait for it to finish.',
  KEYRING_DAMAGED: 'The data folder key file is damaged; restore keys.json from a backup.',
  FORBIDDEN_WATCH_FOLDER:
    '“{file}” cannot be the watched folder: it is a system folder, a drive root, your home folder (or above it) or HoSo’s data folder. Create and choose a folder of its own, e.g. “Scan”.',
  INVALID_WATCH_FOLDER:
    'The watched folder must be a full path (e.g. C:\\Scan or /home/me/scan), not “{file}”.',
  JOBS_RECOVERED:
    'The OCR job list on disk was damaged (a power cut?). HoSo recovered it from the last good copy; the damaged file is kept in the data folder (jobs). Originals are not affected.',
  JOBS_LOST:
    'The OCR job list on disk was damaged and no good copy was left. Documents waiting for OCR must be imported again; originals are not affected.',
  INBOX_DAMAGED:
    'The inbox of scanned pages and watched-folder files ({file}) is damaged and cannot be read. HoSo left it as it is and takes no new scanned pages or watched files until IT staff restore it from a backup or move it aside. Stored originals are not affected.',
  UNSUPPORTED_TIFF_COMPRESSION:
    'The TIFF “{file}”{page} uses a compression HoSo cannot read. Save it again as CCITT G4, LZW or JPEG.',
  OCR_RESULT_REBUILDING:
    'The saved OCR result of “{file}” was changed on disk and is not used; HoSo is recognizing it again from the verified original.',
  UNAUTHORIZED: 'This session has no access token (HoSo may have restarted). Open the new link HoSo printed.',
  SIGN_WRONG_PASSWORD: 'Wrong certificate password. No file was created.',
  SIGN_NOT_PKCS12: 'The chosen file is not a PKCS#12 certificate (.p12/.pfx).',
  SIGN_UNSUPPORTED_PKCS12: 'The certificate file could not be decrypted (non-ASCII password on an AES file).',
  SIGN_NO_KEY: 'The certificate file holds no private key.',
  SIGN_NO_CERTIFICATE: 'The certificate file holds no certificate.',
  SIGN_KEY_MISMATCH: 'The certificate does not match the private key.',
  SIGN_UNSUPPORTED_KEY: 'Only RSA keys are supported.',
  SIGN_EXPIRED: 'The certificate has expired; renew it with the CA.',
  SIGN_NOT_YET_VALID: 'The certificate is not valid yet.',
  SIGN_NOT_FOR_SIGNING: 'This certificate is not for signing documents.',
  REDACTION_STALE: 'The dossier changed since the redaction search. Search again, then export.',
};

export function hostErrorText(error: HostError, fileName?: string): string {
  const locale = getLocale();
  const table = locale === 'vi' ? vi : en;
  const file = fileName ?? error.file ?? '';
  const page =
    error.page === undefined
      ? ''
      : locale === 'vi'
        ? ` (trang ${error.page + 1})`
        : ` (page ${error.page + 1})`;
  const template = table[error.code];
  if (template) return format(template, { file, page });
  // Unknown code: still name the file, and keep the host's English detail for support.
  return locale === 'vi'
    ? `Lỗi khi xử lý “${file}”${page}: ${error.message}`
    : `Error processing “${file}”${page}: ${error.message}`;
}
