#!/usr/bin/env python3
"""Replays a load's sessions on two idle cores (bench/ingest.md).

    ingest_replay.py LOG START END [CORES [JOBS]]

LOG is the server log of bench/ingest.sh with log_statement_stats on and
log_line_prefix '%m [%p] '; START and END are byte offsets (the first load).
Every session's CPU is the sum of its statements' user + system seconds.
Sessions that ran ingest_table (the batches) are handed, in the order they
started, to whichever of CORES workers is free first; sessions that merged
a pending list (gin_clean_pending_list) come after them, likewise (the
loader runs up to -j of them at once).  Prints the sessions' CPU, the
replayed wall and efficiency = CPU / (CORES x wall).  It does not model
the lock on a GIN index's pending list.  The loader's merger session
(--merger) runs beside the batches: the wall is then at least its CPU and
all the CPU over CORES.
"""
import re
import sys

def sessions(text):
    head = re.compile(r'^\S+ \S+ \S+ \[(\d+)\] ')
    usage = re.compile(r'!\s+([\d.]+) s user, ([\d.]+) s system, ([\d.]+) s elapsed')
    cpu, first, kind = {}, {}, {}
    pid = None
    for n, line in enumerate(text.splitlines()):
        m = head.match(line)
        if m:
            pid = m.group(1)
            first.setdefault(pid, n)
        if pid is not None:     # a statement's text goes on in lines without the prefix
            if 'ingest_table' in line:
                kind[pid] = 'batch'
            elif 'maintenance_work_mem' in line:
                kind[pid] = 'merger'     # the loader's --merger session
            elif 'gin_clean_pending_list' in line and pid not in kind:
                kind[pid] = 'merge'
        u = usage.search(line)
        if u and pid is not None:
            cpu[pid] = cpu.get(pid, 0.0) + float(u.group(1)) + float(u.group(2))
    order = sorted((p for p in kind if p in cpu), key=lambda p: (kind[p] != 'batch', first[p]))
    return [(kind[p], cpu[p]) for p in order]

def main():
    log, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    cores = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    jobs = int(sys.argv[5]) if len(sys.argv) > 5 else cores
    with open(log, 'rb') as f:
        f.seek(start)
        text = f.read(end - start).decode('utf-8', 'replace')
    work = sessions(text)
    merger = sum(c for k, c in work if k == 'merger')
    work = [(k, c) for k, c in work if k != 'merger']
    free = [0.0] * min(cores, jobs)     # the loader's -j sessions
    batches_end = 0.0
    for k, c in work:
        if k == 'merge':
            # merges start once every batch is done
            free = [max(t, batches_end) for t in free]
        i = free.index(min(free))
        free[i] += c
        if k == 'batch':
            batches_end = max(batches_end, free[i])
    total = sum(c for _, c in work) + merger
    wall = max(free) if work else 0.0
    if merger:
        # the merger runs beside the batches: no less than its own CPU, nor
        # than all the CPU shared by the cores (a bound: the cores are shared
        # by three sessions, and the batches' replay ignores the merger)
        wall = max(wall, merger, total / cores)
    print('sessions: %s; batches %.2f s, end merges %.2f s, merger %.2f s; CPU %.2f s, replayed wall %.2f s, efficiency %.2f' % (
        ' '.join('%s%.2f' % (k[0], c) for k, c in work),
        sum(c for k, c in work if k == 'batch'), sum(c for k, c in work if k == 'merge'), merger,
        total, wall, total / (cores * wall) if wall else 0.0))

main()
