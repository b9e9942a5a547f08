// hoso-tesseract: a resident Tesseract for HoSo (ocr/src/recognize/resident.ts).
//
// Loads the language model once, then recognizes page after page sent over stdin, so a page pays
// neither a process start, a model load (~0.15 s for vie) nor an image file parse (~0.3 s for a
// 6 MB PGM read byte by byte by Leptonica). Its TSV is the `tesseract img stdout -c
// tessedit_create_tsv=1` output for the same pixels, header line included.
//
//   hoso-tesseract TESSDATA_DIR LANG PSM [name=value ...]
//
// Frames, all integers little-endian uint32:
//   request: magic "HOSQ", width, height, bytes_per_pixel, dpi, payload_length, then the payload:
//            bytes_per_pixel 1 = 8-bit grey, one byte a pixel, rows unpadded (payload = w*h);
//            bytes_per_pixel 0 = 1-bit black and white, rows padded to a byte, 1 = black as in
//            PBM (payload = ceil(w/8)*h): faxes, for which Tesseract then skips thresholding.
//   reply:   magic "HOSR", kind (0 ready, 1 tsv, 2 error), length, then length bytes of UTF-8.
//            The ready frame holds TessBaseAPI::Version().
// A malformed request gets an error frame and exit 2; a failed Init an error frame and exit 3;
// EOF between requests is a clean exit 0.

#include <tesseract/baseapi.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#endif

namespace {

constexpr uint32_t kRequestMagic = 0x51534f48;  // "HOSQ"
constexpr uint32_t kReplyMagic = 0x52534f48;    // "HOSR"
constexpr uint32_t kMaxSide = 20000;
constexpr uint32_t kMaxPayload = 400u << 20;
constexpr uint32_t kMinDpi = 1;
constexpr uint32_t kMaxDpi = 2400;
enum ReplyKind : uint32_t { kReady = 0, kTsv = 1, kError = 2 };

// The header line tesseract's TSV renderer writes before the first page (GetTSVText omits it).
const char kTsvHeader[] =
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

uint32_t ReadLe32(const unsigned char *p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

void PutLe32(std::string &out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
}

void Reply(ReplyKind kind, const std::string &body) {
  std::string frame;
  PutLe32(frame, kReplyMagic);
  PutLe32(frame, kind);
  PutLe32(frame, uint32_t(body.size()));
  frame += body;
  std::fwrite(frame.data(), 1, frame.size(), stdout);
  std::fflush(stdout);
}

[[noreturn]] void Fail(int code, const std::string &message) {
  Reply(kError, message);
  std::exit(code);
}

// Reads exactly n bytes; false on EOF before the first byte, exit on EOF in the middle.
bool ReadExactly(unsigned char *buf, size_t n, bool eof_ok) {
  size_t got = std::fread(buf, 1, n, stdin);
  if (got == n) return true;
  if (got == 0 && eof_ok && std::feof(stdin)) return false;
  Fail(2, "the input ended in the middle of a frame");
}

struct Request {
  uint32_t width, height, bpp, dpi, length;
};

std::string CheckRequest(uint32_t magic, const Request &r) {
  if (magic != kRequestMagic) return "bad frame magic";
  if (r.width == 0 || r.height == 0 || r.width > kMaxSide || r.height > kMaxSide)
    return "page dimensions out of range: " + std::to_string(r.width) + "x" + std::to_string(r.height);
  if (r.bpp > 1) return "unsupported bytes per pixel: " + std::to_string(r.bpp);
  if (r.dpi < kMinDpi || r.dpi > kMaxDpi) return "dpi out of range: " + std::to_string(r.dpi);
  if (r.length > kMaxPayload) return "payload too large: " + std::to_string(r.length);
  uint64_t row = r.bpp == 1 ? r.width : (uint64_t(r.width) + 7) / 8;
  if (uint64_t(r.length) != row * r.height)
    return "payload length " + std::to_string(r.length) + " does not match the page's " +
           std::to_string(row * r.height) + " bytes";
  return "";
}

}  // namespace

int main(int argc, char **argv) {
#ifdef _WIN32
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
#endif
  if (argc < 4) Fail(2, "usage: hoso-tesseract TESSDATA_DIR LANG PSM [name=value ...]");
  const char *psm_arg = argv[3];
  char *end = nullptr;
  long psm = std::strtol(psm_arg, &end, 10);
  if (*psm_arg == '\0' || *end != '\0' || psm < 0 || psm >= tesseract::PSM_COUNT)
    Fail(2, std::string("bad page segmentation mode: ") + psm_arg);

  // Variables go to Init, as the tesseract CLI passes its -c options: init-only ones then work too.
  std::vector<std::string> names, values;
  for (int i = 4; i < argc; ++i) {
    const char *eq = std::strchr(argv[i], '=');
    if (!eq || eq == argv[i]) Fail(2, std::string("expected name=value, got: ") + argv[i]);
    names.emplace_back(argv[i], eq - argv[i]);
    values.emplace_back(eq + 1);
  }

  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(argv[1], argv[2], tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false) != 0)
    Fail(3, std::string("could not load language '") + argv[2] + "' from " + argv[1]);
  api->SetPageSegMode(static_cast<tesseract::PageSegMode>(psm));
  Reply(kReady, tesseract::TessBaseAPI::Version());

  std::vector<unsigned char> pixels;
  unsigned char header[24];
  while (ReadExactly(header, sizeof header, true)) {
    Request r{ReadLe32(header + 4), ReadLe32(header + 8), ReadLe32(header + 12),
              ReadLe32(header + 16), ReadLe32(header + 20)};
    std::string problem = CheckRequest(ReadLe32(header), r);
    // Past a bad header the stream cannot be trusted to be at a frame boundary: refuse and stop.
    if (!problem.empty()) Fail(2, problem);
    pixels.resize(r.length);
    ReadExactly(pixels.data(), r.length, false);
    int bytes_per_line = int(r.bpp == 1 ? r.width : (r.width + 7) / 8);
    // TessBaseAPI's 1-bit convention is 1 = white, PBM's 1 = black.
    if (r.bpp == 0)
      for (auto &b : pixels) b = static_cast<unsigned char>(~b);
    api->SetImage(pixels.data(), int(r.width), int(r.height), int(r.bpp), bytes_per_line);
    api->SetSourceResolution(int(r.dpi));
    if (api->Recognize(nullptr) != 0) {
      Reply(kError, "recognition failed");
      continue;
    }
    std::unique_ptr<char[]> tsv(api->GetTSVText(0));
    if (!tsv) {
      Reply(kError, "no TSV output");
      continue;
    }
    Reply(kTsv, std::string(kTsvHeader) + tsv.get());
    // Frees the page's image and results (not the model) while the helper waits for the next page.
    api->Clear();
  }
  api->End();
  return 0;
}
