"""Entry point of the frozen GAN Studio bundle (PyInstaller runs this file)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from gan_studio.__main__ import main

    sys.exit(main())
