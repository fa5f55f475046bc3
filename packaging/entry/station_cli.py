"""Entry script of the bundled ``station-cli`` (pyproject: ``station-cli = "station.cli.main:main"``).

PyInstaller runs its entry script as ``__main__``; a thin script that imports the package keeps
the package's own modules importable as modules (station/cli/main.py uses relative imports).
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a label-merge child of the frozen program starts here too
    from station.cli.main import main

    sys.exit(main())
