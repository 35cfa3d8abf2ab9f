"""Compiles the Vietnamese admin catalogs (`src/toasoan/locale/*/LC_MESSAGES/*.po`)
to `.mo` files when the package is built or installed, editable installs included,
with pure Python: a fresh machine has no GNU gettext."""

from pathlib import Path

import polib
from setuptools import setup
from setuptools.command.build_py import build_py

SOURCE = Path(__file__).resolve().parent / "src"


class BuildWithCatalogs(build_py):
    def run(self):
        super().run()
        target = SOURCE if self.editable_mode else Path(self.build_lib)
        for po in (SOURCE / "toasoan" / "locale").glob("*/LC_MESSAGES/*.po"):
            mo = target / po.relative_to(SOURCE).with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            polib.pofile(str(po)).save_as_mofile(str(mo))


setup(cmdclass={"build_py": BuildWithCatalogs})
