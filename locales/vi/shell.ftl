shell-window-title = Trợ lý Dịch vụ công
shell-sign-in-done = Bạn đã đăng nhập xong. Vui lòng đóng trang này và quay lại ứng dụng Trợ lý Dịch vụ công.
shell-pick-file-title = Chọn tệp để đính kèm

# Mục của ứng dụng trong trình đơn của máy (tệp .desktop của gói cài đặt).
shell-desktop-comment = Tìm thủ tục hành chính, khai hồ sơ từng bước và nộp lên Cổng Dịch vụ công
shell-desktop-keywords = dịch vụ công;thủ tục hành chính;hồ sơ;khai sinh;dich vu cong;thu tuc;ho so;
