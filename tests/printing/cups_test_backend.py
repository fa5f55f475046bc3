#!/usr/bin/python3
"""A CUPS backend for the printing tests: a printer that runs out of paper, goes offline or fails.

Installed by the tests as ``/usr/lib/cups/backend/stationtest`` (mode 0700: CUPS runs it as root).
The device URI says what it does: ``stationtest:/<reason>/<folder>``:

* ``media-empty``, ``offline``, ``door-open``: reports that state reason to CUPS (``STATE: +...``)
  and holds the job until ``<folder>/release`` exists, then takes the reason back and prints;
* ``fail``: fails the job (exit 1, CUPS_BACKEND_FAILED: the queue's error policy decides);
* ``ok``: prints at once.

"Printing" copies the job's bytes to ``<folder>/job-<id>.out``.
"""

import os
import shutil
import sys
import time

if len(sys.argv) == 1:  # discovery: lpinfo -v lists what this backend offers
    print('direct stationtest "Unknown" "Station test printer"')
    sys.exit(0)

job_id = sys.argv[1]
uri = os.environ.get("DEVICE_URI", "")
_, _, rest = uri.partition(":/")
reason, _, folder = rest.partition("/")
folder = "/" + folder

if reason == "fail":
    print("ERROR: the test printer failed the job", file=sys.stderr, flush=True)
    sys.exit(1)
if reason != "ok":
    print(f"STATE: +{reason}-error", file=sys.stderr, flush=True)
    print(f"INFO: waiting ({reason})", file=sys.stderr, flush=True)
    deadline = time.monotonic() + 300
    while not os.path.exists(os.path.join(folder, "release")) and time.monotonic() < deadline:
        time.sleep(0.1)
    print(f"STATE: -{reason}-error", file=sys.stderr, flush=True)
with open(os.path.join(folder, f"job-{job_id}.out"), "wb") as out:
    if len(sys.argv) > 6:  # the job's file, else its bytes on standard input
        with open(sys.argv[6], "rb") as source:
            shutil.copyfileobj(source, out)
    else:
        shutil.copyfileobj(sys.stdin.buffer, out)
sys.exit(0)
