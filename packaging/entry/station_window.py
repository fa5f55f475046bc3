"""Entry script of the bundled window, ``station`` (pyproject: ``station = "station.ui.app:main"``).

PyInstaller runs its entry script as ``__main__``; a thin script that imports the package keeps
the package's own modules importable as modules (relative imports, one copy of each).
"""

import multiprocessing
import sys

if __name__ == "__main__":
    # A label-merge child of the frozen program starts here too: let it go to its work before the
    # window's imports (station/printing/merge_child.py).
    multiprocessing.freeze_support()
    from station.ui.app import main

    sys.exit(main())
