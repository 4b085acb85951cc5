"""The banner keeps every message that arrives while another is showing (newest first)."""

from __future__ import annotations

from gan_studio.app.banner import MAX_MESSAGES, Banner


def make(qtbot) -> Banner:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show()            # its parent would; show_message alone decides whether the strip is visible
    banner.hide()
    return banner


def test_a_second_message_does_not_hide_the_first(qtbot):
    banner = make(qtbot)
    banner.show_message("Mode collapse")
    assert banner.isVisible() and not banner.next_button.isVisible() and not banner.count_label.isVisible()
    banner.show_message("The discriminator wins")
    assert banner.label.text() == "The discriminator wins"
    assert banner.count_label.text() == "1 of 2" and banner.next_button.isVisible()
    banner.next_button.click()
    assert banner.label.text() == "Mode collapse" and banner.count_label.text() == "2 of 2"
    banner.close_button.click()              # dismissing one shows the other
    assert banner.isVisible() and banner.label.text() == "The discriminator wins"
    assert not banner.next_button.isVisible()
    banner.close_button.click()
    assert not banner.isVisible() and banner.messages() == []


def test_acting_on_a_message_runs_its_action_then_shows_the_next_with_its_own(qtbot):
    banner = make(qtbot)
    ran = []
    banner.show_message("Mode collapse", "Branch", lambda: ran.append("branch"))
    banner.show_message("D wins", "Halve D's rate", lambda: ran.append("halve"), "Ignore", lambda: ran.append("x"))
    assert banner.second_button.isVisible()
    banner.action_button.click()
    assert ran == ["halve"]
    assert banner.label.text() == "Mode collapse" and banner.action_button.text() == "Branch"
    assert not banner.second_button.isVisible()
    banner.action_button.click()
    assert ran == ["halve", "branch"] and not banner.isVisible()


def test_the_same_text_again_moves_to_the_front_instead_of_repeating(qtbot):
    banner = make(qtbot)
    for text in ("a", "b", "a"):
        banner.show_message(text)
    assert banner.messages() == ["a", "b"] and banner.label.text() == "a"


def test_only_the_newest_messages_are_kept(qtbot):
    banner = make(qtbot)
    for i in range(MAX_MESSAGES + 3):
        banner.show_message(f"message {i}")
    assert banner.messages() == [f"message {i}" for i in range(MAX_MESSAGES + 2, 2, -1)]
    assert banner.count_label.text() == f"1 of {MAX_MESSAGES}"


def test_withdraw_takes_one_message_away_and_clear_all(qtbot):
    banner = make(qtbot)
    banner.show_message("Following run-1")
    banner.show_message("Diverged")
    banner.next_button.click()                # "Following run-1" shows
    banner.withdraw("Following run-1")
    assert banner.label.text() == "Diverged" and banner.messages() == ["Diverged"]
    banner.withdraw("not there")
    assert banner.isVisible() and banner.messages() == ["Diverged"]
    banner.show_message("Another")
    banner.clear()
    assert not banner.isVisible() and banner.messages() == []


def test_a_message_with_the_same_key_shows_once_and_run_messages_go_with_the_run(qtbot):
    banner = make(qtbot)
    banner.show_message("Setup opened")
    banner.show_message("D wins (step 100)", key="warning:d-wins", run=True)
    banner.show_message("D wins (step 900)", key="warning:d-wins", run=True)     # the same warning again
    assert banner.messages() == ["D wins (step 900)", "Setup opened"] and banner.count_label.text() == "1 of 2"
    banner.show_message("Mode collapse", key="warning:collapse", run=True)
    banner.withdraw("warning:d-wins")                         # its condition ended
    assert banner.keys() == ["warning:collapse", "Setup opened"]
    banner.clear_run()                                        # another run, lesson or branch on screen
    assert banner.messages() == ["Setup opened"] and banner.label.text() == "Setup opened"


def test_the_card_floats_over_its_host_fits_its_text_and_moves_nothing(qtbot):
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    below = QLabel("plots")
    QVBoxLayout(host).addWidget(below)
    host.resize(1000, 600)
    banner = Banner()
    banner.attach(host)
    host.show()
    qtbot.waitExposed(host)
    before = below.geometry()
    long = " ".join(["The generator draws nearly the same picture every time."] * 12)
    banner.show_message(long, "Branch from step 1,600 with the fix…", lambda: None)
    assert banner.isVisible() and below.geometry() == before              # the layout did not move
    assert host.rect().contains(banner.geometry())
    inner = banner.scroll.viewport().height()
    assert banner.label.heightForWidth(banner.scroll.viewport().width()) <= inner   # the text is whole
    host.resize(700, 500)                                     # narrower: the card follows, still whole
    qtbot.waitUntil(lambda: banner.geometry().right() <= host.width())
    assert host.rect().contains(banner.geometry())
    assert banner.label.heightForWidth(banner.scroll.viewport().width()) <= banner.scroll.viewport().height()


def test_hide_folds_the_card_into_a_small_button_and_news_opens_it(qtbot):
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    qtbot.addWidget(host)
    host.resize(900, 600)
    banner = Banner()
    banner.attach(host)
    host.show()
    qtbot.waitExposed(host)
    banner.show_message("Mode collapse: the same picture every time.", "Branch…", lambda: None,
                        key="warning:collapse", run=True)
    full = banner.geometry()
    banner.hide_button.click()
    assert banner.is_folded() and banner.isVisible() and not banner.scroll.isVisible()
    assert banner.geometry().height() < full.height() and banner.geometry().width() < full.width()
    assert banner.show_button.text() == "⚠ 1 message(s): show"
    banner.show_message("Mode collapse again", key="warning:collapse", run=True)    # the same warning: stays folded
    assert banner.is_folded()
    banner.show_message("The discriminator wins", key="warning:d-wins", run=True)   # news: it opens
    assert not banner.is_folded() and banner.scroll.isVisible() and banner.count_label.text() == "1 of 2"
    banner.hide_button.click()
    banner.show_button.click()
    assert not banner.is_folded() and banner.label.text() == "The discriminator wins"
