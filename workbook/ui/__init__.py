"""PySide6 widgets. They call `workbook.accounts.WorkbookService` and friends, never SQL, and
import nothing from `workbook.storage` except its error classes.

    app.py            run_gui() and create_main_window()
    main_window.py    the stack of screens and moving between them; lock; remembered geometry
                      and last section, per workbook folder (common/workbook_state.py)
    prompts.py        every dialog that asks or tells something (tests pre-answer it)
    theme.py          Fusion palette, light and dark, following the system
    widgets.py        plain-text labels, passphrase fields, inline messages, scrolling pages
    welcome.py, create_flow.py, recovery_page.py, unlock.py     before the workbook is open
    shell.py, home.py, invite.py, settings_page.py, lazy_pages.py    the open workbook
"""

