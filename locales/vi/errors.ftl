# Thông báo lỗi khi kiểm tra câu trả lời, và lỗi của ứng dụng.

error-required = Vui lòng trả lời câu hỏi này.
error-answer-kind = Câu trả lời không đúng dạng. Vui lòng nhập lại.
error-text-too-long = Nội dung dài { $length } ký tự, vượt quá { $limit } ký tự cho phép. Vui lòng viết ngắn lại.
error-citizen-id-format = Số định danh cá nhân phải gồm đúng 12 chữ số (bạn đã nhập { $count } chữ số). Vui lòng nhập đủ 12 chữ số in trên thẻ căn cước.
error-citizen-id-character = Số định danh cá nhân chỉ gồm chữ số; ký tự “{ $character }” không dùng được. Bạn có thể gõ liền 12 chữ số, hoặc cách nhau bằng dấu chấm hay dấu cách.
warning-citizen-id-abroad = Ba chữ số đầu ({ $code }) không phải mã tỉnh, thành phố nào. Nếu bạn được đăng ký khai sinh ở nước ngoài thì đó là mã quốc gia và số này vẫn đúng; nếu không, vui lòng xem lại số trên thẻ căn cước.
error-citizen-id-holder-sex = Chữ số thứ 4 của số định danh này cho biết đây là số của một người { $encoded ->
        [male] nam
       *[female] nữ
    }, nhưng ở đây cần số định danh của một người { $expected ->
        [male] nam
       *[female] nữ
    }. Vui lòng kiểm tra lại, có thể đã nhập nhầm số của người khác.
error-citizen-id-birth-year = Số định danh này ứng với năm sinh { $encoded }, nhưng ngày sinh đã khai là năm { $entered }. Vui lòng kiểm tra lại một trong hai.
error-citizen-id-birth-year-future = Số định danh này ứng với năm sinh { $encoded }, là năm chưa tới. Vui lòng kiểm tra lại chữ số thứ 4 đến thứ 6.
error-citizen-id-sex = Chữ số thứ 4 của số định danh cho biết giới tính { $encoded ->
        [male] nam
       *[female] nữ
    }, khác với giới tính đã khai. Vui lòng kiểm tra lại.
error-phone-format = Vui lòng nhập số di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09, ví dụ 0912345678 (có thể viết +84 ở đầu). Số máy bàn không dùng được.
error-phone-length = Số điện thoại di động gồm 10 chữ số (bạn đã nhập { $count } chữ số). Vui lòng kiểm tra lại.
error-email-format = Địa chỉ thư điện tử chưa đúng. Vui lòng kiểm tra lại, ví dụ: ten@gmail.com.
error-date-format = Vui lòng nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2024.
error-date-year = Vui lòng ghi năm đủ 4 chữ số, ví dụ 2024.
error-date-too-early = Năm { $year } sớm hơn năm 1900, ứng dụng không nhận ngày trước năm 1900. Vui lòng kiểm tra lại năm.
error-date-not-on-calendar = Ngày { $value } không có trên lịch. Vui lòng kiểm tra lại ngày và tháng.
error-date-future = Ngày này chưa tới (hôm nay là { $today }). Vui lòng kiểm tra lại.
error-name-letters = Họ tên chỉ gồm chữ cái, dấu cách, dấu nháy (') và gạch nối (-). Vui lòng xóa ký tự “{ $character }”.
error-name-full = Vui lòng ghi đầy đủ họ, chữ đệm (nếu có) và tên, ví dụ: Nguyễn Thị Lan.
error-name-typing = Chữ “{ $word }” có vẻ được gõ khi bộ gõ tiếng Việt đang tắt. Vui lòng bật bộ gõ và gõ lại có dấu.
warning-name-no-diacritics = Tên này chưa có dấu. Nếu tên có dấu, bạn nên viết có dấu như trên thẻ căn cước; nếu tên đúng là không dấu, bạn cứ tiếp tục.
error-choice-unknown = Vui lòng chọn một trong các lựa chọn có sẵn.
error-number-format = Vui lòng chỉ nhập chữ số.
error-number-min = Số nhỏ nhất được nhập là { $min }.
error-number-max = Số lớn nhất được nhập là { $max }.
error-address-province = Vui lòng chọn tỉnh, thành phố.
error-address-commune = Vui lòng chọn xã, phường, đặc khu thuộc tỉnh, thành phố đã chọn.
error-address-street = Vui lòng ghi số nhà, tên đường; thôn, ấp, bản hoặc tổ dân phố.

# Lỗi của ứng dụng (không gắn với một câu hỏi).
error-procedure-not-found = Không tìm thấy thủ tục { $code }. Có thể danh mục đã được cập nhật; vui lòng tìm lại.
error-catalog = Danh mục thủ tục đi kèm ứng dụng bị lỗi, nên chưa mở được. Vui lòng cài lại ứng dụng hoặc liên hệ bộ phận hỗ trợ.
error-unexpected = Đã có lỗi ngoài dự kiến. Thông tin bạn đã nhập vẫn còn; vui lòng thử lại.

# Lỗi của cơ sở dữ liệu trên máy và của tệp đính kèm.
error-store-too-new = Dữ liệu trên máy này do một phiên bản mới hơn của ứng dụng tạo ra. Vui lòng cập nhật ứng dụng lên phiên bản mới nhất; dữ liệu của bạn vẫn được giữ nguyên.
error-store-locked = Dữ liệu đang được một chương trình khác sử dụng (có thể ứng dụng đang mở ở cửa sổ khác). Vui lòng đóng chương trình đó rồi thử lại; thông tin bạn vừa nhập vẫn còn trên màn hình.
error-store-disk-full = Ổ đĩa máy tính đã đầy nên chưa lưu được. Vui lòng xóa bớt tệp không dùng đến rồi bấm “Thử lại”; thông tin bạn vừa nhập vẫn còn trên màn hình.
error-store-io = Ứng dụng không đọc hoặc ghi được vào thư mục lưu dữ liệu { $path }. Vui lòng nhờ bộ phận hỗ trợ kiểm tra.
error-store-failed = Ứng dụng gặp trục trặc khi lưu dữ liệu trên máy. Thông tin bạn vừa nhập vẫn còn trên màn hình; vui lòng thử lại. Nếu vẫn không được, hãy nhờ bộ phận hỗ trợ kiểm tra.
error-store-set-aside = Tệp dữ liệu cũ bị hỏng nên ứng dụng đã cất riêng ở { $path } (không xóa) và bắt đầu với dữ liệu mới. Bộ phận hỗ trợ có thể giúp bạn khôi phục từ tệp đó.
error-not-found = Không tìm thấy { $what ->
        [draft] hồ sơ đang soạn này
        [profile] thông tin người khai này
        [submission] hồ sơ chờ gửi này
       *[other] tệp đính kèm này
    }; có thể đã bị xóa trước đó.
error-profile-value = Một số thông tin chưa đúng nên thông tin người khai chưa được lưu. Vui lòng sửa các ô được đánh dấu bên dưới.
error-attachment-kind = Tệp này không phải là { $accepted } (ứng dụng kiểm tra nội dung tệp, không dựa vào đuôi tên tệp). Vui lòng chọn đúng bản chụp hoặc bản quét.
error-attachment-too-large = Tệp nặng { $size } MB, vượt quá { $limit } MB cho phép. Vui lòng quét lại với độ phân giải thấp hơn hoặc nén tệp.
error-attachment-truncated = Tệp bị thiếu phần cuối (có thể tải về hoặc sao chép chưa xong). Vui lòng lấy lại tệp gốc rồi đính kèm lại.
error-attachment-name = Tên tệp có ký tự không dùng được (dấu gạch chéo hoặc ký tự điều khiển). Vui lòng đổi tên tệp rồi đính kèm lại.
error-attachment-empty = Tệp này trống, không có nội dung. Vui lòng chọn tệp khác.
error-attachment-not-a-file = Mục bạn chọn không phải là một tệp thông thường (có thể là thư mục hoặc một mục đặc biệt của hệ thống). Vui lòng chọn đúng tệp bản chụp hoặc bản quét.
error-attachment-missing = Một tệp đính kèm của hồ sơ chờ gửi đã bị mất hoặc hỏng trên máy này. Vui lòng đính kèm lại tệp đó rồi nộp lại hồ sơ.
error-procedure-mismatch = Hồ sơ đang soạn này thuộc một thủ tục khác. Vui lòng quay về trang chủ và mở lại hồ sơ.

# Lỗi khi khởi động ứng dụng và khi mở dữ liệu trên máy.
error-launch-portal-insecure = Địa chỉ Cổng Dịch vụ công đã cài đặt dùng http:// không mã hóa, nên ứng dụng không kết nối để bảo vệ thông tin của bạn. Chỉ chấp nhận địa chỉ https:// (riêng 127.0.0.1 dùng để thử nghiệm). Vui lòng nhờ bộ phận kỹ thuật sửa mục TRO_LY_PORTAL_URL.
error-launch-portal-url = Địa chỉ Cổng Dịch vụ công đã cài đặt (TRO_LY_PORTAL_URL) không phải là một địa chỉ hợp lệ. Vui lòng nhờ bộ phận kỹ thuật kiểm tra lại.
error-launch-portal-key = Khóa ký của Cổng Dịch vụ công đã cài đặt (TRO_LY_PORTAL_KEY) không hợp lệ. Vui lòng nhờ bộ phận kỹ thuật kiểm tra lại.
error-launch-data-folder = Ứng dụng không tìm được thư mục để lưu dữ liệu trên máy này. Vui lòng nhờ bộ phận kỹ thuật chỉ định thư mục bằng mục TRO_LY_DATA_DIR.
error-launch-training-portal = Cổng Dịch vụ công tập huấn chưa khởi động được. Dữ liệu của bạn vẫn an toàn; vui lòng đóng rồi mở lại ứng dụng.
error-payment-not-waiting = Hồ sơ này không có khoản nào đang chờ thanh toán, nên không có mã để trả tiền.
error-payment-code-invalid = Mã thanh toán cổng gửi về { $reason ->
        [amount] ghi số tiền khác với số bạn phải nộp
        [bill] không ghi đúng mã hồ sơ của bạn
        [checksum] đã bị sai lệch
        [network] không phải mã chuyển khoản NAPAS
       *[other] không đúng định dạng VietQR
    }, nên ứng dụng không hiển thị mã. Vui lòng không chuyển tiền theo mã này; hãy liên hệ cơ quan giải quyết hồ sơ.
error-vault-passphrase-short = Mật khẩu cần dài ít nhất { $min } ký tự. Vui lòng đặt mật khẩu dài hơn.
error-vault-wrong-key = Mật khẩu chưa đúng, hoặc dữ liệu trên máy này đã được khóa bằng một mật khẩu khác. Vui lòng kiểm tra bộ gõ, phím Caps Lock rồi nhập lại.
error-vault-keyring = Kho khóa của hệ điều hành không phản hồi. Vui lòng mở khóa kho khóa (hoặc đăng xuất rồi đăng nhập lại máy tính), sau đó mở lại ứng dụng.

error-document-filled-by-app = Tờ khai này do ứng dụng điền từ câu trả lời của bạn, không cần đính kèm tệp.
error-dossier-not-found = Không tìm thấy hồ sơ này trên máy. Vui lòng mở lại danh sách hồ sơ đã nộp.
error-supplement-not-open = Hồ sơ này không còn chờ bổ sung, hoặc phần bổ sung đã được gửi.
error-withdraw-reason = Vui lòng ghi lý do rút hồ sơ (tối đa 1.000 ký tự).
error-withdraw-too-late = Hồ sơ đã có kết quả hoặc đã dừng giải quyết nên không rút được nữa.
error-rating-incomplete = Vui lòng chọn một mức cho mỗi câu hỏi trước khi gửi đánh giá.
error-rating-not-open = Chỉ đánh giá được hồ sơ đã trả kết quả và chưa được đánh giá.
error-already-rated = Mã hồ sơ đã được đánh giá, không thể đánh giá lại. Đánh giá đầu tiên được giữ nguyên.
error-feedback-text = Vui lòng ghi tiêu đề (tối đa 200 ký tự) và nội dung (tối đa 5.000 ký tự); mỗi phản ánh kèm tối đa 5 tệp.
error-receipt-not-found = Hồ sơ này chưa có biên lai điện tử.
error-result-not-found = Tệp kết quả chưa được tải về máy này. Vui lòng chờ ứng dụng tải về rồi thử lại.
error-result-no-viewer = Máy tính này chưa có ứng dụng mở được tệp kết quả (thường là tệp PDF). Hãy cài một ứng dụng đọc PDF hoặc nhờ bộ phận hỗ trợ, rồi bấm "Mở" lại.
error-photo-too-small-to-fix = Cắt cho đúng tỉ lệ thì ảnh còn nhỏ hơn mức tối thiểu, nên ứng dụng không sửa được. Vui lòng chụp lại ảnh ở độ phân giải cao hơn.
error-photo-cannot-fix = Ứng dụng không sửa được ảnh này. Vui lòng chọn hoặc chụp một ảnh khác.

## Updates: the version in use keeps working in every case.
error-update-unreachable = Chưa kiểm tra được bản cập nhật vì không kết nối được máy chủ cập nhật. Vui lòng kiểm tra kết nối mạng rồi thử lại sau.
error-update-signature = Bản cập nhật này không có chữ ký hợp lệ của nhà phát triển nên ứng dụng không cài. Phiên bản đang dùng vẫn hoạt động bình thường.
error-update-interrupted = Việc tải bản cập nhật bị gián đoạn nên chưa có gì được cài. Phiên bản đang dùng vẫn hoạt động bình thường; vui lòng thử lại khi mạng ổn định.
error-update-install = Ứng dụng chưa cài được bản cập nhật (có thể máy cần quyền quản trị). Phiên bản đang dùng vẫn hoạt động bình thường; vui lòng nhờ bộ phận kỹ thuật cài giúp.
error-update-nothing-offered = Hiện không có bản cập nhật nào chờ cài. Vui lòng kiểm tra lại bản cập nhật.
error-form-not-drawn = Chưa tạo được tệp PDF. Vui lòng thử lại; nếu vẫn không được, hãy báo bộ phận hỗ trợ.
error-file-not-saved = Không lưu được tệp vào chỗ bạn chọn. Vui lòng chọn thư mục khác.
error-export-failed = Chưa xuất được bảng dữ liệu. Vui lòng thử lại; nếu vẫn không được, hãy báo bộ phận hỗ trợ.
error-not-officer = Việc này chỉ dành cho tài khoản cán bộ bộ phận một cửa.
error-desk-not-set = Chưa thiết lập quầy. Vào “Quầy một cửa” để nhập tên đơn vị và địa bàn trước khi in phiếu.
error-consent-missing = Cần có sự đồng ý của công dân trước khi cán bộ xử lý dữ liệu của họ. Hãy đọc nội dung đồng ý cho công dân và đánh dấu khi họ đồng ý.
error-no-citizen-served = Hồ sơ do cán bộ nộp thay phải thuộc một công dân đang được phục vụ. Vào “Tiếp công dân” để ghi nhận công dân và sự đồng ý của họ trước khi nộp.
error-desk-invalid = { $field ->
        [name] Vui lòng nhập tên đơn vị tiếp nhận (từ 2 đến 150 ký tự).
        [province] Vui lòng chọn tỉnh, thành phố trong danh sách.
       *[commune] Xã, phường đã chọn không thuộc tỉnh, thành phố này. Vui lòng chọn lại.
    }
error-audit-log-broken = { $problem ->
        [changed] Nhật ký thao tác trên máy này đã bị sửa ở mục số { $entry }.
        [removed] Nhật ký thao tác trên máy này đã bị xóa mất một hoặc nhiều mục ngay trước mục số { $entry }.
       *[truncated] Nhật ký thao tác trên máy này đã bị xóa mất { $missing } mục cuối.
    } Ứng dụng vẫn ghi tiếp nhật ký. Hãy báo ngay cho người phụ trách bộ phận một cửa và không tự sửa tệp dữ liệu.
