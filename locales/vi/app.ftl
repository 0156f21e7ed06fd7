# Giao diện của Trợ lý Dịch vụ công (tiếng Việt).
# Mỗi id phải có trong locales/en/app.ftl.

app-name = Trợ lý Dịch vụ công

## Đầu trang và điều hướng

nav-skip-to-content = Bỏ qua, đến nội dung chính
nav-home = Về trang chủ
nav-language = Ngôn ngữ
nav-language-vi = Tiếng Việt
nav-language-en = English

## Dùng chung

common-loading = Đang tải, vui lòng chờ trong giây lát…
common-retry = Thử lại
common-yes = Có
common-no = Không
common-error-prefix = Lỗi:
common-error-unexpected = Đã có lỗi xảy ra. Vui lòng thử lại; nếu vẫn không được, vui lòng đóng và mở lại ứng dụng.

## Trang chủ

home-title = Bạn cần làm thủ tục gì?
home-intro = Bạn có thể tìm thủ tục hành chính, xem cần chuẩn bị những giấy tờ gì, rồi khai thông tin theo từng bước.
home-search-label = Tìm thủ tục
home-search-hint = Vui lòng gõ vài từ, có dấu hoặc không dấu. Ví dụ: khai sinh, kết hôn, đổi bằng lái.
home-results-title = Danh sách thủ tục
home-searching = Đang tìm…
home-result-count =
    { $count ->
        [0] Không tìm thấy thủ tục nào phù hợp. Bạn vui lòng thử từ khác.
       *[other] Có { $count } thủ tục.
    }
home-result-agency = Nơi giải quyết: { $level }
home-result-fee = Lệ phí: { $fee }
home-topics-title = Tìm theo lĩnh vực
home-life-events-title = Tìm theo sự kiện trong cuộc sống
home-filter-active = Đang xem các thủ tục thuộc: { $filter }
home-filter-clear = Bỏ lọc, xem tất cả

## Trang thủ tục

procedure-code = Mã thủ tục: { $code }
procedure-start = Bắt đầu khai
procedure-back-home = Quay lại trang chủ
procedure-documents-title = Thành phần hồ sơ
procedure-document-conditional = Chỉ cần trong một số trường hợp; ứng dụng sẽ cho bạn biết khi khai.
procedure-facts-title = Thông tin về thủ tục
procedure-fee-title = Lệ phí
procedure-fee-rules-title = Trường hợp riêng:
procedure-fee-rule = { $reason } Mức thu: { $fee }.
procedure-processing-time-title = Thời hạn giải quyết
procedure-agency-title = Cơ quan giải quyết
procedure-agency-level = Cấp giải quyết: { $level }
procedure-online-title = Hình thức thực hiện
procedure-legal-basis-title = Căn cứ pháp lý
procedure-legal-reference = { $number } — { $title }
procedure-notes-title = Ghi chú

## Khai thông tin từng bước

wizard-progress = Bước { $current }/{ $total }
wizard-optional = (không bắt buộc)
wizard-back = Quay lại
wizard-next = Tiếp tục
wizard-error-summary-title = Vui lòng sửa các lỗi sau
wizard-error-link = { $label }: { $message }
wizard-date-placeholder = dd/mm/yyyy
wizard-address-province = Tỉnh, thành phố
wizard-address-province-choose = Chọn tỉnh, thành phố
wizard-address-commune-filter = Tìm xã, phường, đặc khu theo tên (không bắt buộc)
wizard-address-commune-none = Không có xã, phường nào khớp với tên này. Bạn vui lòng kiểm tra lại.
wizard-address-commune = Xã, phường, đặc khu
wizard-address-commune-choose = Chọn xã, phường, đặc khu
wizard-address-commune-first = Vui lòng chọn tỉnh, thành phố trước
wizard-address-street = Số nhà, tên đường, thôn, tổ dân phố

## Kiểm tra lại thông tin

review-title = Kiểm tra lại thông tin
review-intro = Bạn vui lòng đọc lại các câu trả lời. Nếu cần sửa, bấm “Thay đổi” ở dòng tương ứng.
review-change = Thay đổi
review-change-field = { " " }câu trả lời “{ $label }”
review-not-answered = Chưa trả lời
review-documents-title = Giấy tờ cần chuẩn bị
review-documents-intro = Vui lòng chuẩn bị các giấy tờ sau để nộp kèm hồ sơ.
review-document-files = Định dạng tệp: { $kinds }; dung lượng tối đa { $size } MB.
review-fee-title = Lệ phí
review-ready = Hồ sơ đã đủ thông tin. Bạn bấm “Hoàn tất” để kết thúc phần khai.
review-not-ready = Hồ sơ chưa đủ thông tin. Vui lòng hoàn thành các bước sau rồi bấm “Hoàn tất”:
review-go-to-step = Đi đến bước “{ $title }”
review-finish = Hoàn tất

## Hoàn tất

done-title = Bạn đã khai xong
done-body = Thông tin cho thủ tục “{ $name }” đã đầy đủ. Vui lòng chuẩn bị đủ các giấy tờ dưới đây trước khi nộp hồ sơ.
done-back = Xem lại thông tin
