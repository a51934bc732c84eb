"""Run ``rashomon`` with a fault injected at a chosen point (for the kill tests).

    python driver.py [--kill-after-saves K] [--kill-in-link STEP] [--kill-before-rename NAME]
                     [--interrupt-in-link STEP] [--file-size-limit BYTES] -- ARGS...

``--kill-*`` SIGKILLs this process at that point (what a power cut or the OOM
killer does); ``--interrupt-*`` raises KeyboardInterrupt there (Ctrl-C at that
exact moment); ``--file-size-limit`` makes every file write past that size fail
(RLIMIT_FSIZE), as on a full disk.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import sys


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kill-after-saves", type=int)
    parser.add_argument("--kill-in-link")
    parser.add_argument("--interrupt-in-link")
    parser.add_argument("--kill-before-rename")
    parser.add_argument("--file-size-limit", type=int)
    options, rest = parser.parse_known_args()
    args = rest[1:] if rest[:1] == ["--"] else rest

    if options.kill_after_saves is not None:
        from rashomon.store.sqlite import Store

        original = Store.save_document
        saved = [0]

        def save_then_die(self, analysis, extractor=""):
            original(self, analysis, extractor)
            saved[0] += 1
            if saved[0] >= options.kill_after_saves:
                die()

        Store.save_document = save_then_die

    for step_name, action in (
        (options.kill_in_link, die),
        (options.interrupt_in_link, lambda: (_ for _ in ()).throw(KeyboardInterrupt())),
    ):
        if step_name:
            from rashomon.link import corpus

            original_step = corpus.LINK_STEPS[step_name]

            def faulty(context, original_step=original_step, action=action):
                original_step(context)
                action()

            corpus.LINK_STEPS[step_name] = faulty

    if options.kill_before_rename:
        from rashomon import atomicfile

        real_replace = os.replace

        def replace_or_die(source, target):
            if os.path.basename(os.fspath(target)) == options.kill_before_rename:
                die()
            real_replace(source, target)

        atomicfile.os = type(sys)("os_with_fault")
        atomicfile.os.__dict__.update(os.__dict__)
        atomicfile.os.replace = replace_or_die

    if options.file_size_limit is not None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (options.file_size_limit,) * 2)

    from rashomon.cli import app

    sys.argv = ["rashomon", *args]
    app()


if __name__ == "__main__":
    main()
