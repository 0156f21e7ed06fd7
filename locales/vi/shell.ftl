shell-window-title = Trợ lý Dịch vụ công
shell-sign-in-done = Bạn đã đăng nhập xong. Vui lòng đóng trang này và quay lại ứng dụng Trợ lý Dịch vụ công.
shell-pick-file-title = Chọn tệp để đính kèm

# Mục của ứng dụng trong trình đơn của máy (tệp .desktop của gói cài đặt).
shell-desktop-comment = Tìm thủ tục hành chính, khai hồ sơ từng bước và nộp lên Cổng Dịch vụ công
shell-desktop-keywords = dịch vụ công;thủ tục hành chính;hồ sơ;khai sinh;dich vu cong;thu tuc;ho so;

# `tro-ly-dich-vu-cong --unverified`: thông tin trong danh mục chưa có nguồn đã đối chiếu (cho cán bộ và người bảo trì).
cli-unverified-count = { $facts } thông tin của { $procedures } thủ tục chưa được đối chiếu với văn bản chính thức:
cli-unverified-none = Mọi thông tin trong danh mục đều đã được đối chiếu với văn bản chính thức.
cli-unverified-procedure = { $code } — { $name }
cli-unverified-fact = {"  "}• { $fact }: { $source }
cli-unverified-no-source = chưa ghi nguồn
cli-unverified-checked = xem ngày { $day }
shell-save-checklist-title = Lưu danh sách giấy tờ cần mang
shell-save-receipt-slip-title = Lưu giấy tiếp nhận hồ sơ và hẹn trả kết quả
shell-export-audit-log-title = Lưu nhật ký thao tác (CSV)
