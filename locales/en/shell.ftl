shell-window-title = Public Service Assistant
