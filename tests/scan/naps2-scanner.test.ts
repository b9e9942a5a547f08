import { describe, expect, it } from 'vitest';
import {
  naps2Arguments,
  naps2Failure,
  parseNaps2DeviceList,
  splitDeviceId,
} from '../../main/src/services/scanner/naps2-scanner';

/**
 * Windows scanning through NAPS2's console: the command line it is given and the output it
 * prints, as pure functions. NAPS2.Console.exe itself does not run here (no Windows).
 */
describe('NAPS2 console (Windows scanning)', () => {
  it('duplex in grey at 300 dpi from a TWAIN scanner, one PNG per page', () => {
    const args = naps2Arguments(
      { device: 'twain:Canon DR-C225 TWAIN', source: 'duplex', mode: 'gray', dpi: 300 },
      'C:\\Temp\\hoso-scan-1\\page-$(nnnn).png',
    );
    expect(args).toEqual([
      '--noprofile',
      '--driver',
      'twain',
      '--device',
      'Canon DR-C225 TWAIN',
      '--source',
      'duplex',
      '--bitdepth',
      'gray',
      '--dpi',
      '300',
      '-o',
      'C:\\Temp\\hoso-scan-1\\page-$(nnnn).png',
      '--force',
      '--verbose',
    ]);
  });

  it('feeder, glass, colour and black-and-white map to NAPS2 words', () => {
    const at = (args: string[], option: string) => args[args.indexOf(option) + 1];
    const feeder = naps2Arguments({ device: 'wia:HP', source: 'adf', mode: 'lineart', dpi: 200 }, 'o.png');
    expect([at(feeder, '--source'), at(feeder, '--bitdepth'), at(feeder, '--dpi')]).toEqual([
      'feeder',
      'bw',
      '200',
    ]);
    const glass = naps2Arguments(
      { device: 'escl:Brother MFC', source: 'flatbed', mode: 'color', dpi: 150 },
      'o.png',
    );
    expect([at(glass, '--driver'), at(glass, '--source'), at(glass, '--bitdepth')]).toEqual([
      'escl',
      'glass',
      'color',
    ]);
  });

  it('a device id is driver:name; a name with colons or without a known driver is WIA', () => {
    expect(splitDeviceId('wia:Epson DS-530: USB')).toEqual({ driver: 'wia', name: 'Epson DS-530: USB' });
    expect(splitDeviceId('Fujitsu fi-7160')).toEqual({ driver: 'wia', name: 'Fujitsu fi-7160' });
    expect(splitDeviceId('sane:test:0')).toEqual({ driver: 'wia', name: 'sane:test:0' });
  });

  it('parses --listdevices output: one device per line, CRLF, NAPS2 complaints left out', () => {
    const out = 'Canon DR-C225\r\nFUJITSU fi-7160\r\n\r\n';
    expect(parseNaps2DeviceList(out, 'twain')).toEqual([
      { id: 'twain:Canon DR-C225', vendor: '', model: 'Canon DR-C225', type: 'TWAIN' },
      { id: 'twain:FUJITSU fi-7160', vendor: '', model: 'FUJITSU fi-7160', type: 'TWAIN' },
    ]);
    expect(parseNaps2DeviceList('No scanning device was found.\r\n', 'wia')).toEqual([]);
    expect(parseNaps2DeviceList('', 'escl')).toEqual([]);
    // Each listed id gives back the same driver and name to scan with.
    for (const d of parseNaps2DeviceList(out, 'twain'))
      expect(splitDeviceId(d.id)).toEqual({ driver: 'twain', name: d.model });
  });

  it("NAPS2's failures become the scanner errors the UI explains", () => {
    expect(naps2Failure('Beginning scan...\r\nThe selected scanner could not be found.\r\n', 1).code).toBe(
      'no-device',
    );
    expect(naps2Failure('No pages to export.', 0).code).toBe('no-pages');
    expect(naps2Failure('Paper jam.', 1)).toMatchObject({ code: 'device-failed', message: 'Paper jam.' });
    expect(naps2Failure('', 3).message).toMatch(/failed \(3\)/);
  });
});
