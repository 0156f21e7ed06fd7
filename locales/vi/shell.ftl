shell-window-title = Trợ lý Dịch vụ công
shell-sign-in-done = Bạn đã đăng nhập xong. Vui lòng đóng trang này và quay lại ứng dụng Trợ lý Dịch vụ công.
shell-pick-file-title = Chọn tệp để đính kèm
