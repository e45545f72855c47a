#!/usr/bin/env python3
"""Writes the seed corpus of trajectory_decoder_fuzzer.cc from .tgvc files: one seed per TRAJ
chunk, its payload behind the 8-byte header the fuzzer reads (u16 frames - 2, width - 1,
height - 1, quant step - 1, little-endian), with the clip geometry of the file it came from.

    make_trajectory_seeds.py OUT_DIR FILE.tgvc...
"""
import os
import struct
import sys


def chunks(data):
    pos = 6  # magic and version
    while pos + 12 <= len(data):
        kind = data[pos:pos + 4].decode("ascii")
        (length,) = struct.unpack_from("<I", data, pos + 4)
        yield kind, data[pos + 8:pos + 8 + length]
        pos += 12 + length


def seeds(data):
    if data[:4] != b"TGVC":
        return
    width = height = step = None
    keyframes = []
    clip = 0
    for kind, payload in chunks(data):
        if kind == "HEAD" and len(payload) == 23:
            width, height = struct.unpack_from("<HH", payload, 0)
            (step,) = struct.unpack_from("<H", payload, 21)
        elif kind == "CLIP" and len(payload) >= 4:
            (count,) = struct.unpack_from("<I", payload, 0)
            keyframes = list(struct.unpack_from("<%dI" % count, payload, 4))
        elif kind == "TRAJ" and width and clip + 1 < len(keyframes):
            frames = keyframes[clip + 1] - keyframes[clip] + 1
            header = struct.pack("<HHHH", frames - 2, width - 1, height - 1, step - 1)
            yield clip, header + payload
            clip += 1


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for path in sys.argv[2:]:
        with open(path, "rb") as f:
            data = f.read()
        stem = os.path.splitext(os.path.basename(path))[0]
        for clip, seed in seeds(data):
            with open(os.path.join(out, "%s_clip%d.traj" % (stem, clip)), "wb") as f:
                f.write(seed)


if __name__ == "__main__":
    main()
