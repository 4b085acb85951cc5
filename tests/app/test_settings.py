"""AppSettings: a damaged settings file is kept aside, never written over."""

from __future__ import annotations

from gan_studio.app.settings import AppSettings

DAMAGED = b"[General]\nrecent_runs=@Invalid(\n[window\n"


def test_a_damaged_settings_file_is_kept_aside_and_the_user_told(qapp, tmp_path):
    path = tmp_path / "settings.ini"
    path.write_bytes(DAMAGED)
    settings = AppSettings(path)
    kept = tmp_path / "settings.ini.bak"
    assert settings.kept_aside == kept and kept.read_bytes() == DAMAGED
    assert settings.pending_notice() == (f"The settings file could not be read; it was kept as {kept} and the "
                                         f"settings start afresh.")
    settings.add_recent_run(tmp_path)
    assert kept.read_bytes() == DAMAGED
    again = AppSettings(path)                        # the new file reads back; the .bak is left alone
    assert again.kept_aside is None and again.recent_runs() == [str(tmp_path.resolve())]


def test_a_good_settings_file_is_left_in_place(qapp, tmp_path):
    path = tmp_path / "settings.ini"
    AppSettings(path).add_recent_run(tmp_path)
    settings = AppSettings(path)
    assert settings.kept_aside is None and settings.recent_runs() == [str(tmp_path.resolve())]
    assert not (tmp_path / "settings.ini.bak").exists()
