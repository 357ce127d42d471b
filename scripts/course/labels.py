"""The words on every button and file picker, in one place.

Templates print them with `{{ label.check_answers }}`; lesson pages, the guides, the checker's
messages and the printed worksheets quote them exactly (tests/test_labels.py checks every
quote), so a learner who reads "press “Check my answers”" finds that very button.
Buttons whose words change while in use (a timer's "Stop ...") carry the second label in a
data attribute, so the scripts never spell a label themselves.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    # every checked exercise
    "check_answers": "Check my answers",
    "check_speech": "Check my speech",
    "check_message": "Check my message",
    "try_again": "Try again",
    "print_worksheet": "Print my worksheet",
    # pitch
    "start_practice": "Start the practice timer",
    "stop_practice": "Stop the practice timer",
    "start_measuring": "Start measuring",
    "stop_measuring": "Stop measuring",
    "read_aloud": "Read my speech aloud",
    # pitch and dialogue: recording yourself
    "record": "Record",
    "stop_recording": "Stop recording",
    "delete_recording": "Delete my recording",
    # dialogue
    "listen_all": "Listen to it all",
    "listen_line": "Listen",
    "pause": "Pause",
    "resume": "Resume",
    "stop": "Stop",
    "your_turn": "Your turn: say my lines",
    "end_turn": "Stop my turn",
    "said_it": "I said it: next",
    "next_line": "Next line",
    "check_choices": "Check my choices",
    "show_line": "Show the line",
    "hide_line": "Hide the line",
    # message
    "copy_message": "Copy my message",
    # tracker
    "add_row": "Add a row",
    "remove_row": "Remove",
    "undo_remove": "Undo",
    "download_table": "Download as a spreadsheet file",
    # lessons and My progress
    "lesson_done": "Mark this lesson as done",
    "save_answers": "Save my answers as a file",
    "open_answers": "Open a saved answers file",
    "clear_answers": "Clear my answers",
    "continue": "Continue where you left off",
    "start_course": "Start the first lesson",
}
"""Button and file-picker labels by name. Change a label here only."""


def all_labels() -> set[str]:
    return set(LABELS.values())
