shell-window-title = Public Service Assistant
shell-sign-in-done = You are signed in. Please close this page and go back to the Public Service Assistant app.
shell-pick-file-title = Choose a file to attach

# The app's entry in the computer's menu (the installer's .desktop file).
shell-desktop-comment = Find an administrative procedure, fill in the dossier step by step and submit it to the National Public Service Portal
shell-desktop-keywords = public service;administrative procedure;dossier;birth registration;

# `tro-ly-dich-vu-cong --unverified`: catalog facts without a verified source (for officers and maintainers).
cli-unverified-count = { $facts } facts of { $procedures } procedures have not been checked against the official texts:
cli-unverified-none = Every fact in the catalog has been checked against the official texts.
cli-unverified-procedure = { $code } — { $name }
cli-unverified-fact = {"  "}• { $fact }: { $source }
cli-unverified-no-source = no source recorded
cli-unverified-checked = read on { $day }
shell-save-checklist-title = Save the document checklist
shell-save-receipt-slip-title = Save the dossier receipt and appointment slip
shell-export-audit-log-title = Save the activity log (CSV)
