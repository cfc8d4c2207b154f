#!/usr/bin/env python3
"""Checks that a PNG screenshot shows something: decodes it (zlib + the PNG
scanline filters, no imaging library) and measures its pixels.

usage: png_check.py FILE.png [--min-width N] [--min-height N]

Fails (exit 1, with the reason) unless the image decodes, has the minimum
size, holds a reasonable number of distinct colours, a luminance standard
deviation well above zero and enough pixels away from the background colour
— a blank, single-colour or nearly empty page fails all three.
"""
import struct
import sys
import zlib


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError("bad CRC in chunk %r" % kind)
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace != 0:
        raise ValueError("unsupported PNG (depth %d, colour type %d, interlace %d)"
                         % (depth, colour, interlace))
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    if len(raw) != height * (stride + 1):
        raise ValueError("image data has %d bytes, expected %d" % (len(raw), height * (stride + 1)))
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                upleft = prev[i - channels] if i >= channels else 0
                line[i] = (line[i] + paeth(left, prev[i], upleft)) & 0xFF
        elif kind != 0:
            raise ValueError("unknown filter type %d in row %d" % (kind, y))
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main(argv):
    path = argv[1]
    min_width = int(argv[argv.index("--min-width") + 1]) if "--min-width" in argv else 200
    min_height = int(argv[argv.index("--min-height") + 1]) if "--min-height" in argv else 200
    try:
        width, height, channels, rows = decode(path)
    except (ValueError, zlib.error, struct.error, OSError) as e:
        print("png_check: %s: %s" % (path, e), file=sys.stderr)
        return 1
    if width < min_width or height < min_height:
        print("png_check: %s: %dx%d is smaller than %dx%d" % (path, width, height, min_width, min_height),
              file=sys.stderr)
        return 1
    counts, n, total, total_sq = {}, 0, 0, 0
    for line in rows:
        for x in range(0, width * channels, channels):
            px = line[x:x + min(channels, 3)]
            counts[px] = counts.get(px, 0) + 1
            lum = sum(px) / len(px)
            total += lum
            total_sq += lum * lum
            n += 1
    mean = total / n
    stddev = max(total_sq / n - mean * mean, 0) ** 0.5
    background = max(counts.values())
    foreground = 1 - background / n
    print("png_check: %s: %dx%d, %d colours, luminance stddev %.1f, %.1f%% off the background"
          % (path, width, height, len(counts), stddev, 100 * foreground))
    problems = []
    if len(counts) < 16:
        problems.append("only %d distinct colours" % len(counts))
    if stddev < 8:
        problems.append("luminance stddev %.1f < 8" % stddev)
    if foreground < 0.05:
        problems.append("%.1f%% of pixels differ from the background (< 5%%)" % (100 * foreground))
    if problems:
        print("png_check: %s looks blank: %s" % (path, "; ".join(problems)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
