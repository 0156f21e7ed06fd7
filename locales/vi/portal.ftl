# Trạng thái hồ sơ trên Cổng Dịch vụ công, thông báo, và lỗi khi nộp.

# Tên các trạng thái theo Cổng Dịch vụ công quốc gia (mã TrangThaiHoSo 1–10);
# "Đang gửi tệp đính kèm" là bước của ứng dụng, trước khi cổng nhận hồ sơ.
dossier-status-awaiting_attachments = Đang gửi tệp đính kèm
dossier-status-submitted = Mới đăng ký
dossier-status-received = Được tiếp nhận
dossier-status-rejected = Không được tiếp nhận
dossier-status-in_review = Đang xử lý
dossier-status-supplement_required = Yêu cầu bổ sung giấy tờ
dossier-status-payment_required = Yêu cầu thực hiện nghĩa vụ tài chính
dossier-status-withdrawn = Công dân yêu cầu rút hồ sơ
dossier-status-stopped = Dừng xử lý
dossier-status-result_ready = Đã xử lý xong
dossier-status-returned = Đã trả kết quả

notification-status-title = Hồ sơ { $code }
notification-status-body = Trạng thái mới: { $status } (ngày { $date }).

error-portal-offline = Chưa kết nối được với Cổng Dịch vụ công. Hồ sơ của bạn vẫn được lưu trên máy và sẽ tự gửi khi có kết nối.
error-portal-busy = Cổng Dịch vụ công đang quá tải. Ứng dụng sẽ tự thử lại sau { $seconds } giây; bạn không cần làm gì thêm.
error-portal-sign-in = Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại; hồ sơ chờ gửi vẫn được giữ nguyên.
error-portal-refused = Cổng Dịch vụ công không nhận yêu cầu này. Vui lòng xem lý do sau đây, sửa rồi gửi lại; nếu cần hỗ trợ, hãy gọi tổng đài 1800 1096. Lý do: { $detail }
error-portal-failed = Cổng Dịch vụ công đang gặp sự cố. Hồ sơ của bạn vẫn được lưu trên máy; ứng dụng sẽ tự thử lại.
error-portal-rule = Câu trả lời này chưa đúng quy định của thủ tục. Vui lòng đọc kỹ câu hỏi (và phần hướng dẫn, nếu có) rồi sửa câu trả lời.
error-draft-not-ready = Hồ sơ còn câu hỏi chưa trả lời hoặc chưa đúng, hoặc còn giấy tờ chưa đính kèm. Vui lòng kiểm tra lại trước khi nộp.
error-draft-submitted = Hồ sơ này đã được nộp nên không sửa được nữa. Nếu cần thay đổi, vui lòng chờ cơ quan yêu cầu bổ sung hoặc liên hệ cơ quan giải quyết.
error-portal-document-not-required = Giấy tờ này không thuộc thành phần hồ sơ theo các câu trả lời của bạn. Vui lòng gỡ tệp đã đính kèm.
error-portal-not-asked = Cơ quan không yêu cầu bổ sung mục này; phần bổ sung chỉ gồm những mục trong phiếu yêu cầu.
error-portal-document-missing = Hồ sơ thiếu tệp đính kèm của giấy tờ này. Vui lòng đính kèm bản chụp hoặc bản quét rồi nộp lại.
error-portal-document-duplicate = Giấy tờ này được đính kèm hai lần. Vui lòng giữ lại một tệp.
error-portal-file-size = Tệp đính kèm vượt quá dung lượng cho phép. Vui lòng thay bằng tệp nhỏ hơn.
error-portal-file-checksum = Tệp đính kèm bị thay đổi trong lúc gửi. Vui lòng đính kèm lại tệp.
error-portal-file-name = Tên tệp đính kèm không hợp lệ. Vui lòng đổi tên tệp rồi đính kèm lại.
error-not-training = Tài khoản thử nghiệm chỉ dùng được ở chế độ tập huấn. Vui lòng đăng nhập qua trình duyệt bằng tài khoản định danh điện tử.
error-portal-too-large = Cổng Dịch vụ công không nhận một tệp đính kèm vì tệp lớn hơn mức cổng cho phép. Vui lòng thay bằng tệp nhỏ hơn (quét lại với độ phân giải thấp hơn) rồi nộp lại.
