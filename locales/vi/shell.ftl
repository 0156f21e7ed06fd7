shell-window-title = Trợ lý Dịch vụ công
