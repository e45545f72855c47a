#!/usr/bin/python3
"""Stand-ins for the codecs whose programs are not in Debian (HM, VTM, DCVC-FM, DCVC-RT, GVC-RT,
ActDiff-VC), for the preset tests. The test copies this file under each tool's name; the name it is
called by picks the tool. Each one takes the real tool's command line (the options the presets
use, checked), writes the real tool's files at the real tool's places, and fails the way the real
tool fails. Its "codec" is a posterisation by a step that grows with the QP, stored zlib-packed:
the bytes shrink as the QP grows, and the decoder rebuilds exactly what the encoder reconstructed.

Failure modes, chosen by the environment (the harness passes its environment on):
  TGVC_FAKE_FAIL=exit1        the encoder prints an error to stderr and exits 1
  TGVC_FAKE_FAIL=hang         the encoder starts a child that sleeps and sleeps itself
  TGVC_FAKE_FAIL=nobitstream  the encoder exits 0 without writing its bitstream
  TGVC_FAKE_FAIL=shortdecode  the decoder writes one frame less than it decoded
  TGVC_FAKE_FAIL=mismatch     the decoder's output differs from the encoder's recon in one sample
TGVC_FAKE_LOG=FILE: each encoder appends one JSON line (tool, bitstream bytes, frames, qp, argv;
the DCVC-style tools also the sequence's entry of their dataset JSON; a hanging one its pid and
its child's).
"""
import json
import os
import struct
import subprocess
import sys
import time
import zlib

MAGIC = b"FAKE"


def fail(message, code=1):
    sys.stderr.write(message + "\n")
    sys.exit(code)


def mode():
    return os.environ.get("TGVC_FAKE_FAIL", "")


def log(entry):
    path = os.environ.get("TGVC_FAKE_LOG")
    if path:
        with open(path, "a") as f:
            f.write(json.dumps(entry) + "\n")


def encoder_failure(tool):
    if mode() == "exit1":
        fail(f"{tool}: simulated encoder failure (TGVC_FAKE_FAIL=exit1)")
    if mode() == "hang":
        child = subprocess.Popen(["sleep", "300"])
        log({"tool": tool, "hanging": os.getpid(), "child": child.pid})
        time.sleep(300)


def step_for(qp, qp_max):
    # 1 (lossless) at QP 0 up to 64 at the top QP.
    return max(1, int(round(2 ** (6.0 * qp / qp_max))))


def posterise(data, step):
    if step <= 1:
        return bytes(data)
    table = bytes(min(255, (v // step) * step + step // 2) for v in range(256))
    return bytes(data).translate(table)


# ---- a tiny container: MAGIC, step, frame count, then zlib-packed frames ---------------------
def write_stream(path, step, frames, extra=b""):
    with open(path, "wb") as f:
        f.write(MAGIC + struct.pack("<HI", step, len(frames)) + extra)
        f.write(zlib.compress(b"".join(frames), 9))


# ---- PNG: 8-bit grey, RGB or RGBA in, RGB out -------------------------------------------------
def png_chunks(data, path):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(f"{path}: not a PNG")
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        yield data[at + 4:at + 8], data[at + 8:at + 8 + length]
        at += 12 + length


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    idat = b""
    for kind, body in png_chunks(data, path):
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
    channels = {0: 1, 2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        fail(f"{path}: only 8-bit non-interlaced grey, RGB or RGBA PNGs")
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            pred = (0, a, b, (a + b) // 2, paeth(a, b, c))[kind]
            line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    rgb = bytearray()
    for line in rows:
        for x in range(width):
            px = line[x * channels:(x + 1) * channels]
            rgb += px * 3 if channels == 1 else px[:3]
    return width, height, bytes(rgb)


def write_png(path, width, height, rgb):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + rgb[y * width * 3:(y + 1) * width * 3] for y in range(height))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


# ---- HM and VTM -------------------------------------------------------------------------------
def options(argv, flags):
    """`-x value`, `--Name=value` and `--Name value` into a dict; unknown options are errors."""
    out, i = {}, 0
    while i < len(argv):
        arg = argv[i]
        name, _, value = arg.partition("=")
        if name not in flags:
            fail(f"unknown option '{arg}'")
        if not value:
            if i + 1 >= len(argv):
                fail(f"option '{name}' needs a value")
            i += 1
            value = argv[i]
        out[flags[name]] = value
        i += 1
    return out


REFERENCE_ENCODER_FLAGS = {
    "-c": "cfg", "-i": "input", "-b": "bitstream", "-o": "recon", "-wdt": "width", "-hgt": "height",
    "-fr": "fps", "-f": "frames", "-q": "qp", "--InputBitDepth": "bitdepth", "--OutputBitDepth": "outdepth",
    "--InputChromaFormat": "chroma", "--IntraPeriod": "intra",
}
REFERENCE_DECODER_FLAGS = {"-b": "bitstream", "-o": "output", "-d": "outdepth"}


def reference_encoder(tool, qp_max, argv):
    encoder_failure(tool)
    o = options(argv, REFERENCE_ENCODER_FLAGS)
    for key in ("cfg", "input", "bitstream", "width", "height", "frames", "qp"):
        if key not in o:
            fail(f"{tool}: missing option for {key}")
    if not os.path.isfile(o["cfg"]):
        fail(f"{tool}: cannot open configuration file '{o['cfg']}'")
    qp = int(o["qp"])
    if not 0 <= qp <= qp_max:
        fail(f"Error: QP exceeds supported range (-QpBDOffsetY to {qp_max})")
    if o.get("bitdepth", "8") != "8" or o.get("chroma", "420") != "420":
        fail(f"{tool}: this stand-in codes 8-bit 4:2:0 only")
    width, height, frames = int(o["width"]), int(o["height"]), int(o["frames"])
    frame_bytes = width * height * 3 // 2
    with open(o["input"], "rb") as f:
        data = f.read()
    if len(data) < frames * frame_bytes:
        fail(f"{tool}: '{o['input']}' holds {len(data) // frame_bytes} frames, -f asks for {frames}")
    step = step_for(qp, qp_max)
    coded = [posterise(data[i * frame_bytes:(i + 1) * frame_bytes], step) for i in range(frames)]
    if mode() != "nobitstream":
        write_stream(o["bitstream"], step, coded)
    if "recon" in o:
        with open(o["recon"], "wb") as f:
            f.write(b"".join(coded))
    size = os.path.getsize(o["bitstream"]) if os.path.exists(o["bitstream"]) else 0
    log({"tool": tool, "bytes": size, "frames": frames, "qp": qp, "argv": argv})
    print(f"POC {frames - 1} ... {size * 8} bits")


def reference_decoder(tool, argv):
    o = options(argv, REFERENCE_DECODER_FLAGS)
    if not os.path.isfile(o.get("bitstream", "")):
        fail(f"{tool}: failed to open bitstream file '{o.get('bitstream', '')}'")
    with open(o["bitstream"], "rb") as f:
        data = f.read()
    if data[:4] != MAGIC:
        fail(f"{tool}: '{o['bitstream']}' is not a bitstream of this codec")
    _, count = struct.unpack("<HI", data[4:10])
    frames = bytearray(zlib.decompress(data[10:]))
    if mode() == "mismatch" and frames:
        frames[len(frames) // 2] ^= 1
    if mode() == "shortdecode":
        frames = frames[: len(frames) - len(frames) // max(1, count)]
    with open(o["output"], "wb") as f:
        f.write(frames)


# ---- DCVC-FM, DCVC-RT and GVC-RT: test_video.py and its dataset JSON --------------------------
def str2bool(text):
    if text.lower() in ("1", "true", "yes", "t", "y"):
        return True
    if text.lower() in ("0", "false", "no", "f", "n"):
        return False
    fail(f"argparse: invalid str2bool value: '{text}'", 2)


def learned_video(tool, argv):
    family = {"dcvc-fm": "q_indexes", "dcvc-rt": "qp", "gvc-rt": "qp"}[tool]
    qp_flag_i, qp_flag_p = ("--q_indexes_i", "--q_indexes_p") if family == "q_indexes" else ("--qp_i", "--qp_p")
    single = {"--model_path_i", "--model_path_p", "--rate_num", "--test_config", "--force_root_path",
              "--force_intra_period", "--force_frame_num", "--reset_interval", "--stream_path",
              "--output_path", "--verbose", "--write_stream", "--save_decoded_frame", "--cuda", "--worker",
              "-w", "--force_zero_thres", "--check_existing", "--calc_ssim", "--verbose_json", "--float16"}
    o, i = {}, 0
    while i < len(argv):
        name = argv[i]
        if name in (qp_flag_i, qp_flag_p, "--cuda_idx"):
            values = []
            while i + 1 < len(argv) and not argv[i + 1].startswith("--"):
                i += 1
                values.append(argv[i])
            o[name] = values
        elif name in single and i + 1 < len(argv):
            i += 1
            o[name] = argv[i]
        else:
            fail(f"usage: {os.path.basename(sys.argv[0])} [-h] ...\nerror: unrecognized arguments: {name}", 2)
        i += 1
    for required in ("--test_config", "--output_path"):
        if required not in o:
            fail(f"error: the following arguments are required: {required}", 2)
    for model in ("--model_path_i", "--model_path_p"):
        if model in o and not os.path.isfile(o[model]):
            fail(f"FileNotFoundError: [Errno 2] No such file or directory: '{o[model]}'")
    write = str2bool(o.get("--write_stream", "0"))
    if tool in ("dcvc-rt", "gvc-rt") and not write:
        fail("Traceback (most recent call last):\nAssertionError")
    encoder_failure(tool)
    rate_num = int(o.get("--rate_num", "4" if tool != "gvc-rt" else "1"))
    qps = [int(q) for q in o.get(qp_flag_i, [])]
    if len(qps) != rate_num:
        fail("Traceback (most recent call last):\nAssertionError: len(args.qp_i) == rate_num")
    with open(o["--test_config"]) as f:
        config = json.load(f)
    root = o.get("--force_root_path") or config["root_path"]
    stream_path = o.get("--stream_path", "out_bin")
    results = {}
    for ds_name, ds in config["test_classes"].items():
        if ds["test"] == 0:
            continue
        for seq, info in ds["sequences"].items():
            frames = int(o.get("--force_frame_num", "-1"))
            frames = frames if frames > 0 else info["frames"]
            folder = os.path.join(root, ds["base_path"], seq)
            if ds["src_type"] != "png":
                fail(f"{tool}: this stand-in reads PNG sequences only")
            images = [read_png(os.path.join(folder, f"im{n:05d}.png")) for n in range(1, frames + 1)]
            for w, h, _ in images:
                if (w, h) != (info["width"], info["height"]):
                    fail(f"{folder}: a {w}x{h} frame in a {info['width']}x{info['height']} sequence")
            bin_folder = os.path.join(stream_path, ds_name)
            os.makedirs(bin_folder, exist_ok=True)
            for qp in qps:
                step = step_for(qp, 63)
                coded = [posterise(rgb, step) for _, _, rgb in images]
                bits = len(zlib.compress(b"".join(coded), 9)) * 8
                entry = {"bpp": bits / (frames * info["width"] * info["height"]), "frame_num": frames}
                if write:
                    bin_path = os.path.join(bin_folder, f"{seq}_q{qp}.bin")
                    if mode() != "nobitstream":
                        write_stream(bin_path, step, coded)
                    if str2bool(o.get("--save_decoded_frame", "0")):
                        for n, rgb in enumerate(coded):
                            write_png(os.path.join(bin_folder, f"im{n + 1:05d}.png"), info["width"],
                                      info["height"], rgb)
                    with open(bin_path.replace(".bin", ".json"), "w") as f:
                        json.dump(entry, f)
                    size = os.path.getsize(bin_path) if os.path.exists(bin_path) else 0
                    log({"tool": tool, "bytes": size, "frames": frames, "qp": qp, "argv": argv, "sequence": info})
                results.setdefault(ds_name, {}).setdefault(seq, {})[f"{qps.index(qp):03d}"] = entry
    with open(o["--output_path"], "w") as f:
        json.dump(results, f)
    print("Test finished")


# ---- ActDiff-VC: `pixi run compress` ----------------------------------------------------------
ACTDIFF_H, ACTDIFF_W = 480, 720


def actdiff(argv):
    if argv[:1] != ["run"]:
        fail("pixi: only 'run' is supported here")
    argv = argv[1:]
    if argv[:1] == ["--manifest-path"]:
        if not os.path.isfile(argv[1]):
            fail(f"pixi: could not find a manifest at '{argv[1]}'")
        argv = argv[2:]
    if argv[:1] != ["compress"]:
        fail(f"pixi: no task named '{argv[0] if argv else ''}'")
    flags = {"--video_path": "video", "--num_frames": "frames", "--output_dir": "out", "--bitstream_dir": "bits",
             "--run_name": "run", "--device": "device", "--yuv_width": "width", "--yuv_height": "height",
             "--yuv_fps": "fps", "--keyframe_codec": "keyframe", "--num_trajectories": "trajectories",
             "--max_gop_length": "gop"}
    o, keep, i, rest = {}, False, 0, argv[1:]
    while i < len(rest):
        if rest[i] == "--keep_bitstream":
            keep = True
        elif rest[i] in flags and i + 1 < len(rest):
            o[flags[rest[i]]] = rest[i + 1]
            i += 1
        else:
            fail(f"compress: error: unrecognized arguments: {rest[i]}", 2)
        i += 1
    encoder_failure("actdiff-vc")
    width, height = int(o["width"]), int(o["height"])
    frame_bytes = width * height * 3 // 2
    with open(o["video"], "rb") as f:
        data = f.read()
    frames = int(o.get("frames", len(data) // frame_bytes))
    gop = int(o.get("gop", "49"))
    quality = {"hific-low": 3, "hific-med": 2, "hific-high": 1, "mlic": 1}[o.get("keyframe", "hific-low")]
    # The codec's own resolution: luma resampled (nearest) to 720x480, grey chroma.
    luma = []
    for n in range(frames):
        y = data[n * frame_bytes:n * frame_bytes + width * height]
        rows = [y[(r * height // ACTDIFF_H) * width:(r * height // ACTDIFF_H + 1) * width] for r in range(ACTDIFF_H)]
        luma.append(b"".join(bytes(row[c * width // ACTDIFF_W] for c in range(ACTDIFF_W)) for row in rows))
    bits_dir = os.path.join(o["bits"], o["run"])
    out_dir = os.path.join(o["out"], o["run"])
    os.makedirs(bits_dir, exist_ok=True)
    os.makedirs(out_dir, exist_ok=True)
    keyframes = list(range(0, frames - 1, gop - 1)) + [frames - 1]
    step = step_for(quality, 4)
    for k, n in enumerate(keyframes):
        if mode() != "nobitstream":
            with open(os.path.join(bits_dir, f"keyframe_{k}.bin"), "wb") as f:
                f.write(zlib.compress(posterise(luma[n], step), 9))
    for c in range(len(keyframes) - 1):
        count = int(o.get("trajectories", "300"))
        with open(os.path.join(bits_dir, f"chunk_{c}_trajectories.bin"), "wb") as f:
            f.write(b"TRJ1" + struct.pack("<HH", keyframes[c + 1] - keyframes[c] + 1, count) + bytes(count))
    # Between keyframes the stand-in "generates" by holding the previous keyframe.
    recon = []
    for n in range(frames):
        held = max(k for k in keyframes if k <= n)
        recon.append(posterise(luma[held], step) + bytes([128]) * (ACTDIFF_W * ACTDIFF_H // 2))
    raw = os.path.join(out_dir, "reconstruction.yuv")
    with open(raw, "wb") as f:
        f.write(b"".join(recon))
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s",
                    f"{ACTDIFF_W}x{ACTDIFF_H}", "-r", o.get("fps", "30"), "-i", raw, "-c:v", "libx264", "-qp", "0",
                    os.path.join(out_dir, "reconstruction.mp4")], check=True)
    os.remove(raw)
    size = sum(os.path.getsize(os.path.join(bits_dir, f)) for f in os.listdir(bits_dir))
    with open(os.path.join(out_dir, "metrics.json"), "w") as f:
        json.dump({"bpp": size * 8 / (frames * ACTDIFF_W * ACTDIFF_H)}, f)
    log({"tool": "actdiff-vc", "bytes": size, "frames": frames, "argv": argv})
    if not keep:
        for name in os.listdir(bits_dir):
            os.remove(os.path.join(bits_dir, name))
        os.rmdir(bits_dir)


def main():
    name = os.path.basename(sys.argv[0])
    folder = os.path.basename(os.path.dirname(os.path.abspath(sys.argv[0])))
    argv = sys.argv[1:]
    if name == "TAppEncoder":
        reference_encoder("hm", 51, argv)
    elif name == "EncoderApp":
        reference_encoder("vtm", 63, argv)
    elif name in ("TAppDecoder", "DecoderApp"):
        reference_decoder(name, argv)
    elif name == "test_video.py":
        learned_video("dcvc-rt" if folder == "DCVC-RT" else "dcvc-fm", argv)
    elif name == "test_video_gvcrt_1088.py":
        learned_video("gvc-rt", argv)
    elif name == "pixi":
        actdiff(argv)
    else:
        fail(f"fake_codec.py: unknown tool name '{name}'")


if __name__ == "__main__":
    main()
