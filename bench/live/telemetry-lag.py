#!/usr/bin/env python3
"""Telemetry lag as an independent subscriber sees it, per 10 s of simulated time (docs/benchmarks.md).

Run mosquitto_sub beside a LiveBench run, then read its output against the run's log (which names the wall-clock
instant the field's simulated time started):

    mosquitto_sub -h 127.0.0.1 -p 18830 -t 'gridfleet-bench/+/devices/+/telemetry' -F '%U %p' > /tmp/sub.txt &
    java ... org.gridfleet.bench.LiveBench ... > /tmp/run.txt 2>&1
    python3 bench/live/telemetry-lag.py /tmp/sub.txt /tmp/run.txt

Lag is the receive time (mosquitto_sub's %U) minus the wall-clock instant at which the field reached the report's
time stamp, as LiveBench measures it at the center.
"""
import datetime
import json
import re
import sys


def epoch(text):
    text = text.replace('Z', '')
    whole, frac = (text.split('.') + ['0'])[:2]
    return datetime.datetime.fromisoformat(whole).replace(tzinfo=datetime.timezone.utc).timestamp() + float('0.' + frac)


log = open(sys.argv[2]).read()
m = re.search(r'running from (\S+) \(simulated\) at (\S+) \(wall', log)
sim_start, wall_start = epoch(m.group(1)), epoch(m.group(2))
windows = {}
for line in open(sys.argv[1]):
    try:
        received, payload = line.split(' ', 1)
        t = epoch(json.loads(payload)['time'])
    except (ValueError, KeyError):
        continue
    lag_ms = (float(received) - (wall_start + (t - sim_start))) * 1000
    windows.setdefault(int((t - sim_start) // 10), []).append(lag_ms)
print('| t s | reports | lag min ms | lag p50 ms | lag p99 ms | lag max ms |')
print('|---:|---:|---:|---:|---:|---:|')
for k in sorted(windows):
    lags = sorted(windows[k])
    n = len(lags)
    print('| %d–%d | %d | %.1f | %.1f | %.1f | %.1f |' % (k * 10, k * 10 + 10, n, lags[0], lags[n // 2],
                                                       lags[min(n - 1, -(-99 * n // 100) - 1)], lags[-1]))
