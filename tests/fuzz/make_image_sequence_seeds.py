#!/usr/bin/env python3
"""Writes the seed corpus of image_sequence_fuzzer.cc (its input layout is described there).

    make_image_sequence_seeds.py tests/fuzz/corpus/image_sequence

The PNGs are written here with zlib (no imaging library), small and deterministic: RGB, RGBA,
grey, palette and 16-bit RGB, in valid sequences and in each kind of broken one the reader names.
"""
import struct
import sys
import zlib
from pathlib import Path


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(width, height, colour_type, bit_depth, seed, palette=None):
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour_type]
    sample_bytes = 2 if bit_depth == 16 else 1
    rows = b""
    value = seed
    for _ in range(height):
        row = bytearray([0])  # filter: none
        for _ in range(width * channels * sample_bytes):
            value = (value * 1103515245 + 12345) % 2**31
            row.append((value >> 16) & (0x03 if colour_type == 3 else 0xFF))
        rows += bytes(row)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0))
    if colour_type == 3:
        out += chunk(b"PLTE", bytes(palette))
    return out + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def seed(names, pattern, contents):
    return "|".join(names).encode() + b"\n" + pattern.encode() + b"\n" + b"\n==\n".join(contents)


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rgb = [png(5, 3, 2, 8, s) for s in range(3)]
    seeds = {
        "dcvc_folder": seed(["im00001.png", "im00002.png", "im00003.png"], "", rgb),
        "unpadded_folder": seed(["im9.png", "im10.png", "im11.png"], "", rgb),
        "pattern_16bit": seed(["f_00.png", "f_01.png", "f_1.png"], "f_%02d.png", [png(4, 4, 2, 16, 7)]),
        "pattern_plain": seed(["f0.png", "f1.png", "notes.txt"], "f%d.png", [png(3, 2, 6, 8, 1), png(3, 2, 6, 8, 2)]),
        "grey_and_alpha": seed(["a1.png", "a2.png"], "", [png(6, 2, 0, 8, 3), png(6, 2, 4, 8, 4)]),
        "palette": seed(["p1.png"], "", [png(4, 3, 3, 8, 5, palette=[0, 0, 0, 255, 0, 0, 0, 255, 0, 9, 9, 255])]),
        "gap": seed(["im1.png", "im3.png"], "", rgb),
        "same_number": seed(["im1.png", "im01.png"], "", rgb),
        "two_prefixes": seed(["im1.png", "frame2.png"], "", rgb),
        "mixed_size": seed(["im1.png", "im2.png"], "", [png(5, 3, 2, 8, 1), png(3, 5, 2, 8, 1)]),
        "mixed_depth": seed(["im1.png", "im2.png"], "", [png(5, 3, 2, 8, 1), png(5, 3, 2, 16, 1)]),
        "not_png": seed(["im1.png", "im2.png"], "", [b"not a png", rgb[0]]),
        "truncated": seed(["im1.png"], "", [rgb[0][:40]]),
        "bad_pattern": seed(["x1.png"], "x%5d.png", rgb),
    }
    for name, data in seeds.items():
        (out / name).write_bytes(data)


if __name__ == "__main__":
    main()
