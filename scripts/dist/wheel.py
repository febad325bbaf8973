#!/usr/bin/env python3
"""Assemble the phonecom wheel from the one release build of scripts/package.sh.

maturin would compile phonecom-py again on its own (its cargo invocation selects one package, so
the dependencies' features, and its zig wrapper, differ from the workspace build). Instead maturin
writes the metadata (``maturin pep517 write-dist-info``: METADATA, entry_points.txt, and WHEEL with
the python and abi tags), and this adds the files: the pure-Python package, the native module built
by the workspace build as ``phonecom/_native.abi3.so``, the sandbox binary as
``phonecom/bin/phonecom-sandbox``, the platform tags the zig build targets, and RECORD.

    wheel.py --dist-info DIR --package py/python/phonecom --native libphonecom_native.so \
             --sandbox phonecom-sandbox --platform manylinux2014_x86_64 --platform manylinux_2_17_x86_64 --out dist/
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import stat
import sys
import zipfile
from pathlib import Path
from typing import List, Tuple

# Fixed timestamps: the same inputs give the same wheel.
EPOCH = (1980, 1, 1, 0, 0, 0)


def record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def wheel_tags(wheel_file: str, platforms: List[str]) -> Tuple[str, List[str]]:
    """maturin's `Tag: cp39-abi3-linux_x86_64` -> the python-abi part and one tag per platform."""
    tags = [line.split(":", 1)[1].strip() for line in wheel_file.splitlines() if line.startswith("Tag:")]
    python_abi = sorted({tag.rsplit("-", 1)[0] for tag in tags})
    if len(python_abi) != 1:
        sys.exit(f"wheel.py: expected one python-abi tag in WHEEL, found {python_abi}")
    return python_abi[0], [f"{python_abi[0]}-{platform}" for platform in platforms]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dist-info", type=Path, required=True)
    ap.add_argument("--package", type=Path, required=True)
    ap.add_argument("--native", type=Path, required=True)
    ap.add_argument("--sandbox", type=Path, required=True)
    ap.add_argument("--platform", action="append", required=True)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()

    dist_info = args.dist_info.name  # phonecom-0.1.0.dist-info
    name_version = dist_info[: -len(".dist-info")]
    wheel_meta = (args.dist_info / "WHEEL").read_text()
    python_abi, tags = wheel_tags(wheel_meta, args.platform)
    kept = [line for line in wheel_meta.splitlines() if not line.startswith("Tag:")]
    wheel_meta = "\n".join(kept + [f"Tag: {tag}" for tag in tags]) + "\n"

    package = args.package.name
    files: List[Tuple[str, bytes, int]] = []  # (name in the wheel, content, mode)
    for path in sorted(args.package.rglob("*")):
        if path.is_dir() or "__pycache__" in path.parts or path.suffix in (".pyc", ".so"):
            continue
        files.append((f"{package}/{path.relative_to(args.package).as_posix()}", path.read_bytes(), 0o644))
    files.append((f"{package}/_native.abi3.so", args.native.read_bytes(), 0o755))
    files.append((f"{package}/bin/phonecom-sandbox", args.sandbox.read_bytes(), 0o755))
    for meta in sorted(args.dist_info.iterdir()):
        if meta.name not in ("WHEEL", "RECORD"):
            files.append((f"{dist_info}/{meta.name}", meta.read_bytes(), 0o644))
    files.append((f"{dist_info}/WHEEL", wheel_meta.encode(), 0o644))

    platform = ".".join(sorted(args.platform))
    out = args.out / f"{name_version}-{python_abi}-{platform}.whl"
    args.out.mkdir(parents=True, exist_ok=True)
    record = [record_line(name, data) for name, data, _ in files] + [f"{dist_info}/RECORD,,"]
    files.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode(), 0o644))
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data, mode in files:
            info = zipfile.ZipInfo(name, EPOCH)
            info.external_attr = (stat.S_IFREG | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    print(out)


if __name__ == "__main__":
    main()
