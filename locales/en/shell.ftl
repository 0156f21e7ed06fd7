shell-window-title = Public Service Assistant
shell-sign-in-done = You are signed in. Please close this page and go back to the Public Service Assistant app.
shell-pick-file-title = Choose a file to attach
