#!/usr/bin/env python3
"""Start-up time and peak memory of the sample app, normal JVM mode against Spring AOT mode on the JVM.

Runs the executable jar (built by ./mvnw -B -pl sample-app -am package) RUNS times in each mode, alternating the
modes, against an embedded Orchestration server in a process of its own (StandaloneStack, from orchestration-test's test
classes, on the sample's test class path that the build writes to sample-app/target/test-classpath.txt), and prints the median of: the "Started
SampleApplication in X seconds" time Spring Boot logs, the process time at that point ("process running for Y"),
and the peak resident set size of the whole run (VmHWM from /proc/<pid>/status, Linux only). Every run must exit
with 0 and report 17 of 17 operations.

Usage: python3 benchmarks/scripts/aot-startup.py [RUNS] [JAR]
"""
import os
import re
import statistics
import subprocess
import sys
import threading
import time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
JAR = sys.argv[2] if len(sys.argv) > 2 else "sample-app/target/sample-app-0.1.0-SNAPSHOT.jar"
JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
CLIENT_ID, CLIENT_SECRET = "aot-startup", "aot-startup-secret"
STARTED = re.compile(r"Started SampleApplication in ([0-9.]+) seconds \(process running for ([0-9.]+)\)")


def peak_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def start_stack():
    """Starts StandaloneStack and returns the process and its base URL; closing its stdin stops it."""
    with open("sample-app/target/test-classpath.txt") as classpath:
        path = "orchestration-test/target/test-classes:" + classpath.read().strip()
    stack = subprocess.Popen([JAVA, "-cp", path, "io.github.formancecommunity.orchestration.test.StandaloneStack",
                              CLIENT_ID, CLIENT_SECRET], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    for line in stack.stdout:
        if line.startswith("BASE_URL "):
            # the server keeps logging: drain its output so that it never blocks on a full pipe
            threading.Thread(target=lambda: stack.stdout.read(), daemon=True).start()
            return stack, line.split()[1]
    stack.kill()
    sys.exit("the embedded server ended before printing its base URL")


def run(aot, base_url):
    command = [JAVA] + (["-Dspring.aot.enabled=true"] if aot else []) + [
        "-jar", JAR, "--spring.main.log-startup-info=true", "--formance.orchestration.base-url=" + base_url,
        "--formance.orchestration.auth.client-id=" + CLIENT_ID,
        "--formance.orchestration.auth.client-secret=" + CLIENT_SECRET]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0
    # The pipe is read after the end; the sample prints a few kilobytes, well under the pipe's buffer.
    while process.poll() is None:
        value = peak_rss_kb(process.pid)
        if value:
            peak = max(peak, value)
        time.sleep(0.02)
    out = process.stdout.read()
    match = STARTED.search(out)
    if process.returncode != 0 or not match or "operations: 17 of 17 succeeded" not in out:
        sys.exit(f"run failed (aot={aot}, exit {process.returncode}):\n{out}")
    if aot and "Starting AOT-processed SampleApplication" not in out:
        sys.exit("the AOT run did not use the generated artifacts:\n" + out)
    return float(match.group(1)), float(match.group(2)), peak / 1024


def main():
    results = {False: [], True: []}
    stack, base_url = start_stack()
    try:
        for _ in range(RUNS):
            for aot in (False, True):
                results[aot].append(run(aot, base_url))
    finally:
        stack.stdin.close()
        stack.wait(timeout=30)
    print(f"sample app, {RUNS} runs per mode, median (min-max)")
    print(f"{'mode':<12}{'context started (s)':>24}{'process at start (s)':>24}  {'peak RSS (MiB)':>22}")
    for aot in (False, True):
        columns = list(zip(*results[aot]))
        cells = [f"{statistics.median(c):.2f} ({min(c):.2f}-{max(c):.2f})" for c in columns]
        print(f"{'AOT' if aot else 'JVM':<12}{cells[0]:>24}{cells[1]:>24}  {cells[2]:>22}")


if __name__ == "__main__":
    main()
