"""A one-paragraph description of the machine a benchmark ran on."""

from __future__ import annotations

import os
import platform
import re
import sys
from importlib import metadata
from pathlib import Path


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or platform.machine()
    match = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else platform.machine()


def _ram() -> str:
    try:
        text = Path("/proc/meminfo").read_text()
    except OSError:
        return "?"
    match = re.search(r"^MemTotal:\s+(\d+) kB", text, re.MULTILINE)
    return f"{int(match.group(1)) / 2**20:.1f} GiB" if match else "?"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe() -> dict[str, str]:
    """CPU, cores, RAM, Python, Textual, PyYAML (and whether it has libyaml), OS, load."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    try:
        import yaml

        libyaml = "with libyaml" if getattr(yaml, "__with_libyaml__", False) else "NO libyaml"
    except ImportError:
        libyaml = ""
    try:
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "?"
    return {
        "CPU": _cpu_model(),
        "cores": f"{os.cpu_count()} ({usable} usable)",
        "RAM": _ram(),
        "Python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "Textual": _version("textual"),
        "PyYAML": f"{_version('pyyaml')} {libyaml}".strip(),
        "OS": platform.platform(),
        "load average at start": load,
    }


def markdown(info: dict[str, str]) -> str:
    """The description as one Markdown line."""
    return "Machine: " + "; ".join(f"{key}: {value}" for key, value in info.items())
