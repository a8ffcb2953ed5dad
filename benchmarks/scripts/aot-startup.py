#!/usr/bin/env python3
"""Start-up time and peak memory of the sample app, normal JVM mode against Spring AOT mode on the JVM.

Runs the executable jar (built by ./mvnw -B -pl sample-app -am package) RUNS times in each mode, alternating the
modes, and prints the median of: the "Started SampleApplication in X seconds" time Spring Boot logs, the process
time at that point ("process running for Y"), and the peak resident set size of the whole run (VmHWM from
/proc/<pid>/status, Linux only). Every run must exit with 0 and report 17 of 17 operations.

Usage: python3 benchmarks/scripts/aot-startup.py [RUNS] [JAR]
"""
import os
import re
import statistics
import subprocess
import sys
import time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5
JAR = sys.argv[2] if len(sys.argv) > 2 else "sample-app/target/sample-app-0.1.0-SNAPSHOT.jar"
JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
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


def run(aot):
    command = [JAVA] + (["-Dspring.aot.enabled=true"] if aot else []) + [
        "-jar", JAR, "--spring.main.log-startup-info=true", "--formance.orchestration.base-url="]
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
    for _ in range(RUNS):
        for aot in (False, True):
            results[aot].append(run(aot))
    print(f"sample app, {RUNS} runs per mode, median (min-max)")
    print(f"{'mode':<12}{'context started (s)':>24}{'process at start (s)':>24}  {'peak RSS (MiB)':>22}")
    for aot in (False, True):
        columns = list(zip(*results[aot]))
        cells = [f"{statistics.median(c):.2f} ({min(c):.2f}-{max(c):.2f})" for c in columns]
        print(f"{'AOT' if aot else 'JVM':<12}{cells[0]:>24}{cells[1]:>24}  {cells[2]:>22}")


if __name__ == "__main__":
    main()
