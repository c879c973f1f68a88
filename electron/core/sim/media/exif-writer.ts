/**
 * A tiny EXIF + XMP writer for simulated DJI photos (exiftool is not available): an APP1 "Exif" segment with
 * IFD0 (Make, Model), the Exif IFD (DateTimeOriginal) and the GPS IFD (lat/lon/alt as rationals), and an APP1 XMP
 * segment with DJI's drone-dji tags (AbsoluteAltitude, RelativeAltitude, Gimbal*Degree, FlightYawDegree), both
 * spliced in after the JPEG's SOI marker. TIFF 6.0 §2 layout, little-endian.
 */

export interface PhotoTags {
  readonly make: string;
  readonly model: string;
  readonly time: Date;
  readonly lat: number;
  readonly lon: number;
  /** Ellipsoid height, m (GPSAltitude and drone-dji:AbsoluteAltitude). */
  readonly absoluteAltitude: number;
  readonly relativeAltitude: number;
  readonly gimbalYaw: number;
  readonly gimbalPitch: number;
  readonly flightYaw: number;
}

type Value = { type: 1 | 2 | 3 | 4 | 5; data: Buffer; count: number };
const TYPE_SIZE = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8 } as const;

const ascii = (s: string): Value => ({ type: 2, data: Buffer.from(s + '\0', 'latin1'), count: s.length + 1 });
const bytes = (...b: number[]): Value => ({ type: 1, data: Buffer.from(b), count: b.length });
const long = (n: number): Value => {
  const d = Buffer.alloc(4);
  d.writeUInt32LE(n);
  return { type: 4, data: d, count: 1 };
};
const rationals = (...pairs: [number, number][]): Value => {
  const d = Buffer.alloc(8 * pairs.length);
  pairs.forEach(([n, den], i) => (d.writeUInt32LE(n, i * 8), d.writeUInt32LE(den, i * 8 + 4)));
  return { type: 5, data: d, count: pairs.length };
};

/** One IFD at `offset` (from the TIFF header): entries, next-IFD 0, then the values that do not fit inline. */
function ifd(entries: readonly [number, Value][], offset: number): Buffer {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const head = Buffer.alloc(2 + 12 * sorted.length + 4);
  head.writeUInt16LE(sorted.length, 0);
  const extra: Buffer[] = [];
  let dataOff = offset + head.length;
  sorted.forEach(([tag, v], i) => {
    const at = 2 + i * 12;
    head.writeUInt16LE(tag, at);
    head.writeUInt16LE(v.type, at + 2);
    head.writeUInt32LE(v.count, at + 4);
    if (v.count * TYPE_SIZE[v.type] <= 4) v.data.copy(head, at + 8);
    else {
      head.writeUInt32LE(dataOff, at + 8);
      const padded = v.data.length % 2 ? Buffer.concat([v.data, Buffer.alloc(1)]) : v.data;
      extra.push(padded);
      dataOff += padded.length;
    }
  });
  return Buffer.concat([head, ...extra]);
}

const dms = (deg: number): [number, number][] => {
  const a = Math.abs(deg);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 10_000);
  return [[d, 1], [m, 1], [s, 10_000]];
};

const exifDate = (t: Date): string => t.toISOString().slice(0, 19).replace('T', ' ').replace(/-/g, ':');

export function exifTiff(t: PhotoTags): Buffer {
  const exifEntries: [number, Value][] = [[0x9003, ascii(exifDate(t.time))]];
  const gpsEntries: [number, Value][] = [
    [0x0000, bytes(2, 3, 0, 0)],
    [0x0001, ascii(t.lat >= 0 ? 'N' : 'S')],
    [0x0002, rationals(...dms(t.lat))],
    [0x0003, ascii(t.lon >= 0 ? 'E' : 'W')],
    [0x0004, rationals(...dms(t.lon))],
    [0x0005, bytes(t.absoluteAltitude >= 0 ? 0 : 1)],
    [0x0006, rationals([Math.round(Math.abs(t.absoluteAltitude) * 1000), 1000])],
  ];
  const ifd0 = (exifOff: number, gpsOff: number): Buffer =>
    ifd([[0x010f, ascii(t.make)], [0x0110, ascii(t.model)], [0x8769, long(exifOff)], [0x8825, long(gpsOff)]], 8);
  const exifOff = 8 + ifd0(0, 0).length;
  const exif = ifd(exifEntries, exifOff);
  const gpsOff = exifOff + exif.length;
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]);
  return Buffer.concat([header, ifd0(exifOff, gpsOff), exif, ifd(gpsEntries, gpsOff)]);
}

const signed = (n: number, digits = 2): string => (n >= 0 ? '+' : '') + n.toFixed(digits);

export function djiXmp(t: PhotoTags): string {
  const attrs = {
    AbsoluteAltitude: signed(t.absoluteAltitude),
    RelativeAltitude: signed(t.relativeAltitude),
    GimbalRollDegree: signed(0),
    GimbalYawDegree: signed(t.gimbalYaw),
    GimbalPitchDegree: signed(t.gimbalPitch),
    FlightRollDegree: signed(0),
    FlightYawDegree: signed(t.flightYaw),
    FlightPitchDegree: signed(0),
    GpsLatitude: t.lat.toFixed(7),
    GpsLongitude: t.lon.toFixed(7),
  };
  const a = Object.entries(attrs)
    .map(([k, v]) => `   drone-dji:${k}="${v}"`)
    .join('\n');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="DJI Meta Data"
   xmlns:tiff="http://ns.adobe.com/tiff/1.0/"
   xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/"
   tiff:Make="${t.make}"
   tiff:Model="${t.model}"
${a}/>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

function app1(payload: Buffer): Buffer {
  if (payload.length + 2 > 0xffff) throw new Error('APP1 segment over 64 KiB');
  const h = Buffer.alloc(4);
  h.writeUInt16BE(0xffe1, 0);
  h.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([h, payload]);
}

/** The JPEG with DJI-like EXIF and XMP inserted after SOI. */
export function tagJpeg(jpeg: Buffer, t: PhotoTags): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG (no SOI marker)');
  const exif = app1(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(t)]));
  const xmp = app1(Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(djiXmp(t), 'utf8')]));
  return Buffer.concat([jpeg.subarray(0, 2), exif, xmp, jpeg.subarray(2)]);
}
